import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { isoDate, type DateRange } from '../../../common/dates';

import { xpayDay } from '../protocol/environment';
import { reportListSchema } from '../transport/schemas';
import { renameKnown, xpayDateToIso } from './values';
import type { XPayClient } from '../transport/client';

const REPORT_FIELDS: Record<string, string> = {
	idReport: 'reportId',
	nomeReport: 'name',
	tipoReport: 'type',
	formato: 'format',
	dataRiferimento: 'referenceDate',
	dataElaborazione: 'processedAt',
};

/**
 * The processed report instances XPay lists nearest to a reference date (today when none is
 * given), with English field names. Nothing about these items is documented, so each is read
 * leniently: fields this node does not know are kept as they are, and an item without an
 * idReport is still listed, with `reportId` null and a note that it cannot be downloaded.
 */
export async function listReports(
	client: XPayClient,
	referenceDate: DateTime | undefined,
): Promise<IDataObject[]> {
	const body: IDataObject = referenceDate ? { refDate: xpayDay(referenceDate) } : {};
	const answer = await client.readOptional('elencoReport', body, reportListSchema, 'list reports');
	return (answer?.listaReport ?? []).map(simplifyReport);
}

export const NO_REPORT_ID =
	'XPay listed this report without an idReport, so it cannot be downloaded: downloadReport asks for a report by its idReport';

function simplifyReport(item: unknown): IDataObject {
	if (item === null || typeof item !== 'object' || Array.isArray(item)) {
		return { reportId: null, value: item as IDataObject, note: NO_REPORT_ID };
	}
	const report = item as IDataObject;
	const id = reportIdOf(report);
	const renamed = renameKnown(report, REPORT_FIELDS);
	return {
		...renamed,
		reportId: id ?? null,
		...('dataRiferimento' in report
			? { referenceDate: xpayDateToIso(report.dataRiferimento)?.slice(0, 10) ?? null }
			: {}),
		...('dataElaborazione' in report
			? { processedAt: xpayDateToIso(report.dataElaborazione) }
			: {}),
		...(id === undefined ? { note: NO_REPORT_ID } : {}),
	};
}

/** idReport, also when its case differs (IdReport, IDREPORT): a number or text. */
function reportIdOf(report: IDataObject): string | undefined {
	const key = Object.keys(report).find((name) => name.toLowerCase() === 'idreport');
	const value = key === undefined ? undefined : report[key];
	return typeof value === 'string' || typeof value === 'number'
		? String(value).trim() || undefined
		: undefined;
}

/** The day a listed report was processed (or, failing that, the day it covers), YYYY-MM-DD. */
function dayOf(report: IDataObject): string | undefined {
	for (const value of [report.processedAt, report.referenceDate]) {
		if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
	}
	return undefined;
}

/**
 * The report instances processed in a date range. elencoReport only lists the instances
 * nearest to one date, so it is asked for the range's last day, then for the day before the
 * oldest it listed, and so on, until it lists one from before the range's first day, lists
 * nothing new, or cannot be moved further back; each report is kept once. A report whose
 * dates this node cannot read is kept too (no field of these items is documented). At most
 * one request per day of the range: it never loops forever.
 */
export async function listReportsInRange(
	client: XPayClient,
	range: DateRange,
): Promise<IDataObject[]> {
	const first = isoDate(range.from);
	const last = isoDate(range.to);
	const found = new Map<string, IDataObject>();
	const listed = new Set<string>();
	const rounds = Math.round(range.to.diff(range.from, 'days').days) + 1;
	let refDate: DateTime = range.to;
	for (let round = 0; round < rounds; round++) {
		const reports = await listReports(client, refDate);
		let oldest: string | undefined;
		let fresh = 0;
		for (const report of reports) {
			const key = typeof report.reportId === 'string' ? report.reportId : JSON.stringify(report);
			if (listed.has(key)) continue;
			listed.add(key);
			fresh++;
			const day = dayOf(report);
			if (day !== undefined && (oldest === undefined || day < oldest)) oldest = day;
			if (day === undefined || (day >= first && day <= last)) found.set(key, report);
		}
		if (oldest === undefined || oldest <= first || fresh === 0) break;
		const before = DateTime.fromISO(oldest, { zone: 'UTC' }).minus({ days: 1 });
		if (before >= refDate) break;
		refDate = before;
	}
	return [...found.values()].sort((a, b) =>
		String(dayOf(a) ?? '9999').localeCompare(String(dayOf(b) ?? '9999')),
	);
}
