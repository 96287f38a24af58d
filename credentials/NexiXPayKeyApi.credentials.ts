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
	nexiXPayKeyBaseUrl,
	XPAY_KEY_CREDENTIAL,
} from '../nodes/NexiXPay/apiKey/protocol/environment';

export class NexiXPayKeyApi implements ICredentialType {
	name = XPAY_KEY_CREDENTIAL;

	// n8n's verification requires a credential's name to end in "API" (and ignores disable
	// comments): "Nexi XPay API Key API" would read as a typo, so the platform's own word, REST.
	displayName = 'Nexi XPay REST API';

	icon: Icon = { light: 'file:../icons/nexi.svg', dark: 'file:../icons/nexi.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-nexi/n8n-nodes-nexi#nexi-xpay-rest-api-credential-api-key';

	properties: INodeProperties[] = [
		...environmentProperties(
			[
				{
					name: 'Test',
					value: 'test',
					description: 'xpaysandbox.nexigroup.com, for a test API key',
				},
				{
					name: 'Production',
					value: 'production',
					description: 'xpay.nexigroup.com, for real payments',
				},
			],
			'e.g. http://127.0.0.1:8787 (the path /api/phoenix-0.0/psp/api/v1 is added)',
		),
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The API key of your XPay terminal (XPay back office → Admin → API Key, or the e-mail from Nexi). It is sent as the X-API-KEY header.',
			hint: 'A test key works only with Test, a production key only with Production',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		baseURL: nexiXPayKeyBaseUrl(credentials),
		headers: {
			...requestOptions.headers,
			'X-API-KEY': String(credentials.apiKey ?? '').trim(),
		},
	});

	// The list of payment methods enabled on the terminal: a read that moves nothing, and
	// proves the key (401 when Nexi rejects it).
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/payment_methods',
			headers: { 'Correlation-Id': '00000000-0000-4000-8000-000000000000' },
		},
	};
}
