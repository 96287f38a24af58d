import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** One API a node can speak: its Authentication option and the credential it takes. */
export interface AuthenticationOption {
	name: string;
	value: string;
	description: string;
	credential: string;
}

/**
 * The Authentication choice of a node that speaks several APIs, and its credentials, each
 * shown (and required) only for its own choice.
 */
export function authenticationChoice(
	options: AuthenticationOption[],
	defaultValue: string,
	description: string,
): { credentials: INodeCredentialDescription[]; property: INodeProperties } {
	return {
		credentials: options.map(({ credential, value }) => ({
			name: credential,
			required: true,
			displayOptions: { show: { authentication: [value] } },
		})),
		property: {
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: options.map(({ name, value, description: about }) => ({
				name,
				value,
				description: about,
			})),
			default: defaultValue,
			description,
		},
	};
}
