import type { DateTime } from 'luxon';

export interface DayWindow {
	from: DateTime;
	to: DateTime;
}

/** Splits [from, to] (whole days, both included) into windows of at most `days` days. */
export function splitIntoWindows(from: DateTime, to: DateTime, days: number): DayWindow[] {
	const windows: DayWindow[] = [];
	for (let start = from; start <= to; start = start.plus({ days })) {
		const end = start.plus({ days: days - 1 });
		windows.push({ from: start, to: end < to ? end : to });
	}
	return windows;
}

/** The records in order, each key once (the first one wins): windowed lists are merged with it. */
export function uniqueBy<T>(records: T[], keyOf: (record: T) => string): T[] {
	const seen = new Set<string>();
	return records.filter((record) => {
		const key = keyOf(record);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** A single day that holds more records than one search can return. */
export class DayOverCapError extends Error {
	constructor(readonly day: DateTime) {
		super(`more than the cap on ${day.toISODate()}`);
	}
}

/**
 * Reads a date-filtered list that has no pages: each window is asked for separately, and a
 * window that comes back full (as many records as the cap) is split in two and asked for
 * again, until every window is below the cap. Windows wait in one queue served by
 * `concurrency` workers, so no more requests than that are ever in flight. Results come
 * back in date order of their windows. A single day that is still full cannot be split
 * further: DayOverCapError says so rather than returning a list with records missing.
 */
export async function fetchAllWindows<T>(
	windows: DayWindow[],
	fetchWindow: (window: DayWindow) => Promise<T[]>,
	options: { cap?: number; concurrency: number },
): Promise<T[]> {
	const queue = [...windows];
	const done: Array<{ from: DateTime; records: T[] }> = [];
	const limit = Math.max(1, options.concurrency);
	let running = 0;
	let failure: { error: unknown } | undefined;

	const settle = (window: DayWindow, records: T[]) => {
		if (options.cap === undefined || records.length < options.cap) {
			done.push({ from: window.from, records });
			return;
		}
		const days = Math.round(window.to.diff(window.from, 'days').days) + 1;
		if (days <= 1) throw new DayOverCapError(window.from);
		const half = Math.floor(days / 2);
		// To the front: the halves are what the rest of the list is waiting for.
		queue.unshift(
			{ from: window.from, to: window.from.plus({ days: half - 1 }) },
			{ from: window.from.plus({ days: half }), to: window.to },
		);
	};

	return await new Promise<T[]>((resolve, reject) => {
		const launch = () => {
			while (!failure && running < limit && queue.length > 0) {
				const window = queue.shift() as DayWindow;
				running++;
				fetchWindow(window)
					.then((records) => settle(window, records))
					.catch((error: unknown) => {
						failure ??= { error };
					})
					.finally(() => {
						running--;
						launch();
					});
			}
			if (running > 0) return;
			if (failure) reject(failure.error);
			else
				resolve(
					done
						.sort((a, b) => a.from.toMillis() - b.from.toMillis())
						.flatMap((entry) => entry.records),
				);
		};
		launch();
	});
}
