import { startSandbox, type Sandbox } from '../../sandbox/server';
import { DateTime } from 'luxon';

import { hasWarning } from '../../sandbox/xpay/api';
import { italianDay } from '../../sandbox/xpay/state';
import { simplifiedAction, simplifiedPayout } from '../helpers/expected';
import { N8n, outputOf, type ExecutionResult } from './n8n';
import { credentialsFor, workflow } from './workflows';

let sandbox: Sandbox;
let n8n: N8n;
let execution: ExecutionResult;
let orderCode: string;
let orderCode2: string;

const FILE = 'operations';
const REPORTING = 'n8n-nodes-nexi.nexiReporting';
const XPAY = 'n8n-nodes-nexi.nexiXPay';

/**
 * Every operation of both nodes, once, in a real n8n (each version tested) running the packed package: one
 * workflow whose nodes feed each other through expressions, executed with `n8n execute` against
 * the version's long-lived n8n.
 */
beforeAll(async () => {
	sandbox = await startSandbox({ reporting: { endDate: '2026-11-20' } });
	n8n = N8n.shared();
	orderCode = sandbox.xpay.addOrder({
		codiceTransazione: 'E2E-ORDER-0001',
		importo: 5000,
	}).codiceTransazione;
	orderCode2 = sandbox.xpay.addOrder({
		codiceTransazione: 'E2E-ORDER-0002',
		importo: 8000,
	}).codiceTransazione;
	await n8n.importCredentials(credentialsFor(sandbox, FILE));
	await n8n.importWorkflow(
		workflow(
			FILE,
			'e2eOperations001',
			'Every operation',
			[
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
				{
					name: 'Payouts',
					type: REPORTING,
					credential: 'checkout',
					parameters: {
						resource: 'payout',
						operation: 'getMany',
						fromDate: '2026-10-01',
						toDate: '2026-10-31',
						returnAll: true,
					},
				},
				{
					name: 'First Payout',
					type: REPORTING,
					credential: 'checkout',
					parameters: {
						resource: 'payout',
						operation: 'getMany',
						fromDate: '2026-10-01',
						toDate: '2026-10-31',
						returnAll: false,
						limit: 1,
						filters: { currency: 'SEK' },
					},
				},
				{
					name: 'Payout',
					type: REPORTING,
					credential: 'checkout',
					parameters: {
						resource: 'payout',
						operation: 'get',
						payoutId: '={{ $json.id }}',
						includePaymentActions: true,
					},
				},
				{
					name: 'Actions',
					type: REPORTING,
					credential: 'checkout',
					parameters: {
						resource: 'paymentAction',
						operation: 'getMany',
						payoutId: '={{ $json.id }}',
						returnAll: true,
					},
				},
				{
					name: 'Export',
					type: REPORTING,
					credential: 'checkout',
					parameters: {
						resource: 'paymentAction',
						operation: 'getMany',
						source: 'dateRange',
						fromDate: '2026-10-01',
						toDate: '2026-10-07',
						returnAll: true,
						filters: { actionTypes: ['REFUND'] },
					},
				},
				{
					name: 'Capture',
					type: XPAY,
					credential: 'xpay',
					parameters: {
						resource: 'order',
						operation: 'capture',
						transactionCode: orderCode,
						amount: 12.34,
					},
				},
				{
					name: 'Refund',
					type: XPAY,
					credential: 'xpay',
					parameters: {
						resource: 'order',
						operation: 'refund',
						transactionCode: '={{ $json.transactionCode }}',
						amount: 2.34,
					},
				},
				{
					name: 'Order',
					type: XPAY,
					credential: 'xpay',
					parameters: {
						resource: 'order',
						operation: 'get',
						transactionCode: '={{ $json.transactionCode }}',
					},
				},
				{
					name: 'Orders',
					type: XPAY,
					credential: 'xpay',
					parameters: {
						resource: 'order',
						operation: 'getMany',
						fromDate: '={{ $today.minus({ days: 59 }) }}',
						toDate: '={{ $today }}',
						returnAll: true,
					},
				},
				{
					name: 'Create Link',
					type: XPAY,
					credential: 'xpay',
					parameters: {
						resource: 'payMailLink',
						operation: 'create',
						transactionCode: 'E2E-LINK-0001',
						amount: 25,
						returnUrl: 'https://shop.example/ok',
						additionalFields: { email: 'anna@example.com', description: 'E2E' },
					},
				},
				{
					name: 'Regenerate Link',
					type: XPAY,
					credential: 'xpay',
					parameters: {
						resource: 'payMailLink',
						operation: 'regenerate',
						transactionCode: '={{ $json.transactionCode }}',
						additionalFields: { expiresInHours: 48 },
					},
				},
				{
					name: 'Links',
					type: XPAY,
					credential: 'xpay',
					parameters: {
						resource: 'payMailLink',
						operation: 'getMany',
						fromDate: '={{ $today.minus({ days: 59 }) }}',
						toDate: '={{ $today }}',
						returnAll: true,
					},
				},
				{
					name: 'Reports',
					type: XPAY,
					credential: 'xpay',
					parameters: { resource: 'report', operation: 'getMany' },
				},
				{
					name: 'Download',
					type: XPAY,
					credential: 'xpay',
					parameters: { resource: 'report', operation: 'download', reportId: '900001' },
				},
				// Version 2 of both nodes: simplified records, IDs picked from lists or given by ID
				// (with expressions), the order's own currency, report ranges with their files.
				...VERSION_2.map((node) => ({ ...node, typeVersion: 2 })),
			],
			[
				['Start', 'Payouts'],
				['Start', 'First Payout'],
				['First Payout', 'Payout'],
				['Payout', 'Actions'],
				['Start', 'Export'],
				['Start', 'Capture'],
				['Capture', 'Refund'],
				['Refund', 'Order'],
				['Start', 'Orders'],
				['Start', 'Create Link'],
				['Create Link', 'Regenerate Link'],
				['Start', 'Links'],
				['Start', 'Reports'],
				['Start', 'Download'],
				['Start', 'Payouts v2'],
				['First Payout', 'Payout v2'],
				['First Payout', 'Actions v2'],
				['Start', 'Capture v2'],
				['Capture v2', 'Refund v2'],
				['Refund v2', 'Order v2'],
				['Start', 'Create Link v2'],
				['Create Link v2', 'Regenerate Link v2'],
				['Start', 'Reports v2'],
				['Start', 'Download v2'],
				['Start', 'Warnings'],
			],
		),
	);
	execution = await n8n.execute('e2eOperations001');
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const VERSION_2 = [
	{
		name: 'Payouts v2',
		type: REPORTING,
		credential: 'checkout' as const,
		parameters: {
			resource: 'payout',
			operation: 'getMany',
			fromDate: '2026-10-01',
			toDate: '2026-10-31',
			returnAll: true,
		},
	},
	{
		name: 'Payout v2',
		type: REPORTING,
		credential: 'checkout' as const,
		parameters: {
			resource: 'payout',
			operation: 'get',
			payoutId: byId('={{ $json.id }}'),
			includePaymentActions: true,
		},
	},
	{
		name: 'Actions v2',
		type: REPORTING,
		credential: 'checkout' as const,
		parameters: {
			resource: 'paymentAction',
			operation: 'getMany',
			payoutId: byId('={{ $json.id }}'),
			returnAll: true,
		},
	},
	{
		name: 'Capture v2',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'order',
			operation: 'capture',
			transactionCode: byId('E2E-ORDER-0002'),
			amount: 10,
		},
	},
	{
		name: 'Refund v2',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'order',
			operation: 'refund',
			transactionCode: byId('={{ $json.transactionCode }}'),
			amount: 4,
		},
	},
	{
		name: 'Order v2',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'order',
			operation: 'get',
			transactionCode: byId('={{ $json.transactionCode }}'),
		},
	},
	{
		name: 'Create Link v2',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'payMailLink',
			operation: 'create',
			transactionCode: 'E2E-LINK-0002',
			amount: 30,
			returnUrl: 'https://shop.example/ok',
			additionalFields: { email: 'bruno@example.com', description: 'E2E v2' },
		},
	},
	{
		name: 'Regenerate Link v2',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'payMailLink',
			operation: 'regenerate',
			transactionCode: byId('={{ $json.transactionCode }}'),
		},
	},
	{
		name: 'Reports v2',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'report',
			operation: 'getMany',
			fromDate: '={{ $today.minus({ days: 5 }) }}',
			toDate: '={{ $today }}',
			options: { download: true },
		},
	},
	{
		name: 'Download v2',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'report',
			operation: 'download',
			reportId: { __rl: true, mode: 'list', value: '900002' },
		},
	},
	{
		name: 'Warnings',
		type: XPAY,
		credential: 'xpay' as const,
		parameters: {
			resource: 'warning',
			operation: 'getMany',
			fromDate: '={{ $today.minus({ days: 59 }) }}',
			toDate: '={{ $today }}',
			returnAll: true,
		},
	},
];

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

const json = (node: string) => outputOf(execution, node).map((item) => item.json);

/** What the sandbox applied to an order: [service, amount in minor units], in order. */
const ledgerOf = (code: string) =>
	sandbox.xpay.ledger
		.filter((entry) => entry.codiceTransazione === code)
		.map(({ service, importo }) => [service, importo]);

test('the execution succeeded', () => {
	expect(execution.status).toBe('success');
});

test('Reporting: payouts, one payout with its actions, its actions as rows, the refund export', () => {
	const stored = sandbox.reporting.list();
	const october = stored.filter(
		({ payout }) => payout.date >= '2026-10-01' && payout.date <= '2026-10-31',
	);
	expect(json('Payouts')).toEqual(october.map(({ payout }) => payout));

	const first = october.find(({ payout }) => payout.currency === 'SEK')!;
	expect(json('First Payout')).toEqual([first.payout]);
	expect(json('Payout')).toEqual([
		{
			...first.payout,
			numberOfPaymentActions: first.actions.length,
			paymentActions: first.actions,
		},
	]);
	expect(json('Actions')).toEqual(
		first.actions.map((action) => ({
			payoutId: first.payout.id,
			payoutReference: first.payout.reference,
			payoutDate: first.payout.date,
			...action,
		})),
	);

	const week = stored.filter(
		({ payout }) => payout.date >= '2026-10-01' && payout.date <= '2026-10-07',
	);
	const refunds = week.flatMap(({ payout, actions }) =>
		actions
			.filter((action) => action.paymentAction === 'REFUND')
			.map((action) => ({
				payoutId: payout.id,
				payoutReference: payout.reference,
				payoutDate: payout.date,
				...action,
			})),
	);
	expect(refunds.length).toBeGreaterThan(0);
	expect(json('Export')).toEqual(refunds);
});

test('XPay: capture, refund and the order afterwards', () => {
	expect(json('Capture')).toEqual([
		expect.objectContaining({
			transactionCode: orderCode,
			operation: 'capture',
			amount: 12.34,
			amountMinor: 1234,
			currency: 'EUR',
			success: true,
			orderStatus: 'partially_captured',
		}),
	]);
	expect(json('Refund')).toEqual([
		expect.objectContaining({
			transactionCode: orderCode,
			operation: 'refund',
			amountMinor: 234,
			orderStatus: 'partially_refunded',
			capturedAmount: 12.34,
			refundedAmount: 2.34,
		}),
	]);
	expect(json('Order')).toEqual([
		expect.objectContaining({
			transactionCode: orderCode,
			status: 'partially_refunded',
			amount: 50,
			operations: [
				expect.objectContaining({ type: 'capture', amountMinor: 1234 }),
				expect.objectContaining({ type: 'reversal', amountMinor: 234 }),
			],
		}),
	]);
	expect(ledgerOf(orderCode)).toEqual([
		['contabilizza', 1234],
		['storna', 234],
	]);
});

test('XPay: every order of the last 60 days', () => {
	const since = DateTime.now().setZone('Europe/Rome').minus({ days: 59 }).toISODate()!;
	const expected = [...sandbox.xpay.orders.values()]
		.filter((order) => italianDay(order.createdAt) >= since)
		.sort((a, b) => a.createdAt - b.createdAt)
		.map((order) => order.codiceTransazione);
	expect(json('Orders').map((order) => order.transactionCode)).toEqual(expected);
});

test('XPay: a PayMail link created, regenerated, and listed', () => {
	const link = sandbox.xpay.links.get('E2E-LINK-0001')!;
	expect(json('Create Link')).toEqual([
		expect.objectContaining({
			transactionCode: 'E2E-LINK-0001',
			url: `${sandbox.url}/ecomm/ecomm/PayMail?token=${link.token}`,
			amount: 25,
			amountMinor: 2500,
		}),
	]);
	expect(json('Regenerate Link')).toEqual([
		expect.objectContaining({
			transactionCode: 'E2E-LINK-0001',
			codeChanged: false,
			url: `${sandbox.url}/ecomm/ecomm/PayMail?token=${link.token}`,
		}),
	]);
	const since = DateTime.now().setZone('Europe/Rome').minus({ days: 59 }).toISODate()!;
	const expected = [...sandbox.xpay.links.values()]
		.filter((l) => italianDay(l.createdAt) >= since)
		.sort((a, b) => a.createdAt - b.createdAt)
		.map((l) => l.codiceTransazione);
	expect(expected).toContain('E2E-LINK-0001');
	// The version 2 branch creates its own link at about the same time: leave it out.
	const listed = json('Links').map((l) => l.transactionCode);
	const others = (codes: unknown[]) => codes.filter((code) => code !== 'E2E-LINK-0002');
	expect(others(listed)).toEqual(others(expected));
});

test('XPay: reports listed and one downloaded as a binary file', () => {
	expect(json('Reports').map((r) => r.reportId)).toEqual([
		'900001',
		'900002',
		'900003',
		'900004',
		'900005',
		'900006',
		'900007',
		'900008',
		'900009',
		'900010',
	]);
	const [item] = outputOf(execution, 'Download');
	const csv = sandbox.xpay.reportCsv(sandbox.xpay.reports.find((r) => r.idReport === '900001')!);
	expect(item.json).toEqual({
		reportId: '900001',
		fileName: 'report_900001.csv',
		mimeType: 'text/csv',
		fileSize: Buffer.byteLength(csv),
	});
	expect(item.binary?.data.fileName).toBe('report_900001.csv');
	expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toBe(csv);
});

describe('version 2', () => {
	test('Reporting: simplified payouts and actions, amounts as decimals beside the minor units', () => {
		const october = sandbox.reporting
			.list()
			.filter(({ payout }) => payout.date >= '2026-10-01' && payout.date <= '2026-10-31');

		expect(json('Payouts v2')).toEqual(october.map(({ payout }) => simplifiedPayout(payout)));

		const first = october.find(({ payout }) => payout.currency === 'SEK')!;
		const rows = first.actions.map((action) => simplifiedAction(first.payout, action));
		expect(json('Payout v2')).toEqual([
			{ ...simplifiedPayout(first.payout), paymentActions: rows },
		]);
		expect(json('Actions v2')).toEqual(rows);
	});

	test("XPay: capture and refund in the order's own currency, with what is left after each", () => {
		expect(json('Capture v2')).toEqual([
			expect.objectContaining({
				transactionCode: orderCode2,
				amount: 10,
				currency: 'EUR',
				remainingToCapture: 70,
				remainingToCaptureMinor: 7000,
				remainingToRefund: 10,
				remainingToRefundMinor: 1000,
			}),
		]);
		expect(json('Refund v2')).toEqual([
			expect.objectContaining({
				transactionCode: orderCode2,
				amountMinor: 400,
				remainingToRefund: 6,
				remainingToRefundMinor: 600,
			}),
		]);
		expect(json('Order v2')).toEqual([
			expect.objectContaining({ transactionCode: orderCode2, status: 'partially_refunded' }),
		]);
		expect(ledgerOf(orderCode2)).toEqual([
			['contabilizza', 1000],
			['storna', 400],
		]);
	});

	test('XPay: a link regenerated by ID with the default lifetime sent', () => {
		const link = sandbox.xpay.links.get('E2E-LINK-0002')!;
		expect(json('Regenerate Link v2')).toEqual([
			expect.objectContaining({ transactionCode: 'E2E-LINK-0002', codeChanged: false }),
		]);
		const regenerate = sandbox.requests.filter((r) => r.path.endsWith('/rigeneraPayMail'));
		expect(regenerate.at(-1)?.body).toMatchObject({
			codiceTransazione: 'E2E-LINK-0002',
			timeout: 24,
		});
		expect(link.token).toBeTruthy();
	});

	test('XPay: the reports of a range, each with its file; one picked from the list', () => {
		const since = DateTime.now().setZone('Europe/Rome').minus({ days: 5 }).toISODate()!;
		const expected = sandbox.xpay.reports
			.filter((report) => italianDay(report.processedAt) >= since)
			.sort((a, b) => a.processedAt - b.processedAt);
		const items = outputOf(execution, 'Reports v2');
		expect(items.map((item) => item.json.reportId)).toEqual(expected.map((r) => r.idReport));
		for (const [index, item] of items.entries()) {
			expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toBe(
				sandbox.xpay.reportCsv(expected[index]),
			);
		}
		const [download] = outputOf(execution, 'Download v2');
		expect(download.json).toMatchObject({ reportId: '900002', fileName: 'report_900002.csv' });
	});

	test('XPay: every 3-D Secure warning of the last 60 days', () => {
		const since = DateTime.now().setZone('Europe/Rome').minus({ days: 59 }).toISODate()!;
		const expected = [...sandbox.xpay.orders.values()]
			.filter(
				(order) =>
					order.canale === 'CartaCredito' &&
					hasWarning(order.codiceTransazione) &&
					italianDay(order.createdAt) >= since,
			)
			.sort((a, b) => a.createdAt - b.createdAt)
			.map((order) => order.codiceTransazione);
		expect(expected.length).toBeGreaterThan(0);
		expect(json('Warnings').map((warning) => warning.transactionCode)).toEqual(expected);
	});
});

test('no secret in the execution data', () => {
	const text = JSON.stringify(execution);
	expect(text).not.toContain(sandbox.reporting.options.secretKey);
	expect(text).not.toContain(sandbox.xpay.options.macKey);
});
