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
 * given), with English field names; fields this node does not know are kept as they are.
 */
export async function listReports(
	client: XPayClient,
	referenceDate: DateTime | undefined,
): Promise<IDataObject[]> {
	const body: IDataObject = referenceDate ? { refDate: xpayDay(referenceDate) } : {};
	const answer = await client.readOptional('elencoReport', body, reportListSchema, 'list reports');
	return (answer?.listaReport ?? []).map((report) => {
		const renamed = renameKnown(report as IDataObject, REPORT_FIELDS);
		return {
			...renamed,
			reportId: String(report.idReport),
			...('dataRiferimento' in report
				? { referenceDate: xpayDateToIso(report.dataRiferimento)?.slice(0, 10) ?? null }
				: {}),
			...('dataElaborazione' in report
				? { processedAt: xpayDateToIso(report.dataElaborazione) }
				: {}),
		};
	});
}
