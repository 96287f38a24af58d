import type { AuthenticationOption } from '../../common/authentication';
import { XPAY_CREDENTIAL, XPAY_KEY_CREDENTIAL } from '../protocol/credentials';

/** The classic back office stays the default: saved workflows have no Authentication set. */
export const DEFAULT_AUTHENTICATION = 'aliasMacKey';

/** XPay's two APIs as the Authentication choice of the node and its triggers. */
export const XPAY_APIS: AuthenticationOption[] = [
	{
		name: 'Alias and MAC Key',
		value: 'aliasMacKey',
		description: 'The classic XPay back-office API: a terminal alias and its MAC key',
		credential: XPAY_CREDENTIAL,
	},
	{
		name: 'API Key',
		value: 'apiKey',
		description: 'XPay’s current platform: one API key (credential Nexi XPay REST API)',
		credential: XPAY_KEY_CREDENTIAL,
	},
];
