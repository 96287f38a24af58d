import { Random } from './random';

/**
 * What can go wrong between a client and Nexi. `drop` closes the connection before the
 * request is handled; `dropAfter` handles it (state changes!) and then closes the connection
 * without an answer, the case a client must not blindly retry; `hang` answers only after
 * `delayMs`; `malformed` truncates the body; `tamperMac` changes an XPay response MAC;
 * `emptyBody` answers 200 with nothing in it (only by rule, never at random).
 */
export type FaultKind =
	| 'error500'
	| 'error503'
	| 'rateLimit'
	| 'drop'
	| 'dropAfter'
	| 'hang'
	| 'malformed'
	| 'tamperMac'
	| 'emptyBody';

export interface FaultRule {
	fault: FaultKind;
	/** Applies to requests whose path contains this text; all API requests when absent. */
	match?: string;
	method?: string;
	/** How many matching requests it hits before it is used up (default 1). */
	times?: number;
	/** Matching requests to let through before the first hit (default 0). */
	skip?: number;
	retryAfterSeconds?: number;
	delayMs?: number;
}

export interface RandomFaults {
	/** Added to every API answer, in ms. */
	latencyMs: number;
	/** A random extra delay from 0 to this, so concurrent answers come back out of order. */
	latencyJitterMs: number;
	/** Probabilities per request, from 0 to 1. */
	errorRate: number;
	rateLimitRate: number;
	dropRate: number;
	dropAfterRate: number;
	malformedRate: number;
	/** Answers held back this long (hangMs), so the client times out. */
	hangRate: number;
	hangMs: number;
	tamperMacRate: number;
	retryAfterSeconds: number;
	seed: number;
}

export const NO_FAULTS: RandomFaults = {
	latencyMs: 0,
	latencyJitterMs: 0,
	errorRate: 0,
	rateLimitRate: 0,
	dropRate: 0,
	dropAfterRate: 0,
	malformedRate: 0,
	hangRate: 0,
	hangMs: 60_000,
	tamperMacRate: 0,
	retryAfterSeconds: 1,
	seed: 7,
};

export interface FaultDecision {
	fault?: FaultKind;
	latencyMs: number;
	retryAfterSeconds: number;
	delayMs: number;
}

interface ActiveRule extends FaultRule {
	hits: number;
	seen: number;
}

export class FaultInjector {
	private settings: RandomFaults = { ...NO_FAULTS };

	private random = new Random(NO_FAULTS.seed);

	private rules: ActiveRule[] = [];

	/** Faults injected so far, by kind. */
	readonly injected: Record<string, number> = {};

	configure(settings: Partial<RandomFaults> = {}, rules: FaultRule[] = []): void {
		this.settings = { ...NO_FAULTS, ...settings };
		this.random = new Random(this.settings.seed);
		this.rules = rules.map((rule) => ({ ...rule, hits: 0, seen: 0 }));
		for (const key of Object.keys(this.injected)) delete this.injected[key];
	}

	addRules(rules: FaultRule[]): void {
		this.rules.push(...rules.map((rule) => ({ ...rule, hits: 0, seen: 0 })));
	}

	clear(): void {
		this.configure();
	}

	get current(): { settings: RandomFaults; rules: FaultRule[] } {
		return { settings: { ...this.settings }, rules: this.rules.map((rule) => ({ ...rule })) };
	}

	decide(method: string, path: string): FaultDecision {
		const jitter = this.settings.latencyJitterMs;
		const decision: FaultDecision = {
			latencyMs: this.settings.latencyMs + (jitter > 0 ? this.random.int(0, jitter) : 0),
			retryAfterSeconds: this.settings.retryAfterSeconds,
			delayMs: 0,
		};
		for (const rule of this.rules) {
			if (rule.hits >= (rule.times ?? 1)) continue;
			if (rule.match !== undefined && !path.includes(rule.match)) continue;
			if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue;
			rule.seen++;
			if (rule.seen <= (rule.skip ?? 0)) continue;
			rule.hits++;
			decision.fault = rule.fault;
			decision.retryAfterSeconds = rule.retryAfterSeconds ?? decision.retryAfterSeconds;
			decision.delayMs = rule.delayMs ?? 0;
			return this.count(decision);
		}
		const s = this.settings;
		const draws: Array<[FaultKind, number]> = [
			['error500', s.errorRate],
			['rateLimit', s.rateLimitRate],
			['drop', s.dropRate],
			['dropAfter', s.dropAfterRate],
			['malformed', s.malformedRate],
			['hang', s.hangRate],
			['tamperMac', s.tamperMacRate],
		];
		for (const [fault, rate] of draws) {
			if (rate > 0 && this.random.chance(rate)) {
				decision.fault = fault;
				if (fault === 'hang') decision.delayMs = s.hangMs;
				break;
			}
		}
		return this.count(decision);
	}

	private count(decision: FaultDecision): FaultDecision {
		if (decision.fault) this.injected[decision.fault] = (this.injected[decision.fault] ?? 0) + 1;
		return decision;
	}
}
