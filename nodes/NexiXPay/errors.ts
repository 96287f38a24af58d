import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

/**
 * Nexi's back-office error codes, explained in English (after the spec's table, a close copy of
 * Nexi's "Codici errore API Restful"). Nexi's own Italian message is always kept beside it.
 */
export const XPAY_ERROR_EXPLANATIONS: Record<number, string> = {
	1: 'a value in the request is missing or not in the expected format',
	2: 'the requested information was not found',
	3: 'the request MAC is wrong: the MAC Key does not belong to this alias',
	4: 'the request carried no MAC',
	5: "the request's timestamp is more than 5 minutes away from Nexi's clock",
	6: 'the apiKey does not contain a valid alias',
	7: 'the apiKey does not contain a valid alias',
	8: 'the recurring-payment contract is not valid',
	9: 'a transaction with this code already exists',
	12: 'the group is not valid',
	13: 'the transaction was not found',
	14: 'the card has expired',
	15: 'the card brand is not allowed',
	16: "this is not possible in the order's current state",
	17: 'the amount is higher than what can still be captured or refunded',
	18: 'the retry attempts are exhausted',
	19: 'the payment was refused',
	20: '3-D Secure authentication was cancelled',
	21: '3-D Secure authentication failed',
	22: 'the card cannot be charged (expired or blocked)',
	50: 'Nexi could not compute the MAC: the alias is unknown in this environment, or the request was not valid JSON',
	96: 'soft decline: the payment needs strong customer authentication',
	97: 'a generic error at Nexi',
	98: 'the method is not implemented yet',
	99: 'the operation is not permitted: the merchant profile lacks the requirements',
	100: 'an internal error at Nexi',
};

const HINTS: Record<number, string> = {
	2: 'Check the transaction code: it is the code the order was paid with (codTrans), case included.',
	3: 'Copy the MAC key that belongs to this alias and environment into the Nexi XPay API credential.',
	5: "Set the n8n server's clock right (NTP): XPay refuses requests whose time is more than 5 minutes off.",
	6: 'Check the alias and the environment of the credential: test aliases work only with Test.',
	7: 'Check the alias and the environment of the credential: test aliases work only with Test.',
	9: 'Use a new transaction code, or leave it empty to have one generated.',
	16: 'Read the order (Order → Get) to see its state: only authorized or partially captured orders can be captured, and an authorization can only be cancelled in full.',
	17: 'Read the order (Order → Get) to see how much is still open.',
	50: 'Check the alias and the environment of the credential: test aliases work only with Test.',
};

export function explainXPayError(code: number): string {
	return XPAY_ERROR_EXPLANATIONS[code] ?? 'an error this node has no explanation for';
}

/** A KO answer as a NodeApiError that keeps Nexi's code and Italian message. */
export function xpayError(
	node: INode,
	itemIndex: number,
	action: string,
	code: number,
	message: string,
	extra?: string,
): NodeApiError {
	const hint = HINTS[code] ? ` ${HINTS[code]}` : '';
	const error = new NodeApiError(node, { nexiCode: code, nexiMessage: message } as JsonObject, {
		message: `Nexi XPay could not ${action}: ${explainXPayError(code)} (error ${code})`,
		description: `Nexi's message: "${message}".${hint}${extra ? ` ${extra}` : ''}`,
		itemIndex,
	});
	error.context.nexi = { code, message };
	return error;
}
