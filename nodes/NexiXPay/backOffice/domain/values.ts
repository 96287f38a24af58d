import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { toMajorUnits } from '../../../common/money';
import { XPAY_ZONE } from '../protocol/environment';

/** How XPay writes dates and amounts, read leniently; and records renamed into English. */
/**
 * XPay's dates ("2024-11-20 23:54:38.0", "20/11/2024 23:54:38", "20/11/2024") as ISO 8601 with
 * the Italian offset; text that is none of these is kept as it is.
 */
export function xpayDateToIso(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const text = String(value)
		.trim()
		.replace(/\.\d+$/, '');
	for (const format of ['yyyy-MM-dd HH:mm:ss', 'dd/MM/yyyy HH:mm:ss', 'yyyy-MM-dd', 'dd/MM/yyyy']) {
		const parsed = DateTime.fromFormat(text, format, { zone: XPAY_ZONE });
		if (parsed.isValid) return parsed.toISO();
	}
	return String(value);
}

export function minorOf(value: unknown): number | null {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
	return null;
}

export function moneyOf(value: unknown): { amount: number | null; amountMinor: number | null } {
	const minor = minorOf(value);
	return { amount: minor === null ? null : toMajorUnits(minor), amountMinor: minor };
}

/** Renames the keys it knows and keeps the others, so fields Nexi adds later are not lost. */
export function renameKnown(record: IDataObject, names: Record<string, string>): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) result[names[key] ?? key] = value;
	return result;
}
