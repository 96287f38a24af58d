import type { DateTime } from 'luxon';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialBaseUrl } from '../../../common/baseUrl';

export { XPAY_CREDENTIAL } from '../../protocol/credentials';

export const NEXI_XPAY_ENVIRONMENTS = {
	test: 'https://int-ecommerce.nexi.it',
	production: 'https://ecommerce.nexi.it',
} as const;

/** The API address the credential points at; throws with a clear message for a bad custom URL. */
export function nexiXPayBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return credentialBaseUrl(credentials, NEXI_XPAY_ENVIRONMENTS, 'test');
}

/** Where the back-office services live, below the base URL. */
export const SERVICE_PATH_PREFIX = '/ecomm/api/bo/';

export { XPAY_ZONE } from '../../protocol/zone';

/** dd/mm/yyyy, the date format XPay requests take. */
export function xpayDay(date: DateTime): string {
	return date.toFormat('dd/MM/yyyy');
}
