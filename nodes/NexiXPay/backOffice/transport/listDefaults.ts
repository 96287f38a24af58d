/**
 * How the XPay node reads its lists, in one place: the fields show these defaults and limits,
 * and the operations, the trigger and the benchmarks use them.
 */
export const XPAY_LIST_DEFAULTS = {
	/** reportOrdini's longest period is not documented (a third party reports 90 days). */
	orderWindowDays: 30,
	maxOrderWindowDays: 90,
	/** ReportPaymail windows; one that comes back full is split again whatever its size. */
	linkWindowDays: 31,
	maxLinkWindowDays: 366,
	/** warning windows: Nexi documents no longest period; this keeps each answer modest. */
	warningWindowDays: 30,
	maxWarningWindowDays: 366,
	/** Windows asked for at the same time. */
	concurrency: 4,
	maxConcurrency: 10,
	/** The trigger's window. */
	lookbackDays: 7,
	maxLookbackDays: 90,
} as const;
