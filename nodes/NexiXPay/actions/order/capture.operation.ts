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
	transactionCodeField(
		'The code of the authorized order to capture (the codTrans it was paid with)',
	),
	{
		...amountField,
		description:
			'How much to capture, in major units (12.5 means 12.50 EUR). Less than the authorized amount captures part of it.',
	},
	currencyField,
	{
		displayName:
			'Captures are never retried automatically: if the answer is lost, the node reads the order and reports whether the capture was applied',
		name: 'captureNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['capture'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await moveMoney.call(this, client, itemIndex, 'capture');
}
