// Nexi Checkout (the Payment API): payment pages, charges, refunds, cancels, through n8n-core,
// over real HTTP against the sandbox (default mode here; the variant mode at the end).
import type { IDataObject } from 'n8n-workflow';

import { runNode, type RunOptions } from '../helpers/harness';
import { jsonOf, leaks, pairingOf } from '../helpers/expect';
import { checkoutCredentials, useSandbox } from '../helpers/sandbox';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const sandbox = useSandbox();
const checkout = () => sandbox.current.checkout;
const AUTHORIZATION = 'n8nWebhookSecret0123456789';

async function run(
	parameters: RunOptions['parameters'],
	extra: Partial<RunOptions> = {},
	target: Sandbox = sandbox.current,
) {
	return await runNode({
		type: 'n8n-nodes-nexi.nexiCheckout',
		parameters: { resource: 'payment', ...parameters },
		credentials: checkoutCredentials(target, { webhookAuthorization: AUTHORIZATION }),
		...extra,
	});
}

const paymentRequests = () =>
	sandbox.current.requests.filter((r) => /^\/v1\/(payments|charges|refunds)/.test(r.path));
const writes = () => paymentRequests().filter((r) => r.method !== 'GET');

const PAGE = {
	operation: 'create',
	amount: 49.9,
	currency: 'SEK',
	reference: 'order-1042',
	returnUrl: 'https://shop.example.com/thanks',
	termsUrl: 'https://shop.example.com/terms',
};

/** A payment page created by the node, and paid by the customer unless told otherwise. */
async function payment(amount = 100, { pay = true, charge = false } = {}): Promise<string> {
	const { items, error } = await run({
		...PAGE,
		amount,
		additionalFields: charge ? { chargeImmediately: true } : {},
	});
	if (error) throw new Error(error.message);
	const paymentId = items[0].json.paymentId as string;
	if (pay) await checkout().pay(paymentId);
	return paymentId;
}

beforeEach(() => {
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
});

describe('payment create', () => {
	test('a hosted page for an amount: one order line, minor units, the page to send', async () => {
		const { items, error } = await run(PAGE);
		expect(error).toBeUndefined();
		const [sent] = writes();
		expect(sent.path).toBe('/v1/payments');
		expect(sent.headers.authorization).toBe(sandbox.current.reporting.testKey);
		expect(sent.body).toEqual({
			order: {
				items: [
					{
						reference: 'order-1042',
						name: 'order-1042',
						quantity: 1,
						unit: 'pcs',
						unitPrice: 4990,
						taxRate: 0,
						taxAmount: 0,
						grossTotalAmount: 4990,
						netTotalAmount: 4990,
					},
				],
				amount: 4990,
				currency: 'SEK',
				reference: 'order-1042',
			},
			checkout: {
				integrationType: 'HostedPaymentPage',
				returnUrl: 'https://shop.example.com/thanks',
				termsUrl: 'https://shop.example.com/terms',
			},
		});
		const paymentId = items[0].json.paymentId as string;
		expect(items[0].json).toEqual({
			paymentId,
			url: `${sandbox.current.url}/checkout/hostedpaymentpage/?pid=${paymentId}`,
			expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			status: 'created',
			amount: 49.9,
			amountMinor: 4990,
			currency: 'SEK',
			reference: 'order-1042',
			notifyUrl: null,
			notifyEvents: [],
		});
		const page = await fetch(items[0].json.url as string);
		expect(await page.text()).toContain('Pay 49.90 SEK');
	});

	test('order lines: Checkout’s arithmetic done exactly (net, tax, gross) and checked against the amount', async () => {
		const lines = {
			line: [
				{ name: 'Coffee beans 1 kg', quantity: 2, unitPrice: 19.99, taxRate: 12 },
				{
					name: 'Grinder',
					reference: 'GR-1',
					quantity: 1,
					unitPrice: 80,
					taxRate: 25,
					unit: 'pcs',
				},
			],
		};
		// 2 × 19.99 = 39.98 + 12 % (4.80) = 44.78; 80 + 25 % = 100: 144.78
		const { items, error } = await run({ ...PAGE, amount: 144.78, orderLines: lines });
		expect(error).toBeUndefined();
		expect((writes()[0].body as { order: { items: unknown[] } }).order.items).toEqual([
			{
				reference: 'Coffee beans 1 kg',
				name: 'Coffee beans 1 kg',
				quantity: 2,
				unit: 'pcs',
				unitPrice: 1999,
				taxRate: 1200,
				taxAmount: 480,
				grossTotalAmount: 4478,
				netTotalAmount: 3998,
			},
			{
				reference: 'GR-1',
				name: 'Grinder',
				quantity: 1,
				unit: 'pcs',
				unitPrice: 8000,
				taxRate: 2500,
				taxAmount: 2000,
				grossTotalAmount: 10000,
				netTotalAmount: 8000,
			},
		]);
		expect(items[0].json.amountMinor).toBe(14478);
		sandbox.current.requests.length = 0;
		const wrong = await run({ ...PAGE, amount: 144.79, orderLines: lines });
		expect(wrong.error?.message).toBe(
			'Invalid Order Lines: got "144.78 SEK", expected lines whose gross totals (price × quantity + tax) add up to the Amount, 144.79 SEK',
		);
		expect(paymentRequests()).toHaveLength(0);
	});

	test('Notify URL: one webhook per event with the credential’s Webhook Authorization; the authorization is in no item', async () => {
		const { items, error } = await run({
			...PAGE,
			additionalFields: {
				notifyUrl: 'https://n8n.example.com/webhook/abc/checkout-event',
				events: ['payment.checkout.completed', 'payment.charge.created.v2'],
				email: 'ada@example.com',
				cancelUrl: 'https://shop.example.com/basket',
				chargeImmediately: true,
			},
		});
		expect(error).toBeUndefined();
		const body = writes()[0].body as Record<string, Record<string, unknown>>;
		expect(body.notifications).toEqual({
			webHooks: [
				{
					eventName: 'payment.checkout.completed',
					url: 'https://n8n.example.com/webhook/abc/checkout-event',
					authorization: AUTHORIZATION,
				},
				{
					eventName: 'payment.charge.created.v2',
					url: 'https://n8n.example.com/webhook/abc/checkout-event',
					authorization: AUTHORIZATION,
				},
			],
		});
		expect(body.checkout).toMatchObject({
			charge: true,
			consumer: { email: 'ada@example.com' },
			cancelUrl: 'https://shop.example.com/basket',
		});
		expect(items[0].json.notifyEvents).toEqual([
			'payment.checkout.completed',
			'payment.charge.created.v2',
		]);
		expect(leaks(AUTHORIZATION, items)).toBe(false);
		expect(leaks(sandbox.current.reporting.options.secretKey, items)).toBe(false);
	});

	test.each<[string, IDataObject, Record<string, string>, RegExp]>([
		[
			'no Webhook Authorization',
			{ notifyUrl: 'https://n8n.example.com/w' },
			{ webhookAuthorization: '' },
			/^Invalid Notify URL: .*expected a Nexi Checkout API credential with a Webhook Authorization/,
		],
		[
			'a short Webhook Authorization',
			{ notifyUrl: 'https://n8n.example.com/w' },
			{ webhookAuthorization: 'abc' },
			/Webhook Authorization \(8 to 64 letters and digits\)/,
		],
		[
			'http in Test',
			{ notifyUrl: 'http://n8n.example.com/w' },
			{ environment: 'test' },
			/^Invalid Notify URL: got "http:\/\/n8n.example.com\/w", expected an https:\/\/ address/,
		],
		[
			'a quote in the URL',
			{ notifyUrl: 'https://n8n.example.com/w?a="b"' },
			{},
			/without < > ' " & \\/,
		],
		[
			'no events',
			{ notifyUrl: 'https://n8n.example.com/w', events: [] },
			{},
			/^Invalid Events: got a list of 0 values, expected 1 to 32 of Checkout's event names$/,
		],
	])(
		'Notify URL with %s is refused before any request',
		async (_name, fields, credential, message) => {
			const { error } = await runNode({
				type: 'n8n-nodes-nexi.nexiCheckout',
				parameters: { resource: 'payment', ...PAGE, additionalFields: fields },
				credentials: checkoutCredentials(sandbox.current, {
					webhookAuthorization: AUTHORIZATION,
					...credential,
				}),
			});
			expect(error?.message).toMatch(message);
			expect(paymentRequests()).toHaveLength(0);
		},
	);
	test('Checkout’s 400 field errors are listed in English (an http Notify URL the Custom environment lets through)', async () => {
		const { error } = await run({
			...PAGE,
			additionalFields: { notifyUrl: 'http://n8n.example.com/webhook/abc/checkout-event' },
		});
		expect(error?.message).toBe(
			'Nexi Checkout rejected the request as invalid: notifications.webHooks[0].url: Url must be HTTPS.',
		);
		expect(error?.httpCode).toBe('400');
		expect(error?.description).toBe('Nexi answered 400 Bad Request to POST /v1/payments.');
	});
});

describe('payment get', () => {
	test('simplified through a payment’s life: created, reserved, part charged, charged, part refunded, refunded', async () => {
		const paymentId = await payment(100, { pay: false });
		const statuses: unknown[] = [];
		const get = async () => {
			const { items, error } = await run({ operation: 'get', paymentId });
			expect(error).toBeUndefined();
			statuses.push(items[0].json.status);
			return items[0].json;
		};
		await get();
		await checkout().pay(paymentId);
		await get();
		await run({ operation: 'charge', paymentId, amount: 30 });
		await get();
		await run({ operation: 'charge', paymentId, amount: 0 });
		await get();
		await run({ operation: 'refund', paymentId, amount: 10 });
		const refunded = await get();
		await run({ operation: 'refund', paymentId, amount: 0 });
		await get();
		expect(statuses).toEqual([
			'created',
			'reserved',
			'partiallyCharged',
			'charged',
			'partiallyRefunded',
			'refunded',
		]);
		expect(refunded).toEqual({
			paymentId,
			status: 'partiallyRefunded',
			reference: 'order-1042',
			amount: 100,
			amountMinor: 10000,
			currency: 'SEK',
			reservedAmount: 100,
			chargedAmount: 100,
			refundedAmount: 10,
			cancelledAmount: 0,
			leftToCharge: 0,
			leftToRefund: 90,
			refundPending: false,
			customer: {
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				phone: '+46701234567',
				company: null,
			},
			paymentMethod: 'Visa',
			paymentType: 'CARD',
			maskedPan: '492500******0004',
			created: expect.any(String),
			expiresAt: null,
			terminated: null,
			charges: [
				{
					chargeId: expect.stringMatching(/^[0-9a-f]{32}$/),
					amount: 30,
					amountMinor: 3000,
					created: expect.any(String),
				},
				{
					chargeId: expect.stringMatching(/^[0-9a-f]{32}$/),
					amount: 70,
					amountMinor: 7000,
					created: expect.any(String),
				},
			],
			refunds: [
				{
					refundId: expect.stringMatching(/^[0-9a-f]{32}$/),
					amount: 10,
					amountMinor: 1000,
					state: 'Completed',
					lastUpdated: expect.any(String),
				},
			],
			myReference: null,
		});
	});

	test('simplify off: Checkout’s payment object as sent', async () => {
		const paymentId = await payment(12);
		const { items } = await run({ operation: 'get', paymentId, simplify: false });
		expect(items[0].json).toEqual(checkout().render(checkout().payments.get(paymentId)!));
	});

	test('an unknown payment is a clear 404, paired under Continue On Fail; a bad ID is refused before any request', async () => {
		const { items } = await run(
			{ operation: 'get', paymentId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				items: [
					{ json: { id: '0123456789abcdef0123456789abcdef' } },
					{ json: { id: 'not-an-id' } },
				],
			},
		);
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				error: 'Nexi Checkout has no payment 0123456789abcdef0123456789abcdef for this secret key',
				httpCode: '404',
			}),
			expect.objectContaining({
				error: expect.stringMatching(
					/^Invalid Payment ID: got "not-an-id", expected 32 hexadecimal digits/,
				),
			}),
		]);
		expect(pairingOf(items)).toEqual([0, 1]);
		expect(paymentRequests()).toHaveLength(1);
	});

	test('Checkout’s 30 reads of a payment an hour: the 31st is explained at once, not retried into the limit', async () => {
		const paymentId = await payment(5);
		checkout().payments.get(paymentId)!.reads = Array.from({ length: 30 }, () => Date.now());
		sandbox.current.requests.length = 0;
		const started = Date.now();
		const { error } = await run({ operation: 'get', paymentId });
		expect(error?.message).toBe('Nexi Checkout is limiting the requests for this payment');
		expect(error?.description).toMatch(/30 reads of one payment an hour/);
		expect(paymentRequests()).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('money moves: each once, checked against the payment first', () => {
	test('charge: part with one order line and an Idempotency-Key, then the rest as a whole-order charge without lines', async () => {
		const paymentId = await payment(100);
		sandbox.current.requests.length = 0;
		const part = await run({ operation: 'charge', paymentId, amount: 25.5 });
		expect(part.error).toBeUndefined();
		expect(part.items[0].json).toEqual({
			paymentId,
			operation: 'charge',
			chargeId: checkout().payments.get(paymentId)!.charges[0].chargeId,
			amount: 25.5,
			amountMinor: 2550,
			currency: 'SEK',
			status: 'partiallyCharged',
			chargedAmount: 25.5,
			refundedAmount: 0,
			cancelledAmount: 0,
			leftToCharge: 74.5,
		});
		const [read, sent] = paymentRequests();
		expect(read.method).toBe('GET');
		expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f]{48}$/);
		expect(sent.body).toEqual({
			amount: 2550,
			orderItems: [
				{
					reference: 'order-1042',
					name: 'Partial charge',
					quantity: 1,
					unit: 'pcs',
					unitPrice: 2550,
					taxRate: 0,
					taxAmount: 0,
					grossTotalAmount: 2550,
					netTotalAmount: 2550,
				},
			],
		});
		const rest = await run({ operation: 'charge', paymentId, amount: 0 });
		expect(rest.items[0].json).toMatchObject({
			amountMinor: 7450,
			status: 'charged',
			leftToCharge: 0,
		});
		const nothing = await run({ operation: 'charge', paymentId, amount: 0 });
		expect(nothing.error?.message).toBe(`Payment ${paymentId} has nothing left to charge`);
		expect(
			checkout()
				.payments.get(paymentId)!
				.charges.map((c) => c.amount),
		).toEqual([2550, 7450]);
	});

	test('a whole-order charge sends no lines; Final Charge releases what stays reserved', async () => {
		const whole = await payment(40);
		sandbox.current.requests.length = 0;
		await run({ operation: 'charge', paymentId: whole, amount: 0 });
		expect(writes()[0].body).toEqual({ amount: 4000 });
		const final = await payment(40);
		const { items } = await run({
			operation: 'charge',
			paymentId: final,
			amount: 15,
			finalCharge: true,
		});
		expect(items[0].json).toMatchObject({
			status: 'charged',
			chargedAmount: 15,
			cancelledAmount: 25,
			leftToCharge: 0,
		});
		expect(checkout().payments.get(final)!.cancelled).toBe(2500);
	});

	test('more than is reserved, a payment not completed, and a refund of nothing charged are refused before anything is sent', async () => {
		const paid = await payment(10);
		const unpaid = await payment(10, { pay: false });
		sandbox.current.requests.length = 0;
		const over = await run({ operation: 'charge', paymentId: paid, amount: 10.01 });
		expect(over.error?.message).toBe(
			`Cannot charge 10.01 SEK on payment ${paid}: only 10.00 SEK is reserved and not charged`,
		);
		const notPaid = await run({ operation: 'charge', paymentId: unpaid, amount: 0 });
		expect(notPaid.error?.message).toBe(
			`Payment ${unpaid} has nothing reserved to charge (status: created)`,
		);
		const refund = await run({ operation: 'refund', paymentId: paid, amount: 0 });
		expect(refund.error?.message).toBe(
			`Payment ${paid} has nothing charged to refund (status: reserved)`,
		);
		const decimals = await run({ operation: 'charge', paymentId: paid, amount: 1.005 });
		expect(decimals.error?.message).toBe(
			'Invalid Amount: got 1.005, expected an amount in SEK with at most 2 decimals (more than 2 decimal places)',
		);
		expect(writes()).toHaveLength(0);
	});

	test('a lost answer: the payment is read back, and the charge counted once', async () => {
		const paymentId = await payment(50);
		sandbox.current.requests.length = 0;
		sandbox.current.faults.configure({}, [{ fault: 'dropAfter', match: '/charges', times: 1 }]);
		const { items, error } = await run({ operation: 'charge', paymentId, amount: 20 });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			operation: 'charge',
			amountMinor: 2000,
			reconciled: true,
			status: 'partiallyCharged',
		});
		expect(checkout().payments.get(paymentId)!.charges).toHaveLength(1);
		expect(writes()).toHaveLength(1);
	});

	test('a request that never arrived is sent again with the same key, and applied once', async () => {
		const paymentId = await payment(50);
		sandbox.current.faults.configure({}, [{ fault: 'error503', match: '/refunds', times: 1 }]);
		await run({ operation: 'charge', paymentId, amount: 0 });
		sandbox.current.requests.length = 0;
		const { items, error } = await run({ operation: 'refund', paymentId, amount: 5 });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ operation: 'refund', amountMinor: 500 });
		const [first, second] = writes();
		expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
		expect(checkout().payments.get(paymentId)!.refunds).toHaveLength(1);
	});

	test('the same item run again in the same execution (n8n’s Retry On Fail) sends the same key: Checkout applies it once', async () => {
		const paymentId = await payment(50);
		const parameters = { operation: 'charge', paymentId, amount: 10 };
		// The harness runs every execution as "test-execution": two runs are one execution's retries.
		const first = await run(parameters);
		const retried = await run(parameters);
		expect(retried.items[0].json.chargeId).toBe(first.items[0].json.chargeId);
		expect(checkout().payments.get(paymentId)!.charges).toHaveLength(1);
	});

	test('refund: from the one charge (works for every payment method), by charge ID, or from the payment', async () => {
		const paymentId = await payment(100);
		await run({ operation: 'charge', paymentId, amount: 60 });
		sandbox.current.requests.length = 0;
		const one = await run({ operation: 'refund', paymentId, amount: 0 });
		const chargeId = checkout().payments.get(paymentId)!.charges[0].chargeId;
		expect(writes()[0].path).toBe(`/v1/charges/${chargeId}/refunds`);
		expect(one.items[0].json).toMatchObject({
			refundId: expect.any(String),
			chargeId,
			amountMinor: 6000,
			// 40.00 SEK stays reserved: not everything is refunded.
			status: 'partiallyRefunded',
		});
		await run({ operation: 'charge', paymentId, amount: 0 });
		sandbox.current.requests.length = 0;
		const several = await run({ operation: 'refund', paymentId, amount: 10 });
		expect(writes()[0].path).toBe(`/v1/payments/${paymentId}/refunds`);
		expect(several.items[0].json).toMatchObject({ chargeId: null, status: 'partiallyRefunded' });
		const second = checkout().payments.get(paymentId)!.charges[1].chargeId;
		const tooMuch = await run({
			operation: 'refund',
			paymentId,
			amount: 35,
			options: { chargeId: second },
		});
		expect(tooMuch.error?.message).toBe(
			`Cannot refund 35.00 SEK on payment ${paymentId}: only 30.00 SEK is left to refund from that charge`,
		);
	});

	test('cancel: part of a reservation, then after a charge only what is not charged', async () => {
		const paymentId = await payment(100);
		sandbox.current.requests.length = 0;
		const part = await run({ operation: 'cancel', paymentId, amount: 20 });
		expect(part.items[0].json).toMatchObject({
			operation: 'cancel',
			amountMinor: 2000,
			status: 'reserved',
			cancelledAmount: 20,
			leftToCharge: 80,
		});
		expect(writes()[0].headers['idempotency-key']).toBeUndefined();
		await run({ operation: 'charge', paymentId, amount: 50 });
		const rest = await run({ operation: 'cancel', paymentId, amount: 0 });
		expect(rest.items[0].json).toMatchObject({
			amountMinor: 3000,
			status: 'charged',
			leftToCharge: 0,
		});
		const whole = await payment(30);
		const all = await run({ operation: 'cancel', paymentId: whole, amount: 0 });
		expect(all.items[0].json.status).toBe('cancelled');
	});

	test('Checkout’s own refusal keeps its code and message, explained in English', async () => {
		const paymentId = await payment(30);
		// The reservation goes (cancelled elsewhere) after the node read it and before it charges.
		sandbox.current.faults.configure({}, [{ fault: 'hang', match: '/charges', delayMs: 400 }]);
		const running = run({ operation: 'charge', paymentId, amount: 0 }, { continueOnFail: true });
		await new Promise((resolve) => setTimeout(resolve, 200));
		checkout().payments.get(paymentId)!.cancelled = 3000;
		const { items } = await running;
		expect(items[0].json).toEqual({
			error: 'The amount is more than is left reserved on the payment',
			description: expect.stringContaining(
				"Nexi's error: code 1001, source Internal, Charge amount exceeds the remaining reservation (0).",
			),
			httpCode: '402',
			nexi: { code: '1001', message: 'Charge amount exceeds the remaining reservation (0).' },
		});
	});
});

describe('terminate and update reference', () => {
	test('terminate a payment not completed; a completed one is refused with what to do instead', async () => {
		const open = await payment(10, { pay: false });
		const { items } = await run({ operation: 'terminate', paymentId: open });
		expect(items[0].json).toEqual({
			paymentId: open,
			operation: 'terminate',
			status: 'terminated',
		});
		const got = await run({ operation: 'get', paymentId: open });
		expect(got.items[0].json.status).toBe('terminated');
		const paid = await payment(10);
		const refused = await run({ operation: 'terminate', paymentId: paid });
		expect(refused.error?.message).toBe(
			`Payment ${paid} cannot be terminated: the customer completed it (status: reserved)`,
		);
		expect(refused.error?.description).toMatch(/use Cancel/);
	});

	test('update reference: Checkout wants the checkout URL with it', async () => {
		const paymentId = await payment(10);
		const missing = await run({ operation: 'updateReference', paymentId, reference: 'order-2000' });
		expect(missing.error?.message).toMatch(
			/^Invalid Checkout URL: got an empty value, expected the address of your checkout page/,
		);
		sandbox.current.requests.length = 0;
		const { items } = await run({
			operation: 'updateReference',
			paymentId,
			reference: 'order-2000',
			options: { checkoutUrl: 'https://shop.example.com/checkout' },
		});
		expect(items[0].json).toEqual({
			paymentId,
			operation: 'updateReference',
			reference: 'order-2000',
			previousReference: 'order-1042',
			checkoutUrl: 'https://shop.example.com/checkout',
		});
		expect(writes()[0]).toMatchObject({
			method: 'PUT',
			body: { checkoutUrl: 'https://shop.example.com/checkout', reference: 'order-2000' },
		});
		expect(checkout().payments.get(paymentId)!.order.reference).toBe('order-2000');
	});
});

describe('bad input is refused before any request, one error item per input under Continue On Fail', () => {
	test.each<[string, IDataObject, RegExp]>([
		[
			'a negative amount',
			{ ...PAGE, amount: -5 },
			/^Invalid Amount: got -5, expected a positive amount in SEK/,
		],
		[
			'three decimals in SEK',
			{ ...PAGE, amount: 1.005 },
			/^Invalid Amount: got 1.005, expected a positive amount in SEK with at most 2 decimals/,
		],
		[
			'a currency name',
			{ ...PAGE, currency: 'Euro' },
			/^Invalid Currency: got "Euro", expected a three-letter ISO 4217 code/,
		],
		[
			'no reference',
			{ ...PAGE, reference: ' ' },
			/^Invalid Reference: got an empty value, expected text of 1 to 128 characters/,
		],
		[
			'no return URL',
			{ ...PAGE, returnUrl: ' ' },
			/^Invalid Return URL: got an empty value, expected an http or https address/,
		],
		[
			'a terms URL without scheme',
			{ ...PAGE, termsUrl: 'shop.example.com/terms' },
			/^Invalid Terms URL/,
		],
		['a bad email', { ...PAGE, additionalFields: { email: 'ada@' } }, /^Invalid Email: got "ada@"/],
		[
			'an expiry 60 days out',
			{
				...PAGE,
				additionalFields: { expiresAt: new Date(Date.now() + 60 * 86_400_000).toISOString() },
			},
			/^Invalid Expires At: .* expected a date and time in the next 45 days/,
		],
		[
			'a line without a name',
			{ ...PAGE, orderLines: { line: [{ name: '', unitPrice: 49.9 }] } },
			/^Invalid Order Line 1 Name/,
		],
		[
			'a line with a negative tax rate',
			{ ...PAGE, orderLines: { line: [{ name: 'A', unitPrice: 49.9, taxRate: -1 }] } },
			/^Invalid Order Line 1 Tax Rate/,
		],
		[
			'a charge of text',
			{ operation: 'charge', paymentId: '0123456789abcdef0123456789abcdef', amount: 'ten' },
			/^Invalid Amount: got "ten"/,
		],
	])('%s', async (_name, parameters, message) => {
		const { items } = await run(parameters as RunOptions['parameters'], {
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});
		expect(items).toHaveLength(2);
		expect(String(items[0].json.error)).toMatch(message);
		expect(pairingOf(items)).toEqual([0, 1]);
		expect(paymentRequests()).toHaveLength(0);
	});
});

test('the secret key and the Webhook Authorization appear in no item and no error', async () => {
	const paymentId = await payment(10);
	const results = [
		await run({ operation: 'get', paymentId }),
		await run({ operation: 'charge', paymentId, amount: 0 }),
		await run({ operation: 'get', paymentId: '0123456789abcdef0123456789abcdef' }),
		await runNode({
			type: 'n8n-nodes-nexi.nexiCheckout',
			parameters: { resource: 'payment', operation: 'get', paymentId },
			credentials: checkoutCredentials(sandbox.current, {
				secretKey: 'wrong-key',
				webhookAuthorization: AUTHORIZATION,
			}),
		}),
	];
	expect(results[3].error?.message).toBe('Nexi rejected the secret key for the Custom environment');
	for (const secret of [sandbox.current.reporting.options.secretKey, AUTHORIZATION, 'wrong-key'])
		expect(
			leaks(
				secret,
				results.map((r) => [r.items, r.error]),
			),
		).toBe(false);
});

describe('variant mode: the spec’s open points answered the other way', () => {
	let variant: Sandbox;
	beforeAll(async () => {
		variant = await startSandbox({ variant: true });
	});
	afterAll(async () => {
		await variant.close();
	});

	test('dashed ids and a summary with zeros read the same', async () => {
		const created = await run(PAGE, {}, variant);
		const paymentId = created.items[0].json.paymentId as string;
		expect(paymentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
		const fresh = await run({ operation: 'get', paymentId }, {}, variant);
		expect(fresh.items[0].json).toMatchObject({ status: 'created', chargedAmount: 0 });
		await variant.checkout.pay(paymentId);
		const charged = await run({ operation: 'charge', paymentId, amount: 9.9 }, {}, variant);
		expect(charged.items[0].json).toMatchObject({
			status: 'partiallyCharged',
			chargeId: expect.stringMatching(/-/),
		});
		const refunded = await run({ operation: 'refund', paymentId, amount: 0 }, {}, variant);
		expect(refunded.items[0].json).toMatchObject({ amountMinor: 990, status: 'partiallyRefunded' });
	});
});
