import { createHash } from 'node:crypto';

import { json, type SandboxRequest, type SandboxResponse } from '../http';
import { Random } from '../random';
import {
	addOperation,
	DEFAULT_XPAY_DATA,
	italianDay,
	makeOrder,
	NUMERIC_CURRENCIES,
	payPalPartialCaptures,
	seedOrders,
	xpayDateTime,
	type Order,
	type OrderSpec,
	type OrderState,
	type PayMailLink,
	type ReportInstance,
	type XPayDataOptions,
} from './state';
import {
	deliverOutcome,
	outcomeFields,
	type DeliveryOptions,
	type DeliveryRecord,
} from './outcome';
import { sha1 } from './mac';
import { seedVariantOrders, VARIANT } from './variant';

export interface XPayOptions extends XPayDataOptions {
	alias: string;
	macKey: string;
	/** ReportPaymail returns at most this many links and silently leaves out the rest. */
	paymailCap: number;
	/** reportOrdini refuses longer periods (the 90 days a third party reports). */
	maxPeriodDays: number;
	/**
	 * Answer the other plausible way wherever the specs are silent (see sandbox/xpay/variant.ts):
	 * other link state wordings, report items with other or missing fields, HTML instead of a
	 * report file, orders in CZK and PLN, PayPal orders with partial captures, and more.
	 */
	variant: boolean;
}

export const DEFAULT_XPAY: XPayOptions = {
	...DEFAULT_XPAY_DATA,
	alias: 'ALIAS_WEB_00098765',
	macKey: 'SANDBOXMACKEY7Q4W9E2R6T1Y8U3I5O0',
	paymailCap: 100,
	maxPeriodDays: 90,
	variant: false,
};

/**
 * The MAC field order of each service, written again here from the spec on purpose: the
 * sandbox checks the node's signatures, so it must not borrow the node's own table (a mistake
 * there would then pass). test/unit/mac-tables.test.ts checks that the two copies agree.
 */
export const MAC_FIELDS: Record<string, string[]> = {
	contabilizza: ['apiKey', 'codiceTransazione', 'divisa', 'importo', 'timeStamp'],
	storna: ['apiKey', 'codiceTransazione', 'divisa', 'importo', 'timeStamp'],
	situazioneOrdine: ['apiKey', 'codiceTransazione', 'timeStamp'],
	reportOrdini: ['apiKey', 'codiceTransazione', 'periodo', 'canale', 'timeStamp'],
	richiestaPayMail: ['apiKey', 'codiceTransazione', 'importo', 'timeStamp'],
	rigeneraPayMail: ['apiKey', 'codiceTransazione', 'timeStamp'],
	elencoReport: ['apiKey', 'timeStamp'],
	downloadReport: ['apiKey', 'timeStamp', 'idReport'],
	ReportPaymail: ['apiKey', 'timeStamp'],
	warning: ['apiKey', 'timeStamp'],
};

/** Italian messages in the style of XPay's own. */
const MESSAGES: Record<number, string> = {
	1: 'Valore non valido nel JSON di input',
	2: 'Nessun ordine trovato',
	3: 'MAC errato',
	4: 'MAC non presente nella richiesta JSON',
	5: 'Sono trascorsi più di 5 minuti dalla generazione del timestamp',
	9: 'Transazione già presente',
	13: 'Transazione non trovata',
	16: 'Valore non valido nello stato corrente',
	17: 'Importo operazione troppo alto',
	50: 'Impossibile calcolare il MAC: alias non valido o JSON non conforme',
};

const STATE_FILTERS: Record<string, OrderState[]> = {
	autorizzato: ['Autorizzato'],
	negato: ['Negato'],
	annullato: ['Annullato'],
	incassato: ['Contabilizzato'],
	rimborsato: ['Rimborsato'],
	noncreato: ['Non Creato'],
	incparziale: ['Contabilizzato Parz.'],
	rimbparziale: ['Rimborsato Parz.'],
};

const CODE = /^[\x21-\x7e]{2,30}$/;
const DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

class Refusal {
	constructor(
		readonly code: number,
		readonly detail?: string,
	) {}
}

/**
 * The XPay back-office API as the spec describes it: every request MAC checked in the
 * service's own field order, the 5-minute timeStamp rule, response MACs on every answer
 * but errors 50 and 99, the order state machine, PayMail links capped at 100 per search.
 */
export class XPayApi {
	options: XPayOptions;

	orders = new Map<string, Order>();

	links = new Map<string, PayMailLink>();

	reports: ReportInstance[] = [];

	/** Added to the sandbox's clock, to simulate a server whose time differs from n8n's. */
	clockOffsetMs = 0;

	/** Every payment outcome delivered to a link's return or notification URL, in order. */
	deliveries: DeliveryRecord[] = [];

	/** Every capture and refund applied, in order: the ledger the fault tests audit. */
	ledger: Array<{
		service: 'contabilizza' | 'storna';
		codiceTransazione: string;
		importo: number;
		at: number;
	}> = [];

	private random: Random;

	private operationCounter = 160209354;

	constructor(options: Partial<XPayOptions> = {}) {
		this.options = { ...DEFAULT_XPAY, ...options };
		this.random = new Random(this.options.seed);
		this.reset(options);
	}

	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	reset(options: Partial<XPayOptions> = {}): void {
		this.options = { ...DEFAULT_XPAY, ...options };
		this.random = new Random(this.options.seed * 31 + 5);
		this.orders.clear();
		this.links.clear();
		this.ledger = [];
		this.deliveries = [];
		this.clockOffsetMs = 0;
		const now = Date.now();
		for (const order of seedOrders(this.random, this.options, now))
			this.orders.set(order.codiceTransazione, order);
		if (this.options.variant) {
			for (const order of seedVariantOrders([...this.orders.values()], this.random, now))
				this.orders.set(order.codiceTransazione, order);
		}
		for (let i = 0; i < this.options.links; i++) {
			const createdAt = now - this.random.int(1, this.options.days * 24 * 60) * 60_000;
			const link = this.createLink(
				`PML-${this.random.digits(6)}-${i}`,
				this.random.int(500, 90_000),
				24,
				'https://shop.example/esito',
				{},
				createdAt,
			);
			const roll = this.random.next();
			if (roll < 0.5) this.pay(link.codiceTransazione, 'paid', createdAt + 3600_000);
			else if (roll < 0.6) this.pay(link.codiceTransazione, 'declined', createdAt + 3600_000);
		}
		this.reports = [];
		for (let day = 1; day <= 45; day++) {
			const processedAt = Date.parse(`${italianDay(now - day * 86_400_000)}T05:00:00Z`);
			this.reports.push({
				idReport: String(900000 + day),
				nomeReport: 'Transazioni giornaliere',
				tipoReport: 'TRANSAZIONI',
				formato: 'CSV',
				day: italianDay(processedAt - 86_400_000),
				processedAt,
			});
		}
	}

	// ---- control helpers (used by tests and the control API) ----

	addOrder(
		spec: {
			codiceTransazione?: string;
			importo: number;
			stato?: OrderState;
			createdAt?: number;
		} & OrderSpec,
	): Order {
		const code = spec.codiceTransazione ?? `ORD-${this.random.digits(10)}`;
		const order = makeOrder(
			this.random,
			code,
			spec.importo,
			spec.createdAt ?? this.now(),
			spec.stato ?? 'Autorizzato',
			{ divisa: spec.divisa, brand: spec.brand },
		);
		this.orders.set(code, order);
		return order;
	}

	/** The customer opens the link and pays (or is declined): an order appears. */
	pay(code: string, outcome: 'paid' | 'declined', at = this.now()): PayMailLink {
		const link = this.links.get(code);
		if (!link) throw new Error(`No PayMail link ${code}`);
		const captureMode = link.extras.TCONTAB === 'D' ? 'Autorizzato' : 'Contabilizzato';
		const order = makeOrder(
			this.random,
			code,
			link.importo,
			at,
			outcome === 'paid' ? captureMode : 'Negato',
		);
		// The payment page is filled in with what the link was created with.
		if (link.extras.mail) order.mail = link.extras.mail;
		if (link.extras.nome) order.nome = link.extras.nome;
		if (link.extras.cognome) order.cognome = link.extras.cognome;
		this.orders.set(code, order);
		link.state = outcome;
		link.brand = order.brand;
		return link;
	}

	/**
	 * The customer pays (or is declined) and XPay tells the link's return URL, as the browser
	 * does, and its notification URL (urlpost), with the faults asked for. With a delay the
	 * deliveries happen later and none is returned.
	 */
	async payAndDeliver(
		code: string,
		outcome: 'paid' | 'declined',
		options: DeliveryOptions = {},
	): Promise<{ link: PayMailLink; deliveries: DeliveryRecord[] }> {
		const link = this.pay(code, outcome);
		return { link, deliveries: await this.deliver(link, options) };
	}

	/** The outcome of a link already paid or declined, delivered again (late, twice, forged…). */
	async redeliver(
		code: string,
		options: DeliveryOptions = {},
	): Promise<{ link: PayMailLink; deliveries: DeliveryRecord[] }> {
		const link = this.links.get(code);
		if (!link || (link.state !== 'paid' && link.state !== 'declined'))
			throw new Error(`PayMail link ${code} has no outcome to deliver`);
		return { link, deliveries: await this.deliver(link, options) };
	}

	private async deliver(link: PayMailLink, options: DeliveryOptions): Promise<DeliveryRecord[]> {
		const order = this.orders.get(link.codiceTransazione)!;
		const { alias, macKey } = this.options;
		const fields = outcomeFields(link, order, alias, macKey, this.variant, options);
		const delivery = deliverOutcome(link, fields, this.variant, options, this.deliveries);
		if (options.delayMs) {
			void delivery;
			return [];
		}
		return await delivery;
	}

	expire(code: string): PayMailLink {
		const link = this.links.get(code);
		if (!link) throw new Error(`No PayMail link ${code}`);
		link.expiresAt = this.now() - 1000;
		return link;
	}

	// ---- the API ----

	handle(request: SandboxRequest, baseUrl: string): SandboxResponse | undefined {
		const match = /^\/ecomm\/api\/bo\/([A-Za-z]+)$/.exec(request.path);
		if (!match) return undefined;
		const service = match[1] === 'ReportPayMail' ? 'ReportPaymail' : match[1];
		if (!(service in MAC_FIELDS)) return json(404);

		const isDownload = service === 'downloadReport';
		if (isDownload ? request.method !== 'GET' : request.method !== 'POST') return json(405);

		const fields: Record<string, unknown> = isDownload
			? Object.fromEntries(request.query)
			: (request.json as Record<string, unknown>);
		if (!fields || typeof fields !== 'object' || Array.isArray(fields))
			return this.answer(new Refusal(50), false);
		if (fields.apiKey !== this.options.alias) return this.answer(new Refusal(50), false);
		if (fields.mac === undefined || fields.mac === null || fields.mac === '')
			return this.answer(new Refusal(4));

		const timeStamp = String(fields.timeStamp ?? '');
		if (!/^\d{13}$/.test(timeStamp)) return this.answer(new Refusal(1, 'timeStamp'));
		if (Math.abs(this.now() - Number(timeStamp)) > 5 * 60_000) return this.answer(new Refusal(5));

		const macInput = MAC_FIELDS[service].map((field) => `${field}=${fields[field] ?? ''}`).join('');
		if (String(fields.mac) !== sha1(macInput + this.options.macKey))
			return this.answer(new Refusal(3));

		try {
			switch (service) {
				case 'contabilizza':
					return this.answer(this.capture(fields));
				case 'storna':
					return this.answer(this.refund(fields));
				case 'situazioneOrdine':
					return this.answer(this.orderDetail(fields));
				case 'reportOrdini':
					return this.answer(this.orderList(fields));
				case 'richiestaPayMail':
					return this.answer(this.requestLink(fields, baseUrl));
				case 'rigeneraPayMail':
					return this.answer(this.regenerateLink(fields, baseUrl));
				case 'ReportPaymail':
					return this.answer(this.linkReport(fields));
				case 'elencoReport':
					return this.answer(this.reportList(fields));
				case 'warning':
					// Whether XPay signs this answer is nowhere written (Nexi's sample never checks):
					// the default mode signs it, the variant does not.
					return this.answer(this.warnings(fields), !this.variant);
				default:
					return this.download(fields);
			}
		} catch (error) {
			if (error instanceof Refusal) return this.answer(error);
			throw error;
		}
	}

	/** An OK answer (an object) or a KO one (a Refusal), with its response MAC. */
	private answer(result: Record<string, unknown> | Refusal, withMac = true): SandboxResponse {
		const idOperazione = String(this.operationCounter++);
		const timeStamp = this.now();
		const esito = result instanceof Refusal ? 'KO' : 'OK';
		// The spec says a client should read timeStamp as a number or as text: both occur.
		const body: Record<string, unknown> = {
			esito,
			idOperazione,
			timeStamp: this.variant ? String(timeStamp) : timeStamp,
		};
		if (withMac)
			body.mac = sha1(
				`esito=${esito}idOperazione=${idOperazione}timeStamp=${timeStamp}${this.options.macKey}`,
			);
		if (result instanceof Refusal) {
			const message = MESSAGES[result.code] ?? 'Errore generico';
			body.errore = {
				codice: result.code,
				messaggio: result.detail ? `${message}: ${result.detail}` : message,
			};
		} else {
			Object.assign(body, result);
		}
		return json(200, body);
	}

	private requireCode(fields: Record<string, unknown>, name = 'codiceTransazione'): string {
		const code = fields[name];
		if (typeof code !== 'string' || !CODE.test(code)) throw new Refusal(1, name);
		return code;
	}

	private requireAmount(fields: Record<string, unknown>): number {
		const raw = fields.importo;
		const text = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : '';
		if (!/^\d{1,10}$/.test(text) || Number(text) <= 0) throw new Refusal(1, 'importo');
		return Number(text);
	}

	/**
	 * What contabilizza and storna both check first: code, amount, a known order, and the
	 * order's own currency as its numeric code (Nexi's plugin sends EUR 978, CZK 203, PLN 985,
	 * AUD 036, NZD 554).
	 */
	private moveRequest(fields: Record<string, unknown>): {
		code: string;
		importo: number;
		order: Order;
	} {
		const code = this.requireCode(fields);
		const importo = this.requireAmount(fields);
		const order = this.orders.get(code);
		if (!/^\d{3}$/.test(String(fields.divisa ?? ''))) throw new Refusal(1, 'divisa');
		if (!order) throw new Refusal(13);
		if (String(fields.divisa) !== NUMERIC_CURRENCIES[order.divisa]) throw new Refusal(1, 'divisa');
		return { code, importo, order };
	}

	private capture(fields: Record<string, unknown>): Record<string, unknown> {
		const { code, importo, order } = this.moveRequest(fields);
		if (order.stato !== 'Autorizzato' && order.stato !== 'Contabilizzato Parz.')
			throw new Refusal(16);
		if (importo > order.importo - order.captured) throw new Refusal(17);
		order.stato =
			order.captured + importo === order.importo ? 'Contabilizzato' : 'Contabilizzato Parz.';
		addOperation(order, 'CONTAB.', importo, order.stato, this.now(), 'API');
		this.ledger.push({ service: 'contabilizza', codiceTransazione: code, importo, at: this.now() });
		return {};
	}

	private refund(fields: Record<string, unknown>): Record<string, unknown> {
		const { code, importo, order } = this.moveRequest(fields);
		const reverses = this.payPalCaptureReversed(order, fields.idContabParzialePayPal, importo);
		if (order.stato === 'Autorizzato') {
			// Before capture only the whole authorization can be cancelled.
			if (importo !== order.importo) throw new Refusal(16, 'solo annullamento totale');
			order.stato = 'Annullato';
		} else if (
			['Contabilizzato', 'Contabilizzato Parz.', 'Rimborsato Parz.'].includes(order.stato)
		) {
			if (importo > order.captured - order.refunded) throw new Refusal(17);
			order.stato = order.refunded + importo === order.captured ? 'Rimborsato' : 'Rimborsato Parz.';
		} else {
			throw new Refusal(16);
		}
		addOperation(order, 'STORNO', importo, order.stato, this.now(), 'API', true, reverses);
		this.ledger.push({ service: 'storna', codiceTransazione: code, importo, at: this.now() });
		return {};
	}

	/**
	 * Nexi's order-detail page: reversing a PayPal partial capture needs that capture's
	 * idContabParzialePayPal; an order without partial captures (a Sale) is reversed by its code
	 * alone. Whether XPay would pick a capture itself when the id is missing is not documented:
	 * here it refuses (error 1), the strict reading.
	 */
	private payPalCaptureReversed(order: Order, given: unknown, importo: number): string | undefined {
		const captures = payPalPartialCaptures(order);
		const id =
			typeof given === 'string'
				? given
				: given === undefined || given === null
					? ''
					: String(given);
		if (captures.length === 0) {
			if (id !== '') throw new Refusal(1, 'idContabParzialePayPal');
			return order.brand === 'PayPal' ? '' : undefined;
		}
		const capture = captures.find((candidate) => candidate.id === id);
		if (!capture) throw new Refusal(1, 'idContabParzialePayPal');
		if (importo > capture.left) throw new Refusal(17);
		return capture.id;
	}

	private orderDetail(fields: Record<string, unknown>): Record<string, unknown> {
		const code = this.requireCode(fields);
		const order = this.orders.get(code);
		const link = this.links.get(code);
		// Whether XPay has an order for a link nobody has paid yet is documented nowhere: the
		// default mode has none (error 2); the variant answers one waiting for payment, with the
		// customer the link was created with.
		if (!order && link && this.variant) {
			return { scadenza: '203012', report: [VARIANT.unpaidLinkOrder(link)] };
		}
		if (!order) throw new Refusal(2);
		return { scadenza: '203012', report: [this.renderOrder(order)] };
	}

	/** The order as situazioneOrdine and reportOrdini answer it. */
	renderOrder(order: Order): Record<string, unknown> {
		// The variant writes what other sources show: the amount as text (as pagoPA reads it), the
		// date without its ".0".
		const importo = this.variant ? String(order.importo) : order.importo;
		const dataTransazione = xpayDateTime(order.createdAt);
		// What a PayMail link was created with travels with its order; how is documented nowhere.
		const extras = this.links.get(order.codiceTransazione)?.extras ?? {};
		const customer =
			this.variant && Object.keys(extras).length > 0 ? VARIANT.withoutCustomer : order;
		return {
			numeroMerchant: '00098765',
			codiceTransazione: order.codiceTransazione,
			importo,
			divisa: order.divisa,
			codiceAutorizzazione:
				order.stato === 'Negato' || order.stato === 'Non Creato' ? '' : order.codiceAutorizzazione,
			brand: order.brand,
			tipoPagamento: order.canale === 'CartaCredito' ? 'CC' : order.canale,
			tipoTransazione: order.canale === 'CartaCredito' ? 'VBV_FULL' : 'NO_3DSECURE',
			nazione: order.nazione,
			tipoProdotto: order.tipoProdotto,
			pan: order.pan,
			parametri: this.variant ? VARIANT.orderParameters(extras) : '',
			stato: order.stato,
			dataTransazione: this.variant ? dataTransazione.slice(0, 19) : dataTransazione,
			dettaglio: [
				{
					nome: customer.nome,
					cognome: customer.cognome,
					mail: customer.mail,
					importo,
					importoRifiutato: order.stato === 'Negato' ? order.importo : 0,
					divisa: order.divisa,
					// Fields a third party reads (Nexi documents none of them): the variant gives the
					// order's currency as its numeric code and decimals too.
					...(this.variant
						? {
								codiceValuta: order.codiceValuta ?? NUMERIC_CURRENCIES[order.divisa],
								decimaliValuta: 2,
							}
						: {}),
					stato: order.stato,
					codiceTransazione: order.codiceTransazione,
					// JSON text, as pagoPA's model reads it (the variant: name=value pairs in parametri).
					...(!this.variant && extras.descrizione
						? { parametriAggiuntivi: JSON.stringify(extras) }
						: {}),
					operazioni: order.operations.map((operation) => ({ ...operation })),
				},
			],
		};
	}

	private orderList(fields: Record<string, unknown>): Record<string, unknown> {
		if (typeof fields.codiceTransazione !== 'string') throw new Refusal(1, 'codiceTransazione');
		const period = /^(\d{2}\/\d{2}\/\d{4}) - (\d{2}\/\d{2}\/\d{4})$/.exec(
			String(fields.periodo ?? ''),
		);
		if (!period) throw new Refusal(1, 'periodo');
		const from = parseDay(period[1]);
		const to = parseDay(period[2]);
		if (!from || !to || from > to) throw new Refusal(1, 'periodo');
		if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > this.options.maxPeriodDays) {
			throw new Refusal(1, `periodo oltre ${this.options.maxPeriodDays} giorni`);
		}
		const canale = String(fields.canale ?? '');
		if (!['All', 'CartaCredito', 'PayPal', 'MyBank', 'MySi'].includes(canale))
			throw new Refusal(1, 'canale');
		let states: Set<OrderState> | undefined;
		if (fields.stato !== undefined) {
			if (!Array.isArray(fields.stato)) throw new Refusal(1, 'stato');
			const tokens = fields.stato.map((token) => String(token).toLowerCase());
			if (tokens.some((token) => !STATE_FILTERS[token])) throw new Refusal(1, 'stato');
			if (tokens.length > 0) states = new Set(tokens.flatMap((token) => STATE_FILTERS[token]));
		}
		const code = fields.codiceTransazione;
		const report = [...this.orders.values()]
			.filter((order) => {
				const day = italianDay(order.createdAt);
				return (
					day >= from &&
					day <= to &&
					(code === '' || order.codiceTransazione === code) &&
					(canale === 'All' || order.canale === canale) &&
					(!states || states.has(order.stato))
				);
			})
			.sort((a, b) => a.createdAt - b.createdAt)
			.map((order) => this.renderOrder(order));
		if (report.length === 0) throw new Refusal(2);
		return { report };
	}

	createLink(
		code: string,
		importo: number,
		timeoutHours: number,
		returnUrl: string,
		extras: Record<string, string>,
		createdAt = this.now(),
	): PayMailLink {
		const link: PayMailLink = {
			codiceTransazione: code,
			importo,
			timeoutHours,
			returnUrl,
			extras,
			createdAt,
			expiresAt: createdAt + timeoutHours * 3600_000,
			token: this.random.hex(24),
			state: 'unused',
			regenerations: 0,
		};
		this.links.set(code, link);
		return link;
	}

	private linkUrl(link: PayMailLink, baseUrl: string): string {
		return `${baseUrl}/ecomm/ecomm/PayMail?token=${link.token}`;
	}

	private requestLink(fields: Record<string, unknown>, baseUrl: string): Record<string, unknown> {
		const code = this.requireCode(fields);
		const importo = this.requireAmount(fields);
		// A whole number of hours; Nexi documents no upper limit (its own sample regenerates with 10000).
		const timeout = Number(fields.timeout);
		if (!Number.isInteger(timeout) || timeout < 1) throw new Refusal(1, 'timeout');
		const url = fields.url;
		if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) throw new Refusal(1, 'url');
		const extras = fields.parametriAggiuntivi ?? {};
		if (typeof extras !== 'object' || Array.isArray(extras))
			throw new Refusal(1, 'parametriAggiuntivi');
		if (this.links.has(code) || this.orders.has(code)) throw new Refusal(9);
		const link = this.createLink(
			code,
			importo,
			timeout,
			url,
			Object.fromEntries(Object.entries(extras as object).map(([k, v]) => [k, String(v)])),
		);
		return { payMailUrl: this.linkUrl(link, baseUrl) };
	}

	private regenerateLink(
		fields: Record<string, unknown>,
		baseUrl: string,
	): Record<string, unknown> {
		const code = this.requireCode(fields);
		const link = this.links.get(code);
		if (!link) throw new Refusal(2);
		if (link.state === 'paid') throw new Refusal(16, 'link già pagato');
		// Nexi's only sample always sends timeout, and its README says the new expiry is the request
		// date plus it. Without one, the default mode keeps the link's lifetime; the variant refuses.
		if (fields.timeout === undefined && this.variant) throw new Refusal(1, 'timeout');
		const timeout = fields.timeout === undefined ? link.timeoutHours : Number(fields.timeout);
		if (!Number.isInteger(timeout) || timeout < 1) throw new Refusal(1, 'timeout');
		if (link.state === 'unused' || link.state === 'expired') {
			// Never used: the same link and code, with a new expiry.
			link.expiresAt = this.now() + timeout * 3600_000;
			link.state = 'unused';
			return { payMailUrl: this.linkUrl(link, baseUrl), codiceTransazione: code };
		}
		// Used and refused: a new link under a new code.
		let next =
			fields.nuovoCodiceTransazione === undefined
				? ''
				: this.requireCode(fields, 'nuovoCodiceTransazione');
		if (!next) {
			link.regenerations++;
			const suffix = String(link.regenerations);
			next =
				code.length + suffix.length > 30
					? code.slice(0, 30 - Math.max(2, suffix.length)) + suffix.padStart(2, '0')
					: code + suffix;
		}
		if (this.links.has(next) || this.orders.has(next)) throw new Refusal(9);
		const created = this.createLink(next, link.importo, timeout, link.returnUrl, link.extras);
		return { payMailUrl: this.linkUrl(created, baseUrl), codiceTransazione: next };
	}

	private linkReport(fields: Record<string, unknown>): Record<string, unknown> {
		const from = parseDay(String(fields.linkCreatiDal ?? ''));
		const to = parseDay(String(fields.linkCreatiAl ?? ''));
		if (!from) throw new Refusal(1, 'linkCreatiDal');
		if (!to || from > to) throw new Refusal(1, 'linkCreatiAl');
		const paymail = [...this.links.values()]
			.filter((link) => {
				const day = italianDay(link.createdAt);
				return day >= from && day <= to;
			})
			.sort(
				(a, b) =>
					a.createdAt - b.createdAt || a.codiceTransazione.localeCompare(b.codiceTransazione),
			)
			// At most 100 per search, the rest silently left out (what Nexi does past the cap is not documented).
			.slice(0, this.options.paymailCap)
			.map((link) => {
				const item = {
					codiceTransazione: link.codiceTransazione,
					importo: link.importo,
					divisa: 'EUR',
					dataCreazioneLink: xpayDateTime(link.createdAt),
					circuito: link.brand ?? '',
					statoEsteso: this.linkStateText(link),
				};
				return this.variant ? VARIANT.linkItem(item) : item;
			});
		return { paymail };
	}

	/** The link's extended state: the order's state once paid or refused, else the link's own. */
	private linkStateText(link: PayMailLink): string {
		const expired = link.expiresAt < this.now();
		if (this.variant) return VARIANT.linkWording(link.state, expired);
		const order = this.orders.get(link.codiceTransazione);
		if (order && link.state !== 'unused') return order.stato;
		if (expired) return 'Scaduto';
		return 'In attesa di pagamento';
	}

	private reportList(fields: Record<string, unknown>): Record<string, unknown> {
		const refDate =
			fields.refDate === undefined ? italianDay(this.now()) : parseDay(String(fields.refDate));
		if (!refDate) throw new Refusal(1, 'refDate');
		const listaReport = this.reports
			.filter((report) => italianDay(report.processedAt) <= refDate)
			.sort((a, b) => b.processedAt - a.processedAt)
			.slice(0, 10)
			.map((report, index) =>
				this.variant
					? VARIANT.reportItem(report, index)
					: {
							idReport: report.idReport,
							nomeReport: report.nomeReport,
							tipoReport: report.tipoReport,
							formato: report.formato,
							dataRiferimento: toDay(report.day),
							dataElaborazione: xpayDateTime(report.processedAt),
						},
			);
		if (listaReport.length === 0) throw new Refusal(2);
		return { listaReport };
	}

	private download(fields: Record<string, unknown>): SandboxResponse {
		const report = this.reports.find((r) => r.idReport === String(fields.idReport ?? ''));
		if (!report) return this.answer(new Refusal(2));
		if (this.variant && VARIANT.answersWithHtml(report.idReport)) {
			return {
				status: 200,
				headers: { 'Content-Type': 'text/html; charset=utf-8' },
				body: VARIANT.loginPage,
			};
		}
		return {
			status: 200,
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': `attachment; filename="report_${report.idReport}.csv"`,
			},
			body: this.reportCsv(report),
		};
	}

	/**
	 * warning: the transactions whose 3-D Secure data had problems (Nexi's sample; the items'
	 * fields are documented nowhere, these are the sandbox's). Here every card order whose code
	 * hashes to a multiple of 6 has one. Filters: codiceTransazione, and dataTransazioneDal/Al as
	 * "dd/mm/yyyy hh:mm:ss" (Italian time); nothing found is error 2.
	 */
	private warnings(fields: Record<string, unknown>): Record<string, unknown> {
		const from = parseDateTime(fields.dataTransazioneDal, 'dataTransazioneDal');
		const to = parseDateTime(fields.dataTransazioneAl, 'dataTransazioneAl');
		const code = fields.codiceTransazione;
		if (code !== undefined && code !== '' && typeof code !== 'string')
			throw new Refusal(1, 'codiceTransazione');
		const items = [...this.orders.values()]
			.filter(
				(order) =>
					order.canale === 'CartaCredito' &&
					hasWarning(order.codiceTransazione) &&
					(!code || order.codiceTransazione === code) &&
					(from === undefined || xpayDateTime(order.createdAt) >= from) &&
					(to === undefined || xpayDateTime(order.createdAt).slice(0, 19) <= to),
			)
			.sort((a, b) => a.createdAt - b.createdAt)
			.map((order) =>
				this.variant
					? VARIANT.warningItem(order)
					: {
							codiceTransazione: order.codiceTransazione,
							dataTransazione: xpayDateTime(order.createdAt),
							importo: order.importo,
							divisa: order.divisa,
							brand: order.brand,
							tipoWarning: '3DS_NON_COMPLETATO',
							descrizione: 'Autenticazione 3-D Secure non completata',
						},
			);
		if (items.length === 0) throw new Refusal(2);
		return { [this.variant ? VARIANT.warningsKey : 'warnings']: items };
	}

	private get variant(): boolean {
		return this.options.variant;
	}

	reportCsv(report: ReportInstance): string {
		const rows = [...this.orders.values()]
			.filter((order) => italianDay(order.createdAt) === report.day)
			.sort((a, b) => a.createdAt - b.createdAt)
			.map((order) =>
				[
					order.codiceTransazione,
					xpayDateTime(order.createdAt),
					order.brand,
					(order.importo / 100).toFixed(2).replace('.', ','),
					order.divisa,
					order.stato,
				].join(';'),
			);
		return ['Codice transazione;Data;Circuito;Importo;Divisa;Stato', ...rows].join('\r\n') + '\r\n';
	}
}

/** "dd/mm/yyyy" → "yyyy-mm-dd", or undefined when it is not a real date. */
function parseDay(text: string): string | undefined {
	const match = DAY.exec(text);
	if (!match) return undefined;
	const iso = `${match[3]}-${match[2]}-${match[1]}`;
	const date = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function toDay(iso: string): string {
	return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "dd/mm/yyyy hh:mm:ss" → "yyyy-mm-dd hh:mm:ss" (comparable with XPay's own dates); absent is no bound. */
function parseDateTime(value: unknown, field: string): string | undefined {
	if (value === undefined || value === '') return undefined;
	const match = /^(\d{2}\/\d{2}\/\d{4}) (\d{2}:\d{2}:\d{2})$/.exec(String(value).trim());
	const day = match ? parseDay(match[1]) : undefined;
	if (!match || !day) throw new Refusal(1, field);
	return `${day} ${match[2]}`;
}

/** Whether the sandbox gives this order a 3-D Secure warning (for tests that count them). */
export function hasWarning(code: string): boolean {
	return createHash('sha1').update(code).digest()[0] % 6 === 0;
}
