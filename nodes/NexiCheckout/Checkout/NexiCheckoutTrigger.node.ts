import { createHash, timingSafeEqual } from 'crypto';

import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { answerDelivery, startsExecution } from '../../common/deliveries';
import { CHECKOUT_CREDENTIAL } from '../protocol/environment';
import { envelopeOf, simplifyEvent } from './domain/events';
import { CHECKOUT_EVENTS, DEFAULT_EVENTS, WEBHOOK_AUTHORIZATION } from './protocol/events';

const PATH = 'checkout-event';

/** Equal secrets, compared in constant time (hashed first, so that lengths tell nothing either). */
function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string') return false;
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

async function webhookAuthorization(context: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await context.getCredentials(CHECKOUT_CREDENTIAL);
	return String(credentials.webhookAuthorization ?? '').trim();
}

export class NexiCheckoutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi Checkout Trigger',
		name: 'nexiCheckoutTrigger',
		icon: { light: 'file:../../../icons/nexi.svg', dark: 'file:../../../icons/nexi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length + " event(s)" }}',
		description:
			'Starts the workflow when Nexi Checkout sends a payment’s event (completed, charged, refunded, cancelled…), once it carries the credential’s Webhook Authorization',
		defaults: { name: 'Nexi Checkout Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CHECKOUT_CREDENTIAL, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: PATH }],
		properties: [
			{
				displayName:
					'Checkout sends events only for payments created with this trigger’s Production URL: in Nexi Checkout → Payment → Create, set Additional Fields → Notify URL to it, with the same credential. Payments created elsewhere (a shop plugin, the portal) do not notify it.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: CHECKOUT_EVENTS,
				default: [...DEFAULT_EVENTS],
				description:
					'Which events start the workflow. Checkout sends a payment the events chosen when it was created; others are acknowledged and start nothing.',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Checkout has no webhook registration: each payment carries the URL.
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				// Without a Webhook Authorization every event would be refused: say so now, not
				// after the first payment.
				if (!WEBHOOK_AUTHORIZATION.test(await webhookAuthorization(this)))
					throw new NodeOperationError(
						this.getNode(),
						'The Nexi Checkout API credential has no valid Webhook Authorization',
						{
							description:
								'Set Webhook Authorization (8 to 64 letters and digits) in the credential: Checkout sends it with every event, and this trigger accepts only events that carry it. Use the same credential in the Nexi Checkout node that creates the payments.',
						},
					);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/**
	 * Answers exactly 200 to every event it accepts (Checkout tries again, up to 10 times, until
	 * it gets 200, and counts any other status, even 204, as a failure) and 401 to a call without
	 * the credential's Webhook Authorization, which starts nothing. One execution per event,
	 * however often Checkout delivers it, across restarts and webhook processes.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		response.setHeader('Cache-Control', 'no-store');
		const expected = await webhookAuthorization(this);
		const given = this.getHeaderData().authorization;
		if (!WEBHOOK_AUTHORIZATION.test(expected) || !sameSecret(given, expected)) {
			response.status(401).type('text/plain').send('Unauthorized');
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData() as IDataObject;
		const envelope = envelopeOf(body);
		if (!envelope) {
			response.status(400).type('text/plain').send('Not a Nexi Checkout event');
			return { noWebhookResponse: true };
		}
		const events = this.getNodeParameter('events', []) as string[];
		const start =
			events.includes(envelope.event) &&
			startsExecution(this, `checkout|${envelope.event}|${envelope.id}`);
		answerDelivery(this, start, () => response.status(200).end());
		if (!start) return { noWebhookResponse: true };
		return {
			noWebhookResponse: true,
			workflowData: [[{ json: simplifyEvent(body, envelope) }]],
		};
	}
}
