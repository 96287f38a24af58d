import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import type { DateRange } from './dates';
import { requireDateRange, requireWholeNumber } from './validation';

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

function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** The Options collection of a node or trigger: the settings most users leave alone. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Options', 'options', 'Add option', options);
}

/** The Filters collection of a list: what narrows it, all optional. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('Filters', 'filters', 'Add filter', options);
}

/** The Additional Fields collection of an operation: what it may send besides its required fields. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Additional Fields', 'additionalFields', 'Add field', options);
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
	return requireWholeNumber(context.getNode(), itemIndex, 'Limit', limit, 1);
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

/** A trigger's lookback window: its default and its largest value. */
export interface LookbackLimits {
	lookbackDays: number;
	maxLookbackDays: number;
}

/** How far back a polling trigger looks: the window inside which late records are still caught. */
export function lookbackDaysField(
	description: string,
	{ lookbackDays, maxLookbackDays }: LookbackLimits,
): INodeProperties {
	return {
		displayName: 'Lookback Days',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maxLookbackDays },
		default: lookbackDays,
		description,
	};
}

export function readLookbackDays(context: IPollFunctions, limits: LookbackLimits): number {
	const value = context.getNodeParameter('lookbackDays', limits.lookbackDays);
	return requireWholeNumber(
		context.getNode(),
		0,
		'Lookback Days',
		value,
		1,
		limits.maxLookbackDays,
	);
}

/** A polling trigger's choice to emit, on its first check, what is already in its lookback window. */
export const emitExistingField: INodeProperties = {
	displayName: 'Emit Existing on Activation',
	name: 'emitExisting',
	type: 'boolean',
	default: false,
	description:
		'Whether the first check after activation emits what is already in the lookback window (once), instead of only remembering it',
};

/** How many requests a list may have in flight: its default and its largest value. */
export interface ConcurrencyLimits {
	concurrency: number;
	maxConcurrency: number;
}

/** The Parallel Requests option of every list that reads several pages or windows. */
export function parallelRequestsField({
	concurrency,
	maxConcurrency,
}: ConcurrencyLimits): INodeProperties {
	return {
		displayName: 'Parallel Requests',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maxConcurrency },
		default: concurrency,
		description:
			'How many requests are sent at the same time. The results keep their order whatever this is.',
	};
}

/** The checked Parallel Requests value of a list's Options. */
export function readParallelRequests(
	node: INode,
	itemIndex: number,
	options: IDataObject,
	limits: ConcurrencyLimits,
): number {
	const value = options.concurrency ?? limits.concurrency;
	return requireWholeNumber(node, itemIndex, 'Parallel Requests', value, 1, limits.maxConcurrency);
}

/** A field shown only in some versions of its node: how a new default or type leaves saved workflows alone. */
export function inVersions(versions: number[], field: INodeProperties): INodeProperties {
	return {
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, '@version': versions },
		},
	};
}

/** n8n's standard Simplify switch, on by default. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Simplify in a node with two versions: off by default in version 1 (where it was off or absent), on in version 2. */
export function simplifyFields(versionOneDefault: boolean): INodeProperties[] {
	return [
		inVersions([1], { ...simplifyField, default: versionOneDefault }),
		inVersions([2], simplifyField),
	];
}

export interface ListOrIdOptions {
	displayName: string;
	name: string;
	/** The node's listSearch method that fills "From List". */
	searchListMethod: string;
	idPlaceholder: string;
	description: string;
}

/**
 * A resource locator: pick the record from a searchable list of recent ones, or give its ID,
 * by hand or from an expression, as the string field of version 1 took it.
 */
export function listOrIdField(options: ListOrIdOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.idPlaceholder,
			},
		],
	};
}

/** A string or resource locator parameter's value (the ID, whichever way it was given). */
export function readIdParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): unknown {
	return context.getNodeParameter(name, itemIndex, '', { extractValue: true });
}

/** Options in alphabetical order, as n8n's guidelines want lists of five or more. */
export function sortedOptions<T extends { name: string }>(options: T[]): T[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}

/** Properties shown only where `show` holds as well (a node that speaks two APIs: each one's for its Authentication). */
export function shownOnlyWith(
	show: Record<string, string[]>,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	}));
}
