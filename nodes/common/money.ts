/**
 * Exact conversion between the amounts people type (12.5, "19.99", "12,50") and the integer
 * minor units payment APIs take (1250, 1999), done on the decimal digits, never with
 * floating-point arithmetic: 0.07 is 7 and 19.99 is 1999, always.
 */
export type MinorUnitsResult = { ok: true; minor: number } | { ok: false; problem: string };

const MAX_MINOR = 9_999_999_999; // 99,999,999.99 in a two-decimal currency

export function toMinorUnits(value: unknown, decimals = 2): MinorUnitsResult {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return { ok: false, problem: 'not a number' };
		// The shortest text that reads back as the same number: 19.99 → "19.99".
		text = String(value);
		if (/e/i.test(text)) return { ok: false, problem: 'out of range' };
	} else if (typeof value === 'string') {
		text = value.trim();
		// A decimal comma, as typed in Italy: "12,50". "1,250" is ambiguous and refused below.
		if (/^-?\d+,\d{1,2}$/.test(text)) text = text.replace(',', '.');
	} else {
		return { ok: false, problem: 'not a number' };
	}
	const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
	if (!match) return { ok: false, problem: 'not a number' };
	const [, sign, whole, fraction = ''] = match;
	const significant = fraction.replace(/0+$/, '');
	if (significant.length > decimals) {
		return { ok: false, problem: `more than ${decimals} decimal places` };
	}
	const minor = Number(whole + significant.padEnd(decimals, '0'));
	if (sign === '-' && minor !== 0) return { ok: false, problem: 'negative' };
	if (minor === 0) return { ok: false, problem: 'zero' };
	if (minor > MAX_MINOR) return { ok: false, problem: 'too large' };
	return { ok: true, minor };
}

/** 1999 → 19.99 as a number: the exact decimal, rendered from the digits. */
export function toMajorUnits(minor: number, decimals = 2): number {
	const negative = minor < 0;
	const digits = String(Math.abs(Math.trunc(minor))).padStart(decimals + 1, '0');
	const whole = digits.slice(0, digits.length - decimals);
	const fraction = digits.slice(digits.length - decimals);
	return Number(`${negative ? '-' : ''}${whole}.${fraction}`);
}

/** 1999 → "19.99", for messages. */
export function formatMinor(minor: number, currency: string, decimals = 2): string {
	return `${toMajorUnits(minor, decimals).toFixed(decimals)} ${currency}`;
}

/** ISO 4217 currencies whose minor unit is not a hundredth: none at all, or a thousandth. */
const NO_DECIMALS = new Set([
	'BIF',
	'CLP',
	'DJF',
	'GNF',
	'ISK',
	'JPY',
	'KMF',
	'KRW',
	'PYG',
	'RWF',
	'UGX',
	'UYI',
	'VND',
	'VUV',
	'XAF',
	'XOF',
	'XPF',
]);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** How many decimals a currency's minor unit has (ISO 4217): 2 for EUR, SEK, DKK, NOK and most. */
export function currencyDecimals(currency: unknown): number {
	const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
	if (NO_DECIMALS.has(code)) return 0;
	if (THREE_DECIMALS.has(code)) return 3;
	return 2;
}
