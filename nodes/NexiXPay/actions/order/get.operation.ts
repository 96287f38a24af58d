import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { xpayError } from '../../errors';
import { findOrder } from '../../orders';
import { operationsOf, simplifyOperation, simplifyOrder } from '../../simplify';
import type { XPayClient } from '../../transport';
import {
	requireTransactionCode,
	simplifyField,
	transactionCodeField,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	transactionCodeField('The code of the order (the codTrans it was paid with)'),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'The Order',
				value: 'order',
				description: 'One item: the order with all its operations',
			},
			{
				name: 'One Item per Operation',
				value: 'operations',
				description: 'One item for each capture, refund or cancellation of the order',
			},
		],
		default: 'order',
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const code = requireTransactionCode(
		this.getNode(),
		itemIndex,
		this.getNodeParameter('transactionCode', itemIndex),
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const output = this.getNodeParameter('output', itemIndex, 'order') as string;

	const order = await findOrder(client, code);
	if (!order)
		throw xpayError(this.getNode(), itemIndex, `find order ${code}`, 2, 'Nessun ordine trovato');

	if (output === 'operations') {
		return operationsOf(order).map((operation) =>
			simplify
				? simplifyOperation(operation, code)
				: ({ codiceTransazione: code, ...operation } as IDataObject),
		);
	}
	return [simplify ? simplifyOrder(order) : (order as IDataObject)];
}
