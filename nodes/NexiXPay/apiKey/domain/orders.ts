import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, toMajorUnits } from '../../../common/money';
import { XPAY_ZONE } from '../../protocol/zone';
import type {
	KeyOperation,
	KeyOrderDetail,
	KeyOrderStatus,
	KeyPaymentLink,
} from '../transport/schemas';

/** ISO 4217 numeric codes XPay may send instead of letters (seen in Nexi's own sandbox traffic). */
const NUMERIC_CURRENCIES: Record<string, string> = {
	'978': 'EUR',
	'840': 'USD',
	'826': 'GBP',
	'756': 'CHF',
	'392': 'JPY',
	'752': 'SEK',
	'208': 'DKK',
	'578': 'NOK',
	'985': 'PLN',
	'203': 'CZK',
	'348': 'HUF',
	'946': 'RON',
};

/** A currency as letters, whichever way XPay wrote it. */
export function currencyCode(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	const text = String(value).trim().toUpperCase();
	return NUMERIC_CURRENCIES[text] ?? text;
}

/** Whole minor units from an amount XPay wrote (a string of digits, or a number). */
export function minorOf(value: unknown): number | null {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
	return null;
}

const majorOf = (minor: number | null, currency: string | null) =>
	minor === null ? null : toMajorUnits(minor, currencyDecimals(currency));

/**
 * XPay's times in ISO 8601. The reference writes them with a zone; Nexi's own sandbox was seen
 * answering "2023-11-28 12:41:46.724" without one, which is read as Italian time (XPay's own).
 * A time that is neither is passed on as XPay wrote it.
 */
export function isoTime(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const text = value.trim();
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
	const parsed = DateTime.fromISO(text.replace(' ', 'T'), {
		zone: zoned ? 'UTC' : XPAY_ZONE,
		setZone: zoned,
	});
	return parsed.isValid ? (parsed.toUTC().toISO() as string) : text;
}

export type OrderStatus =
	| 'authorized'
	| 'captured'
	| 'partiallyCaptured'
	| 'refunded'
	| 'partiallyRefunded'
	| 'voided'
	| 'declined'
	| 'cancelled'
	| 'pending';

const FAILED = new Set(['DECLINED', 'DENIED_BY_RISK', 'THREEDS_FAILED', '3DS_FAILED', 'FAILED']);
const CANCELLED = new Set(['CANCELED', 'CANCELLED', 'EXPIRED']);
const SUCCEEDED = new Set(['AUTHORIZED', 'EXECUTED', 'VOIDED', 'REFUNDED']);

/** The operations that count: those not undone by a CANCEL, and not failed. */
function effective(operations: KeyOperation[]): KeyOperation[] {
	const undone = new Set(
		operations
			.filter((op) => op.operationType === 'CANCEL' && SUCCEEDED.has(String(op.operationResult)))
			.map((op) => String(op.cancelledOperationId ?? '')),
	);
	undone.add('');
	return operations.filter(
		(op) => !undone.has(String(op.operationId)) && SUCCEEDED.has(String(op.operationResult)),
	);
}

const sumOf = (operations: KeyOperation[], type: string) =>
	operations
		.filter((op) => op.operationType === type)
		.reduce((total, op) => total + (minorOf(op.operationAmount) ?? 0), 0);

export interface MoneyState {
	authorizedMinor: number;
	capturedMinor: number;
	refundedMinor: number;
	voided: boolean;
}

/** What an order's operations add up to. */
export function moneyState(status: KeyOrderStatus, operations: KeyOperation[]): MoneyState {
	const counted = effective(operations);
	const authorization = counted.filter((op) => op.operationType === 'AUTHORIZATION');
	const implicitCapture = authorization
		.filter((op) => op.operationResult === 'EXECUTED')
		.reduce((total, op) => total + (minorOf(op.operationAmount) ?? 0), 0);
	const captured = Math.max(
		minorOf(status.capturedAmount) ?? 0,
		implicitCapture + sumOf(counted, 'CAPTURE'),
	);
	return {
		authorizedMinor: minorOf(status.authorizedAmount) ?? sumOf(authorization, 'AUTHORIZATION'),
		capturedMinor: captured,
		refundedMinor: sumOf(counted, 'REFUND'),
		voided: counted.some((op) => op.operationType === 'VOID'),
	};
}

/** The payment's own operation: the AUTHORIZATION (the first one, as Nexi's plugin reads it). */
export function authorizationOf(operations: KeyOperation[]): KeyOperation | undefined {
	return operations.find((op) => op.operationType === 'AUTHORIZATION');
}

/**
 * The order's status in English, from its operations (Get) or, in a list where XPay gives
 * only the amounts and the last operation's type, from those: a list cannot tell a partial
 * refund from a full one, and says `refunded` for both (Get tells them apart).
 */
export function orderStatus(status: KeyOrderStatus, operations?: KeyOperation[]): OrderStatus {
	if (operations && operations.length > 0) {
		const payment = authorizationOf(operations);
		const result = String(payment?.operationResult ?? '');
		if (FAILED.has(result)) return 'declined';
		if (CANCELLED.has(result)) return 'cancelled';
		if (result === 'PENDING' || !payment) return 'pending';
		const money = moneyState(status, operations);
		if (money.voided) return 'voided';
		if (money.refundedMinor > 0)
			return money.refundedMinor >= money.capturedMinor ? 'refunded' : 'partiallyRefunded';
		if (money.capturedMinor > 0)
			return money.capturedMinor >= money.authorizedMinor ? 'captured' : 'partiallyCaptured';
		return 'authorized';
	}
	const last = String(status.lastOperationType ?? '');
	const authorized = minorOf(status.authorizedAmount) ?? 0;
	const captured = minorOf(status.capturedAmount) ?? 0;
	if (last === 'VOID') return 'voided';
	if (last === 'REFUND') return 'refunded';
	if (authorized === 0 && captured === 0) return 'pending';
	if (captured > 0) return captured >= authorized ? 'captured' : 'partiallyCaptured';
	return 'authorized';
}

function customerOf(order: KeyOrderStatus['order'], payment?: KeyOperation): IDataObject | null {
	const info = (order.customerInfo ?? payment?.customerInfo ?? null) as IDataObject | null;
	if (!info) return null;
	const name = info.cardHolderName ?? null;
	const email = info.cardHolderEmail ?? null;
	if (name === null && email === null) return null;
	return { name, email };
}

/** An order as the node's simplified items show it. */
export function simplifyOrder(
	status: KeyOrderStatus,
	operations?: KeyOperation[],
	links?: KeyPaymentLink[],
): IDataObject {
	const { order } = status;
	const currency = currencyCode(order.currency);
	const amountMinor = minorOf(order.amount);
	const payment = operations ? authorizationOf(operations) : undefined;
	const money = operations
		? moneyState(status, operations)
		: {
				authorizedMinor: minorOf(status.authorizedAmount),
				capturedMinor: minorOf(status.capturedAmount),
				refundedMinor: null,
			};
	return {
		orderId: order.orderId,
		status: orderStatus(status, operations),
		amount: majorOf(amountMinor, currency),
		amountMinor,
		currency,
		authorizedAmount: majorOf(money.authorizedMinor, currency),
		capturedAmount: majorOf(money.capturedMinor, currency),
		...(operations ? { refundedAmount: majorOf(money.refundedMinor, currency) } : {}),
		paymentMethod: payment?.paymentCircuit ?? payment?.paymentMethod ?? null,
		customer: customerOf(order, payment),
		description: order.description ?? null,
		lastOperationType: status.lastOperationType ?? null,
		lastOperationTime: isoTime(status.lastOperationTime),
		...(operations ? { operations: operations.map(simplifyOperation) } : {}),
		...(links ? { paymentLinkIds: links.map((link) => String(link.linkId)) } : {}),
	};
}

/** The order detail's payment links, under whichever key XPay used. */
export function linksOf(detail: KeyOrderDetail): KeyPaymentLink[] {
	return detail.paymentLinks ?? detail.paymentLink ?? detail.links ?? [];
}

/** An operation as the node's simplified items show it. */
export function simplifyOperation(operation: KeyOperation): IDataObject {
	const currency = currencyCode(operation.operationCurrency);
	const amountMinor = minorOf(operation.operationAmount);
	return {
		operationId: String(operation.operationId),
		orderId: operation.orderId ?? null,
		type: operation.operationType ?? null,
		result: operation.operationResult ?? null,
		amount: majorOf(amountMinor, currency),
		amountMinor,
		currency,
		time: isoTime(operation.operationTime),
		channel: operation.channel ?? null,
		paymentMethod: operation.paymentCircuit ?? operation.paymentMethod ?? null,
		card: operation.paymentInstrumentInfo ?? null,
		paymentLinkId:
			operation.paymentLinkId === null || operation.paymentLinkId === undefined
				? null
				: String(operation.paymentLinkId),
		cancelledOperationId:
			operation.cancelledOperationId === null ||
			operation.cancelledOperationId === undefined ||
			operation.cancelledOperationId === ''
				? null
				: String(operation.cancelledOperationId),
	};
}
