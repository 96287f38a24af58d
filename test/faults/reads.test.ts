import { runNode } from '../helpers/harness';
import { checkoutCredentials, useSandbox, xpayCredentials } from '../helpers/sandbox';

jest.mock('../../nodes/common/retry', () => jest.requireActual('./fast-retries').fastRetries());

const sandbox = useSandbox();

const RATES = [0.1, 0.3, 0.5];
const FAULTS = ['error500', 'rateLimit', 'drop', 'hang', 'malformed'] as const;

/** The only errors a read may end with once its retries are spent: clear, never a partial list. */
const CLEAR_ERRORS = [
	/^Nexi had an internal error/,
	/^Nexi is limiting the request rate/,
	/^Could not get an answer from Nexi at /,
	/^Nexi returned a response this node does not understand: the body is not valid JSON/,
	/^Nexi XPay could not list (orders|PayMail links): (the connection failed|Nexi answered HTTP|the answer was not valid JSON)/,
];

export const outcomes: Array<{
	list: string;
	fault: string;
	rate: number;
	result: 'complete' | 'clear error';
}> = [];

let bigPayout: string;
beforeAll(() => {
	bigPayout = sandbox.current.reporting.addPayout({
		date: '2019-06-03',
		currency: 'EUR',
		actions: 1000,
	}).id;
	for (let i = 0; i < 250; i++)
		sandbox.current.xpay.createLink(
			`FAULT-${i}`,
			100 + i,
			24,
			'https://x.example',
			{},
			Date.parse('2025-02-03T09:00:00Z') + i * 20 * 60_000,
		);
});

afterAll(() => {
	const summary = RATES.map((rate) => {
		const runs = outcomes.filter((o) => o.rate === rate);
		return `${rate * 100}%: ${runs.filter((o) => o.result === 'complete').length} complete, ${runs.filter((o) => o.result === 'clear error').length} clear errors, 0 partial`;
	});
	// eslint-disable-next-line no-console
	console.log(`reads under faults: ${summary.join('; ')}`);
});

const lists = {
	'payouts (half a year, 3 pages)': {
		run: () =>
			runNode({
				parameters: {
					resource: 'payout',
					operation: 'getMany',
					fromDate: '2026-01-01',
					toDate: '2026-06-30',
					returnAll: true,
				},
				credentials: checkoutCredentials(sandbox.current),
			}),
		expected: () =>
			sandbox.current.reporting
				.list()
				.filter(({ payout }) => payout.date >= '2026-01-01' && payout.date <= '2026-06-30')
				.map(({ payout }) => payout.id),
		id: 'id',
	},
	'payment actions (1,000, 10 pages)': {
		run: () =>
			runNode({
				parameters: {
					resource: 'paymentAction',
					operation: 'getMany',
					payoutId: bigPayout,
					returnAll: true,
				},
				credentials: checkoutCredentials(sandbox.current),
			}),
		expected: () =>
			sandbox.current.reporting
				.list()
				.find(({ payout }) => payout.id === bigPayout)!
				.actions.map((a) => a.id),
		id: 'id',
	},
	'PayMail links (250, past the 100 cap)': {
		run: () =>
			runNode({
				type: 'n8n-nodes-nexi.nexiXPay',
				parameters: {
					resource: 'payMailLink',
					operation: 'getMany',
					fromDate: '2025-02-01',
					toDate: '2025-02-28',
					returnAll: true,
				},
				credentials: xpayCredentials(sandbox.current),
			}),
		expected: () => Array.from({ length: 250 }, (_, i) => `FAULT-${i}`),
		id: 'transactionCode',
	},
};

describe.each(Object.entries(lists))('%s', (list, { run, expected, id }) => {
	test.each(RATES.flatMap((rate) => FAULTS.map((fault) => [fault, rate] as const)))(
		'%s at %p: complete and exact, or a clear error',
		async (fault, rate) => {
			const key = {
				error500: 'errorRate',
				rateLimit: 'rateLimitRate',
				drop: 'dropRate',
				hang: 'hangRate',
				malformed: 'malformedRate',
			}[fault];
			sandbox.current.faults.configure({
				[key]: rate,
				retryAfterSeconds: 0,
				hangMs: 1000,
				seed: Math.round(rate * 100) + fault.length,
			});
			const { items, error } = await run();
			sandbox.current.faults.clear();
			if (error) {
				expect(items).toEqual([]);
				expect(CLEAR_ERRORS.some((pattern) => pattern.test(error.message))).toBe(true);
				outcomes.push({ list, fault, rate, result: 'clear error' });
			} else {
				expect(items.map((item) => item.json[id])).toEqual(expected());
				outcomes.push({ list, fault, rate, result: 'complete' });
			}
		},
	);
});
