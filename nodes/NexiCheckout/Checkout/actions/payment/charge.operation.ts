import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { optionsCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { moveMoney } from '../../domain/moneyMoves';
import type { CheckoutClient } from '../../transport/client';
import { moveAmountField, orderLinesField, paymentIdField, readMove } from './common.descriptions';

export const option: OperationOption = {
	name: 'Charge',
	value: 'charge',
	description:
		'Charge a reserved payment, in full or in part, e.g. when the goods ship (this moves money)',
	action: 'Charge a payment',
};

export const description: INodeProperties[] = [
	paymentIdField('The reserved payment to charge'),
	moveAmountField('charge', 'everything reserved and not charged yet'),
	{
		displayName: 'Final Charge',
		name: 'finalCharge',
		type: 'boolean',
		default: false,
		description:
			'Whether this is the last charge: what stays reserved after it is released to the customer',
	},
	optionsCollection([
		orderLinesField(
			'What this charge is for. Optional: without lines, a part charge is sent as one line for the amount (Checkout needs lines for a part charge).',
		),
	]),
];

export const execute: OperationExecute<CheckoutClient> = async function (client, itemIndex) {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const move = readMove(this, itemIndex, 'charge', options);
	move.finalCharge = this.getNodeParameter('finalCharge', itemIndex, false) as boolean;
	return asItems([await moveMoney(client, { node: this.getNode(), itemIndex }, 'charge', move)]);
};
