import { mapConcurrent } from './concurrency';

/** One page as the API answered it: its records and the total it claims for the whole list. */
export interface Page<T> {
	items: T[];
	total: number;
}

export type PageFetcher<T> = (pageNumber: number, pageSize: number) => Promise<Page<T>>;

export interface PaginationOptions<T> {
	/** Records asked for per page. */
	pageSize: number;
	/** Stop after this many records; undefined returns everything. */
	limit?: number;
	/** Pages in flight at once after the first. */
	concurrency: number;
	/** Identity used to drop a record that shows up twice (e.g. when a list shifts between pages). */
	idOf: (item: T) => string;
}

/**
 * Reads a pageNumber/pageSize list completely, in the API's order.
 *
 * Page 0 comes first because only it tells the total; the remaining pages are then fetched
 * concurrently. A server that caps or ignores pageSize is detected from page 0 and the
 * page numbers are counted in its size instead. The walk ends at the limit, at an empty
 * page, or at a batch that added nothing new, so a misbehaving server cannot make it loop.
 */
export async function fetchAllPages<T>(
	fetchPage: PageFetcher<T>,
	options: PaginationOptions<T>,
): Promise<T[]> {
	const { limit, concurrency } = options;
	const collected = new Collector(options.idOf, limit);
	const requested = limit === undefined ? options.pageSize : Math.min(options.pageSize, limit);

	const first = await fetchPage(0, requested);
	collected.add(first.items);
	if (first.items.length === 0) return collected.items;

	let total = first.total;
	const size =
		first.items.length !== requested && first.total > first.items.length
			? first.items.length
			: requested;

	let next = 1;
	while (!collected.full && next * size < total) {
		const wanted = Math.min(total, limit ?? Number.POSITIVE_INFINITY);
		const lastPage = Math.ceil(total / size) - 1;
		const plannedLast = Math.ceil(wanted / size) - 1;
		// When duplicates were dropped the plan can fall short; ask for one more page then.
		const upTo = Math.min(lastPage, Math.max(next, plannedLast));
		const numbers = range(next, upTo);

		const pages = await mapConcurrent(numbers, concurrency, async (n) => await fetchPage(n, size));

		let added = 0;
		for (const page of pages) {
			if (page.items.length === 0) return collected.items;
			added += collected.add(page.items);
			total = Math.max(total, page.total);
			if (collected.full) break;
		}
		if (added === 0) break;
		next = upTo + 1;
	}
	return collected.items;
}

class Collector<T> {
	readonly items: T[] = [];

	private readonly seen = new Set<string>();

	constructor(
		private readonly idOf: (item: T) => string,
		private readonly limit: number | undefined,
	) {}

	get full(): boolean {
		return this.limit !== undefined && this.items.length >= this.limit;
	}

	/** Adds the records not seen before, up to the limit; returns how many were new. */
	add(items: T[]): number {
		let added = 0;
		for (const item of items) {
			if (this.full) break;
			const id = this.idOf(item);
			if (this.seen.has(id)) continue;
			this.seen.add(id);
			this.items.push(item);
			added++;
		}
		return added;
	}
}

function range(from: number, to: number): number[] {
	const numbers: number[] = [];
	for (let n = from; n <= to; n++) numbers.push(n);
	return numbers;
}
