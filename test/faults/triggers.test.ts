import { DateTime } from 'luxon';

import { Poller } from '../helpers/harness';
import { checkoutCredentials, useSandbox, xpayCredentials } from '../helpers/sandbox';

jest.mock('../../nodes/common/retry', () => jest.requireActual('./fast-retries').fastRetries());

/**
 * The exactly-once simulations under every kind of fault: for each trigger and fault, polls at
 * 10, 30 and 50 % of requests faulty (in turn), with records arriving at random, some dated
 * late, and n8n restarting now and then. Whatever fails, each record is emitted once: never
 * twice, never skipped.
 */
const sandbox = useSandbox({ reporting: { days: 0 }, xpay: { orders: 0, links: 0 } });

const RATES = [0.1, 0.3, 0.5];
const POLLS = 45;
const FAULT_SETTINGS = {
	error500: 'errorRate',
	rateLimit: 'rateLimitRate',
	drop: 'dropRate',
	hang: 'hangRate',
	malformed: 'malformedRate',
	tamperMac: 'tamperMacRate',
} as const;
type Fault = keyof typeof FAULT_SETTINGS;
const READ_FAULTS: Fault[] = ['error500', 'rateLimit', 'drop', 'hang', 'malformed'];

export const simulations: Array<{
	trigger: string;
	fault: Fault;
	records: number;
	emitted: number;
	faultyAnswers: number;
	failedPolls: number;
	restarts: number;
}> = [];

afterAll(() => {
	// eslint-disable-next-line no-console
	console.log(
		`trigger simulations under faults: ${simulations.length} runs, ${simulations.reduce((n, s) => n + s.records, 0)} records, ` +
			`${simulations.reduce((n, s) => n + s.emitted, 0)} emitted, ${simulations.reduce((n, s) => n + s.faultyAnswers, 0)} faulty answers, ` +
			`${simulations.reduce((n, s) => n + s.failedPolls, 0)} failed polls, ` +
			`${simulations.reduce((n, s) => n + s.restarts, 0)} restarts`,
	);
});

const today = () => DateTime.now().setZone('Europe/Rome');

interface Scenario {
	faults: Fault[];
	/** Whether n8n restarts now and then (see the Order Status Changed note below). */
	restarts: boolean;
	poller: () => Poller;
	/** Makes this round's changes in the sandbox; returns the keys that must now be emitted. */
	arrive: (random: () => number, known: () => Set<string>) => string[];
	keyOf: (json: Record<string, unknown>) => string;
}

/** Both XPay events, watched over the last three days; their items are known by transaction code. */
const xpayTrigger = (event: string) => () =>
	new Poller({
		type: 'n8n-nodes-nexi.nexiXPayTrigger',
		parameters: { event, lookbackDays: 3 } as never,
		credentials: xpayCredentials(sandbox.current),
	});
const byTransactionCode = (json: Record<string, unknown>) => String(json.transactionCode);

let counter = 0;
const scenarios: Record<string, Scenario> = {
	'Reporting Trigger, New Payout, one item per payment action': {
		faults: READ_FAULTS,
		restarts: true,
		poller: () =>
			new Poller({
				type: 'n8n-nodes-nexi.nexiReportingTrigger',
				parameters: { event: 'newPayout', output: 'paymentActions', lookbackDays: 7 } as never,
				credentials: checkoutCredentials(sandbox.current),
			}),
		arrive: (random) => {
			const keys: string[] = [];
			for (let i = Math.floor(random() * 3); i > 0; i--) {
				// A third arrive late, dated up to six days back.
				const date = (
					random() < 0.33 ? today().minus({ days: 1 + Math.floor(random() * 6) }) : today()
				).toISODate()!;
				const payout = sandbox.current.reporting.addPayout({
					date,
					currency: 'EUR',
					actions: 1 + Math.floor(random() * 3),
				});
				const stored = sandbox.current.reporting.list().find((s) => s.payout.id === payout.id)!;
				keys.push(...stored.actions.map((action) => `${payout.id}/${action.id}`));
			}
			return keys;
		},
		keyOf: (json) => `${String(json.payoutId)}/${String(json.id)}`,
	},
	'XPay Trigger, PayMail Link Paid': {
		faults: [...READ_FAULTS, 'tamperMac'],
		restarts: true,
		poller: xpayTrigger('payMailLinkPaid'),
		arrive: (random) => {
			const xpay = sandbox.current.xpay;
			const code = `SIM-${counter++}`;
			xpay.createLink(
				code,
				100 + counter,
				72,
				'https://x.example',
				{},
				Date.now() - Math.floor(random() * 2 * 86_400_000),
			);
			const open = [...xpay.links.values()].filter((link) => link.state === 'unused');
			if (open.length === 0 || random() < 0.3) return [];
			const link = open[Math.floor(random() * open.length)];
			xpay.pay(link.codiceTransazione, random() < 0.85 ? 'paid' : 'declined');
			return link.state === 'paid' ? [link.codiceTransazione] : [];
		},
		keyOf: byTransactionCode,
	},
	// n8n keeps a trigger's memory only when a check emits something (or on activation), so
	// after a restart an order first seen by a check that emitted nothing is new again, and a
	// change it went through meanwhile has no earlier status to compare with (README, Triggers).
	// This simulation therefore runs without restarts.
	'XPay Trigger, Order Status Changed': {
		faults: [...READ_FAULTS, 'tamperMac'],
		restarts: false,
		poller: xpayTrigger('orderStatusChanged'),
		arrive: (random, known) => {
			const xpay = sandbox.current.xpay;
			if (random() < 0.6) xpay.addOrder({ importo: 100 + counter++ });
			// Only orders a good check has seen can be reported as changed; each changes once.
			const waiting = [...known()]
				.map((code) => xpay.orders.get(code)!)
				.filter((order) => order.stato === 'Autorizzato');
			if (waiting.length === 0 || random() < 0.4) return [];
			const order = waiting[Math.floor(random() * waiting.length)];
			order.stato = 'Contabilizzato';
			order.captured = order.importo;
			return [order.codiceTransazione];
		},
		keyOf: byTransactionCode,
	},
};

beforeEach(() => {
	sandbox.current.reporting.removeAll();
	sandbox.current.xpay.reset({ orders: 0, links: 0 });
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
});

describe.each(Object.entries(scenarios))('%s', (trigger, scenario) => {
	test.each(scenario.faults)(
		`${POLLS} polls with %s at 10, 30 and 50 %%: each record emitted exactly once`,
		async (fault) => {
			let seed = 11 + fault.length;
			const random = () => {
				seed = (seed * 1103515245 + 12345) % 2147483648;
				return seed / 2147483648;
			};
			const poller = scenario.poller();
			const expected: string[] = [];
			const emitted: string[] = [];
			// Orders the sandbox held at the last check that succeeded: those the trigger knows.
			let known = new Set<string>();
			let failedPolls = 0;
			let restarts = 0;
			const poll = async () => {
				const present = new Set(sandbox.current.xpay.orders.keys());
				for (const item of (await poller.poll()) ?? []) emitted.push(scenario.keyOf(item.json));
				known = present;
			};

			await poll();
			for (let round = 0; round < POLLS; round++) {
				expected.push(...scenario.arrive(random, () => known));
				sandbox.current.faults.configure({
					[FAULT_SETTINGS[fault]]: RATES[round % 3],
					retryAfterSeconds: 0,
					hangMs: 1000,
					seed: round,
				});
				try {
					await poll();
				} catch {
					failedPolls++;
				}
				sandbox.current.faults.clear();
				if (scenario.restarts && random() < 0.1) {
					poller.restart();
					restarts++;
				}
			}
			await poll();

			const faultyAnswers = sandbox.current.requests.filter(
				(request) => request.fault === fault,
			).length;
			expect(faultyAnswers).toBeGreaterThan(5);
			expect(expected.length).toBeGreaterThan(10);
			expect([...emitted].sort()).toEqual([...expected].sort());
			expect(new Set(emitted).size).toBe(emitted.length);
			simulations.push({
				trigger,
				fault,
				records: expected.length,
				emitted: emitted.length,
				faultyAnswers,
				failedPolls,
				restarts,
			});
		},
		120_000,
	);
});
