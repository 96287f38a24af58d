import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { simplifyField } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { simplifyOperation } from '../../domain/orders';
import { getOperation } from '../../domain/orderReads';
import type { XPayKeyClient } from '../../transport/client';
import { readPlainId } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	description: 'Get one payment, capture, refund, void or cancel',
	action: 'Get an operation',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation ID',
		name: 'operationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 829023675869933329',
		description: 'The operation ID XPay gave (in an order’s operations, or a notification)',
	},
	simplifyField,
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const operationId = readPlainId(this, itemIndex, 'operationId', 'Operation ID');
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const operation = await getOperation(client, operationId);
	return asItems([simplify ? simplifyOperation(operation) : (operation as IDataObject)]);
};
