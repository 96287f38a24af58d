import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { inVersions, listOrIdField, readIdParameter } from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { invalidInput } from '../../../../common/validation';
import { NO_REPORT_ID } from '../../domain/reports';
import type { XPayClient } from '../../transport/client';
import { binaryPropertyNameField, readBinaryPropertyName } from './common.descriptions';

export const option: OperationOption = {
	name: 'Download',
	value: 'download',
	description: 'Download the file of a report, as binary data',
	action: 'Download a report',
};

export const description: INodeProperties[] = [
	inVersions([1], {
		displayName: 'Report ID',
		name: 'reportId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 900001',
		description: 'The reportId of a report, as returned by Report → Get Many',
	}),
	inVersions(
		[2],
		listOrIdField({
			displayName: 'Report',
			name: 'reportId',
			searchListMethod: 'searchReports',
			idPlaceholder: 'e.g. 900001',
			description: 'The report: pick one of those XPay lists today, or give its reportId',
		}),
	),
	binaryPropertyNameField,
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const node = this.getNode();
	const reportId = String(readIdParameter(this, 'reportId', itemIndex) ?? '').trim();
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
	const property = readBinaryPropertyName(this, itemIndex);
	const file = await client.download(reportId);
	const binary = await this.helpers.prepareBinaryData(file.bytes, file.fileName, file.mimeType);
	const json: IDataObject = {
		reportId,
		fileName: file.fileName,
		mimeType: file.mimeType,
		fileSize: file.bytes.length,
	};
	return [{ json, binary: { [property]: binary } }];
};
