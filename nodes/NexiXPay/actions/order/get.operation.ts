import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { asItems } from '../../../common/itemLoop';
import type { OperationOption } from '../../../common/router';
import { requireOrder } from '../../orders';
import { operationsOf, simplifyOperation, simplifyOrder } from '../../simplify';
import type { XPayClient } from '../../transport';
import { readTransactionCode, simplifyField, transactionCodeField } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	description: 'Get an order with all its operations (situazioneOrdine)',
	action: 'Get an order',
};

export const description: INodeProperties[] = [
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

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const code = readTransactionCode(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const output = this.getNodeParameter('output', itemIndex, 'order') as string;

	const shape = { payPalIds: this.getNode().typeVersion >= 2 };
	const order = await requireOrder(client, code, `find order ${code}`);
	if (output === 'operations') {
		return asItems(
			operationsOf(order).map((operation) =>
				simplify
					? simplifyOperation(operation, code, shape)
					: ({ codiceTransazione: code, ...operation } as IDataObject),
			),
		);
	}
	return asItems([simplify ? simplifyOrder(order, shape) : (order as IDataObject)]);
}
