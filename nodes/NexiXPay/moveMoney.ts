import type { IDataObject } from 'n8n-workflow';

import { nexiApiError } from '../common/errors';
import { formatMinor, toMajorUnits } from '../common/money';
import { findOrder, requireOrder } from './orders';
import { envelopeSchema, type XPayOrder } from './schemas';
import { moneyMoved, orderStatus } from './simplify';
import { xpayError, type XPayClient } from './transport';

export type MoneyMoveKind = 'capture' | 'refund';

/** A capture or refund as asked for: the order, the amount in minor units, the currency's codes. */
export interface MoneyMove {
	code: string;
	minor: number;
	currency: string;
	/** ISO 4217 numeric code, as XPay requests take it. */
	numeric: string;
}

const SERVICE = { capture: 'contabilizza', refund: 'storna' } as const;
const VERB = { capture: 'capture', refund: 'refund or cancel' } as const;

/**
 * Capture (contabilizza) or refund/cancel (storna): requests that move money, sent exactly once.
 *
 * The order is read first, which gives a clear error for a wrong code before anything is
 * sent and a baseline to judge by. When the answer is lost or cannot be trusted, the order
 * is read again: one more capture (or reversal) of this amount than before means it was
 * applied; none means it was not and it is safe to try again; an unreadable order means
 * nobody can tell yet, and the error says so instead of guessing.
 */
export async function moveMoney(
	client: XPayClient,
	kind: MoneyMoveKind,
	{ code, minor, currency, numeric }: MoneyMove,
): Promise<IDataObject> {
	const { node, itemIndex } = client;
	const amountText = formatMinor(minor, currency);
	const action = `${VERB[kind]} ${amountText} on order ${code}`;

	const before = await requireOrder(client, code, action, 'Nothing was sent to capture or refund.');

	const sentAt = new Date().toISOString();
	const answer = await client.write(
		SERVICE[kind],
		{ codiceTransazione: code, importo: minor, divisa: numeric },
		envelopeSchema,
	);
	const base = {
		transactionCode: code,
		operation: kind,
		amount: toMajorUnits(minor),
		amountMinor: minor,
		currency,
	};

	if (answer.kind === 'refused') {
		throw xpayError(node, itemIndex, action, answer.code, answer.message, 'No money moved.');
	}

	if (answer.kind === 'ok') {
		const after = await findOrder(client, code).catch(() => undefined);
		return {
			...base,
			success: true,
			operationId: String(answer.value.idOperazione ?? ''),
			processedAt: timeOf(answer.value.timeStamp) ?? sentAt,
			...orderState(after),
		};
	}

	if (!answer.delivered) {
		throw nexiApiError(node, {
			message: `The ${kind} of ${amountText} on order ${code} was not sent: ${answer.reason}`,
			description: 'The request never reached Nexi, so no money moved. It is safe to run it again.',
			itemIndex,
			detail: { reason: answer.reason },
		});
	}

	// The outcome is unknown: ask the order what really happened.
	let after: XPayOrder | undefined;
	try {
		after = await findOrder(client, code);
	} catch {
		after = undefined;
	}
	const problem = `${kind} outcome unknown: ${answer.reason}`;
	if (!after) {
		throw nexiApiError(node, {
			message: `The ${problem}, and the order could not be read to find out`,
			description: `Do not run it again before checking order ${code} in the XPay back office: the ${kind} of ${amountText} may have been applied.`,
			itemIndex,
			detail: { reason: answer.reason },
		});
	}
	const now = moneyMoved(after);
	const verdict = judgeOutcome(kind, minor, before, after);
	const shows = `the order now shows ${formatMinor(now.capturedMinor, currency)} captured and ${formatMinor(now.reversedMinor, currency)} refunded or cancelled (state: ${after.stato})`;
	if (verdict === 'unknown') {
		throw nexiApiError(node, {
			message: `The ${problem}: reading the order cannot tell whether it was applied`,
			description: `XPay lists no operations for this order and its state did not settle it: ${shows}. Check order ${code} in the XPay back office before running it again.`,
			itemIndex,
			detail: { reason: answer.reason },
		});
	}
	if (verdict === 'applied') {
		return {
			...base,
			success: true,
			operationId: null,
			processedAt: null,
			...orderState(after),
			note: `The ${problem}; reading the order confirmed it was applied: ${shows}.`,
		};
	}
	throw nexiApiError(node, {
		message: `The ${kind} of ${amountText} on order ${code} was not applied (${answer.reason})`,
		description: `Reading the order afterwards shows no new ${kind === 'capture' ? 'capture' : 'reversal'}: ${shows}. It is safe to run it again.`,
		itemIndex,
		detail: { reason: answer.reason },
	});
}

/**
 * Whether a capture or reversal of `minor` happened between two readings of the order. The
 * operations list says it best (one more operation of that kind and amount); when XPay lists
 * none, the state can still say it: a capture always moves an order out of Autorizzato, a
 * reversal always changes the state, except a partial one that leaves "Parz." as it was.
 */
export function judgeOutcome(
	kind: MoneyMoveKind,
	minor: number,
	before: XPayOrder,
	after: XPayOrder,
): 'applied' | 'notApplied' | 'unknown' {
	const was = moneyMoved(before);
	const now = moneyMoved(after);
	if (was.captures + was.reversals + now.captures + now.reversals > 0) {
		const applied =
			kind === 'capture'
				? now.captures > was.captures && now.capturedMinor - was.capturedMinor === minor
				: now.reversals > was.reversals && now.reversedMinor - was.reversedMinor === minor;
		return applied ? 'applied' : 'notApplied';
	}
	const from = orderStatus(before.stato);
	const to = orderStatus(after.stato);
	if (from !== to) return 'applied';
	const staysTheSame =
		kind === 'capture'
			? from === 'partially_captured'
			: from === 'partially_refunded' || from === 'partially_captured';
	return staysTheSame ? 'unknown' : 'notApplied';
}

function orderState(order: XPayOrder | undefined): IDataObject {
	if (!order) return { orderStatus: null, orderStatusText: null };
	const moved = moneyMoved(order);
	return {
		orderStatus: orderStatus(order.stato),
		orderStatusText: order.stato ?? null,
		capturedAmount: toMajorUnits(moved.capturedMinor),
		refundedAmount: toMajorUnits(moved.reversedMinor),
	};
}

function timeOf(timeStamp: unknown): string | undefined {
	const ms = Number(timeStamp);
	return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
}
