import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { regenerateLink } from '../../domain/links';
import { requireTransactionCode } from '../../domain/transactionCodes';
import type { XPayClient } from '../../transport/client';
import { readTransactionCode, transactionCodeFields } from '../common.descriptions';
import { DEFAULT_LINK_HOURS, expiresInHoursField, readExpiresInHours } from './common.descriptions';
import { versionBehaviour } from '../versions';

export const option: OperationOption = {
	name: 'Regenerate',
	value: 'regenerate',
	description:
		'Renew an expired link, or one whose payment failed, so the customer can pay it: needs its transaction code',
	action: 'Regenerate a PayMail link',
};

export const description: INodeProperties[] = [
	...transactionCodeFields('The code of the PayMail link to regenerate', {
		displayName: 'PayMail Link',
		searchListMethod: 'searchLinks',
		description:
			'The PayMail link to regenerate: pick one created in the last 30 days, or give its transaction code',
	}),
	{
		displayName:
			'A link never used keeps its URL and code and gets a new expiry. A link whose payment failed gets a new URL under a new code: use the transactionCode of the output from then on. Either way it keeps the return URL it was created with, so a Nexi XPay Notification Trigger there still hears its payment.',
		name: 'regenerateNotice',
		type: 'notice',
		default: '',
	},
	additionalFieldsCollection([
		expiresInHoursField,
		{
			displayName: 'New Transaction Code',
			name: 'newTransactionCode',
			type: 'string',
			default: '',
			description:
				'The code for the new link when the old one was used and failed. Left empty, XPay adds a counter to the old code.',
		},
	]),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const node = this.getNode();
	const code = readTransactionCode(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	// Version 2 always sends a lifetime, as Nexi's only sample does: its README says the new expiry
	// is the request's date plus it. Version 1 sent one only when it was set.
	const hours =
		fields.expiresInHours !== undefined
			? readExpiresInHours(node, itemIndex, fields.expiresInHours)
			: versionBehaviour(node).regenerateSendsLifetime
				? DEFAULT_LINK_HOURS
				: undefined;
	const newCode =
		typeof fields.newTransactionCode === 'string' && fields.newTransactionCode.trim() !== ''
			? requireTransactionCode(node, itemIndex, fields.newTransactionCode, 'New Transaction Code')
			: undefined;
	const answer = client.unwrap(
		await regenerateLink(client, { code, hours, newCode }),
		`regenerate the PayMail link ${code}`,
	);
	const resultCode = answer.codiceTransazione || code;
	return [
		{
			json: {
				transactionCode: resultCode,
				previousTransactionCode: code,
				codeChanged: resultCode !== code,
				url: answer.payMailUrl,
				expiresAt: hours === undefined ? null : DateTime.now().plus({ hours }).toUTC().toISO(),
				operationId:
					answer.idOperazione === undefined || answer.idOperazione === null
						? null
						: String(answer.idOperazione),
			},
		},
	];
};
