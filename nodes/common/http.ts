import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IHookFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { parseRetryAfter, type RetryDecision } from './retry';

/** Where the nodes call Nexi from: an execution, a trigger's check or webhook, or the editor's lists. */
export type NexiContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** One attempt's outcome, reduced to what retry and error handling need. */
export type HttpOutcome =
	| {
			kind: 'response';
			status: number;
			headers: Record<string, unknown>;
			body: string;
			/** The body's bytes, when they were asked for (file downloads). */
			bytes?: Buffer;
	  }
	| {
			kind: 'failure';
			code: string;
			message: string;
			/** False when the request certainly never reached the server (refused, no such host). */
			maybeDelivered: boolean;
	  };

const NOT_DELIVERED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);
const TRANSIENT = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
	'ERR_BAD_RESPONSE',
	'UND_ERR_SOCKET',
]);

export function isTransientFailure(outcome: HttpOutcome): boolean {
	return outcome.kind === 'failure' && TRANSIENT.has(outcome.code);
}

/** Whether a read is worth sending again after this outcome: a passing network failure, 429 or 5xx (after Retry-After). */
export function transportRetryDecision(outcome: HttpOutcome): RetryDecision {
	if (outcome.kind === 'failure') return { retry: isTransientFailure(outcome) };
	if (outcome.status === 429 || outcome.status >= 500) {
		return {
			retry: true,
			afterMs: parseRetryAfter(headerValue(outcome.headers, 'retry-after'), Date.now()),
		};
	}
	return { retry: false };
}

/** A credential as read once for an item: every request for that item is signed with it. */
export type ItemCredential = ICredentialsDecrypted & { data: ICredentialDataDecryptedObject };

/**
 * Sends one request through n8n's authenticated HTTP helper (the credential's own
 * `authenticate` adds the key or signature) and never throws for an HTTP status or a
 * network failure: both come back as an outcome. The body is read as text so that a
 * malformed body is ours to report rather than a parser crash.
 *
 * The credential read for the item is handed to the helper: without it n8n would load and
 * decrypt the credential again for every page (in a real n8n, a database read each time),
 * and would resolve it for the first item rather than this one.
 */
export async function sendOnce(
	context: NexiContext,
	credential: ItemCredential,
	options: IHttpRequestOptions,
	{ binary = false } = {},
): Promise<HttpOutcome> {
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credential.type,
			{
				...options,
				encoding: binary ? 'arraybuffer' : 'text',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			},
			{ credentialsDecrypted: credential },
		)) as IN8nHttpFullResponse;
		if (binary) {
			const bytes = Buffer.from(response.body as ArrayBuffer);
			return {
				kind: 'response',
				status: response.statusCode,
				headers: response.headers,
				body: bytes.toString('utf8'),
				bytes,
			};
		}
		const body = typeof response.body === 'string' ? response.body : bodyToText(response.body);
		return { kind: 'response', status: response.statusCode, headers: response.headers, body };
	} catch (error) {
		const thrown = error as { cause?: unknown; message?: unknown } | undefined;
		const cause = (thrown?.cause ?? thrown) as { code?: unknown; message?: unknown } | undefined;
		const code = typeof cause?.code === 'string' ? cause.code : undefined;
		if (code === undefined) {
			// Not a network failure: something before the request went wrong (e.g. the credential
			// refused a base URL). Only the message is kept: the original error object can carry
			// the request's headers.
			throw new NodeOperationError(
				context.getNode(),
				String(cause?.message ?? thrown?.message ?? error),
			);
		}
		return {
			kind: 'failure',
			code,
			message: typeof cause?.message === 'string' ? cause.message : code,
			maybeDelivered: !NOT_DELIVERED.has(code),
		};
	}
}

function bodyToText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (body instanceof Buffer) return body.toString('utf8');
	return JSON.stringify(body);
}

/**
 * Reads a credential once for an item and works out its API address, so that a bad custom
 * Base URL is an error on that item before any request. The credential itself is for
 * sendOnce only: the transports keep it private and put no field of it in an item or error.
 */
export async function credentialAddress(
	context: NexiContext,
	itemIndex: number,
	credentialType: string,
	resolve: (credentials: ICredentialDataDecryptedObject) => string,
): Promise<{ baseUrl: string; credential: ItemCredential }> {
	const data = await context.getCredentials(credentialType, itemIndex);
	const chosen = context.getNode().credentials?.[credentialType];
	const credential = { id: chosen?.id ?? '', name: chosen?.name ?? '', type: credentialType, data };
	try {
		return { baseUrl: resolve(data), credential };
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex,
			description: 'Open the credential and correct its Base URL.',
		});
	}
}

export function headerValue(headers: Record<string, unknown>, name: string): unknown {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === wanted) return value;
	}
	return undefined;
}
