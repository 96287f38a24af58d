/**
 * Checkout's Payment API error codes (`{message, code, source}` on 402 and other refusals), as
 * Nexi's own PHP SDK names them (`ErrorCodeEnum`), in plain English.
 */
const EXPLAINED: Record<string, string> = {
	'1000': 'Checkout could not process the request',
	'1001': 'The amount is more than is left reserved on the payment',
	'1002': 'The amount must be more than zero',
	'1003': 'The payment is not reserved (the customer has not completed it, or it was cancelled)',
	'1004': 'The payment is already reserved',
	'1005': 'The amount differs from the sum of the order lines',
	'1006': 'No customer was added to the payment',
	'1007': 'This payment method does not allow a partial cancel',
	'1008': 'The payment is already charged',
	'1009': 'The refund amount is not valid: more than is left to refund',
	'1010': 'The reservation has expired',
	'1011': 'The charge was not found',
	'1012': 'The refund was cancelled',
	'1013': 'The refund has expired',
	'1014': 'The refund failed',
	'1015': 'Order lines are missing (Checkout needs them for a partial amount)',
	'1016': 'The order reference was already set',
	'1017': 'The checkout domain cannot be changed',
	'1018': 'The payment has no order reference',
	'1019': 'The payment is already cancelled',
	'1020': 'The payment method could not charge the payment',
	'1021': 'The shipping cost has not been specified',
	'1022': 'The payment method could not reserve the payment',
	'1023': 'The payment is already refunded',
	'1024': 'This payment method does not allow a partial charge',
	'1025': 'The refund could not be cancelled',
	'1026': 'This charge was already sent with a different amount (same Idempotency-Key)',
	'1027': 'This refund was already sent with a different amount (same Idempotency-Key)',
	'1028': 'The order could not be updated at the invoice provider',
	'1029': 'The card issuer declined (hard decline)',
	'1030': 'The subscription has expired',
	'1031': 'The subscription is not valid',
	'1032': 'The subscription trace ID is not genuine',
};

/** Checkout's code in English, or undefined for a code the SDK does not name. */
export function explainCode(code: string | undefined): string | undefined {
	return code === undefined ? undefined : EXPLAINED[code.trim()];
}
