import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/validation';

/** Simplify, on by default: these operations are new, so no saved workflow had them off. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** XPay's order ids: up to 27 of these characters (its notification reference). */
const ORDER_ID = /^[A-Za-z0-9#*+\-.:;=?[\]_{|}]{1,27}$/;

export function orderIdField(description: string): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ORD-2026-0042',
		description,
	};
}

/** The order id, checked before any request: 1 to 27 letters, digits or # * + - . : ; = ? [ ] _ { | }. */
export function readOrderId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('orderId', itemIndex, '') as unknown;
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!ORDER_ID.test(text))
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Order ID',
			value,
			'1 to 27 characters: letters, digits or # * + - . : ; = ? [ ] _ { | }',
		);
	return text;
}

/** An id XPay gave (operation, link): a non-empty text without spaces or slashes. */
export function readPlainId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^[^\s/?#]{1,64}$/.test(text))
		throw invalidInput(
			context.getNode(),
			itemIndex,
			label,
			value,
			`the ${label} XPay gave (up to 64 characters, no spaces or slashes)`,
		);
	return text;
}
