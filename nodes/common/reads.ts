import type { IHttpRequestOptions } from 'n8n-workflow';
import type { ZodType } from 'zod/v4';

import {
	sendOnce,
	transportRetryDecision,
	type HttpOutcome,
	type ItemCredential,
	type NexiContext,
} from './http';
import { parseJsonBody, type ParseResult } from './responses';
import { READ_RETRY_POLICY, withRetries, type RetryDecision } from './retry';

/** One request and what came of it: the outcome, and a 2xx body checked against its schema. */
export interface Exchange<T> {
	outcome: HttpOutcome;
	parsed?: ParseResult<T>;
}

/**
 * Sends one request (sendOnce) and checks a 2xx body against its schema. With `emptyIsObject`
 * an empty 2xx body (Nexi's 204 No Content) reads as `{}`; otherwise it is a malformed answer.
 */
export async function exchange<T>(
	context: NexiContext,
	credential: ItemCredential,
	options: IHttpRequestOptions,
	schema: ZodType<T>,
	{ emptyIsObject = false } = {},
): Promise<Exchange<T>> {
	const outcome = await sendOnce(context, credential, options);
	if (outcome.kind !== 'response' || outcome.status < 200 || outcome.status >= 300)
		return { outcome };
	const body = emptyIsObject && outcome.body.trim() === '' ? '{}' : outcome.body;
	return { outcome, parsed: parseJsonBody(body, schema) };
}

/**
 * A read, sent again on network failures, 429 and 5xx (after Retry-After) and on a cut-off
 * body, up to READ_RETRY_POLICY: every API's GETs go through here. `attempt` builds each
 * request anew, so a header that must differ per request (XPay's Correlation-Id) can. With
 * `hourlyRateLimit`, a 429 is tried again only when the server says when (Retry-After): an
 * hourly limit does not lift within a retry's seconds, and each retry would count against it.
 */
export async function readWithRetries<T>(
	attempt: () => Promise<Exchange<T>>,
	{ hourlyRateLimit = false } = {},
): Promise<Exchange<T>> {
	return await withRetries(
		attempt,
		(exchanged) => classifyRead(exchanged, hourlyRateLimit),
		READ_RETRY_POLICY,
	);
}

function classifyRead(
	{ outcome, parsed }: Exchange<unknown>,
	hourlyRateLimit: boolean,
): RetryDecision {
	const decision = transportRetryDecision(outcome);
	if (
		hourlyRateLimit &&
		outcome.kind === 'response' &&
		outcome.status === 429 &&
		decision.retry &&
		decision.afterMs === undefined
	)
		return { retry: false };
	if (decision.retry || outcome.kind === 'failure') return decision;
	// A cut-off body is a transport accident, worth another read; valid JSON of the wrong
	// shape would come back the same, so it is not retried.
	return { retry: parsed !== undefined && !parsed.ok && parsed.malformed };
}
