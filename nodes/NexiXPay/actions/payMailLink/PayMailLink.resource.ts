import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as regenerate from './regenerate.operation';

export { create, getMany, regenerate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payMailLink'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a payment link to send to a customer (richiestaPayMail)',
				action: 'Create a pay mail link',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'List the links created in a period, with their payment status (ReportPaymail)',
				action: 'Get many pay mail links',
			},
			{
				name: 'Regenerate',
				value: 'regenerate',
				description: 'Renew an expired or failed link (rigeneraPayMail)',
				action: 'Regenerate a pay mail link',
			},
		],
		default: 'create',
	},
	...create.description,
	...regenerate.description,
	...getMany.description,
];
