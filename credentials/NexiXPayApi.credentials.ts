import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialBaseUrl, customBaseUrlProperty } from '../nodes/common/baseUrl';
import { signRequest } from '../nodes/NexiXPay/signature';

export const NEXI_XPAY_ENVIRONMENTS = {
	test: 'https://int-ecommerce.nexi.it',
	production: 'https://ecommerce.nexi.it',
} as const;

/** The API address the credential points at; throws with a clear message for a bad custom URL. */
export function nexiXPayBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return credentialBaseUrl(credentials, NEXI_XPAY_ENVIRONMENTS, 'test');
}

const ALIAS_HINT =
	'Test aliases (ALIAS_WEB_…) work only with Test, production aliases only with Production.';

export class NexiXPayApi implements ICredentialType {
	name = 'nexiXPayApi';

	displayName = 'Nexi XPay API';

	icon: Icon = { light: 'file:../icons/nexi.svg', dark: 'file:../icons/nexi.dark.svg' };

	documentationUrl =
		'https://ecommerce.nexi.it/specifiche-tecniche/apibackoffice/apibackoffice.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
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
				{
					name: 'Custom',
					value: 'custom',
					description: 'Another address, such as the local Nexi sandbox',
				},
			],
			default: 'test',
		},
		customBaseUrlProperty('https://int-ecommerce.nexi.it'),
		{
			displayName: 'Alias',
			name: 'alias',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'ALIAS_WEB_00000001',
			description:
				'The terminal alias from the XPay back office (Admin → APIKey, or the welcome e-mail). It is sent as apiKey.',
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
				'The secret key for computing the MAC ("chiave per il calcolo MAC") of this alias. It signs every request and checks every answer; it is never sent.',
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
			url: '/ecomm/api/bo/situazioneOrdine',
			headers: { 'Content-Type': 'application/json' },
			// An order code that cannot exist: "not found" (error 2) proves alias and key work.
			body: { codiceTransazione: 'N8N-CREDENTIAL-TEST' },
			json: true,
		},
		rules: [
			...[3, '3'].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'errore.codice',
					value,
					message:
						'Nexi XPay refused the MAC (error 3): the MAC Key does not belong to this alias. Copy the MAC key of the same alias and environment.',
				},
			})),
			...[5, '5'].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'errore.codice',
					value,
					message:
						"Nexi XPay refused the request's time (error 5): the clock of this n8n server is more than 5 minutes away from Nexi's. Set it right (NTP) and test again.",
				},
			})),
			...[50, '50', 6, '6', 7, '7'].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'errore.codice',
					value,
					message: `Nexi XPay does not know this alias in this environment (error ${value}). ${ALIAS_HINT}`,
				},
			})),
			...[99, '99'].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'errore.codice',
					value,
					message:
						'Nexi XPay says this merchant may not use the back-office API (error 99). Ask Nexi to enable it for the alias.',
				},
			})),
		],
	};
}
