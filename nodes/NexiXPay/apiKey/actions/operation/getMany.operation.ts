import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { filtersCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { simplifyOperation } from '../../domain/orders';
import { listOperations, type OperationFilters } from '../../domain/orderReads';
import type { XPayKeyClient } from '../../transport/client';
import { listFields, readList } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the payments, captures, refunds, voids and cancels of a period, newest first',
	action: 'Get many operations',
};

export const description: INodeProperties[] = [
	...listFields('First day of the period (Italian time)'),
	filtersCollection([
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Back Office', value: 'BACKOFFICE', description: 'Captures, refunds and cancels' },
				{ name: 'E-Commerce', value: 'ECOMMERCE', description: 'Payments made online' },
				{ name: 'POS', value: 'POS', description: 'Payments at a physical terminal' },
			],
			default: '',
		},
		{
			displayName: 'Type',
			name: 'operationType',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Authorization', value: 'AUTHORIZATION' },
				{ name: 'Cancel', value: 'CANCEL' },
				{ name: 'Capture', value: 'CAPTURE' },
				{ name: 'Refund', value: 'REFUND' },
				{ name: 'Void', value: 'VOID' },
			],
			default: '',
		},
	]),
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const { range, limit, simplify, filters } = readList(this, itemIndex);
	const query: OperationFilters = {};
	if (filters.operationType) query.operationType = String(filters.operationType);
	if (filters.channel) query.channel = String(filters.channel);
	const operations = await listOperations(client, range, query, limit);
	return asItems(
		operations.map((operation) =>
			simplify ? simplifyOperation(operation) : (operation as IDataObject),
		),
	);
};
