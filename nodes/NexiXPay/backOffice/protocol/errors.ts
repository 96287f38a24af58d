/**
 * XPay's back-office error codes in English (after the spec's table, a close copy of Nexi's
 * "Codici errore API Restful"): what each means, what to do about it, and, for the codes that
 * mean the credential itself is wrong, what the credential's Test button says. Nexi's own
 * Italian message is always shown beside these.
 */
interface XPayErrorEntry {
	meaning: string;
	hint?: string;
	/** The credential test's verdict, for the codes that mean the credential is wrong. */
	credentialTest?: string;
}

const ALIAS_HINT =
	'Check the alias and the environment of the credential: test aliases (ALIAS_WEB_…) work only with Test, production aliases only with Production.';

const UNKNOWN_ALIAS = {
	hint: ALIAS_HINT,
	credentialTest: 'Nexi XPay does not know this alias in this environment',
};

export const XPAY_ERRORS: Record<number, XPayErrorEntry> = {
	1: { meaning: 'a value in the request is missing or not in the expected format' },
	2: {
		meaning: 'the requested information was not found',
		hint: 'Check the transaction code: it is the code the order was paid with (codTrans), case included.',
	},
	3: {
		meaning: 'the request MAC is wrong: the MAC Key does not belong to this alias',
		hint: 'Copy the MAC key that belongs to this alias and environment into the Nexi XPay API credential.',
		credentialTest: 'Nexi XPay refused the MAC',
	},
	4: { meaning: 'the request carried no MAC' },
	5: {
		meaning:
			"more than 5 minutes have passed since the request's timestamp was generated: the n8n server's clock is off from Nexi's",
		hint: "Set the n8n server's clock right (NTP): XPay refuses requests whose time is more than 5 minutes off.",
		credentialTest: "Nexi XPay refused the request's time",
	},
	6: { meaning: 'the apiKey does not contain a valid alias', ...UNKNOWN_ALIAS },
	7: { meaning: 'the apiKey does not contain a valid alias', ...UNKNOWN_ALIAS },
	8: { meaning: 'the recurring-payment contract is not valid' },
	9: {
		meaning: 'a transaction with this code already exists',
		hint: 'Use a new transaction code, or leave it empty to have one generated.',
	},
	12: { meaning: 'the group is not valid' },
	13: { meaning: 'the transaction was not found' },
	14: { meaning: 'the card has expired' },
	15: { meaning: 'the card brand is not allowed' },
	16: {
		meaning: "this is not possible in the order's current state",
		hint: 'Read the order (Order → Get) to see its state: only authorized or partially captured orders can be captured, and an authorization can only be cancelled in full.',
	},
	17: {
		meaning: 'the amount is higher than what can still be captured or refunded',
		hint: 'Read the order (Order → Get) to see how much is still open.',
	},
	18: { meaning: 'the retry attempts are exhausted' },
	19: { meaning: 'the payment was refused' },
	20: { meaning: '3-D Secure authentication was cancelled' },
	21: { meaning: '3-D Secure authentication failed' },
	22: { meaning: 'the card cannot be charged (expired or blocked)' },
	50: {
		meaning:
			'Nexi could not compute the MAC: the alias is unknown in this environment, or the request was not valid JSON',
		...UNKNOWN_ALIAS,
	},
	96: { meaning: 'soft decline: the payment needs strong customer authentication' },
	97: { meaning: 'a generic error at Nexi' },
	98: { meaning: 'the method is not implemented yet' },
	99: {
		meaning: 'the operation is not permitted: the merchant profile lacks the requirements',
		hint: 'Ask Nexi to enable the back-office API for this alias.',
		credentialTest: 'Nexi XPay says this merchant may not use the back-office API',
	},
	100: { meaning: 'an internal error at Nexi' },
};

/** "Not found": a read that gets it has an empty answer, not a failure. */
export const XPAY_NOT_FOUND = 2;

/** The codes that mean the alias or the MAC key is wrong (not the clock, not a permission). */
export const WRONG_KEY_CODES: readonly number[] = [3, 6, 7, 50];

/** The codes that an answer may carry without a MAC: Nexi cannot sign when it does not know the alias. */
export const UNSIGNED_ERROR_CODES: readonly number[] = [50, 99];

export function explainXPayError(code: number): string {
	return XPAY_ERRORS[code]?.meaning ?? 'an error this node has no explanation for';
}

export function xpayErrorHint(code: number): string | undefined {
	return XPAY_ERRORS[code]?.hint;
}

/** The codes the credential test tells apart, with what it says for each. */
export function credentialTestVerdicts(): Array<{ code: number; message: string }> {
	return Object.entries(XPAY_ERRORS)
		.filter(([, entry]) => entry.credentialTest !== undefined)
		.map(([code, entry]) => ({
			code: Number(code),
			message: `${entry.credentialTest} (error ${code}). ${entry.hint}`,
		}));
}
