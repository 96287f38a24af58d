/**
 * How the Reporting node reads its lists, in one place: the fields show these defaults and
 * limits, and the operations, the trigger and the benchmarks use them.
 */
export const REPORTING_LIST_DEFAULTS = {
	/** The API's own default page size. */
	pageSize: 100,
	/** Nexi documents no maximum; a larger page is not refused here, it is only not asked for. */
	maxPageSize: 1000,
	/** Pages (or payouts) read at the same time after the first page. */
	concurrency: 4,
	maxConcurrency: 10,
	/** The trigger's window for late payouts. */
	lookbackDays: 7,
	maxLookbackDays: 90,
} as const;
