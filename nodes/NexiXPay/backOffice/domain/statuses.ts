import type { XPayOrder } from '../transport/schemas';

/** What XPay's order and PayMail link states mean, in English. */
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
	// A link's order before anyone paid, if XPay has one (not documented either way): not paid.
	'in attesa di pagamento': 'pending',
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
