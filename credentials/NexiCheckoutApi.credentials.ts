import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { environmentProperties } from '../nodes/common/baseUrl';
import {
	CHECKOUT_CREDENTIAL,
	NEXI_CHECKOUT_ENVIRONMENTS,
	nexiCheckoutBaseUrl,
} from '../nodes/NexiCheckout/protocol/environment';
import { KEY_REJECTED_HINT, MERCHANT_NUMBER_HINT } from '../nodes/NexiCheckout/protocol/errors';

export class NexiCheckoutApi implements ICredentialType {
	name = CHECKOUT_CREDENTIAL;

	displayName = 'Nexi Checkout API';

	icon: Icon = { light: 'file:../icons/nexi.svg', dark: 'file:../icons/nexi.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-nexi/n8n-nodes-nexi#nexi-checkout-api-credential';

	properties: INodeProperties[] = [
		...environmentProperties(
			[
				{
					name: 'Test',
					value: 'test',
					description: 'test.api.dibspayment.eu, for keys that start with test-secret-key-',
				},
				{
					name: 'Live',
					value: 'live',
					description: 'api.dibspayment.eu, for keys that start with live-secret-key-',
				},
			],
			NEXI_CHECKOUT_ENVIRONMENTS.test,
		),
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The secret API key from the Nexi portal (Company → Integration). Paste it with or without its test-secret-key- or live-secret-key- prefix. Never the checkout key.',
			hint: 'A test key (test-secret-key-…) works only with Test, a live key (live-secret-key-…) only with Live',
		},
		{
			displayName: 'Merchant Number',
			name: 'merchantNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. 100017120',
			description:
				'Only for Nexi partners using a partner key on behalf of a merchant. Leave empty for your own account.',
		},
		// A shared secret (Checkout proves its events with it), though its name says none.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Webhook Authorization',
			name: 'webhookAuthorization',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. 8 to 64 letters and digits',
			description:
				'Only for payment events: a secret of your choice, 8 to 64 letters and digits. The Nexi Checkout node gives it to Checkout with each payment it creates with a Notify URL, Checkout sends it back with every event, and the Nexi Checkout Trigger accepts only events that carry it.',
			hint: 'Make up a long random one (e.g. 40 letters and digits); never your secret key',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const merchantNumber = String(credentials.merchantNumber ?? '').trim();
		return {
			...requestOptions,
			baseURL: nexiCheckoutBaseUrl(credentials),
			headers: {
				...requestOptions.headers,
				// Nexi expects the bare key, without a scheme word such as "Bearer".
				Authorization: String(credentials.secretKey ?? '').trim(),
			},
			qs: merchantNumber ? { ...requestOptions.qs, merchantNumber } : requestOptions.qs,
		};
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/report/v1/payouts',
			qs: {
				fromDate: '={{ $now.toFormat("yyyy-MM-dd") }}',
				toDate: '={{ $now.toFormat("yyyy-MM-dd") }}',
				pageNumber: 0,
				pageSize: 1,
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `Nexi rejected the secret key for this environment. ${KEY_REJECTED_HINT}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: `Nexi refused the request: ${MERCHANT_NUMBER_HINT}`,
				},
			},
		],
	};
}
