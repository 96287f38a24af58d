import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/**
 * Checks a custom base URL and returns it without a trailing slash, or says what is wrong.
 * Plain http is refused except towards this machine (the local Nexi sandbox): a key or
 * signed request sent over plain http to another host could be read on the way.
 */
export function checkCustomBaseUrl(raw: unknown, fieldName = 'Base URL'): BaseUrlCheck {
	const text = typeof raw === 'string' ? raw.trim() : '';
	const example = 'an address such as https://api.example.com';
	if (text === '') return { ok: false, problem: `${fieldName} is empty: expected ${example}` };
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url)
		return { ok: false, problem: `${fieldName} "${text}" is not a URL: expected ${example}` };
	const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.');
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		return {
			ok: false,
			problem: `${fieldName} "${text}" must use https: plain http is accepted only for this machine (localhost, 127.0.0.1, ::1)`,
		};
	}
	if (url.username || url.password) {
		return { ok: false, problem: `${fieldName} must not contain a user name or password` };
	}
	return { ok: true, url: text.replace(/\/+$/, '') };
}

/**
 * The address a credential points at: its environment's host, or its checked custom Base URL.
 * Throws an Error that says what is wrong with a custom one (the credential test shows it).
 */
export function credentialBaseUrl(
	credentials: { environment?: unknown; baseUrl?: unknown },
	environments: Record<string, string>,
	fallback: string,
): string {
	const environment = String(credentials.environment ?? fallback);
	if (environment === 'custom') {
		const check = checkCustomBaseUrl(credentials.baseUrl);
		if (!check.ok) throw new Error(check.problem);
		return check.url;
	}
	return environments[environment] ?? environments[fallback];
}

/**
 * A credential's Environment choice (Nexi's own environments, then Custom) and the Base URL
 * field Custom shows. The first environment is the default.
 */
export function environmentProperties(
	environments: INodePropertyOptions[],
	baseUrlPlaceholder: string,
): INodeProperties[] {
	const firstEnvironment = environments[0].value;
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				...environments,
				{
					name: 'Custom',
					value: 'custom',
					description: 'Another address, such as the local Nexi sandbox',
				},
			],
			default: firstEnvironment,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: baseUrlPlaceholder,
			hint: 'Must use https. Plain http is accepted only for this machine (localhost, 127.0.0.1, ::1).',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}
