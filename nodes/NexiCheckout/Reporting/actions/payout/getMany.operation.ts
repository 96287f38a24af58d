import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import { limitField, readDateRange, returnAllField } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { listPayouts } from '../../domain/payouts';
import { simplifyPayout } from '../../domain/simplify';
import type { ReportingClient } from '../../transport/client';
import {
	listOptionsField,
	payoutDateRangeFields,
	payoutFiltersField,
	readCurrencyFilter,
	readListOptions,
	readSimplify,
	reportingSimplifyFields,
} from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the payouts in a date range',
	action: 'Get many payouts',
};

export const description: INodeProperties[] = [
	...payoutDateRangeFields('payouts are listed by the date Nexi paid them out'),
	returnAllField,
	limitField(),
	payoutFiltersField,
	...reportingSimplifyFields,
	listOptionsField,
];

export const execute: OperationExecute<ReportingClient> = async function (client, itemIndex) {
	const range = readDateRange(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const currency = readCurrencyFilter(this.getNode(), itemIndex, filters);
	const options = readListOptions(this, itemIndex);
	const payouts = await listPayouts(client, { ...range, currency }, options);
	return asItems(
		readSimplify(this, itemIndex) ? payouts.map(simplifyPayout) : (payouts as IDataObject[]),
	);
};
