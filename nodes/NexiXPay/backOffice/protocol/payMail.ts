import { MAC_FIELDS } from './mac';

/**
 * What a PayMail link can carry beyond its code, amount, lifetime and return page, in English.
 * XPay takes these inside `parametriAggiuntivi` under its own names (PAYMAIL_PARAMETER_NAMES).
 */
export interface LinkOptions {
	email?: string;
	firstName?: string;
	lastName?: string;
	description?: string;
	/** XPay's language code, such as ITA or ENG. */
	language?: string;
	notificationUrl?: string;
	cancelUrl?: string;
	/** TCONTAB: C (immediate) or D (deferred). */
	captureMode?: string;
	/** Other XPay parameters, by XPay's own names. */
	extraParameters?: Array<[string, string]>;
}

/** XPay's name for each option, in the order they are sent. */
const PAYMAIL_PARAMETER_NAMES: Array<[keyof Omit<LinkOptions, 'extraParameters'>, string]> = [
	['email', 'mail'],
	['firstName', 'nome'],
	['lastName', 'cognome'],
	['description', 'descrizione'],
	['language', 'languageId'],
	['notificationUrl', 'urlpost'],
	['cancelUrl', 'url_back'],
	['captureMode', 'TCONTAB'],
];

/** The names the request sets itself (what its MAC covers, and the MAC): no extra parameter may take one. */
const RESERVED_NAMES: readonly string[] = [...MAC_FIELDS.richiestaPayMail, 'mac'];

export function isReservedParameter(name: string): boolean {
	return RESERVED_NAMES.includes(name);
}

/** parametriAggiuntivi for a link's options: the options given, under XPay's names, then the extra parameters. */
export function payMailParameters(options: LinkOptions): Record<string, string> {
	const parameters: Record<string, string> = {};
	for (const [option, name] of PAYMAIL_PARAMETER_NAMES) {
		const value = options[option];
		if (value) parameters[name] = value;
	}
	for (const [name, value] of options.extraParameters ?? []) parameters[name] = value;
	return parameters;
}
