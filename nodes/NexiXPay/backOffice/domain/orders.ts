import type { IDataObject } from 'n8n-workflow';

import type { DateRange } from '../../../common/dates';
import { fetchAllWindows, splitIntoWindows, uniqueBy } from '../../../common/windows';
import { xpayDay } from '../protocol/environment';
import { XPAY_NOT_FOUND } from '../protocol/errors';
import {
	orderDetailSchema,
	orderListSchema,
	type XPayOperation,
	type XPayOrder,
} from '../transport/schemas';
import { xpayError, type XPayClient } from '../transport/client';
import { orderStatus } from './statuses';
import { minorOf, moneyOf, xpayDateToIso } from './values';

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

const OPERATION_TYPES: Record<string, string> = { 'contab.': 'capture', storno: 'reversal' };

/** Every operation an order lists, across its details. */
export function orderOperations(order: XPayOrder): XPayOperation[] {
	return (order.dettaglio ?? []).flatMap((detail) => detail.operazioni ?? []);
}

/** One operation in English; with a transaction code when it stands alone as an item. */
export function simplifyOperation(
	operation: XPayOperation,
	transactionCode?: string,
	{ payPalIds = false } = {},
): IDataObject {
	const type = String(operation.tipoOperazione ?? '').trim();
	const payPalCaptureId = operation.idContabParzialePayPal;
	return {
		...(transactionCode === undefined ? {} : { transactionCode }),
		type: OPERATION_TYPES[type.toLowerCase()] ?? type.toLowerCase(),
		...moneyOf(operation.importo),
		currency: operation.divisa ?? null,
		status: operation.stato ?? null,
		date: xpayDateToIso(operation.dataOperazione),
		user: operation.utente ?? null,
		// PayPal only: the partial capture this is (or reversed), which a refund may have to name.
		...(payPalIds && typeof payPalCaptureId === 'string' ? { payPalCaptureId } : {}),
	};
}

/**
 * The order in plain English; Nexi's own state text is kept as statusText. Version 2 adds
 * each PayPal operation's capture id (`payPalIds`).
 */
export function simplifyOrder(order: XPayOrder, { payPalIds = false } = {}): IDataObject {
	const detail = (order.dettaglio?.[0] ?? {}) as IDataObject;
	const pick = (key: string) => (order[key] ?? detail[key] ?? null) as string | null;
	return {
		transactionCode: order.codiceTransazione,
		status: orderStatus(order.stato),
		statusText: order.stato ?? null,
		...moneyOf(order.importo),
		currency: order.divisa ?? null,
		brand: pick('brand'),
		maskedPan: pick('pan'),
		authorizationCode: pick('codiceAutorizzazione'),
		createdAt: xpayDateToIso(order.dataTransazione),
		customer: { firstName: pick('nome'), lastName: pick('cognome'), email: pick('mail') },
		operations: orderOperations(order).map((operation) =>
			simplifyOperation(operation, undefined, { payPalIds }),
		),
	};
}

/** Sums of the captures and reversals an order shows: what "the order now shows" means. */
export function moneyMoved(order: XPayOrder): {
	capturedMinor: number;
	reversedMinor: number;
	captures: number;
	reversals: number;
} {
	let capturedMinor = 0;
	let reversedMinor = 0;
	let captures = 0;
	let reversals = 0;
	for (const operation of orderOperations(order)) {
		const type = String(operation.tipoOperazione ?? '')
			.trim()
			.toLowerCase();
		const minor = minorOf(operation.importo) ?? 0;
		if (type === 'contab.') {
			capturedMinor += minor;
			captures++;
		} else if (type === 'storno') {
			reversedMinor += minor;
			reversals++;
		}
	}
	return { capturedMinor, reversedMinor, captures, reversals };
}
