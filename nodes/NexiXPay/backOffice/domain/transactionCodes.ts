import { randomBytes } from 'crypto';
import type { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';

import { invalidInput } from '../../../common/validation';

/** XPay's codiceTransazione: 2 to 30 characters (AN MIN 2 MAX 30), printable, no spaces. */
const TRANSACTION_CODE = /^[\x21-\x7e]{2,30}$/;

export function requireTransactionCode(
	node: INode,
	itemIndex: number,
	value: unknown,
	field = 'Transaction Code',
): string {
	const code = typeof value === 'string' ? value.trim() : value;
	if (typeof code !== 'string' || !TRANSACTION_CODE.test(code)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			value,
			'2 to 30 characters without spaces (letters, digits and symbols such as - _ .), as XPay transaction codes are',
		);
	}
	return code;
}

/** N8N + yyyyMMddHHmmss + 6 random characters: 23 characters, unique enough to never collide. */
export function generateTransactionCode(now: DateTime): string {
	return `N8N${now.toUTC().toFormat('yyyyMMddHHmmss')}${randomBytes(3).toString('hex').toUpperCase()}`;
}
