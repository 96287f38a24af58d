import type { INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import {
	dateRangeFields,
	limitField,
	readDateRange,
	readLimit,
	returnAllField,
} from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { listLinks } from '../../domain/links';
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
	),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const range = readDateRange(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const links = await listLinks(client, range, readWindowOptions(this, itemIndex, 'links'));
	return asItems(limit === undefined ? links : links.slice(0, limit));
};
