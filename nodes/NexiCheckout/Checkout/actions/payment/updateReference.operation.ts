import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { optionsCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { updateReference } from '../../domain/paymentPages';
import type { CheckoutClient } from '../../transport/client';
import { paymentIdField, readHttpUrl, readPaymentId, readReference } from './common.descriptions';

export const option: OperationOption = {
	name: 'Update Reference',
	value: 'updateReference',
	description: 'Change a payment’s order reference (your order number)',
	action: 'Update a payment reference',
};

export const description: INodeProperties[] = [
	paymentIdField('The payment whose reference to change'),
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order-1042',
		description: 'The new order reference, up to 128 characters',
	},
	optionsCollection([
		{
			displayName: 'Checkout URL',
			name: 'checkoutUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/checkout',
			description:
				'The page of your site the payment belongs to. Empty: the one the payment already has.',
		},
	]),
];

export const execute: OperationExecute<CheckoutClient> = async function (client, itemIndex) {
	const node = this.getNode();
	const paymentId = readPaymentId(this, itemIndex);
	const reference = readReference(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// Empty: the checkout URL the payment already has.
	const given = typeof options.checkoutUrl === 'string' ? options.checkoutUrl.trim() : '';
	const checkoutUrl = given ? readHttpUrl(this, itemIndex, 'Checkout URL', given) : '';
	return asItems([
		await updateReference(client, { node, itemIndex }, paymentId, reference, checkoutUrl),
	]);
};
