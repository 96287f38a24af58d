import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, toMajorUnits } from '../../../common/money';

import { currencyLetters } from './currencies';
import { XPAY_ZONE } from '../protocol/environment';

/**
 * A payment outcome as XPay sends it to a PayMail link's return URL (the customer's browser)
 * and notification URL (server to server). Nexi's PayMail sample documents the fields its MAC
 * covers (codTrans, esito, importo, divisa, data, orario, codAut) and messaggio; the others
 * read here (brand, pan, nome, cognome, mail, codiceEsito, descrizione) are those of XPay's
 * hosted payment page and are read leniently: absent is null, never an error.
 */
export type OutcomeStatus = 'paid' | 'declined' | 'pending' | 'other';

/**
 * esito: only OK is a payment (Nexi's samples test OK; Nexi's WooCommerce plugin reads OK and
 * PEN, a payment method still working, and treats the rest as failed). KO, ANNULLO (the customer
 * cancelled) and ERRORE take no money.
 */
const STATUSES: Record<string, OutcomeStatus> = {
	OK: 'paid',
	KO: 'declined',
	ANNULLO: 'declined',
	ERRORE: 'declined',
	PEN: 'pending',
};

export type Delivery = 'browser' | 'server';

/** The fields of a request as single strings: the first of a repeated query parameter. */
export function outcomeFields(source: unknown): Record<string, string> {
	if (source === null || typeof source !== 'object' || Array.isArray(source)) return {};
	const fields: Record<string, string> = {};
	for (const [name, value] of Object.entries(source as IDataObject)) {
		const first = Array.isArray(value) ? value[0] : value;
		if (typeof first === 'string') fields[name] = first;
		else if (typeof first === 'number' || typeof first === 'boolean') fields[name] = String(first);
	}
	return fields;
}

/** A field's text, trimmed; null when absent or blank. */
function nonBlank(value: string | undefined): string | null {
	return value === undefined || value.trim() === '' ? null : value.trim();
}

/** data (yyyyMMdd) and orario (HHmmss), Italian time, as ISO 8601 with the offset; null when unreadable. */
function outcomeTime(data: string | undefined, orario: string | undefined): string | null {
	if (!data || !orario) return null;
	const time = DateTime.fromFormat(`${data}${orario.padStart(6, '0')}`, 'yyyyMMddHHmmss', {
		zone: XPAY_ZONE,
	});
	return time.isValid ? time.toISO({ suppressMilliseconds: true }) : null;
}

/** A verified outcome as one item: English names, the amount exact in both units, XPay's fields beside. */
export function readOutcome(fields: Record<string, string>, deliveredBy: Delivery): IDataObject {
	const esito = fields.esito.trim().toUpperCase();
	const status = STATUSES[esito] ?? 'other';
	const currency = currencyLetters(fields.divisa) ?? nonBlank(fields.divisa);
	const importo = (fields.importo ?? '').trim();
	const minor = /^\d+$/.test(importo) ? Number(importo) : null;
	const at = outcomeTime(fields.data, fields.orario);
	return {
		transactionCode: fields.codTrans,
		status,
		amount: minor === null ? null : toMajorUnits(minor, currencyDecimals(currency)),
		amountMinor: minor,
		currency,
		authorizationCode: nonBlank(fields.codAut),
		paidAt: status === 'paid' ? at : null,
		outcomeAt: at,
		brand: nonBlank(fields.brand),
		maskedPan: nonBlank(fields.pan),
		customer: {
			email: nonBlank(fields.mail),
			firstName: nonBlank(fields.nome),
			lastName: nonBlank(fields.cognome),
		},
		description: nonBlank(fields.descrizione),
		nexiCode: nonBlank(fields.codiceEsito) ?? fields.esito,
		nexiMessage: nonBlank(fields.messaggio),
		deliveredBy,
		raw: { ...fields },
	};
}

/** One payment's outcome, however it is delivered: its code, its esito and its authorization. */
export function outcomeKey(fields: Record<string, string>): string {
	return [fields.codTrans, fields.esito, fields.codAut ?? ''].join('|');
}
