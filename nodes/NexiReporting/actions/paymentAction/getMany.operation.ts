import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireHexId } from '../../../common/validation';
import { KEEP_ALL, listPaymentActions, listPaymentActionsInRange } from '../../payouts';
import { PAYMENT_ACTION_TYPES, type PaymentAction } from '../../schemas';
import type { ReportingClient } from '../../transport';
import {
	currencyFilter,
	listOptionsField,
	payoutDateRangeFields,
	readCurrencyFilter,
	readListOptions,
} from '../common.descriptions';
import { limitField, readDateRange, returnAllField } from '../../../common/parameters';
import { payoutIdField } from '../payout/get.operation';

const ACTION_TYPE_NAMES: Record<(typeof PAYMENT_ACTION_TYPES)[number], string> = {
	CHARGE: 'Charge',
	REFUND: 'Refund',
	CHARGE_FEE: 'Charge Fee',
	REFUND_FEE: 'Refund Fee',
	FEE: 'Fee',
	ADJUSTMENT: 'Adjustment',
	CHARGEBACK: 'Chargeback',
};

const properties: INodeProperties[] = [
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
	{ ...payoutIdField, displayOptions: { show: { source: ['payout'] } } },
	...payoutDateRangeFields('the payouts whose actions are exported').map((field) => ({
		...field,
		displayOptions: { show: { source: ['dateRange'] } },
	})),
	returnAllField,
	limitField(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Action Types',
				name: 'actionTypes',
				type: 'multiOptions',
				options: PAYMENT_ACTION_TYPES.map((value) => ({ name: ACTION_TYPE_NAMES[value], value })),
				default: [],
				description: 'Only these kinds of payment action. Leave empty for all kinds.',
			},
			{
				...currencyFilter,
				displayOptions: { show: { '/source': ['dateRange'] } },
			},
		],
	},
	listOptionsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['paymentAction'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: ReportingClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const source = this.getNodeParameter('source', itemIndex, 'payout') as string;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const keep = actionTypeFilter(filters.actionTypes);

	if (source === 'dateRange') {
		const range = readDateRange(this, itemIndex);
		const currency = readCurrencyFilter(this.getNode(), itemIndex, filters);
		const options = readListOptions(this, itemIndex);
		return await listPaymentActionsInRange(client, { ...range, currency }, options, keep);
	}

	const payoutId = requireHexId(
		this.getNode(),
		itemIndex,
		'Payout ID',
		this.getNodeParameter('payoutId', itemIndex),
	);
	const options = readListOptions(this, itemIndex);
	return await listPaymentActions(client, payoutId, options, keep);
}

function actionTypeFilter(selected: unknown): (action: PaymentAction) => boolean {
	if (!Array.isArray(selected) || selected.length === 0) return KEEP_ALL;
	const wanted = new Set(selected.map(String));
	return (action) => wanted.has(String(action.paymentAction));
}
