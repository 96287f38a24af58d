import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { XPayClient } from '../../transport';
import { amountField, currencyField, transactionCodeField } from '../common.descriptions';
import { moveMoney } from './moveMoney';

const properties: INodeProperties[] = [
	transactionCodeField('The code of the order to refund or cancel'),
	{
		...amountField,
		description:
			'How much to refund, in major units (12.5 means 12.50 EUR). A captured order can be refunded in part; an order that is only authorized can only be cancelled in full.',
	},
	currencyField,
	{
		displayName:
			'On a captured order this refunds the customer; on an order that is only authorized it cancels the authorization. It is never retried automatically.',
		name: 'refundNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['refund'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await moveMoney.call(this, client, itemIndex, 'refund');
}
