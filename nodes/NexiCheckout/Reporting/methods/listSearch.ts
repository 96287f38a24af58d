import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { amountLabel, searchPage } from '../../../common/listSearch';
import { currencyDecimals, toMajorUnits } from '../../../common/money';
import { todayIn } from '../../../common/dates';
import { DEFAULT_LIST_OPTIONS, listPayouts } from '../domain/payouts';
import { ReportingClient } from '../transport/client';

/** How far back "From List" shows payouts. */
const RECENT_DAYS = 90;

/** The payouts of the last 90 days, newest first: "2026-11-20 · 4,405.59 EUR · 5319268812". */
export async function searchPayouts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const today = todayIn(this.getTimezone());
	const client = await ReportingClient.connect(this, 0);
	const payouts = await listPayouts(
		client,
		{ from: today.minus({ days: RECENT_DAYS }), to: today.plus({ days: 1 }) },
		DEFAULT_LIST_OPTIONS,
	);
	const entries = payouts
		.map((payout, index) => ({ payout, index }))
		.sort(
			(a, b) =>
				String(b.payout.date ?? '').localeCompare(String(a.payout.date ?? '')) || b.index - a.index,
		)
		.map(({ payout }) => {
			const amount =
				typeof payout.amount === 'number'
					? toMajorUnits(payout.amount, currencyDecimals(payout.currency))
					: undefined;
			const label = [
				payout.date,
				amountLabel(amount, payout.currency, currencyDecimals(payout.currency)),
				payout.reference,
			]
				.filter(Boolean)
				.join(' · ');
			return { name: label || payout.id, value: payout.id };
		});
	return searchPage(entries, filter, paginationToken);
}
