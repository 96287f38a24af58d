import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, toMajorUnits } from '../../../common/money';
import type { CheckoutPayment } from '../transport/schemas';

/** A payment's status in English. Checkout has no status field: it follows from the amounts. */
export type PaymentStatus =
	| 'created'
	| 'reserved'
	| 'charged'
	| 'partiallyCharged'
	| 'refunded'
	| 'partiallyRefunded'
	| 'cancelled'
	| 'terminated';

export interface PaymentMoney {
	total: number;
	currency: string;
	decimals: number;
	reserved: number;
	charged: number;
	/** Refunds that are completed. */
	refunded: number;
	/** Refunds not completed yet (Checkout waits for the merchant's funds). */
	pendingRefund: number;
	cancelled: number;
	leftToCharge: number;
	leftToRefund: number;
}

const ENDED_REFUND = new Set(['cancelled', 'failed', 'expired']);

/** The payment's amounts in minor units; a missing summary field is zero (a fresh payment has `{}`). */
export function moneyOf(payment: CheckoutPayment): PaymentMoney {
	const summary = payment.summary ?? {};
	const currency = payment.orderDetails.currency.toUpperCase();
	const reserved = summary.reservedAmount ?? 0;
	const charged = Math.max(
		summary.chargedAmount ?? 0,
		(payment.charges ?? []).reduce((sum, charge) => sum + charge.amount, 0),
	);
	const refunded = summary.refundedAmount ?? 0;
	const open = (payment.refunds ?? []).filter(
		(refund) => !ENDED_REFUND.has(String(refund.state ?? '').toLowerCase()),
	);
	const refunding = open.reduce((sum, refund) => sum + refund.amount, 0);
	const pendingRefund = Math.max(0, refunding - refunded);
	const cancelled = summary.cancelledAmount ?? 0;
	return {
		total: payment.orderDetails.amount,
		currency,
		decimals: currencyDecimals(currency),
		reserved,
		charged,
		refunded,
		pendingRefund,
		cancelled,
		leftToCharge: Math.max(0, reserved - cancelled - charged),
		leftToRefund: Math.max(0, charged - refunded - pendingRefund),
	};
}

export function paymentStatus(
	payment: CheckoutPayment,
	money: PaymentMoney = moneyOf(payment),
): PaymentStatus {
	if (money.reserved === 0 && money.charged === 0)
		return payment.terminated ? 'terminated' : 'created';
	if (money.charged === 0 && money.cancelled > 0 && money.cancelled >= money.reserved)
		return 'cancelled';
	const refunds = money.refunded + money.pendingRefund;
	// Refunded only when nothing is left either to refund or to charge (as Nexi's SDK reads it).
	if (refunds > 0)
		return refunds >= money.charged && money.leftToCharge === 0 ? 'refunded' : 'partiallyRefunded';
	if (money.charged > 0)
		return money.charged >= money.reserved - money.cancelled ? 'charged' : 'partiallyCharged';
	return 'reserved';
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

function record(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function phone(value: unknown): string | null {
	const number = record(value);
	const digits = `${text(number.prefix) ?? ''}${text(number.number) ?? ''}`;
	return digits || null;
}

/** Who paid, from whichever of Checkout's consumer shapes is filled; null when none is. */
export function customerOf(payment: CheckoutPayment): IDataObject | null {
	const consumer = record(payment.consumer);
	const person = record(consumer.privatePerson);
	const company = record(consumer.company);
	const contact = record(company.contactDetails);
	const customer = {
		email: text(person.email) ?? text(contact.email),
		firstName: text(person.firstName) ?? text(contact.firstName),
		lastName: text(person.lastName) ?? text(contact.lastName),
		phone: phone(person.phoneNumber) ?? phone(contact.phoneNumber),
		company: text(company.name),
	};
	return Object.values(customer).some((value) => value !== null) ? customer : null;
}

/** The payment as most workflows want it: its status, amounts in both units, who paid, how. */
export function simplifyPayment(payment: CheckoutPayment): IDataObject {
	const money = moneyOf(payment);
	const major = (minor: number) => toMajorUnits(minor, money.decimals);
	const details = record(payment.paymentDetails);
	const card = record(details.cardDetails);
	return {
		paymentId: payment.paymentId,
		status: paymentStatus(payment, money),
		reference: payment.orderDetails.reference ?? null,
		amount: major(money.total),
		amountMinor: money.total,
		currency: money.currency,
		reservedAmount: major(money.reserved),
		chargedAmount: major(money.charged),
		refundedAmount: major(money.refunded),
		cancelledAmount: major(money.cancelled),
		leftToCharge: major(money.leftToCharge),
		leftToRefund: major(money.leftToRefund),
		refundPending: money.pendingRefund > 0,
		customer: customerOf(payment),
		paymentMethod: text(details.paymentMethod),
		paymentType: text(details.paymentType),
		maskedPan: text(card.maskedPan),
		created: payment.created ?? null,
		expiresAt: payment.expiresAt ?? null,
		terminated: payment.terminated ?? null,
		charges: (payment.charges ?? []).map((charge) => ({
			chargeId: charge.chargeId,
			amount: major(charge.amount),
			amountMinor: charge.amount,
			created: charge.created ?? null,
		})),
		refunds: (payment.refunds ?? []).map((refund) => ({
			refundId: refund.refundId,
			amount: major(refund.amount),
			amountMinor: refund.amount,
			state: refund.state ?? null,
			lastUpdated: refund.lastUpdated ?? null,
		})),
		myReference: payment.myReference ?? null,
	};
}
