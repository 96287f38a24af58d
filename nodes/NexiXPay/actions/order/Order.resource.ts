import type { INodeProperties } from 'n8n-workflow';

import * as capture from './capture.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as refund from './refund.operation';

export { capture, get, getMany, refund };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Capture',
				value: 'capture',
				description: 'Capture an authorized payment, in full or in part (contabilizza)',
				action: 'Capture a payment',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order with all its operations (situazioneOrdine)',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the orders of a period (reportOrdini)',
				action: 'Get many orders',
			},
			{
				name: 'Refund or Cancel',
				value: 'refund',
				description:
					'Refund a captured payment, or cancel an authorization that is not captured (storna)',
				action: 'Refund or cancel a payment',
			},
		],
		default: 'get',
	},
	...capture.description,
	...refund.description,
	...get.description,
	...getMany.description,
];
