import type { IDataObject } from 'n8n-workflow';

/** What a trigger remembers of one record: the day that keeps it in the window, and a value (a status). */
export interface SeenEntry {
	day: string;
	value?: string;
}

/**
 * A trigger's memory, kept in the node's static data and nowhere else: whether the
 * baseline was taken, and the records seen inside the lookback window. Records older than
 * the window are forgotten, so the state stays as large as the window, not as history.
 */
export interface PollState {
	initialized: boolean;
	seen: Record<string, SeenEntry>;
}

const KEY = 'nexiPollState';

export function loadPollState(staticData: IDataObject): PollState {
	const stored = staticData[KEY] as Partial<PollState> | undefined;
	const seen: Record<string, SeenEntry> = {};
	if (stored && typeof stored.seen === 'object' && stored.seen !== null) {
		for (const [id, entry] of Object.entries(stored.seen)) {
			if (entry && typeof entry.day === 'string') seen[id] = { ...entry };
		}
	}
	return { initialized: stored?.initialized === true, seen };
}

/** Replaces the stored state in one assignment, after everything that could fail has succeeded. */
export function savePollState(staticData: IDataObject, state: PollState): void {
	staticData[KEY] = { initialized: state.initialized, seen: state.seen } as unknown as IDataObject;
}

/** The entries whose day is inside the window (on or after `firstDay`, YYYY-MM-DD). */
export function keepWindow(
	seen: Record<string, SeenEntry>,
	firstDay: string,
): Record<string, SeenEntry> {
	const kept: Record<string, SeenEntry> = {};
	for (const [id, entry] of Object.entries(seen)) if (entry.day >= firstDay) kept[id] = entry;
	return kept;
}

/** One record as a trigger sees it in this check. */
export interface Observed {
	key: string;
	/** The day that keeps it in the window (YYYY-MM-DD). */
	day: string;
	/** What a change is judged by (a status); left out where only a new record matters. */
	value?: string;
}

export interface PollDiff<T> {
	/** What to remember after this check: the window's entries, updated with what was seen. */
	seen: Record<string, SeenEntry>;
	/** Records the trigger had not seen before. */
	added: T[];
	/** Records seen before whose value is different now, with what was remembered of them. */
	changed: Array<{ record: T; before: SeenEntry }>;
}

/**
 * Compares what a check found with what the trigger remembers. Entries older than the window
 * (before `firstDay`) are forgotten; everything found is remembered with its day and value.
 */
export function diffSeen<T extends Observed>(
	state: PollState,
	records: readonly T[],
	firstDay: string,
): PollDiff<T> {
	const seen = keepWindow(state.seen, firstDay);
	const added: T[] = [];
	const changed: PollDiff<T>['changed'] = [];
	for (const record of records) {
		const before = state.seen[record.key];
		seen[record.key] =
			record.value === undefined ? { day: record.day } : { day: record.day, value: record.value };
		if (!before) added.push(record);
		else if (before.value !== record.value) changed.push({ record, before });
	}
	return { seen, added, changed };
}
