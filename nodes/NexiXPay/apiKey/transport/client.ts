import { randomUUID } from 'crypto';

import type { IDataObject, NodeApiError } from 'n8n-workflow';
import type { ZodType } from 'zod/v4';

import { nexiApiError } from '../../../common/errors';
import {
	credentialAddress,
	type HttpOutcome,
	type ItemCredential,
	type NexiContext,
} from '../../../common/http';
import { exchange, readWithRetries, type Exchange } from '../../../common/reads';
import { tryParseJson } from '../../../common/responses';
import { READ_RETRY_POLICY, REQUEST_TIMEOUT_MS } from '../../../common/retry';
import { XPAY_KEY_CREDENTIAL, nexiXPayKeyBaseUrl } from '../protocol/environment';
import { explainError, firstError } from '../protocol/errors';

export interface KeyRequest<T> {
	path: string;
	qs?: IDataObject;
	schema: ZodType<T>;
	/** What a 404 means for this request, in the user's words. */
	notFound?: string;
}

export interface KeyPost<T> extends KeyRequest<T> {
	body: IDataObject;
	/** Sent as Idempotency-Key (captures and refunds): XPay applies one key once. */
	idempotencyKey?: string;
}

/** What a POST that may change something came to: an answer, a refusal, or no answer at all. */
export type PostResult<T> =
	| { kind: 'ok'; value: T }
	| { kind: 'refused'; error: NodeApiError }
	| { kind: 'unknown'; error: NodeApiError };

const ENVIRONMENTS: Record<string, string> = {
	test: 'Test',
	production: 'Production',
	custom: 'Custom',
};

/**
 * The one way the XPay node talks to XPay's API-key platform. Every request carries a fresh
 * Correlation-Id (the API requires one) and the key, added by the credential. Reads are
 * retried on network failures, 429 and 5xx; a POST is sent once, and its caller decides what a
 * lost answer means (money moves read the order back before anything else). Every answer is
 * checked against its schema; every failure becomes a NodeApiError in plain English that keeps
 * XPay's code and description and never carries the request, so never the key.
 */
export class XPayKeyClient {
	private constructor(
		private readonly context: NexiContext,
		private readonly itemIndex: number,
		private readonly credential: ItemCredential,
		readonly baseUrl: string,
		readonly environment: string,
	) {}

	static async connect(context: NexiContext, itemIndex: number): Promise<XPayKeyClient> {
		const { baseUrl, credential } = await credentialAddress(
			context,
			itemIndex,
			XPAY_KEY_CREDENTIAL,
			nexiXPayKeyBaseUrl,
		);
		return new XPayKeyClient(
			context,
			itemIndex,
			credential,
			baseUrl,
			String(credential.data.environment ?? 'test'),
		);
	}

	async get<T>(request: KeyRequest<T>): Promise<T> {
		const { outcome, parsed } = await readWithRetries(async () => await this.send('GET', request));
		if (outcome.kind === 'failure') throw this.networkError(outcome, READ_RETRY_POLICY.retries);
		if (!parsed) throw this.httpError(outcome, 'GET', request);
		if (parsed.ok) return parsed.value;
		throw this.shapeError(outcome, 'GET', request.path, parsed.problem);
	}

	/** Sends a POST once. A 404 with `notFound` and every other refusal come back as `refused`. */
	async post<T>(request: KeyPost<T>): Promise<PostResult<T>> {
		const { outcome, parsed } = await this.send('POST', request);
		if (outcome.kind === 'failure') {
			const error = this.networkError(outcome, 0);
			return { kind: outcome.maybeDelivered ? 'unknown' : 'refused', error };
		}
		if (outcome.status === 429 || outcome.status >= 500)
			return { kind: 'unknown', error: this.httpError(outcome, 'POST', request) };
		if (!parsed) return { kind: 'refused', error: this.httpError(outcome, 'POST', request) };
		if (parsed.ok) return { kind: 'ok', value: parsed.value };
		// A 2xx whose body is not understood: the request was accepted, what it did is unknown.
		return {
			kind: 'unknown',
			error: this.shapeError(outcome, 'POST', request.path, parsed.problem),
		};
	}

	private async send<T>(
		method: 'GET' | 'POST',
		request: KeyRequest<T> & { body?: IDataObject; idempotencyKey?: string },
	): Promise<Exchange<T>> {
		return await exchange(
			this.context,
			this.credential,
			{
				method,
				url: request.path,
				qs: request.qs,
				headers: {
					Accept: 'application/json',
					'Correlation-Id': randomUUID(),
					...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
					...(request.idempotencyKey ? { 'Idempotency-Key': request.idempotencyKey } : {}),
				},
				body: method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined,
				timeout: REQUEST_TIMEOUT_MS,
			},
			request.schema,
			// An empty 2xx body (a link cancel) reads as an empty object.
			{ emptyIsObject: true },
		);
	}

	private networkError(
		outcome: Extract<HttpOutcome, { kind: 'failure' }>,
		retries: number,
	): NodeApiError {
		return nexiApiError(this.context.getNode(), {
			message: `Could not get an answer from XPay at ${this.baseUrl}`,
			description: `${outcome.message} (network error ${outcome.code}${retries ? `, after ${retries} retries` : ''}). Check the credential's environment and that this n8n server can reach the address.`,
			itemIndex: this.itemIndex,
			detail: { networkError: outcome.code },
		});
	}

	private shapeError(
		outcome: Extract<HttpOutcome, { kind: 'response' }>,
		method: string,
		path: string,
		problem: string,
	): NodeApiError {
		return nexiApiError(this.context.getNode(), {
			message: `XPay returned a response this node does not understand: ${problem}`,
			description: `${method} ${path} answered HTTP ${outcome.status} with a body that does not match XPay's documented API. Nothing from it was used.`,
			httpCode: String(outcome.status),
			itemIndex: this.itemIndex,
			detail: { httpCode: String(outcome.status), problem },
		});
	}

	private httpError(
		outcome: Extract<HttpOutcome, { kind: 'response' }>,
		method: string,
		request: KeyRequest<unknown>,
	): NodeApiError {
		const { status } = outcome;
		const nexi = firstError(tryParseJson(outcome.body));
		let message: string;
		let description: string;
		if (status === 401) {
			const environment = ENVIRONMENTS[this.environment] ?? this.environment;
			message = `XPay rejected the API key for the ${environment} environment`;
			description =
				'Check the API Key and Environment of the Nexi XPay API Key credential: a test key works only with Test, a production key only with Production.';
		} else if (status === 404) {
			message = request.notFound ?? `XPay found nothing at ${request.path}`;
			description = 'XPay answered 404 Not Found.';
		} else if (nexi) {
			message = explainError(nexi);
			description = `XPay answered HTTP ${status} to ${method} ${request.path}.`;
		} else if (status === 429) {
			message = 'XPay is limiting the request rate and kept refusing after several retries';
			description = 'Try again later.';
		} else if (status >= 500) {
			message = 'XPay had an internal error';
			description = `XPay answered HTTP ${status}. This is on XPay's side; try again later.`;
		} else {
			message = `XPay answered HTTP ${status}`;
			description = `${method} ${request.path} was refused.`;
		}
		return nexiApiError(this.context.getNode(), {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.itemIndex,
			nexi: nexi ? { code: nexi.code, message: nexi.description } : undefined,
			detail: { httpCode: String(status), ...(nexi ? { nexiCode: nexi.code } : {}) },
		});
	}
}
