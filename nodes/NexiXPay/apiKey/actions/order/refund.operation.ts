import type { INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { moveMoney } from '../../domain/moneyMoves';
import type { XPayKeyClient } from '../../transport/client';
import { orderIdField } from '../common.descriptions';
import { amountField, moveOptions, readMove } from '../moneyFields';

export const option: OperationOption = {
	name: 'Refund or Void',
	value: 'refund',
	description:
		'Refund captured money, or void an authorization nothing was captured from (this moves money; it needs the order ID and the amount)',
	action: 'Refund or void an order',
};

export const description: INodeProperties[] = [
	orderIdField('The order to refund (or to void, if nothing was captured yet)'),
	amountField(
		'How much to refund, in major units (12.5 means 12.50 EUR). A captured order can be refunded in part; an authorization that is not captured can only be voided in full.',
	),
	moveOptions,
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const move = readMove(this, itemIndex, 'refund');
	return asItems([await moveMoney(client, { node: this.getNode(), itemIndex }, 'refund', move)]);
};
