import type { CheckoutClient } from '../transport/client';
import { retrievePaymentSchema, type CheckoutPayment } from '../transport/schemas';

/**
 * One read of a payment. Checkout allows 30 of them per payment an hour, so every operation
 * reads a payment at most once before acting and once more only when an answer was lost.
 */
export async function getPayment(
	client: CheckoutClient,
	paymentId: string,
): Promise<CheckoutPayment> {
	const { payment } = await client.get({
		path: `/v1/payments/${encodeURIComponent(paymentId)}`,
		schema: retrievePaymentSchema,
		notFound: `Nexi Checkout has no payment ${paymentId} for this secret key`,
	});
	return payment;
}
