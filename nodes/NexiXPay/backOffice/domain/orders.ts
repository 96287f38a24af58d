import type { IDataObject } from 'n8n-workflow';

import type { DateRange } from '../../../common/dates';
import { fetchAllWindows, splitIntoWindows, uniqueBy } from '../../../common/windows';
import { xpayDay } from '../protocol/environment';
import { XPAY_NOT_FOUND } from '../protocol/errors';
import { orderDetailSchema, orderListSchema, type XPayOrder } from '../transport/schemas';
import { xpayError, type XPayClient } from '../transport/client';

/** One order with its operations; undefined when XPay has no order with that code. */
export async function findOrder(
	client: XPayClient,
	transactionCode: string,
): Promise<XPayOrder | undefined> {
	const answer = await client.readOptional(
		'situazioneOrdine',
		{ codiceTransazione: transactionCode },
		orderDetailSchema,
		`read order ${transactionCode}`,
	);
	return answer?.report[0];
}

/**
 * One order; when XPay has none with that code, the error says so in XPay's own terms
 * (code 2, "Nessun ordine trovato") for the action that needed it.
 */
export async function requireOrder(
	client: XPayClient,
	transactionCode: string,
	action: string,
	extra?: string,
): Promise<XPayOrder> {
	const order = await findOrder(client, transactionCode);
	if (order) return order;
	throw xpayError(
		client.node,
		client.itemIndex,
		action,
		XPAY_NOT_FOUND,
		'Nessun ordine trovato',
		extra,
	);
}

export interface OrderQuery extends DateRange {
	transactionCode?: string;
	channel: string;
	/** reportOrdini filter tokens; empty for all states. */
	statusTokens: string[];
	windowDays: number;
	concurrency: number;
}

/**
 * Every order in the period: the period is asked for in windows (XPay's limit on a period is
 * not documented; a third party reports 90 days), "nothing found" is an empty window, and
 * an order that shows up in two windows is kept once.
 */
export async function listOrders(client: XPayClient, query: OrderQuery): Promise<XPayOrder[]> {
	const orders = await fetchAllWindows(
		splitIntoWindows(query.from, query.to, query.windowDays),
		async (window) => {
			const body: IDataObject = {
				codiceTransazione: query.transactionCode ?? '',
				periodo: `${xpayDay(window.from)} - ${xpayDay(window.to)}`,
				canale: query.channel,
			};
			// What an empty filter means to XPay is not documented: no filter is left out.
			if (query.statusTokens.length > 0) body.stato = query.statusTokens;
			const answer = await client.readOptional(
				'reportOrdini',
				body,
				orderListSchema,
				'list orders',
			);
			return answer?.report ?? [];
		},
		{ concurrency: query.concurrency },
	);
	return uniqueBy(orders, (order) => order.codiceTransazione);
}
