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
	NEXI_XPAY_ENVIRONMENTS,
	nexiXPayBaseUrl,
	SERVICE_PATH_PREFIX,
	XPAY_CREDENTIAL,
} from '../nodes/NexiXPay/backOffice/protocol/environment';
import { credentialTestVerdicts } from '../nodes/NexiXPay/backOffice/protocol/errors';
import { signRequest } from '../nodes/NexiXPay/backOffice/protocol/mac';

export class NexiXPayApi implements ICredentialType {
	name = XPAY_CREDENTIAL;

	displayName = 'Nexi XPay API';

	icon: Icon = { light: 'file:../icons/nexi.svg', dark: 'file:../icons/nexi.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-nexi/n8n-nodes-nexi#nexi-xpay-api-credential';

	properties: INodeProperties[] = [
		...environmentProperties(
			[
				{
					name: 'Test',
					value: 'test',
					description:
						'int-ecommerce.nexi.it, for the test alias and MAC key from the XPay test area',
				},
				{
					name: 'Production',
					value: 'production',
					description: 'ecommerce.nexi.it, for real payments',
				},
			],
			NEXI_XPAY_ENVIRONMENTS.test,
		),
		{
			displayName: 'Alias',
			name: 'alias',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ALIAS_WEB_00000001',
			description:
				'The terminal alias from the XPay back office (Admin → APIKey, or the welcome e-mail)',
			hint: 'A test alias works only with Test, a production alias only with Production',
		},
		// The MAC key is this API's secret (it signs every request); its name is fixed by saved credentials.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'MAC Key',
			name: 'macKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The secret key for computing the MAC of this alias: it signs every request and checks every answer, and is never sent',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const signed = signRequest(
			requestOptions as IHttpRequestOptions & { qs?: Record<string, unknown> },
			String(credentials.alias ?? '').trim(),
			String(credentials.macKey ?? ''),
			Date.now(),
		);
		return { ...signed, baseURL: nexiXPayBaseUrl(credentials) };
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: `${SERVICE_PATH_PREFIX}situazioneOrdine`,
			headers: { 'Content-Type': 'application/json' },
			// An order code that cannot exist: "not found" (error 2) proves alias and key work.
			body: { codiceTransazione: 'N8N-CREDENTIAL-TEST' },
			json: true,
		},
		// XPay answers HTTP 200 for refusals too; the code in the body tells them apart. It may
		// come as a number or as text.
		rules: credentialTestVerdicts().flatMap(({ code, message }) =>
			[code, String(code)].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'errore.codice', value, message },
			})),
		),
	};
}
