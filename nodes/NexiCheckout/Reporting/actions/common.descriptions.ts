import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import {
	dateRangeFields,
	filtersCollection,
	inVersions,
	listOrIdField,
	optionsCollection,
	parallelRequestsField,
	readIdParameter,
	readLimit,
	readParallelRequests,
	simplifyFields,
} from '../../../common/parameters';
import { requireCurrency, requireHexId, requireWholeNumber } from '../../../common/validation';
import { REPORTING_LIST_DEFAULTS } from '../transport/listDefaults';
import type { ListOptions } from '../domain/payouts';

/** The payout to read: its ID in version 1, a pick from recent payouts or its ID in version 2. */
export const payoutIdFields: INodeProperties[] = [
	inVersions([1], {
		displayName: 'Payout ID',
		name: 'payoutId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 11ebb9ef6a7d4df0b20d59ad574e9761',
		description: 'The ID of the payout: 32 hexadecimal digits, as returned by Payout → Get Many',
	}),
	inVersions(
		[2],
		listOrIdField({
			displayName: 'Payout',
			name: 'payoutId',
			searchListMethod: 'searchPayouts',
			idPlaceholder: 'e.g. 11ebb9ef6a7d4df0b20d59ad574e9761',
			description:
				'The payout: pick one of the last 90 days, or give its ID (32 hexadecimal digits)',
		}),
	),
];

export function readPayoutId(context: IExecuteFunctions, itemIndex: number): string {
	return requireHexId(
		context.getNode(),
		itemIndex,
		'Payout ID',
		readIdParameter(context, 'payoutId', itemIndex),
	);
}

export function payoutDateRangeFields(what: string): INodeProperties[] {
	return dateRangeFields(
		`First payout date to include (${what}). Only the calendar date is used.`,
		'Last payout date to include; the range includes this whole day',
	);
}

export const currencyFilter: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: '',
	placeholder: 'e.g. EUR',
	description:
		'Only payouts in this currency (three-letter ISO 4217 code). Leave empty for all currencies.',
};

const { pageSize, maxPageSize } = REPORTING_LIST_DEFAULTS;

/** Filters → Currency, as payout lists and the trigger offer it. */
export const payoutFiltersField: INodeProperties = filtersCollection([currencyFilter]);

export const listOptionsField: INodeProperties = optionsCollection([
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maxPageSize },
		default: pageSize,
		description: `Records asked for per request. ${pageSize} is the API default; pages are always read until the list is complete.`,
	},
	parallelRequestsField(REPORTING_LIST_DEFAULTS),
]);

/** Reads Return All / Limit and the advanced options of a list operation, checked. */
export function readListOptions(context: IExecuteFunctions, itemIndex: number): ListOptions {
	return { ...readPagingOptions(context, itemIndex), limit: readLimit(context, itemIndex) };
}

/** The advanced Page Size and Parallel Requests options, checked. */
export function readPagingOptions(context: IExecuteFunctions, itemIndex: number): ListOptions {
	const node = context.getNode();
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		pageSize: requireWholeNumber(
			node,
			itemIndex,
			'Page Size',
			options.pageSize ?? REPORTING_LIST_DEFAULTS.pageSize,
			1,
			REPORTING_LIST_DEFAULTS.maxPageSize,
		),
		concurrency: readParallelRequests(node, itemIndex, options, REPORTING_LIST_DEFAULTS),
	};
}

/** The optional currency filter: empty means all currencies. */
export function readCurrencyFilter(
	node: INode,
	itemIndex: number,
	filters: IDataObject,
): string | undefined {
	const value = filters.currency;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return undefined;
	}
	return requireCurrency(node, itemIndex, 'Currency', value);
}

/** Simplify: off in version 1 (which had none), on in version 2. */
export const reportingSimplifyFields = simplifyFields(false);

export function readSimplify(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('simplify', itemIndex, false) as boolean;
}
