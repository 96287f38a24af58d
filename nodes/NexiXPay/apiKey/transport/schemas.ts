import { z } from 'zod/v4';

/**
 * The answers of XPay's API-key platform, read leniently: every field Nexi documents is
 * optional (its reference marks them so), unknown fields pass through, and where sources
 * disagree both shapes are accepted (times with or without a zone, currencies as letters or
 * ISO numbers, the order's links as `paymentLinks`, `paymentLink` or `links`). Amounts are
 * strict: strings (or numbers) of whole minor units, or the answer is refused. The schemas only
 * check: the domain modules read the values (common/responses.ts hands on the parsed body).
 */
const text = z.string().nullish();
const minor = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).nullish();
/** Ids are strings in the reference; a number is accepted too. */
const id = z.union([z.string(), z.number()]);

export const operationSchema = z
	.object({
		orderId: text,
		operationId: id,
		channel: text,
		operationType: text,
		operationResult: text,
		operationTime: text,
		paymentMethod: text,
		paymentCircuit: text,
		paymentInstrumentInfo: text,
		cancelledOperationId: id.nullish(),
		operationAmount: minor,
		operationCurrency: id.nullish(),
		customerInfo: z.record(z.string(), z.unknown()).nullish(),
		paymentLinkId: id.nullish(),
	})
	.passthrough();

export const orderSchema = z
	.object({
		orderId: z.string(),
		amount: minor,
		currency: text,
		customerId: text,
		description: text,
		customField: text,
		customerInfo: z.record(z.string(), z.unknown()).nullish(),
	})
	.passthrough();

export const orderStatusSchema = z
	.object({
		order: orderSchema,
		authorizedAmount: minor,
		capturedAmount: minor,
		lastOperationType: text,
		lastOperationTime: text,
	})
	.passthrough();

export const paymentLinkSchema = z
	.object({
		linkId: id,
		amount: minor,
		expirationDate: text,
		link: text,
		paidByOperationId: id.nullish(),
		status: text,
	})
	.passthrough();

export const orderDetailSchema = z
	.object({
		orderStatus: orderStatusSchema,
		operations: z.array(operationSchema).nullish(),
		paymentLinks: z.array(paymentLinkSchema).nullish(),
		paymentLink: z.array(paymentLinkSchema).nullish(),
		links: z.array(paymentLinkSchema).nullish(),
	})
	.passthrough();

export const orderListSchema = z
	.object({ orders: z.array(orderStatusSchema).nullish() })
	.passthrough();

export const operationListSchema = z
	.object({ operations: z.array(operationSchema).nullish() })
	.passthrough();

export const linkListSchema = z
	.object({ paymentLinks: z.array(paymentLinkSchema).nullish() })
	.passthrough();

export const createdLinkSchema = z
	.object({ paymentLink: paymentLinkSchema, securityToken: text })
	.passthrough();

export const postOperationSchema = z.object({ operationId: id, operationTime: text }).passthrough();

/** An answer whose body says nothing the node needs (a link cancel: empty, or an object). */
export const acknowledgementSchema = z.object({}).passthrough();

export type KeyOperation = z.infer<typeof operationSchema>;
export type KeyOrder = z.infer<typeof orderSchema>;
export type KeyOrderStatus = z.infer<typeof orderStatusSchema>;
export type KeyOrderDetail = z.infer<typeof orderDetailSchema>;
export type KeyPaymentLink = z.infer<typeof paymentLinkSchema>;
