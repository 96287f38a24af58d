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
	if (!url) return { ok: false, problem: `${fieldName} "${text}" is not a URL: expected ${example}` };
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
