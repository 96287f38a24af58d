/**
 * The bad-input table of docs/RELIABILITY.md: data only, shared by the test that checks every
 * row (bad-inputs.test.ts) and the script that prints the table (scripts/reliability-table.ts).
 */
type Node = 'reporting' | 'xpay' | 'checkout';

export interface BadInput {
	node: Node;
	label: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, string>;
	/** The start of the error message: it names the field and says what is expected. */
	message: string;
}

const REPORTING = {
	resource: 'payout',
	operation: 'getMany',
	fromDate: '2026-01-01',
	toDate: '2026-01-31',
	returnAll: true,
};
const ACTIONS = {
	resource: 'paymentAction',
	operation: 'getMany',
	payoutId: '11ebb9ef6a7d4df0b20d59ad574e9761',
	returnAll: true,
};
const CAPTURE = {
	resource: 'order',
	operation: 'capture',
	transactionCode: 'ORD-0001',
	amount: 10,
};
const LINK = {
	resource: 'payMailLink',
	operation: 'create',
	amount: 10,
	returnUrl: 'https://shop.example/ok',
};
const ORDERS = {
	resource: 'order',
	operation: 'getMany',
	fromDate: '2026-01-01',
	toDate: '2026-01-31',
	returnAll: true,
};

const PAGE = {
	resource: 'payment',
	operation: 'create',
	amount: 49.9,
	currency: 'SEK',
	reference: 'order-1042',
	returnUrl: 'https://shop.example/thanks',
	termsUrl: 'https://shop.example/terms',
};
const CHARGE = {
	resource: 'payment',
	operation: 'charge',
	paymentId: '025400006091b1ef6937598058c4e487',
	amount: 10,
};

/** Bad input across the nodes and their credentials: every row is refused before any request. */
export const BAD_INPUTS: BadInput[] = [
	{
		node: 'reporting',
		label: 'impossible date',
		parameters: { ...REPORTING, fromDate: '2026-02-30' },
		message: 'Invalid From Date: got "2026-02-30", expected a date such as 2024-05-31',
	},
	{
		node: 'reporting',
		label: 'day-first date',
		parameters: { ...REPORTING, toDate: '31/01/2026' },
		message: 'Invalid To Date: got "31/01/2026", expected a date',
	},
	{
		node: 'reporting',
		label: 'words for a date',
		parameters: { ...REPORTING, fromDate: 'last monday' },
		message: 'Invalid From Date: got "last monday"',
	},
	{
		node: 'reporting',
		label: 'expression that resolves to nothing',
		parameters: { ...REPORTING, fromDate: '={{ $json.missing }}' },
		message: 'Invalid From Date: got nothing, expected a date',
	},
	{
		node: 'reporting',
		label: 'expression that resolves to empty text',
		parameters: { ...REPORTING, toDate: '={{ "" }}' },
		message: 'Invalid To Date: got an empty value, expected a date',
	},
	{
		node: 'reporting',
		label: 'expression that resolves to a number of the wrong kind',
		parameters: { ...REPORTING, fromDate: '={{ true }}' },
		message: 'Invalid From Date: got true, expected a date',
	},
	{
		node: 'reporting',
		label: 'dates reversed',
		parameters: { ...REPORTING, fromDate: '2026-02-01' },
		message:
			'Invalid To Date: got "2026-01-31", expected a date on or after From Date (2026-02-01)',
	},
	{
		node: 'reporting',
		label: 'four-letter currency',
		parameters: { ...REPORTING, filters: { currency: 'EURO' } },
		message: 'Invalid Currency: got "EURO", expected a three-letter ISO 4217 code',
	},
	{
		node: 'reporting',
		label: 'currency with a digit',
		parameters: { ...REPORTING, filters: { currency: 'EU1' } },
		message: 'Invalid Currency: got "EU1"',
	},
	{
		node: 'reporting',
		label: 'limit of 0',
		parameters: { ...REPORTING, returnAll: false, limit: 0 },
		message: 'Invalid Limit: got 0, expected a whole number from 1',
	},
	{
		node: 'reporting',
		label: 'fractional limit',
		parameters: { ...REPORTING, returnAll: false, limit: 2.5 },
		message: 'Invalid Limit: got 2.5, expected a whole number',
	},
	{
		node: 'reporting',
		label: 'page size above 1000',
		parameters: { ...REPORTING, options: { pageSize: 5000 } },
		message: 'Invalid Page Size: got 5000, expected a whole number from 1 to 1000',
	},
	{
		node: 'reporting',
		label: 'no parallel requests',
		parameters: { ...REPORTING, options: { concurrency: 0 } },
		message: 'Invalid Parallel Requests: got 0, expected a whole number from 1 to 10',
	},
	{
		node: 'reporting',
		label: 'short payout id',
		parameters: { ...ACTIONS, payoutId: '11ebb9ef' },
		message: 'Invalid Payout ID: got "11ebb9ef", expected 32 hexadecimal digits',
	},
	{
		node: 'reporting',
		label: 'payout id with a non-hex letter',
		parameters: { ...ACTIONS, payoutId: 'g1ebb9ef6a7d4df0b20d59ad574e9761' },
		message: 'Invalid Payout ID: got "g1ebb9ef6a7d4df0b20d59ad574e9761"',
	},
	{
		node: 'reporting',
		label: 'payout id that is a number',
		parameters: { ...ACTIONS, payoutId: '={{ 12345 }}' },
		message: 'Invalid Payout ID: got 12345',
	},
	{
		node: 'reporting',
		label: 'empty payout id from an expression',
		parameters: { resource: 'payout', operation: 'get', payoutId: '={{ $json.none }}' },
		message: 'Invalid Payout ID: got nothing',
	},
	{
		node: 'reporting',
		label: 'export range reversed',
		parameters: { ...ACTIONS, source: 'dateRange', fromDate: '2026-03-02', toDate: '2026-03-01' },
		message:
			'Invalid To Date: got "2026-03-01", expected a date on or after From Date (2026-03-02)',
	},
	{
		node: 'reporting',
		label: 'plain-http custom URL',
		parameters: REPORTING,
		credentials: { baseUrl: 'http://nexi.example.com' },
		message: 'Base URL "http://nexi.example.com" must use https',
	},
	{
		node: 'reporting',
		label: 'custom URL that is not a URL',
		parameters: REPORTING,
		credentials: { baseUrl: 'nexi sandbox' },
		message: 'Base URL "nexi sandbox" is not a URL',
	},
	{
		node: 'reporting',
		label: 'empty custom URL',
		parameters: REPORTING,
		credentials: { baseUrl: '' },
		message: 'Base URL is empty',
	},
	{
		node: 'reporting',
		label: 'custom URL with a password in it',
		parameters: REPORTING,
		credentials: { baseUrl: 'https://user:secret@nexi.example.com' },
		message: 'Base URL must not contain a user name or password',
	},
	{
		node: 'xpay',
		label: 'amount with three decimals',
		parameters: { ...CAPTURE, amount: 19.999 },
		message:
			'Invalid Amount: got 19.999, expected a positive amount with at most two decimals, such as 19.99 (more than 2 decimal places)',
	},
	{
		node: 'xpay',
		label: 'zero amount',
		parameters: { ...CAPTURE, amount: 0 },
		message: 'Invalid Amount: got 0, expected a positive amount',
	},
	{
		node: 'xpay',
		label: 'negative amount',
		parameters: { ...CAPTURE, operation: 'refund', amount: -1 },
		message: 'Invalid Amount: got -1, expected a positive amount',
	},
	{
		node: 'xpay',
		label: 'amount as words',
		parameters: { ...CAPTURE, amount: 'ten euros' },
		message: 'Invalid Amount: got "ten euros"',
	},
	{
		node: 'xpay',
		label: 'amount with a thousands comma',
		parameters: { ...CAPTURE, amount: '1,250' },
		message: 'Invalid Amount: got "1,250"',
	},
	{
		node: 'xpay',
		label: 'amount over 99,999,999.99',
		parameters: { ...CAPTURE, amount: 100000000 },
		message:
			'Invalid Amount: got 100000000, expected a positive amount with at most two decimals, such as 19.99 (too large)',
	},
	{
		node: 'xpay',
		label: 'amount from an expression that resolves to nothing',
		parameters: { ...CAPTURE, amount: '={{ $json.missing }}' },
		message: 'Invalid Amount: got nothing',
	},
	{
		node: 'xpay',
		label: '31-character transaction code',
		parameters: { ...CAPTURE, transactionCode: 'A'.repeat(31) },
		message: `Invalid Transaction Code: got "${'A'.repeat(31)}", expected 2 to 30 characters without spaces`,
	},
	{
		node: 'xpay',
		label: 'one-character transaction code',
		parameters: { resource: 'order', operation: 'get', transactionCode: 'A' },
		message: 'Invalid Transaction Code: got "A"',
	},
	{
		node: 'xpay',
		label: 'transaction code with a space',
		parameters: { ...CAPTURE, transactionCode: 'ORD 1' },
		message: 'Invalid Transaction Code: got "ORD 1"',
	},
	{
		node: 'xpay',
		label: 'transaction code with an accent',
		parameters: { ...CAPTURE, transactionCode: 'ORDINE-CITTÀ' },
		message: 'Invalid Transaction Code: got "ORDINE-CITTÀ"',
	},
	{
		node: 'xpay',
		label: 'order list dates reversed',
		parameters: { ...ORDERS, fromDate: '2026-02-01' },
		message:
			'Invalid To Date: got "2026-01-31", expected a date on or after From Date (2026-02-01)',
	},
	{
		node: 'xpay',
		label: 'order list window of 91 days',
		parameters: { ...ORDERS, options: { windowDays: 91 } },
		message: 'Invalid Days per Request: got 91, expected a whole number from 1 to 90',
	},
	{
		node: 'xpay',
		label: 'unknown status filter',
		parameters: { ...ORDERS, filters: { statuses: ['paid'] } },
		message: 'Invalid Statuses: got "paid"',
	},
	{
		node: 'xpay',
		label: 'return URL without a scheme',
		parameters: { ...LINK, returnUrl: 'shop.example/ok' },
		message: 'Invalid Return URL: got "shop.example/ok", expected an http or https address',
	},
	{
		node: 'xpay',
		label: 'ftp return URL',
		parameters: { ...LINK, returnUrl: 'ftp://shop.example' },
		message: 'Invalid Return URL: got "ftp://shop.example"',
	},
	{
		node: 'xpay',
		label: 'link valid 0 hours',
		parameters: { ...LINK, expiresInHours: 0 },
		message: 'Invalid Expires In (Hours): got 0, expected a whole number from 1 upwards',
	},
	{
		node: 'xpay',
		label: 'link valid for part of an hour',
		parameters: { ...LINK, expiresInHours: 2.5 },
		message: 'Invalid Expires In (Hours): got 2.5, expected a whole number from 1 upwards',
	},
	{
		node: 'xpay',
		label: 'broken customer e-mail',
		parameters: { ...LINK, additionalFields: { email: 'mario@' } },
		message: 'Invalid Customer Email: got "mario@", expected an e-mail address',
	},
	{
		node: 'xpay',
		label: 'notification URL that is not one',
		parameters: { ...LINK, additionalFields: { notificationUrl: 'notify me' } },
		message: 'Invalid Notification URL: got "notify me"',
	},
	{
		node: 'xpay',
		label: 'extra parameter that would overwrite the MAC',
		parameters: {
			...LINK,
			additionalFields: { extraParameters: { parameter: [{ name: 'mac', value: 'x' }] } },
		},
		message: 'Invalid Extra Parameters: got "mac"',
	},
	{
		node: 'xpay',
		label: 'link list dates reversed',
		parameters: {
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: '2026-05-02',
			toDate: '2026-05-01',
			returnAll: true,
		},
		message: 'Invalid To Date: got "2026-05-01"',
	},
	{
		node: 'xpay',
		label: 'report id with a slash',
		parameters: { resource: 'report', operation: 'download', reportId: '../etc' },
		message: 'Invalid Report ID: got "../etc"',
	},
	{
		node: 'xpay',
		label: 'binary field name with a space',
		parameters: {
			resource: 'report',
			operation: 'download',
			reportId: '900001',
			binaryPropertyName: 'my file',
		},
		message: 'Invalid Put Output File in Field: got "my file", expected a field name such as data',
	},
	{
		node: 'xpay',
		label: 'report reference date that is not a date',
		parameters: { resource: 'report', operation: 'getMany', referenceDate: 'yesterday' },
		message: 'Invalid Reference Date: got "yesterday"',
	},
	{
		node: 'xpay',
		label: 'new code for a regenerated link too long',
		parameters: {
			resource: 'payMailLink',
			operation: 'regenerate',
			transactionCode: 'LINK-1',
			additionalFields: { newTransactionCode: 'B'.repeat(31) },
		},
		message: 'Invalid New Transaction Code',
	},
	{
		node: 'xpay',
		label: 'plain-http custom URL',
		parameters: CAPTURE,
		credentials: { baseUrl: 'http://xpay.example.com' },
		message: 'Base URL "http://xpay.example.com" must use https',
	},
	{
		node: 'xpay',
		label: 'custom URL on a private network over http',
		parameters: CAPTURE,
		credentials: { baseUrl: 'http://192.168.1.20:8080' },
		message: 'Base URL "http://192.168.1.20:8080" must use https',
	},
	{
		node: 'checkout',
		label: 'payment page for a negative amount',
		parameters: { ...PAGE, amount: -5 },
		message: 'Invalid Amount: got -5, expected a positive amount in SEK',
	},
	{
		node: 'checkout',
		label: 'order lines that do not add up to the amount',
		parameters: { ...PAGE, orderLines: { line: [{ name: 'Beans', unitPrice: 20, quantity: 2 }] } },
		message:
			'Invalid Order Lines: got "40.00 SEK", expected lines whose gross totals (price × quantity + tax) add up to the Amount, 49.90 SEK',
	},
	{
		node: 'checkout',
		label: 'page with no terms URL',
		parameters: { ...PAGE, termsUrl: 'terms' },
		message: 'Invalid Terms URL: got "terms", expected an http or https address',
	},
	{
		node: 'checkout',
		label: 'Notify URL over plain http in Test',
		parameters: { ...PAGE, additionalFields: { notifyUrl: 'http://n8n.example/webhook/x' } },
		credentials: { environment: 'test' },
		message: 'Invalid Notify URL: got "http://n8n.example/webhook/x", expected an https:// address',
	},
	{
		node: 'checkout',
		label: 'Notify URL with a credential without Webhook Authorization',
		parameters: { ...PAGE, additionalFields: { notifyUrl: 'https://n8n.example/webhook/x' } },
		credentials: { webhookAuthorization: '' },
		message:
			'Invalid Notify URL: got "https://n8n.example/webhook/x", expected a Nexi Checkout API credential with a Webhook Authorization',
	},
	{
		node: 'checkout',
		label: 'payment ID that is not one',
		parameters: { ...CHARGE, paymentId: 'order-1042' },
		message: 'Invalid Payment ID: got "order-1042", expected 32 hexadecimal digits',
	},
	{
		node: 'checkout',
		label: 'charge of text',
		parameters: { ...CHARGE, amount: 'ten' },
		message: 'Invalid Amount: got "ten", expected a positive amount in major units, or 0 for all',
	},
];
