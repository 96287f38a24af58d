import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { ZodType } from 'zod/v4';

import { withFurtherDescription } from '../../../common/errors';
import { formatMinor, toMajorUnits, toMinorUnits } from '../../../common/money';
import { invalidInput, type ItemAt } from '../../../common/validation';
import type { CheckoutClient, WriteResult } from '../transport/client';
import {
	createdChargeSchema,
	createdRefundSchema,
	noContentSchema,
	type CheckoutPayment,
} from '../transport/schemas';
import {
	orderItems,
	requireLinesMatch,
	singleLine,
	type LineInput,
	type OrderItem,
} from './orderLines';
import { getPayment } from './paymentReads';
import { moneyOf, paymentStatus, type PaymentMoney } from './payments';

export type MoveKind = 'charge' | 'refund' | 'cancel';

export interface MoneyMove {
	paymentId: string;
	/** In major units as the user gave it; undefined moves everything that can be moved. */
	amount?: unknown;
	/** The user's order lines; none: one line for the amount when Checkout needs lines. */
	lines?: LineInput[];
	/** Charge: release what stays reserved. */
	finalCharge?: boolean;
	/** Refund: the charge to refund from. */
	chargeId?: string;
	/** Charges and refunds: stays the same when the item is retried, so Checkout applies the move once. */
	idempotencyKey: string;
}

const refused = (where: ItemAt, message: string, description: string) =>
	new NodeOperationError(where.node, message, { itemIndex: where.itemIndex, description });

const NOTHING_SENT = 'Nothing was sent to Nexi.';

/** What a move will send, checked against the payment before anything is sent. */
export interface PlannedMove {
	kind: MoveKind;
	minor: number;
	path: string;
	body: IDataObject;
	chargeId?: string;
}

function askedMinor(where: ItemAt, move: MoneyMove, money: PaymentMoney): number | undefined {
	if (move.amount === undefined) return undefined;
	const asked = toMinorUnits(move.amount, money.decimals);
	if (!asked.ok)
		throw invalidInput(
			where.node,
			where.itemIndex,
			'Amount',
			move.amount,
			`an amount in ${money.currency} with at most ${money.decimals} decimals (${asked.problem})`,
			NOTHING_SENT,
		);
	return asked.minor;
}

/**
 * The order lines to send. Checkout requires lines for a partial charge, refund or cancel: the
 * user's, or one line for the amount, so that typing only an amount is always enough. For the
 * whole order without lines of the user's, none are sent (Checkout uses the order's).
 */
function movedLines(
	where: ItemAt,
	kind: MoveKind,
	move: MoneyMove,
	payment: CheckoutPayment,
	money: PaymentMoney,
	minor: number,
): OrderItem[] | undefined {
	if (move.lines && move.lines.length > 0) {
		const items = orderItems(where, move.lines, money.decimals);
		requireLinesMatch(where, items, minor, money.currency, money.decimals);
		return items;
	}
	if (minor === money.total) return undefined;
	const name = { charge: 'Partial charge', refund: 'Partial refund', cancel: 'Partial cancel' }[
		kind
	];
	return [singleLine(minor, name, payment.orderDetails.reference ?? kind)];
}

/**
 * Checks a charge, refund or cancel against the payment before anything is sent, and says
 * what will be sent: the amount (by default everything that can be moved), the lines, and for
 * a refund the charge it is made from (the one charge, or the one the user named; several
 * charges and none named: the payment's refund endpoint).
 */
export function planMove(
	where: ItemAt,
	kind: MoveKind,
	payment: CheckoutPayment,
	move: MoneyMove,
): PlannedMove {
	const money = moneyOf(payment);
	const id = payment.paymentId;
	const status = paymentStatus(payment, money);
	const show = (minor: number) => formatMinor(minor, money.currency, money.decimals);
	const wanted = askedMinor(where, move, money);
	const paymentPath = `/v1/payments/${encodeURIComponent(move.paymentId)}`;

	if (kind === 'charge' || kind === 'cancel') {
		if (money.reserved === 0 || payment.terminated)
			throw refused(
				where,
				`Payment ${id} has nothing reserved to ${kind} (status: ${status})`,
				`The customer has not completed the payment page${payment.terminated ? ', and the payment was terminated' : ''}. ${NOTHING_SENT}`,
			);
		const left = money.leftToCharge;
		if (left <= 0)
			throw refused(
				where,
				`Payment ${id} has nothing left to ${kind}`,
				`Checkout shows ${show(money.charged)} charged and ${show(money.cancelled)} cancelled of ${show(money.reserved)} reserved. ${NOTHING_SENT}`,
			);
		const minor = wanted ?? left;
		if (minor > left)
			throw refused(
				where,
				`Cannot ${kind} ${show(minor)} on payment ${id}: only ${show(left)} is reserved and not charged`,
				NOTHING_SENT,
			);
		const lines = movedLines(where, kind, move, payment, money, minor);
		const body: IDataObject = {
			amount: minor,
			...(lines ? { orderItems: lines as unknown as IDataObject[] } : {}),
		};
		if (kind === 'charge' && move.finalCharge) body.finalCharge = true;
		return {
			kind,
			minor,
			body,
			path: `${paymentPath}/${kind === 'charge' ? 'charges' : 'cancels'}`,
		};
	}

	if (money.charged === 0)
		throw refused(
			where,
			`Payment ${id} has nothing charged to refund (status: ${status})`,
			`Cancel a reservation that was never charged instead. ${NOTHING_SENT}`,
		);
	const charges = payment.charges ?? [];
	let chargeId: string | undefined;
	let left = money.leftToRefund;
	if (move.chargeId) {
		const wantedCharge = move.chargeId.replace(/-/g, '').toLowerCase();
		const charge = charges.find((c) => c.chargeId.replace(/-/g, '').toLowerCase() === wantedCharge);
		if (!charge)
			throw refused(
				where,
				`Payment ${id} has no charge ${move.chargeId}`,
				`Its charges: ${charges.map((c) => c.chargeId).join(', ') || 'none'}. ${NOTHING_SENT}`,
			);
		chargeId = charge.chargeId;
		left = Math.min(left, charge.amount);
	} else if (charges.length === 1) {
		// Refunding the one charge works for every payment method; the payment's own refund
		// endpoint does not (invoices and some wallets).
		chargeId = charges[0].chargeId;
	}
	if (left <= 0)
		throw refused(
			where,
			`Payment ${id} is already refunded in full`,
			`Checkout shows ${show(money.refunded + money.pendingRefund)} refunded of ${show(money.charged)} charged. ${NOTHING_SENT}`,
		);
	const minor = wanted ?? left;
	if (minor > left)
		throw refused(
			where,
			`Cannot refund ${show(minor)} on payment ${id}: only ${show(left)} is left to refund${move.chargeId ? ' from that charge' : ''}`,
			NOTHING_SENT,
		);
	const lines = movedLines(where, kind, move, payment, money, minor);
	return {
		kind,
		minor,
		chargeId,
		path: chargeId
			? `/v1/charges/${encodeURIComponent(chargeId)}/refunds`
			: `${paymentPath}/refunds`,
		body: { amount: minor, ...(lines ? { orderItems: lines as unknown as IDataObject[] } : {}) },
	};
}

/** Whether the payment read back after a lost answer shows the move applied, and its id. */
function appliedIn(
	plan: PlannedMove,
	before: CheckoutPayment,
	after: CheckoutPayment,
): { applied: boolean; id?: string } {
	if (plan.kind === 'charge') {
		const known = new Set((before.charges ?? []).map((c) => c.chargeId));
		const charge = (after.charges ?? []).find(
			(c) => !known.has(c.chargeId) && c.amount === plan.minor,
		);
		return { applied: charge !== undefined, id: charge?.chargeId };
	}
	if (plan.kind === 'refund') {
		const known = new Set((before.refunds ?? []).map((r) => r.refundId));
		const refund = (after.refunds ?? []).find(
			(r) => !known.has(r.refundId) && r.amount === plan.minor,
		);
		return { applied: refund !== undefined, id: refund?.refundId };
	}
	return { applied: moneyOf(after).cancelled - moneyOf(before).cancelled >= plan.minor };
}

/** The payment as it is after the move, without reading it again (Checkout's reads are few). */
function projected(
	payment: CheckoutPayment,
	plan: PlannedMove,
	id: string | undefined,
	finalCharge: boolean,
): CheckoutPayment {
	const money = moneyOf(payment);
	const summary = { ...(payment.summary ?? {}) };
	if (plan.kind === 'charge') {
		summary.chargedAmount = money.charged + plan.minor;
		if (finalCharge) summary.cancelledAmount = money.cancelled + money.leftToCharge - plan.minor;
		return {
			...payment,
			summary,
			charges: [...(payment.charges ?? []), { chargeId: id ?? '', amount: plan.minor }],
		};
	}
	if (plan.kind === 'cancel') {
		summary.cancelledAmount = money.cancelled + plan.minor;
		return { ...payment, summary };
	}
	return {
		...payment,
		refunds: [
			...(payment.refunds ?? []),
			{ refundId: id ?? '', amount: plan.minor, state: 'Pending' },
		],
	};
}

const ID_FIELD = { charge: 'chargeId', refund: 'refundId', cancel: undefined } as const;

/**
 * A charge, refund or cancel, applied once. The payment is read first (planMove). Charges and
 * refunds carry the item's Idempotency-Key; when the answer is lost, the payment is read again:
 * a new charge or refund of that amount means it was applied; none means it was not, and it is
 * sent once more with the same key (Checkout applies one key once, so even a late first request
 * cannot count twice). A cancel takes no key: a lost answer is settled by the read alone.
 */
export async function moveMoney(
	client: CheckoutClient,
	where: ItemAt,
	kind: MoveKind,
	move: MoneyMove,
): Promise<IDataObject> {
	const before = await getPayment(client, move.paymentId);
	const plan = planMove(where, kind, before, move);
	const schema =
		kind === 'charge'
			? createdChargeSchema
			: kind === 'refund'
				? createdRefundSchema
				: noContentSchema;
	const { currency, decimals } = moneyOf(before);
	for (let attempt = 1; ; attempt++) {
		const sent: WriteResult<IDataObject> = await client.write({
			method: 'POST',
			path: plan.path,
			body: plan.body,
			schema: schema as unknown as ZodType<IDataObject>,
			...(kind === 'cancel' ? {} : { idempotencyKey: move.idempotencyKey }),
		});
		if (sent.kind === 'refused') throw sent.error;
		if (sent.kind === 'ok') {
			const field = ID_FIELD[kind];
			const id = field ? String(sent.value[field]) : undefined;
			return result(
				plan,
				projected(before, plan, id, move.finalCharge === true),
				id,
				false,
				sent.value,
			);
		}
		const after = await getPayment(client, move.paymentId).catch(() => undefined);
		const applied = after && appliedIn(plan, before, after);
		if (after && applied?.applied) return result(plan, after, applied.id, true);
		if (attempt >= 2 || !after || kind === 'cancel') {
			throw withFurtherDescription(
				sent.error,
				after
					? `The payment shows no new ${kind} of ${formatMinor(plan.minor, currency, decimals)}: it was not applied, and running the item again is safe.`
					: `Whether the ${kind} was applied is not known: check payment ${move.paymentId} (Payment → Get) before running it again.`,
			);
		}
	}
}

function result(
	plan: PlannedMove,
	after: CheckoutPayment,
	id: string | undefined,
	reconciled: boolean,
	answer?: IDataObject,
): IDataObject {
	const money = moneyOf(after);
	const major = (minor: number) => toMajorUnits(minor, money.decimals);
	const invoice = answer?.invoice as IDataObject | undefined;
	return {
		paymentId: after.paymentId,
		operation: plan.kind,
		...(plan.kind === 'charge' ? { chargeId: id ?? null } : {}),
		...(plan.kind === 'refund' ? { refundId: id ?? null, chargeId: plan.chargeId ?? null } : {}),
		amount: major(plan.minor),
		amountMinor: plan.minor,
		currency: money.currency,
		status: paymentStatus(after, money),
		chargedAmount: major(money.charged),
		refundedAmount: major(money.refunded + money.pendingRefund),
		cancelledAmount: major(money.cancelled),
		leftToCharge: major(money.leftToCharge),
		...(invoice?.invoiceNumber ? { invoiceNumber: String(invoice.invoiceNumber) } : {}),
		...(reconciled ? { reconciled: true } : {}),
	};
}

/**
 * Ends a payment whose page the customer has not completed, so it can no longer be paid. A
 * lost answer is settled by reading the payment: terminated means it was applied.
 */
export async function terminatePayment(
	client: CheckoutClient,
	where: ItemAt,
	paymentId: string,
): Promise<IDataObject> {
	const before = await getPayment(client, paymentId);
	const status = paymentStatus(before);
	if (status !== 'created')
		throw refused(
			where,
			status === 'terminated'
				? `Payment ${paymentId} is already terminated`
				: `Payment ${paymentId} cannot be terminated: the customer completed it (status: ${status})`,
			status === 'terminated'
				? NOTHING_SENT
				: `Terminate ends only a payment not completed yet; use Cancel to release a reservation. ${NOTHING_SENT}`,
		);
	const sent = await client.write({
		method: 'PUT',
		path: `/v1/payments/${encodeURIComponent(paymentId)}/terminate`,
		schema: noContentSchema,
	});
	if (sent.kind === 'refused') throw sent.error;
	if (sent.kind === 'unknown') {
		const after = await getPayment(client, paymentId).catch(() => undefined);
		if (!after?.terminated) {
			throw withFurtherDescription(
				sent.error,
				after
					? 'The payment is not terminated: running the item again is safe.'
					: `Whether it was terminated is not known: check payment ${paymentId} (Payment → Get).`,
			);
		}
	}
	return { paymentId: before.paymentId, operation: 'terminate', status: 'terminated' };
}
