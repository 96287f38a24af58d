import { isHttpUrl } from '../../../common/validation';

import type { OutcomeStatus } from './outcomes';

/**
 * Where a customer coming back from XPay goes: the user's page for the outcome, with
 * {transactionCode} replaced by the payment's code, or undefined when no usable page is set
 * (the trigger then shows its own confirmation page).
 */
export function redirectUrl(template: unknown, transactionCode: string): string | undefined {
	if (typeof template !== 'string' || template.trim() === '') return undefined;
	const url = template.trim().replace(/\{transactionCode\}/g, encodeURIComponent(transactionCode));
	return isHttpUrl(url) ? url : undefined;
}

const PAGES: Record<OutcomeStatus, { title: string; message: string }> = {
	paid: { title: 'Thank you', message: 'Your payment was received.' },
	declined: { title: 'Payment not completed', message: 'Your payment was not completed.' },
	pending: {
		title: 'Payment in progress',
		message: 'Your payment is being processed; you will be told when it is complete.',
	},
	other: { title: 'Payment status', message: 'We have received the status of your payment.' },
};

function escapeHtml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(character) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
	);
}

/**
 * For a customer sent back without a MAC (XPay's page does so when they cancel, with esito
 * ANNULLO or ERRORE): nothing can be confirmed, so the page claims nothing.
 */
const UNCONFIRMED = {
	title: 'Payment not confirmed',
	message:
		'This page cannot confirm a payment. If you completed it, you will receive a confirmation.',
};

/** A small, plain page for a customer back from XPay, when no page of the user's is set. */
export function confirmationPage(status: OutcomeStatus, transactionCode: string): string {
	return page(PAGES[status], transactionCode);
}

/** The page for a customer back from XPay without a MAC (a cancelled payment). */
export function unconfirmedPage(transactionCode: string | undefined): string {
	return page(UNCONFIRMED, transactionCode);
}

function page(
	{ title, message }: { title: string; message: string },
	transactionCode: string | undefined,
): string {
	return [
		'<!DOCTYPE html>',
		'<html lang="en"><head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${title}</title></head>`,
		'<body style="font-family: sans-serif; max-width: 32em; margin: 4em auto; padding: 0 1em">',
		`<h1>${title}</h1>`,
		`<p>${message}</p>`,
		...(transactionCode ? [`<p>Reference: ${escapeHtml(transactionCode)}</p>`] : []),
		'</body></html>',
		'',
	].join('\n');
}
