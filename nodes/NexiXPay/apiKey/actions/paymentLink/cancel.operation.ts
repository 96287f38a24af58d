import type { INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { cancelLink } from '../../domain/links';
import type { XPayKeyClient } from '../../transport/client';
import { readPlainId } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Cancel',
	value: 'cancel',
	description: 'Cancel a payment link that was not paid yet',
	action: 'Cancel a payment link',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 92864835',
		description: 'The link ID that Payment Link → Create returned',
	},
];

export const execute: OperationExecute<XPayKeyClient> = async function (client, itemIndex) {
	const linkId = readPlainId(this, itemIndex, 'linkId', 'Link ID');
	const result = await cancelLink(client, linkId);
	if (result.kind !== 'ok') throw result.error;
	return asItems([{ linkId, cancelled: true }]);
};
