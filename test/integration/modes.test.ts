import { DateTime } from 'luxon';

import type { Sandbox } from '../../sandbox/server';
import { italianDay, type Order } from '../../sandbox/xpay/state';
import { Poller, runNode, type RunOptions } from '../helpers/harness';
import { checkoutCredentials, useSandbox, xpayCredentials } from '../helpers/sandbox';

/**
 * Every read operation of both nodes and both polling triggers, against the sandbox as the specs
 * read (default) and as it answers the other plausible way where they are silent (variant: no
 * page totals, other link wordings, other report and warning shapes, HTML for some reports,
 * amounts and timestamps as text, orders in CZK and PLN, PayPal orders captured in parts). The
 * expected results come from the sandbox's own records, so they are the same in both modes.
 */
const modes = [
	['default', useSandbox()],
	['variant', useSandbox({ variant: true })],
] as const;

const today = () => DateTime.now().setZone('Europe/Rome');

describe.each(modes)('%s sandbox', (mode, holder) => {
	const sandbox = () => holder.current as Sandbox;
	const reporting = async (parameters: RunOptions['parameters']) =>
		await runNode({ parameters, credentials: checkoutCredentials(sandbox()) });
	const xpay = async (parameters: RunOptions['parameters']) =>
		await runNode({
			type: 'n8n-nodes-nexi.nexiXPay',
			typeVersion: 2,
			parameters,
			credentials: xpayCredentials(sandbox()),
		});
	const orderDays = () => ({
		fromDate: today().minus({ days: 59 }).toISODate()!,
		toDate: today().toISODate()!,
	});
	const inRange = (order: Order) => italianDay(order.createdAt) >= orderDays().fromDate;

	test('Payout → Get Many: every payout of the range, with or without page totals', async () => {
		const { items, error } = await reporting({
			resource: 'payout',
			operation: 'getMany',
			fromDate: '2026-09-01',
			toDate: '2026-10-31',
			returnAll: true,
			options: { pageSize: 7 },
		});
		expect(error).toBeUndefined();
		const expected = sandbox()
			.reporting.list()
			.filter(({ payout }) => payout.date >= '2026-09-01' && payout.date <= '2026-10-31')
			.map(({ payout }) => payout.id);
		expect(items.map((item) => item.json.id)).toEqual(expected);
	});

	test('Payout → Get with its actions, and Payment Action → Get Many of one payout and of a range', async () => {
		const stored = sandbox()
			.reporting.list()
			.find(({ actions }) => actions.length > 12)!;
		const one = await reporting({
			resource: 'payout',
			operation: 'get',
			payoutId: stored.payout.id,
			includePaymentActions: true,
			options: { pageSize: 5 },
		});
		expect((one.items[0].json.paymentActions as unknown[]).length).toBe(stored.actions.length);
		const actions = await reporting({
			resource: 'paymentAction',
			operation: 'getMany',
			payoutId: stored.payout.id,
			returnAll: true,
			options: { pageSize: 4 },
		});
		expect(actions.items.map((item) => item.json.id)).toEqual(
			stored.actions.map((action) => action.id),
		);
		const week = sandbox()
			.reporting.list()
			.filter(({ payout }) => payout.date >= '2026-10-01' && payout.date <= '2026-10-07');
		const range = await reporting({
			resource: 'paymentAction',
			operation: 'getMany',
			source: 'dateRange',
			fromDate: '2026-10-01',
			toDate: '2026-10-07',
			returnAll: true,
		});
		expect(range.items.map((item) => item.json.id)).toEqual(
			week.flatMap(({ actions }) => actions.map((action) => action.id)),
		);
	});

	test('Order → Get and Get Many: every order of 60 days, each in its own currency', async () => {
		const expected = [...sandbox().xpay.orders.values()]
			.filter(inRange)
			.sort((a, b) => a.createdAt - b.createdAt);
		const { items, error } = await xpay({
			resource: 'order',
			operation: 'getMany',
			...orderDays(),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(
			items.map((item) => [item.json.transactionCode, item.json.currency, item.json.amountMinor]),
		).toEqual(expected.map((order) => [order.codiceTransazione, order.divisa, order.importo]));
		expect(items.every((item) => item.json.status !== 'other')).toBe(true);
		if (mode === 'variant')
			expect(new Set(items.map((item) => item.json.currency))).toEqual(
				new Set(['EUR', 'CZK', 'PLN']),
			);
		const detail = await xpay({
			resource: 'order',
			operation: 'get',
			transactionCode: expected[3].codiceTransazione,
		});
		expect(detail.items[0].json).toMatchObject({
			transactionCode: expected[3].codiceTransazione,
			currency: expected[3].divisa,
			amountMinor: expected[3].importo,
			createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0[12]:00$/),
		});
	});

	test('PayMail Link → Get Many: every link with its payment status, whatever the wording', async () => {
		const xpayApi = sandbox().xpay;
		const { items, error } = await xpay({
			resource: 'payMailLink',
			operation: 'getMany',
			...orderDays(),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const links = [...xpayApi.links.values()].filter(
			(link) => italianDay(link.createdAt) >= orderDays().fromDate,
		);
		expect(items.map((item) => item.json.transactionCode).sort()).toEqual(
			links.map((link) => link.codiceTransazione).sort(),
		);
		for (const link of links) {
			const item = items.find(
				(candidate) => candidate.json.transactionCode === link.codiceTransazione,
			)!;
			const expired = link.expiresAt < Date.now();
			const expected =
				link.state === 'paid'
					? 'paid'
					: link.state === 'declined'
						? 'declined'
						: expired && mode === 'default'
							? 'expired'
							: 'unpaid';
			expect([link.codiceTransazione, item.json.paymentStatus]).toEqual([
				link.codiceTransazione,
				expected,
			]);
		}
	});

	test('Report → Get Many and Download: every report listed; a file, or a clear error instead of a page', async () => {
		const from = today().minus({ days: 20 }).toISODate()!;
		const { items, error } = await xpay({
			resource: 'report',
			operation: 'getMany',
			fromDate: from,
			toDate: today().toISODate()!,
		});
		expect(error).toBeUndefined();
		const processed = sandbox()
			.xpay.reports.filter((report) => italianDay(report.processedAt) >= from)
			.map((report) => report.idReport);
		if (mode === 'default') {
			expect(items.map((item) => item.json.reportId).sort()).toEqual([...processed].sort());
		} else {
			// Dates under names this node does not know: what XPay lists for the last day, all of it.
			expect(items).toHaveLength(10);
		}
		const download = await xpay({ resource: 'report', operation: 'download', reportId: '900002' });
		expect(download.error).toBeUndefined();
		expect(Buffer.from(download.items[0].binary!.data.data, 'base64').toString('utf8')).toBe(
			sandbox().xpay.reportCsv(
				sandbox().xpay.reports.find((report) => report.idReport === '900002')!,
			),
		);
		const odd = await xpay({ resource: 'report', operation: 'download', reportId: '900001' });
		if (mode === 'default') expect(odd.error).toBeUndefined();
		else expect(odd.error?.message).toContain('with an HTML page, not the report file');
	});

	test('3-D Secure Warning → Get Many: the same warnings in both shapes', async () => {
		const { items, error } = await xpay({
			resource: 'warning',
			operation: 'getMany',
			...orderDays(),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		const cardCodes = new Set(
			[...sandbox().xpay.orders.values()]
				.filter((order) => order.canale === 'CartaCredito')
				.map((order) => order.codiceTransazione),
		);
		expect(items.every((item) => cardCodes.has(item.json.transactionCode as string))).toBe(true);
	});

	test('Nexi Reporting Trigger: nothing on activation, the new payout once', async () => {
		const poller = new Poller({
			type: 'n8n-nodes-nexi.nexiReportingTrigger',
			parameters: { event: 'newPayout', output: 'paymentActions', lookbackDays: 3 },
			credentials: checkoutCredentials(sandbox()),
			timezone: 'Europe/Rome',
		});
		expect(await poller.poll()).toBeNull();
		const payout = sandbox().reporting.addPayout({
			date: today().toISODate()!,
			currency: 'DKK',
			actions: 9,
		});
		const emitted = await poller.poll();
		expect(emitted?.map((item) => item.json.payoutId)).toEqual(Array(9).fill(payout.id));
		expect(await poller.poll()).toBeNull();
	});

	test('Nexi XPay Trigger: a paid link (with its customer), a status change and a new order, each once', async () => {
		const xpayApi = sandbox().xpay;
		const poller = (event: string) =>
			new Poller({
				type: 'n8n-nodes-nexi.nexiXPayTrigger',
				typeVersion: 2,
				parameters: { event, lookbackDays: 2 },
				credentials: xpayCredentials(sandbox()),
			});
		const paid = poller('payMailLinkPaid');
		const changed = poller('orderStatusChanged');
		const created = poller('newOrder');
		const code = `MODES-${mode}`;
		xpayApi.createLink(code, 4200, 24, 'https://shop.example/ok', {
			mail: 'mara.neri@example.com',
			nome: 'Mara',
			cognome: 'Neri',
			descrizione: 'Invoice 77',
		});
		for (const trigger of [paid, changed, created]) expect(await trigger.poll()).toBeNull();

		xpayApi.pay(code, 'paid');
		const order = xpayApi.addOrder({ codiceTransazione: `${code}-ORDER`, importo: 100 });
		const paidItems = await paid.poll();
		expect(paidItems?.map((item) => [item.json.transactionCode, item.json.paymentStatus])).toEqual([
			[code, 'paid'],
		]);
		expect(paidItems?.[0].json).toMatchObject({
			customer: { email: 'mara.neri@example.com', firstName: 'Mara', lastName: 'Neri' },
			description: 'Invoice 77',
		});
		const createdItems = await created.poll();
		expect(createdItems?.map((item) => item.json.transactionCode).sort()).toEqual(
			[code, order.codiceTransazione].sort(),
		);
		expect(await changed.poll()).toBeNull();

		order.stato = 'Annullato';
		const changedItems = await changed.poll();
		expect(
			changedItems?.map((item) => [
				item.json.transactionCode,
				item.json.previousStatus,
				item.json.status,
			]),
		).toEqual([[order.codiceTransazione, 'authorized', 'cancelled']]);
		for (const trigger of [paid, changed, created]) expect(await trigger.poll()).toBeNull();
	});
});
