import type { IDataObject, JsonObject, NodeApiError } from 'n8n-workflow';

import {
	JsonApiClient,
	connection,
	type Connection,
	type JsonRequest,
	type RequestLabel,
	type Response,
	type WriteResult,
} from '../../../common/apiClient';
import { nexiApiError } from '../../../common/errors';
import type { NexiContext } from '../../../common/http';
import { exchange, type Exchange } from '../../../common/reads';
import { tryParseJson } from '../../../common/responses';
import { REQUEST_TIMEOUT_MS } from '../../../common/retry';
import {
	CHECKOUT_CREDENTIAL,
	CHECKOUT_ENVIRONMENT_NAMES,
	nexiCheckoutBaseUrl,
} from '../../protocol/environment';
import { KEY_REJECTED_HINT, listFieldErrors, nexiErrorFields } from '../../protocol/errors';
import { explainCode } from '../protocol/errors';

export type { WriteResult } from '../../../common/apiClient';

export interface PaymentWrite<T> extends JsonRequest<T> {
	method: 'POST' | 'PUT';
	body?: IDataObject;
	/** Sent as Idempotency-Key (charges and refunds): Checkout applies one key once. */
	idempotencyKey?: string;
}

/**
 * The one way the Nexi Checkout node talks to Checkout's Payment API, with the secret key the
 * credential adds. Reads are retried on network failures and 5xx, but a 429 only when Checkout
 * says when (it allows 30 reads of one payment an hour); a write is sent once, and its caller
 * decides what a lost answer means (money moves read the payment back). Every answer is
 * checked against its schema; every failure becomes a NodeApiError in plain English that keeps
 * Checkout's code and message and never carries the request, so never the key.
 */
export class CheckoutClient extends JsonApiClient {
	private constructor(connected: Connection) {
		super(connected, { name: 'Nexi Checkout', documented: 'the documented Payment API' });
	}

	static async connect(context: NexiContext, itemIndex: number): Promise<CheckoutClient> {
		return new CheckoutClient(
			await connection(context, itemIndex, CHECKOUT_CREDENTIAL, nexiCheckoutBaseUrl),
		);
	}

	/** The credential's Webhook Authorization, trimmed ('' when none is set): never put in an item. */
	get webhookAuthorization(): string {
		return String(this.connection.credential.data.webhookAuthorization ?? '').trim();
	}

	async get<T>(request: JsonRequest<T>): Promise<T> {
		return await this.read(async () => await this.send('GET', request), request, {
			hourlyRateLimit: true,
		});
	}

	/** Sends a write once. */
	async write<T>(request: PaymentWrite<T>): Promise<WriteResult<T>> {
		return this.written(await this.send(request.method, request), request.method, request);
	}

	private async send<T>(
		method: 'GET' | 'POST' | 'PUT',
		request: JsonRequest<T> & { body?: IDataObject; idempotencyKey?: string },
	): Promise<Exchange<T>> {
		return await exchange(
			this.connection.context,
			this.connection.credential,
			{
				method,
				url: request.path,
				qs: request.qs,
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

	protected httpError(outcome: Response, method: string, request: RequestLabel): NodeApiError {
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
		return nexiApiError(this.connection.context.getNode(), {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.connection.itemIndex,
			nexi:
				nexi.code || nexi.message
					? { code: nexi.code ?? '', message: nexi.message ?? '' }
					: undefined,
			detail: { httpCode: String(status), ...nexi } as JsonObject,
		});
	}
}
