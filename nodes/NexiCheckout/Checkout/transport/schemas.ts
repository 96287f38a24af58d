import { z } from 'zod/v4';

/**
 * The Payment API's answers, read leniently: every field Nexi marks optional is optional,
 * unknown fields pass through, ids are accepted with or without hyphens. Amounts are strict:
 * whole minor units, or the answer is refused. The schemas only check; the domain modules read
 * the values.
 */
const text = z.string().nullish();
const minor = z.number().int().nullish();
const lines = z.array(z.record(z.string(), z.unknown())).nullish();

export const summarySchema = z
	.object({
		reservedAmount: minor,
		chargedAmount: minor,
		refundedAmount: minor,
		cancelledAmount: minor,
	})
	.passthrough();

export const chargeSchema = z
	.object({ chargeId: z.string(), amount: z.number().int(), created: text, orderItems: lines })
	.passthrough();

export const refundSchema = z
	.object({
		refundId: z.string(),
		amount: z.number().int(),
		state: text,
		lastUpdated: text,
		orderItems: lines,
	})
	.passthrough();

const record = z.record(z.string(), z.unknown()).nullish();

export const paymentSchema = z
	.object({
		paymentId: z.string(),
		summary: summarySchema.nullish(),
		consumer: record,
		paymentDetails: record,
		orderDetails: z
			.object({ amount: z.number().int(), currency: z.string(), reference: text })
			.passthrough(),
		checkout: z.object({ url: text, cancelUrl: text }).passthrough().nullish(),
		created: text,
		expiresAt: text,
		charges: z.array(chargeSchema).nullish(),
		refunds: z.array(refundSchema).nullish(),
		terminated: text,
		myReference: text,
	})
	.passthrough();

export type CheckoutPayment = z.infer<typeof paymentSchema>;

export const retrievePaymentSchema = z.object({ payment: paymentSchema }).passthrough();

export const createdPaymentSchema = z
	.object({ paymentId: z.string(), hostedPaymentPageUrl: text, expiresAt: text })
	.passthrough();

export const createdChargeSchema = z
	.object({ chargeId: z.string(), invoice: record })
	.passthrough();

export const createdRefundSchema = z.object({ refundId: z.string() }).passthrough();

/** A 204 (update, cancel, terminate): no body, read as `{}`. */
export const noContentSchema = z.object({}).passthrough();
