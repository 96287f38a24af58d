import type { INodeExecutionData } from 'n8n-workflow';

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const idsOf = (items: INodeExecutionData[]) => items.map((item) => item.json.id as string);
export const pairingOf = (items: INodeExecutionData[]) =>
	items.map((item) => (item.pairedItem as { item: number }).item);

/** True when the text of anything the run produced contains the secret. */
export function leaks(secret: string, ...things: unknown[]): boolean {
	return things.some((thing) => JSON.stringify(thing, replacer)?.includes(secret));
}

function replacer(_key: string, value: unknown) {
	if (value instanceof Error) return { ...value, message: value.message, stack: value.stack };
	return value;
}
