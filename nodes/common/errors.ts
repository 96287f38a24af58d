import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

export interface NexiApiErrorDetails {
	message: string;
	description?: string;
	itemIndex?: number;
	httpCode?: string;
	/** Nexi's own code and message: kept on the error, and in the item Continue On Fail makes of it. */
	nexi?: { code: number | string; message: string };
	/** What else the error carries for n8n: never the request, so never a key. */
	detail?: JsonObject;
}

/** The one way both nodes report what Nexi answered (or did not): in English, with Nexi's code kept. */
export function nexiApiError(node: INode, details: NexiApiErrorDetails): NodeApiError {
	const error = new NodeApiError(
		node,
		{ ...details.detail },
		{
			message: details.message,
			description: details.description,
			httpCode: details.httpCode,
			itemIndex: details.itemIndex,
		},
	);
	if (details.nexi) error.context.nexi = details.nexi;
	return error;
}

/** Adds what is known to an error's description: after a lost answer, whether it was applied. */
export function withFurtherDescription(error: NodeApiError, text: string): NodeApiError {
	error.description = `${error.description ?? ''} ${text}`.trim();
	return error;
}
