import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { authenticationChoice } from '../common/authentication';
import { answerDelivery, startsExecution } from '../common/deliveries';
import { optionsCollection, shownOnlyWith } from '../common/parameters';
import { DEFAULT_AUTHENTICATION, XPAY_APIS } from './actions/authentication';
import { checkKeyAtActivation, receiveKeyNotification } from './apiKey/actions/notifications';
import { confirmationPage, redirectUrl, unconfirmedPage } from './backOffice/domain/customerPages';
import {
	outcomeFields,
	outcomeKey,
	readOutcome,
	type OutcomeStatus,
} from './backOffice/domain/outcomes';
import { XPAY_CREDENTIAL } from './backOffice/protocol/environment';
import { verifyOutcome } from './backOffice/protocol/mac';
import { XPayClient } from './backOffice/transport/client';

/** The path below the trigger's webhook URL, the same for the browser return and the notification. */
const PATH = 'payment-outcome';

const PROOF: Record<string, string> = {
	aliasMacKey: 'The classic XPay back-office API: PayMail links, outcomes signed with the MAC key',
	apiKey:
		'XPay’s current platform: payment links whose notifications are confirmed with the API key',
};

/**
 * Which XPay API the trigger listens for, and so which credential it takes: each says what
 * proves its outcomes.
 */
const AUTHENTICATION = authenticationChoice(
	XPAY_APIS.map((api) => ({ ...api, description: PROOF[api.value] })),
	DEFAULT_AUTHENTICATION,
	'Which XPay API Nexi gave you: the credential tells',
);

export class NexiXPayNotificationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi XPay Notification Trigger',
		name: 'nexiXPayNotificationTrigger',
		icon: { light: 'file:../../icons/nexi.svg', dark: 'file:../../icons/nexi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["options"]["paidOnly"] ? "Paid payments" : "Payment outcomes" }}',
		description:
			'Starts the workflow the moment a customer pays (or fails to pay) a payment link, from the outcome XPay sends, once it is verified (its MAC, or XPay’s own answer read back)',
		defaults: { name: 'Nexi XPay Notification Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: AUTHENTICATION.credentials,
		webhooks: [
			// The customer's browser, sent back to the link's return URL.
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: PATH },
			// XPay's server-to-server notification (form-encoded or JSON).
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: PATH },
		],
		properties: [
			AUTHENTICATION.property,
			...shownOnlyWith({ authentication: ['apiKey'] }, [
				{
					displayName:
						"Put this trigger's Production URL in the Notification URL of your payment links (Nexi XPay → Payment Link → Create, Authentication: API Key), then activate the workflow. A notification is not trusted on its word: the order is read from XPay with the API key, and only an operation XPay shows with the notified result starts one execution.",
					name: 'keySetupNotice',
					type: 'notice',
					default: '',
				},
			]),
			...shownOnlyWith({ authentication: ['aliasMacKey'] }, [
				{
					displayName:
						"Put this trigger's Production URL in the Return URL of your PayMail links (Nexi XPay → PayMail Link → Create), then activate the workflow. Each payment starts one execution, after its MAC is checked with the credential's MAC key.",
					name: 'setupNotice',
					type: 'notice',
					default: '',
				},
				{
					displayName:
						"Keep this workflow active before any link goes out: while it is not, n8n answers XPay 404, and an outcome whose MAC does not match the credential's key gets 401. If 'cancel the transaction when the notification fails' is switched on in the XPay back office, XPay may cancel a payment whose notification got either.",
					name: 'failedNotificationNotice',
					type: 'notice',
					default: '',
				},
				{
					displayName: 'Redirect Customer To',
					name: 'redirect',
					type: 'options',
					noDataExpression: true,
					options: [
						{
							name: 'A Confirmation Page',
							value: 'confirmationPage',
							description: 'A small plain page saying whether the payment went through',
						},
						{
							name: 'My Pages',
							value: 'myPages',
							description: 'Your own pages: one after a payment, one when it was not made',
						},
					],
					default: 'confirmationPage',
					description: 'Where the customer goes when XPay sends them back after paying',
				},
				{
					displayName: 'Page After Payment',
					name: 'paidUrl',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. https://shop.example.com/thank-you?order={transactionCode}',
					description: 'The page a customer who paid is sent to (http or https)',
					hint: "{transactionCode} is replaced by the payment's transaction code",
					displayOptions: { show: { redirect: ['myPages'] } },
				},
				{
					displayName: 'Page When Not Paid',
					name: 'notPaidUrl',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. https://shop.example.com/payment-failed?order={transactionCode}',
					description:
						'The page a customer whose payment was declined or cancelled is sent to (http or https)',
					hint: "{transactionCode} is replaced by the payment's transaction code",
					displayOptions: { show: { redirect: ['myPages'] } },
				},
			]),
			optionsCollection([
				{
					displayName: 'Only Paid Payments',
					name: 'paidOnly',
					type: 'boolean',
					default: false,
					description:
						'Whether to start the workflow only for payments made, not for declined or cancelled ones',
				},
			]),
		],
	};

	/**
	 * Nothing is registered at XPay: each PayMail link carries this trigger's URL. What activation
	 * can do is make sure XPay accepts the alias and MAC key the outcomes are checked with: XPay
	 * signs every outcome with that key, so a key XPay rejects would have every outcome refused.
	 * Activation asks XPay (an order that cannot exist) and stops only on a rejected alias or key;
	 * XPay out of reach, the clock, or a permission the back-office API needs but outcomes do not,
	 * stop nothing.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('authentication', DEFAULT_AUTHENTICATION) === 'apiKey') {
					await checkKeyAtActivation(this);
					return true;
				}
				const client = await XPayClient.connect(this, 0);
				const check = await client.checkKey(
					'accept the alias and MAC key this trigger checks payment outcomes with',
				);
				if (check.kind === 'rejected') throw check.error;
				if (check.kind === 'unchecked') {
					// Not a reason to stop (outcomes carry their own proof), but the one moment to say
					// that a wrong key would refuse every payment, which XPay may then cancel.
					this.logger.warn(
						`Nexi XPay Notification Trigger: the MAC key could not be checked at activation (${check.reason}). Until it is, a wrong key would answer every payment outcome 401, and XPay may cancel a payment whose notification failed.`,
						{ workflowId: this.getWorkflow().id, node: this.getNode().name },
					);
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getNodeParameter('authentication', DEFAULT_AUTHENTICATION) === 'apiKey') {
			if (this.getRequestObject().method !== 'POST') {
				// The customer's browser belongs on the link's Result URL (the shop), not here.
				this.getResponseObject().status(405).type('text/plain').send('Method not allowed');
				return { noWebhookResponse: true };
			}
			return await receiveKeyNotification(this);
		}
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const fields = outcomeFields(
			request.method === 'GET' ? this.getQueryData() : this.getBodyData(),
		);
		// A browser asks for a page; XPay's server does not.
		const fromBrowser =
			request.method === 'GET' || /text\/html/i.test(String(this.getHeaderData().accept ?? ''));
		response.setHeader('Cache-Control', 'no-store');

		const { macKey } = await this.getCredentials(XPAY_CREDENTIAL);
		const redirect = this.getNodeParameter('redirect', 'confirmationPage') as string;
		if (!verifyOutcome(fields, typeof macKey === 'string' ? macKey : '')) {
			if (fromBrowser && !fields.mac) {
				// A customer who cancels on XPay's page is sent back unsigned (esito ANNULLO or
				// ERRORE): a page that claims nothing, or the user's page for payments not made.
				// Nothing starts, so a forger gains nothing.
				const notPaid =
					redirect === 'myPages'
						? redirectUrl(this.getNodeParameter('notPaidUrl', ''), fields.codTrans ?? '')
						: undefined;
				if (notPaid) response.redirect(303, notPaid);
				else response.status(200).type('text/html').send(unconfirmedPage(fields.codTrans));
				return { noWebhookResponse: true };
			}
			// Nothing about why: a forger learns nothing.
			response.status(401).type('text/plain').send('Not verified');
			return { noWebhookResponse: true };
		}

		const outcome = readOutcome(fields, fromBrowser ? 'browser' : 'server');
		const status = outcome.status as OutcomeStatus;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const wanted = options.paidOnly !== true || status === 'paid';
		const start = wanted && startsExecution(this, outcomeKey(fields));

		const page =
			fromBrowser && redirect === 'myPages'
				? redirectUrl(
						this.getNodeParameter(status === 'paid' ? 'paidUrl' : 'notPaidUrl', ''),
						fields.codTrans,
					)
				: undefined;
		const answer = () => {
			if (!fromBrowser) response.status(200).type('text/plain').send('OK');
			else if (page) response.redirect(303, page);
			else response.status(200).type('text/html').send(confirmationPage(status, fields.codTrans));
		};
		answerDelivery(this, start, answer);
		return start
			? { noWebhookResponse: true, workflowData: [[{ json: outcome }]] }
			: { noWebhookResponse: true };
	}
}
