import { pause } from '../http';
import { sha1 } from './mac';
import { xpayDateTime, type Order, type PayMailLink } from './state';

/**
 * The fields a payment outcome's MAC covers, in order, after Nexi's PayMail esito sample.
 * Like MAC_FIELDS in api.ts this is the sandbox's own copy, written from the spec, not imported
 * from the node: test/unit/mac-tables.test.ts checks that the two agree.
 */
export const OUTCOME_MAC_FIELDS = [
	'codTrans',
	'esito',
	'importo',
	'divisa',
	'data',
	'orario',
	'codAut',
] as const;

export type DeliveryWay = 'browser' | 'server';

/** How an outcome is delivered, with the faults a real delivery can have. */
export interface DeliveryOptions {
	/** Which ways (default: both; the server way only when the link has a urlpost). */
	ways?: DeliveryWay[];
	/** Extra deliveries of the same outcome, each way (XPay repeating itself, a reloaded page). */
	duplicates?: number;
	/** Delivered this long after the payment (the control call answers at once). */
	delayMs?: number;
	/** The amount changed after the MAC was computed. */
	tamper?: boolean;
	/** The MAC computed with another key. */
	wrongKey?: boolean;
	/** The MAC left out. */
	noMac?: boolean;
	/**
	 * Every delivery sent at once, none waiting for another's answer (XPay's server racing the
	 * customer's browser). No source says whether XPay waits: the default sends one after the
	 * other, the variant all at once.
	 */
	together?: boolean;
}

export interface DeliveryRecord {
	way: DeliveryWay;
	url: string;
	status: number;
	location?: string;
	body: string;
	at: number;
	error?: string;
}

/**
 * What XPay sends back for a paid or declined link: the MAC'd fields of Nexi's sample, and the
 * hosted page's card and customer fields. The variant (where nothing is documented) leaves the
 * customer out, and codAut when the payment was declined. data is yyyyMMdd and orario HHmmss, in Italian time.
 */
export function outcomeFields(
	link: PayMailLink,
	order: Order,
	alias: string,
	macKey: string,
	variant: boolean,
	options: DeliveryOptions = {},
): Record<string, string> {
	const [day, time] = xpayDateTime(order.createdAt).split(' ');
	const paid = order.stato !== 'Negato';
	const fields: Record<string, string> = {
		codTrans: link.codiceTransazione,
		esito: paid ? 'OK' : 'KO',
		importo: String(link.importo),
		divisa: 'EUR',
		data: day.replace(/-/g, ''),
		orario: time.slice(0, 8).replace(/:/g, ''),
		codAut: paid ? order.codiceAutorizzazione : '',
	};
	const mac = sha1(
		OUTCOME_MAC_FIELDS.map((field) => `${field}=${fields[field]}`).join('') +
			(options.wrongKey ? `${macKey}-not-this-one` : macKey),
	);
	// The variant leaves out codAut when nothing was authorized, signed as empty (what readers
	// that take codAut as optional, such as Nexi's WooCommerce plugin 7.4 and later, check).
	const { codAut, ...sent } = fields;
	return {
		...sent,
		...(variant && !paid ? {} : { codAut }),
		...(options.tamper ? { importo: String(link.importo + 100) } : {}),
		...(options.noMac ? {} : { mac }),
		alias,
		codiceEsito: paid ? '0' : '103',
		messaggio: paid ? 'Message OK' : 'Autorizzazione negata',
		brand: order.brand,
		pan: order.pan,
		...(variant
			? {}
			: {
					nome: order.nome,
					cognome: order.cognome,
					mail: order.mail,
					...(link.extras.descrizione ? { descrizione: link.extras.descrizione } : {}),
				}),
		languageId: link.extras.languageId ?? 'ITA',
	};
}

/**
 * Delivers an outcome: to the link's return URL as the customer's browser (a GET with the
 * fields in the query, not following the redirect), and to its urlpost server to server (a
 * POST, form-encoded; JSON in the variant), one after the other or all at once. Failures are
 * recorded, never thrown.
 */
export async function deliverOutcome(
	link: PayMailLink,
	fields: Record<string, string>,
	variant: boolean,
	options: DeliveryOptions,
	log: DeliveryRecord[],
): Promise<DeliveryRecord[]> {
	if (options.delayMs) await pause(options.delayMs);
	const targets: Array<[DeliveryWay, string | undefined]> = [
		['browser', link.returnUrl],
		['server', link.extras.urlpost],
	];
	const ways = options.ways ?? ['browser', 'server'];
	const planned: Array<[DeliveryWay, string]> = [];
	for (let round = 0; round <= (options.duplicates ?? 0); round++) {
		for (const [way, url] of targets) {
			if (ways.includes(way) && url && /^https?:\/\//.test(url)) planned.push([way, url]);
		}
	}
	const records: DeliveryRecord[] = [];
	if (options.together ?? variant) {
		records.push(
			...(await Promise.all(
				planned.map(async ([way, url]) => await send(way, url, fields, variant)),
			)),
		);
	} else {
		for (const [way, url] of planned) records.push(await send(way, url, fields, variant));
	}
	log.push(...records);
	return records;
}

async function send(
	way: DeliveryWay,
	url: string,
	fields: Record<string, string>,
	variant: boolean,
): Promise<DeliveryRecord> {
	const at = Date.now();
	try {
		const response =
			way === 'browser'
				? await fetch(`${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(fields)}`, {
						headers: { Accept: 'text/html,application/xhtml+xml' },
						redirect: 'manual',
					})
				: await fetch(url, {
						method: 'POST',
						headers: {
							'Content-Type': variant ? 'application/json' : 'application/x-www-form-urlencoded',
						},
						body: variant ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
					});
		return {
			way,
			url,
			status: response.status,
			location: response.headers.get('location') ?? undefined,
			body: await response.text(),
			at,
		};
	} catch (error) {
		return { way, url, status: 0, body: '', at, error: (error as Error).message };
	}
}
