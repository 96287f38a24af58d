import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentAction'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'List the payment actions (charges, refunds, fees…) of one payout or of every payout in a date range',
				action: 'Get many payment actions',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
