import { DateTime } from 'luxon';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { amountLabel, searchPage } from '../../../common/listSearch';
import { todayIn } from '../../../common/dates';
import { listLinks } from '../domain/links';
import { XPAY_LIST_DEFAULTS } from '../transport/listDefaults';
import { listOrders, simplifyOrder } from '../domain/orders';
import { XPAY_ZONE } from '../protocol/environment';
import { listReports } from '../domain/reports';
import { XPayClient } from '../transport/client';

/** How far back "From List" shows orders and PayMail links. */
const RECENT_DAYS = 30;

const recent = () => {
	const today = todayIn(XPAY_ZONE);
	return { from: today.minus({ days: RECENT_DAYS - 1 }), to: today };
};

/** "2026-11-20 14:05" from an ISO date-time, in Italian time as XPay writes it. */
function when(iso: unknown, withTime: boolean): string {
	if (typeof iso !== 'string') return '';
	const date = DateTime.fromISO(iso, { zone: XPAY_ZONE });
	return date.isValid ? date.toFormat(withTime ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd') : iso;
}

const label = (...parts: unknown[]) =>
	parts.filter((part) => typeof part === 'string' && part !== '').join(' · ');

const newestFirst = (records: IDataObject[], dateKey: string) =>
	[...records].sort((a, b) => String(b[dateKey] ?? '').localeCompare(String(a[dateKey] ?? '')));

/** The orders of the last 30 days, newest first: "2026-11-20 14:05 · 19.99 EUR · captured · ORD-1". */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await XPayClient.connect(this, 0);
	const orders = await listOrders(client, {
		...recent(),
		channel: 'All',
		statusTokens: [],
		windowDays: XPAY_LIST_DEFAULTS.orderWindowDays,
		concurrency: XPAY_LIST_DEFAULTS.concurrency,
	});
	const entries = newestFirst(
		orders.map((order) => simplifyOrder(order)),
		'createdAt',
	).map((order) => ({
		name: label(
			when(order.createdAt, true),
			amountLabel(order.amount, order.currency),
			order.status,
			order.transactionCode,
		),
		value: String(order.transactionCode),
	}));
	return searchPage(entries, filter, paginationToken);
}

/** The PayMail links created in the last 30 days, newest first: "2026-11-20 · 25.00 EUR · unpaid · CODE". */
export async function searchLinks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await XPayClient.connect(this, 0);
	// A list to pick from needs no order read to settle a status it does not recognise.
	const links = await listLinks(client, recent(), {
		windowDays: XPAY_LIST_DEFAULTS.linkWindowDays,
		concurrency: XPAY_LIST_DEFAULTS.concurrency,
		skipSettling: () => true,
	});
	const entries = newestFirst(
		links.filter((link) => typeof link.transactionCode === 'string'),
		'createdAt',
	).map((link) => ({
		name: label(
			when(link.createdAt, false),
			amountLabel(link.amount, link.currency),
			link.paymentStatus === 'other' ? link.statusText : link.paymentStatus,
			link.transactionCode,
		),
		value: String(link.transactionCode),
	}));
	return searchPage(entries, filter, paginationToken);
}

/** The report instances XPay lists for today, as it orders them: "2026-11-19 · Daily transactions · CSV". */
export async function searchReports(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await XPayClient.connect(this, 0);
	const reports = await listReports(client, undefined);
	const entries = reports
		.filter((report) => typeof report.reportId === 'string')
		.map((report) => ({
			name: label(
				typeof report.referenceDate === 'string'
					? report.referenceDate
					: when(report.processedAt, false),
				report.name,
				report.format,
				report.reportId,
			),
			value: report.reportId as string,
		}));
	return searchPage(entries, filter, paginationToken);
}
