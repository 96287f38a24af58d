import type { IDataObject } from 'n8n-workflow';

/**
 * One execution per event, however often a webhook's sender delivers it: what a webhook trigger
 * remembers of the events it started executions for.
 *
 * Two memories, because n8n gives a webhook no lock: it reads the workflow's static data when a
 * call arrives and saves it only after the node returns (in the main process and in an
 * `n8n webhook` process alike). The saved memory (`firstDelivery`) covers later deliveries,
 * restarts and other processes; the process's claims (`DeliveryClaims`) cover deliveries that
 * arrive together, which would all read a memory without the event.
 */

/**
 * Records an event's key in a trigger's saved memory (the workflow's static data) and says
 * whether it is the first delivery of it. Keys older than `memoryDays` are forgotten, so the
 * memory stays small.
 */
export function firstDelivery(
	memory: IDataObject,
	key: string,
	now: number,
	memoryDays: number,
): boolean {
	const horizon = now - memoryDays * 86_400_000;
	const before = (memory.delivered ?? {}) as Record<string, number>;
	if (typeof before[key] === 'number' && before[key] >= horizon) return false;
	const kept = Object.fromEntries(
		Object.entries(before).filter(([, at]) => typeof at === 'number' && at >= horizon),
	);
	// A new object, so that n8n sees the change and saves it.
	memory.delivered = { ...kept, [key]: now };
	return true;
}

/**
 * How long a process remembers an event it started an execution for: long enough to cover the
 * moment between n8n reading the trigger's memory and saving it again.
 */
const CLAIM_MS = 10 * 60_000;

/** The events one n8n process started executions for, oldest first, with when. */
export class DeliveryClaims {
	private readonly claims = new Map<string, number>();

	/**
	 * Says whether this is the first delivery of an event to this process, and records it.
	 * JavaScript runs one call's check and record without interruption, so of deliveries
	 * arriving together only one wins. `scope` keeps workflows and nodes apart.
	 */
	claim(scope: string, key: string, now: number): boolean {
		for (const [claimed, at] of this.claims) {
			if (at >= now - CLAIM_MS) break;
			this.claims.delete(claimed);
		}
		const scoped = `${scope}|${key}`;
		if (this.claims.has(scoped)) return false;
		this.claims.set(scoped, now);
		return true;
	}
}

/** This n8n process's claims: they live as long as the process, as n8n's webhooks do. */
export const processClaims = new DeliveryClaims();
