import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8n, outputOf } from './n8n';
import { credentialsFor, workflow, type NodeSpec } from './workflows';

const FILE = 'xpaykeytrig';
const WEBHOOK_ID = '7c2e4b1a-9d3f-4e6a-8b5c-1f0e2d3c4b5a';
let sandbox: Sandbox;
let n8n: N8n;
let triggerUrl: string;

/** A moment for anything that should not happen to show up if it were going to. */
const settle = async () => await new Promise((resolve) => setTimeout(resolve, 4000));

const received = (sink: string) =>
	(sandbox.sinks[sink] ?? []).map((entry) => entry.body as Record<string, unknown>);

/** A trigger that posts each item it emits, with the execution's id, to a sandbox sink. */
function sinkWorkflow(id: string, trigger: NodeSpec, sink: string) {
	return workflow(
		FILE,
		id,
		`API key: ${sink}`,
		[
			trigger,
			{
				name: 'Sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: `${sandbox.url}/_sandbox/sink/${sink}`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ ...$json, execution: $execution.id }) }}',
				},
			},
		],
		[[trigger.name, 'Sink']],
	);
}

/**
 * Both XPay triggers with Authentication = API Key in a real n8n (each version tested): a
 * payment link created by the Nexi XPay node with the notification trigger's production URL,
 * paid at the sandbox, which notifies three times at once; forged notifications; and the
 * polling trigger finding the paid link on its schedule.
 */
beforeAll(async () => {
	sandbox = await startSandbox({ reporting: { days: 0 } });
	n8n = N8n.shared();
	triggerUrl = `http://127.0.0.1:${n8n.port}/webhook/${WEBHOOK_ID}/payment-outcome`;
	await n8n.importCredentials(credentialsFor(sandbox, FILE));
	await n8n.importWorkflow(
		workflow(
			FILE,
			'e2eKeyTrigLink01',
			'API key: create links',
			[
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
				...['E2E-KT-1', 'E2E-KT-2'].map(
					(orderId): NodeSpec => ({
						name: orderId,
						type: 'n8n-nodes-nexi.nexiXPay',
						typeVersion: 2,
						credential: 'xpayKey',
						executeOnce: true,
						parameters: {
							authentication: 'apiKey',
							resource: 'paymentLink',
							operation: 'create',
							orderId,
							amount: 12.34,
							additionalFields: { email: 'anna.verdi@example.com', notificationUrl: triggerUrl },
						},
					}),
				),
			],
			[
				['Start', 'E2E-KT-1'],
				['E2E-KT-1', 'E2E-KT-2'],
			],
		),
		sinkWorkflow(
			'e2eKeyTrigNote01',
			{
				name: 'Notification',
				type: 'n8n-nodes-nexi.nexiXPayNotificationTrigger',
				credential: 'xpayKey',
				webhookId: WEBHOOK_ID,
				parameters: { authentication: 'apiKey' },
			},
			'notified',
		),
		sinkWorkflow(
			'e2eKeyTrigPoll01',
			{
				name: 'Polling',
				type: 'n8n-nodes-nexi.nexiXPayTrigger',
				typeVersion: 2,
				credential: 'xpayKey',
				parameters: {
					authentication: 'apiKey',
					event: 'paymentLinkPaid',
					lookbackDays: 2,
					pollTimes: { item: [{ mode: 'everyMinute' }] },
				},
			},
			'polled',
		),
	);
	await n8n.activate('e2eKeyTrigNote01');
	await n8n.waitForWebhook(triggerUrl);
});

afterAll(async () => {
	for (const id of ['e2eKeyTrigNote01', 'e2eKeyTrigPoll01'])
		await n8n?.deactivate(id).catch(() => undefined);
	await sandbox?.close();
});

test('a paid link notified three times at once starts one execution, with what XPay says', async () => {
	const created = await n8n.execute('e2eKeyTrigLink01');
	const linkId = String(outputOf(created, 'E2E-KT-1')[0].json.linkId);
	const { deliveries, operationId } = await sandbox.xpayKey.payAndNotify(linkId, undefined, {
		duplicates: 2,
		together: true,
	});
	expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
	await n8n.waitFor('the execution', () => received('notified').length >= 1, 60_000);
	await settle();
	expect(received('notified')).toEqual([
		expect.objectContaining({
			orderId: 'E2E-KT-1',
			operationId,
			status: 'authorized',
			paid: true,
			amount: 12.34,
			amountMinor: 1234,
			currency: 'EUR',
			paymentLinkId: linkId,
			customer: { name: null, email: 'anna.verdi@example.com' },
		}),
	]);
});

test('forged notifications start nothing', async () => {
	const before = received('notified').length;
	const forged = await fetch(triggerUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			eventId: 'forged',
			securityToken: 'forged',
			operation: { orderId: 'E2E-KT-1', operationId: '1', operationResult: 'AUTHORIZED' },
		}),
	});
	const empty = await fetch(triggerUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: '{}',
	});
	expect([forged.status, empty.status]).toEqual([500, 401]);
	await settle();
	expect(received('notified')).toHaveLength(before);
});

test('the polling trigger finds a link paid after activation, once', async () => {
	await n8n.activate('e2eKeyTrigPoll01');
	const checks = () => sandbox.requests.filter((r) => r.path.endsWith('/operations')).length;
	await n8n.waitFor('the activation check', () => checks() >= 1, 60_000);
	// After the first scheduled check (with durable cursors, n8n 2.41.1 keeps nothing of an
	// activation check that emitted nothing; see the README).
	const atActivation = checks();
	await n8n.waitFor('the first scheduled check', () => checks() > atActivation, 90_000);
	const link = sandbox.xpayKey.links.get(
		[...sandbox.xpayKey.links.values()].find((l) => l.orderId === 'E2E-KT-2')!.linkId,
	)!;
	sandbox.xpayKey.payLink(link.linkId);
	await n8n.waitFor('the paid link', () => received('polled').length >= 1, 150_000);
	const afterEmit = checks();
	await n8n.waitFor('the next check', () => checks() > afterEmit, 90_000);
	await settle();
	expect(received('polled').map((item) => item.linkId)).toEqual([link.linkId]);
	expect(received('polled')[0]).toMatchObject({
		orderId: 'E2E-KT-2',
		status: 'paid',
		amount: 12.34,
		customer: { name: null, email: 'anna.verdi@example.com' },
	});
});
