import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import {
	dateRangeFields,
	limitField,
	readDateRange,
	readLimit,
	returnAllField,
} from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { listLinks, withCustomer } from '../../domain/links';
import type { XPayClient } from '../../transport/client';
import { readWindowOptions, windowOptionsField } from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the links created in a period, with their payment status',
	action: 'Get many PayMail links',
};

export const description: INodeProperties[] = [
	...dateRangeFields(
		'First day the links were created on. Only the calendar date is used.',
		'Last day the links were created on; the range includes this whole day',
	),
	returnAllField,
	limitField(),
	windowOptionsField(
		'links',
		'XPay returns at most 100 links per search, so the range is searched in windows of this many days; a window with 100 links is split again automatically',
		[
			{
				displayName: 'Include Customer',
				name: 'includeCustomer',
				type: 'boolean',
				default: false,
				description:
					"Whether to add each link's customer (e-mail, first and last name) and description, read from its order: one more request per link returned, a few at a time",
				hint: 'To remind customers whose link is still unpaid: filter on paymentStatus, then send to {{ $json.customer.email }}',
			},
		],
	),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const range = readDateRange(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const windows = readWindowOptions(this, itemIndex, 'links');
	const listed = await listLinks(client, range, windows);
	const links = limit === undefined ? listed : listed.slice(0, limit);
	const { includeCustomer } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// Only for the links returned, after the limit: each costs a read of its order.
	return asItems(
		includeCustomer === true ? await withCustomer(client, links, windows.concurrency) : links,
	);
};
