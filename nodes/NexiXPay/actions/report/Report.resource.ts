import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as getMany from './getMany.operation';

export { download, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download the file of a report instance (downloadReport)',
				action: 'Download a report',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the processed instances of the scheduled reports (elencoReport)',
				action: 'Get many reports',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...download.description,
];
