import { DateTime } from 'luxon';

import { mapConcurrent } from '../../../common/concurrency';
import type { DateRange } from '../../../common/dates';
import { splitIntoWindows } from '../../../common/windows';
import { XPAY_ZONE } from '../../protocol/zone';

/**
 * Days per search. Nexi allows "one month" per order search without saying which month; 28
 * days fit in every reading of that. Operations get the same windows.
 */
export const WINDOW_DAYS = 28;

/** The most records one search may return (Nexi's documented maximum for maxRecords). */
export const MAX_RECORDS = 500;

export interface TimeWindow {
	fromTime: string;
	toTime: string;
}

/**
 * A date range (whole days, both included) as searches of at most WINDOW_DAYS days, newest
 * first. XPay's dates are Italian ones: a day runs from midnight in Rome.
 */
export function timeWindows(range: DateRange): TimeWindow[] {
	const instant = (day: DateTime) =>
		DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone: XPAY_ZONE });
	return splitIntoWindows(range.from, range.to, WINDOW_DAYS)
		.map(({ from, to }) => ({
			fromTime: instant(from).toUTC().toISO() as string,
			toTime: instant(to).plus({ days: 1 }).minus({ milliseconds: 1 }).toUTC().toISO() as string,
		}))
		.reverse();
}

export interface TimeCursorOptions<T> {
	/** One search: records newest first, at most `maxRecords` of them, up to and including `toTime`. */
	search: (fromTime: string, toTime: string, maxRecords: number) => Promise<T[]>;
	/** The record's time, exactly as XPay wrote it: the next search's toTime. */
	timeOf: (record: T) => string | undefined;
	idOf: (record: T) => string;
	/** Stop after this many records; undefined reads everything. */
	limit?: number;
	/** Windows read at the same time (without a limit). */
	concurrency: number;
}

/**
 * Reads every record of a date range from a search that pages by time: XPay answers newest
 * first, and the next page is asked for by moving `toTime` back to the last record's time,
 * sent back exactly as XPay wrote it (so no time zone has to be guessed). Records on that
 * boundary come again and are dropped by id. A window ends when a search adds nothing new, not
 * when a page comes back short, so a server that returns fewer records than asked loses none.
 * Windows are read `concurrency` at a time and joined newest first; with a limit they are
 * read one after the other, from the newest, until it is met.
 */
export async function readByTimeCursor<T>(
	windows: TimeWindow[],
	options: TimeCursorOptions<T>,
): Promise<T[]> {
	const seen = new Set<string>();
	const result: T[] = [];
	const take = (records: T[]) => {
		for (const record of records) {
			if (options.limit !== undefined && result.length >= options.limit) return;
			result.push(record);
		}
	};
	if (options.limit !== undefined) {
		for (const window of windows) {
			take(await readWindow(window, options, seen, options.limit - result.length));
			if (result.length >= options.limit) break;
		}
		return result;
	}
	const perWindow = await mapConcurrent(
		windows,
		options.concurrency,
		async (window) => await readWindow(window, options, new Set<string>()),
	);
	// Windows do not overlap, but a record could be reported in two (its time moved): once.
	for (const records of perWindow)
		take(
			records.filter((record) => !seen.has(options.idOf(record)) && seen.add(options.idOf(record))),
		);
	return result;
}

async function readWindow<T>(
	window: TimeWindow,
	options: TimeCursorOptions<T>,
	seen: Set<string>,
	wanted = Number.POSITIVE_INFINITY,
): Promise<T[]> {
	const records: T[] = [];
	let toTime = window.toTime;
	for (;;) {
		const page = await options.search(window.fromTime, toTime, MAX_RECORDS);
		let added = 0;
		for (const record of page) {
			const id = options.idOf(record);
			if (seen.has(id)) continue;
			seen.add(id);
			records.push(record);
			added++;
		}
		const last = page.length ? options.timeOf(page[page.length - 1]) : undefined;
		if (added === 0 && page.length >= MAX_RECORDS && last === toTime)
			throw new Error(
				`XPay has more than ${MAX_RECORDS} records at ${last}: a search by time cannot page past them`,
			);
		if (added === 0 || records.length >= wanted || !last) return records;
		toTime = last;
	}
}
