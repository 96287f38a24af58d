import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requireDate } from '../../../common/dates';
import { asItems } from '../../../common/itemLoop';
import type { OperationOption } from '../../../common/router';
import { listReports } from '../../reports';
import type { XPayClient } from '../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the processed instances of the scheduled reports (elencoReport)',
	action: 'Get many reports',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Reference Date',
		name: 'referenceDate',
		type: 'dateTime',
		default: '',
		description:
			'XPay lists the processed report instances nearest to this date. Leave empty for today. Reports must first be set up in the XPay back office (Report section).',
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const value = this.getNodeParameter('referenceDate', itemIndex, '');
	const referenceDate =
		value === '' || value === undefined || value === null
			? undefined
			: requireDate(this.getNode(), itemIndex, 'Reference Date', value, this.getTimezone());
	return asItems(await listReports(client, referenceDate));
}
