import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../../common/itemLoop';
import { ReportingClient } from '../transport';
import * as paymentAction from './paymentAction/PaymentAction.resource';
import * as payout from './payout/Payout.resource';

type Operation = (
	this: IExecuteFunctions,
	client: ReportingClient,
	itemIndex: number,
) => Promise<Array<Record<string, unknown>>>;

const operations: Record<string, Record<string, Operation>> = {
	payout: { get: payout.get.execute, getMany: payout.getMany.execute },
	paymentAction: { getMany: paymentAction.getMany.execute },
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
		const client = await ReportingClient.connect(this, itemIndex);
		const records = await operation.call(this, client, itemIndex);
		return records.map((json) => ({ json: json as INodeExecutionData['json'] }));
	});
}
