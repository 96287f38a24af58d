import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { withFurtherDescription } from '../../../../common/errors';
import { asItems } from '../../../../common/itemLoop';
import { currencyDecimals, toMinorUnits } from '../../../../common/money';
import { additionalFieldsCollection, simplifyField } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import {
	invalidInput,
	isHttpUrl,
	requireCurrency,
	requireWholeNumber,
} from '../../../../common/validation';
import { createLink, simplifyLink, type NewLink } from '../../domain/links';
import type { XPayKeyClient } from '../../transport/client';
import { orderIdField, readOrderId } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	description: 'Create a payment link to send to a customer',
	action: 'Create a payment link',
};

const LANGUAGES = [
	{ name: 'Arabic', value: 'ara' },
	{ name: 'Chinese', value: 'zha' },
	{ name: 'English', value: 'eng' },
	{ name: 'French', value: 'fra' },
	{ name: 'German', value: 'deu' },
	{ name: 'Greek', value: 'ell' },
	{ name: 'Italian', value: 'ita' },
	{ name: 'Japanese', value: 'jpn' },
	{ name: 'Portuguese', value: 'por' },
	{ name: 'Russian', value: 'rus' },
	{ name: 'Spanish', value: 'spa' },
];

export const description: INodeProperties[] = [
	orderIdField(
		'Your own ID for the order the link pays: unique, 1 to 27 letters, digits or # * + - . : ; = ? [ ] _ { | }',
	),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'How much the customer pays, in major units (12.5 means 12.50 EUR)',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'EUR',
		placeholder: 'e.g. EUR',
		description: 'Three-letter ISO 4217 code the terminal accepts',
	},
	{
		displayName: 'Expires In (Days)',
		name: 'expiresInDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1, maxValue: 90 },
		description: 'Days until the link stops working (XPay allows 1 to 90)',
	},
	simplifyField,
	additionalFieldsCollection([
		{
			displayName: 'Cancel URL',
			name: 'cancelUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/payment-cancelled',
			description: 'Where the customer goes after giving up on the payment page',
		},
		{
			displayName: 'Capture',
			name: 'captureType',
			type: 'options',
			options: [
				{
					name: 'Terminal Default',
					value: '',
					description: 'As the terminal is set up in the XPay back office',
				},
				{
					name: 'Authorize Only',
					value: 'EXPLICIT',
					description: 'Reserve the money; capture it later with Order → Capture',
				},
				{
					name: 'Capture at Payment',
					value: 'IMPLICIT',
					description: 'Take the money when the customer pays',
				},
			],
			default: '',
			description:
				'Whether the payment is captured at once. A terminal set to capture at payment refuses Authorize Only.',
		},
		{
			displayName: 'Customer Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: 'Customer Name',
			name: 'name',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'What the payment is for, shown to the customer (up to 255 characters)',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: [{ name: 'Terminal Default', value: '' }, ...LANGUAGES],
			default: '',
			description: 'Language of the payment page',
		},
		{
			displayName: 'Notification URL',
			name: 'notificationUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…',
			description:
				'Where XPay posts the outcome: paste the Production URL of a Nexi XPay Notification Trigger set to API Key',
			hint: 'Must be a public https address that needs no login',
		},
		{
			displayName: 'Result URL',
			name: 'resultUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/thank-you',
			description: 'Where the customer goes after paying',
		},
	]),
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const node = this.getNode();
	const orderId = readOrderId(this, itemIndex);
	const currency = requireCurrency(
		node,
		itemIndex,
		'Currency',
		this.getNodeParameter('currency', itemIndex, 'EUR'),
	);
	const rawAmount = this.getNodeParameter('amount', itemIndex) as unknown;
	const decimals = currencyDecimals(currency);
	const amount = toMinorUnits(rawAmount, decimals);
	if (!amount.ok)
		throw invalidInput(
			node,
			itemIndex,
			'Amount',
			rawAmount,
			`a positive amount in ${currency} with at most ${decimals} decimals (${amount.problem})`,
		);
	const expiresInDays = requireWholeNumber(
		node,
		itemIndex,
		'Expires In (Days)',
		this.getNodeParameter('expiresInDays', itemIndex, 30),
		1,
		90,
	);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const link: NewLink = { orderId, amountMinor: amount.minor, currency, expiresInDays };
	for (const field of ['resultUrl', 'cancelUrl', 'notificationUrl'] as const) {
		const value = typeof extra[field] === 'string' ? (extra[field] as string).trim() : '';
		if (!value) continue;
		if (!isHttpUrl(value))
			throw invalidInput(node, itemIndex, field, extra[field], 'an http or https address');
		link[field] = value;
	}
	const email = typeof extra.email === 'string' ? extra.email.trim() : '';
	if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
		throw invalidInput(node, itemIndex, 'Customer Email', extra.email, 'an e-mail address');
	if (email) link.email = email;
	const description = typeof extra.description === 'string' ? extra.description.trim() : '';
	if (description.length > 255)
		throw invalidInput(node, itemIndex, 'Description', description, 'at most 255 characters');
	if (description) link.description = description;
	if (typeof extra.name === 'string' && extra.name.trim()) link.name = extra.name.trim();
	if (extra.language) link.language = String(extra.language);
	if (extra.captureType) link.captureType = extra.captureType as NewLink['captureType'];

	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const result = await createLink(client, link);
	if (result.kind === 'refused') throw result.error;
	if (result.kind === 'unknown') {
		throw withFurtherDescription(
			result.error,
			`The link may have been created: before trying again, check the XPay back office for order ${orderId} (a second link with the same Order ID is refused).`,
		);
	}
	const created = result.value.paymentLink;
	return asItems([simplify ? simplifyLink(created, link) : (result.value as IDataObject)]);
};
