import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idempotencyKey } from '../../../../common/idempotency';
import { toMinorUnits } from '../../../../common/money';
import { invalidInput, isHttpUrl } from '../../../../common/validation';
import type { MoneyMove, MoveKind } from '../../domain/moneyMoves';
import type { LineInput } from '../../domain/orderLines';

const PAYMENT_ID =
	/^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function paymentIdField(description: string): INodeProperties {
	return {
		displayName: 'Payment ID',
		name: 'paymentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 025400006091b1ef6937598058c4e487',
		description,
		hint: 'From Payment → Create, the Nexi Checkout Trigger, or the Nexi portal (Payments)',
	};
}

/** The Payment ID as Checkout writes it: 32 hexadecimal digits (the dashed UUID form is accepted). */
export function readPaymentId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('paymentId', itemIndex, '') as unknown;
	const id = typeof value === 'string' ? value.trim() : '';
	if (!PAYMENT_ID.test(id))
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Payment ID',
			value,
			'32 hexadecimal digits such as 025400006091b1ef6937598058c4e487 (the dashed UUID form is accepted too)',
		);
	return id;
}

/** Order lines, as Checkout lists what was bought: optional everywhere, one line for the amount when none. */
export function orderLinesField(description: string): INodeProperties {
	return {
		displayName: 'Order Lines',
		name: 'orderLines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add order line',
		default: {},
		description,
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'What was bought, as the customer sees it',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 3 },
						default: 1,
					},
					{
						displayName: 'Reference',
						name: 'reference',
						type: 'string',
						default: '',
						description: 'Your product code (the name when empty)',
					},
					{
						displayName: 'Tax Rate (%)',
						name: 'taxRate',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
						description: 'Added on top of the unit price: 25 adds 25 % tax',
					},
					{
						displayName: 'Unit',
						name: 'unit',
						type: 'string',
						default: 'pcs',
					},
					{
						displayName: 'Unit Price',
						name: 'unitPrice',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 3 },
						default: 0,
						description: 'In major units, before tax (12.5 means 12.50)',
					},
				],
			},
		],
	};
}

export function readLines(value: unknown): LineInput[] | undefined {
	const lines = (value as IDataObject | undefined)?.line;
	return Array.isArray(lines) && lines.length > 0 ? (lines as LineInput[]) : undefined;
}

export function moveAmountField(verb: string, all: string): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 3 },
		description: `How much to ${verb}, in major units (12.5 means 12.50). 0 ${verb}s ${all}.`,
		hint: `Leave at 0 to ${verb} ${all}`,
	};
}

/** The move as the item asks for it; its Idempotency-Key stays the same when the item is retried. */
export function readMove(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: MoveKind,
	options: IDataObject,
): MoneyMove {
	const paymentId = readPaymentId(context, itemIndex);
	const raw = context.getNodeParameter('amount', itemIndex, 0) as unknown;
	const amount = raw === 0 || raw === '' || raw === null || raw === undefined ? undefined : raw;
	// The payment's currency is known only once it is read: any currency's amount (up to three
	// decimals) passes here, and the payment's decimals are applied before anything moves.
	const checked = amount === undefined ? undefined : toMinorUnits(amount, 3);
	if (checked && !checked.ok)
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Amount',
			raw,
			`a positive amount in major units, or 0 for all (${checked.problem})`,
		);
	return {
		paymentId,
		amount,
		lines: readLines(options.orderLines),
		idempotencyKey: idempotencyKey(context.getExecutionId(), context.getNode(), itemIndex, [
			kind,
			paymentId,
			String(raw),
		]),
	};
}

/** A payment's order reference, as Checkout takes it: 1 to 128 characters. */
export function readReference(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('reference', itemIndex, '') ?? '').trim();
	if (!value || value.length > 128)
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Reference',
			value,
			'text of 1 to 128 characters',
		);
	return value;
}

/** An address of the shop's (return, terms, cancel, checkout page): http or https. */
export function readHttpUrl(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const url = typeof value === 'string' ? value.trim() : '';
	if (!isHttpUrl(url))
		throw invalidInput(context.getNode(), itemIndex, field, value, 'an http or https address');
	return url;
}
