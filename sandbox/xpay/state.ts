import { createHash } from 'node:crypto';

import { Random } from '../random';

/** Transaction states exactly as XPay writes them. */
export type OrderState =
	| 'Autorizzato'
	| 'Negato'
	| 'Annullato'
	| 'Contabilizzato'
	| 'Rimborsato'
	| 'Non Creato'
	| 'Contabilizzato Parz.'
	| 'Rimborsato Parz.'
	| 'In Corso'
	// A PayMail link's order before anyone paid, where XPay has one (not documented; tests set it up).
	| 'In attesa di pagamento';

export interface Operation {
	tipoOperazione: 'CONTAB.' | 'STORNO';
	importo: number;
	divisa: string;
	stato: string;
	dataOperazione: string;
	utente: string;
	/**
	 * PayPal orders only (Nexi's order-detail page): on a CONTAB. the PayPal id storna needs to
	 * reverse that partial capture; on a STORNO the capture it reversed, "" for a Sale (a
	 * payment captured at once, with no partial capture).
	 */
	idContabParzialePayPal?: string;
}

/**
 * ISO 4217 numeric codes: contabilizza and storna take an order's own currency by its code. The
 * ones Nexi's own plugin sends (EUR, CZK, PLN, AUD, NZD), the ones it offers Klarna in (GBP,
 * DKK), and two more an order can be in.
 */
export const NUMERIC_CURRENCIES: Record<string, string> = {
	EUR: '978',
	CZK: '203',
	PLN: '985',
	AUD: '036',
	NZD: '554',
	GBP: '826',
	DKK: '208',
	SEK: '752',
	CHF: '756',
};

export interface Order {
	codiceTransazione: string;
	/**
	 * The detail's codiceValuta where it is not the order's own currency's code (as a
	 * currency-conversion field may be); the variant gives the order's code otherwise.
	 */
	codiceValuta?: string;
	importo: number;
	/** Letters, as XPay's answers carry them. */
	divisa: string;
	captured: number;
	refunded: number;
	stato: OrderState;
	canale: 'CartaCredito' | 'PayPal' | 'MyBank';
	brand: string;
	pan: string;
	tipoProdotto: string;
	codiceAutorizzazione: string;
	nazione: string;
	nome: string;
	cognome: string;
	mail: string;
	/** Epoch ms; rendered as XPay's "yyyy-mm-dd hh:mm:ss.0" in Italian time. */
	createdAt: number;
	operations: Operation[];
}

export type LinkState = 'unused' | 'paid' | 'declined' | 'expired';

export interface PayMailLink {
	codiceTransazione: string;
	importo: number;
	timeoutHours: number;
	returnUrl: string;
	extras: Record<string, string>;
	createdAt: number;
	expiresAt: number;
	token: string;
	state: LinkState;
	/** The order the payment created, once the customer paid (or was declined). */
	brand?: string;
	regenerations: number;
}

export interface ReportInstance {
	idReport: string;
	nomeReport: string;
	tipoReport: string;
	formato: 'CSV';
	/** The day the report covers, YYYY-MM-DD. */
	day: string;
	processedAt: number;
}

const BRANDS = [
	{
		brand: 'VISA',
		pan: '453997******0006',
		product: 'VISA CLASSIC - CREDIT - N',
		canale: 'CartaCredito',
	},
	{
		brand: 'MasterCard',
		pan: '525500******0001',
		product: 'MASTERCARD STANDARD - CREDIT - N',
		canale: 'CartaCredito',
	},
	{
		brand: 'Maestro',
		pan: '675900******0005',
		product: 'MAESTRO - DEBIT - N',
		canale: 'CartaCredito',
	},
	{ brand: 'PayPal', pan: '', product: 'PAYPAL', canale: 'PayPal' },
	{ brand: 'MyBank', pan: '', product: 'MYBANK', canale: 'MyBank' },
] as const;

const NAMES = [
	['Mario', 'Rossi'],
	['Giulia', 'Bianchi'],
	['Luca', 'Verdi'],
	['Sofia', 'Esposito'],
	['Marco', 'Romano'],
	['Chiara', 'Colombo'],
];

// Made once: building an Intl formatter costs far more than using one.
const ITALIAN_TIME = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Rome',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hour12: false,
});

/** "2024-11-20 23:54:38.0", the way XPay writes dates, in Italian local time. */
export function xpayDateTime(epochMs: number): string {
	return `${ITALIAN_TIME.format(new Date(epochMs))}.0`;
}

/** YYYY-MM-DD of an instant in Italian local time. */
export function italianDay(epochMs: number): string {
	return xpayDateTime(epochMs).slice(0, 10);
}

export interface XPayDataOptions {
	seed: number;
	/** Orders spread over this many days before `now`. */
	days: number;
	orders: number;
	links: number;
}

export const DEFAULT_XPAY_DATA: XPayDataOptions = { seed: 1, days: 60, orders: 300, links: 40 };

export interface OrderSpec {
	/** Letters (default EUR). */
	divisa?: string;
	/** A card brand, PayPal or MyBank; picked at random when absent. */
	brand?: string;
}

/** A PayPal capture id, made from the order's code so that it costs no random draw. */
export function payPalCaptureId(code: string, index: number): string {
	return createHash('sha1').update(`${code}#${index}`).digest('hex').slice(0, 17).toUpperCase();
}

export function makeOrder(
	random: Random,
	code: string,
	importo: number,
	createdAt: number,
	state: OrderState = 'Autorizzato',
	spec: OrderSpec = {},
): Order {
	const picked = random.pick(BRANDS);
	const card = spec.brand ? (BRANDS.find((brand) => brand.brand === spec.brand) ?? picked) : picked;
	const [nome, cognome] = random.pick(NAMES);
	const order: Order = {
		codiceTransazione: code,
		importo,
		divisa: spec.divisa ?? 'EUR',
		captured: 0,
		refunded: 0,
		stato: 'Autorizzato',
		canale: card.canale,
		brand: card.brand,
		pan: card.pan,
		tipoProdotto: card.product,
		codiceAutorizzazione: random.hex(6).toUpperCase(),
		nazione: 'ITA',
		nome,
		cognome,
		mail: `${nome}.${cognome}@example.com`.toLowerCase(),
		createdAt,
		operations: [],
	};
	const at = (hours: number) => createdAt + hours * 3600_000;
	switch (state) {
		case 'Contabilizzato':
			// Captured at once: for PayPal a Sale, which has no partial capture id.
			addOperation(order, 'CONTAB.', importo, 'Contabilizzato', at(1), 'API', false);
			break;
		case 'Contabilizzato Parz.':
			addOperation(
				order,
				'CONTAB.',
				Math.max(1, Math.floor(importo / 2)),
				'Contabilizzato Parz.',
				at(1),
				'API',
			);
			break;
		case 'Rimborsato':
			addOperation(order, 'CONTAB.', importo, 'Contabilizzato', at(1), 'API', false);
			addOperation(order, 'STORNO', importo, 'Rimborsato', at(30), 'backoffice');
			break;
		case 'Rimborsato Parz.':
			addOperation(order, 'CONTAB.', importo, 'Contabilizzato', at(1), 'API', false);
			addOperation(
				order,
				'STORNO',
				Math.max(1, Math.floor(importo / 3)),
				'Rimborsato Parz.',
				at(30),
				'API',
			);
			break;
		case 'Annullato':
			addOperation(order, 'STORNO', importo, 'Annullato', at(2), 'API');
			break;
		default:
			break;
	}
	order.stato = state;
	return order;
}

/**
 * Adds a capture or a reversal to an order, with its amounts and, for PayPal, its ids: a capture
 * gets a partial capture id unless it is a Sale's; a reversal names the capture it reverses
 * (`reverses`), or "" for a Sale's.
 */
export function addOperation(
	order: Order,
	tipoOperazione: Operation['tipoOperazione'],
	importo: number,
	stato: string,
	at: number,
	utente: string,
	partialCapture = true,
	reverses?: string,
): Operation {
	const operation: Operation = {
		tipoOperazione,
		importo,
		divisa: order.divisa,
		stato,
		dataOperazione: xpayDateTime(at),
		utente,
	};
	if (order.brand === 'PayPal') {
		operation.idContabParzialePayPal =
			tipoOperazione === 'CONTAB.'
				? partialCapture
					? payPalCaptureId(order.codiceTransazione, order.operations.length)
					: ''
				: (reverses ?? payPalCaptureToReverse(order) ?? '');
	}
	if (tipoOperazione === 'CONTAB.') order.captured += importo;
	else if (order.captured > 0) order.refunded += importo;
	order.operations.push(operation);
	return operation;
}

/** The PayPal partial captures of an order, with what is left to reverse on each. */
export function payPalPartialCaptures(order: Order): Array<{ id: string; left: number }> {
	const captures = order.operations.filter(
		(operation) => operation.tipoOperazione === 'CONTAB.' && operation.idContabParzialePayPal,
	);
	return captures.map((capture) => {
		const reversed = order.operations
			.filter(
				(operation) =>
					operation.tipoOperazione === 'STORNO' &&
					operation.idContabParzialePayPal === capture.idContabParzialePayPal,
			)
			.reduce((sum, operation) => sum + operation.importo, 0);
		return { id: capture.idContabParzialePayPal as string, left: capture.importo - reversed };
	});
}

function payPalCaptureToReverse(order: Order): string | undefined {
	return payPalPartialCaptures(order).find((capture) => capture.left > 0)?.id;
}

const SEEDED_STATES: OrderState[] = [
	'Contabilizzato',
	'Contabilizzato',
	'Contabilizzato',
	'Autorizzato',
	'Autorizzato',
	'Contabilizzato Parz.',
	'Rimborsato',
	'Rimborsato Parz.',
	'Annullato',
	'Negato',
	'Non Creato',
];

export function seedOrders(random: Random, options: XPayDataOptions, now: number): Order[] {
	const orders: Order[] = [];
	for (let i = 0; i < options.orders; i++) {
		const createdAt = now - random.int(1, options.days * 24 * 60) * 60_000;
		const code = `ORD-${random.digits(8)}-${i}`;
		orders.push(
			makeOrder(random, code, random.int(100, 150_000), createdAt, random.pick(SEEDED_STATES)),
		);
	}
	return orders.sort((a, b) => a.createdAt - b.createdAt);
}
