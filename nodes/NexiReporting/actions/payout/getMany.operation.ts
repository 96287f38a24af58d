import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { listPayouts } from '../../payouts';
import type { ReportingClient } from '../../transport';
import {
	currencyFilter,
	listOptionsField,
	payoutDateRangeFields,
	readCurrencyFilter,
	readListOptions,
} from '../common.descriptions';
import { limitField, readDateRange, returnAllField } from '../../../common/parameters';

const properties: INodeProperties[] = [
	...payoutDateRangeFields('payouts are listed by the date Nexi paid them out'),
	returnAllField,
	limitField(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [currencyFilter],
	},
	listOptionsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payout'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: ReportingClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const range = readDateRange(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const currency = readCurrencyFilter(this.getNode(), itemIndex, filters);
	const options = readListOptions(this, itemIndex);
	return (await listPayouts(client, { ...range, currency }, options)) as IDataObject[];
}
