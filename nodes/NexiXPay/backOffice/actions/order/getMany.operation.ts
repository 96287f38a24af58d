import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import {
	dateRangeFields,
	filtersCollection,
	limitField,
	readDateRange,
	readLimit,
	returnAllField,
	sortedOptions,
} from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { invalidInput } from '../../../../common/validation';
import { listOrders, simplifyOrder } from '../../domain/orders';
import { ORDER_FILTER_TOKENS, type OrderStatus } from '../../domain/statuses';
import type { XPayClient } from '../../transport/client';
import { requireTransactionCode } from '../../domain/transactionCodes';
import { readWindowOptions, simplifyField, windowOptionsField } from '../common.descriptions';
import { versionBehaviour } from '../versions';

const STATUS_NAMES: Record<string, string> = {
	authorized: 'Authorized',
	captured: 'Captured',
	partially_captured: 'Partially Captured',
	refunded: 'Refunded',
	partially_refunded: 'Partially Refunded',
	cancelled: 'Cancelled',
	declined: 'Declined',
	not_created: 'Not Created',
};

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the orders of a period',
	action: 'Get many orders',
};

export const description: INodeProperties[] = [
	...dateRangeFields(
		'First day of the period (the order date). Only the calendar date is used.',
		'Last day of the period; the range includes this whole day',
	),
	returnAllField,
	limitField(),
	simplifyField,
	filtersCollection([
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'options',
			options: [
				{ name: 'All', value: 'All' },
				{ name: 'Cards', value: 'CartaCredito' },
				{ name: 'MyBank', value: 'MyBank' },
				{ name: 'MySi', value: 'MySi' },
				{ name: 'PayPal', value: 'PayPal' },
			],
			default: 'All',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: sortedOptions(
				Object.keys(ORDER_FILTER_TOKENS).map((value) => ({
					name: STATUS_NAMES[value],
					value,
				})),
			),
			default: [],
			description: 'Only orders in these states. Leave empty for all.',
		},
		{
			displayName: 'Transaction Code',
			name: 'transactionCode',
			type: 'string',
			default: '',
			description: 'Only the order with this code',
		},
	]),
	windowOptionsField(
		'orders',
		"Long periods are asked for in windows of this many days (XPay's own limit is not documented; a third party reports 90)",
	),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const node = this.getNode();
	const range = readDateRange(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const statuses = Array.isArray(filters.statuses) ? (filters.statuses as OrderStatus[]) : [];
	const statusTokens = statuses.map((status) => {
		const token = ORDER_FILTER_TOKENS[status];
		if (!token) {
			throw invalidInput(
				node,
				itemIndex,
				'Statuses',
				status,
				`some of ${Object.keys(ORDER_FILTER_TOKENS).join(', ')}`,
			);
		}
		return token;
	});
	const code =
		typeof filters.transactionCode === 'string' && filters.transactionCode.trim() !== ''
			? requireTransactionCode(node, itemIndex, filters.transactionCode)
			: undefined;

	const orders = await listOrders(client, {
		...range,
		transactionCode: code,
		channel: String(filters.channel ?? 'All'),
		statusTokens,
		...readWindowOptions(this, itemIndex, 'orders'),
	});
	const limited = limit === undefined ? orders : orders.slice(0, limit);
	const shape = { payPalIds: versionBehaviour(this.getNode()).payPalCaptureIds };
	return asItems(
		limited.map((order) => (simplify ? simplifyOrder(order, shape) : (order as IDataObject))),
	);
};
