import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, toMajorUnits } from '../../../common/money';

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

function record(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** An event as Checkout posts it: what the trigger needs before it trusts or dedupes anything. */
export interface EventEnvelope {
	id: string;
	event: string;
}

/** The event's id and name, or undefined for a body that is not a Checkout event. */
export function envelopeOf(body: unknown): EventEnvelope | undefined {
	const event = record(body);
	const id = text(event.id)?.trim();
	const name = text(event.event)?.trim();
	if (!id || !name || id.length > 128) return undefined;
	return { id, event: name };
}

/** `{amount, currency}` in an event's data, or in its order (the created and completed events). */
function moneyOf(data: IDataObject): { minor: number; currency: string } | undefined {
	for (const money of [record(data.amount), record(record(data.order).amount)]) {
		if (Number.isInteger(money.amount) && typeof money.currency === 'string')
			return { minor: money.amount as number, currency: money.currency.toUpperCase() };
	}
	return undefined;
}

function phone(value: unknown): string | null {
	const number = record(value);
	const digits = `${text(number.prefix) ?? ''}${text(number.number) ?? ''}`;
	return digits || null;
}

/** Who paid, where the event says (checkout completed, reservation created): null otherwise. */
function customerOf(data: IDataObject): IDataObject | null {
	const consumer = record(data.consumer);
	const customer = {
		email: text(consumer.email),
		firstName: text(consumer.firstName),
		lastName: text(consumer.lastName),
		phone: phone(consumer.phoneNumber),
		country: text(consumer.country),
	};
	return Object.values(customer).some((value) => value !== null) ? customer : null;
}

/**
 * The event as a workflow wants it: which event, which payment, how much in both units, who,
 * and the ids of the charge, refund or cancel it is about. Read leniently: Checkout's events
 * differ by version (`merchantNumber` on `.v2` events, `merchantId` on the others; a refund's
 * id under `refundId` or `paymentActionId`), and a missing field is null, never a failure.
 */
export function simplifyEvent(body: IDataObject, envelope: EventEnvelope): IDataObject {
	const data = record(body.data);
	const money = moneyOf(data);
	const decimals = currencyDecimals(money?.currency);
	const error = record(data.error);
	return {
		eventId: envelope.id,
		event: envelope.event,
		timestamp: text(body.timestamp),
		merchantNumber: text(body.merchantNumber ?? body.merchantId),
		paymentId: text(data.paymentId),
		amount: money ? toMajorUnits(money.minor, decimals) : null,
		amountMinor: money?.minor ?? null,
		currency: money?.currency ?? null,
		reference: text(record(data.order).reference),
		chargeId: text(data.chargeId),
		refundId: text(data.refundId ?? data.paymentActionId),
		cancelId: text(data.cancelId),
		paymentMethod: text(data.paymentMethod),
		paymentType: text(data.paymentType),
		customer: customerOf(data),
		error: Object.keys(error).length > 0 ? error : null,
		myReference: text(data.myReference),
		raw: body,
	};
}
