import { DateTime } from 'luxon';
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { mapConcurrent } from '../../../common/concurrency';
import { todayIn, type DateRange } from '../../../common/dates';
import { nexiApiError } from '../../../common/errors';
import { toMajorUnits } from '../../../common/money';
import {
	DayOverCapError,
	fetchAllWindows,
	splitIntoWindows,
	uniqueBy,
	type DayWindow,
} from '../../../common/windows';
import { XPAY_ZONE, xpayDay } from '../protocol/environment';
import { payMailParameters, type LinkOptions } from '../protocol/payMail';
import { payMailLinkSchema, payMailListSchema, regeneratedLinkSchema } from '../transport/schemas';
import { findOrder } from './orders';
import { linkPaymentStatus, orderPaymentStatus } from './statuses';
import { minorOf, renameKnown, xpayDateToIso } from './values';
import type { Answer, XPayClient } from '../transport/client';

/** ReportPaymail returns at most this many links per search (Nexi's documentation). */
export const PAYMAIL_SEARCH_CAP = 100;

const LINK_FIELDS: Record<string, string> = {
	codiceTransazione: 'transactionCode',
	importo: 'amountMinor',
	divisa: 'currency',
	dataCreazioneLink: 'createdAt',
	circuito: 'cardBrand',
	statoEsteso: 'statusText',
};

/**
 * A PayMail link in English: its payment status in plain words, Nexi's own text beside it. A
 * status text this node does not recognise is `other` here, until the link's order settles it
 * (listLinks does).
 */
export function simplifyLink(raw: IDataObject): IDataObject {
	const minor = minorOf(raw.importo);
	const renamed = renameKnown(raw, LINK_FIELDS);
	return {
		transactionCode: raw.codiceTransazione,
		paymentStatus: linkPaymentStatus(raw.statoEsteso) ?? 'other',
		statusText: raw.statoEsteso ?? null,
		amount: minor === null ? null : toMajorUnits(minor),
		...renamed,
		amountMinor: minor,
		currency: raw.divisa ?? 'EUR',
		createdAt: xpayDateToIso(raw.dataCreazioneLink),
		cardBrand: raw.circuito || null,
	};
}

/** A day XPay cannot list whole becomes an error that says so, for the operation and the trigger alike. */
function explainFullDay(client: XPayClient, error: unknown): unknown {
	if (!(error instanceof DayOverCapError)) return error;
	return new NodeOperationError(
		client.node,
		`More than ${PAYMAIL_SEARCH_CAP} PayMail links were created on ${error.day.toFormat('dd/MM/yyyy')}, and XPay cannot list them all`,
		{
			itemIndex: client.itemIndex,
			description: `XPay returns at most ${PAYMAIL_SEARCH_CAP} links per search and cannot search less than a day, so the list would be incomplete. Nothing is returned rather than a partial list.`,
		},
	);
}

/**
 * Every PayMail link created in the range, oldest first. One search returns at most 100
 * links and has no pages, so the range is searched in windows and any window that comes
 * back full is split again (down to one day) until each is below the cap.
 */
export async function listLinks(
	client: XPayClient,
	range: DateRange,
	options: {
		windowDays: number;
		concurrency: number;
		/** Links whose status no longer matters to the caller are not settled (left `other`). */
		skipSettling?: (transactionCode: string) => boolean;
	},
): Promise<IDataObject[]> {
	const raw = await fetchAllWindows(
		splitIntoWindows(range.from, range.to, options.windowDays),
		async (window: DayWindow) => {
			const answer = await client.readOptional(
				'ReportPaymail',
				{ linkCreatiDal: xpayDay(window.from), linkCreatiAl: xpayDay(window.to) },
				payMailListSchema,
				'list PayMail links',
			);
			return (answer?.paymail ?? []) as IDataObject[];
		},
		{ cap: PAYMAIL_SEARCH_CAP, concurrency: options.concurrency },
	).catch((error: unknown) => {
		throw explainFullDay(client, error);
	});
	// A link without a code (none is documented to lack one) is kept, under its whole content.
	const unique = uniqueBy(raw, (link) =>
		typeof link.codiceTransazione === 'string' ? link.codiceTransazione : JSON.stringify(link),
	);
	const links = unique.map(simplifyLink);
	await settleByOrder(client, unique, links, options);
	return links.sort(
		(a, b) =>
			String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? '')) ||
			String(a.transactionCode).localeCompare(String(b.transactionCode)),
	);
}

/**
 * Links whose status text this node does not recognise get their payment status from their
 * order, read a few at a time: only those links cost an extra read. An order in a state this
 * node does not know leaves the link `other`, with Nexi's own text in statusText.
 */
async function settleByOrder(
	client: XPayClient,
	raw: IDataObject[],
	links: IDataObject[],
	{
		concurrency,
		skipSettling = () => false,
	}: { concurrency: number; skipSettling?: (transactionCode: string) => boolean },
): Promise<void> {
	const unsettled = links
		.map((link, index) => ({ link, text: raw[index].statoEsteso }))
		.filter(
			({ link, text }) =>
				linkPaymentStatus(text) === undefined &&
				typeof link.transactionCode === 'string' &&
				!skipSettling(link.transactionCode),
		);
	await mapConcurrent(unsettled, concurrency, async ({ link }) => {
		link.paymentStatus = orderPaymentStatus(
			await findOrder(client, link.transactionCode as string),
		);
	});
}

/** A PayMail link as asked for: its code, amount in euro cents, lifetime, return page and options. */
export interface LinkRequest {
	code: string;
	minor: number;
	hours: number;
	returnUrl: string;
	options: LinkOptions;
}

/**
 * Creates a PayMail link. The request is sent once: if its answer is lost, today's links are
 * searched for the code before anyone sends it again, and a link that exists is regenerated
 * (a never-used link keeps its URL) to recover its URL.
 */
export async function createLink(client: XPayClient, request: LinkRequest): Promise<IDataObject> {
	const { code, minor, hours } = request;
	const body: IDataObject = {
		codiceTransazione: code,
		importo: minor,
		timeout: hours,
		url: request.returnUrl,
	};
	const parameters = payMailParameters(request.options);
	if (Object.keys(parameters).length > 0) body.parametriAggiuntivi = parameters;
	const answer = await client.write('richiestaPayMail', body, payMailLinkSchema);

	const result = (url: string, operationId: unknown, note?: string): IDataObject => ({
		transactionCode: code,
		url,
		expiresAt: DateTime.now().plus({ hours }).toUTC().toISO(),
		amount: toMajorUnits(minor),
		amountMinor: minor,
		currency: 'EUR',
		operationId: operationId === undefined || operationId === null ? null : String(operationId),
		...(note ? { note } : {}),
	});

	if (answer.kind === 'ok') return result(answer.value.payMailUrl, answer.value.idOperazione);
	if (answer.kind === 'refused' || !answer.delivered) {
		return client.fail(answer, `create a PayMail link for ${code}`);
	}

	// The answer was lost: find out whether the link exists before anyone sends it again.
	const today = todayIn(XPAY_ZONE);
	let exists: boolean | undefined;
	try {
		const links = await listLinks(
			client,
			{ from: today.minus({ days: 1 }), to: today },
			{ windowDays: 2, concurrency: 1 },
		);
		exists = links.some((link) => link.transactionCode === code);
	} catch {
		exists = undefined;
	}
	if (exists === true) {
		// A never-used link regenerated is the same link with a new expiry: this recovers its URL.
		const regenerated = await regenerateLink(client, { code, hours });
		if (regenerated.kind === 'ok') {
			return result(
				regenerated.value.payMailUrl,
				regenerated.value.idOperazione,
				`The answer to the link request was lost (${answer.reason}); the link exists, so its URL was recovered by regenerating it.`,
			);
		}
	}
	throw nexiApiError(client.node, {
		message:
			exists === false
				? `The PayMail link ${code} was not created (${answer.reason})`
				: `The PayMail link request for ${code} has an unknown outcome (${answer.reason})`,
		description:
			exists === false
				? "Searching today's links does not find it, so it is safe to run it again with the same transaction code."
				: `Check the link list (PayMail Link → Get Many) for ${code} before running it again; running it again with the same transaction code cannot make a second link (XPay refuses a duplicate code).`,
		itemIndex: client.itemIndex,
		detail: { reason: answer.reason },
	});
}

/**
 * rigeneraPayMail: a never-used or expired link gets a new expiry (same URL and code); a link
 * whose payment failed gets a new URL under a new code. Not a payment, but not repeatable
 * either (a failed link gets a new code each time), so it is sent once.
 */
export async function regenerateLink(
	client: XPayClient,
	request: { code: string; hours?: number; newCode?: string },
): Promise<
	Answer<{ payMailUrl: string; codiceTransazione?: string | null; idOperazione?: unknown }>
> {
	const body: IDataObject = { codiceTransazione: request.code };
	if (request.hours !== undefined) body.timeout = request.hours;
	if (request.newCode !== undefined) body.nuovoCodiceTransazione = request.newCode;
	return await client.write('rigeneraPayMail', body, regeneratedLinkSchema);
}

/** parametriAggiuntivi as an order detail may carry it: an object, JSON text, or name=value pairs. */
export function parseAdditionalParameters(value: unknown): IDataObject {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (typeof value !== 'string' || value.trim() === '') return {};
	const text = value.trim();
	if (text.startsWith('{')) {
		try {
			const parsed: unknown = JSON.parse(text);
			return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : {};
		} catch {
			return {};
		}
	}
	const extras: IDataObject = {};
	for (const pair of text.split(/[&;\n]/)) {
		const at = pair.indexOf('=');
		if (at > 0) extras[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
	}
	return extras;
}

/**
 * What the next step needs to thank or notify the customer of a paid link: their e-mail and
 * name, and the link's description as given at creation. XPay's list documents none of them,
 * so they come from the link when it carries them and otherwise from its order (read a few
 * at a time): the customer fields of the order detail, and its parametriAggiuntivi.
 */
export async function withCustomer(
	client: XPayClient,
	links: IDataObject[],
	concurrency: number,
): Promise<IDataObject[]> {
	return await mapConcurrent(links, concurrency, async (link) => {
		const order = await findOrder(client, String(link.transactionCode));
		const detail = (order?.dettaglio?.[0] ?? {}) as IDataObject;
		const extras = parseAdditionalParameters(detail.parametriAggiuntivi ?? order?.parametri);
		/** The first of the values that is a text with something in it, or null. */
		const firstText = (...values: unknown[]) => {
			const found = values.find((value) => typeof value === 'string' && value.trim() !== '');
			return typeof found === 'string' ? found : null;
		};
		return {
			...link,
			customer: {
				email: firstText(link.mail, detail.mail, order?.mail, extras.mail),
				firstName: firstText(link.nome, detail.nome, order?.nome, extras.nome),
				lastName: firstText(link.cognome, detail.cognome, order?.cognome, extras.cognome),
			},
			description: firstText(link.descrizione, extras.descrizione),
		};
	});
}
