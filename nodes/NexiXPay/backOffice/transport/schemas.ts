import { z } from 'zod/v4';

/**
 * The documented shapes of XPay answers. Only what the node relies on is required; every
 * other field passes through. Amounts are minor units as integers or digit strings (both occur).
 */
const cents = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]);
const text = z.string().nullish();

export const envelopeSchema = z
	.object({
		esito: z.enum(['OK', 'KO']),
		idOperazione: z.union([z.string(), z.number()]).nullish(),
		timeStamp: z.union([z.string(), z.number()]).nullish(),
		mac: text,
		errore: z
			.object({ codice: z.union([z.number(), z.string()]), messaggio: z.string().nullish() })
			.passthrough()
			.nullish(),
	})
	.passthrough();

export const operationSchema = z
	.object({
		tipoOperazione: text,
		importo: cents.nullish(),
		divisa: text,
		stato: text,
		dataOperazione: text,
		utente: text,
		/** PayPal only: the partial capture a CONTAB. is, or a STORNO reversed. */
		idContabParzialePayPal: text,
	})
	.passthrough();

export const orderSchema = z
	.object({
		codiceTransazione: z.string(),
		importo: cents.nullish(),
		divisa: text,
		stato: text,
		dataTransazione: text,
		dettaglio: z
			.array(z.object({ operazioni: z.array(operationSchema).nullish() }).passthrough())
			.nullish(),
	})
	.passthrough();

export const orderDetailSchema = envelopeSchema
	.extend({ report: z.array(orderSchema).min(1) })
	.passthrough();
export const orderListSchema = envelopeSchema
	.extend({ report: z.array(orderSchema).nullish() })
	.passthrough();
export const payMailLinkSchema = envelopeSchema
	.extend({ payMailUrl: z.string().min(1) })
	.passthrough();
export const regeneratedLinkSchema = payMailLinkSchema
	.extend({ codiceTransazione: z.string().nullish() })
	.passthrough();
export const payMailListSchema = envelopeSchema
	.extend({
		paymail: z
			.array(z.object({ codiceTransazione: text, importo: cents.nullish() }).passthrough())
			.nullish(),
	})
	.passthrough();
/** Nothing of a listaReport item is documented: any item is taken, and read leniently. */
export const reportListSchema = envelopeSchema
	.extend({ listaReport: z.array(z.unknown()).nullish() })
	.passthrough();

/** Neither the list's key nor its items are documented: Nexi's sample reads `warnings`, a third party `warning`. */
export const warningListSchema = envelopeSchema
	.extend({ warnings: z.array(z.unknown()).nullish(), warning: z.array(z.unknown()).nullish() })
	.passthrough();

export type XPayOrder = z.infer<typeof orderSchema>;
export type XPayOperation = z.infer<typeof operationSchema>;
