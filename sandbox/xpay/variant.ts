import type { Random } from '../random';
import {
	addOperation,
	makeOrder,
	xpayDateTime,
	type LinkState,
	type Order,
	type PayMailLink,
	type ReportInstance,
} from './state';

/**
 * The sandbox's variant mode (`npm run sandbox -- --variant`, `startSandbox({ variant: true })`):
 * wherever the specs say nothing, it answers the other plausible way, so that the tests prove
 * the nodes do not lean on the default mode's guesses. Each choice below names what the
 * default mode does instead.
 */

export const VARIANT = {
	/**
	 * statoEsteso values are documented nowhere. The default mode writes the order's state once a
	 * link was used, "In attesa di pagamento" before and "Scaduto" when expired; these are
	 * wordings none of which the node recognises.
	 */
	linkWording(state: LinkState, expired: boolean): string {
		if (state === 'paid') return 'Pagamento effettuato';
		if (state === 'declined') return 'Pagamento rifiutato';
		return expired ? 'Link non più valido' : 'Link inviato';
	},

	/**
	 * listaReport items are documented nowhere (the default mode: idReport, nomeReport,
	 * tipoReport, formato, dataRiferimento, dataElaborazione). Here the id is spelled IdReport,
	 * the other names differ, and every third item has no id at all.
	 */
	reportItem(report: ReportInstance, index: number): Record<string, unknown> {
		return {
			...(index % 3 === 2 ? {} : { IdReport: Number(report.idReport) }),
			nome: report.nomeReport,
			tipo: report.tipoReport,
			formatoFile: report.formato.toLowerCase(),
			periodo: report.day,
			elaboratoIl: xpayDateTime(report.processedAt),
		};
	},

	/** downloadReport's answer is documented nowhere: for odd ids, a login page instead of the file. */
	answersWithHtml(idReport: string): boolean {
		return Number(idReport) % 2 === 1;
	},

	loginPage:
		'<!DOCTYPE html>\n<html lang="it"><head><title>XPay - Accesso</title></head>\n<body><form action="/ecomm/login" method="post"><input name="username"><input type="password" name="password"></form></body></html>\n',

	/**
	 * situazioneOrdine for a link not paid yet (the default mode: no order, error 2): an order
	 * waiting for payment, with the customer the link was created with.
	 */
	unpaidLinkOrder(link: PayMailLink): Record<string, unknown> {
		const customer = {
			nome: link.extras.nome ?? '',
			cognome: link.extras.cognome ?? '',
			mail: link.extras.mail ?? '',
		};
		return {
			codiceTransazione: link.codiceTransazione,
			importo: String(link.importo),
			divisa: 'EUR',
			stato: 'In attesa di pagamento',
			dataTransazione: xpayDateTime(link.createdAt).slice(0, 19),
			...customer,
			dettaglio: [
				{
					...customer,
					importo: String(link.importo),
					divisa: 'EUR',
					stato: 'In attesa di pagamento',
					codiceTransazione: link.codiceTransazione,
					operazioni: [],
				},
			],
		};
	},

	/** ReportPaymail items carry only what the one community sample shows: no currency, no brand, the amount as text. */
	linkItem(item: Record<string, unknown>): Record<string, unknown> {
		const { divisa: _currency, circuito: _brand, importo, ...rest } = item;
		return { ...rest, importo: String(importo) };
	},

	/**
	 * Where an order keeps what its PayMail link was created with is documented nowhere (the
	 * default mode: the customer in dettaglio, the extras as JSON text in dettaglio's
	 * parametriAggiuntivi). Here they are only name=value pairs in the order's parametri, and
	 * dettaglio's customer fields are empty.
	 */
	orderParameters(extras: Record<string, unknown>): string {
		return Object.entries(extras)
			.map(([name, value]) => `${name}=${String(value)}`)
			.join('&');
	},

	withoutCustomer: { nome: '', cognome: '', mail: '' },

	/** The warning list: under `warning` (as a third party reads it; Nexi's sample says `warnings`), other names. */
	warningsKey: 'warning',

	warningItem(order: Order): Record<string, unknown> {
		return {
			codTrans: order.codiceTransazione,
			data: xpayDateTime(order.createdAt).slice(0, 19),
			importo: String(order.importo),
			messaggio: '3DS non disponibile per la carta',
		};
	},
};

/**
 * Orders the default mode never has: some in CZK and PLN (the currencies besides EUR that
 * Nexi's own plugin sends to contabilizza and storna), and PayPal orders captured in two parts,
 * each part with its own idContabParzialePayPal.
 */
export function seedVariantOrders(orders: Order[], random: Random, now: number): Order[] {
	orders.forEach((order, index) => {
		if (index % 5 !== 1 && index % 7 !== 3) return;
		order.divisa = index % 5 === 1 ? 'CZK' : 'PLN';
		for (const operation of order.operations) operation.divisa = order.divisa;
	});
	const extra: Order[] = [];
	for (let i = 0; i < 4; i++) {
		const createdAt = now - (i + 1) * 3 * 3600_000;
		const order = makeOrder(
			random,
			`PAYPAL-PARTS-${i}`,
			10_000 + i * 1_000,
			createdAt,
			'Autorizzato',
			{
				brand: 'PayPal',
			},
		);
		addOperation(order, 'CONTAB.', 4_000, 'Contabilizzato Parz.', createdAt + 3600_000, 'API');
		addOperation(order, 'CONTAB.', 3_000, 'Contabilizzato Parz.', createdAt + 7200_000, 'API');
		order.stato = 'Contabilizzato Parz.';
		extra.push(order);
	}
	return extra;
}
