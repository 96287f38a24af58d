import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler answers; the server applies faults, then writes it. */
export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** A value sent as JSON, or a string sent as is. Undefined sends no body. */
	body?: unknown;
	/** Rewrites the finished body text (used by the XPay half to tamper a MAC). */
	tamper?: (body: string) => string;
}

export interface SandboxRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	rawBody: string;
	/** The parsed JSON body, or undefined when it is not JSON. */
	json: unknown;
	receivedAt: number;
}

export function json(
	status: number,
	body?: unknown,
	headers?: Record<string, string>,
): SandboxResponse {
	return { status, body, headers };
}

export async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks).toString('utf8');
	const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
	let parsed: unknown;
	try {
		parsed = rawBody ? JSON.parse(rawBody) : undefined;
	} catch {
		parsed = undefined;
	}
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		query: url.searchParams,
		headers: req.headers,
		rawBody,
		json: parsed,
		receivedAt: Date.now(),
	};
}

export function renderBody(response: SandboxResponse): string {
	if (response.body === undefined) return '';
	const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
	return response.tamper ? response.tamper(text) : text;
}

export function write(res: ServerResponse, response: SandboxResponse, body: string): void {
	const headers: Record<string, string> = { ...response.headers };
	if (body !== '' && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) {
		headers['Content-Type'] = 'application/json; charset=utf-8';
	}
	headers['Content-Length'] = String(Buffer.byteLength(body));
	res.writeHead(response.status, headers);
	res.end(body);
}

/**
 * Waits, without keeping the process alive: a held answer (the hang fault waits up to a
 * minute) or a delayed delivery must not keep a test runner's worker from exiting after its
 * sandbox is closed.
 */
export async function pause(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms).unref());
}
