import { DateTime } from 'luxon';

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

/** YYYY-MM-DD, the RFC 3339 full-date the Reporting API takes. */
export function isoDate(date: DateTime): string {
	return date.toISODate() as string;
}

/** Today as a calendar date (at UTC midnight, like every date the nodes read) in a time zone. */
export function todayIn(timezone: string): DateTime {
	const now = DateTime.now().setZone(timezone);
	const zoned = now.isValid ? now : DateTime.now().toUTC();
	return DateTime.fromObject(
		{ year: zoned.year, month: zoned.month, day: zoned.day },
		{ zone: 'UTC' },
	);
}

interface LuxonLike {
	isLuxonDateTime: true;
	toISO?: () => string | null;
}

/** A Luxon DateTime as n8n hands one to a node from an expression (such as {{ $now }}). */
export function isLuxonLike(value: unknown): value is LuxonLike {
	return (
		typeof value === 'object' && value !== null && (value as LuxonLike).isLuxonDateTime === true
	);
}
