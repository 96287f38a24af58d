import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import {
	dateRangeFields,
	filtersCollection,
	limitField,
	readDateRange,
	readLimit,
	returnAllField,
} from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { requireTransactionCode } from '../../domain/transactionCodes';
import type { XPayClient } from '../../transport/client';
import { listWarnings } from '../../domain/warnings';
import { readWindowOptions, windowOptionsField } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the payments whose 3-D Secure data had a problem, in a period',
	action: 'Get many 3-D Secure warnings',
};

export const description: INodeProperties[] = [
	...dateRangeFields(
		'First day of the period (the payment date). Only the calendar date is used.',
		'Last day of the period; the range includes this whole day',
	),
	returnAllField,
	limitField(),
	filtersCollection([
		{
			displayName: 'Transaction Code',
			name: 'transactionCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. ORD-2024-0001',
			description: 'Only the warnings of the payment with this code',
		},
	]),
	windowOptionsField(
		'warnings',
		'Long periods are asked for in windows of this many days; the results are the same whatever this is',
	),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const range = readDateRange(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const transactionCode =
		typeof filters.transactionCode === 'string' && filters.transactionCode.trim() !== ''
			? requireTransactionCode(this.getNode(), itemIndex, filters.transactionCode)
			: undefined;
	const warnings = await listWarnings(client, {
		...range,
		transactionCode,
		...readWindowOptions(this, itemIndex, 'warnings'),
	});
	return asItems(limit === undefined ? warnings : warnings.slice(0, limit));
};
