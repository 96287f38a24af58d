import { mapConcurrent } from '../../nodes/common/concurrency';
import { fetchAllPages, type Page } from '../../nodes/common/pagination';

interface Row {
	id: string;
}

/** A list server in memory: pages of `serverPageSize` (capped), recording every call. */
function listServer(
	total: number,
	{ cap = Infinity, ignorePageSize = false, delays = false, withTotal = true } = {},
) {
	const rows: Row[] = Array.from({ length: total }, (_, i) => ({ id: `r${i}` }));
	const calls: Array<[number, number]> = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const fetchPage = async (pageNumber: number, pageSize: number): Promise<Page<Row>> => {
		calls.push([pageNumber, pageSize]);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		// Later pages answer first, so order has to come from the page numbers, not arrival.
		if (delays) await new Promise((resolve) => setTimeout(resolve, 30 - (pageNumber % 5) * 6));
		else await Promise.resolve();
		inFlight--;
		const size = ignorePageSize ? 100 : Math.min(pageSize, cap);
		const start = pageNumber * size;
		return { items: rows.slice(start, start + size), ...(withTotal ? { total } : {}) };
	};
	return { rows, calls, fetchPage, maxInFlight: () => maxInFlight };
}

const idOf = (row: Row) => row.id;
const ids = (rows: Row[]) => rows.map(idOf);

describe("fetchAllPages without a total (optional in Nexi's reference)", () => {
	test.each([
		// records, page size, requests: up to the first short or empty page
		[0, 100, 1],
		[37, 100, 2],
		[100, 100, 2],
		[250, 100, 3],
		[1_000, 100, 11],
	])(
		'%i records in pages of %i: whole, in %i requests one at a time',
		async (total, pageSize, requests) => {
			const server = listServer(total, { withTotal: false });
			const rows = await fetchAllPages(server.fetchPage, { pageSize, concurrency: 1, idOf });
			expect(ids(rows)).toEqual(ids(server.rows));
			expect(server.calls).toHaveLength(requests);
		},
	);

	test('a server that caps the page size: the short first page is not taken for the end', async () => {
		const server = listServer(230, { withTotal: false, cap: 50 });
		const rows = await fetchAllPages(server.fetchPage, { pageSize: 100, concurrency: 4, idOf });
		expect(ids(rows)).toEqual(ids(server.rows));
		expect(server.calls.slice(0, 2)).toEqual([
			[0, 100],
			[1, 50],
		]);
	});

	test('in parallel, at most `concurrency` pages past the end are asked for, and the order is kept', async () => {
		const server = listServer(1_030, { withTotal: false, delays: true });
		const rows = await fetchAllPages(server.fetchPage, { pageSize: 100, concurrency: 4, idOf });
		expect(ids(rows)).toEqual(ids(server.rows));
		expect(server.calls.length).toBeLessThanOrEqual(11 + 4);
	});

	test('a limit stops it as with a total', async () => {
		const server = listServer(1_000, { withTotal: false });
		const rows = await fetchAllPages(server.fetchPage, {
			pageSize: 100,
			concurrency: 2,
			limit: 150,
			idOf,
		});
		expect(ids(rows)).toEqual(ids(server.rows).slice(0, 150));
	});
});

describe('fetchAllPages', () => {
	test.each([
		[0, 1],
		[1, 1],
		[100, 1],
		[101, 2],
		[250, 3],
		[10_000, 100],
	])('%i records are read whole in %i requests', async (total, requests) => {
		const server = listServer(total);
		const rows = await fetchAllPages(server.fetchPage, { pageSize: 100, concurrency: 4, idOf });
		expect(ids(rows)).toEqual(ids(server.rows));
		expect(server.calls).toHaveLength(requests);
	});

	test.each([
		[1, 1, [[0, 1]]],
		[100, 1, [[0, 100]]],
		[
			101,
			2,
			[
				[0, 100],
				[1, 100],
			],
		],
		[
			250,
			3,
			[
				[0, 100],
				[1, 100],
				[2, 100],
			],
		],
	])('a limit of %i returns exactly that many with %i requests', async (limit, requests, calls) => {
		const server = listServer(1000);
		const rows = await fetchAllPages(server.fetchPage, {
			pageSize: 100,
			limit,
			concurrency: 4,
			idOf,
		});
		expect(ids(rows)).toEqual(ids(server.rows.slice(0, limit)));
		expect(server.calls).toHaveLength(requests);
		expect(server.calls).toEqual(calls);
	});

	test('a limit above the total returns the total', async () => {
		const server = listServer(42);
		const rows = await fetchAllPages(server.fetchPage, {
			pageSize: 100,
			limit: 500,
			concurrency: 4,
			idOf,
		});
		expect(rows).toHaveLength(42);
	});

	test('keeps the API order when later pages answer first, with at most `concurrency` in flight', async () => {
		const server = listServer(2000, { delays: true });
		const rows = await fetchAllPages(server.fetchPage, { pageSize: 100, concurrency: 4, idOf });
		expect(ids(rows)).toEqual(ids(server.rows));
		expect(server.maxInFlight()).toBe(4);
	});

	test('a server that caps the page size is followed in its own page size', async () => {
		const server = listServer(130, { cap: 50 });
		const rows = await fetchAllPages(server.fetchPage, { pageSize: 100, concurrency: 4, idOf });
		expect(ids(rows)).toEqual(ids(server.rows));
		expect(server.calls).toEqual([
			[0, 100],
			[1, 50],
			[2, 50],
		]);
	});

	test('a server that ignores pageSize still gives exactly the limit', async () => {
		const server = listServer(300, { ignorePageSize: true });
		const rows = await fetchAllPages(server.fetchPage, {
			pageSize: 100,
			limit: 5,
			concurrency: 4,
			idOf,
		});
		expect(ids(rows)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
	});

	test('records repeated across pages are dropped and the limit is still met', async () => {
		// The list shifted by one between pages: page 1 starts with the last record of page 0.
		const pages = [
			['a', 'b', 'c'],
			['c', 'd', 'e'],
			['f', 'g', 'h'],
		];
		const rows = await fetchAllPages(
			async (n) => ({ items: (pages[n] ?? []).map((id) => ({ id })), total: 9 }),
			{ pageSize: 3, limit: 7, concurrency: 2, idOf },
		);
		expect(ids(rows)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
	});

	test('an empty page ends the walk even when the total promised more', async () => {
		const calls: number[] = [];
		const rows = await fetchAllPages(
			async (n) => {
				calls.push(n);
				return { items: n === 0 ? [{ id: 'only' }] : [], total: 1_000_000 };
			},
			{ pageSize: 1, concurrency: 1, idOf },
		);
		expect(ids(rows)).toEqual(['only']);
		expect(calls).toEqual([0, 1]);
	});

	test('a server that returns page 0 for every page number cannot make it loop', async () => {
		const calls: number[] = [];
		const rows = await fetchAllPages(
			async (n) => {
				calls.push(n);
				return { items: [{ id: 'a' }, { id: 'b' }], total: 1_000_000 };
			},
			{ pageSize: 2, concurrency: 3, idOf },
		);
		expect(ids(rows)).toEqual(['a', 'b']);
		expect(calls).toEqual([0, 1, 2, 3]);
	});

	test('a failing page fails the whole list (no silently partial result)', async () => {
		const server = listServer(500);
		await expect(
			fetchAllPages(
				async (n, size) => {
					if (n === 3) throw new Error('page 3 failed');
					return await server.fetchPage(n, size);
				},
				{ pageSize: 100, concurrency: 2, idOf },
			),
		).rejects.toThrow('page 3 failed');
	});
});

describe('mapConcurrent', () => {
	test('returns results in input order', async () => {
		const result = await mapConcurrent([30, 10, 20, 0], 4, async (ms, i) => {
			await new Promise((resolve) => setTimeout(resolve, ms));
			return i;
		});
		expect(result).toEqual([0, 1, 2, 3]);
	});

	test('starts nothing new after a failure and waits for running tasks', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		await expect(
			mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (n) => {
				started.push(n);
				await new Promise((resolve) => setTimeout(resolve, n === 1 ? 20 : 5));
				if (n === 0) throw new Error('boom');
				finished.push(n);
				return n;
			}),
		).rejects.toThrow('boom');
		expect(started).toEqual([0, 1]);
		expect(finished).toEqual([1]);
	});

	test('an empty list resolves at once', async () => {
		await expect(mapConcurrent([], 4, async () => 1)).resolves.toEqual([]);
	});
});
