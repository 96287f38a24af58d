import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, toMajorUnits } from '../../../common/money';
import { withPayoutContext } from './payouts';
import type { Payout, PayoutDetail } from '../transport/schemas';

/** A minor-unit amount as its major-unit number (19396 SEK → 193.96), exactly; absent stays null. */
function major(minor: unknown, decimals: number): number | null {
	return typeof minor === 'number' && Number.isInteger(minor)
		? toMajorUnits(minor, decimals)
		: null;
}

function minorOrNull(value: unknown): number | null {
	return typeof value === 'number' ? value : null;
}

/**
 * A payout as a spreadsheet wants it: its id, date, reference and currency, and its totals in
 * the currency's major unit (by its decimals: 2 for EUR, SEK, DKK, NOK), each with its minor
 * units beside it as Nexi sent them.
 */
export function simplifyPayout(payout: Payout): IDataObject {
	const decimals = currencyDecimals(payout.currency);
	return {
		id: payout.id,
		date: payout.date ?? null,
		reference: payout.reference ?? null,
		currency: payout.currency ?? null,
		amount: major(payout.amount, decimals),
		amountMinor: minorOrNull(payout.amount),
		chargedAmount: major(payout.chargedAmount, decimals),
		chargedAmountMinor: minorOrNull(payout.chargedAmount),
		refundedAmount: major(payout.refundedAmount, decimals),
		refundedAmountMinor: minorOrNull(payout.refundedAmount),
		fees: major(payout.fees, decimals),
		feesMinor: minorOrNull(payout.fees),
		depositedAmount: major(payout.depositedAmount, decimals),
		depositedAmountMinor: minorOrNull(payout.depositedAmount),
	};
}

/**
 * A payment action as one spreadsheet row: its own id (the key to append or update by), its
 * payout's id, reference and date, what it was, and its amount and fee in major units with
 * the minor units beside them. Nexi's signs are kept: refunds and fees are negative.
 */
export function simplifyPaymentAction(action: IDataObject): IDataObject {
	const decimals = currencyDecimals(action.currency);
	return {
		id: action.id,
		payoutId: action.payoutId ?? null,
		payoutReference: action.payoutReference ?? null,
		payoutDate: action.payoutDate ?? null,
		type: action.paymentAction ?? null,
		paymentId: action.paymentId ?? null,
		reference: action.reference ?? null,
		timestamp: action.timestamp ?? null,
		paymentMethod: action.paymentMethod ?? null,
		currency: action.currency ?? null,
		amount: major(action.amount, decimals),
		amountMinor: minorOrNull(action.amount),
		fee: major(action.fee, decimals),
		feeMinor: minorOrNull(action.fee),
	};
}

/** A payout read with Get: simplified, and its payment actions too when they were read. */
export function simplifyPayoutDetail(payout: PayoutDetail): IDataObject {
	const actions = payout.paymentActions;
	return {
		...simplifyPayout(payout),
		...(actions
			? {
					paymentActions: actions.map((action) =>
						simplifyPaymentAction(withPayoutContext(action, payout)),
					),
				}
			: {}),
	};
}
