import type { IDataObject, JsonObject, NodeApiError } from 'n8n-workflow';
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
import {
	CHECKOUT_CREDENTIAL,
	CHECKOUT_ENVIRONMENT_NAMES,
	nexiCheckoutBaseUrl,
} from '../../protocol/environment';
import { KEY_REJECTED_HINT, listFieldErrors, nexiErrorFields } from '../../protocol/errors';
import { explainCode } from '../protocol/errors';

export interface PaymentRequest<T> {
	path: string;
	schema: ZodType<T>;
	/** What a 404 means for this request, in the user's words. */
	notFound?: string;
}

export interface PaymentWrite<T> extends PaymentRequest<T> {
	method: 'POST' | 'PUT';
	body?: IDataObject;
	/** Sent as Idempotency-Key (charges and refunds): Checkout applies one key once. */
	idempotencyKey?: string;
}

/** What a write came to: an answer, a refusal, or no answer at all (it may have been applied). */
export type WriteResult<T> =
	| { kind: 'ok'; value: T }
	| { kind: 'refused'; error: NodeApiError }
	| { kind: 'unknown'; error: NodeApiError };

/**
 * The one way the Nexi Checkout node talks to Checkout's Payment API, with the secret key the
 * credential adds. Reads are retried on network failures and 5xx, but a 429 only when Checkout
 * says when (it allows 30 reads of one payment an hour); a write is sent once, and its caller
 * decides what a lost answer means (money moves read the payment back). Every answer is
 * checked against its schema; every failure becomes a NodeApiError in plain English that keeps
 * Checkout's code and message and never carries the request, so never the key.
 */
export class CheckoutClient {
	private constructor(
		private readonly context: NexiContext,
		private readonly itemIndex: number,
		private readonly credential: ItemCredential,
		readonly baseUrl: string,
		readonly environment: string,
	) {}

	static async connect(context: NexiContext, itemIndex: number): Promise<CheckoutClient> {
		const { baseUrl, credential } = await credentialAddress(
			context,
			itemIndex,
			CHECKOUT_CREDENTIAL,
			nexiCheckoutBaseUrl,
		);
		return new CheckoutClient(
			context,
			itemIndex,
			credential,
			baseUrl,
			String(credential.data.environment ?? 'test'),
		);
	}

	/** The credential's Webhook Authorization, trimmed ('' when none is set): never put in an item. */
	get webhookAuthorization(): string {
		return String(this.credential.data.webhookAuthorization ?? '').trim();
	}

	async get<T>(request: PaymentRequest<T>): Promise<T> {
		const { outcome, parsed } = await readWithRetries(async () => await this.send('GET', request), {
			hourlyRateLimit: true,
		});
		if (outcome.kind === 'failure') throw this.networkError(outcome, READ_RETRY_POLICY.retries);
		if (!parsed) throw this.httpError(outcome, 'GET', request);
		if (parsed.ok) return parsed.value;
		throw this.shapeError(outcome, 'GET', request.path, parsed.problem);
	}

	/** Sends a write once. */
	async write<T>(request: PaymentWrite<T>): Promise<WriteResult<T>> {
		const { outcome, parsed } = await this.send(request.method, request);
		if (outcome.kind === 'failure') {
			const error = this.networkError(outcome, 0);
			return { kind: outcome.maybeDelivered ? 'unknown' : 'refused', error };
		}
		if (outcome.status === 429 || outcome.status >= 500)
			return { kind: 'unknown', error: this.httpError(outcome, request.method, request) };
		if (!parsed)
			return { kind: 'refused', error: this.httpError(outcome, request.method, request) };
		if (parsed.ok) return { kind: 'ok', value: parsed.value };
		// A 2xx whose body is not understood: the request was accepted, what it did is unknown.
		return {
			kind: 'unknown',
			error: this.shapeError(outcome, request.method, request.path, parsed.problem),
		};
	}

	private async send<T>(
		method: 'GET' | 'POST' | 'PUT',
		request: PaymentRequest<T> & { body?: IDataObject; idempotencyKey?: string },
	): Promise<Exchange<T>> {
		return await exchange(
			this.context,
			this.credential,
			{
				method,
				url: request.path,
				headers: {
					Accept: 'application/json',
					...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
					...(request.idempotencyKey ? { 'Idempotency-Key': request.idempotencyKey } : {}),
				},
				body: method === 'GET' ? undefined : JSON.stringify(request.body ?? {}),
				timeout: REQUEST_TIMEOUT_MS,
			},
			request.schema,
			// Updates, cancels and terminations answer 204 with no body.
			{ emptyIsObject: true },
		);
	}

	private networkError(
		outcome: Extract<HttpOutcome, { kind: 'failure' }>,
		retries: number,
	): NodeApiError {
		return nexiApiError(this.context.getNode(), {
			message: `Could not get an answer from Nexi Checkout at ${this.baseUrl}`,
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
			message: `Nexi Checkout returned a response this node does not understand: ${problem}`,
			description: `${method} ${path} answered HTTP ${outcome.status} with a body that does not match the documented Payment API. Nothing from it was used.`,
			httpCode: String(outcome.status),
			itemIndex: this.itemIndex,
			detail: { httpCode: String(outcome.status), problem },
		});
	}

	private httpError(
		outcome: Extract<HttpOutcome, { kind: 'response' }>,
		method: string,
		request: PaymentRequest<unknown>,
	): NodeApiError {
		const { status } = outcome;
		const body = tryParseJson(outcome.body) as IDataObject | undefined;
		const nexi = nexiErrorFields(body);
		const explained = explainCode(nexi.code);
		const fieldErrors = listFieldErrors(body);
		let message: string;
		let description: string;
		if (status === 401) {
			const environment = CHECKOUT_ENVIRONMENT_NAMES[this.environment] ?? this.environment;
			message = `Nexi rejected the secret key for the ${environment} environment`;
			description = `Check the Secret Key and Environment of the Nexi Checkout API credential: ${KEY_REJECTED_HINT.charAt(0).toLowerCase()}${KEY_REJECTED_HINT.slice(1)}`;
		} else if (status === 404) {
			message = request.notFound ?? `Nexi Checkout found nothing at ${request.path}`;
			description = 'Nexi answered 404 Not Found.';
		} else if (status === 429) {
			message = 'Nexi Checkout is limiting the requests for this payment';
			description =
				'Checkout allows 30 reads of one payment an hour. Wait, then run the item again; nothing was changed.';
		} else if (explained || nexi.message) {
			message = explained ?? `Nexi Checkout refused the request: ${nexi.message}`;
			description = `Nexi answered HTTP ${status} to ${method} ${request.path}.`;
		} else if (fieldErrors.length > 0) {
			message = `Nexi Checkout rejected the request as invalid: ${fieldErrors.join('; ')}`;
			description = `Nexi answered 400 Bad Request to ${method} ${request.path}.`;
		} else if (status >= 500) {
			message = 'Nexi Checkout had an internal error';
			description = `Nexi answered HTTP ${status}. This is on Nexi's side; try again later.`;
		} else if (status === 405 || status === 409) {
			message = 'Nexi Checkout does not allow this for the payment in its current state';
			description = `Nexi answered HTTP ${status} to ${method} ${request.path}.`;
		} else {
			message = `Nexi Checkout answered HTTP ${status}`;
			description = `${method} ${request.path} was refused.`;
		}
		if (nexi.code || nexi.message)
			description += ` Nexi's error: ${[nexi.code && `code ${nexi.code}`, nexi.source && `source ${nexi.source}`, nexi.message].filter(Boolean).join(', ')}.`;
		return nexiApiError(this.context.getNode(), {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.itemIndex,
			nexi:
				nexi.code || nexi.message
					? { code: nexi.code ?? '', message: nexi.message ?? '' }
					: undefined,
			detail: { httpCode: String(status), ...nexi } as JsonObject,
		});
	}
}
