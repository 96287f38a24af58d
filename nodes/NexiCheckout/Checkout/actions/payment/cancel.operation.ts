import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { optionsCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { moveMoney } from '../../domain/moneyMoves';
import type { CheckoutClient } from '../../transport/client';
import { moveAmountField, orderLinesField, paymentIdField, readMove } from './common.descriptions';

export const option: OperationOption = {
	name: 'Cancel',
	value: 'cancel',
	description:
		'Cancel a reservation that was not charged, in full or in part: the customer is never charged for it',
	action: 'Cancel a payment',
};

export const description: INodeProperties[] = [
	paymentIdField('The reserved payment to cancel'),
	moveAmountField('cancel', 'everything reserved and not charged yet'),
	optionsCollection([
		orderLinesField(
			'What is cancelled. Optional: without lines, a part cancel is sent as one line for the amount (Checkout needs lines for a part cancel).',
		),
	]),
];

export const execute: OperationExecute<CheckoutClient> = async function (client, itemIndex) {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const move = readMove(this, itemIndex, 'cancel', options);
	return asItems([await moveMoney(client, { node: this.getNode(), itemIndex }, 'cancel', move)]);
};
