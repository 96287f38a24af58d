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
	| 'In Corso';

export interface Operation {
	tipoOperazione: 'CONTAB.' | 'STORNO';
	importo: number;
	divisa: 'EUR';
	stato: string;
	dataOperazione: string;
	utente: string;
}

export interface Order {
	codiceTransazione: string;
	importo: number;
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

export function makeOrder(
	random: Random,
	code: string,
	importo: number,
	createdAt: number,
	state: OrderState = 'Autorizzato',
): Order {
	const card = random.pick(BRANDS);
	const [nome, cognome] = random.pick(NAMES);
	const order: Order = {
		codiceTransazione: code,
		importo,
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
	const at = (hours: number) => xpayDateTime(createdAt + hours * 3600_000);
	switch (state) {
		case 'Contabilizzato':
			order.captured = importo;
			order.operations.push({
				tipoOperazione: 'CONTAB.',
				importo,
				divisa: 'EUR',
				stato: 'Contabilizzato',
				dataOperazione: at(1),
				utente: 'API',
			});
			break;
		case 'Contabilizzato Parz.': {
			const part = Math.max(1, Math.floor(importo / 2));
			order.captured = part;
			order.operations.push({
				tipoOperazione: 'CONTAB.',
				importo: part,
				divisa: 'EUR',
				stato: 'Contabilizzato Parz.',
				dataOperazione: at(1),
				utente: 'API',
			});
			break;
		}
		case 'Rimborsato':
			order.captured = importo;
			order.refunded = importo;
			order.operations.push(
				{
					tipoOperazione: 'CONTAB.',
					importo,
					divisa: 'EUR',
					stato: 'Contabilizzato',
					dataOperazione: at(1),
					utente: 'API',
				},
				{
					tipoOperazione: 'STORNO',
					importo,
					divisa: 'EUR',
					stato: 'Rimborsato',
					dataOperazione: at(30),
					utente: 'backoffice',
				},
			);
			break;
		case 'Rimborsato Parz.': {
			const part = Math.max(1, Math.floor(importo / 3));
			order.captured = importo;
			order.refunded = part;
			order.operations.push(
				{
					tipoOperazione: 'CONTAB.',
					importo,
					divisa: 'EUR',
					stato: 'Contabilizzato',
					dataOperazione: at(1),
					utente: 'API',
				},
				{
					tipoOperazione: 'STORNO',
					importo: part,
					divisa: 'EUR',
					stato: 'Rimborsato Parz.',
					dataOperazione: at(30),
					utente: 'API',
				},
			);
			break;
		}
		case 'Annullato':
			order.operations.push({
				tipoOperazione: 'STORNO',
				importo,
				divisa: 'EUR',
				stato: 'Annullato',
				dataOperazione: at(2),
				utente: 'API',
			});
			break;
		default:
			break;
	}
	order.stato = state;
	return order;
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
