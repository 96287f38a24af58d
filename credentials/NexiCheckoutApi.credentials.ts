import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialBaseUrl, customBaseUrlProperty } from '../nodes/common/baseUrl';

export const NEXI_CHECKOUT_ENVIRONMENTS = {
	test: 'https://test.api.dibspayment.eu',
	live: 'https://api.dibspayment.eu',
} as const;

/** The API address the credential points at; throws with a clear message for a bad custom URL. */
export function nexiCheckoutBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return credentialBaseUrl(credentials, NEXI_CHECKOUT_ENVIRONMENTS, 'test');
}

export class NexiCheckoutApi implements ICredentialType {
	name = 'nexiCheckoutApi';

	displayName = 'Nexi Checkout API';

	icon: Icon = { light: 'file:../icons/nexi.svg', dark: 'file:../icons/nexi.dark.svg' };

	documentationUrl = 'https://developer.nexigroup.com/nexi-checkout/en-EU/api/reporting-v1/';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
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
				{
					name: 'Custom',
					value: 'custom',
					description: 'Another address, such as the local Nexi sandbox',
				},
			],
			default: 'test',
		},
		customBaseUrlProperty('https://test.api.dibspayment.eu'),
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The secret API key from the Nexi portal (Company → Integration). Paste it with or without its test-secret-key- or live-secret-key- prefix. Never the checkout key.',
		},
		{
			displayName: 'Merchant Number',
			name: 'merchantNumber',
			type: 'string',
			default: '',
			placeholder: '100017120',
			description:
				'Only for Nexi partners using a partner key on behalf of a merchant. Leave empty for your own account.',
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
					message:
						'Nexi rejected the secret key for this environment. Test keys (test-secret-key-…) work only with Test, live keys only with Live; the checkout key is not accepted.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Nexi refused the request: if a Merchant Number is set, it must be the number of a merchant your partner key may act for.',
				},
			},
		],
	};
}
