import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8n, outputOf, parseExecution } from './n8n';
import { workflow } from './workflows';

const CANARY_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const CANARY_WRONG_KEY = 'test-secret-key-deadbeefdeadbeefdeadbeefdeadbeef';
const CANARY_MAC = 'CANARYMACKEY0000CANARYMACKEY0000';
const CANARY_WRONG_MAC = 'WRONGCANARYMAC00WRONGCANARYMAC00';
const CANARY_WEBHOOK = 'CanaryWebhookAuthorization0000Canary';
const WEBHOOK_ID = '7d9f1b3c-5e7a-4c9e-8b1d-9f1b3d5e7a9c';

let sandbox: Sandbox;
let n8n: N8n;
let output = '';
let stdout = '';

/**
 * Canary keys in a real n8n (`n8n execute` logging at debug level, beside the version's
 * long-lived n8n, whose logs are read too): the keys that work and keys that are
 * refused, through successes and failures of both nodes. None may appear anywhere n8n writes.
 */
beforeAll(async () => {
	sandbox = await startSandbox({
		reporting: { secretKey: CANARY_KEY, endDate: '2026-11-20' },
		xpay: { macKey: CANARY_MAC, orders: 5, links: 5 },
	});
	n8n = N8n.shared();
	const credential = (id: string, name: string, type: string, data: object) => ({
		id,
		name,
		type,
		data: { environment: 'custom', baseUrl: sandbox.url, ...data },
	});
	await n8n.importCredentials([
		credential('canaryCheckout01', 'Canary checkout', 'nexiCheckoutApi', {
			secretKey: `test-secret-key-${CANARY_KEY}`,
			merchantNumber: '',
			webhookAuthorization: CANARY_WEBHOOK,
		}),
		credential('canaryCheckout02', 'Canary checkout wrong', 'nexiCheckoutApi', {
			secretKey: CANARY_WRONG_KEY,
			merchantNumber: '',
		}),
		credential('canaryXPay000001', 'Canary xpay', 'nexiXPayApi', {
			alias: sandbox.xpay.options.alias,
			macKey: CANARY_MAC,
		}),
		credential('canaryXPay000002', 'Canary xpay wrong', 'nexiXPayApi', {
			alias: sandbox.xpay.options.alias,
			macKey: CANARY_WRONG_MAC,
		}),
	]);
	const node = (
		name: string,
		type: string,
		credentialType: string,
		id: string,
		credentialName: string,
		parameters: object,
	) => ({
		id: name,
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		onError: 'continueRegularOutput',
		credentials: { [credentialType]: { id, name: credentialName } },
	});
	const flow = workflow(
		'secrets',
		'canaryWorkflow01',
		'Canaries',
		[{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} }],
		[],
	);
	const list = {
		resource: 'payout',
		operation: 'getMany',
		fromDate: '2026-11-01',
		toDate: '2026-11-20',
		returnAll: true,
	};
	const order = {
		resource: 'order',
		operation: 'getMany',
		fromDate: '={{ $today.minus({ days: 30 }) }}',
		toDate: '={{ $today }}',
		returnAll: true,
	};
	flow.nodes.push(
		node(
			'Payouts',
			'n8n-nodes-nexi.nexiReporting',
			'nexiCheckoutApi',
			'canaryCheckout01',
			'Canary checkout',
			list,
		) as never,
		node(
			'Payouts Refused',
			'n8n-nodes-nexi.nexiReporting',
			'nexiCheckoutApi',
			'canaryCheckout02',
			'Canary checkout wrong',
			list,
		) as never,
		node(
			'Orders',
			'n8n-nodes-nexi.nexiXPay',
			'nexiXPayApi',
			'canaryXPay000001',
			'Canary xpay',
			order,
		) as never,
		node(
			'Orders Untrusted',
			'n8n-nodes-nexi.nexiXPay',
			'nexiXPayApi',
			'canaryXPay000002',
			'Canary xpay wrong',
			order,
		) as never,
	);
	const page = {
		resource: 'payment',
		operation: 'create',
		amount: 12.5,
		currency: 'SEK',
		reference: 'canary',
		returnUrl: 'https://shop.example/thanks',
		termsUrl: 'https://shop.example/terms',
		additionalFields: { notifyUrl: triggerUrl() },
	};
	flow.nodes.push(
		node(
			'Checkout Page',
			'n8n-nodes-nexi.nexiCheckout',
			'nexiCheckoutApi',
			'canaryCheckout01',
			'Canary checkout',
			page,
		) as never,
		node(
			'Checkout Refused',
			'n8n-nodes-nexi.nexiCheckout',
			'nexiCheckoutApi',
			'canaryCheckout02',
			'Canary checkout wrong',
			{ ...page, additionalFields: {} },
		) as never,
	);
	flow.connections = {
		Start: {
			main: [
				[
					'Payouts',
					'Payouts Refused',
					'Orders',
					'Orders Untrusted',
					'Checkout Page',
					'Checkout Refused',
				].map((name) => ({
					node: name,
					type: 'main',
					index: 0,
				})),
			],
		},
	};
	// The shared n8n receives the payment's events, each carrying the Webhook Authorization.
	const events = workflow(
		'secrets',
		'canaryEvents0001',
		'Canary events',
		[
			{
				name: 'Checkout Event',
				type: 'n8n-nodes-nexi.nexiCheckoutTrigger',
				webhookId: WEBHOOK_ID,
				parameters: { events: ['payment.checkout.completed'] },
			},
			{
				name: 'Sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: `${sandbox.url}/_sandbox/sink/canaryEvents`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json) }}',
				},
			},
		],
		[['Checkout Event', 'Sink']],
	);
	Object.assign(events.nodes[0], {
		credentials: { nexiCheckoutApi: { id: 'canaryCheckout01', name: 'Canary checkout' } },
	});
	await n8n.importWorkflow(flow, events);
	await n8n.activate('canaryEvents0001');
	await n8n.waitForWebhook(triggerUrl(), 60_000, 'POST');
	const printed = await n8n.cliOutput(['execute', '--id=canaryWorkflow01', '--rawOutput'], {
		N8N_LOG_LEVEL: 'debug',
	});
	stdout = printed.stdout;
	output = `${printed.stdout}\n${printed.stderr}`;
	const paymentId = String(outputOf(parseExecution(stdout), 'Checkout Page')[0].json.paymentId);
	await sandbox.checkout.pay(paymentId);
	await n8n.waitFor('the event', () => (sandbox.sinks.canaryEvents ?? []).length >= 1, 60_000);
});

afterAll(async () => {
	await n8n?.deactivate('canaryEvents0001').catch(() => undefined);
	await sandbox?.close();
});

const triggerUrl = () => `http://127.0.0.1:${n8n.port}/webhook/${WEBHOOK_ID}/checkout-event`;

test('the run worked, and failed, where it should', () => {
	const execution = parseExecution(stdout);
	expect(outputOf(execution, 'Payouts').length).toBeGreaterThan(5);
	expect(outputOf(execution, 'Payouts Refused')[0].json.error).toBe(
		'Nexi rejected the secret key for the Custom environment',
	);
	expect(outputOf(execution, 'Orders').length).toBeGreaterThan(0);
	expect(String(outputOf(execution, 'Orders Untrusted')[0].json.error)).toContain('not trusted');
	expect(outputOf(execution, 'Checkout Page')[0].json.url).toEqual(expect.any(String));
	expect(outputOf(execution, 'Checkout Refused')[0].json.error).toBe(
		'Nexi rejected the secret key for the Custom environment',
	);
	// The payment's event reached the shared n8n with the Webhook Authorization and ran.
	expect(sandbox.sinks.canaryEvents).toHaveLength(1);
	// Debug logging was really on.
	expect(output).toMatch(/debug/i);
});

test.each([
	['the working secret key', CANARY_KEY],
	['the refused secret key', CANARY_WRONG_KEY.slice(16)],
	['the working MAC key', CANARY_MAC],
	['the wrong MAC key', CANARY_WRONG_MAC],
	['the Webhook Authorization', CANARY_WEBHOOK],
])('%s appears nowhere in what n8n printed or stored', (_label, secret) => {
	expect(output.includes(secret)).toBe(false);
	expect(n8n.readLogs().includes(secret)).toBe(false);
	expect(JSON.stringify(sandbox.sinks).includes(secret)).toBe(false);
});
