import type { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { xpayDay } from './protocol/environment';
import { reportListSchema } from './schemas';
import { renameKnown, xpayDateToIso } from './simplify';
import type { XPayClient } from './transport';

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
