import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { DateRange } from '../common/dates';
import { toMajorUnits } from '../common/money';
import {
	DayOverCapError,
	fetchAllWindows,
	splitIntoWindows,
	uniqueBy,
	type DayWindow,
} from '../common/windows';
import { xpayDay } from './actions/common.descriptions';
import { payMailListSchema } from './schemas';
import { linkPaymentStatus, minorOf, renameKnown, xpayDateToIso } from './simplify';
import type { XPayClient } from './transport';

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

/** A PayMail link in English: its payment status in plain words, Nexi's own text beside it. */
export function simplifyLink(raw: IDataObject): IDataObject {
	const minor = minorOf(raw.importo);
	const renamed = renameKnown(raw, LINK_FIELDS);
	return {
		transactionCode: raw.codiceTransazione,
		paymentStatus: linkPaymentStatus(raw.statoEsteso),
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
	options: { windowDays: number; concurrency: number },
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
	const links = uniqueBy(raw.map(simplifyLink), (link) => String(link.transactionCode));
	return links.sort(
		(a, b) =>
			String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? '')) ||
			String(a.transactionCode).localeCompare(String(b.transactionCode)),
	);
}
