import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute, OperationOption } from '../../../../common/router';
import { moveMoney } from '../../domain/moveMoney';
import type { XPayClient } from '../../transport/client';
import { amountField, transactionCodeFields } from '../common.descriptions';
import { currencyFields, readMoneyMove } from './common.descriptions';
import { versionBehaviour } from '../versions';

export const option: OperationOption = {
	name: 'Capture',
	value: 'capture',
	description:
		'Capture an authorized payment, in full or in part (this moves money; it needs the transaction code and the amount)',
	action: 'Capture a payment',
};

export const description: INodeProperties[] = [
	...transactionCodeFields(
		'The code of the authorized order to capture (the code it was paid with)',
		{
			displayName: 'Order',
			searchListMethod: 'searchOrders',
			description:
				'The authorized order to capture: pick one of the last 30 days, or give its transaction code',
		},
	),
	{
		...amountField,
		description:
			'How much to capture, in major units (12.5 means 12.50 EUR). Less than the authorized amount captures part of it.',
	},
	...currencyFields,
	{
		displayName:
			'Captures are never retried automatically: if the answer is lost, the node reads the order and reports whether the capture was applied',
		name: 'captureNotice',
		type: 'notice',
		default: '',
	},
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const withRemaining = versionBehaviour(this.getNode()).remainingAmounts;
	return [
		{ json: await moveMoney(client, 'capture', readMoneyMove(this, itemIndex), { withRemaining }) },
	];
};
