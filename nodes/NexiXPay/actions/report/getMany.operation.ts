import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireDate } from '../../../common/dates';
import { reportListSchema } from '../../schemas';
import { renameKnown, xpayDateToIso } from '../../simplify';
import type { XPayClient } from '../../transport';
import { xpayDay } from '../common.descriptions';

const REPORT_FIELDS: Record<string, string> = {
	idReport: 'reportId',
	nomeReport: 'name',
	tipoReport: 'type',
	formato: 'format',
	dataRiferimento: 'referenceDate',
	dataElaborazione: 'processedAt',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Reference Date',
		name: 'referenceDate',
		type: 'dateTime',
		default: '',
		description:
			'XPay lists the processed report instances nearest to this date. Leave empty for today. Reports must first be set up in the XPay back office (Report section).',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const value = this.getNodeParameter('referenceDate', itemIndex, '');
	const body: IDataObject = {};
	if (value !== '' && value !== undefined && value !== null) {
		body.refDate = xpayDay(
			requireDate(this.getNode(), itemIndex, 'Reference Date', value, this.getTimezone()),
		);
	}
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
