import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { additionalFieldsCollection, sortedOptions } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { invalidInput, requireCurrency } from '../../../../common/validation';
import { createPaymentPage, type Notify, type PageRequest } from '../../domain/paymentPages';
import {
	CHECKOUT_EVENTS,
	CHECKOUT_EVENT_NAMES,
	DEFAULT_EVENTS,
	MAX_WEBHOOKS,
	WEBHOOK_AUTHORIZATION,
} from '../../protocol/events';
import type { CheckoutClient } from '../../transport/client';
import { orderLinesField, readHttpUrl, readLines, readReference } from './common.descriptions';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	description: 'Create a hosted payment page for an amount, to send to the customer',
	action: 'Create a payment page',
};

const MAX_EXPIRY_DAYS = 45;

export const description: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 3 },
		description: 'What the customer pays, in major units (12.5 means 12.50), tax included',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'EUR',
		placeholder: 'e.g. SEK',
		description: 'Three letters (ISO 4217), such as EUR, SEK, NOK or DKK',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order-1042',
		description: 'Your order number: shown in the Nexi portal and sent back with every event',
	},
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/thank-you',
		description:
			'Where the customer lands after paying (Checkout adds ?paymentid=…). Required for a payment page.',
	},
	{
		displayName: 'Terms URL',
		name: 'termsUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/terms',
		description: 'Your terms and conditions, linked from the payment page (Checkout requires it)',
	},
	orderLinesField(
		'What is bought. Optional: without lines the page shows one line, the Reference, for the Amount. With lines, their totals must add up to the Amount.',
	),
	additionalFieldsCollection(
		sortedOptions([
			{
				displayName: 'Cancel URL',
				name: 'cancelUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/basket',
				description: 'Where the customer lands after pressing Cancel on the payment page',
			},
			{
				displayName: 'Charge Immediately',
				name: 'chargeImmediately',
				type: 'boolean',
				default: false,
				description:
					'Whether to charge the payment as soon as the customer completes it, instead of only reserving it to charge later (e.g. when the goods ship)',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'The customer’s email address, filled in on the payment page',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: CHECKOUT_EVENTS,
				default: [...DEFAULT_EVENTS],
				description: 'Which of this payment’s events Checkout sends to the Notify URL',
			},
			{
				displayName: 'Expires At',
				name: 'expiresAt',
				type: 'dateTime',
				default: '',
				description: `When the page stops accepting payment: at most ${MAX_EXPIRY_DAYS} days ahead. Empty: Checkout’s default, 48 hours.`,
			},
			{
				displayName: 'Notify URL',
				name: 'notifyUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…/checkout-event',
				description:
					'Where Checkout sends this payment’s events: the Production URL of a Nexi Checkout Trigger',
				hint: 'Paste the Production URL of a Nexi Checkout Trigger that uses the same credential (set its Webhook Authorization): Checkout then notifies that trigger of this payment. Checkout calls only HTTPS addresses.',
			},
		]),
	),
];

function readNotify(
	context: IExecuteFunctions,
	itemIndex: number,
	client: CheckoutClient,
	fields: IDataObject,
): Notify | undefined {
	const node = context.getNode();
	const url = typeof fields.notifyUrl === 'string' ? fields.notifyUrl.trim() : '';
	if (!url) return undefined;
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	// Checkout calls HTTPS addresses only; a custom environment (a proxy, a local sandbox) may differ.
	const https = parsed?.protocol === 'https:';
	if (!parsed || !(https || (client.environment === 'custom' && parsed.protocol === 'http:')))
		throw invalidInput(
			node,
			itemIndex,
			'Notify URL',
			url,
			'an https:// address (Checkout calls only HTTPS), such as the Production URL of a Nexi Checkout Trigger',
			'n8n shows an https:// webhook URL when it is reached through HTTPS (its WEBHOOK_URL setting).',
		);
	if (url.length > 256 || /[<>'"&\\]/.test(url))
		throw invalidInput(
			node,
			itemIndex,
			'Notify URL',
			url,
			'at most 256 characters, without < > \' " & \\ (Checkout’s limits)',
		);
	const authorization = client.webhookAuthorization;
	if (!WEBHOOK_AUTHORIZATION.test(authorization))
		throw invalidInput(
			node,
			itemIndex,
			'Notify URL',
			url,
			'a Nexi Checkout API credential with a Webhook Authorization (8 to 64 letters and digits)',
			'Checkout proves its events with that value, and the Nexi Checkout Trigger accepts only events that carry it: set it in the credential, then use the same credential in the trigger.',
		);
	const events = Array.isArray(fields.events) ? (fields.events as string[]) : DEFAULT_EVENTS;
	const unknown = events.filter((event) => !CHECKOUT_EVENT_NAMES.has(event));
	if (events.length === 0 || unknown.length > 0 || events.length > MAX_WEBHOOKS)
		throw invalidInput(
			node,
			itemIndex,
			'Events',
			events,
			`1 to ${MAX_WEBHOOKS} of Checkout's event names`,
		);
	return { url, events, authorization };
}

function readExpiry(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const at = Date.parse(String(value));
	const now = Date.now();
	if (Number.isNaN(at) || at <= now || at > now + MAX_EXPIRY_DAYS * 86_400_000)
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Expires At',
			value,
			`a date and time in the next ${MAX_EXPIRY_DAYS} days`,
		);
	return new Date(at).toISOString();
}

export const execute: OperationExecute<CheckoutClient> = async function (client, itemIndex) {
	const node = this.getNode();
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const email = typeof fields.email === 'string' ? fields.email.trim() : '';
	if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
		throw invalidInput(node, itemIndex, 'Email', email, 'an email address such as name@email.com');
	const request: PageRequest = {
		amount: this.getNodeParameter('amount', itemIndex) as unknown,
		currency: requireCurrency(
			node,
			itemIndex,
			'Currency',
			this.getNodeParameter('currency', itemIndex),
		),
		reference: readReference(this, itemIndex),
		returnUrl: readHttpUrl(
			this,
			itemIndex,
			'Return URL',
			this.getNodeParameter('returnUrl', itemIndex),
		),
		termsUrl: readHttpUrl(
			this,
			itemIndex,
			'Terms URL',
			this.getNodeParameter('termsUrl', itemIndex),
		),
		lines: readLines(this.getNodeParameter('orderLines', itemIndex, {})),
		...(email ? { email } : {}),
		...(fields.cancelUrl
			? { cancelUrl: readHttpUrl(this, itemIndex, 'Cancel URL', fields.cancelUrl) }
			: {}),
		...(fields.chargeImmediately === true ? { chargeImmediately: true } : {}),
		expiresAt: readExpiry(this, itemIndex, fields.expiresAt),
		notify: readNotify(this, itemIndex, client, fields),
	};
	return asItems([await createPaymentPage(client, { node, itemIndex }, request)]);
};
