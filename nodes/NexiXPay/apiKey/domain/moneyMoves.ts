import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { withFurtherDescription } from '../../../common/errors';
import { currencyDecimals, formatMinor, toMajorUnits, toMinorUnits } from '../../../common/money';
import { invalidInput, type ItemAt } from '../../../common/validation';
import type { XPayKeyClient } from '../transport/client';
import { postOperationSchema, type KeyOperation, type KeyOrderDetail } from '../transport/schemas';
import { getOrder } from './orderReads';
import { currencyCode, minorOf, moneyState, orderStatus } from './orders';

export type MoveKind = 'capture' | 'refund';

export interface MoneyMove {
	orderId: string;
	/** In major units as the user gave it; undefined moves everything that can be moved. */
	amount?: unknown;
	/** Letters, or undefined for the order's own currency. */
	currency?: string;
	description?: string;
	/** Stays the same when the item is retried, so XPay applies the move once. */
	idempotencyKey: string;
}

const refused = (context: ItemAt, message: string, description: string) =>
	new NodeOperationError(context.node, message, { itemIndex: context.itemIndex, description });

/** The order's currency in letters; a named currency that is not the order's is refused. */
function moveCurrency(context: ItemAt, detail: KeyOrderDetail, asked?: string): string {
	const currency = currencyCode(detail.orderStatus.order.currency) ?? asked ?? 'EUR';
	if (asked && asked !== currency)
		throw invalidInput(
			context.node,
			context.itemIndex,
			'Currency',
			asked,
			`${currency}, the currency of order ${detail.orderStatus.order.orderId}`,
			'Leave Currency empty to use the order’s own.',
		);
	return currency;
}

/** What a capture or refund will be sent against, and how much it may move. */
export interface PlannedMove {
	kind: 'capture' | 'refund' | 'void';
	target: KeyOperation;
	minor: number;
	currency: string;
}

/**
 * Checks a capture or refund against the order before anything is sent: the payment it acts
 * on (the AUTHORIZATION, as Nexi's own plugin does), what is left to capture or refund, and
 * the currency. A refund of an order nothing was captured from is a void, of the whole
 * authorization (XPay's refund endpoint voids such an order).
 */
export function planMove(
	context: ItemAt,
	kind: MoveKind,
	detail: KeyOrderDetail,
	move: Pick<MoneyMove, 'amount' | 'currency'>,
): PlannedMove {
	const operations = detail.operations ?? [];
	const orderId = detail.orderStatus.order.orderId;
	const currency = moveCurrency(context, detail, move.currency);
	const decimals = currencyDecimals(currency);
	const asked = move.amount === undefined ? undefined : toMinorUnits(move.amount, decimals);
	if (asked && !asked.ok)
		throw invalidInput(
			context.node,
			context.itemIndex,
			'Amount',
			move.amount,
			`an amount in ${currency} with at most ${decimals} decimals (${asked.problem})`,
			'Nothing was sent to XPay.',
		);
	const wanted = asked?.ok ? asked.minor : undefined;
	const status = orderStatus(detail.orderStatus, operations);
	const money = moneyState(detail.orderStatus, operations);
	const show = (minor: number) => formatMinor(minor, currency, decimals);
	const payment = operations.find(
		(op) =>
			op.operationType === 'AUTHORIZATION' &&
			(op.operationResult === 'AUTHORIZED' || op.operationResult === 'EXECUTED'),
	);
	if (!payment || status === 'voided' || status === 'declined' || status === 'cancelled')
		throw refused(
			context,
			`Order ${orderId} has no payment to ${kind} (status: ${status})`,
			'Nothing was sent to XPay.',
		);

	if (kind === 'capture') {
		const left = money.authorizedMinor - money.capturedMinor;
		if (payment.operationResult !== 'AUTHORIZED' || left <= 0)
			throw refused(
				context,
				`Order ${orderId} has nothing left to capture`,
				`XPay shows ${show(money.capturedMinor)} captured of ${show(money.authorizedMinor)} authorized${payment.operationResult === 'EXECUTED' ? ' (the terminal captured it at payment)' : ''}. Nothing was sent.`,
			);
		const minor = wanted ?? left;
		if (minor > left)
			throw refused(
				context,
				`Cannot capture ${show(minor)} on order ${orderId}: only ${show(left)} is left to capture`,
				'Nothing was sent to XPay.',
			);
		return { kind: 'capture', target: payment, minor, currency };
	}

	if (money.capturedMinor === 0) {
		const minor = wanted ?? money.authorizedMinor;
		if (minor !== money.authorizedMinor)
			throw refused(
				context,
				`Order ${orderId} is authorized but not captured: it can only be voided in full (${show(money.authorizedMinor)})`,
				'Leave Amount empty, or give the whole authorized amount, to void it. Nothing was sent to XPay.',
			);
		return { kind: 'void', target: payment, minor, currency };
	}
	const left = money.capturedMinor - money.refundedMinor;
	const minor = wanted ?? left;
	if (left <= 0 || minor > left)
		throw refused(
			context,
			left <= 0
				? `Order ${orderId} is already refunded in full`
				: `Cannot refund ${show(minor)} on order ${orderId}: only ${show(left)} is left to refund`,
			'Nothing was sent to XPay.',
		);
	return { kind: 'refund', target: payment, minor, currency };
}

const RESULT_TYPE = { capture: 'CAPTURE', refund: 'REFUND', void: 'VOID' } as const;

/** The operations of `after` that were not in `before`, of one type and amount. */
function newOperations(
	before: KeyOrderDetail,
	after: KeyOrderDetail,
	type: string,
	minor: number,
): KeyOperation[] {
	const known = new Set((before.operations ?? []).map((op) => String(op.operationId)));
	return (after.operations ?? []).filter(
		(op) =>
			!known.has(String(op.operationId)) &&
			op.operationType === type &&
			minorOf(op.operationAmount) === minor,
	);
}

/**
 * A capture or refund, applied once. The order is read first (see planMove). The POST carries
 * the item's Idempotency-Key. When its answer is lost, the order is read again: a new operation
 * of this type and amount means it was applied; none means it was not, and it is sent once
 * more with the same key (XPay applies one key once, so even a late first request cannot
 * count twice); if that answer is lost too, the error says what is known instead of guessing.
 */
export async function moveMoney(
	client: XPayKeyClient,
	context: ItemAt,
	kind: MoveKind,
	move: MoneyMove,
): Promise<IDataObject> {
	const before = await getOrder(client, move.orderId);
	const plan = planMove(context, kind, before, move);
	const path = `/operations/${encodeURIComponent(String(plan.target.operationId))}/${kind === 'capture' ? 'captures' : 'refunds'}`;
	const body: IDataObject = { amount: String(plan.minor), currency: plan.currency };
	if (move.description) body.description = move.description;

	for (let attempt = 1; ; attempt++) {
		const sent = await client.post({
			path,
			body,
			schema: postOperationSchema,
			idempotencyKey: move.idempotencyKey,
		});
		if (sent.kind === 'refused') throw sent.error;
		if (sent.kind === 'ok')
			return await result(client, plan, move, String(sent.value.operationId), false);
		const after = await getOrder(client, move.orderId).catch(() => undefined);
		const applied = after && newOperations(before, after, RESULT_TYPE[plan.kind], plan.minor);
		if (applied && applied.length > 0)
			return await result(client, plan, move, String(applied[0].operationId), true, after);
		if (attempt >= 2 || !after) {
			throw withFurtherDescription(
				sent.error,
				after
					? `The order shows no new ${plan.kind} of ${formatMinor(plan.minor, plan.currency)}: it was not applied, and running the item again is safe.`
					: `Whether the ${plan.kind} was applied is not known: check order ${move.orderId} (Order → Get) before running it again.`,
			);
		}
	}
}

async function result(
	client: XPayKeyClient,
	plan: PlannedMove,
	move: MoneyMove,
	operationId: string,
	reconciled: boolean,
	known?: KeyOrderDetail,
): Promise<IDataObject> {
	const after = known ?? (await getOrder(client, move.orderId).catch(() => undefined));
	const decimals = currencyDecimals(plan.currency);
	const money = after ? moneyState(after.orderStatus, after.operations ?? []) : undefined;
	return {
		orderId: move.orderId,
		operation: plan.kind,
		operationId,
		amount: toMajorUnits(plan.minor, decimals),
		amountMinor: plan.minor,
		currency: plan.currency,
		status: after ? orderStatus(after.orderStatus, after.operations ?? []) : null,
		capturedAmount: money ? toMajorUnits(money.capturedMinor, decimals) : null,
		refundedAmount: money ? toMajorUnits(money.refundedMinor, decimals) : null,
		...(reconciled ? { reconciled: true } : {}),
	};
}

/**
 * Undoes a capture or refund made today (XPay's cancel: same day only, no idempotency key).
 * Without an operation ID, the order's latest capture or refund not undone yet is the one. A
 * lost answer is settled by reading the order: a CANCEL of that operation means it was applied.
 */
export async function cancelMove(
	client: XPayKeyClient,
	context: ItemAt,
	orderId: string,
	operationId?: string,
): Promise<IDataObject> {
	const before = await getOrder(client, orderId);
	const operations = before.operations ?? [];
	const undone = new Set(
		operations
			.filter((op) => op.operationType === 'CANCEL')
			.map((op) => String(op.cancelledOperationId ?? '')),
	);
	const candidates = operations.filter(
		(op) =>
			(op.operationType === 'CAPTURE' || op.operationType === 'REFUND') &&
			!undone.has(String(op.operationId)),
	);
	const target = operationId
		? operations.find((op) => String(op.operationId) === operationId)
		: candidates[candidates.length - 1];
	if (!target)
		throw refused(
			context,
			operationId
				? `Order ${orderId} has no operation ${operationId}`
				: `Order ${orderId} has no capture or refund to cancel`,
			'Nothing was sent to XPay.',
		);
	if (!candidates.includes(target))
		throw refused(
			context,
			`Operation ${operationId} of order ${orderId} cannot be cancelled: only a capture or refund not cancelled yet can`,
			'Nothing was sent to XPay.',
		);
	const sent = await client.post({
		path: `/operations/${encodeURIComponent(String(target.operationId))}/cancels`,
		body: {},
		schema: postOperationSchema,
	});
	if (sent.kind === 'refused') throw sent.error;
	const after = await getOrder(client, orderId).catch(() => undefined);
	let cancelId: string;
	if (sent.kind === 'ok') cancelId = String(sent.value.operationId);
	else {
		const cancel = (after?.operations ?? []).find(
			(op) =>
				op.operationType === 'CANCEL' &&
				String(op.cancelledOperationId ?? '') === String(target.operationId),
		);
		if (!cancel) {
			throw withFurtherDescription(
				sent.error,
				after
					? 'The order shows no cancel of that operation: it was not applied, and running the item again is safe.'
					: `Whether the cancel was applied is not known: check order ${orderId} (Order → Get) before running it again.`,
			);
		}
		cancelId = String(cancel.operationId);
	}
	const currency = currencyCode(target.operationCurrency) ?? 'EUR';
	const minor = minorOf(target.operationAmount);
	return {
		orderId,
		operation: 'cancel',
		operationId: cancelId,
		cancelledOperationId: String(target.operationId),
		cancelledType: target.operationType ?? null,
		amount: minor === null ? null : toMajorUnits(minor, currencyDecimals(currency)),
		amountMinor: minor,
		currency,
		status: after ? orderStatus(after.orderStatus, after.operations ?? []) : null,
	};
}
