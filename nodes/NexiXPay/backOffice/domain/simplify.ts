import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { toMajorUnits } from '../../../common/money';
import { XPAY_ZONE } from '../protocol/environment';
import type { XPayOperation, XPayOrder } from '../transport/schemas';

export const ORDER_STATUSES = [
	'authorized',
	'captured',
	'partially_captured',
	'refunded',
	'partially_refunded',
	'cancelled',
	'declined',
	'not_created',
	'pending',
	'other',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** XPay's own state texts (documented ones first, then those seen in Nexi's and others' plugins). */
const STATUS_BY_TEXT: Record<string, OrderStatus> = {
	autorizzato: 'authorized',
	contabilizzato: 'captured',
	'contabilizzato parz.': 'partially_captured',
	rimborsato: 'refunded',
	'rimborsato parz.': 'partially_refunded',
	annullato: 'cancelled',
	stornato: 'cancelled',
	'chiuso da backoffice': 'cancelled',
	negato: 'declined',
	'autor. negata': 'declined',
	'non creato': 'not_created',
	'non generato': 'not_created',
	'in corso': 'pending',
	pendente: 'pending',
	'in attesa di contab.': 'pending',
	'in attesa di storno': 'pending',
	sospeso: 'pending',
	// Seen only in a third party's list, with no meaning given; these are this node's readings
	// (the README lists them): a refused or withdrawn reversal leaves the money captured, and a
	// payment that is not valid never took any.
	'storno negato': 'captured',
	'storno annullato': 'captured',
	'non valido': 'declined',
};

export function orderStatus(text: unknown): OrderStatus {
	return (
		STATUS_BY_TEXT[
			String(text ?? '')
				.trim()
				.toLowerCase()
		] ?? 'other'
	);
}

/**
 * The reportOrdini filter takes its own tokens, not the texts it returns (Nexi's SDK enum):
 * the friendly choices map to them here.
 */
export const ORDER_FILTER_TOKENS: Partial<Record<OrderStatus, string>> = {
	authorized: 'Autorizzato',
	declined: 'Negato',
	cancelled: 'annullato',
	captured: 'incassato',
	refunded: 'rimborsato',
	not_created: 'nonCreato',
	partially_captured: 'incParziale',
	partially_refunded: 'rimbParziale',
};

export const PAYMENT_STATUSES = [
	'unpaid',
	'paid',
	'declined',
	'expired',
	'cancelled',
	'refunded',
	'other',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A PayMail link's payment status in English, from its statoEsteso, or undefined when the text
 * is not one this node recognises. Nexi documents no value of statoEsteso: a documented order
 * state means the link was used, and a few link wordings mean it was not (yet). A payment is
 * never recognised from a wording alone that is not a documented order state; anything else
 * is for the order to settle (orderPaymentStatus).
 */
export function linkPaymentStatus(text: unknown): PaymentStatus | undefined {
	const normalized = String(text ?? '')
		.trim()
		.toLowerCase();
	if (normalized === 'scaduto' || normalized === 'link scaduto') return 'expired';
	if (
		normalized.startsWith('in attesa di pagamento') ||
		normalized === 'non pagato' ||
		normalized === 'link non utilizzato'
	) {
		return 'unpaid';
	}
	const status = orderStatus(normalized);
	return status === 'other' ? undefined : paymentStatusOf(status);
}

/**
 * A link's payment status from its order (same transaction code): an authorized or captured
 * order means paid, a declined one declined, none at all not paid; an order in a state this
 * node does not know is `other`.
 */
export function orderPaymentStatus(order: XPayOrder | undefined): PaymentStatus {
	return order ? paymentStatusOf(orderStatus(order.stato)) : 'unpaid';
}

function paymentStatusOf(status: OrderStatus): PaymentStatus {
	switch (status) {
		case 'authorized':
		case 'captured':
		case 'partially_captured':
			return 'paid';
		case 'refunded':
		case 'partially_refunded':
			return 'refunded';
		case 'declined':
		case 'not_created':
			return 'declined';
		case 'cancelled':
			return 'cancelled';
		case 'pending':
			return 'unpaid';
		default:
			return 'other';
	}
}

/**
 * XPay's dates ("2024-11-20 23:54:38.0", "20/11/2024 23:54:38", "20/11/2024") as ISO 8601 with
 * the Italian offset; text that is none of these is kept as it is.
 */
export function xpayDateToIso(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const text = String(value)
		.trim()
		.replace(/\.\d+$/, '');
	for (const format of ['yyyy-MM-dd HH:mm:ss', 'dd/MM/yyyy HH:mm:ss', 'yyyy-MM-dd', 'dd/MM/yyyy']) {
		const parsed = DateTime.fromFormat(text, format, { zone: XPAY_ZONE });
		if (parsed.isValid) return parsed.toISO();
	}
	return String(value);
}

export function minorOf(value: unknown): number | null {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
	return null;
}

function money(value: unknown): { amount: number | null; amountMinor: number | null } {
	const minor = minorOf(value);
	return { amount: minor === null ? null : toMajorUnits(minor), amountMinor: minor };
}

const OPERATION_TYPES: Record<string, string> = { 'contab.': 'capture', storno: 'reversal' };

export function operationsOf(order: XPayOrder): XPayOperation[] {
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
		...money(operation.importo),
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
		...money(order.importo),
		currency: order.divisa ?? null,
		brand: pick('brand'),
		maskedPan: pick('pan'),
		authorizationCode: pick('codiceAutorizzazione'),
		createdAt: xpayDateToIso(order.dataTransazione),
		customer: { firstName: pick('nome'), lastName: pick('cognome'), email: pick('mail') },
		operations: operationsOf(order).map((operation) =>
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
	for (const operation of operationsOf(order)) {
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

/** Renames the keys it knows and keeps the others, so fields Nexi adds later are not lost. */
export function renameKnown(record: IDataObject, names: Record<string, string>): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) result[names[key] ?? key] = value;
	return result;
}
