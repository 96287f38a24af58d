import type { IDataObject, JsonObject, NodeApiError } from 'n8n-workflow';

import {
	JsonApiClient,
	connection,
	type Connection,
	type JsonRequest,
	type RequestLabel,
	type Response,
} from '../../../common/apiClient';
import { nexiApiError } from '../../../common/errors';
import type { NexiContext } from '../../../common/http';
import { exchange } from '../../../common/reads';
import { tryParseJson } from '../../../common/responses';
import { READ_RETRY_POLICY, REQUEST_TIMEOUT_MS } from '../../../common/retry';
import {
	CHECKOUT_CREDENTIAL,
	CHECKOUT_ENVIRONMENT_NAMES,
	nexiCheckoutBaseUrl,
} from '../../protocol/environment';
import { KEY_REJECTED_HINT, listFieldErrors, nexiErrorFields } from '../../protocol/errors';

/**
 * The one way the Reporting node talks to Nexi: every request is a read, so it is retried
 * on network failures, 5xx and 429; every answer is checked against its schema; every
 * failure becomes a NodeApiError that says what happened in plain English, keeps Nexi's
 * own code and message, and never carries the request (and so never the key).
 */
export class ReportingClient extends JsonApiClient {
	private constructor(connected: Connection) {
		super(connected, { name: 'Nexi', documented: 'the documented Reporting API' });
	}

	static async connect(context: NexiContext, itemIndex: number): Promise<ReportingClient> {
		return new ReportingClient(
			await connection(context, itemIndex, CHECKOUT_CREDENTIAL, nexiCheckoutBaseUrl),
		);
	}

	async get<T>(request: JsonRequest<T>): Promise<T> {
		return await this.read(
			async () =>
				await exchange(
					this.connection.context,
					this.connection.credential,
					{
						method: 'GET',
						url: request.path,
						qs: request.qs,
						headers: { Accept: 'application/json' },
						timeout: REQUEST_TIMEOUT_MS,
					},
					request.schema,
				),
			request,
		);
	}

	protected httpError(outcome: Response, _method: string, request: RequestLabel): NodeApiError {
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

		return nexiApiError(this.connection.context.getNode(), {
			message,
			description,
			httpCode: String(status),
			itemIndex: this.connection.itemIndex,
			detail: { httpCode: String(status), ...nexi } as JsonObject,
		});
	}
}
