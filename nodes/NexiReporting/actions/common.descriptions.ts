import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { dateRangeFields, readLimit } from '../../common/parameters';
import { requireCurrency, requireWholeNumber } from '../../common/validation';
import { DEFAULT_LIST_OPTIONS, type ListOptions } from '../payouts';

export const MAX_PAGE_SIZE = 1000;
export const MAX_CONCURRENCY = 10;

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
	placeholder: 'EUR',
	description:
		'Only payouts in this currency (three-letter ISO 4217 code). Leave empty for all currencies.',
};

export const listOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
			default: 100,
			description:
				'Records asked for per request. 100 is the API default; pages are always read until the list is complete.',
		},
		{
			displayName: 'Parallel Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: 4,
			description:
				'How many pages are read at the same time after the first one. Results keep the API order whatever this is.',
		},
	],
};

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
			options.pageSize ?? DEFAULT_LIST_OPTIONS.pageSize,
			1,
			MAX_PAGE_SIZE,
		),
		concurrency: requireWholeNumber(
			node,
			itemIndex,
			'Parallel Requests',
			options.concurrency ?? DEFAULT_LIST_OPTIONS.concurrency,
			1,
			MAX_CONCURRENCY,
		),
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
