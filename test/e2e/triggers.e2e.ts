import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8n } from './n8n';
import { credentialsFor, workflow } from './workflows';

const FILE = 'triggers';
let sandbox: Sandbox;
let n8n: N8n;

const today = () => DateTime.now().setZone('Europe/Rome').toISODate()!;

/** A trigger workflow that posts what it receives to a sandbox sink, with the execution's id. */
function sinkWorkflow(
	id: string,
	trigger: { type: string; parameters: Record<string, unknown>; credential: 'checkout' | 'xpay' },
	sink: string,
	field: string,
) {
	return workflow(
		FILE,
		id,
		`Sink ${sink}`,
		[
			{
				name: 'Trigger',
				...trigger,
				parameters: { ...trigger.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
			},
			{
				name: 'Sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: `${sandbox.url}/_sandbox/sink/${sink}`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ execution: $execution.id, key: $json.${field} }) }}`,
				},
			},
		],
		[['Trigger', 'Sink']],
	);
}

const WORKFLOWS = ['e2ePayoutTrigger', 'e2eLinkTrigger00'];

const polls = (path: string) => sandbox.requests.filter((r) => r.path.endsWith(path)).length;

const received = (sink: string) =>
	(sandbox.sinks[sink] ?? []).map((entry) => entry.body as { execution: string; key: string });

beforeAll(async () => {
	sandbox = await startSandbox({ reporting: { days: 0 }, xpay: { orders: 0, links: 0 } });
	n8n = N8n.shared();
	await n8n.importCredentials(credentialsFor(sandbox, FILE));
	await n8n.importWorkflow(
		sinkWorkflow(
			'e2ePayoutTrigger',
			{
				type: 'n8n-nodes-nexi.nexiReportingTrigger',
				credential: 'checkout',
				parameters: { event: 'newPayout', output: 'payout', lookbackDays: 7 },
			},
			'payouts',
			'id',
		),
		sinkWorkflow(
			'e2eLinkTrigger00',
			{
				type: 'n8n-nodes-nexi.nexiXPayTrigger',
				credential: 'xpay',
				parameters: { event: 'payMailLinkPaid', lookbackDays: 2 },
			},
			'links',
			'transactionCode',
		),
	);
});

afterAll(async () => {
	for (const id of WORKFLOWS) await n8n?.deactivate(id).catch(() => undefined);
	await sandbox?.close();
});

test('active triggers in a running n8n: nothing on activation, each new payout and paid link once, nothing again after a restart', async () => {
	// Already there before activation: part of the baseline, never emitted.
	sandbox.reporting.addPayout({ date: today(), currency: 'EUR', actions: 2 });
	sandbox.xpay.createLink('E2E-OLD-PAID', 1000, 24, 'https://x.example', {});
	sandbox.xpay.pay('E2E-OLD-PAID', 'paid');
	sandbox.xpay.createLink('E2E-LINK', 2500, 24, 'https://x.example', {});

	// Activated in the running n8n: each trigger polls at once.
	for (const id of WORKFLOWS) await n8n.activate(id);
	await n8n.waitFor(
		'the activation polls',
		() => polls('/report/v1/payouts') >= 1 && polls('/ReportPaymail') >= 1,
		60_000,
	);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect(received('payouts')).toEqual([]);
	expect(received('links')).toEqual([]);

	const payout = sandbox.reporting.addPayout({ date: today(), currency: 'SEK', actions: 3 });
	sandbox.xpay.pay('E2E-LINK', 'paid');
	await n8n.waitFor(
		'one execution per trigger',
		() => received('payouts').length >= 1 && received('links').length >= 1,
		150_000,
	);

	// The next scheduled poll finds nothing new.
	const before = polls('/report/v1/payouts');
	await n8n.waitFor('the next poll', () => polls('/report/v1/payouts') > before, 90_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(received('payouts').map((r) => r.key)).toEqual([payout.id]);
	expect(received('links').map((r) => r.key)).toEqual(['E2E-LINK']);

	// A restart re-activates the workflows, which poll at once: still nothing new.
	await n8n.stop();
	const beforeRestart = polls('/report/v1/payouts');
	await n8n.start();
	await n8n.waitFor(
		'the poll after the restart',
		() => polls('/report/v1/payouts') > beforeRestart && polls('/ReportPaymail') > 0,
		90_000,
	);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(received('payouts').map((r) => r.key)).toEqual([payout.id]);
	expect(received('links').map((r) => r.key)).toEqual(['E2E-LINK']);
	expect(new Set(received('payouts').map((r) => r.execution)).size).toBe(1);
});
