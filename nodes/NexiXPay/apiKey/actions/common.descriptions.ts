import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DateRange } from '../../../common/dates';
import {
	dateRangeFields,
	limitField,
	readDateRange,
	readLimit,
	returnAllField,
	simplifyField,
} from '../../../common/parameters';
import { invalidInput } from '../../../common/validation';

/**
 * The fields an API-key list starts with: its period (read a month at a time), Return All /
 * Limit and Simplify (on by default: these operations are new, so no saved workflow had it off).
 */
export function listFields(fromDescription: string): INodeProperties[] {
	return [
		...dateRangeFields(
			fromDescription,
			'Last day of the period; the range includes this whole day. Ranges longer than a month are read a month at a time.',
		),
		returnAllField,
		limitField(),
		simplifyField,
	];
}

/** What an API-key list asks for, checked before any request. */
export function readList(
	context: IExecuteFunctions,
	itemIndex: number,
): { range: DateRange; limit?: number; simplify: boolean; filters: IDataObject } {
	return {
		range: readDateRange(context, itemIndex),
		limit: readLimit(context, itemIndex),
		simplify: context.getNodeParameter('simplify', itemIndex, true) as boolean,
		filters: context.getNodeParameter('filters', itemIndex, {}) as IDataObject,
	};
}

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
