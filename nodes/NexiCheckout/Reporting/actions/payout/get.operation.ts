import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { asItems } from '../../../../common/itemLoop';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { getPayout } from '../../domain/payouts';
import { simplifyPayoutDetail } from '../../domain/simplify';
import type { ReportingClient } from '../../transport/client';
import {
	listOptionsField,
	payoutIdFields,
	readPagingOptions,
	readPayoutId,
	readSimplify,
	reportingSimplifyFields,
} from '../common.descriptions';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	description: 'Get one payout, optionally with all its payment actions',
	action: 'Get a payout',
};

export const description: INodeProperties[] = [
	...payoutIdFields,
	{
		displayName: 'Include Payment Actions',
		name: 'includePaymentActions',
		type: 'boolean',
		default: false,
		description:
			'Whether to add every payment action of the payout (charges, refunds, fees…) to the output, reading all their pages',
	},
	...reportingSimplifyFields,
	{ ...listOptionsField, displayOptions: { show: { includePaymentActions: [true] } } },
];

export const execute: OperationExecute<ReportingClient> = async function (client, itemIndex) {
	const payoutId = readPayoutId(this, itemIndex);
	const withActions = this.getNodeParameter('includePaymentActions', itemIndex, false) as boolean;
	const options = withActions
		? readPagingOptions(this, itemIndex)
		: { pageSize: 1, concurrency: 1 };
	const payout = await getPayout(client, payoutId, withActions, options);
	return asItems([
		readSimplify(this, itemIndex) ? simplifyPayoutDetail(payout) : (payout as IDataObject),
	]);
};
