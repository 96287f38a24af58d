import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireDateRange, type DateRange } from './dates';
import { requireWholeNumber } from './validation';

/** The From Date / To Date pair both nodes use for date-filtered lists. */
export function dateRangeFields(fromDescription: string, toDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'From Date',
			name: 'fromDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: fromDescription,
		},
		{
			displayName: 'To Date',
			name: 'toDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: toDescription,
		},
	];
}

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export function limitField(show: IDataObject = {}): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false], ...show } },
	};
}

/** Undefined when Return All is on. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = context.getNodeParameter('limit', itemIndex);
	return requireWholeNumber(
		context.getNode(),
		itemIndex,
		'Limit',
		limit,
		1,
		Number.MAX_SAFE_INTEGER,
	);
}

export function readDateRange(context: IExecuteFunctions, itemIndex: number): DateRange {
	return requireDateRange(
		context.getNode(),
		itemIndex,
		{
			from: ['From Date', context.getNodeParameter('fromDate', itemIndex, '')],
			to: ['To Date', context.getNodeParameter('toDate', itemIndex, '')],
		},
		context.getTimezone(),
	);
}

/** How far back a polling trigger looks: the window inside which late records are still caught. */
export function lookbackDaysField(description: string): INodeProperties {
	return {
		displayName: 'Lookback Days',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 90 },
		default: 7,
		description,
	};
}
