import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toMinorUnits } from '../../../common/money';
import {
	inVersions,
	listOrIdField,
	optionsCollection,
	parallelRequestsField,
	readIdParameter,
	readParallelRequests,
} from '../../../common/parameters';
import { invalidInput, requireWholeNumber } from '../../../common/validation';
import { XPAY_LIST_DEFAULTS } from '../transport/listDefaults';
import { requireTransactionCode } from '../domain/transactionCodes';

/** How version 2 picks the record: from a list of recent ones, or by its code. */
interface RecordPicker {
	displayName: string;
	searchListMethod: 'searchOrders' | 'searchLinks';
	description: string;
}

/**
 * The transaction code of the order or link to act on: a text field in version 1; in version 2
 * a pick from the last 30 days or the code itself (the same values and expressions as before).
 */
export function transactionCodeFields(description: string, pick: RecordPicker): INodeProperties[] {
	return [
		inVersions([1], {
			displayName: 'Transaction Code',
			name: 'transactionCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ORD-2024-0001',
			description,
		}),
		inVersions(
			[2],
			listOrIdField({
				displayName: pick.displayName,
				name: 'transactionCode',
				searchListMethod: pick.searchListMethod,
				idPlaceholder: 'e.g. ORD-2024-0001',
				description: pick.description,
			}),
		),
	];
}

export function readTransactionCode(context: IExecuteFunctions, itemIndex: number): string {
	return requireTransactionCode(
		context.getNode(),
		itemIndex,
		readIdParameter(context, 'transactionCode', itemIndex),
	);
}

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	required: true,
	typeOptions: { minValue: 0.01, numberPrecision: 2 },
	default: 0,
	placeholder: 'e.g. 19.99',
	description: "In the currency's major unit: 12.5 means 12.50 EUR. At most two decimals.",
	hint: 'Not in cents: type 19.99 for 19.99 EUR',
};

/** The Amount field in minor units, checked before any request. */
export function readAmount(context: IExecuteFunctions, itemIndex: number): number {
	const value = context.getNodeParameter('amount', itemIndex);
	const result = toMinorUnits(value);
	if (!result.ok) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Amount',
			value,
			`a positive amount with at most two decimals, such as 19.99 (${result.problem})`,
			'The amount is in major units: 12.5 means 12.50 EUR.',
		);
	}
	return result.minor;
}

/** Which list read in date windows an Options collection belongs to. */
type WindowedList = 'orders' | 'links' | 'warnings';

const WINDOW_LIMITS: Record<WindowedList, { windowDays: number; maxWindowDays: number }> = {
	orders: {
		windowDays: XPAY_LIST_DEFAULTS.orderWindowDays,
		maxWindowDays: XPAY_LIST_DEFAULTS.maxOrderWindowDays,
	},
	links: {
		windowDays: XPAY_LIST_DEFAULTS.linkWindowDays,
		maxWindowDays: XPAY_LIST_DEFAULTS.maxLinkWindowDays,
	},
	warnings: {
		windowDays: XPAY_LIST_DEFAULTS.warningWindowDays,
		maxWindowDays: XPAY_LIST_DEFAULTS.maxWarningWindowDays,
	},
};

/** Options of the XPay lists that have no pages and are read in date windows, and a list's own. */
export function windowOptionsField(
	list: WindowedList,
	daysDescription: string,
	own: INodeProperties[] = [],
): INodeProperties {
	const { windowDays, maxWindowDays } = WINDOW_LIMITS[list];
	const days: INodeProperties = {
		displayName: 'Days per Request',
		name: 'windowDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maxWindowDays },
		default: windowDays,
		description: daysDescription,
	};
	return optionsCollection(
		[days, parallelRequestsField(XPAY_LIST_DEFAULTS), ...own].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	);
}

/** The checked Days per Request and Parallel Requests options. */
export function readWindowOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	list: WindowedList,
): { windowDays: number; concurrency: number } {
	const node = context.getNode();
	const limits = WINDOW_LIMITS[list];
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		windowDays: requireWholeNumber(
			node,
			itemIndex,
			'Days per Request',
			options.windowDays ?? limits.windowDays,
			1,
			limits.maxWindowDays,
		),
		concurrency: readParallelRequests(node, itemIndex, options, XPAY_LIST_DEFAULTS),
	};
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};
