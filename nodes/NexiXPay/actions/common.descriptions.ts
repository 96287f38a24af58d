import type { DateTime } from 'luxon';
import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { toMinorUnits } from '../../common/money';
import { invalidInput, requireWholeNumber } from '../../common/validation';

/** ISO 4217 numeric codes, which XPay requests take (answers use the letters). */
export const CURRENCIES: Record<string, string> = {
	EUR: '978',
	USD: '840',
	GBP: '826',
	CHF: '756',
};

const TRANSACTION_CODE = /^[\x21-\x7e]{2,30}$/;

export function transactionCodeField(description: string): INodeProperties {
	return {
		displayName: 'Transaction Code',
		name: 'transactionCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ORD-2024-0001',
		description,
	};
}

export function requireTransactionCode(
	node: INode,
	itemIndex: number,
	value: unknown,
	field = 'Transaction Code',
): string {
	const code = typeof value === 'string' ? value.trim() : value;
	if (typeof code !== 'string' || !TRANSACTION_CODE.test(code)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			value,
			'2 to 30 characters without spaces (letters, digits and symbols such as - _ .), as XPay transaction codes are',
		);
	}
	return code;
}

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	required: true,
	typeOptions: { minValue: 0.01, numberPrecision: 2 },
	default: 0,
	placeholder: '19.99',
	description: "In the currency's major unit: 12.5 means 12.50 EUR. At most two decimals.",
};

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'options',
	options: Object.keys(CURRENCIES).map((code) => ({ name: code, value: code })),
	default: 'EUR',
	description:
		'XPay terminals settle in EUR; another currency works only where Nexi enabled it for the terminal',
};

/** The amount in minor units and the currency's codes, checked before any request. */
export function readMoney(
	context: IExecuteFunctions,
	itemIndex: number,
): { minor: number; currency: string; numeric: string } {
	const node = context.getNode();
	const value = context.getNodeParameter('amount', itemIndex);
	const result = toMinorUnits(value);
	if (!result.ok) {
		throw invalidInput(
			node,
			itemIndex,
			'Amount',
			value,
			`a positive amount with at most two decimals, such as 19.99 (${result.problem})`,
			'The amount is in major units: 12.5 means 12.50 EUR.',
		);
	}
	const currency = String(context.getNodeParameter('currency', itemIndex, 'EUR'))
		.trim()
		.toUpperCase();
	const numeric = CURRENCIES[currency];
	if (!numeric) {
		throw invalidInput(
			node,
			itemIndex,
			'Currency',
			currency,
			`one of ${Object.keys(CURRENCIES).join(', ')}`,
		);
	}
	return { minor: result.minor, currency, numeric };
}

/** Options of the XPay lists that have no pages and are read in date windows. */
export function windowOptionsField(
	defaultDays: number,
	maxDays: number,
	daysDescription: string,
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Days per Request',
				name: 'windowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: maxDays },
				default: defaultDays,
				description: daysDescription,
			},
			{
				displayName: 'Parallel Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 4,
				description:
					'How many windows are asked for at the same time. The order of results does not change.',
			},
		],
	};
}

/** The checked Days per Request and Parallel Requests options. */
export function readWindowOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	defaultDays: number,
	maxDays: number,
): { windowDays: number; concurrency: number } {
	const node = context.getNode();
	const options = context.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	return {
		windowDays: requireWholeNumber(
			node,
			itemIndex,
			'Days per Request',
			options.windowDays ?? defaultDays,
			1,
			maxDays,
		),
		concurrency: requireWholeNumber(
			node,
			itemIndex,
			'Parallel Requests',
			options.concurrency ?? 4,
			1,
			10,
		),
	};
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the order with English field names and a status in plain English, instead of the raw XPay answer',
};

/** dd/mm/yyyy, the date format XPay requests take. */
export function xpayDay(date: DateTime): string {
	return date.toFormat('dd/MM/yyyy');
}

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}
