import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import {
	filtersCollection,
	limitField,
	readDateRange,
	returnAllField,
	sortedOptions,
} from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import {
	keepActionTypes,
	listPaymentActions,
	listPaymentActionsInRange,
} from '../../domain/payouts';
import { PAYMENT_ACTION_TYPES } from '../../transport/schemas';
import { simplifyPaymentAction } from '../../domain/simplify';
import type { ReportingClient } from '../../transport/client';
import {
	currencyFilter,
	listOptionsField,
	payoutDateRangeFields,
	payoutIdFields,
	readCurrencyFilter,
	readListOptions,
	readPayoutId,
	readSimplify,
	reportingSimplifyFields,
} from '../common.descriptions';

const ACTION_TYPE_NAMES: Record<(typeof PAYMENT_ACTION_TYPES)[number], string> = {
	CHARGE: 'Charge',
	REFUND: 'Refund',
	CHARGE_FEE: 'Charge Fee',
	REFUND_FEE: 'Refund Fee',
	FEE: 'Fee',
	ADJUSTMENT: 'Adjustment',
	CHARGEBACK: 'Chargeback',
};

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description:
		'List the payment actions (charges, refunds, fees…) of one payout or of every payout in a date range',
	action: 'Get many payment actions',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Payout',
				value: 'payout',
				description: 'The payment actions settled in a single payout',
			},
			{
				name: 'All Payouts in a Date Range',
				value: 'dateRange',
				description:
					'The payment actions of every payout dated in the range: a reconciliation export',
			},
		],
		default: 'payout',
	},
	...updateDisplayOptions({ show: { source: ['payout'] } }, payoutIdFields),
	...payoutDateRangeFields('the payouts whose actions are exported').map((field) => ({
		...field,
		displayOptions: { show: { source: ['dateRange'] } },
	})),
	returnAllField,
	limitField(),
	filtersCollection([
		{
			displayName: 'Action Types',
			name: 'actionTypes',
			type: 'multiOptions',
			options: sortedOptions(
				PAYMENT_ACTION_TYPES.map((value) => ({ name: ACTION_TYPE_NAMES[value], value })),
			),
			default: [],
			description: 'Only these kinds of payment action. Leave empty for all kinds.',
		},
		{
			...currencyFilter,
			displayOptions: { show: { '/source': ['dateRange'] } },
		},
	]),
	...reportingSimplifyFields,
	listOptionsField,
];

export const execute: OperationExecute<ReportingClient> = async function (client, itemIndex) {
	const source = this.getNodeParameter('source', itemIndex, 'payout') as string;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const keep = keepActionTypes(filters.actionTypes);
	const shape = readSimplify(this, itemIndex)
		? (actions: IDataObject[]) => asItems(actions.map(simplifyPaymentAction))
		: asItems;

	if (source === 'dateRange') {
		const range = readDateRange(this, itemIndex);
		const currency = readCurrencyFilter(this.getNode(), itemIndex, filters);
		const options = readListOptions(this, itemIndex);
		return shape(await listPaymentActionsInRange(client, { ...range, currency }, options, keep));
	}

	const payoutId = readPayoutId(this, itemIndex);
	const options = readListOptions(this, itemIndex);
	return shape(await listPaymentActions(client, payoutId, options, keep));
};
