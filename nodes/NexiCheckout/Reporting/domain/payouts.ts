import type { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { isoDate } from '../../../common/dates';
import { mapConcurrent } from '../../../common/concurrency';
import { withLeadingFields } from '../../../common/records';
import { fetchAllPages } from '../../../common/pagination';
import {
	payoutDetailSchema,
	payoutListSchema,
	type PaymentAction,
	type Payout,
	type PayoutDetail,
} from '../transport/schemas';
import { REPORTING_LIST_DEFAULTS } from '../transport/listDefaults';
import type { ReportingClient } from '../transport/client';

/** How lists are read; the defaults match the API's own page size. */
export interface ListOptions {
	limit?: number;
	pageSize: number;
	concurrency: number;
}

export const DEFAULT_LIST_OPTIONS: ListOptions = {
	pageSize: REPORTING_LIST_DEFAULTS.pageSize,
	concurrency: REPORTING_LIST_DEFAULTS.concurrency,
};

export interface PayoutQuery {
	from: DateTime;
	to: DateTime;
	currency?: string;
}

const byId = (record: { id: string }) => record.id;

export const KEEP_ALL = (): boolean => true;

/** Keeps the payment actions of the chosen kinds (`paymentAction` values); none chosen keeps all. */
export function keepActionTypes(selected: unknown): (action: PaymentAction) => boolean {
	if (!Array.isArray(selected) || selected.length === 0) return KEEP_ALL;
	const wanted = new Set(selected.map(String));
	return (action) => wanted.has(String(action.paymentAction));
}

/** Every payout dated within the range (inclusive), in the API's order. */
export async function listPayouts(
	client: ReportingClient,
	query: PayoutQuery,
	options: ListOptions,
): Promise<Payout[]> {
	return await fetchAllPages<Payout>(
		async (pageNumber, pageSize) => {
			const qs: IDataObject = {
				fromDate: isoDate(query.from),
				toDate: isoDate(query.to),
				pageNumber,
				pageSize,
			};
			if (query.currency) qs.currency = query.currency;
			const page = await client.get({ path: '/report/v1/payouts', qs, schema: payoutListSchema });
			return { items: page.payouts ?? [], total: page.numberOfPayouts ?? undefined };
		},
		{ ...options, idOf: byId },
	);
}

/**
 * One payout. With actions, every page of them is read and inlined; without, the
 * smallest page is asked for and the sample action is dropped.
 */
export async function getPayout(
	client: ReportingClient,
	payoutId: string,
	withActions: boolean,
	options: ListOptions,
): Promise<PayoutDetail> {
	if (!withActions) {
		const payout = await getDetailPage(client, payoutId, 0, 1);
		delete payout.paymentActions;
		return payout;
	}
	const { header, actions } = await readPayoutDetail(client, payoutId, options, (action) => action);
	return { ...header, paymentActions: actions };
}

/** Every payment action of one payout, each carrying the payout's id, reference and date. */
export async function listPaymentActions(
	client: ReportingClient,
	payoutId: string,
	options: ListOptions,
	keep: (action: PaymentAction) => boolean = KEEP_ALL,
): Promise<IDataObject[]> {
	// A filter is applied after reading, so the limit can only be applied after it too.
	const filtered = options.limit !== undefined && keep !== KEEP_ALL;
	const { actions } = await readPayoutDetail(
		client,
		payoutId,
		{ ...options, limit: filtered ? undefined : options.limit },
		withPayoutContext,
	);
	const kept = actions.filter(keep);
	return options.limit === undefined ? kept : kept.slice(0, options.limit);
}

/**
 * The payout's header (from its first page) and its payment actions, every page of them.
 * Each page's actions are shaped as the page arrives rather than after the last one, so
 * that the parsed page can be let go at once: a long list is then held once, not twice.
 */
async function readPayoutDetail<T extends PaymentAction>(
	client: ReportingClient,
	payoutId: string,
	options: ListOptions,
	shape: (action: PaymentAction, header: PayoutDetail) => T,
): Promise<{ header: PayoutDetail; actions: T[] }> {
	let header: PayoutDetail | undefined;
	const actions = await fetchAllPages<T>(
		async (pageNumber, pageSize) => {
			const page = await getDetailPage(client, payoutId, pageNumber, pageSize);
			header ??= page;
			const items = page.paymentActions ?? [];
			return {
				items: items.map((action) => shape(action, header as PayoutDetail)),
				total: page.numberOfPaymentActions ?? undefined,
			};
		},
		{ ...options, idOf: byId },
	);
	// Page 0 is always read first, so the header is there.
	return { header: header as PayoutDetail, actions };
}

/**
 * The reconciliation export: every payment action of every payout in a date range, payout
 * by payout in the API's order. Payouts are read a few at a time; once the limit is met no
 * further payout is read.
 */
export async function listPaymentActionsInRange(
	client: ReportingClient,
	query: PayoutQuery,
	options: ListOptions,
	keep: (action: PaymentAction) => boolean = KEEP_ALL,
): Promise<IDataObject[]> {
	const payouts = await listPayouts(client, query, { ...options, limit: undefined });
	const result: IDataObject[] = [];
	for (let start = 0; start < payouts.length; start += options.concurrency) {
		const batch = payouts.slice(start, start + options.concurrency);
		const perPayout = await mapConcurrent(batch, options.concurrency, async (payout) => {
			const remaining = options.limit === undefined ? undefined : options.limit - result.length;
			return await listPaymentActions(client, payout.id, { ...options, limit: remaining }, keep);
		});
		for (const actions of perPayout) {
			for (const action of actions) {
				if (options.limit !== undefined && result.length >= options.limit) return result;
				result.push(action);
			}
		}
		if (options.limit !== undefined && result.length >= options.limit) return result;
	}
	return result;
}

async function getDetailPage(
	client: ReportingClient,
	payoutId: string,
	pageNumber: number,
	pageSize: number,
): Promise<PayoutDetail> {
	return await client.get({
		path: `/report/v1/payouts/${payoutId}`,
		qs: { pageNumber, pageSize },
		schema: payoutDetailSchema,
		notFound: `Nexi has no payout with ID ${payoutId} for this merchant`,
	});
}

type ActionInPayout = PaymentAction & IDataObject;

/** The payout's fields come first, so that an export's columns start with them. */
export function withPayoutContext(action: PaymentAction, payout: PayoutDetail): ActionInPayout {
	return withLeadingFields(
		{
			payoutId: payout.id,
			payoutReference: payout.reference ?? null,
			payoutDate: payout.date ?? null,
		},
		action,
	) as ActionInPayout;
}
