import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sortedOptions } from '../../../../common/parameters';
import { invalidInput } from '../../../../common/validation';
import { CURRENCIES, SAME_AS_ORDER } from '../../domain/currencies';
import type { MoneyMove } from '../../domain/moveMoney';
import { readAmount, readTransactionCode } from '../common.descriptions';

const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'options',
	options: sortedOptions([
		{
			name: 'Same as the Order',
			value: SAME_AS_ORDER,
			description: "The order's own currency, read from XPay before anything is sent",
		},
		...Object.keys(CURRENCIES).map((code) => ({ name: code, value: code })),
	]),
	default: SAME_AS_ORDER,
	description:
		"The currency of the amount. A currency other than the order's is refused before anything is sent.",
};

/** Version 1 kept EUR as its default, so that saved workflows that left it alone still send EUR. */
export const currencyFields: INodeProperties[] = [
	{ ...currencyField, default: 'EUR', displayOptions: { show: { '@version': [1] } } },
	{ ...currencyField, displayOptions: { show: { '@version': [2] } } },
];

/** What a capture or refund asks for, checked before any request. */
export function readMoneyMove(context: IExecuteFunctions, itemIndex: number): MoneyMove {
	const code = readTransactionCode(context, itemIndex);
	const minor = readAmount(context, itemIndex);
	const value = context.getNodeParameter('currency', itemIndex, SAME_AS_ORDER);
	const currency = String(value).trim();
	const letters = currency === SAME_AS_ORDER ? SAME_AS_ORDER : currency.toUpperCase();
	if (letters !== SAME_AS_ORDER && !CURRENCIES[letters]) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Currency',
			value,
			`Same as the Order or one of ${Object.keys(CURRENCIES).join(', ')}`,
		);
	}
	return { code, minor, currency: letters };
}

/** The PayPal capture a refund reverses, when the user chose one (Options → PayPal Capture ID). */
export function readPayPalCaptureId(
	context: IExecuteFunctions,
	itemIndex: number,
): string | undefined {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const id = typeof options.payPalCaptureId === 'string' ? options.payPalCaptureId.trim() : '';
	return id === '' ? undefined : id;
}
