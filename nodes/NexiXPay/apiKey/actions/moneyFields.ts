import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { currencyDecimals, toMinorUnits } from '../../../common/money';
import { idempotencyKey } from '../../../common/idempotency';
import { optionsCollection } from '../../../common/parameters';
import { invalidInput, requireCurrency } from '../../../common/validation';
import { type MoneyMove, type MoveKind } from '../domain/moneyMoves';
import { readOrderId } from './common.descriptions';

export function amountField(description: string): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description,
	};
}

export const moveOptions: INodeProperties = optionsCollection([
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'e.g. EUR',
		description:
			'Leave empty for the order’s own currency. Given, it must be the order’s: another is refused before anything is sent.',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Why, in a few words (kept by XPay with the operation, up to 255 characters)',
	},
]);

/** The move as the item asks for it, checked before any request; its key stays the same when the item is retried. */
export function readMove(context: IExecuteFunctions, itemIndex: number, kind: MoveKind): MoneyMove {
	const node = context.getNode();
	const orderId = readOrderId(context, itemIndex);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const currency =
		typeof options.currency === 'string' && options.currency.trim()
			? requireCurrency(node, itemIndex, 'Currency', options.currency)
			: undefined;
	const raw = context.getNodeParameter('amount', itemIndex) as unknown;
	// Until the order is read its currency may be unknown: any currency's amount (up to three
	// decimals) passes here, and the order's decimals are applied before anything is sent.
	const decimals = currency ? currencyDecimals(currency) : 3;
	const amount = toMinorUnits(raw, decimals);
	if (!amount.ok)
		throw invalidInput(
			node,
			itemIndex,
			'Amount',
			raw,
			`a positive amount with at most ${decimals} decimals (${amount.problem})`,
		);
	const description = typeof options.description === 'string' ? options.description.trim() : '';
	if (description.length > 255)
		throw invalidInput(node, itemIndex, 'Description', description, 'at most 255 characters');
	return {
		orderId,
		amount: raw,
		currency,
		...(description ? { description } : {}),
		idempotencyKey: idempotencyKey(context.getExecutionId(), node, itemIndex, [
			kind,
			orderId,
			String(raw),
		]),
	};
}
