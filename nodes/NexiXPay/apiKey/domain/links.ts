import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, toMajorUnits } from '../../../common/money';
import { XPAY_ZONE } from '../../protocol/zone';
import type { XPayKeyClient, PostResult } from '../transport/client';
import {
	acknowledgementSchema,
	createdLinkSchema,
	type KeyPaymentLink,
} from '../transport/schemas';
import { minorOf } from './orders';

export interface NewLink {
	orderId: string;
	amountMinor: number;
	currency: string;
	/** Days from today (Italian time) until the link expires: XPay allows at most 90. */
	expiresInDays: number;
	email?: string;
	name?: string;
	description?: string;
	language?: string;
	resultUrl?: string;
	cancelUrl?: string;
	notificationUrl?: string;
	captureType?: 'IMPLICIT' | 'EXPLICIT';
}

/** The expiry date XPay takes (YYYY-MM-DD), `days` after today in Italy. */
export function expirationDate(days: number, now: DateTime = DateTime.now()): string {
	return now.setZone(XPAY_ZONE).plus({ days }).toISODate() as string;
}

/** The request body of POST /orders/paybylink: expirationDate beside order and paymentSession. */
export function linkRequest(link: NewLink, now?: DateTime): IDataObject {
	const amount = String(link.amountMinor);
	const customer: IDataObject = {};
	if (link.name) customer.cardHolderName = link.name;
	if (link.email) customer.cardHolderEmail = link.email;
	const session: IDataObject = { actionType: 'PAY', amount };
	for (const key of [
		'language',
		'resultUrl',
		'cancelUrl',
		'notificationUrl',
		'captureType',
	] as const)
		if (link[key]) session[key] = link[key];
	return {
		order: {
			orderId: link.orderId,
			amount,
			currency: link.currency,
			...(link.description ? { description: link.description } : {}),
			...(Object.keys(customer).length ? { customerInfo: customer } : {}),
		},
		paymentSession: session,
		expirationDate: expirationDate(link.expiresInDays, now),
	};
}

const LINK_STATUSES: Record<string, string> = {
	ACTIVE: 'active',
	DELETED: 'cancelled',
	EXPIRED: 'expired',
	INACTIVE: 'inactive',
};

/** A link as the node's simplified items show it: `paid` once an operation paid it. */
export function simplifyLink(link: KeyPaymentLink, known: Partial<NewLink> = {}): IDataObject {
	const currency = known.currency ?? null;
	const amountMinor = minorOf(link.amount) ?? known.amountMinor ?? null;
	const paidBy =
		link.paidByOperationId === null ||
		link.paidByOperationId === undefined ||
		link.paidByOperationId === ''
			? null
			: String(link.paidByOperationId);
	return {
		linkId: String(link.linkId),
		url: link.link ?? null,
		...(known.orderId ? { orderId: known.orderId } : {}),
		status: paidBy ? 'paid' : (LINK_STATUSES[String(link.status ?? '')] ?? link.status ?? null),
		amount: amountMinor === null ? null : toMajorUnits(amountMinor, currencyDecimals(currency)),
		amountMinor,
		currency,
		expirationDate: link.expirationDate ?? null,
		paidByOperationId: paidBy,
	};
}

/**
 * Creates the link. It is sent once: XPay takes no idempotency key here, and a second try with
 * the same order ID is refused as a duplicate, so a lost answer is reported, not retried.
 */
export async function createLink(
	client: XPayKeyClient,
	link: NewLink,
): Promise<PostResult<{ paymentLink: KeyPaymentLink }>> {
	const result = await client.post({
		path: '/orders/paybylink',
		body: linkRequest(link),
		schema: createdLinkSchema,
	});
	if (result.kind !== 'ok') return result;
	// The security token only proves notifications; the trigger checks them with the API instead.
	const answer = { ...result.value };
	delete answer.securityToken;
	return { kind: 'ok', value: answer };
}

export async function cancelLink(
	client: XPayKeyClient,
	linkId: string,
): Promise<PostResult<unknown>> {
	return await client.post({
		path: `/paybylink/${encodeURIComponent(linkId)}/cancels`,
		body: {},
		schema: acknowledgementSchema,
		notFound: `XPay has no payment link with ID ${linkId}`,
	});
}
