import type { IDataObject } from 'n8n-workflow';

/**
 * What the Reporting API's refusals mean, in the user's words: the credential test and the
 * transport say the same thing about the same answer.
 */
export const KEY_REJECTED_HINT =
	'Test keys (test-secret-key-…) work only with Test, live keys only with Live; the checkout key is not accepted.';

/** A 400 to the credential test: only a Merchant Number can make that request invalid. */
export const MERCHANT_NUMBER_HINT =
	'if a Merchant Number is set, it must be the number of a merchant your partner key may act for.';

/** Nexi's `{message, code, source}` error body, when there is one. */
export function nexiErrorFields(body: IDataObject | undefined): {
	code?: string;
	message?: string;
	source?: string;
} {
	if (!body || typeof body !== 'object') return {};
	const pick = (key: string) =>
		typeof body[key] === 'string' || typeof body[key] === 'number' ? String(body[key]) : undefined;
	return { code: pick('code'), message: pick('message'), source: pick('source') };
}

/** The 400 body `{"errors": {"fromDate": ["..."]}}` as `fromDate: ...` lines. */
export function listFieldErrors(body: IDataObject | undefined): string[] {
	const errors = body?.errors;
	if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return [];
	return Object.entries(errors as IDataObject).map(([field, messages]) => {
		const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
		return `${field}: ${list.join(' ')}`;
	});
}
