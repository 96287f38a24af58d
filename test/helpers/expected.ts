import type { PaymentActionRecord, PayoutRecord } from '../../sandbox/reporting/data';

/**
 * What Simplify should make of the sandbox's own records, written from the sandbox's side (not
 * with the node's code): the sandbox's currencies all have two decimals.
 */
const decimal = (minor: number) => minor / 100;

export function simplifiedPayout(payout: PayoutRecord) {
	return {
		id: payout.id,
		date: payout.date,
		reference: payout.reference,
		currency: payout.currency,
		amount: decimal(payout.amount),
		amountMinor: payout.amount,
		chargedAmount: decimal(payout.chargedAmount),
		chargedAmountMinor: payout.chargedAmount,
		refundedAmount: decimal(payout.refundedAmount),
		refundedAmountMinor: payout.refundedAmount,
		fees: decimal(payout.fees),
		feesMinor: payout.fees,
		depositedAmount: decimal(payout.depositedAmount),
		depositedAmountMinor: payout.depositedAmount,
	};
}

/** One spreadsheet row: the action's own id, its payout's id, reference and date, amounts as decimals. */
export function simplifiedAction(payout: PayoutRecord, action: PaymentActionRecord) {
	return {
		id: action.id,
		payoutId: payout.id,
		payoutReference: payout.reference,
		payoutDate: payout.date,
		type: action.paymentAction,
		paymentId: action.paymentId,
		reference: action.reference,
		timestamp: action.timestamp,
		paymentMethod: action.paymentMethod,
		currency: action.currency,
		amount: decimal(action.amount),
		amountMinor: action.amount,
		fee: decimal(action.fee),
		feeMinor: action.fee,
	};
}
