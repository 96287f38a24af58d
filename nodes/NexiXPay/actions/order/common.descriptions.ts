import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/validation';
import { CURRENCIES } from '../../currencies';
import type { MoneyMove } from '../../moveMoney';
import { readAmount, readTransactionCode } from '../common.descriptions';

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'options',
	options: Object.keys(CURRENCIES).map((code) => ({ name: code, value: code })),
	default: 'EUR',
	description:
		'XPay terminals settle in EUR; another currency works only where Nexi enabled it for the terminal',
};

/** What a capture or refund asks for, checked before any request. */
export function readMoneyMove(context: IExecuteFunctions, itemIndex: number): MoneyMove {
	const code = readTransactionCode(context, itemIndex);
	const minor = readAmount(context, itemIndex);
	const currency = String(context.getNodeParameter('currency', itemIndex, 'EUR'))
		.trim()
		.toUpperCase();
	const numeric = CURRENCIES[currency];
	if (!numeric) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Currency',
			currency,
			`one of ${Object.keys(CURRENCIES).join(', ')}`,
		);
	}
	return { code, minor, currency, numeric };
}
