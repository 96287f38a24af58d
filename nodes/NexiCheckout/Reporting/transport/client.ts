import type { IDataObject, JsonObject, NodeApiError } from 'n8n-workflow';
import type { ZodType } from 'zod/v4';

import { nexiApiError } from '../../../common/errors';
import {
	credentialAddress,
	type HttpOutcome,
	type ItemCredential,
	type NexiContext,
} from '../../../common/http';
import { exchange, readWithRetries } from '../../../common/reads';
import { tryParseJson } from '../../../common/responses';
import { READ_RETRY_POLICY, REQUEST_TIMEOUT_MS } from '../../../common/retry';
import {
	CHECKOUT_CREDENTIAL,
	CHECKOUT_ENVIRONMENT_NAMES,
	nexiCheckoutBaseUrl,
} from '../../protocol/environment';
import { KEY_REJECTED_HINT, listFieldErrors, nexiErrorFields } from '../../protocol/errors';

export interface GetRequest<T> {
	path: string;
	qs?: IDataObject;
	schema: ZodType<T>;
	/** What a 404 means for this request, in the user's words. */
	notFound?: string;
}

/**
 * The one way the Reporting node talks to Nexi: every request is a read, so it is retried
 * on network failures, 5xx and 429; every answer is checked against its schema; every
 * failure becomes a NodeApiError that says what happened in plain English, keeps Nexi's
 * own code and message, and never carries the request (and so never the key).
 */
export class ReportingClient {
	private constructor(
		private readonly context: NexiContext,
		private readonly itemIndex: number,
		private readonly credential: ItemCredential,
		readonly baseUrl: string,
		readonly environment: string,
	) {}

	static async connect(context: NexiContext, itemIndex: number): Promise<ReportingClient> {
		const { baseUrl, credential } = await credentialAddress(
			context,
			itemIndex,
			CHECKOUT_CREDENTIAL,
			nexiCheckoutBaseUrl,
		);
		return new ReportingClient(
			context,
			itemIndex,
			credential,
			baseUrl,
			String(credential.data.environment ?? 'test'),
		);
	}

	async get<T>(request: GetRequest<T>): Promise<T> {
		const { outcome, parsed } = await readWithRetries(
			async () =>
				await exchange(
					this.context,
					this.credential,
					{
						method: 'GET',
						url: request.path,
						qs: request.qs,
						headers: { Accept: 'application/json' },
						timeout: REQUEST_TIMEOUT_MS,
					},
					request.schema,
				),
		);

		if (outcome.kind === 'failure') throw this.networkError(outcome);
		if (!parsed) throw this.httpError(outcome, request);
		if (parsed.ok) return parsed.value;
		throw nexiApiError(this.context.getNode(), {
			message: `Nexi returned a response this node does not understand: ${parsed.problem}`,
			description: `GET ${request.path} answered HTTP ${outcome.status} with a body that does not match the documented Reporting API. Nothing from it was used.`,
			httpCode: String(outcome.status),
			itemIndex: this.itemIndex,
			detail: { httpCode: String(outcome.status), problem: parsed.problem },
		});
	}

	private networkError(outcome: Extract<HttpOutcome, { kind: 'failure' }>): NodeApiError {
		return nexiApiError(this.context.getNode(), {
			message: `Could not get an answer from Nexi at ${this.baseUrl}`,
			description: `${outcome.message} (network error ${outcome.code}, after ${READ_RETRY_POLICY.retries} retries). Check the credential's environment and that this n8n server can reach the address.`,
			itemIndex: this.itemIndex,
			detail: { networkError: outcome.code },
		});
	}

	private httpError(
		outcome: Extract<HttpOutcome, { kind: 'response' }>,
		request: GetRequest<unknown>,
	): NodeApiError {
		const { status } = outcome;
		const body = tryParseJson(outcome.body) as IDataObject | undefined;
		const nexi = nexiErrorFields(body);
		let message: string;
		let description: string;

		if (status === 400) {
			const fieldErrors = listFieldErrors(body);
			message = `Nexi rejected the request as invalid${fieldErrors.length ? `: ${fieldErrors.join('; ')}` : ''}`;
			description =
				fieldErrors.length > 0
					? `Nexi's field errors: ${fieldErrors.join('; ')}.`
					: `Nexi answered 400 Bad Request${nexi.message ? `: ${nexi.message}` : ''}.`;
		} else if (status === 401) {
			const environment = CHECKOUT_ENVIRONMENT_NAMES[this.environment] ?? this.environment;
			message = `Nexi rejected the secret key for the ${environment} environment`;
			description = `Check the Secret Key and Environment of the Nexi Checkout API credential: ${KEY_REJECTED_HINT.charAt(0).toLowerCase()}${KEY_REJECTED_HINT.slice(1)}`;
		} else if (status === 404) {
			message = request.notFound ?? `Nexi found nothing at ${request.path}`;
			description = 'Nexi answered 404 Not Found.';
		} else if (status === 429) {
			message = 'Nexi is limiting the request rate and kept refusing after several retries';
			description = 'Try again later, or lower "Parallel Requests" in the node options.';
		} else if (status >= 500) {
			message = `Nexi had an internal error${nexi.message ? `: ${nexi.message}` : ''}`;
			description = `Nexi answered HTTP ${status} and still did after ${READ_RETRY_POLICY.retries} retries. This is on Nexi's side; try again later.`;
		} else {
			message = `Nexi answered HTTP ${status}${nexi.message ? `: ${nexi.message}` : ''}`;
			description = `GET ${request.path} was refused.`;
		}
		if (nexi.code || nexi.source) {
			description += ` Nexi's error: ${[nexi.code && `code ${nexi.code}`, nexi.source && `source ${nexi.source}`, nexi.message].filter(Boolean).join(', ')}.`;
		}

		return nexiApiError(this.context.getNode(), {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.itemIndex,
			detail: { httpCode: String(status), ...nexi } as JsonObject,
		});
	}
}
