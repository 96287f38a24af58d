import type { DateTime } from 'luxon';
import { NodeOperationError, type INode } from 'n8n-workflow';

import { describeValue } from './describe';
import { parseCalendarDate, type DateRange } from './dates';

/** Where an error belongs: the node, and the input item being worked on. */
export interface ItemAt {
	node: INode;
	itemIndex: number;
}

/**
 * The one shape every input error takes: which field, what was given, what is expected.
 * Raised before any request is sent, so a bad parameter never reaches Nexi.
 */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	given: unknown,
	expected: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(
		node,
		`Invalid ${field}: got ${describeValue(given)}, expected ${expected}`,
		{ itemIndex, description: hint, level: 'warning' },
	);
}

const HEX32 = /^[0-9a-f]{32}$/;
const DASHED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Nexi payout ids are 32 hex digits. Users often paste them in the dashed UUID form
 * (or upper case, or with stray spaces from a spreadsheet), so those are normalised.
 */
export function normalizeHexId(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim().toLowerCase();
	if (HEX32.test(text)) return text;
	if (DASHED_UUID.test(text)) return text.replace(/-/g, '');
	return undefined;
}

export function requireHexId(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const id = normalizeHexId(value);
	if (id === undefined) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			value,
			'32 hexadecimal digits such as 11ebb9ef6a7d4df0b20d59ad574e9761 (the dashed UUID form is accepted too)',
			'Payout IDs are shown in the Nexi portal under Payouts, or come from the Payout → Get Many operation.',
		);
	}
	return id;
}

export function requireCurrency(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const text = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
	if (text === undefined || !/^[A-Z]{3}$/.test(text)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			value,
			'a three-letter ISO 4217 code such as EUR, SEK or DKK',
		);
	}
	return text;
}

/** A whole number from `min` to `max`; without `max`, from `min` upwards. */
export function requireWholeNumber(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `from ${min} upwards` : `from ${min} to ${max}`;
		throw invalidInput(node, itemIndex, field, value, `a whole number ${range}`);
	}
	return number;
}

/** Whether a text is an absolute http or https address. */
export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

const DATE_EXPECTED =
	'a date such as 2024-05-31 (YYYY-MM-DD, an ISO 8601 date-time, or a date from an expression like {{ $now }})';

export function requireDate(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	timezone: string,
): DateTime {
	const date = parseCalendarDate(value, timezone);
	if (!date) throw invalidInput(node, itemIndex, field, value, DATE_EXPECTED);
	return date;
}

export function requireDateRange(
	node: INode,
	itemIndex: number,
	fields: { from: [string, unknown]; to: [string, unknown] },
	timezone: string,
): DateRange {
	const from = requireDate(node, itemIndex, fields.from[0], fields.from[1], timezone);
	const to = requireDate(node, itemIndex, fields.to[0], fields.to[1], timezone);
	if (from > to) {
		throw invalidInput(
			node,
			itemIndex,
			fields.to[0],
			fields.to[1],
			`a date on or after ${fields.from[0]} (${from.toISODate()})`,
			'The two dates look swapped.',
		);
	}
	return { from, to };
}
