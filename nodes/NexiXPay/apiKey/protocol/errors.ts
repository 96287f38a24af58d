/**
 * XPay's API-key platform answers refusals with `{"errors":[{"code":"PS0027","description":…}]}`
 * (../shared/specs/xpay-rest.md §4). Each code Nexi documents is explained here in English; the
 * code and Nexi's own description are always kept beside the explanation.
 */
const EXPLAINED: Record<string, string> = {
	PS0000: 'XPay refused the request (generic error)',
	PS0001: 'A PayPal payment cannot be cancelled this way',
	PS0002: 'Only an operation made today can be cancelled',
	PS0007: 'The amount to pay is larger than the order amount',
	PS0008: 'A date or time is not valid (or the range is longer than XPay allows)',
	PS0009: 'The currency is not valid for this order',
	PS0010: 'A date is not valid',
	PS0012: 'A date is not valid',
	PS0013: 'A date is not valid',
	PS0022: 'The authorization was already voided',
	PS0023: 'The authorization was already captured',
	PS0024: 'The payment was already refunded',
	PS0025: 'The idempotency key is wrong or missing',
	PS0026: 'A parameter is not valid',
	PS0027: 'The payment was already refunded in full',
	PS0028: 'The authorization was already voided',
	PS0029: 'The amount to refund is more than what was captured',
	PS0032: 'PayPal refused the void',
	PS0033: 'PayPal refused the refund',
	PS0034: 'PayPal refused the capture',
	PS0035: 'XPay could not read the request',
	PS0036: 'The amount is not a whole number of cents',
	PS0040: 'XPay found no terminal for this API key',
	PS0042: 'XPay refused the payment link',
	PS0044: 'XPay could not cancel the payment link',
	PS0045: 'The payment link was already used, so it cannot be cancelled',
	PS0051: 'XPay found no terminal for this API key',
	PS0052: 'XPay found no terminal for this API key',
	GW0001: 'A URL given to XPay is not valid (http or https, ports 80 or 443)',
};

export interface KeyApiError {
	code: string;
	description: string;
}

/** The first error of an errors body, leniently: a body of another shape gives undefined. */
export function firstError(body: unknown): KeyApiError | undefined {
	const errors = (body as { errors?: unknown } | undefined)?.errors;
	if (!Array.isArray(errors) || errors.length === 0) return undefined;
	const first = errors[0] as { code?: unknown; description?: unknown };
	const code =
		typeof first?.code === 'string' || typeof first?.code === 'number' ? String(first.code) : '';
	const description = typeof first?.description === 'string' ? first.description : '';
	return code || description ? { code, description } : undefined;
}

/** Nexi's error in English: the explanation, then Nexi's own code and words. */
export function explainError(error: KeyApiError): string {
	const known = EXPLAINED[error.code];
	const nexi = [error.code, error.description].filter(Boolean).join(' ');
	return known ? `${known} (XPay: ${nexi})` : `XPay refused the request: ${nexi}`;
}
