import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { optionsCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { moveMoney } from '../../domain/moneyMoves';
import type { CheckoutClient } from '../../transport/client';
import { moveAmountField, orderLinesField, paymentIdField, readMove } from './common.descriptions';

export const option: OperationOption = {
	name: 'Refund',
	value: 'refund',
	description: 'Refund a charged payment, in full or in part, e.g. a return (this moves money)',
	action: 'Refund a payment',
};

export const description: INodeProperties[] = [
	paymentIdField('The charged payment to refund'),
	moveAmountField('refund', 'everything charged and not refunded yet'),
	optionsCollection([
		{
			displayName: 'Charge ID',
			name: 'chargeId',
			type: 'string',
			default: '',
			description:
				'Refund from this charge of the payment. Empty: the payment’s one charge, or the payment as a whole when it has several.',
		},
		orderLinesField(
			'What is refunded. Optional: without lines, a part refund is sent as one line for the amount (Checkout needs lines for a part refund).',
		),
	]),
];

export const execute: OperationExecute<CheckoutClient> = async function (client, itemIndex) {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const move = readMove(this, itemIndex, 'refund', options);
	const chargeId = typeof options.chargeId === 'string' ? options.chargeId.trim() : '';
	if (chargeId) move.chargeId = chargeId;
	return asItems([await moveMoney(client, { node: this.getNode(), itemIndex }, 'refund', move)]);
};
