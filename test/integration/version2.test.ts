import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { italianDay } from '../../sandbox/xpay/state';
import { simplifiedAction, simplifiedPayout } from '../helpers/expected';
import { listSearch, Poller, runNode, type RunOptions } from '../helpers/harness';
import { checkoutCredentials, useSandbox, xpayCredentials } from '../helpers/sandbox';

/**
 * What version 2 gives someone who never read an API reference: amounts in major units beside
 * the minor ones, records picked from lists instead of IDs copied from elsewhere, a month of
 * report files in one step, and paid-link items that carry the customer.
 */
const sandbox = useSandbox();
const today = () => DateTime.now().setZone('Europe/Rome');

const reporting = async (parameters: RunOptions['parameters'], typeVersion = 2) =>
	await runNode({ parameters, typeVersion, credentials: checkoutCredentials(sandbox.current) });
const xpay = async (parameters: RunOptions['parameters'], typeVersion = 2) =>
	await runNode({
		type: 'n8n-nodes-nexi.nexiXPay',
		typeVersion,
		parameters,
		credentials: xpayCredentials(sandbox.current),
	});

beforeEach(() => {
	sandbox.current.requests.length = 0;
});

describe('Nexi Reporting, Simplify (on by default in version 2)', () => {
	test('payouts: decimal totals exactly equal to the minor units over the currency’s decimals, minor units beside', async () => {
		const { items } = await reporting({
			resource: 'payout',
			operation: 'getMany',
			fromDate: '2026-10-01',
			toDate: '2026-10-31',
			returnAll: true,
		});
		const stored = sandbox.current.reporting
			.list()
			.filter(({ payout }) => payout.date >= '2026-10-01' && payout.date <= '2026-10-31')
			.map(({ payout }) => payout);
		expect(items.map((item) => item.json)).toEqual(
			stored.map((payout) => simplifiedPayout(payout)),
		);
		expect(Object.keys(items[0].json).length).toBeLessThanOrEqual(14);
	});

	test('payment actions: one flat row each, keyed by id, with the payout’s id, reference and date', async () => {
		const { payout, actions } = sandbox.current.reporting
			.list()
			.find((stored) => stored.actions.length > 5)!;
		const { items } = await reporting({
			resource: 'paymentAction',
			operation: 'getMany',
			payoutId: { __rl: true, mode: 'id', value: payout.id },
			returnAll: true,
		});
		expect(items.map((item) => item.json)).toEqual(
			actions.map((action) => simplifiedAction(payout, action)),
		);
	});

	test('a currency without decimals stays whole; Simplify off gives Nexi’s objects unchanged', async () => {
		const payout = sandbox.current.reporting.addRawPayout(
			{
				...sandbox.current.reporting.list()[0].payout,
				id: 'aaaa0000bbbb1111cccc2222dddd3333',
				date: '2026-11-19',
				currency: 'JPY',
				amount: 19396,
			},
			[],
		);
		const simplified = await reporting({
			resource: 'payout',
			operation: 'get',
			payoutId: { __rl: true, mode: 'id', value: payout.id },
		});
		expect(simplified.items[0].json).toMatchObject({
			currency: 'JPY',
			amount: 19396,
			amountMinor: 19396,
		});
		const raw = await reporting({
			resource: 'payout',
			operation: 'get',
			payoutId: { __rl: true, mode: 'id', value: payout.id },
			simplify: false,
		});
		expect(raw.items[0].json).toEqual(expect.objectContaining({ ...payout }));
	});

	test('the trigger’s items are simplified too', async () => {
		const poller = new Poller({
			type: 'n8n-nodes-nexi.nexiReportingTrigger',
			typeVersion: 2,
			parameters: { event: 'newPayout', output: 'paymentActions', lookbackDays: 2 },
			credentials: checkoutCredentials(sandbox.current),
		});
		await poller.poll();
		const payout = sandbox.current.reporting.addPayout({
			date: today().toISODate()!,
			currency: 'SEK',
			actions: 3,
		});
		const items = await poller.poll();
		expect(
			items?.map((item) => [
				item.json.payoutId,
				typeof item.json.amount,
				typeof item.json.amountMinor,
			]),
		).toEqual(Array(3).fill([payout.id, 'number', 'number']));
	});
});

describe('pick from a list, not an ID from elsewhere (n8n’s own LoadOptionsContext)', () => {
	test('payouts of the last 90 days, newest first, each readable; search narrows them', async () => {
		const { results } = await listSearch({
			type: 'n8n-nodes-nexi.nexiReporting',
			method: 'searchPayouts',
			credentials: checkoutCredentials(sandbox.current),
		});
		expect(results.length).toBeGreaterThan(20);
		const dates = results.map((entry) => String(entry.name).slice(0, 10));
		expect(dates).toEqual([...dates].sort().reverse());
		expect(results[0].name).toMatch(/^\d{4}-\d{2}-\d{2} · [\d,]+\.\d{2} (EUR|SEK|DKK) · \d+$/);
		const reference = String(results[5].name).split(' · ')[2];
		const narrowed = await listSearch({
			type: 'n8n-nodes-nexi.nexiReporting',
			method: 'searchPayouts',
			credentials: checkoutCredentials(sandbox.current),
			filter: reference,
		});
		expect(narrowed.results.map((entry) => entry.value)).toEqual([results[5].value]);
	});

	test('orders, links and reports: newest first, readable, and what they point at works in By ID and From List', async () => {
		const orders = await listSearch({
			type: 'n8n-nodes-nexi.nexiXPay',
			method: 'searchOrders',
			credentials: xpayCredentials(sandbox.current),
		});
		expect(orders.results[0].name).toMatch(
			/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · [\d,]+\.\d{2} EUR · [a-z_]+ · \S+$/,
		);
		const newest = [...sandbox.current.xpay.orders.values()].sort(
			(a, b) => b.createdAt - a.createdAt,
		)[0];
		expect(orders.results[0].value).toBe(newest.codiceTransazione);

		const links = await listSearch({
			type: 'n8n-nodes-nexi.nexiXPay',
			method: 'searchLinks',
			credentials: xpayCredentials(sandbox.current),
		});
		expect(links.results.length).toBeGreaterThan(0);
		expect(links.results[0].name).toMatch(/^\d{4}-\d{2}-\d{2} · [\d,]+\.\d{2} EUR · [a-z]+ · \S+$/);

		const reports = await listSearch({
			type: 'n8n-nodes-nexi.nexiXPay',
			method: 'searchReports',
			credentials: xpayCredentials(sandbox.current),
		});
		expect(reports.results.map((entry) => entry.value)).toEqual(
			sandbox.current.xpay.reports.slice(0, 10).map((report) => report.idReport),
		);

		const fromList = await xpay({
			resource: 'order',
			operation: 'get',
			transactionCode: { __rl: true, mode: 'list', value: orders.results[0].value },
		});
		expect(fromList.items[0].json.transactionCode).toBe(newest.codiceTransazione);
		const byExpression = await xpay(
			{
				resource: 'order',
				operation: 'get',
				transactionCode: { __rl: true, mode: 'id', value: '={{ $json.code }}' },
			},
			2,
		);
		expect(byExpression.error?.message).toMatch(/^Invalid Transaction Code: got nothing/);
		const download = await xpay({
			resource: 'report',
			operation: 'download',
			reportId: { __rl: true, mode: 'list', value: reports.results[0].value },
		});
		expect(download.items[0].json.reportId).toBe(reports.results[0].value);
	});

	test('an expression in By ID takes its value from the input item, as the text field did', async () => {
		const order = sandbox.current.xpay.addOrder({
			codiceTransazione: 'RLC-EXPRESSION-1',
			importo: 100,
		});
		const { items } = await runNode({
			type: 'n8n-nodes-nexi.nexiXPay',
			typeVersion: 2,
			parameters: {
				resource: 'order',
				operation: 'get',
				transactionCode: { __rl: true, mode: 'id', value: '={{ $json.code }}' },
			},
			items: [{ json: { code: order.codiceTransazione } }],
			credentials: xpayCredentials(sandbox.current),
		});
		expect(items[0].json.transactionCode).toBe('RLC-EXPRESSION-1');
	});

	test('an empty account: every list is empty, and says nothing is wrong', async () => {
		let empty: Sandbox | undefined;
		try {
			empty = await startSandbox({ reporting: { days: 0 }, xpay: { orders: 0, links: 0 } });
			empty.xpay.reports = [];
			for (const [type, method, credentials] of [
				['n8n-nodes-nexi.nexiReporting', 'searchPayouts', checkoutCredentials(empty)],
				['n8n-nodes-nexi.nexiXPay', 'searchOrders', xpayCredentials(empty)],
				['n8n-nodes-nexi.nexiXPay', 'searchLinks', xpayCredentials(empty)],
				['n8n-nodes-nexi.nexiXPay', 'searchReports', xpayCredentials(empty)],
			] as const) {
				expect(await listSearch({ type, method, credentials })).toEqual({ results: [] });
			}
		} finally {
			await empty?.close();
		}
	});
});

describe('Report → Get Many (version 2): a date range, with the files in the same step', () => {
	test('every report processed in the range, once, across as many list requests as it takes', async () => {
		const from = today().minus({ days: 30 }).toISODate()!;
		const to = today().minus({ days: 3 }).toISODate()!;
		const { items, error } = await xpay({
			resource: 'report',
			operation: 'getMany',
			fromDate: from,
			toDate: to,
		});
		expect(error).toBeUndefined();
		const expected = sandbox.current.xpay.reports
			.filter(
				(report) => italianDay(report.processedAt) >= from && italianDay(report.processedAt) <= to,
			)
			.map((report) => report.idReport)
			.reverse();
		expect(items.map((item) => item.json.reportId)).toEqual(expected);
		const lists = sandbox.current.requests.filter((request) =>
			request.path.endsWith('/elencoReport'),
		);
		expect(lists.length).toBe(
			Math.ceil(expected.length / 10) + (expected.length % 10 === 0 ? 1 : 0),
		);
	});

	test('Download Files: each report with its file as binary data', async () => {
		const from = today().minus({ days: 5 }).toISODate()!;
		const { items } = await xpay({
			resource: 'report',
			operation: 'getMany',
			fromDate: from,
			toDate: today().toISODate()!,
			options: { download: true },
		});
		expect(items.length).toBeGreaterThan(2);
		for (const item of items) {
			const report = sandbox.current.xpay.reports.find(
				(candidate) => candidate.idReport === item.json.reportId,
			)!;
			expect(item.json).toMatchObject({
				fileName: `report_${report.idReport}.csv`,
				mimeType: 'text/csv',
			});
			expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toBe(
				sandbox.current.xpay.reportCsv(report),
			);
		}
	});

	test('version 1 keeps its single reference date', async () => {
		const { items } = await xpay(
			{
				resource: 'report',
				operation: 'getMany',
				referenceDate: today().minus({ days: 20 }).toISODate()!,
			},
			1,
		);
		expect(items).toHaveLength(10);
	});
});

describe('Nexi XPay Trigger, version 2', () => {
	const trigger = (parameters: Record<string, unknown>, typeVersion = 2) =>
		new Poller({
			type: 'n8n-nodes-nexi.nexiXPayTrigger',
			typeVersion,
			parameters: { event: 'payMailLinkPaid', ...parameters },
			credentials: xpayCredentials(sandbox.current),
		});

	test('the paid-link item carries the customer’s e-mail and name and the link’s description, as given at creation', async () => {
		const poller = trigger({});
		await poller.poll();
		sandbox.current.xpay.createLink('THANKS-1', 4999, 24, 'https://shop.example/ok', {
			mail: 'anna.verdi@example.com',
			nome: 'Anna',
			cognome: 'Verdi',
			descrizione: 'Order 1234: two tickets',
		});
		sandbox.current.xpay.pay('THANKS-1', 'paid');
		const [item] = (await poller.poll())!;
		expect(item.json).toMatchObject({
			transactionCode: 'THANKS-1',
			paymentStatus: 'paid',
			amount: 49.99,
			amountMinor: 4999,
			customer: { email: 'anna.verdi@example.com', firstName: 'Anna', lastName: 'Verdi' },
			description: 'Order 1234: two tickets',
		});
	});

	test('by default it looks back 30 days for paid links (version 1: 7), and can emit what is there on activation', async () => {
		const old = today().minus({ days: 20 }).toMillis();
		sandbox.current.xpay.createLink('OLD-PAID-20D', 1000, 720, 'https://shop.example/ok', {}, old);
		sandbox.current.xpay.pay('OLD-PAID-20D', 'paid', old + 3600_000);
		const emitting = await trigger({ options: { emitExisting: true } }).poll();
		expect(emitting?.map((item) => item.json.transactionCode)).toContain('OLD-PAID-20D');
		const versionOne = await trigger({ options: { emitExisting: true } }, 1).poll();
		expect(versionOne?.map((item) => item.json.transactionCode) ?? []).not.toContain(
			'OLD-PAID-20D',
		);
	});

	test('Fetch Test Event says what it looked through when nothing is paid', async () => {
		const empty = await startSandbox({ xpay: { orders: 0, links: 0 } });
		try {
			empty.xpay.createLink('UNPAID-1', 1000, 24, 'https://shop.example/ok', {});
			const poller = new Poller({
				type: 'n8n-nodes-nexi.nexiXPayTrigger',
				typeVersion: 2,
				parameters: { event: 'payMailLinkPaid' },
				credentials: xpayCredentials(empty),
			});
			await expect(poller.poll('manual')).rejects.toThrow(
				/^No paid PayMail link among the 1 link created from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/,
			);
		} finally {
			await empty.close();
		}
	});
});
