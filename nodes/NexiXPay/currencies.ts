/** ISO 4217 numeric codes, which XPay requests take (answers use the letters). */
export const CURRENCIES: Record<string, string> = {
	EUR: '978',
	USD: '840',
	GBP: '826',
	CHF: '756',
};
