import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialBaseUrl } from '../../../common/baseUrl';

export { XPAY_KEY_CREDENTIAL } from '../../protocol/credentials';

/** Nexi's hosts; the API lives below API_PATH on each (and on a custom address too). */
export const NEXI_XPAY_KEY_ENVIRONMENTS = {
	test: 'https://xpaysandbox.nexigroup.com',
	production: 'https://xpay.nexigroup.com',
} as const;

export const API_PATH = '/api/phoenix-0.0/psp/api/v1';

/** The API's address for a credential; throws with a clear message for a bad custom URL. */
export function nexiXPayKeyBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return `${credentialBaseUrl(credentials, NEXI_XPAY_KEY_ENVIRONMENTS, 'test')}${API_PATH}`;
}
