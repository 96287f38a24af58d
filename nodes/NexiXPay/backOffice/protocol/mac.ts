import { createHash, timingSafeEqual } from 'crypto';

/**
 * The XPay back-office MAC scheme, and the only code that knows it.
 *
 * Request MAC: SHA-1, lowercase hex, over `name=value` pairs of the service's own fields in
 * the service's own order (not alphabetical, and not the same for every service), with the
 * MAC key appended. Response MAC: the same over esito, idOperazione and timeStamp. Payment
 * outcome MAC (what XPay sends to a PayMail link's return URL and notification URL): the same
 * over OUTCOME_MAC_FIELDS.
 */
export const MAC_FIELDS = {
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
} as const;

export type XPayService = keyof typeof MAC_FIELDS;

/** The fields a payment outcome's MAC covers, in order (Nexi's PayMail esito sample). */
export const OUTCOME_MAC_FIELDS = [
	'codTrans',
	'esito',
	'importo',
	'divisa',
	'data',
	'orario',
	'codAut',
] as const;

/** The service a request path names (the last path segment), if it is one the scheme knows. */
export function serviceOfPath(path: string): XPayService | undefined {
	const name = path.split('?')[0].split('/').filter(Boolean).pop() ?? '';
	// Nexi's samples spell it ReportPaymail; one third party's ReportPayMail also worked.
	const canonical = name === 'ReportPayMail' ? 'ReportPaymail' : name;
	return canonical in MAC_FIELDS ? (canonical as XPayService) : undefined;
}

function valueText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return String(value);
}

export function sha1Hex(text: string): string {
	return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** The string a request MAC is computed over, before the key (exported for tests). */
export function requestMacInput(service: XPayService, values: Record<string, unknown>): string {
	return MAC_FIELDS[service].map((field) => `${field}=${valueText(values[field])}`).join('');
}

export function requestMac(
	service: XPayService,
	values: Record<string, unknown>,
	macKey: string,
): string {
	return sha1Hex(requestMacInput(service, values) + macKey);
}

export function responseMac(
	esito: string,
	idOperazione: string,
	timeStamp: string,
	macKey: string,
): string {
	return sha1Hex(`esito=${esito}idOperazione=${idOperazione}timeStamp=${timeStamp}${macKey}`);
}

/**
 * Adds apiKey, timeStamp and mac to a request: to the JSON body for the POST services, to
 * the query string for downloadReport (a GET). The values signed are the very values sent.
 */
export function signRequest<
	T extends { url: string; body?: unknown; qs?: Record<string, unknown> },
>(request: T, alias: string, macKey: string, now: number): T {
	const service = serviceOfPath(request.url);
	if (!service) throw new Error(`No XPay MAC scheme is known for ${request.url}`);
	const timeStamp = String(now);
	if (service === 'downloadReport') {
		const qs = { ...request.qs, apiKey: alias, timeStamp };
		return { ...request, qs: { ...qs, mac: requestMac(service, qs, macKey) } };
	}
	const body = { apiKey: alias, ...(request.body as Record<string, unknown>), timeStamp };
	return { ...request, body: { ...body, mac: requestMac(service, body, macKey) } };
}

/** The response's own timeStamp exactly as written in the body, so 1700000000123 never becomes 1.7e12. */
export function rawTimeStamp(body: string, parsed: unknown): string {
	const match = /"timeStamp"\s*:\s*"?(\d+)"?/.exec(body);
	if (match) return match[1];
	return valueText((parsed as Record<string, unknown>)?.timeStamp);
}

export type MacCheck = 'valid' | 'invalid' | 'absent';

/**
 * Services whose answer may come without a MAC. Nexi's warning sample is the only back-office
 * sample that never checks the answer's MAC, and the one third party that reads warnings does not
 * either: whether XPay signs it is not known. A MAC that is there is checked all the same.
 */
export const MAY_ANSWER_UNSIGNED: readonly XPayService[] = ['warning'];

/**
 * Checks a response's MAC in constant time. Only answers carrying error 50 or 99 may come
 * without one: Nexi cannot compute it when it does not know the alias.
 */
export function verifyResponse(
	body: string,
	parsed: Record<string, unknown>,
	macKey: string,
): MacCheck {
	const mac = parsed.mac;
	if (mac === undefined || mac === null || mac === '') return 'absent';
	const expected = responseMac(
		valueText(parsed.esito),
		valueText(parsed.idOperazione),
		rawTimeStamp(body, parsed),
		macKey,
	);
	return sameMac(mac, expected) ? 'valid' : 'invalid';
}

/** A MAC compared with the one expected in constant time, exactly as written (lowercase hex). */
function sameMac(given: unknown, expected: string): boolean {
	const a = Buffer.from(valueText(given), 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

export function outcomeMac(values: Record<string, unknown>, macKey: string): string {
	return sha1Hex(
		OUTCOME_MAC_FIELDS.map((field) => `${field}=${valueText(values[field])}`).join('') + macKey,
	);
}

/**
 * Whether a payment outcome is XPay's: it names its transaction and outcome, and its mac
 * matches, compared in constant time. Another covered field that is absent counts as empty:
 * XPay may leave out codAut when no authorization was given, which mlocati's XPay client and
 * Nexi's WooCommerce plugin (7.4 and later) read as optional (Nexi's own samples reject a
 * missing field). The MAC covers the value either way, so nothing absent can be forged.
 */
export function verifyOutcome(values: Record<string, unknown>, macKey: string): boolean {
	const named = [values.codTrans, values.esito].every(
		(value) => typeof value === 'string' && value.trim() !== '',
	);
	if (!named || typeof values.mac !== 'string' || values.mac === '') return false;
	return sameMac(values.mac, outcomeMac(values, macKey));
}
