import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { setClock } from '../helpers/clock';
import { Poller, runNode, type RunOptions } from '../helpers/harness';
import { checkoutCredentials, xpayCredentials } from '../helpers/sandbox';

/**
 * Version 1 of every node keeps its output byte for byte. The golden file is written by the
 * 0.1.0 code of the nodes (scripts/update-v1-golden.sh runs this test against nodes/ and
 * credentials/ as they were at 0.1.0, with today's sandbox) with the clock frozen at one
 * instant and seeded sandboxes, so the current code must produce exactly the same JSON: the
 * same records, the same field order, the same numbers.
 */
const GOLDEN = join(__dirname, '..', 'fixtures', 'v1-outputs.json');
const NOW = Date.parse('2026-11-20T10:15:00.000Z');

let sandbox: Sandbox;

beforeAll(async () => {
	// Only Date stands still: sockets and timers run as usual.
	setClock(NOW);
	sandbox = await startSandbox({
		reporting: { endDate: '2026-11-20', days: 20 },
		xpay: { orders: 40, links: 30 },
	});
	sandbox.xpay.addOrder({ codiceTransazione: 'GOLD-CAPTURE-1', importo: 5000 });
	sandbox.xpay.addOrder({
		codiceTransazione: 'GOLD-REFUND-1',
		importo: 4000,
		stato: 'Contabilizzato',
	});
});

afterAll(async () => {
	await sandbox?.close();
	jest.useRealTimers();
});

const reporting = (parameters: RunOptions['parameters']): RunOptions => ({
	type: 'n8n-nodes-nexi.nexiReporting',
	parameters,
	credentials: checkoutCredentials(sandbox),
});
const xpay = (parameters: RunOptions['parameters']): RunOptions => ({
	type: 'n8n-nodes-nexi.nexiXPay',
	parameters,
	credentials: xpayCredentials(sandbox),
});

/** Every operation of both nodes at version 1, in an order whose writes do not disturb the reads before them. */
const RUNS: Array<[string, () => RunOptions]> = [
	[
		'payout getMany',
		() =>
			reporting({
				resource: 'payout',
				operation: 'getMany',
				fromDate: '2026-11-12',
				toDate: '2026-11-20',
				returnAll: true,
			}),
	],
	[
		'payout getMany limit+currency',
		() =>
			reporting({
				resource: 'payout',
				operation: 'getMany',
				fromDate: '2026-11-01',
				toDate: '2026-11-20',
				returnAll: false,
				limit: 3,
				filters: { currency: 'SEK' },
			}),
	],
	[
		'payout get',
		() =>
			reporting({
				resource: 'payout',
				operation: 'get',
				payoutId: sandbox.reporting.list()[5].payout.id,
			}),
	],
	[
		'payout get with actions',
		() =>
			reporting({
				resource: 'payout',
				operation: 'get',
				payoutId: sandbox.reporting.list()[6].payout.id,
				includePaymentActions: true,
			}),
	],
	[
		'paymentAction getMany payout',
		() =>
			reporting({
				resource: 'paymentAction',
				operation: 'getMany',
				payoutId: sandbox.reporting.list()[7].payout.id,
				returnAll: true,
			}),
	],
	[
		'paymentAction getMany range',
		() =>
			reporting({
				resource: 'paymentAction',
				operation: 'getMany',
				source: 'dateRange',
				fromDate: '2026-11-16',
				toDate: '2026-11-16',
				returnAll: true,
				filters: { actionTypes: ['REFUND', 'CHARGE_FEE'] },
			}),
	],
	[
		'order get',
		() =>
			xpay({
				resource: 'order',
				operation: 'get',
				transactionCode: [...sandbox.xpay.orders.keys()][10],
			}),
	],
	[
		'order get raw',
		() =>
			xpay({
				resource: 'order',
				operation: 'get',
				transactionCode: [...sandbox.xpay.orders.keys()][11],
				simplify: false,
			}),
	],
	[
		'order get operations',
		() =>
			xpay({
				resource: 'order',
				operation: 'get',
				transactionCode: 'GOLD-REFUND-1',
				output: 'operations',
			}),
	],
	[
		'order getMany',
		() =>
			xpay({
				resource: 'order',
				operation: 'getMany',
				fromDate: '2026-11-05',
				toDate: '2026-11-20',
				returnAll: true,
			}),
	],
	[
		'order getMany raw filtered',
		() =>
			xpay({
				resource: 'order',
				operation: 'getMany',
				fromDate: '2026-11-01',
				toDate: '2026-11-20',
				returnAll: false,
				limit: 5,
				simplify: false,
				filters: { statuses: ['captured'] },
			}),
	],
	[
		'link getMany',
		() =>
			xpay({
				resource: 'payMailLink',
				operation: 'getMany',
				fromDate: '2026-09-20',
				toDate: '2026-11-20',
				returnAll: true,
			}),
	],
	['report getMany', () => xpay({ resource: 'report', operation: 'getMany' })],
	[
		'report getMany dated',
		() => xpay({ resource: 'report', operation: 'getMany', referenceDate: '2026-11-01' }),
	],
	[
		'report download',
		() => xpay({ resource: 'report', operation: 'download', reportId: '900002' }),
	],
	[
		'capture',
		() =>
			xpay({
				resource: 'order',
				operation: 'capture',
				transactionCode: 'GOLD-CAPTURE-1',
				amount: 12.34,
			}),
	],
	[
		'refund',
		() =>
			xpay({
				resource: 'order',
				operation: 'refund',
				transactionCode: 'GOLD-REFUND-1',
				amount: 0.07,
			}),
	],
	[
		'link create',
		() =>
			xpay({
				resource: 'payMailLink',
				operation: 'create',
				transactionCode: 'GOLD-LINK-1',
				amount: 25,
				returnUrl: 'https://shop.example/ok',
				additionalFields: { email: 'anna@example.com', description: 'Golden' },
			}),
	],
	[
		'link regenerate',
		() =>
			xpay({ resource: 'payMailLink', operation: 'regenerate', transactionCode: 'GOLD-LINK-1' }),
	],
	[
		'link regenerate with hours',
		() =>
			xpay({
				resource: 'payMailLink',
				operation: 'regenerate',
				transactionCode: 'GOLD-LINK-1',
				additionalFields: { expiresInHours: 48 },
			}),
	],
];

/** Each trigger: Fetch Test Event, the activation check, then a check after something new happened. */
const TRIGGERS: Array<[string, () => Poller, () => void]> = [
	[
		'reporting trigger',
		() =>
			new Poller({
				type: 'n8n-nodes-nexi.nexiReportingTrigger',
				parameters: {
					event: 'newPayout',
					output: 'paymentActions',
					lookbackDays: 1,
					options: { emitExisting: true },
				},
				credentials: checkoutCredentials(sandbox),
			}),
		() => sandbox.reporting.addPayout({ date: '2026-11-20', currency: 'DKK', actions: 3 }),
	],
	[
		'xpay trigger paid links',
		() =>
			new Poller({
				type: 'n8n-nodes-nexi.nexiXPayTrigger',
				parameters: { event: 'payMailLinkPaid', lookbackDays: 30 },
				credentials: xpayCredentials(sandbox),
			}),
		() => sandbox.xpay.pay('GOLD-LINK-1', 'paid'),
	],
	[
		'xpay trigger status changes',
		() =>
			new Poller({
				type: 'n8n-nodes-nexi.nexiXPayTrigger',
				parameters: { event: 'orderStatusChanged', lookbackDays: 3 },
				credentials: xpayCredentials(sandbox),
			}),
		() => {
			sandbox.xpay.orders.get('GOLD-CAPTURE-1')!.stato = 'Contabilizzato';
		},
	],
	[
		'xpay trigger new orders',
		() =>
			new Poller({
				type: 'n8n-nodes-nexi.nexiXPayTrigger',
				parameters: { event: 'newOrder', lookbackDays: 3 },
				credentials: xpayCredentials(sandbox),
			}),
		() => void sandbox.xpay.addOrder({ codiceTransazione: 'GOLD-NEW-2', importo: 888 }),
	],
];

/** What an item is, as text: its JSON and, for files, the binary's metadata and bytes. */
const render = (items: INodeExecutionData[] | null) =>
	(items ?? []).map((item) => ({
		json: item.json,
		binary: item.binary,
		pairedItem: item.pairedItem,
	}));

test('every version 1 operation and trigger outputs exactly what 0.1.0 did', async () => {
	const outputs: Record<string, unknown> = {};
	for (const [label, options] of RUNS) {
		const { items, error } = await runNode(options());
		outputs[label] = error ? { error: error.message } : render(items);
	}
	for (const [label, make, change] of TRIGGERS) {
		const poller = make();
		outputs[`${label}: fetch test event`] = render(await poller.poll('manual'));
		outputs[`${label}: activation`] = render(await poller.poll());
		change();
		outputs[`${label}: next check`] = render(await poller.poll());
	}
	// The sandbox's port is the one thing that differs between runs.
	const text = `${JSON.stringify(outputs, null, 1)}\n`.replaceAll(sandbox.url, 'http://sandbox');
	if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
	expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
});
