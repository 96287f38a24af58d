import { randomBytes } from 'crypto';
import { DateTime } from 'luxon';
import {
	NodeApiError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { toMajorUnits } from '../../../common/money';
import { invalidInput, requireWholeNumber } from '../../../common/validation';
import { listLinks } from '../../links';
import { payMailLinkSchema, regeneratedLinkSchema } from '../../schemas';
import type { XPayClient } from '../../transport';
import { amountField, isHttpUrl, readMoney, requireTransactionCode } from '../common.descriptions';

export const MAX_LINK_HOURS = 720;

const LANGUAGES = [
	['Italian', 'ITA'],
	['English', 'ENG'],
	['Spanish', 'SPA'],
	['French', 'FRA'],
	['German', 'GER'],
	['Japanese', 'JPN'],
	['Chinese', 'CHI'],
	['Arabic', 'ARA'],
	['Russian', 'RUS'],
	['Portuguese', 'POR'],
] as const;

export const expiresInHoursField: INodeProperties = {
	displayName: 'Expires In (Hours)',
	name: 'expiresInHours',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_LINK_HOURS },
	default: 24,
	description: 'How long the customer can use the link, from 1 hour to 30 days (720 hours)',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Transaction Code',
		name: 'transactionCode',
		type: 'string',
		default: '',
		placeholder: 'Leave empty to generate one',
		description:
			'A new, unique code for this payment (2 to 30 characters, no spaces). Leave empty and the node makes one such as N8N20241121143000A1B2C3.',
	},
	{ ...amountField, description: 'The amount to pay, in euros: 12.5 means 12.50 EUR' },
	expiresInHoursField,
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/thank-you',
		description: 'Where XPay sends the customer after paying (http or https)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{
				displayName: 'Cancel URL',
				name: 'cancelUrl',
				type: 'string',
				default: '',
				description: 'Where the customer goes on cancelling (sent as url_back)',
			},
			{
				displayName: 'Capture Mode',
				name: 'captureMode',
				type: 'options',
				options: [
					{ name: 'Terminal Default', value: '' },
					{ name: 'Immediate', value: 'C', description: 'Capture when the customer pays' },
					{
						name: 'Deferred',
						value: 'D',
						description: 'Only authorize; capture later with Order → Capture',
					},
				],
				default: '',
				description: 'Sent as TCONTAB',
			},
			{
				displayName: 'Customer Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Sent as mail',
			},
			{
				displayName: 'Customer First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				description: 'Sent as nome',
			},
			{
				displayName: 'Customer Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				description: 'Sent as cognome',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'What is being paid for, shown to the customer (sent as descrizione)',
			},
			{
				displayName: 'Extra Parameters',
				name: 'extraParameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'Other XPay parameters, such as Note1 or OPTION_CF',
				options: [
					{
						displayName: 'Parameter',
						name: 'parameter',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: LANGUAGES.map(([name, value]) => ({ name, value })),
				default: 'ITA',
				description: 'The language of the payment pages (sent as languageId)',
			},
			{
				displayName: 'Notification URL',
				name: 'notificationUrl',
				type: 'string',
				default: '',
				description: 'Where XPay posts the outcome server to server (sent as urlpost)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payMailLink'], operation: ['create'] } },
	properties,
);

/** N8N + yyyyMMddHHmmss + 6 random characters: 23 characters, unique enough to never collide. */
export function generateTransactionCode(now: DateTime): string {
	return `N8N${now.toUTC().toFormat('yyyyMMddHHmmss')}${randomBytes(3).toString('hex').toUpperCase()}`;
}

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const given = String(this.getNodeParameter('transactionCode', itemIndex, '') ?? '').trim();
	const code =
		given === ''
			? generateTransactionCode(DateTime.now())
			: requireTransactionCode(node, itemIndex, given);
	// PayMail links have no currency field: they are in euros.
	const { minor } = readMoney(this, itemIndex);
	const hours = requireWholeNumber(
		node,
		itemIndex,
		'Expires In (Hours)',
		this.getNodeParameter('expiresInHours', itemIndex),
		1,
		MAX_LINK_HOURS,
	);
	const returnUrl = String(this.getNodeParameter('returnUrl', itemIndex, '') ?? '').trim();
	if (!isHttpUrl(returnUrl)) {
		throw invalidInput(
			node,
			itemIndex,
			'Return URL',
			returnUrl,
			'an http or https address, such as https://shop.example.com/thank-you',
		);
	}
	const extras = readExtras(this, itemIndex);

	const body: IDataObject = {
		codiceTransazione: code,
		importo: minor,
		timeout: hours,
		url: returnUrl,
	};
	if (Object.keys(extras).length > 0) body.parametriAggiuntivi = extras;
	const answer = await client.write('richiestaPayMail', body, payMailLinkSchema);

	const result = (url: string, operationId: unknown, note?: string): IDataObject => ({
		transactionCode: code,
		url,
		expiresAt: DateTime.now().plus({ hours }).toUTC().toISO(),
		amount: toMajorUnits(minor),
		amountMinor: minor,
		currency: 'EUR',
		operationId: operationId === undefined || operationId === null ? null : String(operationId),
		...(note ? { note } : {}),
	});

	if (answer.kind === 'ok') return [result(answer.value.payMailUrl, answer.value.idOperazione)];
	if (answer.kind === 'refused' || !answer.delivered) {
		return [client.unwrap(answer, `create a PayMail link for ${code}`) as never];
	}

	// The answer was lost: find out whether the link exists before anyone sends it again.
	const today = DateTime.now().setZone('Europe/Rome').startOf('day');
	const utcDay = DateTime.fromObject(
		{ year: today.year, month: today.month, day: today.day },
		{ zone: 'UTC' },
	);
	let exists: boolean | undefined;
	try {
		const links = await listLinks(
			client,
			{ from: utcDay.minus({ days: 1 }), to: utcDay },
			{ windowDays: 2, concurrency: 1 },
		);
		exists = links.some((link) => link.transactionCode === code);
	} catch {
		exists = undefined;
	}
	if (exists === true) {
		// A never-used link regenerated is the same link with a new expiry: this recovers its URL.
		const regenerated = await client.write(
			'rigeneraPayMail',
			{ codiceTransazione: code, timeout: hours },
			regeneratedLinkSchema,
		);
		if (regenerated.kind === 'ok') {
			return [
				result(
					regenerated.value.payMailUrl,
					regenerated.value.idOperazione,
					`The answer to the link request was lost (${answer.reason}); the link exists, so its URL was recovered by regenerating it.`,
				),
			];
		}
	}
	throw new NodeApiError(node, { reason: answer.reason } as JsonObject, {
		message:
			exists === false
				? `The PayMail link ${code} was not created (${answer.reason})`
				: `The PayMail link request for ${code} has an unknown outcome (${answer.reason})`,
		description:
			exists === false
				? "Searching today's links does not find it, so it is safe to run it again with the same transaction code."
				: `Check the link list (PayMail Link → Get Many) for ${code} before running it again; running it again with the same transaction code cannot make a second link (XPay refuses a duplicate code).`,
		itemIndex,
	});
}

function readExtras(context: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const node = context.getNode();
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extras: Record<string, string> = {};
	const text = (value: unknown) =>
		typeof value === 'string'
			? value.trim()
			: value === undefined || value === null
				? ''
				: String(value);

	const email = text(fields.email);
	if (email) {
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
			throw invalidInput(
				node,
				itemIndex,
				'Customer Email',
				fields.email,
				'an e-mail address such as name@example.com',
			);
		}
		extras.mail = email;
	}
	for (const [field, label] of [
		['notificationUrl', 'Notification URL'],
		['cancelUrl', 'Cancel URL'],
	] as const) {
		const url = text(fields[field]);
		if (url && !isHttpUrl(url)) {
			throw invalidInput(node, itemIndex, label, fields[field], 'an http or https address');
		}
	}
	const mapping: Array<[string, string]> = [
		['firstName', 'nome'],
		['lastName', 'cognome'],
		['description', 'descrizione'],
		['language', 'languageId'],
		['notificationUrl', 'urlpost'],
		['cancelUrl', 'url_back'],
		['captureMode', 'TCONTAB'],
	];
	for (const [field, name] of mapping) {
		const value = text(fields[field]);
		if (value) extras[name] = value;
	}
	const extra = (fields.extraParameters as IDataObject | undefined)?.parameter;
	for (const parameter of Array.isArray(extra) ? (extra as IDataObject[]) : []) {
		const name = text(parameter.name);
		if (!name) continue;
		if (['apiKey', 'mac', 'timeStamp', 'codiceTransazione', 'importo'].includes(name)) {
			throw invalidInput(
				node,
				itemIndex,
				'Extra Parameters',
				name,
				'a parameter other than the ones the node sends itself',
			);
		}
		extras[name] = text(parameter.value);
	}
	return extras;
}
