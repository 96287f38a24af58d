import { sleep } from 'n8n-workflow';

export interface RetryPolicy {
	/** Further attempts after the first one. */
	retries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for: the call fails instead. */
	maxRetryAfterMs: number;
}

/** How long one request may take before it counts as failed (a read is then tried again). */
export const REQUEST_TIMEOUT_MS = 30_000;

export const READ_RETRY_POLICY: RetryPolicy = {
	retries: 4,
	baseDelayMs: 400,
	maxDelayMs: 10_000,
	maxRetryAfterMs: 60_000,
};

/** What a classifier says about one attempt's outcome. */
export type RetryDecision = { retry: false } | { retry: true; afterMs?: number };

/**
 * Exponential backoff with "full jitter": a random wait up to the exponential ceiling,
 * so that many workflows failing together do not come back in lockstep.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
	const text = Array.isArray(header) ? header[0] : header;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const trimmed = text.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const at = Date.parse(trimmed);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - nowMs);
}

/**
 * Calls `attempt` until the classifier says the outcome is final or the policy is spent,
 * and returns the last outcome either way: the caller decides what a final failure means.
 * Only for requests that are safe to repeat: writes never come through here.
 */
export async function withRetries<T>(
	attempt: () => Promise<T>,
	classify: (outcome: T) => RetryDecision,
	policy: RetryPolicy,
): Promise<T> {
	for (let n = 0; ; n++) {
		const outcome = await attempt();
		const decision = classify(outcome);
		if (!decision.retry || n >= policy.retries) return outcome;
		if (decision.afterMs !== undefined && decision.afterMs > policy.maxRetryAfterMs) return outcome;
		await sleep(decision.afterMs ?? backoffDelay(n, policy));
	}
}
