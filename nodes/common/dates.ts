import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';

import { isLuxonLike } from './describe';
import { invalidInput } from './validation';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a calendar date from whatever n8n hands a node: the date picker's
 * "2024-05-01T00:00:00", an ISO string with an offset, a Luxon DateTime or JS Date from an
 * expression, or epoch milliseconds. The calendar date is the one the user sees: an ISO
 * string keeps its own offset's date, while instants without a zone are read in the
 * workflow's time zone.
 */
export function parseCalendarDate(value: unknown, timezone: string): DateTime | undefined {
	let parsed: DateTime | undefined;
	if (isLuxonLike(value)) {
		parsed = DateTime.fromISO((value as unknown as { toISO: () => string }).toISO(), {
			setZone: true,
		});
	} else if (value instanceof Date) {
		parsed = DateTime.fromJSDate(value, { zone: timezone });
	} else if (typeof value === 'number' && Number.isFinite(value)) {
		parsed = DateTime.fromMillis(value, { zone: timezone });
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (DATE_ONLY.test(text)) {
			parsed = DateTime.fromISO(text, { zone: 'UTC' });
		} else if (/^\d{4}-\d{2}-\d{2}[T ]/.test(text)) {
			parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone: timezone, setZone: true });
		}
	}
	if (!parsed?.isValid) return undefined;
	return DateTime.fromObject(
		{ year: parsed.year, month: parsed.month, day: parsed.day },
		{ zone: 'UTC' },
	);
}

export interface DateRange {
	from: DateTime;
	to: DateTime;
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

/** YYYY-MM-DD, the RFC 3339 full-date the Reporting API takes. */
export function isoDate(date: DateTime): string {
	return date.toISODate() as string;
}
