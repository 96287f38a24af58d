import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, sortedOptions } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { invalidInput, isHttpUrl } from '../../../../common/validation';
import { createLink } from '../../domain/links';
import { isReservedParameter, type LinkOptions } from '../../protocol/payMail';
import { generateTransactionCode, requireTransactionCode } from '../../domain/transactionCodes';
import type { XPayClient } from '../../transport/client';
import { amountField, readAmount } from '../common.descriptions';
import { expiresInHoursField, readExpiresInHours } from './common.descriptions';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	description:
		'Create a payment link to send to a customer, who can then pay it: needs the amount and a return URL',
	action: 'Create a PayMail link',
};

const LANGUAGES = [
	['Italian', 'ITA'],
	['English', 'ENG'],
	['Spanish', 'SPA'],
	['French', 'FRA'],
	['German', 'GER'],
	['Japanese', 'JPN'],
	['Chinese', 'CHI'],
	['Arabic', 'ARA'],
	['Russian', 'RUS'],
	['Portuguese', 'POR'],
] as const;

export const description: INodeProperties[] = [
	{
		displayName: 'Transaction Code',
		name: 'transactionCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. ORD-2024-0001 (left empty, one is generated)',
		description:
			'A new, unique code for this payment (2 to 30 characters, no spaces). Leave empty and the node makes one such as N8N20241121143000A1B2C3.',
	},
	{ ...amountField, description: 'The amount to pay, in euros: 12.5 means 12.50 EUR' },
	expiresInHoursField,
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://shop.example.com/thank-you',
		description: 'Where XPay sends the customer after paying (http or https)',
		hint: 'To act the moment the link is paid, paste the Production URL of a Nexi XPay Notification Trigger here (it sends the customer on to your page)',
	},
	additionalFieldsCollection([
		{
			displayName: 'Cancel URL',
			name: 'cancelUrl',
			type: 'string',
			default: '',
			description: 'Where the customer goes on cancelling the payment',
		},
		{
			displayName: 'Capture Mode',
			name: 'captureMode',
			type: 'options',
			options: [
				{ name: 'Terminal Default', value: '' },
				{ name: 'Immediate', value: 'C', description: 'Capture when the customer pays' },
				{
					name: 'Deferred',
					value: 'D',
					description: 'Only authorize; capture later with Order → Capture',
				},
			],
			default: '',
			description: 'Whether the payment is captured when the customer pays, or only authorized',
		},
		{
			displayName: 'Customer Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@example.com',
			default: '',
			description: 'Shown on the payment page and used for the receipt',
		},
		{
			displayName: 'Customer First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'Shown on the payment page',
		},
		{
			displayName: 'Customer Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'Shown on the payment page',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'What is being paid for, shown to the customer',
		},
		{
			displayName: 'Extra Parameters',
			name: 'extraParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Other XPay parameters, such as Note1 or OPTION_CF',
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: sortedOptions(LANGUAGES.map(([name, value]) => ({ name, value }))),
			default: 'ITA',
			description: 'The language of the payment pages',
		},
		{
			displayName: 'Notification URL',
			name: 'notificationUrl',
			type: 'string',
			default: '',
			description:
				'Where XPay posts the outcome, server to server: the Production URL of a Nexi XPay Notification Trigger, so that a customer who closes the browser before coming back is heard too',
		},
	]),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const node = this.getNode();
	const given = String(this.getNodeParameter('transactionCode', itemIndex, '') ?? '').trim();
	const code =
		given === ''
			? generateTransactionCode(DateTime.now())
			: requireTransactionCode(node, itemIndex, given);
	// PayMail links have no currency field: they are in euros.
	const minor = readAmount(this, itemIndex);
	const hours = readExpiresInHours(
		node,
		itemIndex,
		this.getNodeParameter('expiresInHours', itemIndex),
	);
	const returnUrl = String(this.getNodeParameter('returnUrl', itemIndex, '') ?? '').trim();
	if (!isHttpUrl(returnUrl)) {
		throw invalidInput(
			node,
			itemIndex,
			'Return URL',
			returnUrl,
			'an http or https address, such as https://shop.example.com/thank-you',
		);
	}
	const options = readLinkOptions(this, itemIndex);
	return [{ json: await createLink(client, { code, minor, hours, returnUrl, options }) }];
};

/** The Additional Fields in English, checked; XPay's names for them are the protocol's business. */
function readLinkOptions(context: IExecuteFunctions, itemIndex: number): LinkOptions {
	const node = context.getNode();
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const trimmed = (value: unknown) =>
		typeof value === 'string'
			? value.trim()
			: value === undefined || value === null
				? ''
				: String(value);

	const email = trimmed(fields.email);
	if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
		throw invalidInput(
			node,
			itemIndex,
			'Customer Email',
			fields.email,
			'an e-mail address such as name@example.com',
		);
	}
	for (const [field, label] of [
		['notificationUrl', 'Notification URL'],
		['cancelUrl', 'Cancel URL'],
	] as const) {
		const url = trimmed(fields[field]);
		if (url && !isHttpUrl(url)) {
			throw invalidInput(node, itemIndex, label, fields[field], 'an http or https address');
		}
	}
	const extraParameters: Array<[string, string]> = [];
	const extra = (fields.extraParameters as IDataObject | undefined)?.parameter;
	for (const parameter of Array.isArray(extra) ? (extra as IDataObject[]) : []) {
		const name = trimmed(parameter.name);
		if (!name) continue;
		if (isReservedParameter(name)) {
			throw invalidInput(
				node,
				itemIndex,
				'Extra Parameters',
				name,
				'a parameter other than the ones the node sends itself',
			);
		}
		extraParameters.push([name, trimmed(parameter.value)]);
	}
	return {
		email,
		firstName: trimmed(fields.firstName),
		lastName: trimmed(fields.lastName),
		description: trimmed(fields.description),
		language: trimmed(fields.language),
		notificationUrl: trimmed(fields.notificationUrl),
		cancelUrl: trimmed(fields.cancelUrl),
		captureMode: trimmed(fields.captureMode),
		extraParameters,
	};
}
