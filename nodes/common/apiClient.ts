import type { ICredentialDataDecryptedObject, IDataObject, NodeApiError } from 'n8n-workflow';
import type { ZodType } from 'zod/v4';

import { nexiApiError } from './errors';
import { credentialAddress, type HttpOutcome, type ItemCredential, type NexiContext } from './http';
import { readWithRetries, type Exchange } from './reads';
import { READ_RETRY_POLICY } from './retry';

/** What a request names for its errors: where it went, and what a 404 means to the user. */
export interface RequestLabel {
	path: string;
	/** What a 404 means for this request, in the user's words. */
	notFound?: string;
}

/** A request to a JSON API: where, with what query, and the shape its answer must have. */
export interface JsonRequest<T> extends RequestLabel {
	qs?: IDataObject;
	schema: ZodType<T>;
}

/** What a write came to: an answer, a refusal, or no answer at all (it may have been applied). */
export type WriteResult<T> =
	| { kind: 'ok'; value: T }
	| { kind: 'refused'; error: NodeApiError }
	| { kind: 'unknown'; error: NodeApiError };

/** How an API's errors name it: "Could not get an answer from <name>", "<documented>". */
export interface ApiNames {
	name: string;
	documented: string;
}

export type Response = Extract<HttpOutcome, { kind: 'response' }>;

/** A credential read once for an item, and the address it points at. */
export interface Connection {
	context: NexiContext;
	itemIndex: number;
	credential: ItemCredential;
	baseUrl: string;
	environment: string;
}

/**
 * Reads a credential once for an item and works out its API's address: what every JSON API
 * client of the package starts from.
 */
export async function connection(
	context: NexiContext,
	itemIndex: number,
	credentialType: string,
	resolve: (credentials: ICredentialDataDecryptedObject) => string,
): Promise<Connection> {
	const { baseUrl, credential } = await credentialAddress(
		context,
		itemIndex,
		credentialType,
		resolve,
	);
	return {
		context,
		itemIndex,
		credential,
		baseUrl,
		environment: String(credential.data.environment ?? 'test'),
	};
}

/**
 * What the package's JSON API clients share: a read retried as reads may be, a write sent
 * once and sorted into answered, refused or unknown, and the errors of a request that got no
 * answer or an answer nobody documented, in the API's own words. Each client adds how its API
 * is called and what its refusals mean (`httpError`).
 */
export abstract class JsonApiClient {
	protected constructor(
		protected readonly connection: Connection,
		private readonly names: ApiNames,
	) {}

	get baseUrl(): string {
		return this.connection.baseUrl;
	}

	get environment(): string {
		return this.connection.environment;
	}

	/** An API refusal (a non-2xx answer) in the user's words, with the API's own code kept. */
	protected abstract httpError(
		outcome: Response,
		method: string,
		request: RequestLabel,
	): NodeApiError;

	/** A read: retried (see readWithRetries), then its checked value or the error that explains it. */
	protected async read<T>(
		attempt: () => Promise<Exchange<T>>,
		request: RequestLabel,
		options: { hourlyRateLimit?: boolean } = {},
	): Promise<T> {
		const { outcome, parsed } = await readWithRetries(attempt, options);
		if (outcome.kind === 'failure') throw this.networkError(outcome, READ_RETRY_POLICY.retries);
		if (!parsed) throw this.httpError(outcome, 'GET', request);
		if (parsed.ok) return parsed.value;
		throw this.shapeError(outcome, 'GET', request.path, parsed.problem);
	}

	/**
	 * A write's one attempt, sorted: an answer; a refusal (nothing was applied); or unknown, when
	 * the request may have been applied but its answer is lost (a network failure after sending,
	 * 429 or 5xx, a 2xx nobody understands).
	 */
	protected written<T>(
		{ outcome, parsed }: Exchange<T>,
		method: string,
		request: RequestLabel,
	): WriteResult<T> {
		if (outcome.kind === 'failure') {
			const error = this.networkError(outcome, 0);
			return { kind: outcome.maybeDelivered ? 'unknown' : 'refused', error };
		}
		if (outcome.status === 429 || outcome.status >= 500)
			return { kind: 'unknown', error: this.httpError(outcome, method, request) };
		if (!parsed) return { kind: 'refused', error: this.httpError(outcome, method, request) };
		if (parsed.ok) return { kind: 'ok', value: parsed.value };
		return {
			kind: 'unknown',
			error: this.shapeError(outcome, method, request.path, parsed.problem),
		};
	}

	protected networkError(
		outcome: Extract<HttpOutcome, { kind: 'failure' }>,
		retries: number,
	): NodeApiError {
		return nexiApiError(this.connection.context.getNode(), {
			message: `Could not get an answer from ${this.names.name} at ${this.baseUrl}`,
			description: `${outcome.message} (network error ${outcome.code}${retries ? `, after ${retries} retries` : ''}). Check the credential's environment and that this n8n server can reach the address.`,
			itemIndex: this.connection.itemIndex,
			detail: { networkError: outcome.code },
		});
	}

	protected shapeError(
		outcome: Response,
		method: string,
		path: string,
		problem: string,
	): NodeApiError {
		return nexiApiError(this.connection.context.getNode(), {
			message: `${this.names.name} returned a response this node does not understand: ${problem}`,
			description: `${method} ${path} answered HTTP ${outcome.status} with a body that does not match ${this.names.documented}. Nothing from it was used.`,
			httpCode: String(outcome.status),
			itemIndex: this.connection.itemIndex,
			detail: { httpCode: String(outcome.status), problem } as IDataObject as never,
		});
	}
}
