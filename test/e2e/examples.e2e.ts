import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { simplifiedAction } from '../helpers/expected';
import { N8n, OWNER, outputOf } from './n8n';
import { CHROMIUM, screenshotNodePanel } from './screenshot';
import { isN8n1 } from './versions';
import { CHECKOUT_WEBHOOK_AUTHORIZATION } from './workflows';
import { existsSync } from 'node:fs';

let sandbox: Sandbox;
let n8n: N8n;

type Workflow = {
	id: string;
	nodes: Array<
		Record<string, unknown> & {
			name: string;
			type: string;
			parameters: Record<string, unknown>;
			webhookId?: string;
		}
	>;
};

const example = (name: string): Workflow =>
	JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', `${name}.json`), 'utf8'));
const today = () => DateTime.now().setZone('Europe/Rome').toISODate()!;

/**
 * The example workflows as users import them, run in a real n8n (each version tested): only what lies outside
 * this machine is replaced (mail goes to the sandbox's SMTP sink; the Google Sheets node
 * becomes a request that hands the sandbox the rows it would append).
 */
beforeAll(async () => {
	sandbox = await startSandbox({ reporting: { days: 62 }, xpay: { orders: 0, links: 0 } });
	n8n = N8n.shared();
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
			id: 'nexiXPayKey00001',
			name: 'Nexi XPay REST API account',
			type: 'nexiXPayKeyApi',
			data: { environment: 'custom', baseUrl: sandbox.url, apiKey: sandbox.xpayKey.options.apiKey },
		},
		{
			id: 'nexiXPayAcct0001',
			name: 'Nexi XPay account',
			type: 'nexiXPayApi',
			data: {
				environment: 'custom',
				baseUrl: sandbox.url,
				alias: sandbox.xpay.options.alias,
				macKey: sandbox.xpay.options.macKey,
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
	const sheets = example('sync-payouts-to-google-sheets');
	// The example checks hourly; the test cannot wait that long.
	sheets.nodes[0].parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	const append = sheets.nodes.find((node) => node.type === 'n8n-nodes-base.googleSheets')!;
	Object.assign(append, {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/_sandbox/sink/sheets`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
		},
	});
	const instant = example('thank-customer-the-moment-a-link-is-paid');
	// The safety net checks hourly; the test cannot wait that long.
	instant.nodes.find(
		(node) => node.type === 'n8n-nodes-nexi.nexiXPayTrigger',
	)!.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	await n8n.importWorkflow(
		example('send-paymail-link-from-form'),
		example('notify-when-paymail-link-paid'),
		sheets,
		example('monthly-reconciliation-export'),
		example('send-report-files-to-accountant'),
		example('remind-unpaid-paymail-links'),
		instant,
		example('send-payment-link-and-thank-when-paid-api-key'),
		example('capture-when-order-ships-api-key'),
		PANEL_WORKFLOW,
	);
});

/** The examples this file activates in the shared n8n, deactivated when it is done. */
const ACTIVE = [
	'exPayMailForm001',
	'exPayMailPaid001',
	'exPayoutsSheet01',
	'exThankInstant01',
	'exKeyLinkPaid001',
	'exKeyCaptureShip',
];

/** The README's picture of each node's parameters: file → node of PANEL_WORKFLOW. */
const PANELS: Record<string, string> = {
	'nexi-reporting-parameters.png': 'Get Many Payouts',
	'nexi-xpay-parameters.png': 'Capture a Payment',
	'nexi-xpay-trigger-parameters.png': 'When a Link Is Paid',
	'nexi-reporting-trigger-parameters.png': 'When a Payout Arrives',
	'nexi-xpay-notification-trigger-parameters.png': 'The Moment a Link Is Paid',
};

const CREDENTIALS = {
	nexiCheckoutApi: { id: 'nexiCheckout0001', name: 'Nexi Checkout account' },
	nexiXPayApi: { id: 'nexiXPayAcct0001', name: 'Nexi XPay account' },
};

const node = (
	name: string,
	type: string,
	parameters: object,
	credential: keyof typeof CREDENTIALS,
	x: number,
) => ({
	id: `panel-${x}`,
	name,
	type: `n8n-nodes-nexi.${type}`,
	typeVersion: 2,
	position: [x, 0],
	parameters,
	credentials: { [credential]: CREDENTIALS[credential] },
});

const PANEL_WORKFLOW = {
	id: 'docsPanels000001',
	name: 'Parameter panels for the README',
	active: false,
	settings: {},
	connections: {},
	nodes: [
		node(
			'When a Payout Arrives',
			'nexiReportingTrigger',
			{ event: 'newPayout' },
			'nexiCheckoutApi',
			0,
		),
		node(
			'When a Link Is Paid',
			'nexiXPayTrigger',
			{ event: 'payMailLinkPaid' },
			'nexiXPayApi',
			300,
		),
		{
			...node(
				'The Moment a Link Is Paid',
				'nexiXPayNotificationTrigger',
				{
					redirect: 'myPages',
					paidUrl: 'https://shop.example.com/thank-you?order={transactionCode}',
					notPaidUrl: 'https://shop.example.com/payment-failed?order={transactionCode}',
					options: { paidOnly: true },
				},
				'nexiXPayApi',
				1200,
			),
			typeVersion: 1,
			webhookId: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
		},
		node(
			'Get Many Payouts',
			'nexiReporting',
			{
				resource: 'payout',
				operation: 'getMany',
				fromDate: "={{ $today.minus({ months: 1 }).startOf('month') }}",
				toDate: "={{ $today.minus({ months: 1 }).endOf('month') }}",
			},
			'nexiCheckoutApi',
			600,
		),
		node(
			'Capture a Payment',
			'nexiXPay',
			{
				resource: 'order',
				operation: 'capture',
				transactionCode: { __rl: true, mode: 'id', value: 'ORD-2026-0042' },
				amount: 19.99,
			},
			'nexiXPayApi',
			900,
		),
	],
};

afterAll(async () => {
	for (const id of ACTIVE) await n8n?.deactivate(id).catch(() => undefined);
	await sandbox?.close();
});

test("Monthly reconciliation export: every payment action of last month's payouts in one CSV file", async () => {
	const execution = await n8n.execute('exMonthlyExport1');
	expect(execution.status).toBe('success');
	const month = DateTime.now().setZone('Europe/Rome').minus({ months: 1 });
	const [first, last] = [month.startOf('month').toISODate()!, month.endOf('month').toISODate()!];
	const payouts = sandbox.reporting
		.list()
		.filter(({ payout }) => payout.date >= first && payout.date <= last);
	const actions = payouts.flatMap(({ payout, actions: list }) =>
		list.map((action) => ({ payout, action })),
	);
	expect(actions.length).toBeGreaterThan(100);
	expect(outputOf(execution, "Last Month's Payment Actions")).toHaveLength(actions.length);

	const [file] = outputOf(execution, 'CSV File');
	expect(file.binary?.data.fileName).toBe(`settlements-${month.toFormat('yyyy-MM')}.csv`);
	const lines = Buffer.from(file.binary!.data.data, 'base64').toString('utf8').trim().split('\n');
	expect(lines).toHaveLength(actions.length + 1);
	const header = lines[0].split(',');
	expect(header.slice(0, 5)).toEqual(['id', 'payoutId', 'payoutReference', 'payoutDate', 'type']);
	const { payout, action } = actions[0];
	const row = lines[1].split(',');
	expect(row.slice(0, 4)).toEqual([action.id, payout.id, payout.reference, payout.date]);
	// Decimal amounts a spreadsheet reads as they are, the minor units beside them.
	expect(Number(row[header.indexOf('amount')])).toBe(action.amount / 100);
	expect(Number(row[header.indexOf('amountMinor')])).toBe(action.amount);
	expect(Number(row[header.indexOf('fee')])).toBe(action.fee / 100);
});

test("Send last month's XPay reports to the accountant: one e-mail, one attachment per report", async () => {
	const month = DateTime.now().setZone('Europe/Rome').minus({ months: 1 });
	const [first, last] = [month.startOf('month').toISODate()!, month.endOf('month').toISODate()!];
	const expected = sandbox.xpay.reports.filter((report) => {
		const day = DateTime.fromMillis(report.processedAt, { zone: 'Europe/Rome' }).toISODate()!;
		return day >= first && day <= last;
	});
	expect(expected.length).toBeGreaterThan(0);
	const mailsBefore = sandbox.smtp.mails.length;
	const execution = await n8n.execute('exReportFiles001');
	expect(execution.status).toBe('success');
	expect(outputOf(execution, "Last Month's Reports")).toHaveLength(expected.length);
	const mail = sandbox.smtp.mails[mailsBefore];
	expect(mail.to).toEqual(['accountant@example.com']);
	expect(mail.subject).toBe(`XPay reports for ${month.toFormat('MMMM yyyy')}`);
	const attached = [...mail.data.matchAll(/filename="?([^";\r\n]+)"?/g)].map((match) => match[1]);
	expect(attached.sort()).toEqual(expected.map((report) => `report_${report.idReport}.csv`).sort());
	sandbox.smtp.mails.splice(mailsBefore);
});

test('Remind customers whose PayMail link is still unpaid: one reminder with the renewed link, only where XPay gives an e-mail', async () => {
	const daysAgo = (days: number) => Date.now() - days * 86_400_000;
	const customer = { mail: 'carla.bianchi@example.com', nome: 'Carla', cognome: 'Bianchi' };
	// Unpaid, with an order waiting for payment that carries the customer (what XPay may have).
	sandbox.xpay.createLink(
		'EX-REMIND-0001',
		4550,
		24 * 20,
		'https://x.example',
		{ ...customer, descrizione: 'Invoice 77' },
		daysAgo(4),
	);
	const waiting = sandbox.xpay.addOrder({
		codiceTransazione: 'EX-REMIND-0001',
		importo: 4550,
		stato: 'In attesa di pagamento',
	});
	// Its payment page would be filled in with what the link was created with.
	Object.assign(waiting, customer);
	// Unpaid without any order: no e-mail to write to. Paid: no reminder. Too recent: not yet.
	sandbox.xpay.createLink(
		'EX-REMIND-0002',
		1000,
		24 * 20,
		'https://x.example',
		customer,
		daysAgo(5),
	);
	sandbox.xpay.createLink(
		'EX-REMIND-0003',
		2000,
		24 * 20,
		'https://x.example',
		customer,
		daysAgo(6),
	);
	sandbox.xpay.pay('EX-REMIND-0003', 'paid');
	sandbox.xpay.createLink(
		'EX-REMIND-0004',
		3000,
		24 * 20,
		'https://x.example',
		customer,
		daysAgo(1),
	);
	const mailsBefore = sandbox.smtp.mails.length;

	const execution = await n8n.execute('exRemindUnpaid01');
	expect(execution.status).toBe('success');
	expect(
		outputOf(execution, 'Still Unpaid, With an E-mail').map((item) => item.json.transactionCode),
	).toEqual(['EX-REMIND-0001']);
	// Taken out of the mail sink at once, so the tests after this one count only their own.
	const reminders = sandbox.smtp.mails.splice(mailsBefore);
	expect(reminders).toHaveLength(1);
	expect(reminders[0]).toMatchObject({
		to: ['carla.bianchi@example.com'],
		subject: 'A reminder: your payment of 45.5 EUR',
	});
	expect(reminders[0].data).toContain('Invoice 77');
	expect(reminders[0].data).toContain(sandbox.xpay.links.get('EX-REMIND-0001')!.token);
});

test('the form, PayMail and Sheets examples, active in a running n8n', async () => {
	sandbox.xpay.createLink('EX-PAID-BEFORE', 700, 24, 'https://x.example', {});
	sandbox.xpay.pay('EX-PAID-BEFORE', 'paid');
	// Activated in the running n8n: the form answers, the triggers poll at once.
	for (const id of ACTIVE.slice(0, 3)) await n8n.activate(id);
	const polls = (path: string) => sandbox.requests.filter((r) => r.path.endsWith(path)).length;
	await n8n.waitFor(
		'the activation polls',
		() => polls('/report/v1/payouts') >= 1 && polls('/ReportPaymail') >= 1,
		60_000,
	);

	// A customer fills in the form: a link is created and e-mailed to them.
	const form = new FormData();
	form.append('field-0', 'anna.verdi@example.com');
	form.append('field-1', '19.99');
	form.append('field-2', 'Invoice 2026-042');
	const response = await fetch(
		`http://127.0.0.1:${n8n.port}/form/${example('send-paymail-link-from-form').nodes[0].webhookId}`,
		{ method: 'POST', body: form },
	);
	expect(response.status).toBe(200);
	await n8n.waitFor('the payment link e-mail', () => sandbox.smtp.mails.length >= 1, 30_000);
	const [created] = [...sandbox.xpay.links.values()].filter((link) =>
		link.codiceTransazione.startsWith('N8N'),
	);
	expect(created).toMatchObject({
		importo: 1999,
		extras: { mail: 'anna.verdi@example.com', descrizione: 'Invoice 2026-042', languageId: 'ENG' },
	});
	const [linkMail] = sandbox.smtp.mails;
	expect(linkMail.to).toEqual(['anna.verdi@example.com']);
	expect(linkMail.subject).toBe('Your payment link for 19.99 EUR');
	expect(linkMail.data).toContain(created.token);

	// She pays; a payout arrives: the shop is told once, and the sheet gets one row per action.
	sandbox.xpay.pay(created.codiceTransazione, 'paid');
	const payout = sandbox.reporting.addPayout({ date: today(), currency: 'EUR', actions: 4 });
	await n8n.waitFor(
		'the paid notice and the sheet rows',
		() => sandbox.smtp.mails.length >= 3 && (sandbox.sinks.sheets ?? []).length >= 4,
		150_000,
	);
	const before = polls('/ReportPaymail');
	await n8n.waitFor('the next poll', () => polls('/ReportPaymail') > before, 90_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));

	// Once each: the customer is thanked at the address the link was created with, the shop told.
	const subjects = sandbox.smtp.mails.map((mail) => mail.subject);
	expect(subjects).toHaveLength(3);
	expect(subjects[0]).toBe('Your payment link for 19.99 EUR');
	const thanks = sandbox.smtp.mails.find((mail) => mail.subject.startsWith('Thank you'))!;
	expect(thanks).toMatchObject({
		to: ['anna.verdi@example.com'],
		subject: 'Thank you for your payment of 19.99 EUR',
	});
	expect(thanks.data).toContain('Invoice 2026-042');
	expect(thanks.data).toContain(created.codiceTransazione);
	const notice = sandbox.smtp.mails.find((mail) => mail.subject.startsWith('Paid:'))!;
	expect(notice).toMatchObject({
		to: ['shop@example.com'],
		subject: `Paid: 19.99 EUR (${created.codiceTransazione})`,
	});
	expect(notice.data).toContain('anna.verdi@example.com');

	// One row per payment action, keyed by its id, amounts as decimals beside the minor units.
	const stored = sandbox.reporting.list().find((entry) => entry.payout.id === payout.id)!;
	expect(sandbox.sinks.sheets.map((entry) => entry.body)).toEqual(
		stored.actions.map((action) => simplifiedAction(payout, action)),
	);
});

test('Thank the customer the moment a link is paid: at once, and once, though the safety net sees it too', async () => {
	const polls = () => sandbox.requests.filter((r) => r.path.endsWith('/ReportPaymail')).length;
	const before = polls();
	await n8n.activate('exThankInstant01');
	await n8n.waitFor('the activation poll', () => polls() >= before + 1, 60_000);

	const instant = example('thank-customer-the-moment-a-link-is-paid');
	const trigger = instant.nodes.find((node) => node.webhookId)!;
	const url = `http://127.0.0.1:${n8n.port}/webhook/${trigger.webhookId}/payment-outcome`;
	sandbox.xpay.createLink('EX-INSTANT-0001', 2500, 24, url, {
		mail: 'bruno.neri@example.com',
		nome: 'Bruno',
		urlpost: url,
	});
	const thanks = () =>
		sandbox.smtp.mails.filter((mail) => mail.subject === 'Payment received: 25 EUR');
	await n8n.waitForWebhook(url);
	const { deliveries } = await sandbox.xpay.payAndDeliver('EX-INSTANT-0001', 'paid');
	expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
	await n8n.waitFor('the thank-you mail', () => thanks().length >= 1, 30_000);
	expect(thanks()[0].to).toEqual(['bruno.neri@example.com']);
	expect(thanks()[0].data).toContain('Dear Bruno');

	// The safety net's next checks see the paid link too; Once per Payment lets it through once.
	const seen = polls();
	await n8n.waitFor('two more checks', () => polls() >= seen + 4, 150_000);
	await new Promise((resolve) => setTimeout(resolve, 5000));
	expect(thanks()).toHaveLength(1);
});

// The README's pictures, taken from this running n8n so they never go stale: from n8n 2.x, the
// line the README shows. Skipped where Debian's chromium is not installed (.ci/run installs it).
(existsSync(CHROMIUM) && !isN8n1() ? test : test.skip)(
	'screenshots of the node panel for the README',
	async () => {
		const images = join(__dirname, '..', '..', 'docs', 'images');
		const panels = Object.entries(PANELS).map(([file, nodeName]) => ({
			workflowId: PANEL_WORKFLOW.id,
			nodeName,
			file: join(images, file),
		}));
		await screenshotNodePanel(
			`http://127.0.0.1:${n8n.port}`,
			OWNER,
			{
				search: join(images, 'nexi-node-panel.png'),
				actions: join(images, 'nexi-xpay-actions.png'),
			},
			panels,
		);
		for (const file of ['nexi-xpay-actions.png', ...Object.keys(PANELS)])
			expect(readFileSync(join(images, file)).length).toBeGreaterThan(10_000);
	},
);

test('XPay API key: a payment link from the form, e-mailed, then the customer thanked once when it is paid', async () => {
	const checks = () => sandbox.requests.filter((r) => r.path.endsWith('/operations')).length;
	await n8n.activate('exKeyLinkPaid001');
	await n8n.waitFor('the activation check', () => checks() >= 1, 60_000);
	const form = new FormData();
	form.append('field-0', 'carla.rossi@example.com');
	form.append('field-1', '49.9');
	form.append('field-2', 'Invoice 2026-077');
	const formId = example('send-payment-link-and-thank-when-paid-api-key').nodes[0].webhookId;
	const response = await fetch(`http://127.0.0.1:${n8n.port}/form/${formId}`, {
		method: 'POST',
		body: form,
	});
	expect(response.status).toBe(200);
	const linkMails = () =>
		sandbox.smtp.mails.filter((mail) => mail.subject === 'Your payment link for 49.9 EUR');
	await n8n.waitFor('the payment link e-mail', () => linkMails().length >= 1, 30_000);
	const [link] = [...sandbox.xpayKey.links.values()];
	expect(link).toMatchObject({ amount: 4990 });
	expect(linkMails()[0].to).toEqual(['carla.rossi@example.com']);
	expect(linkMails()[0].data).toContain(link.linkId);

	// Paid after the trigger's first scheduled check (see the README on durable poll cursors).
	const atActivation = checks();
	await n8n.waitFor('the first scheduled check', () => checks() > atActivation, 90_000);
	sandbox.xpayKey.payLink(link.linkId);
	const thanks = () =>
		sandbox.smtp.mails.filter((mail) => mail.subject === 'Thank you for your payment of 49.9 EUR');
	await n8n.waitFor('the thank-you mail', () => thanks().length >= 1, 150_000);
	const seen = checks();
	await n8n.waitFor('the next check', () => checks() > seen, 90_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(thanks()).toHaveLength(1);
	expect(thanks()[0].to).toEqual(['carla.rossi@example.com']);
	expect(thanks()[0].data).toContain('Invoice 2026-077');
});

test('XPay API key: the shop says an order shipped, and that amount is captured', async () => {
	sandbox.xpayKey.addOrder({ orderId: 'EX-SHIP-1', amount: 8000 });
	await n8n.activate('exKeyCaptureShip');
	const url = `http://127.0.0.1:${n8n.port}/webhook/order-shipped`;
	const post = async () =>
		await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ orderId: 'EX-SHIP-1', amount: 49.9 }),
		});
	// n8n 2.41.1 may register the webhook a moment after activation returns; a 404 ran nothing.
	let response = await post();
	for (let tries = 0; response.status === 404 && tries < 60; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		response = await post();
	}
	expect(response.status).toBe(200);
	expect(await response.json()).toMatchObject({
		orderId: 'EX-SHIP-1',
		operation: 'capture',
		amount: 49.9,
		amountMinor: 4990,
		status: 'partiallyCaptured',
	});
	const captures = sandbox.xpayKey.orders
		.get('EX-SHIP-1')!
		.operations.filter((op) => op.operationType === 'CAPTURE');
	expect(captures.map((op) => op.operationAmount)).toEqual([4990]);
});
