import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { moveMoney } from '../../domain/moveMoney';
import type { XPayClient } from '../../transport/client';
import { amountField, transactionCodeFields } from '../common.descriptions';
import { currencyFields, readMoneyMove, readPayPalCaptureId } from './common.descriptions';
import { versionBehaviour } from '../versions';

export const option: OperationOption = {
	name: 'Refund or Cancel',
	value: 'refund',
	description:
		'Refund a captured payment, or cancel an authorization that is not captured (this moves money; it needs the transaction code and the amount)',
	action: 'Refund or cancel a payment',
};

export const description: INodeProperties[] = [
	...transactionCodeFields('The code of the order to refund or cancel', {
		displayName: 'Order',
		searchListMethod: 'searchOrders',
		description:
			'The order to refund or cancel: pick one of the last 30 days, or give its transaction code',
	}),
	{
		...amountField,
		description:
			'How much to refund, in major units (12.5 means 12.50 EUR). A captured order can be refunded in part; an order that is only authorized can only be cancelled in full.',
	},
	...currencyFields,
	{
		displayName:
			'On a captured order this refunds the customer; on an order that is only authorized it cancels the authorization. It is never retried automatically.',
		name: 'refundNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection([
		{
			displayName: 'PayPal Capture ID',
			name: 'payPalCaptureId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 8MC585209K746392H',
			description:
				'For a PayPal order captured in several parts: the capture this refund reverses (Order → Get lists them). Left empty, the only capture with money left is used.',
		},
	]),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const move = {
		...readMoneyMove(this, itemIndex),
		payPalCaptureId: readPayPalCaptureId(this, itemIndex),
	};
	const withRemaining = versionBehaviour(this.getNode()).remainingAmounts;
	return [{ json: await moveMoney(client, 'refund', move, { withRemaining }) }];
};
