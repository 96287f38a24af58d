/**
 * The fault suites mock the retry module with this: the same number of retries and the same
 * decisions, without the waiting (backoff timing has its own unit tests), and a 400 ms request
 * timeout so that hung answers time out quickly.
 */
export function fastRetries() {
	const actual = jest.requireActual('../../nodes/common/retry');
	return {
		...actual,
		REQUEST_TIMEOUT_MS: 400,
		READ_RETRY_POLICY: { retries: 4, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 60_000 },
	};
}
