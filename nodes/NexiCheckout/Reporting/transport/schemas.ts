import { z } from 'zod/v4';

/**
 * The documented response shapes of the Reporting API. Fields Nexi may omit are optional,
 * unknown fields pass through untouched, and amounts must be whole minor units: a
 * response that breaks this is refused with the path of the offending field.
 */
const minor = z.number().int().nullish();
const count = z.number().int().nonnegative();
const text = z.string().nullish();

const taxDetail = z.object({ rate: z.number().nullish(), amount: minor }).passthrough();

export const payoutSchema = z
	.object({
		id: z.string().min(1),
		reference: text,
		date: text,
		bankAccountIban: text,
		bankAccountBic: text,
		currency: text,
		amount: minor,
		chargedAmount: minor,
		numberOfCharges: minor,
		refundedAmount: minor,
		numberOfRefunds: minor,
		depositedAmount: minor,
		numberOfDeposits: minor,
		fees: minor,
		feeVATpercent: z.number().nullish(),
		feeTaxRate: z.number().nullish(),
		feeTaxAmount: minor,
		transactionTaxDetails: z.array(taxDetail).nullish(),
	})
	.passthrough();

export const payoutListSchema = z
	.object({
		// Optional in Nexi's reference: without it, pages are read until a short or empty one.
		numberOfPayouts: count.nullish(),
		payouts: z.array(payoutSchema).nullish(),
	})
	.passthrough();

export const paymentActionSchema = z
	.object({
		id: z.string().min(1),
		paymentId: text,
		paymentAction: text,
		paymentMethod: text,
		paymentType: text,
		timestamp: text,
		reference: text,
		invoiceNumber: text,
		amount: minor,
		vatAmount: minor,
		currency: text,
		fee: minor,
		flexibleFee: minor,
		fixedFee: minor,
		feeVATpercent: z.number().nullish(),
		feeTaxRate: z.number().nullish(),
		feeTaxAmount: minor,
		transactionTaxDetails: z.array(taxDetail).nullish(),
		subscriptionId: text,
		transactionPayoutReference: text,
		feeType: text,
		transactionAmount: minor,
	})
	.passthrough();

export const payoutDetailSchema = payoutSchema
	.extend({
		numberOfPaymentActions: count.nullish(),
		paymentActions: z.array(paymentActionSchema).nullish(),
	})
	.passthrough();

export type Payout = z.infer<typeof payoutSchema>;
export type PaymentAction = z.infer<typeof paymentActionSchema>;
export type PayoutDetail = z.infer<typeof payoutDetailSchema>;

export const PAYMENT_ACTION_TYPES = [
	'CHARGE',
	'REFUND',
	'CHARGE_FEE',
	'REFUND_FEE',
	'FEE',
	'ADJUSTMENT',
	'CHARGEBACK',
] as const;
