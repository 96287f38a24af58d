import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { dateRangeFields, limitField, readDateRange, readLimit, returnAllField } from '../../../common/parameters';
import { DayOverCapError } from '../../../common/windows';
import { listLinks, PAYMAIL_SEARCH_CAP } from '../../links';
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

export const description = updateDisplayOptions({ show: { resource: ['payMailLink'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, client: XPayClient, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const range = readDateRange(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	let links: IDataObject[];
	try {
		links = await listLinks(client, range, readWindowOptions(this, itemIndex, 31, 366));
	} catch (error) {
		if (error instanceof DayOverCapError) {
			throw new NodeOperationError(
				node,
				`More than ${PAYMAIL_SEARCH_CAP} PayMail links were created on ${error.day.toFormat('dd/MM/yyyy')}, and XPay cannot list them all`,
				{
					itemIndex,
					description: `XPay returns at most ${PAYMAIL_SEARCH_CAP} links per search and cannot search less than a day, so the list would be incomplete. Nothing is returned rather than a partial list.`,
				},
			);
		}
		throw new NodeOperationError(node, error as Error, { itemIndex });
	}
	return limit === undefined ? links : links.slice(0, limit);
}
