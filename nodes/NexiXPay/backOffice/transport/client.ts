import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';
import type { ZodType } from 'zod/v4';

import { nexiApiError } from '../../../common/errors';
import {
	credentialAddress,
	headerValue,
	isTransientFailure,
	sendOnce,
	transportRetryDecision,
	type HttpOutcome,
	type ItemCredential,
	type NexiContext,
} from '../../../common/http';
import {
	parseRetryAfter,
	READ_RETRY_POLICY,
	REQUEST_TIMEOUT_MS,
	withRetries,
} from '../../../common/retry';
import { nexiXPayBaseUrl, SERVICE_PATH_PREFIX, XPAY_CREDENTIAL } from '../protocol/environment';
import {
	explainXPayError,
	UNSIGNED_ERROR_CODES,
	WRONG_KEY_CODES,
	XPAY_NOT_FOUND,
	xpayErrorHint,
} from '../protocol/errors';
import { MAY_ANSWER_UNSIGNED, verifyResponse, type XPayService } from '../protocol/mac';
import { envelopeSchema } from './schemas';

/** What one XPay answer turned out to be, once its MAC and shape were checked. */
/** `unsigned`: the answer came without a MAC, from a service that may answer so (MAY_ANSWER_UNSIGNED). */
export type Answer<T> = { kind: 'ok'; value: T; unsigned?: true } | Failure;

/** What XPay says of a credential's alias and MAC key (XPayClient.checkKey). */
export type KeyCheck =
	| { kind: 'accepted' }
	| { kind: 'rejected'; error: NodeApiError }
	| { kind: 'unchecked'; reason: string };

/** An answer without a value. */
export type Failure =
	/** A KO whose MAC checked out (or error 50/99, which come without one): Nexi said no. */
	| { kind: 'refused'; code: number; message: string }
	/** Nothing trustworthy came back: the request may or may not have been carried out. */
	| {
			kind: 'unknown';
			reason: string;
			retryable: boolean;
			delivered: boolean;
			networkCode?: string;
			/** Signed, but not with this credential's MAC key. */
			macMismatch?: boolean;
	  };

/** A KO answer as an error that explains Nexi's code in English and keeps its Italian message. */
export function xpayError(
	node: INode,
	itemIndex: number,
	action: string,
	code: number,
	message: string,
	extra?: string,
): NodeApiError {
	const hint = xpayErrorHint(code);
	return nexiApiError(node, {
		message: `Nexi XPay could not ${action}: ${explainXPayError(code)} (error ${code})`,
		description: `Nexi's message: "${message}".${hint ? ` ${hint}` : ''}${extra ? ` ${extra}` : ''}`,
		itemIndex,
		nexi: { code, message },
		detail: { nexiCode: code, nexiMessage: message },
	});
}

/**
 * The one way the XPay node talks to Nexi. The credential's `authenticate` signs each
 * request; this class checks each answer's MAC before reading anything in it. Reads are
 * retried; writes (capture, refund, link creation) are sent once and their answer is
 * handed back as it is, so that an unknown outcome is resolved by reading the order rather
 * than by sending the money-moving request again.
 */
export class XPayClient {
	private constructor(
		private readonly context: NexiContext,
		readonly itemIndex: number,
		private readonly credential: ItemCredential,
		readonly baseUrl: string,
		private readonly macKey: string,
	) {}

	static async connect(context: NexiContext, itemIndex: number): Promise<XPayClient> {
		const { baseUrl, credential } = await credentialAddress(
			context,
			itemIndex,
			XPAY_CREDENTIAL,
			nexiXPayBaseUrl,
		);
		return new XPayClient(
			context,
			itemIndex,
			credential,
			baseUrl,
			String(credential.data.macKey ?? ''),
		);
	}

	get node() {
		return this.context.getNode();
	}

	/**
	 * A read, retried on network errors, 5xx, 429 and cut-off bodies. "Not found" (error 2) is
	 * an answer here, not an error: undefined comes back. Any other refusal, or an answer that
	 * cannot be trusted, throws.
	 */
	async readOptional<T>(
		service: XPayService,
		body: IDataObject,
		schema: ZodType<T>,
		action: string,
	): Promise<T | undefined> {
		return (await this.readOptionalSigned(service, body, schema, action)).value;
	}

	/** The same, saying whether the answer came without a MAC (MAY_ANSWER_UNSIGNED services only). */
	async readOptionalSigned<T>(
		service: XPayService,
		body: IDataObject,
		schema: ZodType<T>,
		action: string,
	): Promise<{ value: T | undefined; unsigned: boolean }> {
		const answer = await this.readAnswer(service, body, schema);
		if (answer.kind === 'refused' && answer.code === XPAY_NOT_FOUND) {
			return { value: undefined, unsigned: false };
		}
		return {
			value: this.unwrap(answer, action),
			unsigned: answer.kind === 'ok' && answer.unsigned === true,
		};
	}

	private async readAnswer<T>(
		service: XPayService,
		body: IDataObject,
		schema: ZodType<T>,
	): Promise<Answer<T>> {
		const { answer } = await withRetries(
			async () => await this.attempt(service, body, schema),
			(result) =>
				result.answer.kind === 'unknown' && result.answer.retryable
					? { retry: true, afterMs: result.retryAfterMs }
					: { retry: false },
			READ_RETRY_POLICY,
		);
		return answer;
	}

	/** A write: sent exactly once. */
	async write<T>(service: XPayService, body: IDataObject, schema: ZodType<T>): Promise<Answer<T>> {
		return (await this.attempt(service, body, schema)).answer;
	}

	/** Turns an answer into its value, or into the error that explains it. */
	unwrap<T>(answer: Answer<T>, action: string): T {
		if (answer.kind === 'ok') return answer.value;
		return this.fail(answer, action);
	}

	/** The error that explains an answer without a value. */
	fail(answer: Failure, action: string): never {
		throw this.failure(answer, action);
	}

	private failure(answer: Failure, action: string): NodeApiError {
		if (answer.kind === 'refused') {
			return xpayError(this.node, this.itemIndex, action, answer.code, answer.message);
		}
		return nexiApiError(this.node, {
			message: `Nexi XPay could not ${action}: ${answer.reason}`,
			description: `No trustworthy answer came from ${this.baseUrl}${answer.retryable ? ` after ${READ_RETRY_POLICY.retries} retries` : ''}${answer.networkCode ? ` (network error ${answer.networkCode})` : ''}.`,
			itemIndex: this.itemIndex,
			detail: { reason: answer.reason },
		});
	}

	/**
	 * Whether XPay accepts this credential's alias and MAC key, asked with an order code that
	 * cannot exist: accepted (a signed answer, such as not found), rejected (with the error that
	 * says so), or unchecked when XPay gives no answer to the question (out of reach, the clock,
	 * a permission), with the reason.
	 */
	async checkKey(action: string): Promise<KeyCheck> {
		const answer = await this.readAnswer(
			'situazioneOrdine',
			{ codiceTransazione: 'N8N-CREDENTIAL-CHECK' },
			envelopeSchema,
		);
		if (
			(answer.kind === 'refused' && WRONG_KEY_CODES.includes(answer.code)) ||
			(answer.kind === 'unknown' && answer.macMismatch === true)
		) {
			return { kind: 'rejected', error: this.failure(answer as Failure, action) };
		}
		if (answer.kind === 'unknown') return { kind: 'unchecked', reason: answer.reason };
		if (answer.kind === 'refused' && answer.code !== XPAY_NOT_FOUND) {
			return { kind: 'unchecked', reason: `XPay answered error ${answer.code}` };
		}
		return { kind: 'accepted' };
	}

	/** downloadReport: a file, or a signed KO answer in JSON. Retried like a read. */
	async download(reportId: string): Promise<{ bytes: Buffer; fileName: string; mimeType: string }> {
		const request = async () =>
			await sendOnce(
				this.context,
				this.credential,
				{
					method: 'GET',
					url: `${SERVICE_PATH_PREFIX}downloadReport`,
					qs: { idReport: reportId },
					timeout: REQUEST_TIMEOUT_MS,
				},
				{ binary: true },
			);
		const outcome = await withRetries(request, transportRetryDecision, READ_RETRY_POLICY);
		const action = `download report ${reportId}`;
		const ok = outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
		const contentType = String(
			(ok && headerValue(outcome.headers, 'content-type')) || 'application/octet-stream',
		);
		// A JSON answer here is an error report; its MAC is checked like any other.
		if (!ok || /json/i.test(contentType) || outcome.body.trimStart().startsWith('{"esito"')) {
			const answer = this.interpret(outcome, envelopeSchema, 'downloadReport');
			if (answer.kind !== 'ok') this.fail(answer, action);
			throw nexiApiError(this.node, {
				message: `Nexi XPay answered the download of report ${reportId} without a file`,
				itemIndex: this.itemIndex,
			});
		}
		const notAFile = notAReportFile(
			outcome.bytes?.length ?? outcome.body.length,
			contentType,
			outcome.body,
		);
		if (notAFile) {
			throw nexiApiError(this.node, {
				message: `Nexi XPay answered the download of report ${reportId} with ${notAFile}, not the report file`,
				description:
					'Nothing was saved as the report. An HTML page is usually a login or error page: check that the report exists for this alias (Report → Get Many) and that it is set up in the XPay back office, then try again.',
				itemIndex: this.itemIndex,
			});
		}
		return {
			bytes: outcome.bytes ?? Buffer.from(outcome.body, 'utf8'),
			fileName:
				fileNameOf(headerValue(outcome.headers, 'content-disposition')) ??
				`report_${reportId}.${extensionOf(contentType)}`,
			mimeType: contentType.split(';')[0].trim(),
		};
	}

	private async attempt<T>(
		service: XPayService,
		body: IDataObject,
		schema: ZodType<T>,
	): Promise<{ answer: Answer<T>; retryAfterMs?: number }> {
		const outcome = await sendOnce(this.context, this.credential, {
			method: 'POST',
			url: `${SERVICE_PATH_PREFIX}${service}`,
			body,
			headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
			timeout: REQUEST_TIMEOUT_MS,
		});
		const retryAfterMs =
			outcome.kind === 'response'
				? parseRetryAfter(headerValue(outcome.headers, 'retry-after'), Date.now())
				: undefined;
		return { answer: this.interpret(outcome, schema, service), retryAfterMs };
	}

	/** Checks transport, JSON, MAC and shape, in that order; nothing is read before the MAC is. */
	private interpret<T>(outcome: HttpOutcome, schema: ZodType<T>, service: XPayService): Answer<T> {
		if (outcome.kind === 'failure') {
			return {
				kind: 'unknown',
				reason: `the connection failed (${FAILURE_WORDS[outcome.code] ?? 'network error'})`,
				retryable: isTransientFailure(outcome),
				delivered: outcome.maybeDelivered,
				networkCode: outcome.code,
			};
		}
		if (outcome.status < 200 || outcome.status >= 300) {
			return {
				kind: 'unknown',
				reason: `Nexi answered HTTP ${outcome.status}`,
				retryable: outcome.status === 429 || outcome.status >= 500,
				// A 4xx from a web server in front of XPay means XPay never saw the request.
				delivered: outcome.status >= 500,
			};
		}
		let parsed: Record<string, unknown>;
		try {
			parsed = JSON.parse(outcome.body) as Record<string, unknown>;
		} catch {
			return {
				kind: 'unknown',
				reason: 'the answer was not valid JSON (cut off?)',
				retryable: true,
				delivered: true,
			};
		}
		const envelope = envelopeSchema.safeParse(parsed);
		if (!envelope.success) {
			return {
				kind: 'unknown',
				reason: 'the answer is not an XPay answer (no esito)',
				retryable: false,
				delivered: true,
			};
		}
		const check = verifyResponse(outcome.body, parsed, this.macKey);
		const code = Number(envelope.data.errore?.codice);
		if (check === 'absent' && envelope.data.esito === 'KO' && UNSIGNED_ERROR_CODES.includes(code)) {
			return { kind: 'refused', code, message: String(envelope.data.errore?.messaggio ?? '') };
		}
		const unsigned = check === 'absent' && MAY_ANSWER_UNSIGNED.includes(service);
		if (check !== 'valid' && !unsigned) {
			const keyHint =
				code === 3
					? ' (it reports error 3, wrong MAC: the MAC Key in the credential is probably not the one of this alias)'
					: '';
			return {
				kind: 'unknown',
				reason: `the answer's MAC does not match, so it is not trusted${keyHint}`,
				retryable: false,
				delivered: true,
				macMismatch: true,
			};
		}
		if (envelope.data.esito === 'KO') {
			return { kind: 'refused', code, message: String(envelope.data.errore?.messaggio ?? '') };
		}
		const value = schema.safeParse(parsed);
		if (!value.success) {
			const issue = value.error.issues[0];
			return {
				kind: 'unknown',
				reason: `the answer does not have the documented shape (${issue.path.join('.') || 'body'}: ${issue.message})`,
				retryable: false,
				delivered: true,
			};
		}
		return unsigned
			? { kind: 'ok', value: value.data, unsigned }
			: { kind: 'ok', value: value.data };
	}
}

// Words rather than codes in messages: n8n replaces a message that contains ECONNREFUSED & co.
const FAILURE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'refused',
	ECONNRESET: 'dropped',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
	ENOTFOUND: 'host not found',
};

/**
 * What a download answered instead of a report, if it did: an empty body, or an HTML page (by
 * its content type or its first characters). Report formats are set up in the back office and
 * none is documented as HTML.
 */
function notAReportFile(size: number, contentType: string, body: string): string | undefined {
	if (size === 0) return 'an empty body';
	const start = body.slice(0, 512).trimStart().toLowerCase();
	if (
		/text\/html/i.test(contentType) ||
		start.startsWith('<!doctype html') ||
		start.startsWith('<html')
	) {
		return 'an HTML page';
	}
	return undefined;
}

function fileNameOf(disposition: unknown): string | undefined {
	if (typeof disposition !== 'string') return undefined;
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
	return match ? decodeURIComponent(match[1]).replace(/[\\/]/g, '_') : undefined;
}

function extensionOf(contentType: string): string {
	if (/csv/i.test(contentType)) return 'csv';
	if (/pdf/i.test(contentType)) return 'pdf';
	if (/excel|spreadsheet/i.test(contentType)) return 'xlsx';
	if (/xml/i.test(contentType)) return 'xml';
	if (/text/i.test(contentType)) return 'txt';
	return 'bin';
}
