import { DateTime } from 'luxon';

import { Poller } from '../helpers/harness';
import { checkoutCredentials, useSandbox } from '../helpers/sandbox';

jest.mock('../../nodes/common/retry', () => {
	// The exactly-once simulation is about state, not about waiting: same retries, no sleeping.
	const actual = jest.requireActual('../../nodes/common/retry');
	return {
		...actual,
		READ_RETRY_POLICY: { retries: 4, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 60_000 },
	};
});

const sandbox = useSandbox({ reporting: { days: 0 } });

const today = () => DateTime.now().setZone('Europe/Rome').toISODate()!;
const daysAgo = (n: number) => DateTime.fromISO(today()).minus({ days: n }).toISODate()!;

function trigger(parameters: Record<string, unknown> = {}) {
	return new Poller({
		type: 'n8n-nodes-nexi.nexiReportingTrigger',
		parameters: { event: 'newPayout', output: 'payout', lookbackDays: 7, ...parameters } as never,
		credentials: checkoutCredentials(sandbox.current),
	});
}

beforeEach(() => {
	sandbox.current.reporting.removeAll();
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
});

describe('Nexi Reporting Trigger', () => {
	test('activation records a baseline and emits nothing; then each new payout once', async () => {
		const old = sandbox.current.reporting.addPayout({
			date: daysAgo(2),
			currency: 'EUR',
			actions: 3,
		});
		const poller = trigger();
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();

		const fresh = sandbox.current.reporting.addPayout({
			date: today(),
			currency: 'SEK',
			actions: 2,
		});
		const emitted = await poller.poll();
		expect(emitted?.map((i) => i.json)).toEqual([fresh]);
		expect(await poller.poll()).toBeNull();
		expect(JSON.stringify(poller.staticData)).toContain(old.id);
	});

	test('a late payout, dated days ago but inside the window, is still emitted, oldest first', async () => {
		const poller = trigger();
		await poller.poll();
		const late = sandbox.current.reporting.addPayout({
			date: daysAgo(5),
			currency: 'EUR',
			actions: 1,
		});
		const now = sandbox.current.reporting.addPayout({ date: today(), currency: 'EUR', actions: 1 });
		const emitted = await poller.poll();
		expect(emitted?.map((i) => i.json.id)).toEqual([late.id, now.id]);
	});

	test('"Emit Existing Payouts on Activation" emits the window once', async () => {
		const a = sandbox.current.reporting.addPayout({
			date: daysAgo(3),
			currency: 'EUR',
			actions: 1,
		});
		const b = sandbox.current.reporting.addPayout({
			date: daysAgo(1),
			currency: 'DKK',
			actions: 1,
		});
		sandbox.current.reporting.addPayout({ date: daysAgo(30), currency: 'DKK', actions: 1 });
		const poller = trigger({ options: { emitExisting: true } });
		expect((await poller.poll())?.map((i) => i.json.id)).toEqual([a.id, b.id]);
		expect(await poller.poll()).toBeNull();
	});

	test('a failed poll throws and leaves the state as it was: nothing skipped, nothing twice', async () => {
		const poller = trigger();
		await poller.poll();
		const payout = sandbox.current.reporting.addPayout({
			date: today(),
			currency: 'EUR',
			actions: 1,
		});
		const before = JSON.stringify(poller.staticData);
		sandbox.current.faults.configure({}, [
			{ fault: 'error500', match: '/report/v1/payouts', times: 5 },
		]);
		await expect(poller.poll()).rejects.toThrow('Nexi had an internal error');
		expect(JSON.stringify(poller.staticData)).toBe(before);
		expect((await poller.poll())?.map((i) => i.json.id)).toEqual([payout.id]);
		expect(await poller.poll()).toBeNull();
	});

	test("a failure while reading a new payout's actions also leaves the state as it was", async () => {
		const poller = trigger({ output: 'paymentActions' });
		await poller.poll();
		const payout = sandbox.current.reporting.addPayout({
			date: today(),
			currency: 'EUR',
			actions: 150,
		});
		sandbox.current.faults.configure({}, [
			{ fault: 'drop', match: `/report/v1/payouts/${payout.id}`, skip: 1, times: 5 },
		]);
		await expect(poller.poll()).rejects.toThrow('Could not get an answer from Nexi');
		const emitted = await poller.poll();
		expect(emitted).toHaveLength(150);
		expect(new Set(emitted!.map((i) => i.json.payoutId))).toEqual(new Set([payout.id]));
	});

	test('output modes: payout with actions inlined, and one item per action', async () => {
		const withActions = trigger({ output: 'payoutWithActions' });
		const perAction = trigger({ output: 'paymentActions' });
		await withActions.poll();
		await perAction.poll();
		const payout = sandbox.current.reporting.addPayout({
			date: today(),
			currency: 'EUR',
			actions: 120,
		});
		const stored = sandbox.current.reporting.list().find((s) => s.payout.id === payout.id)!;
		expect((await withActions.poll())?.map((i) => i.json)).toEqual([
			{ ...payout, numberOfPaymentActions: 120, paymentActions: stored.actions },
		]);
		const rows = await perAction.poll();
		expect(rows?.map((i) => i.json)).toEqual(
			stored.actions.map((a) => ({
				payoutId: payout.id,
				payoutReference: payout.reference,
				payoutDate: payout.date,
				...a,
			})),
		);
	});

	test('several new payouts: their actions are read a few payouts at a time and come out payout by payout, oldest first', async () => {
		const poller = trigger({ output: 'paymentActions' });
		await poller.poll();
		const payouts = [3, 1, 2, 0].map((back) =>
			sandbox.current.reporting.addPayout({ date: daysAgo(back), currency: 'EUR', actions: 2 }),
		);
		sandbox.current.faults.configure({ latencyMs: 150 });
		sandbox.current.requests.length = 0;
		const rows = await poller.poll();
		const oldestFirst = [payouts[0], payouts[2], payouts[1], payouts[3]];
		expect(rows?.map((i) => i.json.payoutId)).toEqual(oldestFirst.flatMap((p) => [p.id, p.id]));
		// All four detail reads were under way together: they reached the sandbox within one answer's latency.
		const details = sandbox.current.requests
			.filter((r) => /\/payouts\/[0-9a-f]+/.test(r.path))
			.map((r) => r.at);
		expect(details).toHaveLength(4);
		expect(Math.max(...details) - Math.min(...details)).toBeLessThan(150);
	});

	test('the currency filter', async () => {
		const poller = trigger({ filters: { currency: 'sek' } });
		await poller.poll();
		sandbox.current.reporting.addPayout({ date: today(), currency: 'EUR', actions: 1 });
		const sek = sandbox.current.reporting.addPayout({ date: today(), currency: 'SEK', actions: 1 });
		expect((await poller.poll())?.map((i) => i.json.id)).toEqual([sek.id]);
		expect(sandbox.current.requests.every((r) => r.query.currency === 'SEK')).toBe(true);
	});

	test('"Fetch test event" shows the latest payout and changes nothing; it says so when there is none', async () => {
		const poller = trigger();
		await expect(poller.poll('manual')).rejects.toThrow(
			/^No payouts dated from .* to .* to show as a sample$/,
		);
		sandbox.current.reporting.addPayout({ date: daysAgo(4), currency: 'EUR', actions: 1 });
		const latest = sandbox.current.reporting.addPayout({
			date: daysAgo(1),
			currency: 'EUR',
			actions: 1,
		});
		const sample = await poller.poll('manual');
		expect(sample?.map((i) => i.json.id)).toEqual([latest.id]);
		expect(poller.staticData).toEqual({});
		// The manual fetch did not take the baseline either: activation still does.
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();
	});

	test('the state holds the window only, not history', async () => {
		const poller = trigger({ lookbackDays: 3 });
		await poller.poll();
		for (let day = 0; day < 3; day++)
			sandbox.current.reporting.addPayout({ date: daysAgo(day), currency: 'EUR', actions: 1 });
		await poller.poll();
		sandbox.current.reporting.removeAll();
		const stale = sandbox.current.reporting.addPayout({
			date: daysAgo(10),
			currency: 'EUR',
			actions: 1,
		});
		await poller.poll();
		const state = poller.staticData.nexiPollState as { seen: Record<string, { day: string }> };
		expect(Object.values(state.seen).every((entry) => entry.day >= daysAgo(3))).toBe(true);
		expect(Object.keys(state.seen)).not.toContain(stale.id);
	});

	test('exactly once: 520 polls with random arrivals, late dates, faults and restarts', async () => {
		let seed = 42;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const lookback = 7;
		const poller = trigger({ lookbackDays: lookback });
		const created: string[] = [];
		const emitted: string[] = [];
		let failures = 0;
		let restarts = 0;

		await poller.poll();
		for (let round = 0; round < 520; round++) {
			const arrivals = random() < 0.5 ? 0 : Math.floor(random() * 4);
			for (let i = 0; i < arrivals; i++) {
				// A third arrive late: dated up to six days back, still inside the window.
				const date = random() < 0.33 ? daysAgo(1 + Math.floor(random() * (lookback - 1))) : today();
				created.push(
					sandbox.current.reporting.addPayout({
						date,
						currency: random() < 0.5 ? 'EUR' : 'SEK',
						actions: 1,
					}).id,
				);
			}
			const faulty = random() < 0.3;
			sandbox.current.faults.configure(
				faulty
					? {
							errorRate: 0.35,
							dropRate: 0.15,
							malformedRate: 0.1,
							rateLimitRate: 0.1,
							retryAfterSeconds: 0,
							seed: round,
						}
					: {},
			);
			try {
				const items = await poller.poll();
				for (const item of items ?? []) emitted.push(item.json.id as string);
			} catch {
				failures++;
			}
			if (random() < 0.08) {
				poller.restart();
				restarts++;
			}
		}
		sandbox.current.faults.clear();
		for (let i = 0; i < 3; i++)
			for (const item of (await poller.poll()) ?? []) emitted.push(item.json.id as string);

		expect(created.length).toBeGreaterThan(300);
		expect(failures).toBeGreaterThan(3);
		expect(restarts).toBeGreaterThan(20);
		expect([...emitted].sort()).toEqual([...created].sort());
		expect(new Set(emitted).size).toBe(emitted.length);
		// eslint-disable-next-line no-console
		console.log(
			`exactly-once simulation: ${created.length} payouts, ${emitted.length} emitted, ${failures} failed polls, ${restarts} restarts`,
		);
	}, 120_000);
});
