/**
 * One page as the API answered it: its records and the total it claims for the whole list
 * (undefined when the answer leaves the total out, which Nexi's reference allows).
 */
export interface Page<T> {
	items: T[];
	total?: number;
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
 * by `concurrency` workers in increasing page order, while the pages that have arrived are
 * taken in order. A server that caps or ignores pageSize is detected from page 0 and page
 * numbers are then counted in its size. The walk ends at the limit, at an empty page, or at a
 * page that adds nothing new, so a misbehaving server cannot make it loop; at most
 * `concurrency` pages are asked for beyond the point where it stopped.
 *
 * Without a total, pages are read until one comes back short or empty. A short page 0 is then
 * either the whole list or a server that caps pageSize; the pages after it are asked for in
 * its size, so that the next one settles which (empty, or the rest of the list).
 */
export async function fetchAllPages<T>(
	fetchPage: PageFetcher<T>,
	options: PaginationOptions<T>,
): Promise<T[]> {
	const { limit } = options;
	const collected = new Collector(options.idOf, limit);
	const requested = limit === undefined ? options.pageSize : Math.min(options.pageSize, limit);

	const first = await fetchPage(0, requested);
	collected.add(first.items);
	if (first.items.length === 0) return collected.items;

	const knowsTotal = first.total !== undefined;
	let total = first.total ?? Number.POSITIVE_INFINITY;
	const size =
		first.items.length !== requested && total > first.items.length ? first.items.length : requested;
	// The last page needed: the total (or the limit, plus one slot for every duplicate
	// dropped so far) in pages of `size`.
	// Without a total, the first short or empty page to arrive (in any order) is where the list
	// ends: no worker asks past it.
	let lastPage = Number.POSITIVE_INFINITY;
	const lastNeeded = () =>
		Math.min(
			lastPage,
			Math.ceil(Math.min(total, (limit ?? Number.POSITIVE_INFINITY) + collected.dropped) / size) -
				1,
		);

	const arrived = new Map<number, Page<T>>();
	let nextToFetch = 1;
	let nextToTake = 1;
	let stopped = collected.full;
	let failure: { error: unknown } | undefined;

	const takeArrivedInOrder = () => {
		for (let page = arrived.get(nextToTake); page && !stopped; page = arrived.get(nextToTake)) {
			arrived.delete(nextToTake++);
			const added = page.items.length === 0 ? 0 : collected.add(page.items);
			if (page.total !== undefined) total = Math.max(knowsTotal ? total : 0, page.total);
			if (added === 0 || collected.full || (!knowsTotal && page.items.length < size))
				stopped = true;
		}
	};

	const worker = async () => {
		while (!stopped && failure === undefined && nextToFetch <= lastNeeded()) {
			const pageNumber = nextToFetch++;
			try {
				const page = await fetchPage(pageNumber, size);
				arrived.set(pageNumber, page);
				if (!knowsTotal && page.items.length < size) {
					lastPage = Math.min(lastPage, page.items.length === 0 ? pageNumber - 1 : pageNumber);
				}
			} catch (error) {
				failure ??= { error };
				return;
			}
			takeArrivedInOrder();
		}
	};

	await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
	if (failure !== undefined) throw failure.error;
	return collected.items;
}

class Collector<T> {
	readonly items: T[] = [];

	/** Records skipped because they had been seen already. */
	dropped = 0;

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
			if (this.seen.has(id)) {
				this.dropped++;
				continue;
			}
			this.seen.add(id);
			this.items.push(item);
			added++;
		}
		return added;
	}
}
