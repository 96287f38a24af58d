import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8n, outputOf, type ExecutionResult } from './n8n';
import { credentialsFor, workflow, type NodeSpec } from './workflows';

const FILE = 'xpaykey';
const XPAY = 'n8n-nodes-nexi.nexiXPay';
const DAY = 24 * 3600_000;

let sandbox: Sandbox;
let n8n: N8n;
let links: ExecutionResult;
let orders: ExecutionResult;

const keyNode = (name: string, parameters: Record<string, unknown>): NodeSpec => ({
	name,
	type: XPAY,
	typeVersion: 2,
	credential: 'xpayKey',
	// Run once whatever the node before handed on: each step reads its own order.
	executeOnce: true,
	parameters: { authentication: 'apiKey', ...parameters },
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

/**
 * Every operation of Nexi XPay with Authentication = API Key, in a real n8n (each version
 * tested) running the packed package: payment links created (one paid by the sandbox's
 * customer, one cancelled), then the paid order read, captured in part, refunded in part, the
 * refund cancelled, and orders and operations listed over four months.
 */
beforeAll(async () => {
	sandbox = await startSandbox({ reporting: { days: 0 } });
	n8n = N8n.shared();
	const start = Date.now() - 120 * DAY;
	for (let i = 0; i < 600; i++)
		sandbox.xpayKey.addOrder({
			orderId: `HIST-${i}`,
			amount: 100 + i,
			at: start + i * 4.8 * 3600_000,
		});
	await n8n.importCredentials(credentialsFor(sandbox, FILE));
	await n8n.importWorkflow(
		chain('e2eXPayKeyLinks1', 'API key: links', [
			keyNode('Create Link', {
				resource: 'paymentLink',
				operation: 'create',
				orderId: 'E2E-KEY-1',
				amount: 49.9,
				additionalFields: { email: 'ada@example.com', description: 'Order E2E-KEY-1' },
			}),
			keyNode('Link To Cancel', {
				resource: 'paymentLink',
				operation: 'create',
				orderId: 'E2E-KEY-2',
				amount: 5,
				expiresInDays: 7,
			}),
			keyNode('Cancel Link', {
				resource: 'paymentLink',
				operation: 'cancel',
				linkId: '={{ $json.linkId }}',
			}),
		]),
		chain('e2eXPayKeyOrder1', 'API key: orders', [
			keyNode('Order', { resource: 'order', operation: 'get', orderId: 'E2E-KEY-1' }),
			keyNode('Capture', {
				resource: 'order',
				operation: 'capture',
				orderId: 'E2E-KEY-1',
				amount: 30,
			}),
			keyNode('Refund', {
				resource: 'order',
				operation: 'refund',
				orderId: 'E2E-KEY-1',
				amount: 10.5,
			}),
			keyNode('Cancel Refund', {
				resource: 'order',
				operation: 'cancel',
				orderId: 'E2E-KEY-1',
				options: { operationId: '={{ $json.operationId }}' },
			}),
			keyNode('Operation', {
				resource: 'operation',
				operation: 'get',
				operationId: `={{ $('Capture').item.json.operationId }}`,
			}),
			keyNode('Orders', {
				resource: 'order',
				operation: 'getMany',
				fromDate: `={{ $now.minus({ days: 125 }).toISODate() }}`,
				toDate: `={{ $now.toISODate() }}`,
				returnAll: true,
			}),
			keyNode('Operations', {
				resource: 'operation',
				operation: 'getMany',
				fromDate: `={{ $now.minus({ days: 125 }).toISODate() }}`,
				toDate: `={{ $now.toISODate() }}`,
				returnAll: true,
				filters: { channel: 'BACKOFFICE' },
			}),
		]),
	);
	links = await n8n.execute('e2eXPayKeyLinks1');
	const linkId = String(outputOf(links, 'Create Link')[0].json.linkId);
	sandbox.xpayKey.payLink(linkId);
	orders = await n8n.execute('e2eXPayKeyOrder1');
});

afterAll(async () => {
	await sandbox?.close();
});

const json = (execution: ExecutionResult, node: string) =>
	outputOf(execution, node).map((item) => item.json);

test('payment links: created with the link to send, and an unpaid one cancelled', () => {
	const [link] = json(links, 'Create Link');
	expect(link).toMatchObject({
		orderId: 'E2E-KEY-1',
		status: 'active',
		amount: 49.9,
		amountMinor: 4990,
		currency: 'EUR',
	});
	expect(String(link.url)).toMatch(/^https:\/\//);
	const [cancelled] = json(links, 'Cancel Link');
	expect(cancelled).toEqual({ linkId: json(links, 'Link To Cancel')[0].linkId, cancelled: true });
});

test('the paid order: captured in part, refunded in part, the refund cancelled, each once', () => {
	expect(json(orders, 'Order')[0]).toMatchObject({
		orderId: 'E2E-KEY-1',
		status: 'authorized',
		amount: 49.9,
		customer: { name: null, email: 'ada@example.com' },
	});
	expect(json(orders, 'Capture')[0]).toMatchObject({
		operation: 'capture',
		amount: 30,
		status: 'partiallyCaptured',
	});
	expect(json(orders, 'Refund')[0]).toMatchObject({
		operation: 'refund',
		amount: 10.5,
		status: 'partiallyRefunded',
	});
	expect(json(orders, 'Cancel Refund')[0]).toMatchObject({
		operation: 'cancel',
		cancelledType: 'REFUND',
		status: 'partiallyCaptured',
	});
	expect(json(orders, 'Operation')[0]).toMatchObject({ type: 'CAPTURE', amountMinor: 3000 });
	const record = sandbox.xpayKey.orders.get('E2E-KEY-1')!;
	expect(record.operations.map((op) => op.operationType)).toEqual([
		'AUTHORIZATION',
		'CAPTURE',
		'REFUND',
		'CANCEL',
	]);
});

test('orders and operations over four months come back whole and once', () => {
	const ids = json(orders, 'Orders').map((order) => order.orderId);
	expect(ids).toHaveLength(601);
	expect(new Set(ids).size).toBe(601);
	const operations = json(orders, 'Operations');
	expect(operations.map((op) => op.type).sort()).toEqual(['CANCEL', 'CAPTURE', 'REFUND']);
});

test('no key in the execution data', () => {
	expect(JSON.stringify([links, orders])).not.toContain(sandbox.xpayKey.options.apiKey);
});
