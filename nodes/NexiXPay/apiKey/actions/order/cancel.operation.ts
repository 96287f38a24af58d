import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { optionsCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { cancelMove } from '../../domain/moneyMoves';
import type { XPayKeyClient } from '../../transport/client';
import { orderIdField, readOrderId, readPlainId } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Cancel Capture or Refund',
	value: 'cancel',
	description:
		'Undo a capture or refund made today, on the same day only (this moves money; it needs the order ID)',
	action: 'Cancel a capture or refund',
};

export const description: INodeProperties[] = [
	orderIdField('The order whose capture or refund to undo'),
	optionsCollection([
		{
			displayName: 'Operation ID',
			name: 'operationId',
			type: 'string',
			default: '',
			description:
				'The capture or refund to undo (from Order → Get). Empty: the order’s latest capture or refund not undone yet.',
		},
	]),
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const orderId = readOrderId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const operationId =
		typeof options.operationId === 'string' && options.operationId.trim()
			? readPlainId(this, itemIndex, 'options.operationId', 'Operation ID')
			: undefined;
	return asItems([
		await cancelMove(client, { node: this.getNode(), itemIndex }, orderId, operationId),
	]);
};
