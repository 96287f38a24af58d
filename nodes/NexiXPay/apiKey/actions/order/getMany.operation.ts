import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { filtersCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { simplifyOrder } from '../../domain/orders';
import { listOrders, type OrderFilters } from '../../domain/orderReads';
import type { XPayKeyClient } from '../../transport/client';
import { listFields, readList } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the orders of a period, newest first',
	action: 'Get many orders',
};

export const description: INodeProperties[] = [
	...listFields('First day of the period (the day of the order’s last operation, Italian time)'),
	filtersCollection([
		{
			displayName: 'Custom Field',
			name: 'customField',
			type: 'string',
			default: '',
			description: 'Only orders created with this custom field',
		},
		{
			displayName: 'State',
			name: 'orderState',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Captured', value: 'CAPTURED', description: 'Orders with money captured' },
				{
					name: 'To Capture',
					value: 'TO_CAPTURE',
					description: 'Authorized orders still waiting for a capture',
				},
			],
			default: '',
		},
	]),
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const { range, limit, simplify, filters } = readList(this, itemIndex);
	const query: OrderFilters = {};
	if (filters.orderState) query.orderState = filters.orderState as OrderFilters['orderState'];
	if (typeof filters.customField === 'string' && filters.customField.trim())
		query.customField = filters.customField.trim();
	const orders = await listOrders(client, range, query, limit);
	return asItems(orders.map((order) => (simplify ? simplifyOrder(order) : (order as IDataObject))));
};
