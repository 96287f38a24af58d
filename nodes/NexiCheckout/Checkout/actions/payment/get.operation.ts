import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { simplifyField } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { getPayment } from '../../domain/paymentReads';
import { simplifyPayment } from '../../domain/payments';
import type { CheckoutClient } from '../../transport/client';
import { paymentIdField, readPaymentId } from './common.descriptions';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	description: 'Get a payment: its status, amounts, customer, charges and refunds',
	action: 'Get a payment',
};

export const description: INodeProperties[] = [paymentIdField('The payment to get'), simplifyField];

export const execute: OperationExecute<CheckoutClient> = async function (client, itemIndex) {
	const paymentId = readPaymentId(this, itemIndex);
	const payment = await getPayment(client, paymentId);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return asItems([simplify ? simplifyPayment(payment) : (payment as IDataObject)]);
};
