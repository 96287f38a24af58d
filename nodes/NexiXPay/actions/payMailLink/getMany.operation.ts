import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	dateRangeFields,
	limitField,
	readDateRange,
	readLimit,
	returnAllField,
} from '../../../common/parameters';
import { listLinks } from '../../links';
import type { XPayClient } from '../../transport';
import { readWindowOptions, windowOptionsField } from '../common.descriptions';

const properties: INodeProperties[] = [
	...dateRangeFields(
		'First day the links were created on. Only the calendar date is used.',
		'Last day the links were created on; the range includes this whole day',
	),
	returnAllField,
	limitField(),
	windowOptionsField(
		31,
		366,
		'XPay returns at most 100 links per search, so the range is searched in windows of this many days; a window with 100 links is split again automatically',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payMailLink'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const range = readDateRange(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const links = await listLinks(client, range, readWindowOptions(this, itemIndex, 31, 366));
	return limit === undefined ? links : links.slice(0, limit);
}
