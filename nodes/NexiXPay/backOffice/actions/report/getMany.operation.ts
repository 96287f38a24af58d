import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { mapConcurrent } from '../../../../common/concurrency';
import { requireDate } from '../../../../common/validation';
import {
	dateRangeFields,
	inVersions,
	optionsCollection,
	readDateRange,
} from '../../../../common/parameters';
import type { OperationExecute, OperationOption } from '../../../../common/router';
import { XPAY_LIST_DEFAULTS } from '../../transport/listDefaults';
import { listReports, listReportsInRange, NO_REPORT_ID } from '../../domain/reports';
import type { XPayClient } from '../../transport/client';
import { readBinaryPropertyName } from './common.descriptions';
import { versionBehaviour } from '../versions';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	description:
		'List the processed reports scheduled in the XPay back office, optionally with their files',
	action: 'Get many reports',
};

export const description: INodeProperties[] = [
	inVersions([1], {
		displayName: 'Reference Date',
		name: 'referenceDate',
		type: 'dateTime',
		default: '',
		description:
			'XPay lists the processed reports nearest to this date. Leave empty for today. Reports must first be set up in the XPay back office (Report section).',
	}),
	...dateRangeFields(
		'First day the reports were processed on. Only the calendar date is used.',
		'Last day the reports were processed on; the range includes this whole day',
	).map((field) => inVersions([2], field)),
	{
		displayName:
			'Reports must first be set up in the XPay back office (Report section): type, filters and format',
		name: 'reportsNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection([
		{
			displayName: 'Download Files',
			name: 'download',
			type: 'boolean',
			default: false,
			description: 'Whether to add each report’s file to its item as binary data',
		},
		{
			displayName: 'Put Files in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: 'The name of the output binary field to put each file in',
			displayOptions: { show: { download: [true] } },
		},
	]),
];

export const execute: OperationExecute<XPayClient> = async function (client, itemIndex) {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const field =
		options.download === true
			? readBinaryPropertyName(this, itemIndex, options.binaryPropertyName ?? 'data')
			: undefined;
	const reports = versionBehaviour(this.getNode()).reportsOverDateRange
		? await listReportsInRange(client, readDateRange(this, itemIndex))
		: await listReports(client, readReferenceDate(this, itemIndex));
	if (field === undefined) return reports.map((json) => ({ json }));
	return await mapConcurrent(
		reports,
		XPAY_LIST_DEFAULTS.concurrency,
		async (report) => await withFile(this, client, report, field),
	);
};

function readReferenceDate(context: IExecuteFunctions, itemIndex: number) {
	const value = context.getNodeParameter('referenceDate', itemIndex, '');
	return value === '' || value === undefined || value === null
		? undefined
		: requireDate(context.getNode(), itemIndex, 'Reference Date', value, context.getTimezone());
}

/**
 * The report with its file as binary data. A file that cannot be had (no id, or XPay answering
 * with an error or a web page) leaves the report listed with `fileError` saying why, so that
 * one bad report does not keep the others from the accountant.
 */
async function withFile(
	context: IExecuteFunctions,
	client: XPayClient,
	report: IDataObject,
	field: string,
): Promise<INodeExecutionData> {
	if (typeof report.reportId !== 'string') return { json: { ...report, fileError: NO_REPORT_ID } };
	try {
		const file = await client.download(report.reportId);
		return {
			json: {
				...report,
				fileName: file.fileName,
				mimeType: file.mimeType,
				fileSize: file.bytes.length,
			},
			binary: {
				[field]: await context.helpers.prepareBinaryData(file.bytes, file.fileName, file.mimeType),
			},
		};
	} catch (error) {
		return { json: { ...report, fileError: (error as Error).message } };
	}
}
