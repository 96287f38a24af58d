import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import {
	requireOrder,
	orderOperations,
	simplifyOperation,
	simplifyOrder,
} from '../../domain/orders';
import type { XPayClient } from '../../transport/client';
import { readTransactionCode, simplifyField, transactionCodeFields } from '../common.descriptions';
import { versionBehaviour } from '../versions';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	description: 'Get an order with all its captures, refunds and cancellations',
	action: 'Get an order',
};

export const description: INodeProperties[] = [
	...transactionCodeFields('The code of the order (the code it was paid with)', {
		displayName: 'Order',
		searchListMethod: 'searchOrders',
		description: 'The order: pick one of the last 30 days, or give its transaction code',
	}),
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

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const code = readTransactionCode(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const output = this.getNodeParameter('output', itemIndex, 'order') as string;

	const shape = { payPalIds: versionBehaviour(this.getNode()).payPalCaptureIds };
	const order = await requireOrder(client, code, `find order ${code}`);
	if (output === 'operations') {
		return asItems(
			orderOperations(order).map((operation) =>
				simplify
					? simplifyOperation(operation, code, shape)
					: ({ codiceTransazione: code, ...operation } as IDataObject),
			),
		);
	}
	return asItems([simplify ? simplifyOrder(order, shape) : (order as IDataObject)]);
};
