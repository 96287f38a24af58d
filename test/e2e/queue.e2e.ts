import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8n } from './n8n';
import {
	CHECKOUT_WEBHOOK_AUTHORIZATION,
	credentialsFor,
	notificationWorkflow,
	workflow,
} from './workflows';

const REDIS = '/usr/bin/redis-server';
let sandbox: Sandbox;
let n8n: N8n;
let redis: ChildProcess;
const redisPort = 6400 + (process.pid % 500);
const WEBHOOK_ID = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const KEY_WEBHOOK_ID = '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a';
const CHECKOUT_WEBHOOK_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

/**
 * Queue mode, the way n8n scales past one machine: a main process (which runs the polling
 * triggers), a worker (which runs the executions) and a webhook process (which alone receives
 * production webhooks), sharing Redis (Debian's redis-server). Skipped only where redis-server
 * is not installed (.ci/run installs it).
 */
(existsSync(REDIS) ? describe : describe.skip)('queue mode', () => {
	beforeAll(async () => {
		redis = spawn(
			REDIS,
			['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: 'ignore' },
		);
		sandbox = await startSandbox({ reporting: { days: 0 }, xpay: { orders: 0, links: 0 } });
		sandbox.xpay.addOrder({
			codiceTransazione: 'QUEUE-ORDER-01',
			importo: 4321,
			stato: 'Contabilizzato',
		});
		n8n = new N8n({
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			// Production webhooks only on the webhook process, as in a scaled setup.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		});
		await n8n.importCredentials(credentialsFor(sandbox, 'queue'));
		await n8n.importWorkflow(
			workflow(
				'queue',
				'e2eQueueWorkflow',
				'Queue mode',
				[
					{
						name: 'New Payout',
						type: 'n8n-nodes-nexi.nexiReportingTrigger',
						credential: 'checkout',
						parameters: {
							event: 'newPayout',
							output: 'payout',
							pollTimes: { item: [{ mode: 'everyMinute' }] },
						},
					},
					{
						name: 'Payout',
						type: 'n8n-nodes-nexi.nexiReporting',
						credential: 'checkout',
						parameters: {
							resource: 'paymentAction',
							operation: 'getMany',
							payoutId: '={{ $json.id }}',
							returnAll: true,
						},
					},
					{
						name: 'Order',
						type: 'n8n-nodes-nexi.nexiXPay',
						credential: 'xpay',
						executeOnce: true,
						parameters: { resource: 'order', operation: 'get', transactionCode: 'QUEUE-ORDER-01' },
					},
					{
						name: 'Sink',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						parameters: {
							method: 'POST',
							url: `${sandbox.url}/_sandbox/sink/queue`,
							sendBody: true,
							specifyBody: 'json',
							jsonBody:
								"={{ JSON.stringify({ execution: $execution.id, payoutId: $('New Payout').first().json.id, actions: $('Payout').all().length, order: $json.status }) }}",
						},
					},
				],
				[
					['New Payout', 'Payout'],
					['Payout', 'Order'],
					['Order', 'Sink'],
				],
			),
		);
		await n8n.importWorkflow(
			notificationWorkflow(
				'queue',
				'e2eQueueNotify01',
				`${sandbox.url}/_sandbox/sink/queueOutcomes`,
				WEBHOOK_ID,
			),
		);
		const keyNotifications = notificationWorkflow(
			'queue',
			'e2eQueueKeyNote1',
			`${sandbox.url}/_sandbox/sink/queueKeyOutcomes`,
			KEY_WEBHOOK_ID,
		);
		// The same trigger with Authentication = API Key: notifications confirmed with XPay.
		Object.assign(keyNotifications.nodes[0], {
			parameters: { authentication: 'apiKey' },
			credentials: { nexiXPayKeyApi: { id: 'queue-xpaykey', name: 'Nexi XPay key (queue)' } },
		});
		await n8n.importWorkflow(keyNotifications);
		const checkoutEvents = notificationWorkflow(
			'queue',
			'e2eQueueCheckout',
			`${sandbox.url}/_sandbox/sink/queueCheckoutEvents`,
			CHECKOUT_WEBHOOK_ID,
		);
		// Nexi Checkout's webhook trigger: events proven by the credential's Webhook Authorization.
		Object.assign(checkoutEvents.nodes[0], {
			type: 'n8n-nodes-nexi.nexiCheckoutTrigger',
			parameters: { events: ['payment.checkout.completed'] },
			credentials: { nexiCheckoutApi: { id: 'queue-checkout', name: 'Nexi Checkout (queue)' } },
		});
		await n8n.importWorkflow(checkoutEvents);
		await n8n.activate('e2eQueueWorkflow');
		await n8n.activate('e2eQueueNotify01');
		await n8n.activate('e2eQueueKeyNote1');
		await n8n.activate('e2eQueueCheckout');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.close();
		redis?.kill('SIGTERM');
	});

	test('the trigger polls on the main process; a worker runs both nodes unchanged', async () => {
		await n8n.start();
		n8n.startWorker();
		await n8n.waitFor(
			'the activation poll',
			() => sandbox.requests.some((r) => r.path === '/report/v1/payouts'),
			60_000,
		);
		const payout = sandbox.reporting.addPayout({
			date: DateTime.now().setZone('Europe/Rome').toISODate()!,
			currency: 'EUR',
			actions: 5,
		});
		await n8n.waitFor('the execution', () => (sandbox.sinks.queue ?? []).length >= 1, 150_000);
		const [{ body }] = sandbox.sinks.queue as Array<{
			body: { execution: string; payoutId: string; actions: number; order: string };
		}>;
		expect(body).toMatchObject({ payoutId: payout.id, actions: 5, order: 'captured' });
		await n8n.waitFor(
			'the worker to report the execution',
			() =>
				n8n.workerLog.includes(`execution ${body.execution}`) ||
				n8n.workerLog.includes(`Execution ${body.execution}`),
			30_000,
		);
		expect(sandbox.sinks.queue).toHaveLength(1);
	});

	test("the webhook process receives a paid link's outcome; a worker runs it, once", async () => {
		await n8n.startWebhookProcessor();
		const url = `http://127.0.0.1:${n8n.webhookPort}/webhook/${WEBHOOK_ID}/payment-outcome`;
		// n8n 2.41.1's webhook process may serve one method of a path before the other.
		await n8n.waitForWebhook(url);
		await n8n.waitForWebhook(url, 60_000, 'POST');
		sandbox.xpay.createLink('QUEUE-LINK-0001', 3300, 24, url, { urlpost: url });
		// Both ways, twice, all at once: the webhook process must still start one execution.
		const { deliveries } = await sandbox.xpay.payAndDeliver('QUEUE-LINK-0001', 'paid', {
			duplicates: 1,
			together: true,
		});
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200]);
		await n8n.waitFor(
			'the execution',
			() => (sandbox.sinks.queueOutcomes ?? []).length >= 1,
			60_000,
		);
		await new Promise((resolve) => setTimeout(resolve, 4000));
		const outcomes = (sandbox.sinks.queueOutcomes ?? []).map(
			(entry) => entry.body as { transactionCode: string; amount: number; execution: string },
		);
		expect(outcomes).toEqual([
			expect.objectContaining({ transactionCode: 'QUEUE-LINK-0001', status: 'paid', amount: 33 }),
		]);
		await n8n.waitFor(
			'the worker to report the execution',
			() =>
				n8n.workerLog.includes(`execution ${outcomes[0].execution}`) ||
				n8n.workerLog.includes(`Execution ${outcomes[0].execution}`),
			30_000,
		);
	});

	test('the webhook process confirms an API-key notification with XPay; a worker runs it, once', async () => {
		const url = `http://127.0.0.1:${n8n.webhookPort}/webhook/${KEY_WEBHOOK_ID}/payment-outcome`;
		await n8n.waitForWebhook(url, 60_000, 'POST');
		const created = await fetch(`${sandbox.url}/api/phoenix-0.0/psp/api/v1/orders/paybylink`, {
			method: 'POST',
			headers: {
				'X-API-KEY': sandbox.xpayKey.options.apiKey,
				'Correlation-Id': '00000000-0000-4000-8000-000000000003',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({
				order: { orderId: 'QUEUE-KEY-1', amount: '2200', currency: 'EUR' },
				paymentSession: { actionType: 'PAY', amount: '2200', notificationUrl: url },
				expirationDate: DateTime.now().plus({ days: 3 }).toISODate(),
			}),
		});
		const { paymentLink } = (await created.json()) as { paymentLink: { linkId: string } };
		// Three notifications at once: the webhook process must still start one execution.
		const { deliveries } = await sandbox.xpayKey.payAndNotify(paymentLink.linkId, undefined, {
			duplicates: 2,
			together: true,
		});
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
		await n8n.waitFor(
			'the execution',
			() => (sandbox.sinks.queueKeyOutcomes ?? []).length >= 1,
			60_000,
		);
		await new Promise((resolve) => setTimeout(resolve, 4000));
		const outcomes = (sandbox.sinks.queueKeyOutcomes ?? []).map(
			(entry) => entry.body as Record<string, unknown>,
		);
		expect(outcomes).toEqual([
			expect.objectContaining({
				orderId: 'QUEUE-KEY-1',
				paid: true,
				amount: 22,
				status: 'authorized',
			}),
		]);
	});

	test('the webhook process accepts a Checkout event with the Webhook Authorization; a worker runs it, once', async () => {
		const url = `http://127.0.0.1:${n8n.webhookPort}/webhook/${CHECKOUT_WEBHOOK_ID}/checkout-event`;
		await n8n.waitForWebhook(url, 60_000, 'POST');
		const created = await fetch(`${sandbox.url}/v1/payments`, {
			method: 'POST',
			headers: { Authorization: sandbox.reporting.testKey, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				order: {
					items: [
						{
							reference: 'queue',
							name: 'Queue test',
							quantity: 1,
							unit: 'pcs',
							unitPrice: 3300,
							grossTotalAmount: 3300,
							netTotalAmount: 3300,
						},
					],
					amount: 3300,
					currency: 'SEK',
					reference: 'QUEUE-CHECKOUT-1',
				},
				checkout: {
					integrationType: 'HostedPaymentPage',
					returnUrl: 'https://shop.example.com/thanks',
					termsUrl: 'https://shop.example.com/terms',
				},
				notifications: {
					webHooks: [
						{
							eventName: 'payment.checkout.completed',
							url,
							authorization: CHECKOUT_WEBHOOK_AUTHORIZATION,
						},
					],
				},
			}),
		});
		const { paymentId } = (await created.json()) as { paymentId: string };
		// Three deliveries at once: the webhook process must still start one execution.
		const { deliveries } = await sandbox.checkout.pay(paymentId, 'paid', {
			duplicates: 2,
			together: true,
		});
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
		await n8n.waitFor(
			'the execution',
			() => (sandbox.sinks.queueCheckoutEvents ?? []).length >= 1,
			60_000,
		);
		await new Promise((resolve) => setTimeout(resolve, 4000));
		const events = (sandbox.sinks.queueCheckoutEvents ?? []).map(
			(entry) => entry.body as Record<string, unknown>,
		);
		expect(events).toEqual([
			expect.objectContaining({
				event: 'payment.checkout.completed',
				paymentId,
				amount: 33,
				reference: 'QUEUE-CHECKOUT-1',
			}),
		]);
	});
});
