// Nexi XPay with Authentication = API Key: XPay's current platform, through n8n-core, over real
// HTTP against the sandbox (default mode here; the variant mode at the end).
import { runNode, testCredential, type RunOptions } from '../helpers/harness';
import { jsonOf, leaks, pairingOf } from '../helpers/expect';
import { useSandbox } from '../helpers/sandbox';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const sandbox = useSandbox();
const key = () => sandbox.current.xpayKey;

const keyCredentials = (target: Sandbox, overrides: Record<string, string> = {}) => ({
	nexiXPayKeyApi: {
		environment: 'custom',
		baseUrl: target.url,
		apiKey: target.xpayKey.options.apiKey,
		...overrides,
	},
});

async function run(
	parameters: RunOptions['parameters'],
	extra: Partial<RunOptions> = {},
	target: Sandbox = sandbox.current,
) {
	return await runNode({
		type: 'n8n-nodes-nexi.nexiXPay',
		typeVersion: 2,
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: keyCredentials(target),
		...extra,
	});
}

const apiRequests = () =>
	sandbox.current.requests.filter((r) => r.path.startsWith('/api/phoenix-0.0/psp/api/v1/'));

const DAY = 24 * 3600_000;

beforeEach(() => {
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
});

describe('credential', () => {
	test('the Test button tells a good key, a rejected key and an unreachable address apart', async () => {
		const good = await testCredential(
			'nexiXPayKeyApi',
			keyCredentials(sandbox.current).nexiXPayKeyApi,
		);
		expect(good.status).toBe('OK');
		const rejected = await testCredential(
			'nexiXPayKeyApi',
			keyCredentials(sandbox.current, { apiKey: 'not-the-key' }).nexiXPayKeyApi,
		);
		expect(rejected.status).toBe('Error');
		expect(rejected.message).toMatch(/401|authori[sz]/i);
		const unreachable = await testCredential(
			'nexiXPayKeyApi',
			keyCredentials(sandbox.current, { baseUrl: 'http://127.0.0.1:9' }).nexiXPayKeyApi,
		);
		expect(unreachable.status).toBe('Error');
		expect(unreachable.message).toMatch(/ECONNREFUSED|connect/i);
		// The test reads the terminal's payment methods: nothing moves.
		expect(apiRequests().every((r) => r.method === 'GET')).toBe(true);
	});

	test('every request carries the key header and a fresh Correlation-Id, and the key stays out of items and errors', async () => {
		key().addOrder({ orderId: 'HDR-1', amount: 1000 });
		const ok = await run({ resource: 'order', operation: 'get', orderId: 'HDR-1' });
		const missing = await run({ resource: 'order', operation: 'get', orderId: 'NOPE-1' });
		const [first, second] = apiRequests();
		expect(first.headers['x-api-key']).toBe(key().options.apiKey);
		expect(first.headers['correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
		expect(second.headers['correlation-id']).not.toBe(first.headers['correlation-id']);
		expect(leaks(key().options.apiKey, ok.items, missing.error)).toBe(false);
	});

	test('a rejected key is said in English', async () => {
		const { error } = await runNode({
			type: 'n8n-nodes-nexi.nexiXPay',
			typeVersion: 2,
			parameters: { authentication: 'apiKey', resource: 'order', operation: 'get', orderId: 'X1' },
			credentials: keyCredentials(sandbox.current, { apiKey: 'wrong' }),
		});
		expect(error?.message).toBe('XPay rejected the API key for the Custom environment');
		expect(error?.httpCode).toBe('401');
	});
});

describe('order get', () => {
	test('simplified: English status, exact amounts, operations, ISO times', async () => {
		const record = key().addOrder({
			orderId: 'GET-1',
			amount: 1999,
			customer: { cardHolderName: 'Ada Lovelace', cardHolderEmail: 'ada@example.com' },
		});
		const { items } = await run({ resource: 'order', operation: 'get', orderId: 'GET-1' });
		const [order] = jsonOf(items);
		expect(order).toMatchObject({
			orderId: 'GET-1',
			status: 'authorized',
			amount: 19.99,
			amountMinor: 1999,
			currency: 'EUR',
			authorizedAmount: 19.99,
			capturedAmount: 0,
			refundedAmount: 0,
			paymentMethod: 'VISA',
			customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
		});
		expect(order.lastOperationTime).toBe(new Date(record.createdAt).toISOString());
		expect(order.operations).toEqual([
			expect.objectContaining({ type: 'AUTHORIZATION', result: 'AUTHORIZED', amount: 19.99 }),
		]);
	});

	test('simplify off: XPay’s object as sent', async () => {
		key().addOrder({ orderId: 'RAW-1', amount: 500 });
		const { items } = await run({
			resource: 'order',
			operation: 'get',
			orderId: 'RAW-1',
			simplify: false,
		});
		expect(Object.keys(items[0].json)).toEqual(['orderStatus', 'operations', 'paymentLinks']);
		expect((items[0].json.orderStatus as { authorizedAmount: string }).authorizedAmount).toBe(
			'500',
		);
	});

	test.each([
		['declined', 'DECLINED'],
		['cancelled', 'CANCELED'],
		['pending', 'PENDING'],
		['captured', 'EXECUTED'],
	] as const)('status %s', async (status, result) => {
		key().addOrder({ orderId: `ST-${result}`, amount: 700, result });
		const { items } = await run({ resource: 'order', operation: 'get', orderId: `ST-${result}` });
		expect(items[0].json.status).toBe(status);
	});

	test('an unknown order is a clear 404, paired with its item under Continue On Fail', async () => {
		const { items } = await run(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			{ continueOnFail: true, items: [{ json: { id: 'NOT-THERE' } }] },
		);
		expect(items[0].json.error).toBe('XPay has no order with ID NOT-THERE for this API key');
		expect(pairingOf(items)).toEqual([0]);
	});

	test.each([['has space'], ['x'.repeat(28)], ['a/b']])(
		'a bad Order ID (%j) is refused before any request',
		async (orderId) => {
			const { error } = await run({ resource: 'order', operation: 'get', orderId });
			expect(error?.message).toMatch(/^Invalid Order ID: got .*, expected 1 to 27 characters/);
			expect(apiRequests()).toHaveLength(0);
		},
	);
});

describe('lists over months: whole and once', () => {
	let target: Sandbox;
	const START = Date.parse('2026-06-01T10:00:00Z');
	beforeAll(async () => {
		target = await startSandbox({ xpay: {} });
		// 1,000 orders over four months; every fifth shares its time with the one before, so
		// that some page boundaries fall between two records of the same millisecond.
		for (let i = 0; i < 1000; i++) {
			const slot = i - (i % 5 === 1 ? 1 : 0);
			const at = START + Math.floor((slot * 120 * DAY) / 1000);
			target.xpayKey.addOrder({ orderId: `M-${i}`, amount: 100 + i, at });
		}
	});
	afterAll(async () => await target.close());

	test('1,000 orders over four months: every one once, newest first, in month windows', async () => {
		target.requests.length = 0;
		const { items, error } = await run(
			{
				resource: 'order',
				operation: 'getMany',
				fromDate: '2026-06-01',
				toDate: '2026-09-30',
				returnAll: true,
			},
			{},
			target,
		);
		expect(error).toBeUndefined();
		const ids = jsonOf(items).map((order) => order.orderId as string);
		expect(new Set(ids).size).toBe(1000);
		expect(ids).toHaveLength(1000);
		const times = jsonOf(items).map((order) => Date.parse(order.lastOperationTime as string));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		const searches = target.requests.filter((r) => r.path.endsWith('/orders'));
		for (const search of searches) {
			const span = Date.parse(search.query.toTime) - Date.parse(search.query.fromTime);
			expect(span).toBeLessThanOrEqual(28 * DAY);
			expect(search.query.maxRecords).toBe('500');
		}
		// Recorded in the closing note: requests for 1,000 orders over four months.
		expect(searches.length).toBeLessThanOrEqual(12);
	});

	test('a server that returns fewer records than asked still gives them all', async () => {
		const capped = await startSandbox({});
		for (let i = 0; i < 130; i++)
			capped.xpayKey.addOrder({ orderId: `C-${i}`, amount: 100, at: START + i * 3600_000 });
		// The answer is cut to 20 records, as a server with a lower cap would.
		const handle = capped.xpayKey.handle.bind(capped.xpayKey);
		capped.xpayKey.handle = (request, base) => {
			const response = handle(request, base);
			const body = response?.body as { orders?: unknown[] } | undefined;
			if (body?.orders) body.orders = body.orders.slice(0, 20);
			return response;
		};
		try {
			const { items } = await run(
				{
					resource: 'order',
					operation: 'getMany',
					fromDate: '2026-06-01',
					toDate: '2026-06-30',
					returnAll: true,
				},
				{},
				capped,
			);
			expect(new Set(jsonOf(items).map((o) => o.orderId)).size).toBe(130);
			expect(items).toHaveLength(130);
		} finally {
			await capped.close();
		}
	});

	test('a limit reads from the newest window only as far as needed', async () => {
		target.requests.length = 0;
		const { items } = await run(
			{
				resource: 'order',
				operation: 'getMany',
				fromDate: '2026-06-01',
				toDate: '2026-09-30',
				returnAll: false,
				limit: 5,
			},
			{},
			target,
		);
		const ids = jsonOf(items).map((o) => o.orderId);
		expect(ids.slice(0, 3)).toEqual(['M-999', 'M-998', 'M-997']);
		expect(new Set(ids)).toEqual(new Set(['M-999', 'M-998', 'M-997', 'M-996', 'M-995']));
		expect(target.requests.filter((r) => r.path.endsWith('/orders'))).toHaveLength(1);
	});

	test('operations: every one once, with a type filter sent to XPay', async () => {
		target.requests.length = 0;
		const all = await run(
			{
				resource: 'operation',
				operation: 'getMany',
				fromDate: '2026-06-01',
				toDate: '2026-09-30',
				returnAll: true,
			},
			{},
			target,
		);
		expect(new Set(jsonOf(all.items).map((op) => op.operationId)).size).toBe(1000);
		expect(all.items).toHaveLength(1000);
		const filtered = await run(
			{
				resource: 'operation',
				operation: 'getMany',
				fromDate: '2026-06-01',
				toDate: '2026-06-30',
				returnAll: true,
				filters: { operationType: 'CAPTURE' },
			},
			{},
			target,
		);
		expect(filtered.items).toHaveLength(0);
		expect(target.requests.some((r) => r.query.operationType === 'CAPTURE')).toBe(true);
	});
});

describe('payment links', () => {
	test('create: the documented body, minor units as a string, an expiry 30 days out, the link to send', async () => {
		const { items, error } = await run({
			resource: 'paymentLink',
			operation: 'create',
			orderId: 'LINK-1',
			amount: 19.99,
			additionalFields: {
				email: 'ada@example.com',
				name: 'Ada Lovelace',
				description: 'Invoice 42',
				notificationUrl: 'https://n8n.example.com/webhook/abc',
			},
		});
		expect(error).toBeUndefined();
		const [link] = jsonOf(items);
		expect(link).toMatchObject({
			orderId: 'LINK-1',
			status: 'active',
			amount: 19.99,
			amountMinor: 1999,
			currency: 'EUR',
		});
		expect(link.url).toMatch(/^https:\/\//);
		expect(link).not.toHaveProperty('securityToken');
		const [request] = apiRequests();
		const body = request.body as Record<string, Record<string, unknown>>;
		expect(body.order).toEqual({
			orderId: 'LINK-1',
			amount: '1999',
			currency: 'EUR',
			description: 'Invoice 42',
			customerInfo: { cardHolderName: 'Ada Lovelace', cardHolderEmail: 'ada@example.com' },
		});
		expect(body.paymentSession).toEqual({
			actionType: 'PAY',
			amount: '1999',
			notificationUrl: 'https://n8n.example.com/webhook/abc',
		});
		const days = (Date.parse(String(body.expirationDate)) - Date.now()) / DAY;
		expect(days).toBeGreaterThan(28);
		expect(days).toBeLessThan(31);
		expect(request.headers['idempotency-key']).toBeUndefined();
	});

	test('paid, the link shows in its order; a paid link cannot be cancelled', async () => {
		const { items } = await run({
			resource: 'paymentLink',
			operation: 'create',
			orderId: 'LINK-2',
			amount: 5,
		});
		const linkId = String(items[0].json.linkId);
		key().payLink(linkId);
		const order = await run({ resource: 'order', operation: 'get', orderId: 'LINK-2' });
		expect(order.items[0].json).toMatchObject({ status: 'authorized', paymentLinkIds: [linkId] });
		const cancel = await run({ resource: 'paymentLink', operation: 'cancel', linkId });
		expect(cancel.error?.message).toBe(
			'The payment link was already used, so it cannot be cancelled (XPay: PS0045 PaymentLink cannot be deleted because it has already been used)',
		);
		expect(cancel.error?.context?.nexi).toEqual({
			code: 'PS0045',
			message: 'PaymentLink cannot be deleted because it has already been used',
		});
	});

	test('cancel an unpaid link', async () => {
		const { items } = await run({
			resource: 'paymentLink',
			operation: 'create',
			orderId: 'LINK-3',
			amount: 5,
		});
		const linkId = String(items[0].json.linkId);
		const cancel = await run({ resource: 'paymentLink', operation: 'cancel', linkId });
		expect(jsonOf(cancel.items)).toEqual([{ linkId, cancelled: true }]);
		expect(key().links.get(linkId)?.status).toBe('DELETED');
	});

	test.each<[string, Record<string, unknown>, RegExp]>([
		['amount with too many decimals', { amount: 1.999 }, /^Invalid Amount: got 1.999/],
		['zero amount', { amount: 0 }, /^Invalid Amount: got 0/],
		['currency', { amount: 1, currency: 'EURO' }, /^Invalid Currency: got "EURO"/],
		[
			'expiry past 90 days',
			{ amount: 1, expiresInDays: 91 },
			/^Invalid Expires In \(Days\): got 91/,
		],
		[
			'notification URL',
			{ amount: 1, additionalFields: { notificationUrl: 'ftp://x' } },
			/^Invalid notificationUrl: got "ftp:\/\/x"/,
		],
		[
			'e-mail',
			{ amount: 1, additionalFields: { email: 'not-an-email' } },
			/^Invalid Customer Email/,
		],
	])('bad input (%s) is refused before any request', async (_name, fields, message) => {
		const { error } = await run({
			resource: 'paymentLink',
			operation: 'create',
			orderId: 'BAD-1',
			...fields,
		});
		expect(error?.message).toMatch(message);
		expect(apiRequests()).toHaveLength(0);
	});

	test('JPY has no decimals: 500 is sent as "500"', async () => {
		await run({
			resource: 'paymentLink',
			operation: 'create',
			orderId: 'JPY-1',
			amount: 500,
			currency: 'JPY',
		});
		expect((apiRequests()[0].body as { order: { amount: string } }).order.amount).toBe('500');
	});
});

describe('money moves: each once, checked against the order first', () => {
	const captures = () =>
		apiRequests().filter((r) => r.method === 'POST' && r.path.endsWith('/captures'));
	const refunds = () =>
		apiRequests().filter((r) => r.method === 'POST' && r.path.endsWith('/refunds'));

	test('capture part, then the rest: the authorization is the target, amounts are minor-unit strings with an Idempotency-Key', async () => {
		const record = key().addOrder({ orderId: 'CAP-1', amount: 10000 });
		const auth = record.operations[0].operationId;
		const first = await run({
			resource: 'order',
			operation: 'capture',
			orderId: 'CAP-1',
			amount: 25.5,
		});
		expect(first.items[0].json).toMatchObject({
			orderId: 'CAP-1',
			operation: 'capture',
			amount: 25.5,
			amountMinor: 2550,
			currency: 'EUR',
			status: 'partiallyCaptured',
			capturedAmount: 25.5,
		});
		const second = await run({
			resource: 'order',
			operation: 'capture',
			orderId: 'CAP-1',
			amount: 74.5,
		});
		expect(second.items[0].json).toMatchObject({ status: 'captured', capturedAmount: 100 });
		const [a, b] = captures();
		expect(a.path).toBe(`/api/phoenix-0.0/psp/api/v1/operations/${auth}/captures`);
		expect(a.body).toEqual({ amount: '2550', currency: 'EUR' });
		expect(a.headers['idempotency-key']).toMatch(/^[0-9a-f]{48}$/);
		expect(b.headers['idempotency-key']).not.toBe(a.headers['idempotency-key']);
	});

	test('more than is left, or another currency, is refused before anything is sent', async () => {
		key().addOrder({ orderId: 'CAP-2', amount: 1000 });
		const tooMuch = await run({
			resource: 'order',
			operation: 'capture',
			orderId: 'CAP-2',
			amount: 10.01,
		});
		expect(tooMuch.error?.message).toBe(
			'Cannot capture 10.01 EUR on order CAP-2: only 10.00 EUR is left to capture',
		);
		const currency = await run({
			resource: 'order',
			operation: 'capture',
			orderId: 'CAP-2',
			amount: 1,
			options: { currency: 'USD' },
		});
		expect(currency.error?.message).toMatch(
			/^Invalid Currency: got "USD", expected EUR, the currency of order CAP-2/,
		);
		expect(captures()).toHaveLength(0);
	});

	test('a lost answer: the order is read back, and the capture counted once', async () => {
		key().addOrder({ orderId: 'CAP-3', amount: 5000 });
		sandbox.current.faults.configure({}, [{ fault: 'dropAfter', match: '/captures', times: 1 }]);
		const { items, error } = await run({
			resource: 'order',
			operation: 'capture',
			orderId: 'CAP-3',
			amount: 20,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			operation: 'capture',
			amountMinor: 2000,
			reconciled: true,
		});
		const record = key().orders.get('CAP-3')!;
		expect(record.operations.filter((op) => op.operationType === 'CAPTURE')).toHaveLength(1);
		expect(captures()).toHaveLength(1);
	});

	test('a request that never arrived is sent again with the same key, and applied once', async () => {
		key().addOrder({ orderId: 'CAP-4', amount: 5000 });
		sandbox.current.faults.configure({}, [{ fault: 'error503', match: '/captures', times: 1 }]);
		const { items, error } = await run({
			resource: 'order',
			operation: 'capture',
			orderId: 'CAP-4',
			amount: 20,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ operation: 'capture', amountMinor: 2000 });
		const [first, second] = captures();
		expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
		expect(
			key()
				.orders.get('CAP-4')!
				.operations.filter((op) => op.operationType === 'CAPTURE'),
		).toHaveLength(1);
	});

	test('the same item run again in the same execution (n8n’s Retry On Fail) sends the same key: XPay applies it once', async () => {
		key().addOrder({ orderId: 'CAP-5', amount: 5000 });
		const parameters = { resource: 'order', operation: 'capture', orderId: 'CAP-5', amount: 10 };
		// The harness runs every execution as "test-execution": two runs are one execution's retries.
		const first = await run(parameters);
		const retried = await run(parameters);
		const [a, b] = captures();
		expect(b.headers['idempotency-key']).toBe(a.headers['idempotency-key']);
		expect(retried.items[0].json.operationId).toBe(first.items[0].json.operationId);
		expect(
			key()
				.orders.get('CAP-5')!
				.operations.filter((op) => op.operationType === 'CAPTURE'),
		).toHaveLength(1);
	});

	test('refund part of a capture, then the rest; then nothing is left', async () => {
		key().addOrder({ orderId: 'REF-1', amount: 3000, result: 'EXECUTED' });
		const part = await run({
			resource: 'order',
			operation: 'refund',
			orderId: 'REF-1',
			amount: 10,
		});
		expect(part.items[0].json).toMatchObject({
			operation: 'refund',
			status: 'partiallyRefunded',
			refundedAmount: 10,
		});
		const rest = await run({
			resource: 'order',
			operation: 'refund',
			orderId: 'REF-1',
			amount: 20,
		});
		expect(rest.items[0].json).toMatchObject({ status: 'refunded', refundedAmount: 30 });
		const again = await run({
			resource: 'order',
			operation: 'refund',
			orderId: 'REF-1',
			amount: 1,
		});
		expect(again.error?.message).toBe('Order REF-1 is already refunded in full');
		expect(refunds()).toHaveLength(2);
	});

	test('refund of an authorization nothing was captured from is its void, in full only', async () => {
		key().addOrder({ orderId: 'VOID-1', amount: 4200 });
		const part = await run({
			resource: 'order',
			operation: 'refund',
			orderId: 'VOID-1',
			amount: 10,
		});
		expect(part.error?.message).toBe(
			'Order VOID-1 is authorized but not captured: it can only be voided in full (42.00 EUR)',
		);
		expect(refunds()).toHaveLength(0);
		const full = await run({
			resource: 'order',
			operation: 'refund',
			orderId: 'VOID-1',
			amount: 42,
		});
		expect(full.items[0].json).toMatchObject({
			operation: 'void',
			status: 'voided',
			amountMinor: 4200,
		});
	});

	test('cancel today’s capture; XPay’s refusal of a second cancel keeps its code', async () => {
		key().addOrder({ orderId: 'CAN-1', amount: 1500 });
		await run({ resource: 'order', operation: 'capture', orderId: 'CAN-1', amount: 15 });
		const cancel = await run({ resource: 'order', operation: 'cancel', orderId: 'CAN-1' });
		expect(cancel.items[0].json).toMatchObject({
			operation: 'cancel',
			cancelledType: 'CAPTURE',
			amount: 15,
			status: 'authorized',
		});
		const cancelPost = apiRequests().find((r) => r.path.endsWith('/cancels'));
		expect(cancelPost?.headers['idempotency-key']).toBeUndefined();
		const again = await run({ resource: 'order', operation: 'cancel', orderId: 'CAN-1' });
		expect(again.error?.message).toBe('Order CAN-1 has no capture or refund to cancel');
	});

	test('amount with more decimals than the order’s currency is refused before the move', async () => {
		key().addOrder({ orderId: 'JPY-2', amount: 500, currency: 'JPY' });
		const { error } = await run({
			resource: 'order',
			operation: 'capture',
			orderId: 'JPY-2',
			amount: 1.5,
		});
		expect(error?.message).toMatch(
			/^Invalid Amount: got 1.5, expected an amount in JPY with at most 0 decimals/,
		);
		expect(captures()).toHaveLength(0);
	});
});

describe('operation get', () => {
	test('one operation, simplified', async () => {
		const record = key().addOrder({ orderId: 'OP-1', amount: 1234 });
		const id = record.operations[0].operationId;
		const { items } = await run({ resource: 'operation', operation: 'get', operationId: id });
		expect(items[0].json).toMatchObject({
			operationId: id,
			orderId: 'OP-1',
			type: 'AUTHORIZATION',
			result: 'AUTHORIZED',
			amount: 12.34,
			amountMinor: 1234,
			currency: 'EUR',
		});
	});
});

describe('variant mode: the spec’s open points answered the other way', () => {
	let variant: Sandbox;
	beforeAll(async () => {
		variant = await startSandbox({ variant: true });
	});
	afterAll(async () => await variant.close());

	test('times without a zone (Italian), numeric currencies, links under paymentLink', async () => {
		const { items: created } = await run(
			{ resource: 'paymentLink', operation: 'create', orderId: 'V-1', amount: 12.5 },
			{},
			variant,
		);
		const linkId = String(created[0].json.linkId);
		variant.xpayKey.payLink(linkId);
		// The variant shows a paid order a moment late (see the notification trigger tests).
		variant.xpayKey.orders.get('V-1')!.hiddenUntil = 0;
		const { items } = await run(
			{ resource: 'order', operation: 'get', orderId: 'V-1' },
			{},
			variant,
		);
		const order = items[0].json as Record<string, unknown>;
		expect(order).toMatchObject({ status: 'authorized', amount: 12.5, paymentLinkIds: [linkId] });
		expect((order.operations as Array<Record<string, unknown>>)[0]).toMatchObject({
			currency: 'EUR',
			amount: 12.5,
		});
		expect(order.lastOperationTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	test('orders over two months page by the times exactly as XPay wrote them', async () => {
		const start = Date.parse('2026-03-01T08:00:00Z');
		for (let i = 0; i < 40; i++)
			variant.xpayKey.addOrder({ orderId: `VL-${i}`, amount: 100, at: start + i * 1.5 * DAY });
		const { items } = await run(
			{
				resource: 'order',
				operation: 'getMany',
				fromDate: '2026-03-01',
				toDate: '2026-04-30',
				returnAll: true,
			},
			{},
			variant,
		);
		expect(new Set(jsonOf(items).map((o) => o.orderId)).size).toBe(40);
		expect(items).toHaveLength(40);
	});
});
