import type { IDataObject } from 'n8n-workflow';

import { withFurtherDescription } from '../../../common/errors';
import { currencyDecimals, toMajorUnits, toMinorUnits } from '../../../common/money';
import { invalidInput, type ItemAt } from '../../../common/validation';
import type { CheckoutClient } from '../transport/client';
import { createdPaymentSchema, noContentSchema } from '../transport/schemas';
import { orderItems, requireLinesMatch, singleLine, type LineInput } from './orderLines';
import { getPayment } from './paymentReads';

/** ItemAt Checkout should send a payment's events, and which. */
export interface Notify {
	url: string;
	events: string[];
	/** The credential's Webhook Authorization, sent back by Checkout in each event's Authorization header. */
	authorization: string;
}

export interface PageRequest {
	amount: unknown;
	currency: string;
	reference: string;
	returnUrl: string;
	termsUrl: string;
	lines?: LineInput[];
	email?: string;
	cancelUrl?: string;
	chargeImmediately?: boolean;
	/** ISO 8601, UTC. */
	expiresAt?: string;
	notify?: Notify;
}

/** The Create Payment body of a hosted payment page, its arithmetic checked before sending. */
export function pageBody(
	where: ItemAt,
	request: PageRequest,
): { body: IDataObject; minor: number } {
	const decimals = currencyDecimals(request.currency);
	const amount = toMinorUnits(request.amount, decimals);
	if (!amount.ok)
		throw invalidInput(
			where.node,
			where.itemIndex,
			'Amount',
			request.amount,
			`a positive amount in ${request.currency} with at most ${decimals} decimals (${amount.problem})`,
		);
	const lines = request.lines?.length
		? orderItems(where, request.lines, decimals)
		: [singleLine(amount.minor, request.reference, request.reference)];
	if (request.lines?.length)
		requireLinesMatch(where, lines, amount.minor, request.currency, decimals);
	const checkout: IDataObject = {
		integrationType: 'HostedPaymentPage',
		returnUrl: request.returnUrl,
		termsUrl: request.termsUrl,
	};
	if (request.cancelUrl) checkout.cancelUrl = request.cancelUrl;
	if (request.chargeImmediately) checkout.charge = true;
	if (request.email) checkout.consumer = { email: request.email };
	if (request.expiresAt) checkout.expiresAt = request.expiresAt;
	const body: IDataObject = {
		order: {
			items: lines as unknown as IDataObject[],
			amount: amount.minor,
			currency: request.currency,
			reference: request.reference,
		},
		checkout,
	};
	if (request.notify)
		body.notifications = {
			// One webhook per event: Checkout's way of sending several events to one address.
			webHooks: request.notify.events.map((eventName) => ({
				eventName,
				url: request.notify!.url,
				authorization: request.notify!.authorization,
			})),
		};
	return { body, minor: amount.minor };
}

/**
 * Creates a hosted payment page. Creating moves no money and Checkout takes no Idempotency-Key
 * for it, so a lost answer is reported, not retried: a page nobody is sent expires unpaid.
 */
export async function createPaymentPage(
	client: CheckoutClient,
	where: ItemAt,
	request: PageRequest,
): Promise<IDataObject> {
	const { body, minor } = pageBody(where, request);
	const sent = await client.write({
		method: 'POST',
		path: '/v1/payments',
		body,
		schema: createdPaymentSchema,
	});
	if (sent.kind === 'unknown') {
		throw withFurtherDescription(
			sent.error,
			`Whether the payment was created is not known. Running the item again creates a new page; one created now and never sent to the customer expires unpaid and moves no money.`,
		);
	}
	if (sent.kind === 'refused') throw sent.error;
	return {
		paymentId: sent.value.paymentId,
		url: sent.value.hostedPaymentPageUrl ?? null,
		expiresAt: sent.value.expiresAt ?? null,
		status: 'created',
		amount: toMajorUnits(minor, currencyDecimals(request.currency)),
		amountMinor: minor,
		currency: request.currency,
		reference: request.reference,
		notifyUrl: request.notify?.url ?? null,
		notifyEvents: request.notify?.events ?? [],
	};
}

/**
 * Changes a payment's order reference. Checkout takes the checkout URL with it: the payment's
 * own unless another is given (a hosted page has none: then the user must give it).
 */
export async function updateReference(
	client: CheckoutClient,
	where: ItemAt,
	paymentId: string,
	reference: string,
	checkoutUrl: string,
): Promise<IDataObject> {
	const payment = await getPayment(client, paymentId);
	const url = checkoutUrl || payment.checkout?.url || '';
	if (!url)
		throw invalidInput(
			where.node,
			where.itemIndex,
			'Checkout URL',
			'',
			'the address of your checkout page (this payment has none; Checkout requires one with the reference)',
			'Set it under Options → Checkout URL. Nothing was sent to Nexi.',
		);
	const sent = await client.write({
		method: 'PUT',
		path: `/v1/payments/${encodeURIComponent(paymentId)}/referenceinformation`,
		body: { checkoutUrl: url, reference },
		schema: noContentSchema,
	});
	// Setting a reference twice sets the same reference: a lost answer is safe to repeat.
	if (sent.kind !== 'ok') throw sent.error;
	return {
		paymentId: payment.paymentId,
		operation: 'updateReference',
		reference,
		previousReference: payment.orderDetails.reference ?? null,
		checkoutUrl: url,
	};
}
