/**
 * The webhook events Checkout sends (../shared/specs/checkout-payments.md §4.3), in the user's
 * words. The `.v2` events are Checkout's current versions of three events; the older names
 * still work. Registered per payment: one webhook per event name.
 */
export const CHECKOUT_EVENTS: Array<{ name: string; value: string; description: string }> = [
	{
		name: 'Payment Created',
		value: 'payment.created',
		description: 'The customer pressed Pay on the payment page',
	},
	{
		name: 'Reservation Created (V2)',
		value: 'payment.reservation.created.v2',
		description: 'The amount was reserved on the customer’s card or account',
	},
	{
		name: 'Reservation Created (Legacy)',
		value: 'payment.reservation.created',
		description: 'The older version of Reservation Created, with card details',
	},
	{
		name: 'Reservation Failed',
		value: 'payment.reservation.failed',
		description: 'The amount could not be reserved',
	},
	{
		name: 'Checkout Completed',
		value: 'payment.checkout.completed',
		description: 'The customer completed the payment page: the payment is reserved',
	},
	{
		name: 'Charge Created (V2)',
		value: 'payment.charge.created.v2',
		description: 'Money was charged, in full or in part',
	},
	{
		name: 'Charge Created (Legacy)',
		value: 'payment.charge.created',
		description: 'The older version of Charge Created',
	},
	{ name: 'Charge Failed', value: 'payment.charge.failed', description: 'A charge failed' },
	{
		name: 'Charge Failed (V2)',
		value: 'payment.charge.failed.v2',
		description: 'A charge failed (newer version; not every account sends it)',
	},
	{
		name: 'Refund Initiated (V2)',
		value: 'payment.refund.initiated.v2',
		description: 'A refund was started',
	},
	{
		name: 'Refund Initiated (Legacy)',
		value: 'payment.refund.initiated',
		description: 'The older version of Refund Initiated',
	},
	{
		name: 'Refund Completed',
		value: 'payment.refund.completed',
		description: 'A refund reached the customer',
	},
	{ name: 'Refund Failed', value: 'payment.refund.failed', description: 'A refund failed' },
	{
		name: 'Cancel Created',
		value: 'payment.cancel.created',
		description: 'A reservation was cancelled, in full or in part',
	},
	{ name: 'Cancel Failed', value: 'payment.cancel.failed', description: 'A cancel failed' },
];

export const CHECKOUT_EVENT_NAMES = new Set(CHECKOUT_EVENTS.map(({ value }) => value));

/** The events most workflows want: paid, charged, refunded, cancelled (the current versions). */
export const DEFAULT_EVENTS: string[] = [
	'payment.checkout.completed',
	'payment.charge.created.v2',
	'payment.refund.completed',
	'payment.cancel.created',
];

/** A webhook's authorization, as Checkout requires it: 8 to 64 letters and digits. */
export const WEBHOOK_AUTHORIZATION = /^[A-Za-z0-9]{8,64}$/;

/** At most this many webhooks per payment (one per event). */
export const MAX_WEBHOOKS = 32;
