// Nexi Checkout Trigger, served as n8n serves a webhook, with payments created by the Nexi
// Checkout node whose Notify URL is the trigger's URL, and the sandbox delivering Checkout's
// events with its retries.
import { runNode, WebhookServer } from '../helpers/harness';
import { checkoutCredentials, useSandbox } from '../helpers/sandbox';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const holder = useSandbox({ checkout: { retryDelayMs: 20 } });
const TYPE = 'n8n-nodes-nexi.nexiCheckoutTrigger';
const AUTHORIZATION = 'TriggerSecret4Checkout2026';
const servers: WebhookServer[] = [];

async function trigger(
	target: Sandbox = holder.current,
	events?: string[],
	authorization = AUTHORIZATION,
	staticData?: string,
): Promise<WebhookServer> {
	const server = await new WebhookServer({
		type: TYPE,
		parameters: events ? { events } : {},
		credentials: checkoutCredentials(target, { webhookAuthorization: authorization }),
		staticData,
	}).start();
	servers.push(server);
	return server;
}

afterAll(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
});

async function node(target: Sandbox, parameters: Record<string, unknown>) {
	const { items, error } = await runNode({
		type: 'n8n-nodes-nexi.nexiCheckout',
		parameters: { resource: 'payment', ...parameters } as never,
		credentials: checkoutCredentials(target, { webhookAuthorization: AUTHORIZATION }),
	});
	if (error) throw new Error(error.message);
	return items[0].json;
}

/** A payment page created by the node with the trigger's URL as Notify URL. */
async function page(target: Sandbox, url: string, amount: number, events?: string[]) {
	const created = await node(target, {
		operation: 'create',
		amount,
		currency: 'SEK',
		reference: `order-${amount}`,
		returnUrl: 'https://shop.example.com/thanks',
		termsUrl: 'https://shop.example.com/terms',
		additionalFields: {
			notifyUrl: url,
			email: 'ada@example.com',
			...(events ? { events } : {}),
		},
	});
	return created.paymentId as string;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > ms) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

test('a paid page starts exactly one execution, however often Checkout delivers the event', async () => {
	const server = await trigger();
	const paymentId = await page(holder.current, server.url, 49.9);
	const { deliveries } = await holder.current.checkout.pay(paymentId, 'paid', {
		duplicates: 2,
		together: true,
	});
	const completed = deliveries.filter((d) => d.event === 'payment.checkout.completed');
	expect(completed.map((d) => d.status)).toEqual([200, 200, 200]);
	expect(server.executions.map((item) => item.json)).toEqual([
		{
			eventId: completed[0].id,
			event: 'payment.checkout.completed',
			timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*\+00:00$/),
			merchantNumber: '100017120',
			paymentId,
			amount: 49.9,
			amountMinor: 4990,
			currency: 'SEK',
			reference: 'order-49.9',
			chargeId: null,
			refundId: null,
			cancelId: null,
			paymentMethod: null,
			paymentType: null,
			customer: {
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				phone: '+46701234567',
				country: 'SWE',
			},
			error: null,
			myReference: null,
			raw: expect.objectContaining({ id: completed[0].id, event: 'payment.checkout.completed' }),
		},
	]);
});

test('charge, refund and cancel made by the node each start one execution with their ids and amounts', async () => {
	const server = await trigger();
	const paymentId = await page(holder.current, server.url, 100);
	await holder.current.checkout.pay(paymentId);
	const charge = await node(holder.current, { operation: 'charge', paymentId, amount: 60 });
	const refund = await node(holder.current, { operation: 'refund', paymentId, amount: 10 });
	await node(holder.current, { operation: 'cancel', paymentId, amount: 0 });
	await until(() => server.executions.length === 4);
	expect(
		server.executions.map(({ json }) => [
			json.event,
			json.amountMinor,
			json.chargeId ?? json.refundId ?? json.cancelId,
		]),
	).toEqual([
		['payment.checkout.completed', 10000, null],
		['payment.charge.created.v2', 6000, charge.chargeId],
		['payment.refund.completed', 1000, refund.refundId],
		['payment.cancel.created', 4000, expect.stringMatching(/^[0-9a-f]{32}$/)],
	]);
	// The .v2 events carry merchantNumber, the others merchantId: both read the same.
	expect(server.executions.map(({ json }) => json.merchantNumber)).toEqual(
		Array(4).fill('100017120'),
	);
});

test('a wrong or missing Webhook Authorization gets 401 every time Checkout tries, and starts nothing', async () => {
	const server = await trigger(holder.current, undefined, 'SomeOtherSecret123');
	const paymentId = await page(holder.current, server.url, 20);
	await holder.current.checkout.pay(paymentId);
	const attempts = () =>
		holder.current.checkout.deliveries.filter(
			(d) => d.paymentId === paymentId && d.event === 'payment.checkout.completed',
		);
	await until(() => attempts().length === 10);
	expect(attempts().map((d) => d.status)).toEqual(Array(10).fill(401));
	const forged = await fetch(server.url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ id: 'x1', event: 'payment.checkout.completed', data: { paymentId } }),
	});
	expect(forged.status).toBe(401);
	expect(server.executions).toHaveLength(0);
});

test('an event not chosen is acknowledged (200) and starts nothing; a body that is not an event is 400', async () => {
	const server = await trigger(holder.current, ['payment.charge.created.v2']);
	const paymentId = await page(holder.current, server.url, 15);
	const { deliveries } = await holder.current.checkout.pay(paymentId);
	expect(deliveries.map((d) => [d.event, d.status])).toEqual([['payment.checkout.completed', 200]]);
	const notAnEvent = await fetch(server.url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: AUTHORIZATION },
		body: JSON.stringify({ hello: 'world' }),
	});
	expect(notAnEvent.status).toBe(400);
	expect(server.executions).toHaveLength(0);
});

test('a repeat after a restart (the memory saved by n8n) starts nothing; a new event does', async () => {
	const first = await trigger();
	const paymentId = await page(holder.current, first.url, 30);
	await holder.current.checkout.pay(paymentId);
	expect(first.executions).toHaveLength(1);
	const event = first.executions[0].json.raw as Record<string, unknown>;
	await first.close();
	const restarted = await trigger(holder.current, undefined, AUTHORIZATION, first.staticData);
	const post = async (body: unknown) =>
		await fetch(restarted.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: AUTHORIZATION },
			body: JSON.stringify(body),
		});
	expect((await post(event)).status).toBe(200);
	expect(restarted.executions).toHaveLength(0);
	expect((await post({ ...event, id: 'another-event-id' })).status).toBe(200);
	expect(restarted.executions).toHaveLength(1);
});

test('activation without a Webhook Authorization in the credential stops with what to do', async () => {
	const server = await trigger(holder.current, undefined, '');
	await expect(server.activate()).rejects.toThrow(
		'The Nexi Checkout API credential has no valid Webhook Authorization',
	);
	const ok = await trigger();
	await expect(ok.activate()).resolves.toBeUndefined();
});

describe('variant mode: legacy events beside .v2, duplicate deliveries, dashed ids', () => {
	let variant: Sandbox;
	beforeAll(async () => {
		variant = await startSandbox({ variant: true, checkout: { retryDelayMs: 20 } });
	});
	afterAll(async () => {
		await variant.close();
	});

	test('each chosen event once; the legacy copy of a .v2 event starts only a trigger that chose it', async () => {
		const v2Only = await trigger(variant, [
			'payment.charge.created.v2',
			'payment.refund.completed',
		]);
		const both = await trigger(variant, ['payment.charge.created.v2', 'payment.charge.created']);
		const events = [
			'payment.charge.created.v2',
			'payment.refund.initiated.v2',
			'payment.refund.completed',
		];
		const first = await page(variant, v2Only.url, 40, events);
		const second = await page(variant, both.url, 40, events);
		for (const paymentId of [first, second]) {
			await variant.checkout.pay(paymentId);
			await node(variant, { operation: 'charge', paymentId, amount: 0 });
			await node(variant, { operation: 'refund', paymentId, amount: 5 });
		}
		await until(() => v2Only.executions.length === 2 && both.executions.length === 2);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(v2Only.executions.map(({ json }) => [json.event, json.amountMinor])).toEqual([
			['payment.charge.created.v2', 4000],
			['payment.refund.completed', 500],
		]);
		expect(both.executions.map(({ json }) => json.event).sort()).toEqual([
			'payment.charge.created',
			'payment.charge.created.v2',
		]);
		expect(v2Only.executions[0].json.paymentId).toMatch(/^[0-9a-f]{8}-/);
		// Every event is delivered twice (each answered 200 once the first has been saved).
		const charges = () =>
			variant.checkout.deliveries.filter(
				(d) => d.paymentId === first && d.event === 'payment.charge.created.v2',
			);
		await until(() => charges().length === 2);
		expect(charges().map((d) => d.status)).toEqual([200, 200]);
	});
});
