import { randomUUID } from 'crypto';

import type { IDataObject, NodeApiError } from 'n8n-workflow';

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
import { XPAY_KEY_CREDENTIAL, nexiXPayKeyBaseUrl } from '../protocol/environment';
import { explainError, firstError } from '../protocol/errors';

export interface KeyPost<T> extends JsonRequest<T> {
	body: IDataObject;
	/** Sent as Idempotency-Key (captures and refunds): XPay applies one key once. */
	idempotencyKey?: string;
}

/** What a POST that may change something came to: an answer, a refusal, or no answer at all. */
export type PostResult<T> = WriteResult<T>;

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
export class XPayKeyClient extends JsonApiClient {
	private constructor(connected: Connection) {
		super(connected, { name: 'XPay', documented: "XPay's documented API" });
	}

	static async connect(context: NexiContext, itemIndex: number): Promise<XPayKeyClient> {
		return new XPayKeyClient(
			await connection(context, itemIndex, XPAY_KEY_CREDENTIAL, nexiXPayKeyBaseUrl),
		);
	}

	async get<T>(request: JsonRequest<T>): Promise<T> {
		return await this.read(async () => await this.send('GET', request), request);
	}

	/** Sends a POST once. A 404 with `notFound` and every other refusal come back as `refused`. */
	async post<T>(request: KeyPost<T>): Promise<PostResult<T>> {
		return this.written(await this.send('POST', request), 'POST', request);
	}

	private async send<T>(
		method: 'GET' | 'POST',
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

	protected httpError(outcome: Response, method: string, request: RequestLabel): NodeApiError {
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
		return nexiApiError(this.connection.context.getNode(), {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.connection.itemIndex,
			nexi: nexi ? { code: nexi.code, message: nexi.description } : undefined,
			detail: { httpCode: String(status), ...(nexi ? { nexiCode: nexi.code } : {}) },
		});
	}
}
