import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialBaseUrl } from '../../common/baseUrl';

/** The credential type both the Reporting node and its trigger use. */
export const CHECKOUT_CREDENTIAL = 'nexiCheckoutApi';

export const NEXI_CHECKOUT_ENVIRONMENTS = {
	test: 'https://test.api.dibspayment.eu',
	live: 'https://api.dibspayment.eu',
} as const;

export const CHECKOUT_ENVIRONMENT_NAMES: Record<string, string> = {
	test: 'Test',
	live: 'Live',
	custom: 'Custom',
};

/** The API address the credential points at; throws with a clear message for a bad custom URL. */
export function nexiCheckoutBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return credentialBaseUrl(credentials, NEXI_CHECKOUT_ENVIRONMENTS, 'test');
}
