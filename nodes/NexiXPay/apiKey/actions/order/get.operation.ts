import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { simplifyField } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { linksOf, simplifyOrder } from '../../domain/orders';
import { getOrder } from '../../domain/orderReads';
import type { XPayKeyClient } from '../../transport/client';
import { orderIdField, readOrderId } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	description: 'Get an order with its status, amounts and operations',
	action: 'Get an order',
};

export const description: INodeProperties[] = [
	orderIdField('The order ID your shop or the payment link gave the order'),
	simplifyField,
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const orderId = readOrderId(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const detail = await getOrder(client, orderId);
	if (!simplify) return asItems([detail as IDataObject]);
	return asItems([simplifyOrder(detail.orderStatus, detail.operations ?? [], linksOf(detail))]);
};
