import type { INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { terminatePayment } from '../../domain/moneyMoves';
import type { CheckoutClient } from '../../transport/client';
import { paymentIdField, readPaymentId } from './common.descriptions';

export const option: OperationOption = {
	name: 'Terminate',
	value: 'terminate',
	description:
		'End a payment the customer has not completed yet, so its page can no longer be paid',
	action: 'Terminate a payment',
};

export const description: INodeProperties[] = [
	paymentIdField('The payment to end (only before the customer completes it)'),
];

export const execute: OperationExecute<CheckoutClient> = async function (client, itemIndex) {
	const paymentId = readPaymentId(this, itemIndex);
	return asItems([await terminatePayment(client, { node: this.getNode(), itemIndex }, paymentId)]);
};
