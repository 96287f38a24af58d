import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import {
	confirmationPage,
	redirectUrl,
} from '../../nodes/NexiXPay/backOffice/domain/customerPages';
import { DeliveryClaims, firstDelivery } from '../../nodes/common/deliveries';
import {
	outcomeFields,
	outcomeKey,
	readOutcome,
} from '../../nodes/NexiXPay/backOffice/domain/outcomes';
import { verifyOutcome } from '../../nodes/NexiXPay/backOffice/protocol/mac';

const KEY = 'esempio-chiave-mac';

/** An outcome signed as Nexi's PayMail esito sample checks it, written out by hand here. */
function signed(fields: Record<string, string>): Record<string, string> {
	const text =
		`codTrans=${fields.codTrans}esito=${fields.esito}importo=${fields.importo}` +
		`divisa=${fields.divisa}data=${fields.data}orario=${fields.orario}codAut=${fields.codAut}${KEY}`;
	return { ...fields, mac: createHash('sha1').update(text).digest('hex') };
}

const PAID = {
	codTrans: 'ORD-2026-0042',
	esito: 'OK',
	importo: '1999',
	divisa: 'EUR',
	data: '20260715',
	orario: '143005',
	codAut: 'A1B2C3',
};

describe('the outcome MAC (Nexi: sha1 of codTrans, esito, importo, divisa, data, orario, codAut, then the key)', () => {
	test('a genuine outcome is verified', () => {
		expect(verifyOutcome(signed(PAID), KEY)).toBe(true);
	});

	test('a declined outcome with an empty codAut is verified too', () => {
		expect(verifyOutcome(signed({ ...PAID, esito: 'KO', codAut: '' }), KEY)).toBe(true);
	});

	test.each([
		['another amount', { importo: '1' }],
		['another outcome', { esito: 'KO' }],
		['another code', { codTrans: 'ORD-2026-0043' }],
	])('%s after signing is refused', (_name, change) => {
		expect(verifyOutcome({ ...signed(PAID), ...change }, KEY)).toBe(false);
	});

	test('another key, a missing field, a missing MAC or one in capitals is refused', () => {
		const good = signed(PAID);
		expect(verifyOutcome(good, `${KEY}x`)).toBe(false);
		const { codAut: _codAut, ...withoutCodAut } = good;
		expect(verifyOutcome(withoutCodAut, KEY)).toBe(false);
		const { mac: _mac, ...withoutMac } = good;
		expect(verifyOutcome(withoutMac, KEY)).toBe(false);
		expect(verifyOutcome({ ...good, mac: good.mac.toUpperCase() }, KEY)).toBe(false);
		const { codTrans: _codTrans, ...withoutCode } = good;
		expect(verifyOutcome(withoutCode, KEY)).toBe(false);
		const { esito: _esito, ...withoutEsito } = good;
		expect(verifyOutcome(withoutEsito, KEY)).toBe(false);
	});

	test("a field left out is read as empty, as Nexi's samples read it: a declined outcome without codAut", () => {
		const declined = signed({ ...PAID, esito: 'KO', codAut: '' });
		const { codAut: _codAut, ...sent } = declined;
		expect(verifyOutcome(sent, KEY)).toBe(true);
		expect(readOutcome(sent, 'server')).toMatchObject({
			status: 'declined',
			authorizationCode: null,
		});
		expect(outcomeKey(sent)).toBe(outcomeKey(declined));
	});
});

describe('an outcome as an item', () => {
	test('the amount exact in both units, the time in Italian summer time, English names', () => {
		expect(readOutcome({ ...PAID, brand: 'VISA', pan: '453997******0006' }, 'server')).toEqual({
			transactionCode: 'ORD-2026-0042',
			status: 'paid',
			amount: 19.99,
			amountMinor: 1999,
			currency: 'EUR',
			authorizationCode: 'A1B2C3',
			paidAt: '2026-07-15T14:30:05+02:00',
			outcomeAt: '2026-07-15T14:30:05+02:00',
			brand: 'VISA',
			maskedPan: '453997******0006',
			customer: { email: null, firstName: null, lastName: null },
			description: null,
			nexiCode: 'OK',
			nexiMessage: null,
			deliveredBy: 'server',
			raw: { ...PAID, brand: 'VISA', pan: '453997******0006' },
		});
	});

	test('winter time, a numeric currency, an amount of whole cents', () => {
		const item = readOutcome(
			{ ...PAID, data: '20261202', orario: '090000', divisa: '978', importo: '7' },
			'browser',
		);
		expect(item).toMatchObject({
			paidAt: '2026-12-02T09:00:00+01:00',
			currency: 'EUR',
			amount: 0.07,
			amountMinor: 7,
		});
	});

	test.each([
		['OK', 'paid'],
		['KO', 'declined'],
		['ANNULLO', 'declined'],
		['ERRORE', 'declined'],
		['PEN', 'pending'],
		['something new', 'other'],
	])('esito %s is %s; only OK is a payment', (esito, status) => {
		const item = readOutcome({ ...PAID, esito }, 'server');
		expect(item.status).toBe(status);
		expect(item.paidAt === null).toBe(status !== 'paid');
	});

	test('what cannot be read is null, never an error', () => {
		expect(readOutcome({ ...PAID, importo: '19,99', data: 'ieri' }, 'server')).toMatchObject({
			amount: null,
			amountMinor: null,
			paidAt: null,
			outcomeAt: null,
		});
	});

	test('request fields as single strings: the first of a repeated one, numbers as text', () => {
		expect(outcomeFields({ codTrans: ['A', 'B'], importo: 1999, nested: { a: 1 } })).toEqual({
			codTrans: 'A',
			importo: '1999',
		});
		expect(outcomeFields(undefined)).toEqual({});
	});
});

describe('the memory of delivered outcomes', () => {
	test('the first delivery starts, a repeat does not, and old keys are forgotten', () => {
		const memory: IDataObject = {};
		const now = Date.parse('2026-12-02T10:00:00Z');
		expect(firstDelivery(memory, 'A|OK|1', now, 30)).toBe(true);
		expect(firstDelivery(memory, 'A|OK|1', now + 60_000, 30)).toBe(false);
		expect(firstDelivery(memory, 'A|KO|', now, 30)).toBe(true);
		const later = now + 31 * 86_400_000;
		expect(firstDelivery(memory, 'B|OK|2', later, 30)).toBe(true);
		expect(memory.delivered).toEqual({ 'B|OK|2': later });
		expect(firstDelivery(memory, 'A|OK|1', later, 30)).toBe(true);
	});

	test("this process's claim: one per outcome and trigger, for ten minutes", () => {
		const claims = new DeliveryClaims();
		const claimDelivery = claims.claim.bind(claims);
		const now = Date.parse('2026-12-02T10:00:00Z');
		expect(claimDelivery('workflow-1|node-1', 'A|OK|1', now)).toBe(true);
		expect(claimDelivery('workflow-1|node-1', 'A|OK|1', now + 5)).toBe(false);
		// Another workflow listening for the same payments starts its own execution.
		expect(claimDelivery('workflow-2|node-1', 'A|OK|1', now + 5)).toBe(true);
		expect(claimDelivery('workflow-1|node-1', 'A|KO|', now + 5)).toBe(true);
		expect(claimDelivery('workflow-1|node-1', 'A|OK|1', now + 9 * 60_000)).toBe(false);
		// After ten minutes the claim is gone; the saved memory (firstDelivery) answers from then on.
		expect(claimDelivery('workflow-1|node-1', 'A|OK|1', now + 10 * 60_000 + 6)).toBe(true);
		// A restarted process remembers nothing.
		expect(new DeliveryClaims().claim('workflow-1|node-1', 'A|KO|', now + 7)).toBe(true);
	});
});

describe('where the customer goes', () => {
	test("the user's page, with the transaction code put in", () => {
		expect(redirectUrl('https://shop.example/ok?order={transactionCode}', 'A B/1')).toBe(
			'https://shop.example/ok?order=A%20B%2F1',
		);
	});

	test('no page, or one that is not http(s): the confirmation page instead', () => {
		expect(redirectUrl('', 'A')).toBeUndefined();
		expect(redirectUrl('javascript:alert(1)', 'A')).toBeUndefined();
		expect(redirectUrl(undefined, 'A')).toBeUndefined();
	});

	test('the confirmation page shows the code as text, never as markup', () => {
		const page = confirmationPage('paid', '<script>x</script>');
		expect(page).toContain('&lt;script&gt;x&lt;/script&gt;');
		expect(page).not.toContain('<script>');
		expect(confirmationPage('declined', 'A')).toContain('Your payment was not completed.');
	});
});
