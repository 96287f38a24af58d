import { json, type SandboxRequest, type SandboxResponse } from '../http';
import { Random } from '../random';
import {
	DEFAULT_DATA,
	generatePayout,
	generateYear,
	type DataOptions,
	type PaymentActionRecord,
	type PayoutRecord,
	type PayoutSpec,
	type StoredPayout,
} from './data';

export interface ReportingOptions extends DataOptions {
	/** The merchant's secret key without its prefix (32 hex). */
	secretKey: string;
	merchantNumber: string;
	/** pageSize above this is silently capped (the real maximum is not documented). */
	maxPageSize: number;
	/**
	 * Answer the other plausible way where the specs are silent: numberOfPayouts and
	 * numberOfPaymentActions are optional in Nexi's reference, and the variant leaves them out.
	 */
	variant: boolean;
}

export const DEFAULT_REPORTING: ReportingOptions = {
	...DEFAULT_DATA,
	secretKey: '5a1d0c9e6b7f4e2a8c3d1b0f9e8d7c6b',
	merchantNumber: '100017120',
	maxPageSize: 1000,
	variant: false,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Nexi Checkout Reporting API as the spec describes it: the Authorization header
 * carries the secret key with or without its test-secret-key- prefix, lists page with
 * pageNumber (from 0) and pageSize (default 100) and report their total, 400 bodies list
 * field errors, 401 has no body, an unknown payout is a 404.
 */
export class ReportingApi {
	private payouts: StoredPayout[] = [];

	private sequence = 0;

	private random: Random;

	options: ReportingOptions;

	constructor(options: Partial<ReportingOptions> = {}) {
		this.options = { ...DEFAULT_REPORTING, ...options };
		this.random = new Random(this.options.seed * 7919 + 1);
		this.reset(options);
	}

	get testKey(): string {
		return `test-secret-key-${this.options.secretKey}`;
	}

	reset(options: Partial<ReportingOptions> = {}): void {
		this.options = { ...DEFAULT_REPORTING, ...options };
		this.random = new Random(this.options.seed * 7919 + 1);
		this.payouts = [];
		this.sequence = 0;
		for (const { payout, actions } of generateYear(this.options)) this.store(payout, actions);
	}

	/** Adds a payout made up from a spec (date, currency, number of actions). */
	addPayout(spec: PayoutSpec): PayoutRecord {
		const { actions, ...payout } = generatePayout(this.random, spec);
		return this.store(payout, actions).payout;
	}

	/** Adds a payout exactly as given (for Nexi's documented examples). */
	addRawPayout(payout: PayoutRecord, actions: PaymentActionRecord[]): PayoutRecord {
		return this.store(payout, actions).payout;
	}

	removeAll(): void {
		this.payouts = [];
	}

	list(): StoredPayout[] {
		return [...this.payouts];
	}

	private store(payout: PayoutRecord, actions: PaymentActionRecord[]): StoredPayout {
		const stored = { payout, actions, sequence: this.sequence++ };
		this.payouts.push(stored);
		// Nexi's order is not documented; the sandbox lists by payout date, then as created.
		this.payouts.sort(
			(a, b) => a.payout.date.localeCompare(b.payout.date) || a.sequence - b.sequence,
		);
		return stored;
	}

	handle(request: SandboxRequest): SandboxResponse | undefined {
		if (!request.path.startsWith('/report/v1/')) return undefined;
		if (request.method !== 'GET') return json(405);
		if (!this.authorised(request)) return json(401);

		const merchantNumber = request.query.get('merchantNumber');
		if (merchantNumber !== null) {
			if (!/^\d+$/.test(merchantNumber)) {
				return badRequest('merchantNumber', `The value '${merchantNumber}' is not valid.`);
			}
			if (merchantNumber !== this.options.merchantNumber) return json(401);
		}

		const paging = this.paging(request.query);
		if ('error' in paging) return paging.error;

		if (request.path === '/report/v1/payouts') return this.listPayouts(request.query, paging);
		const match = /^\/report\/v1\/payouts\/([^/]+)$/.exec(request.path);
		if (match) return this.payoutDetail(decodeURIComponent(match[1]), paging);
		return json(404);
	}

	private authorised(request: SandboxRequest): boolean {
		const header = request.headers.authorization;
		if (typeof header !== 'string') return false;
		const key = this.options.secretKey;
		// Both forms are used by real integrations: the full test key and the bare 32 hex.
		// A live key is refused here, as the test host would.
		return header === `test-secret-key-${key}` || header === key;
	}

	private paging(
		query: URLSearchParams,
	): { pageNumber: number; pageSize: number } | { error: SandboxResponse } {
		const pageNumber = query.get('pageNumber') ?? '0';
		const pageSize = query.get('pageSize') ?? '100';
		if (!/^\d+$/.test(pageNumber))
			return { error: badRequest('pageNumber', `The value '${pageNumber}' is not valid.`) };
		if (!/^\d+$/.test(pageSize) || Number(pageSize) < 1) {
			return { error: badRequest('pageSize', `The value '${pageSize}' is not valid.`) };
		}
		return {
			pageNumber: Number(pageNumber),
			pageSize: Math.min(Number(pageSize), this.options.maxPageSize),
		};
	}

	private listPayouts(
		query: URLSearchParams,
		paging: { pageNumber: number; pageSize: number },
	): SandboxResponse {
		const fromDate = query.get('fromDate');
		const toDate = query.get('toDate');
		const errors: Record<string, string[]> = {};
		for (const [name, value] of [
			['fromDate', fromDate],
			['toDate', toDate],
		] as const) {
			if (value === null || value === '') errors[name] = [`The ${name} field is required.`];
			else if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
				errors[name] = [`The value '${value}' is not valid for ${name}.`];
			}
		}
		const currency = query.get('currency');
		if (currency !== null && currency !== '' && !/^[A-Za-z]{3}$/.test(currency)) {
			errors.currency = [`The value '${currency}' is not a valid ISO 4217 currency code.`];
		}
		if (Object.keys(errors).length === 0 && (fromDate as string) > (toDate as string)) {
			errors.toDate = ['toDate must be on or after fromDate.'];
		}
		if (Object.keys(errors).length > 0) return json(400, { errors });

		const matching = this.payouts.filter(
			({ payout }) =>
				payout.date >= (fromDate as string) &&
				payout.date <= (toDate as string) &&
				(!currency || payout.currency === currency.toUpperCase()),
		);
		const start = paging.pageNumber * paging.pageSize;
		return json(200, {
			...(this.options.variant ? {} : { numberOfPayouts: matching.length }),
			payouts: matching.slice(start, start + paging.pageSize).map(({ payout }) => payout),
		});
	}

	private payoutDetail(
		id: string,
		paging: { pageNumber: number; pageSize: number },
	): SandboxResponse {
		if (!/^[0-9a-fA-F]{32}$/.test(id)) return badRequest('id', `The value '${id}' is not valid.`);
		const stored = this.payouts.find(({ payout }) => payout.id === id.toLowerCase());
		if (!stored) return json(404);
		const start = paging.pageNumber * paging.pageSize;
		return json(200, {
			...stored.payout,
			...(this.options.variant ? {} : { numberOfPaymentActions: stored.actions.length }),
			paymentActions: stored.actions.slice(start, start + paging.pageSize),
		});
	}
}

function badRequest(field: string, message: string): SandboxResponse {
	return json(400, { errors: { [field]: [message] } });
}
