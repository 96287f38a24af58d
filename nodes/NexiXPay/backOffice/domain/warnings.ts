import type { IDataObject } from 'n8n-workflow';

import type { DateRange } from '../../../common/dates';
import { toMajorUnits } from '../../../common/money';
import { fetchAllWindows, splitIntoWindows, uniqueBy } from '../../../common/windows';
import { xpayDay } from '../protocol/environment';
import { warningListSchema } from '../transport/schemas';
import { minorOf, renameKnown, xpayDateToIso } from './values';
import type { XPayClient } from '../transport/client';

/**
 * What Nexi's sample and the one third party that reads warnings show, in English. No field of a
 * warning is documented: names this node does not know are kept as they are.
 */
const WARNING_FIELDS: Record<string, string> = {
	codiceTransazione: 'transactionCode',
	codTrans: 'transactionCode',
	importo: 'amountMinor',
	divisa: 'currency',
	dataTransazione: 'date',
	data: 'date',
	brand: 'brand',
	tipoWarning: 'type',
	descrizione: 'description',
	messaggio: 'message',
};

export interface WarningQuery extends DateRange {
	transactionCode?: string;
	windowDays: number;
	concurrency: number;
}

/**
 * The 3-D Secure warnings of the transactions of a period (warning): asked for in windows of
 * whole days, each as a date-time range "dd/mm/yyyy hh:mm:ss" in Italian time, "nothing found"
 * (error 2) an empty window; a warning that shows up in two windows is kept once.
 */
export async function listWarnings(
	client: XPayClient,
	query: WarningQuery,
): Promise<IDataObject[]> {
	const raw = await fetchAllWindows(
		splitIntoWindows(query.from, query.to, query.windowDays),
		async (window) => {
			const body: IDataObject = {
				dataTransazioneDal: `${xpayDay(window.from)} 00:00:00`,
				dataTransazioneAl: `${xpayDay(window.to)} 23:59:59`,
			};
			if (query.transactionCode) body.codiceTransazione = query.transactionCode;
			const { value, unsigned } = await client.readOptionalSigned(
				'warning',
				body,
				warningListSchema,
				'list 3-D Secure warnings',
			);
			// Nexi's sample reads `warnings`; a third party reads `warning`.
			const items: unknown[] = value?.warnings ?? value?.warning ?? [];
			return items.map((item) => ({ item, unsigned }));
		},
		{ concurrency: query.concurrency },
	);
	return uniqueBy(raw, ({ item }) => JSON.stringify(item)).map(({ item, unsigned }) =>
		unsigned ? { ...simplifyWarning(item), note: UNSIGNED_NOTE } : simplifyWarning(item),
	);
}

/** Said on a warning read from an answer without a MAC (accepted for this read-only service). */
const UNSIGNED_NOTE =
	"XPay's answer carried no MAC, so it could not be verified; warnings are read-only and move no money, so it is shown as sent";

function simplifyWarning(item: unknown): IDataObject {
	if (item === null || typeof item !== 'object' || Array.isArray(item)) {
		return { message: typeof item === 'string' ? item : JSON.stringify(item) };
	}
	const warning = item as IDataObject;
	const minor = minorOf(warning.importo);
	return {
		transactionCode: null,
		...renameKnown(warning, WARNING_FIELDS),
		date: xpayDateToIso(warning.dataTransazione ?? warning.data),
		...(minor === null ? {} : { amount: toMajorUnits(minor), amountMinor: minor }),
	};
}
