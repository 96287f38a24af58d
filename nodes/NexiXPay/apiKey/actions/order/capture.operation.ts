import type { INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { moveMoney } from '../../domain/moneyMoves';
import type { XPayKeyClient } from '../../transport/client';
import { orderIdField } from '../common.descriptions';
import { amountField, moveOptions, readMove } from '../moneyFields';

export const option: OperationOption = {
	name: 'Capture',
	value: 'capture',
	description:
		'Capture an authorized payment, in full or in part (this moves money; it needs the order ID and the amount)',
	action: 'Capture an order',
};

export const description: INodeProperties[] = [
	orderIdField('The order whose authorization to capture'),
	amountField(
		'How much to capture, in major units (12.5 means 12.50 EUR). Less than the authorized amount captures part of it.',
	),
	moveOptions,
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const move = readMove(this, itemIndex, 'capture');
	return asItems([await moveMoney(client, { node: this.getNode(), itemIndex }, 'capture', move)]);
};
