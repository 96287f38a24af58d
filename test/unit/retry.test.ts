import {
	backoffDelay,
	parseRetryAfter,
	withRetries,
	type RetryPolicy,
} from '../../nodes/common/retry';

const fast: RetryPolicy = { retries: 3, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 50 };

describe('backoffDelay', () => {
	const policy: RetryPolicy = {
		retries: 4,
		baseDelayMs: 400,
		maxDelayMs: 10_000,
		maxRetryAfterMs: 60_000,
	};

	test.each([
		[0, 200, 400],
		[1, 400, 800],
		[2, 800, 1600],
		[5, 5000, 10_000],
		[20, 5000, 10_000],
	])('attempt %i waits between %i and %i ms', (attempt, min, max) => {
		expect(backoffDelay(attempt, policy, () => 0)).toBe(min);
		expect(backoffDelay(attempt, policy, () => 0.999999)).toBe(max);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-21T10:00:00Z');
	test.each([
		['3', 3000],
		['0', 0],
		['1.5', 1500],
		['Sat, 21 Nov 2026 10:00:05 GMT', 5000],
		['Sat, 21 Nov 2026 09:59:00 GMT', 0],
		[['2'], 2000],
	])('%p → %i ms', (header, ms) => {
		expect(parseRetryAfter(header, now)).toBe(ms);
	});

	test.each([[undefined], [''], ['soon'], [42]])('%p is ignored', (header) => {
		expect(parseRetryAfter(header, now)).toBeUndefined();
	});
});

describe('withRetries', () => {
	test('stops as soon as an outcome is final', async () => {
		let calls = 0;
		const result = await withRetries(
			async () => ++calls,
			(n) => ({ retry: n < 3 }),
			fast,
		);
		expect(result).toBe(3);
		expect(calls).toBe(3);
	});

	test('gives up after the policy and hands back the last outcome', async () => {
		let calls = 0;
		const result = await withRetries(
			async () => ++calls,
			() => ({ retry: true }),
			fast,
		);
		expect(calls).toBe(4);
		expect(result).toBe(4);
	});

	test('does not wait for a Retry-After longer than the policy allows', async () => {
		let calls = 0;
		await withRetries(
			async () => ++calls,
			() => ({ retry: true, afterMs: 51 }),
			fast,
		);
		expect(calls).toBe(1);
	});

	test('honours a short Retry-After', async () => {
		let calls = 0;
		const started = Date.now();
		await withRetries(
			async () => ++calls,
			(n) => ({ retry: n < 2, afterMs: 40 }),
			fast,
		);
		expect(calls).toBe(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(35);
	});
});
