import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

/**
 * The item loop both nodes share, so no operation can forget its parts: every output item is
 * paired with the input item it came from, and with "Continue On Fail" an error becomes one
 * error item paired to its input while the other items go on.
 */
export async function runForEachItem(
	context: IExecuteFunctions,
	runItem: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await runItem(itemIndex);
			// The items are fresh, so they are paired in place: a copy of each would cost a
			// second wrapper per record on lists of a hundred thousand.
			for (const result of results) {
				result.pairedItem = { item: itemIndex };
				output.push(result);
			}
		} catch (error) {
			const nodeError = toNodeError(context, error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push({ json: errorItem(nodeError), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

function toNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	// Only the message survives: a foreign error object may hold request details.
	return new NodeOperationError(context.getNode(), (error as Error)?.message ?? String(error), {
		itemIndex,
	});
}

function errorItem(error: NodeApiError | NodeOperationError): IDataObject {
	const item: IDataObject = { error: error.message };
	if (error.description) item.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) item.httpCode = error.httpCode;
	const nexi = (error.context as IDataObject).nexi;
	if (nexi) item.nexi = nexi;
	return item;
}

/** Records as output items (the item loop pairs them with their input). */
export function asItems(records: IDataObject[]): INodeExecutionData[] {
	return records.map((json) => ({ json }));
}
