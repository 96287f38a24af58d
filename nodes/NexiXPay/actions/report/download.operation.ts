import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../../../common/router';
import { invalidInput } from '../../../common/validation';
import { NO_REPORT_ID } from '../../reports';
import type { XPayClient } from '../../transport';

export const option: OperationOption = {
	name: 'Download',
	value: 'download',
	description: 'Download the file of a report instance (downloadReport)',
	action: 'Download a report',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Report ID',
		name: 'reportId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '900001',
		description: 'The reportId of a report instance, as returned by Report → Get Many',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const reportId = String(this.getNodeParameter('reportId', itemIndex, '') ?? '').trim();
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(reportId)) {
		throw invalidInput(
			node,
			itemIndex,
			'Report ID',
			reportId,
			'the reportId of a report, as returned by Report → Get Many (such as 900001)',
			reportId === '' ? `${NO_REPORT_ID}.` : undefined,
		);
	}
	const property = String(
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '',
	).trim();
	if (!/^[A-Za-z_$][\w$]*$/.test(property)) {
		throw invalidInput(
			node,
			itemIndex,
			'Put Output File in Field',
			property,
			'a field name such as data',
		);
	}
	const file = await client.download(reportId);
	const binary = await this.helpers.prepareBinaryData(file.bytes, file.fileName, file.mimeType);
	const json: IDataObject = {
		reportId,
		fileName: file.fileName,
		mimeType: file.mimeType,
		fileSize: file.bytes.length,
	};
	return [{ json, binary: { [property]: binary } }];
}
