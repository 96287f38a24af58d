import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8n, outputOf } from './n8n';
import { credentialsFor, notificationWorkflow, workflow } from './workflows';

const FILE = 'notification';
let sandbox: Sandbox;
let n8n: N8n;
let triggerUrl: string;

const WEBHOOK_ID = '5b0f6a4e-2c1d-4e8f-9a7b-3c6d2e1f0a9b';
const LINK = 'E2E-NOTIFY-0001';

const outcomes = () =>
	(sandbox.sinks.outcomes ?? []).map((entry) => entry.body as Record<string, unknown>);

/** A moment for anything that should not happen to show up if it were going to. */
const settle = async () => await new Promise((resolve) => setTimeout(resolve, 4000));

/**
 * The Nexi XPay Notification Trigger in a real n8n: a PayMail link created by the Nexi XPay
 * node with the trigger's production URL as its return and notification URL, paid at the
 * sandbox, which delivers the outcome both ways, twice, late, forged.
 */
beforeAll(async () => {
	sandbox = await startSandbox({ reporting: { days: 0 }, xpay: { orders: 0, links: 0 } });
	n8n = N8n.shared();
	triggerUrl = `http://127.0.0.1:${n8n.port}/webhook/${WEBHOOK_ID}/payment-outcome`;
	await n8n.importCredentials(credentialsFor(sandbox, FILE));
	await n8n.importWorkflow(
		workflow(
			FILE,
			'e2eNotifyLink001',
			'Create a link that reports to the trigger',
			[
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
				{
					name: 'Create Link',
					type: 'n8n-nodes-nexi.nexiXPay',
					typeVersion: 2,
					credential: 'xpay',
					parameters: {
						resource: 'payMailLink',
						operation: 'create',
						transactionCode: LINK,
						amount: 12.34,
						returnUrl: triggerUrl,
						additionalFields: {
							email: 'anna.verdi@example.com',
							firstName: 'Anna',
							notificationUrl: triggerUrl,
						},
					},
				},
			],
			[['Start', 'Create Link']],
		),
		notificationWorkflow(
			FILE,
			'e2eNotifyTrig001',
			`${sandbox.url}/_sandbox/sink/outcomes`,
			WEBHOOK_ID,
		),
	);
	const created = await n8n.execute('e2eNotifyLink001');
	expect(outputOf(created, 'Create Link')[0].json).toMatchObject({ transactionCode: LINK });
	await n8n.activate('e2eNotifyTrig001');
	await n8n.waitForWebhook(triggerUrl);
});

afterAll(async () => {
	await n8n?.deactivate('e2eNotifyTrig001').catch(() => undefined);
	await sandbox?.close();
});

/** The outcomes recorded for one code, once its execution came and a repeat had time to. */
async function executionsFor(code: string): Promise<Array<Record<string, unknown>>> {
	await n8n.waitFor(
		'the execution',
		() => outcomes().some((o) => o.transactionCode === code),
		60_000,
	);
	await settle();
	return outcomes().filter((o) => o.transactionCode === code);
}

test('a link created by the node, paid: one execution, however many times and ways the outcome arrives', async () => {
	const { deliveries } = await sandbox.xpay.payAndDeliver(LINK, 'paid', { duplicates: 1 });
	expect(deliveries.map(({ way, status }) => [way, status])).toEqual([
		['browser', 200],
		['server', 200],
		['browser', 200],
		['server', 200],
	]);
	expect(deliveries[0].body).toContain('Your payment was received.');
	await n8n.waitFor('the execution', () => outcomes().length >= 1, 60_000);
	await settle();
	const order = sandbox.xpay.orders.get(LINK)!;
	expect(outcomes()).toEqual([
		expect.objectContaining({
			transactionCode: LINK,
			status: 'paid',
			amount: 12.34,
			amountMinor: 1234,
			currency: 'EUR',
			authorizationCode: order.codiceAutorizzazione,
			customer: { email: 'anna.verdi@example.com', firstName: 'Anna', lastName: order.cognome },
			deliveredBy: 'browser',
		}),
	]);
});

test('the server racing the browser (both ways, twice, all at once): still one execution', async () => {
	const code = 'E2E-NOTIFY-TOGETHER';
	const url = sandbox.xpay.links.get(LINK)!.returnUrl;
	sandbox.xpay.createLink(code, 4321, 24, url, { urlpost: url });
	const { deliveries } = await sandbox.xpay.payAndDeliver(code, 'paid', {
		duplicates: 1,
		together: true,
	});
	expect(deliveries.map(({ status }) => status)).toEqual([200, 200, 200, 200]);
	expect(await executionsFor(code)).toEqual([
		expect.objectContaining({ status: 'paid', amount: 43.21, amountMinor: 4321 }),
	]);
});

test('a forged or tampered outcome gets 401 and starts nothing; an unsigned browser return, a page that claims nothing', async () => {
	const before = outcomes().length;
	for (const fault of [{ tamper: true }, { wrongKey: true }, { noMac: true }]) {
		const code = `E2E-FORGED-${Object.keys(fault)[0]}`;
		sandbox.xpay.createLink(code, 5000, 24, sandbox.xpay.links.get(LINK)!.returnUrl, {
			urlpost: sandbox.xpay.links.get(LINK)!.returnUrl,
		});
		const { deliveries } = await sandbox.xpay.payAndDeliver(code, 'paid', fault);
		const answers = deliveries.map(({ way, status, body }) => [way, status, body]);
		if ('noMac' in fault) {
			// How XPay sends back a customer who cancelled: no MAC.
			expect(answers[0]).toEqual([
				'browser',
				200,
				expect.stringContaining('Payment not confirmed'),
			]);
			expect(answers[1]).toEqual(['server', 401, 'Not verified']);
		} else {
			expect(answers).toEqual([
				['browser', 401, 'Not verified'],
				['server', 401, 'Not verified'],
			]);
		}
	}
	await settle();
	expect(outcomes()).toHaveLength(before);
});

test('a declined payment: one execution saying so', async () => {
	const code = 'E2E-NOTIFY-DECLINED';
	const url = sandbox.xpay.links.get(LINK)!.returnUrl;
	sandbox.xpay.createLink(code, 990, 24, url, { urlpost: url });
	await sandbox.xpay.payAndDeliver(code, 'declined');
	expect(await executionsFor(code)).toEqual([
		expect.objectContaining({ status: 'declined', amount: 9.9, authorizationCode: null }),
	]);
});

test('n8n restarts; the same outcome arrives again, late: nothing more starts', async () => {
	const before = outcomes().length;
	await n8n.stop();
	await n8n.start();
	await n8n.waitForWebhook(triggerUrl);
	const { deliveries } = await sandbox.xpay.redeliver(LINK);
	expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
	await settle();
	expect(outcomes()).toHaveLength(before);
});

test('no secret in what n8n logged, stored or answered', () => {
	const everything = [
		n8n.readLogs(),
		JSON.stringify(sandbox.sinks),
		JSON.stringify(sandbox.xpay.deliveries),
	].join('\n');
	expect(everything).not.toContain(sandbox.xpay.options.macKey);
});
