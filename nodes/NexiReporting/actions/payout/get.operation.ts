import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireHexId } from '../../../common/validation';
import { getPayout } from '../../payouts';
import type { ReportingClient } from '../../transport';
import { listOptionsField, readPagingOptions } from '../common.descriptions';

export const payoutIdField: INodeProperties = {
	displayName: 'Payout ID',
	name: 'payoutId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '11ebb9ef6a7d4df0b20d59ad574e9761',
	description: 'The ID of the payout: 32 hexadecimal digits, as returned by Payout → Get Many',
};

const properties: INodeProperties[] = [
	payoutIdField,
	{
		displayName: 'Include Payment Actions',
		name: 'includePaymentActions',
		type: 'boolean',
		default: false,
		description:
			'Whether to add every payment action of the payout (charges, refunds, fees…) to the output, reading all their pages',
	},
	{ ...listOptionsField, displayOptions: { show: { includePaymentActions: [true] } } },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payout'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: ReportingClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const payoutId = requireHexId(
		this.getNode(),
		itemIndex,
		'Payout ID',
		this.getNodeParameter('payoutId', itemIndex),
	);
	const withActions = this.getNodeParameter('includePaymentActions', itemIndex, false) as boolean;
	const options = withActions
		? readPagingOptions(this, itemIndex)
		: { pageSize: 1, concurrency: 1 };
	return [(await getPayout(client, payoutId, withActions, options)) as IDataObject];
}
