import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { nexiApiError } from '../../../common/errors';
import { formatMinor, toMajorUnits } from '../../../common/money';
import { invalidInput } from '../../../common/validation';
import { CURRENCIES, currencyLetters, SAME_AS_ORDER } from './currencies';
import { findOrder, moneyMoved, orderOperations, requireOrder } from './orders';
import { envelopeSchema, type XPayOperation, type XPayOrder } from '../transport/schemas';
import { minorOf } from './values';
import { orderStatus } from './statuses';
import { xpayError, type XPayClient } from '../transport/client';

export type MoneyMoveKind = 'capture' | 'refund';

/** A capture or refund as asked for: the order, the amount in minor units, its currency. */
export interface MoneyMove {
	code: string;
	minor: number;
	/** Letters, or SAME_AS_ORDER. */
	currency: string;
	/** Refunds of PayPal partial captures: the capture the user said this refund reverses. */
	payPalCaptureId?: string;
}

export interface MoneyMoveOptions {
	/** Version 2 also says what is left to capture and to refund after the move. */
	withRemaining?: boolean;
}

const SERVICE = { capture: 'contabilizza', refund: 'storna' } as const;
const VERB = { capture: 'capture', refund: 'refund or cancel' } as const;

/**
 * Capture (contabilizza) or refund/cancel (storna): requests that move money, sent exactly once.
 *
 * The order is read first: a wrong code is a clear error before anything is sent, the order
 * gives the currency to send (and refuses one that is not the order's) and, for PayPal, the
 * partial capture a refund reverses; and it is the baseline to judge by. When the answer is
 * lost or cannot be trusted, the order is read again: one more capture (or reversal) of this
 * amount than before means it was applied; none means it was not and it is safe to try again;
 * an unreadable order means nobody can tell yet, and the error says so instead of guessing.
 */
export async function moveMoney(
	client: XPayClient,
	kind: MoneyMoveKind,
	move: MoneyMove,
	options: MoneyMoveOptions = {},
): Promise<IDataObject> {
	const { node, itemIndex } = client;
	const { code, minor } = move;
	const asked = move.currency === SAME_AS_ORDER ? undefined : move.currency;
	const askedText = asked ? formatMinor(minor, asked) : formatMinor(minor, '').trim();
	const before = await requireOrder(
		client,
		code,
		`${VERB[kind]} ${askedText} on order ${code}`,
		'Nothing was sent to capture or refund.',
	);
	const { currency, numeric } = chargeCurrency(client, before, asked);
	const amountText = formatMinor(minor, currency);
	const action = `${VERB[kind]} ${amountText} on order ${code}`;
	const payPalCaptureId =
		kind === 'refund'
			? payPalCaptureToReverse(client, before, minor, currency, move.payPalCaptureId)
			: undefined;

	const body: IDataObject = {
		codiceTransazione: code,
		importo: minor,
		divisa: numeric,
	};
	// Not in the MAC (Nexi's order-detail page): only read by storna for PayPal partial captures.
	if (payPalCaptureId !== undefined) body.idContabParzialePayPal = payPalCaptureId;
	const sentAt = new Date().toISOString();
	const answer = await client.write(SERVICE[kind], body, envelopeSchema);
	const base = {
		transactionCode: code,
		operation: kind,
		amount: toMajorUnits(minor),
		amountMinor: minor,
		currency,
		...(payPalCaptureId ? { payPalCaptureId } : {}),
	};
	const state = (order: XPayOrder | undefined) => orderState(order, options.withRemaining === true);

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
			...state(after),
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
			...state(after),
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

/** The order after the move; with `withRemaining`, what is left to capture and to refund. */
function orderState(order: XPayOrder | undefined, withRemaining: boolean): IDataObject {
	const remaining = withRemaining ? remainingAmounts(order) : {};
	if (!order) return { orderStatus: null, orderStatusText: null, ...remaining };
	const moved = moneyMoved(order);
	return {
		orderStatus: orderStatus(order.stato),
		orderStatusText: order.stato ?? null,
		capturedAmount: toMajorUnits(moved.capturedMinor),
		refundedAmount: toMajorUnits(moved.reversedMinor),
		...remaining,
	};
}

/**
 * What can still be captured (only an authorized or partly captured order can be) and refunded
 * (what was captured and not reversed). Read from the operations; when XPay lists none, the
 * state says it for the settled states and nothing can be said for the partial ones (null).
 */
export function remainingAmounts(order: XPayOrder | undefined): IDataObject {
	const unknown = {
		remainingToCapture: null,
		remainingToCaptureMinor: null,
		remainingToRefund: null,
		remainingToRefundMinor: null,
	};
	const authorized = order ? minorOf(order.importo) : null;
	if (!order || authorized === null) return unknown;
	const status = orderStatus(order.stato);
	const moved = moneyMoved(order);
	let captured = moved.capturedMinor;
	let reversed = moved.reversedMinor;
	if (moved.captures + moved.reversals === 0) {
		if (status === 'partially_captured' || status === 'partially_refunded') return unknown;
		captured = status === 'captured' || status === 'refunded' ? authorized : 0;
		reversed = status === 'refunded' ? authorized : 0;
	}
	const toCapture =
		status === 'authorized' || status === 'partially_captured'
			? Math.max(0, authorized - captured)
			: 0;
	const toRefund = status === 'cancelled' ? 0 : Math.max(0, captured - reversed);
	return {
		remainingToCapture: toMajorUnits(toCapture),
		remainingToCaptureMinor: toCapture,
		remainingToRefund: toMajorUnits(toRefund),
		remainingToRefundMinor: toRefund,
	};
}

/**
 * The currency to send, as letters (for the item and messages) and XPay's numeric code: the
 * order's own, or the one asked for, which must then be the order's. The numeric code comes from
 * the known list (CURRENCIES) or, for a currency it lacks, from the order detail's codiceValuta,
 * where the detail gives it with two decimals (decimaliValuta), as amounts are read with two.
 * Anything else is refused before money moves.
 */
function chargeCurrency(
	client: XPayClient,
	order: XPayOrder,
	asked: string | undefined,
): { currency: string; numeric: string } {
	const detail = (order.dettaglio?.[0] ?? {}) as IDataObject;
	const orderCurrency = currencyLetters(order.divisa ?? detail.divisa);
	const known = Object.keys(CURRENCIES).join(', ');
	if (asked === undefined) {
		if (orderCurrency && CURRENCIES[orderCurrency]) {
			return { currency: orderCurrency, numeric: CURRENCIES[orderCurrency] };
		}
		const numeric = String(detail.codiceValuta ?? '').trim();
		const decimals = String(detail.decimaliValuta ?? '').trim();
		// codiceValuta is among XPay's currency-conversion (DCC) fields: a code that is another
		// known currency's is not the order's, and is never sent.
		const hasCode = /^\d{3}$/.test(numeric);
		const named = currencyLetters(numeric);
		if (named && orderCurrency && named !== orderCurrency) {
			throw new NodeOperationError(
				client.node,
				`Order ${order.codiceTransazione} is in ${orderCurrency}, but the currency code its detail gives (${numeric}) is ${named}'s`,
				{
					itemIndex: client.itemIndex,
					description:
						'Nothing was sent: that code may be a converted currency (XPay lists codiceValuta among its currency-conversion fields), not the one the order is in.',
				},
			);
		}
		if (hasCode && (decimals === '' || decimals === '2')) {
			return { currency: orderCurrency ?? numeric, numeric };
		}
		const what = orderCurrency ?? 'a currency it does not name';
		throw new NodeOperationError(
			client.node,
			hasCode
				? `Order ${order.codiceTransazione} is in ${what} with ${decimals} decimals, which this node does not capture or refund`
				: orderCurrency
					? `Order ${order.codiceTransazione} is in ${orderCurrency}, a currency XPay's capture and refund are not known to take`
					: `XPay's answer for order ${order.codiceTransazione} carries no currency`,
			{
				itemIndex: client.itemIndex,
				description: hasCode
					? 'Nothing was sent: amounts are read with two decimals, so another number of decimals would move another amount.'
					: `Nothing was sent: neither the order's detail (codiceValuta) nor the currencies known to XPay's capture and refund (${known}) give its code. Choose one in Currency if the order really is in it.`,
			},
		);
	}
	if (orderCurrency && orderCurrency !== asked) {
		throw invalidInput(
			client.node,
			client.itemIndex,
			'Currency',
			asked,
			`the order's own currency, ${orderCurrency} (or Same as the Order)`,
			"Nothing was sent: Nexi would refuse a capture or refund in another currency than the order's, or take it as another amount.",
		);
	}
	return { currency: asked, numeric: CURRENCIES[asked] };
}

/**
 * Nexi's order-detail page: a refund of a PayPal partial capture must carry that capture's
 * idContabParzialePayPal (from the order's operations); an order without partial captures (a
 * Sale) is refunded by its code alone. A refund reverses one capture: the one the user named,
 * or the only one with money left. Several with money left and none named is refused, since
 * which one XPay should reverse cannot be told.
 */
function payPalCaptureToReverse(
	client: XPayClient,
	order: XPayOrder,
	minor: number,
	currency: string,
	chosen: string | undefined,
): string | undefined {
	const captures = payPalCaptures(order);
	if (captures.length === 0) return undefined;
	const list = captures
		.map(({ id, left }) => `${id} (${formatMinor(left, currency)} left)`)
		.join(', ');
	const fail = (message: string, description: string) =>
		new NodeOperationError(client.node, message, { itemIndex: client.itemIndex, description });
	let capture = chosen === undefined ? undefined : captures.find(({ id }) => id === chosen);
	if (chosen !== undefined && !capture) {
		throw invalidInput(
			client.node,
			client.itemIndex,
			'PayPal Capture ID',
			chosen,
			`one of the PayPal captures of order ${order.codiceTransazione}: ${list}`,
		);
	}
	if (!capture) {
		const open = captures.filter(({ left }) => left > 0);
		if (open.length === 0) {
			throw fail(
				`Every PayPal capture of order ${order.codiceTransazione} is refunded already`,
				`Nothing was sent. Its captures: ${list}.`,
			);
		}
		if (open.length > 1) {
			throw fail(
				`Order ${order.codiceTransazione} was captured with PayPal in ${open.length} parts: say which one this refund reverses`,
				`Nothing was sent. A PayPal refund reverses one capture; put its ID in Options → PayPal Capture ID: ${list}. To refund more than one capture, refund each with its own ID.`,
			);
		}
		capture = open[0];
	}
	if (minor > capture.left) {
		throw fail(
			`The refund of ${formatMinor(minor, currency)} is more than what is left of PayPal capture ${capture.id} (${formatMinor(capture.left, currency)})`,
			'Nothing was sent. A PayPal refund reverses one capture; refund the rest against the other captures.',
		);
	}
	return capture.id;
}

/** An order's PayPal partial captures (CONTAB. with an idContabParzialePayPal), with what is left of each. */
export function payPalCaptures(order: XPayOrder): Array<{ id: string; left: number }> {
	const operations = orderOperations(order);
	const idOf = (operation: XPayOperation) =>
		typeof operation.idContabParzialePayPal === 'string'
			? operation.idContabParzialePayPal.trim()
			: '';
	const isType = (operation: XPayOperation, type: string) =>
		String(operation.tipoOperazione ?? '')
			.trim()
			.toUpperCase() === type;
	return operations
		.filter((operation) => isType(operation, 'CONTAB.') && idOf(operation) !== '')
		.map((capture) => {
			const reversed = operations
				.filter((operation) => isType(operation, 'STORNO') && idOf(operation) === idOf(capture))
				.reduce((sum, operation) => sum + (minorOf(operation.importo) ?? 0), 0);
			return { id: idOf(capture), left: (minorOf(capture.importo) ?? 0) - reversed };
		});
}

function timeOf(timeStamp: unknown): string | undefined {
	const ms = Number(timeStamp);
	return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
}
