/**
 * The currencies XPay's capture and refund take, by their ISO 4217 numeric codes: the ones
 * Nexi's own WooCommerce plugin sends to contabilizza and storna (answers carry the letters),
 * and GBP and DKK, in which the plugin offers Klarna on XPay's hosted page. All of them have
 * two decimals. An order in another currency is moved with the numeric code its detail gives
 * (codiceValuta), if it does.
 */
export const CURRENCIES: Record<string, string> = {
	EUR: '978',
	CZK: '203',
	PLN: '985',
	AUD: '036',
	NZD: '554',
	GBP: '826',
	DKK: '208',
};

/** The Currency choice that takes the order's own currency. */
export const SAME_AS_ORDER = 'order';

/** An order's currency as letters. Answers carry letters; a numeric code is read back too. */
export function currencyLetters(value: unknown): string | undefined {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (/^[A-Za-z]{3}$/.test(text)) return text.toUpperCase();
	if (/^\d{1,3}$/.test(text)) {
		const numeric = text.padStart(3, '0');
		return Object.keys(CURRENCIES).find((letters) => CURRENCIES[letters] === numeric);
	}
	return undefined;
}
