import { currencyLetters } from '../../nodes/NexiXPay/backOffice/domain/currencies';
import { payPalCaptures, remainingAmounts } from '../../nodes/NexiXPay/backOffice/domain/moveMoney';
import type { XPayOrder } from '../../nodes/NexiXPay/backOffice/transport/schemas';
import {
	linkPaymentStatus,
	orderPaymentStatus,
	orderStatus,
} from '../../nodes/NexiXPay/backOffice/domain/statuses';

const order = (stato: string, importo: number, operations: Array<Record<string, unknown>> = []) =>
	({
		codiceTransazione: 'ORD-1',
		importo,
		stato,
		dettaglio: [{ operazioni: operations }],
	}) as XPayOrder;
const capture = (importo: number, id?: string) => ({
	tipoOperazione: 'CONTAB.',
	importo,
	...(id === undefined ? {} : { idContabParzialePayPal: id }),
});
const reversal = (importo: number, id?: string) => ({
	tipoOperazione: 'STORNO',
	importo,
	...(id === undefined ? {} : { idContabParzialePayPal: id }),
});

describe('a PayMail link’s status text', () => {
	test.each([
		['Contabilizzato', 'paid'],
		['Autorizzato', 'paid'],
		['Rimborsato Parz.', 'refunded'],
		['Negato', 'declined'],
		['In attesa di pagamento', 'unpaid'],
		['Scaduto', 'expired'],
		['In Corso', 'unpaid'],
	])('%s, a recognised text, is %s', (text, status) => {
		expect(linkPaymentStatus(text)).toBe(status);
	});

	test.each(['Pagato', 'PAGAMENTO EFFETTUATO', 'Link inviato', '', undefined])(
		'%s is not recognised: the order settles it (a payment never rests on an undocumented word)',
		(text) => {
			expect(linkPaymentStatus(text)).toBeUndefined();
		},
	);

	test.each([
		[order('Contabilizzato', 100), 'paid'],
		[order('Autorizzato', 100), 'paid'],
		[order('Rimborsato', 100), 'refunded'],
		[order('Negato', 100), 'declined'],
		[order('Annullato', 100), 'cancelled'],
		[undefined, 'unpaid'],
		[order('Qualcosa di nuovo', 100), 'other'],
	])('by its order: %#', (linkOrder, status) => {
		expect(orderPaymentStatus(linkOrder)).toBe(status);
	});
});

describe('order states seen only in a third party’s list, read as the README says', () => {
	test.each([
		['Storno Negato', 'captured'],
		['Storno Annullato', 'captured'],
		['Non valido', 'declined'],
	])('%s → %s', (text, status) => {
		expect(orderStatus(text)).toBe(status);
	});
});

describe('an order’s currency', () => {
	test.each([
		['EUR', 'EUR'],
		['czk', 'CZK'],
		['978', 'EUR'],
		[985, 'PLN'],
		['36', 'AUD'],
		['840', undefined],
		['', undefined],
		[undefined, undefined],
	])('%s → %s', (value, letters) => {
		expect(currencyLetters(value)).toBe(letters);
	});
});

describe('what is left to capture and refund', () => {
	test.each([
		['authorized', order('Autorizzato', 5000), [5000, 0]],
		['partly captured', order('Contabilizzato Parz.', 5000, [capture(1234)]), [3766, 1234]],
		[
			'captured, partly refunded',
			order('Rimborsato Parz.', 5000, [capture(5000), reversal(7)]),
			[0, 4993],
		],
		['refunded', order('Rimborsato', 5000, [capture(5000), reversal(5000)]), [0, 0]],
		['cancelled before capture', order('Annullato', 5000, [reversal(5000)]), [0, 0]],
		['captured, no operations listed', order('Contabilizzato', 5000), [0, 5000]],
		['declined', order('Negato', 5000), [0, 0]],
	])('%s', (_label, state, [toCapture, toRefund]) => {
		expect(remainingAmounts(state)).toEqual({
			remainingToCapture: toCapture / 100,
			remainingToCaptureMinor: toCapture,
			remainingToRefund: toRefund / 100,
			remainingToRefundMinor: toRefund,
		});
	});

	test('a partial state without operations cannot be told: null, not a guess', () => {
		expect(remainingAmounts(order('Contabilizzato Parz.', 5000))).toEqual({
			remainingToCapture: null,
			remainingToCaptureMinor: null,
			remainingToRefund: null,
			remainingToRefundMinor: null,
		});
	});
});

test('PayPal partial captures and what is left of each; a Sale has none', () => {
	const paypal = order('Rimborsato Parz.', 10_000, [
		capture(4000, 'A'),
		capture(3000, 'B'),
		reversal(1000, 'A'),
		reversal(3000, 'A'),
	]);
	expect(payPalCaptures(paypal)).toEqual([
		{ id: 'A', left: 0 },
		{ id: 'B', left: 3000 },
	]);
	expect(payPalCaptures(order('Contabilizzato', 3000, [capture(3000, '')]))).toEqual([]);
});
