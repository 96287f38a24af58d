import { sleep, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

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

/** How long a delivered event is remembered, so that a late repeat still starts nothing. */
const DELIVERY_MEMORY_DAYS = 30;

/**
 * How long the answer to a delivery that starts an execution waits. n8n saves the trigger's
 * memory only after the node returns, and nothing tells the node when that is done. Within one
 * process its claim already stops a repeat; answering at once would still let a sender that
 * waits for the answer reach another webhook process (queue mode with several) before the
 * memory is saved, and start a second execution there.
 */
const ANSWER_AFTER_SAVE_MS = 500;

/**
 * Whether this delivery of an event starts an execution: the first delivery of `key` to this
 * workflow's trigger, in this process and in the saved memory. "Listen for test event" (manual
 * mode) always starts one and leaves the production memory alone.
 */
export function startsExecution(context: IWebhookFunctions, key: string): boolean {
	if (context.getMode() === 'manual') return true;
	const now = Date.now();
	return (
		processClaims.claim(`${context.getWorkflow().id}|${context.getNode().id}`, key, now) &&
		firstDelivery(context.getWorkflowStaticData('node'), key, now, DELIVERY_MEMORY_DAYS)
	);
}

/** Sends the sender its answer: after the memory is saved when an execution starts, else at once. */
export function answerDelivery(
	context: IWebhookFunctions,
	started: boolean,
	answer: () => void,
): void {
	if (started && context.getMode() !== 'manual') void sleep(ANSWER_AFTER_SAVE_MS).then(answer);
	else answer();
}
