import { DateTime } from 'luxon';
import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { requireWholeNumber } from '../../../common/validation';
import { regeneratedLinkSchema } from '../../schemas';
import type { XPayClient } from '../../transport';
import { requireTransactionCode, transactionCodeField } from '../common.descriptions';
import { expiresInHoursField, MAX_LINK_HOURS } from './create.operation';

const properties: INodeProperties[] = [
	transactionCodeField('The code of the PayMail link to regenerate'),
	{
		displayName:
			'A link never used keeps its URL and code and gets a new expiry. A link whose payment failed gets a new URL under a new code: use the transactionCode of the output from then on.',
		name: 'regenerateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			expiresInHoursField,
			{
				displayName: 'New Transaction Code',
				name: 'newTransactionCode',
				type: 'string',
				default: '',
				description:
					'The code for the new link when the old one was used and failed. Left empty, XPay adds a counter to the old code.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payMailLink'], operation: ['regenerate'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const code = requireTransactionCode(
		node,
		itemIndex,
		this.getNodeParameter('transactionCode', itemIndex),
	);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { codiceTransazione: code };
	let hours: number | undefined;
	if (fields.expiresInHours !== undefined) {
		hours = requireWholeNumber(
			node,
			itemIndex,
			'Expires In (Hours)',
			fields.expiresInHours,
			1,
			MAX_LINK_HOURS,
		);
		body.timeout = hours;
	}
	if (typeof fields.newTransactionCode === 'string' && fields.newTransactionCode.trim() !== '') {
		body.nuovoCodiceTransazione = requireTransactionCode(
			node,
			itemIndex,
			fields.newTransactionCode,
			'New Transaction Code',
		);
	}
	// Not a payment, but not repeatable either (a failed link gets a new code each time): sent once.
	const answer = client.unwrap(
		await client.write('rigeneraPayMail', body, regeneratedLinkSchema),
		`regenerate the PayMail link ${code}`,
	);
	const newCode = answer.codiceTransazione || code;
	return [
		{
			transactionCode: newCode,
			previousTransactionCode: code,
			codeChanged: newCode !== code,
			url: answer.payMailUrl,
			expiresAt: hours === undefined ? null : DateTime.now().plus({ hours }).toUTC().toISO(),
			operationId:
				answer.idOperazione === undefined || answer.idOperazione === null
					? null
					: String(answer.idOperazione),
		},
	];
}
