import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payout'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one payout, optionally with all its payment actions',
				action: 'Get a payout',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the payouts in a date range',
				action: 'Get many payouts',
			},
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
