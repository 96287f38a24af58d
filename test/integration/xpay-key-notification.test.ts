// Nexi XPay Notification Trigger with Authentication = API Key, served as n8n serves a webhook,
// with the sandbox paying payment links whose notification URL is the trigger's URL.
import { WebhookServer, type WebhookOptions } from '../helpers/harness';
import { useSandbox } from '../helpers/sandbox';
import { startSandbox, type Sandbox } from '../../sandbox/server';

jest.mock('../../nodes/NexiXPay/apiKey/actions/notifications', () => {
	const actual = jest.requireActual('../../nodes/NexiXPay/apiKey/actions/notifications');
	// The read-back waits less here; its attempts are the same.
	actual.READ_BACK.delayMs = 1000;
	return actual;
});

const holder = useSandbox();
const TYPE = 'n8n-nodes-nexi.nexiXPayNotificationTrigger';
const servers: WebhookServer[] = [];

const credentials = (target: Sandbox) => ({
	nexiXPayKeyApi: {
		environment: 'custom',
		baseUrl: target.url,
		apiKey: target.xpayKey.options.apiKey,
	},
});

async function trigger(
	target: Sandbox = holder.current,
	parameters: WebhookOptions['parameters'] = {},
): Promise<WebhookServer> {
	const server = await new WebhookServer({
		type: TYPE,
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: credentials(target),
	}).start();
	servers.push(server);
	return server;
}

afterAll(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
});

/** A link created as Payment Link → Create makes it, with the trigger's URL as notification URL. */
async function link(target: Sandbox, orderId: string, amount: number, notificationUrl: string) {
	const response = await fetch(`${target.url}/api/phoenix-0.0/psp/api/v1/orders/paybylink`, {
		method: 'POST',
		headers: {
			'X-API-KEY': target.xpayKey.options.apiKey,
			'Correlation-Id': '00000000-0000-4000-8000-000000000002',
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({
			order: {
				orderId,
				amount: String(amount),
				currency: 'EUR',
				customerInfo: { cardHolderEmail: 'ada@example.com' },
			},
			paymentSession: { actionType: 'PAY', amount: String(amount), notificationUrl },
			expirationDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
		}),
	});
	return ((await response.json()) as { paymentLink: { linkId: string } }).paymentLink.linkId;
}

test('a paid link starts exactly one execution, with what XPay says, however often it is notified', async () => {
	const server = await trigger();
	const linkId = await link(holder.current, 'NT-1', 1999, server.url);
	const { deliveries, operationId } = await holder.current.xpayKey.payAndNotify(linkId, undefined, {
		duplicates: 2,
		together: true,
	});
	expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
	expect(server.executions.map((item) => item.json)).toEqual([
		expect.objectContaining({
			orderId: 'NT-1',
			operationId,
			status: 'authorized',
			paid: true,
			amount: 19.99,
			amountMinor: 1999,
			currency: 'EUR',
			paymentLinkId: linkId,
			customer: { name: null, email: 'ada@example.com' },
		}),
	]);
	expect(JSON.stringify(server.executions)).not.toContain(holder.current.xpayKey.options.apiKey);
});

test('forged notifications start nothing: an unknown order, an operation XPay does not have, another result', async () => {
	const server = await trigger();
	const real = holder.current.xpayKey.addOrder({
		orderId: 'NT-REAL',
		amount: 500,
		result: 'DECLINED',
	});
	const post = async (operation: Record<string, unknown>) =>
		await fetch(server.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ eventId: 'x', securityToken: 'y', operation }),
		});
	const unknownOrder = await post({
		orderId: 'NT-NONE',
		operationId: '1',
		operationResult: 'AUTHORIZED',
	});
	const unknownOperation = await post({
		orderId: 'NT-REAL',
		operationId: '999',
		operationResult: 'AUTHORIZED',
	});
	const otherResult = await post({
		orderId: 'NT-REAL',
		operationId: real.operations[0].operationId,
		operationResult: 'AUTHORIZED',
	});
	const noOrder = await post({});
	expect([
		unknownOrder.status,
		unknownOperation.status,
		otherResult.status,
		noOrder.status,
	]).toEqual([500, 500, 500, 401]);
	expect(server.executions).toHaveLength(0);
}, 30_000);

test('a notification that comes before XPay shows the order is confirmed once it does (variant)', async () => {
	const variant = await startSandbox({ variant: true });
	try {
		const server = await trigger(variant);
		const linkId = await link(variant, 'NT-EARLY', 700, server.url);
		const { deliveries } = await variant.xpayKey.payAndNotify(linkId);
		expect(deliveries.map((d) => d.status)).toEqual([200]);
		expect(server.executions.map((item) => item.json.orderId)).toEqual(['NT-EARLY']);
		expect(server.executions[0].json.currency).toBe('EUR');
	} finally {
		await variant.close();
	}
}, 30_000);

test('activation refuses a key XPay rejects', async () => {
	const server = new WebhookServer({
		type: TYPE,
		parameters: { authentication: 'apiKey' },
		credentials: {
			nexiXPayKeyApi: { environment: 'custom', baseUrl: holder.current.url, apiKey: 'wrong' },
		},
	});
	await expect(server.activate()).rejects.toThrow(
		'XPay rejected the API key for the Custom environment',
	);
});
