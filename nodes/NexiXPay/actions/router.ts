import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { runForEachItem } from '../../common/itemLoop';
import { XPayClient } from '../transport';
import * as order from './order/Order.resource';
import * as payMailLink from './payMailLink/PayMailLink.resource';
import * as report from './report/Report.resource';

type Operation = (
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;
type JsonOperation = (
	this: IExecuteFunctions,
	client: XPayClient,
	itemIndex: number,
) => Promise<IDataObject[]>;

/** An operation that returns records, as items. */
function records(operation: JsonOperation): Operation {
	return async function (this: IExecuteFunctions, client, itemIndex) {
		return (await operation.call(this, client, itemIndex)).map((json) => ({ json }));
	};
}

const operations: Record<string, Record<string, Operation>> = {
	order: {
		capture: records(order.capture.execute),
		refund: records(order.refund.execute),
		get: records(order.get.execute),
		getMany: records(order.getMany.execute),
	},
	payMailLink: {
		create: records(payMailLink.create.execute),
		regenerate: records(payMailLink.regenerate.execute),
		getMany: records(payMailLink.getMany.execute),
	},
	report: {
		getMany: records(report.getMany.execute),
		download: report.download.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for "${resource}"`,
		);
	}
	return await runForEachItem(this, async (itemIndex) => {
		const client = await XPayClient.connect(this, itemIndex);
		return await operation.call(this, client, itemIndex);
	});
}
