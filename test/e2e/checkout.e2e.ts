import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8n, outputOf, type ExecutionResult } from './n8n';
import {
	CHECKOUT_WEBHOOK_AUTHORIZATION,
	credentialsFor,
	workflow,
	type NodeSpec,
} from './workflows';

const FILE = 'checkout';
const CHECKOUT = 'n8n-nodes-nexi.nexiCheckout';
const WEBHOOK_ID = '3e5a7c9b-1d2f-4a6c-8e0b-6f8a0c2e4b7d';

let sandbox: Sandbox;
let n8n: N8n;
let triggerUrl: string;
let pages: ExecutionResult;

const ORDER = [
	'payment.checkout.completed',
	'payment.charge.created.v2',
	'payment.refund.completed',
	'payment.cancel.created',
];

/** A mail's text with quoted-printable soft line breaks and escapes undone. */
const text = (data: string) => data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

/** A moment for anything that should not happen to show up if it were going to. */
const settle = async () => await new Promise((resolve) => setTimeout(resolve, 4000));

const received = () =>
	(sandbox.sinks.checkoutEvents ?? []).map((entry) => entry.body as Record<string, unknown>);

const checkoutNode = (name: string, parameters: Record<string, unknown>): NodeSpec => ({
	name,
	type: CHECKOUT,
	credential: 'checkout',
	// Run once whatever the node before handed on: each step names its own payment.
	executeOnce: true,
	parameters: { resource: 'payment', ...parameters },
});

/** A chain from a manual trigger: each node runs after the one before. */
const chain = (id: string, name: string, nodes: NodeSpec[]) =>
	workflow(
		FILE,
		id,
		name,
		[{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} }, ...nodes],
		nodes.map((node, index): [string, string] => [
			index === 0 ? 'Start' : nodes[index - 1].name,
			node.name,
		]),
	);

const page = (name: string, amount: number, reference: string) =>
	checkoutNode(name, {
		operation: 'create',
		amount,
		currency: 'SEK',
		reference,
		returnUrl: 'https://shop.example.com/thanks',
		termsUrl: 'https://shop.example.com/terms',
		additionalFields: { email: 'ada@example.com', notifyUrl: triggerUrl },
	});

/**
 * Nexi Checkout and its trigger in a real n8n (each version tested) running the packed
 * package: payment pages created with the trigger's production URL, one paid at the sandbox
 * (every event delivered three times at once), then charged in part, refunded in part, the rest
 * cancelled; the other page's reference updated and the page terminated; forged events.
 */
beforeAll(async () => {
	sandbox = await startSandbox({ reporting: { days: 0 } });
	n8n = N8n.shared();
	triggerUrl = `http://127.0.0.1:${n8n.port}/webhook/${WEBHOOK_ID}/checkout-event`;
	await n8n.importCredentials(credentialsFor(sandbox, FILE));
	await n8n.importWorkflow(
		chain('e2eCheckoutPages', 'Checkout: pages', [
			page('Page To Pay', 100, 'E2E-CK-1'),
			page('Page To End', 20, 'E2E-CK-2'),
		]),
		workflow(
			FILE,
			'e2eCheckoutEvents',
			'Checkout: events',
			[
				{
					name: 'Checkout Event',
					type: 'n8n-nodes-nexi.nexiCheckoutTrigger',
					credential: 'checkout',
					webhookId: WEBHOOK_ID,
					parameters: {
						events: [
							'payment.checkout.completed',
							'payment.charge.created.v2',
							'payment.refund.completed',
							'payment.cancel.created',
						],
					},
				},
				{
					name: 'Sink',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'POST',
						url: `${sandbox.url}/_sandbox/sink/checkoutEvents`,
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify({ ...$json, execution: $execution.id }) }}',
					},
				},
			],
			[['Checkout Event', 'Sink']],
		),
	);
	await n8n.activate('e2eCheckoutEvents');
	await n8n.waitForWebhook(triggerUrl, 60_000, 'POST');
	pages = await n8n.execute('e2eCheckoutPages');
});

afterAll(async () => {
	await n8n?.deactivate('e2eCheckoutEvents').catch(() => undefined);
	await sandbox?.close();
});

test('payment pages created with the trigger’s URL and the credential’s Webhook Authorization', async () => {
	expect(pages.status).toBe('success');
	const [created] = outputOf(pages, 'Page To Pay');
	expect(created.json).toEqual({
		paymentId: expect.stringMatching(/^[0-9a-f]{32}$/),
		url: expect.stringContaining('/checkout/hostedpaymentpage/?pid='),
		expiresAt: expect.any(String),
		status: 'created',
		amount: 100,
		amountMinor: 10000,
		currency: 'SEK',
		reference: 'E2E-CK-1',
		notifyUrl: triggerUrl,
		notifyEvents: [
			'payment.checkout.completed',
			'payment.charge.created.v2',
			'payment.refund.completed',
			'payment.cancel.created',
		],
	});
	const stored = sandbox.checkout.payments.get(created.json.paymentId as string)!;
	expect(stored.webhooks.map((hook) => hook.authorization)).toEqual(
		Array(4).fill(CHECKOUT_WEBHOOK_AUTHORIZATION),
	);
	expect(JSON.stringify(pages)).not.toContain(CHECKOUT_WEBHOOK_AUTHORIZATION);
});

test('forged events start nothing', async () => {
	const paymentId = outputOf(pages, 'Page To Pay')[0].json.paymentId as string;
	const event = { id: 'forged1', event: 'payment.checkout.completed', data: { paymentId } };
	for (const authorization of [undefined, 'NotTheSecret123']) {
		const response = await fetch(triggerUrl, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				...(authorization ? { Authorization: authorization } : {}),
			},
			body: JSON.stringify(event),
		});
		expect(response.status).toBe(401);
	}
	await settle();
	expect(received()).toEqual([]);
});

test('paid, charged, refunded, cancelled: one execution per event, however often Checkout delivers it', async () => {
	const paymentId = outputOf(pages, 'Page To Pay')[0].json.paymentId as string;
	const other = outputOf(pages, 'Page To End')[0].json.paymentId as string;
	const { deliveries } = await sandbox.checkout.pay(paymentId, 'paid', {
		duplicates: 2,
		together: true,
	});
	expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
	await n8n.waitFor('the completed event', () => received().length >= 1, 60_000);

	await n8n.importWorkflow(
		chain('e2eCheckoutMoves', 'Checkout: every operation', [
			checkoutNode('Get', { operation: 'get', paymentId }),
			checkoutNode('Charge', { operation: 'charge', paymentId, amount: 60 }),
			checkoutNode('Refund', { operation: 'refund', paymentId, amount: 10.5 }),
			checkoutNode('Cancel', { operation: 'cancel', paymentId, amount: 0 }),
			checkoutNode('Get Raw', { operation: 'get', paymentId, simplify: false }),
			checkoutNode('Update Reference', {
				operation: 'updateReference',
				paymentId: other,
				reference: 'E2E-CK-2b',
				options: { checkoutUrl: 'https://shop.example.com/checkout' },
			}),
			checkoutNode('Terminate', { operation: 'terminate', paymentId: other }),
		]),
	);
	const moves = await n8n.execute('e2eCheckoutMoves');
	expect(moves.status).toBe('success');
	expect(outputOf(moves, 'Get')[0].json).toMatchObject({
		status: 'reserved',
		amount: 100,
		customer: { email: 'ada@example.com' },
	});
	expect(outputOf(moves, 'Charge')[0].json).toMatchObject({
		operation: 'charge',
		amountMinor: 6000,
		status: 'partiallyCharged',
	});
	expect(outputOf(moves, 'Refund')[0].json).toMatchObject({
		operation: 'refund',
		amount: 10.5,
		amountMinor: 1050,
	});
	expect(outputOf(moves, 'Cancel')[0].json).toMatchObject({
		operation: 'cancel',
		amountMinor: 4000,
		leftToCharge: 0,
	});
	expect(outputOf(moves, 'Get Raw')[0].json).toMatchObject({
		paymentId,
		summary: {
			reservedAmount: 10000,
			chargedAmount: 6000,
			refundedAmount: 1050,
			cancelledAmount: 4000,
		},
	});
	expect(outputOf(moves, 'Update Reference')[0].json).toMatchObject({ reference: 'E2E-CK-2b' });
	expect(outputOf(moves, 'Terminate')[0].json).toEqual({
		paymentId: other,
		operation: 'terminate',
		status: 'terminated',
	});

	await n8n.waitFor('four events', () => received().length >= 4, 60_000);
	await settle();
	// Checkout does not promise an order: the refund completes while the cancel is sent.
	const events = received().sort(
		(a, b) => ORDER.indexOf(String(a.event)) - ORDER.indexOf(String(b.event)),
	);
	expect(events.map((e) => [e.event, e.paymentId, e.amountMinor])).toEqual([
		['payment.checkout.completed', paymentId, 10000],
		['payment.charge.created.v2', paymentId, 6000],
		['payment.refund.completed', paymentId, 1050],
		['payment.cancel.created', paymentId, 4000],
	]);
	expect(new Set(events.map((e) => e.execution)).size).toBe(4);
	expect(events[0]).toMatchObject({
		customer: expect.objectContaining({ email: 'ada@example.com' }),
	});
	expect(JSON.stringify(events)).not.toContain(CHECKOUT_WEBHOOK_AUTHORIZATION);
});

describe('the Checkout examples, as users import them', () => {
	const example = (name: string) =>
		JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', `${name}.json`), 'utf8')) as {
			id: string;
			nodes: Array<{ webhookId?: string; type: string }>;
		};

	beforeAll(async () => {
		await n8n.importCredentials([
			{
				id: 'nexiCheckout0001',
				name: 'Nexi Checkout account',
				type: 'nexiCheckoutApi',
				data: {
					environment: 'custom',
					baseUrl: sandbox.url,
					secretKey: sandbox.reporting.testKey,
					merchantNumber: '',
					webhookAuthorization: CHECKOUT_WEBHOOK_AUTHORIZATION,
				},
			},
			{
				id: 'smtpAccount00001',
				name: 'SMTP account',
				type: 'smtp',
				data: {
					user: '',
					password: '',
					host: '127.0.0.1',
					port: sandbox.smtp.port,
					secure: false,
					disableStartTls: true,
				},
			},
		]);
		await n8n.importWorkflow(
			example('checkout-payment-page-and-thank-when-paid'),
			example('charge-when-order-ships-checkout'),
			example('refund-from-support-form-checkout'),
		);
		for (const id of ['exCheckoutPage01', 'exCheckoutCharge', 'exCheckoutRefund'])
			await n8n.activate(id);
	});

	afterAll(async () => {
		for (const id of ['exCheckoutPage01', 'exCheckoutCharge', 'exCheckoutRefund'])
			await n8n?.deactivate(id).catch(() => undefined);
	});

	/** Posts until n8n serves the path (2.41.1 may register a webhook a moment after activation). */
	async function post(url: string, init: () => RequestInit): Promise<Response> {
		let response = await fetch(url, init());
		for (let tries = 0; response.status === 404 && tries < 60; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			response = await fetch(url, init());
		}
		return response;
	}

	const form = (fields: string[]) => () => {
		const body = new FormData();
		fields.forEach((value, index) => body.append(`field-${index}`, value));
		return { method: 'POST', body };
	};

	test('a payment page from the form, e-mailed; the customer thanked once when Checkout says it is paid', async () => {
		const workflow = example('checkout-payment-page-and-thank-when-paid');
		const formId = workflow.nodes[0].webhookId;
		const triggerId = workflow.nodes.find((node) =>
			node.type.endsWith('nexiCheckoutTrigger'),
		)!.webhookId;
		await n8n.waitForWebhook(
			`http://127.0.0.1:${n8n.port}/webhook/${triggerId}/checkout-event`,
			60_000,
			'POST',
		);
		const response = await post(
			`http://127.0.0.1:${n8n.port}/form/${formId}`,
			form(['carla.rossi@example.com', '49.9', 'Invoice 2026-077']),
		);
		expect(response.status).toBe(200);
		const pageMails = () =>
			sandbox.smtp.mails.filter((mail) => mail.subject === 'Your payment page for 49.9 EUR');
		await n8n.waitFor('the payment page e-mail', () => pageMails().length >= 1, 30_000);
		const created = [...sandbox.checkout.payments.values()].find(
			(payment) => payment.order.reference === 'Invoice 2026-077',
		)!;
		expect(created.order.amount).toBe(4990);
		expect(created.webhooks.map((hook) => hook.url)).toEqual([
			`http://localhost:${n8n.port}/webhook/${triggerId}/checkout-event`,
		]);
		expect(pageMails()[0].to).toEqual(['carla.rossi@example.com']);
		expect(text(pageMails()[0].data)).toContain(`hostedpaymentpage/?pid=${created.paymentId}`);

		// The customer opens the page and pays; Checkout delivers the event twice.
		const { deliveries } = await sandbox.checkout.pay(created.paymentId, 'paid', { duplicates: 1 });
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
		const thanks = () =>
			sandbox.smtp.mails.filter(
				(mail) => mail.subject === 'Thank you for your payment of 49.9 EUR',
			);
		await n8n.waitFor('the thank-you mail', () => thanks().length >= 1, 30_000);
		await settle();
		expect(thanks()).toHaveLength(1);
		expect(thanks()[0].to).toEqual(['carla.rossi@example.com']);
		expect(thanks()[0].data).toContain('Invoice 2026-077');
	});

	test('the shop says an order shipped, and that amount is charged', async () => {
		const paymentId = outputOf(pages, 'Page To Pay')[0].json.paymentId as string;
		// A fresh reserved payment: the one above is used up.
		const created = await fetch(`${sandbox.url}/v1/payments`, {
			method: 'POST',
			headers: { Authorization: sandbox.reporting.testKey, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				order: {
					items: [
						{
							reference: 'ship',
							name: 'Parcel',
							quantity: 1,
							unit: 'pcs',
							unitPrice: 8000,
							grossTotalAmount: 8000,
							netTotalAmount: 8000,
						},
					],
					amount: 8000,
					currency: 'EUR',
				},
				checkout: {
					integrationType: 'HostedPaymentPage',
					returnUrl: 'https://shop.example.com/thanks',
					termsUrl: 'https://shop.example.com/terms',
				},
			}),
		});
		const shipped = ((await created.json()) as { paymentId: string }).paymentId;
		expect(shipped).not.toBe(paymentId);
		await sandbox.checkout.pay(shipped);
		const response = await post(
			`http://127.0.0.1:${n8n.port}/webhook/checkout-order-shipped`,
			() => ({
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ paymentId: shipped, amount: 49.9 }),
			}),
		);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({
			paymentId: shipped,
			operation: 'charge',
			amount: 49.9,
			amountMinor: 4990,
			status: 'partiallyCharged',
		});
		expect(sandbox.checkout.payments.get(shipped)!.charges.map((c) => c.amount)).toEqual([4990]);
	});

	test('support refunds part of a payment from the form, and the team is told', async () => {
		const paid = [...sandbox.checkout.payments.values()].find(
			(payment) => payment.order.reference === 'Invoice 2026-077',
		)!;
		// Charged first, as the shop would when the goods ship.
		const charged = await post(
			`http://127.0.0.1:${n8n.port}/webhook/checkout-order-shipped`,
			() => ({
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ paymentId: paid.paymentId }),
			}),
		);
		expect(charged.status).toBe(200);
		const formId = example('refund-from-support-form-checkout').nodes[0].webhookId;
		const response = await post(
			`http://127.0.0.1:${n8n.port}/form/${formId}`,
			form([paid.paymentId, '9.9', 'Damaged in transit']),
		);
		expect(response.status).toBe(200);
		const told = () =>
			sandbox.smtp.mails.filter((mail) =>
				mail.subject.startsWith(`Refunded 9.9 EUR on payment ${paid.paymentId}`),
			);
		await n8n.waitFor('the e-mail to the team', () => told().length >= 1, 30_000);
		expect(told()[0].data).toContain('Damaged in transit');
		expect(told()[0].data).toContain('partiallyRefunded');
		expect(paid.refunds.map((r) => r.amount)).toEqual([990]);
	});
});
