import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSmtpSink, type Mail } from './smtp';
import { FaultInjector, type FaultRule, type RandomFaults } from './faults';
import {
	json,
	pause,
	readRequest,
	renderBody,
	write,
	type SandboxRequest,
	type SandboxResponse,
} from './http';
import {
	CheckoutApi,
	type CheckoutOptions,
	type DeliveryOptions as CheckoutDeliveryOptions,
} from './checkout/api';
import { ReportingApi, type ReportingOptions } from './reporting/api';
import { XPayApi, type XPayOptions } from './xpay/api';
import { XPayKeyApi, type KeyNotifyOptions, type XPayKeyOptions } from './xpayKey/api';
import type { DeliveryOptions } from './xpay/outcome';
import type { OrderState } from './xpay/state';
import type { PaymentActionRecord, PayoutRecord, PayoutSpec } from './reporting/data';

export interface SandboxOptions {
	port?: number;
	/** Both APIs answer the other plausible way wherever the specs are silent (sandbox/xpay/variant.ts). */
	variant?: boolean;
	host?: string;
	reporting?: Partial<ReportingOptions>;
	xpay?: Partial<XPayOptions>;
	/** XPay's API-key platform. */
	xpayKey?: Partial<XPayKeyOptions>;
	/** Nexi Checkout's Payment API (its key is the Reporting API's). */
	checkout?: Partial<CheckoutOptions>;
	/** Port of the SMTP mail sink (0 picks a free one). */
	smtpPort?: number;
	faults?: Partial<RandomFaults>;
}

/** One API request as the sandbox received it (control requests are not logged). */
export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: SandboxRequest['headers'];
	body: unknown;
	at: number;
	fault?: string;
}

export interface Sandbox {
	url: string;
	port: number;
	reporting: ReportingApi;
	xpay: XPayApi;
	xpayKey: XPayKeyApi;
	checkout: CheckoutApi;
	faults: FaultInjector;
	requests: LoggedRequest[];
	/** What workflows posted to /_sandbox/sink/<name>: a stand-in for e-mail, sheets and other outside services. */
	sinks: Record<string, Array<{ body: unknown; at: number }>>;
	/** The SMTP mail sink: its port, and the mails it received. */
	smtp: { port: number; mails: Mail[] };
	close(): Promise<void>;
}

const CONTROL = '/_sandbox';

/**
 * The local Nexi sandbox: one HTTP server on 127.0.0.1 that answers like Nexi's APIs, with
 * faults that can be injected at random or scripted per path, and a control API under
 * /_sandbox for tests and for people trying the nodes (add a payout while n8n polls).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const variant = options.variant ?? false;
	const reporting = new ReportingApi({ variant, ...options.reporting });
	const faults = new FaultInjector();
	faults.configure(options.faults);
	const requests: LoggedRequest[] = [];
	const sinks: Sandbox['sinks'] = {};
	const xpay = new XPayApi({ variant, ...options.xpay });
	// One clock for both XPay APIs, so that a test that moves one moves the other.
	let xpayKey = new XPayKeyApi({ variant, now: () => xpay.now(), ...options.xpayKey });
	// One secret key for Checkout's APIs: the Payment API takes the Reporting API's.
	const newCheckout = (settings?: Partial<CheckoutOptions>) =>
		new CheckoutApi({ variant, secretKey: reporting.options.secretKey, ...settings });
	let checkout = newCheckout(options.checkout);

	const server: Server = createServer((req, res) => {
		readRequest(req)
			.then(async (request) => {
				if (request.path.startsWith(CONTROL)) {
					const response = await control(request);
					write(res, response, renderBody(response));
					return;
				}
				await answerApi(request, res);
			})
			.catch((error: Error) => {
				if (!res.headersSent) write(res, json(500), JSON.stringify({ message: error.message }));
			});
	});

	async function answerApi(request: SandboxRequest, res: ServerResponse): Promise<void> {
		const decision = faults.decide(request.method, request.path);
		requests.push({
			method: request.method,
			path: request.path,
			query: Object.fromEntries(request.query),
			headers: request.headers,
			body: request.json ?? (request.rawBody || undefined),
			at: request.receivedAt,
			fault: decision.fault,
		});
		if (decision.latencyMs > 0) await pause(decision.latencyMs);

		switch (decision.fault) {
			case 'drop':
				res.socket?.destroy();
				return;
			case 'error500':
				write(
					res,
					json(500),
					JSON.stringify({ message: 'Unexpected error', code: '1001', source: 'Internal' }),
				);
				return;
			case 'error503':
				write(res, json(503), '');
				return;
			case 'rateLimit': {
				const response = json(
					429,
					{ message: 'Too many requests', code: '429', source: 'Gateway' },
					{
						'Retry-After': String(decision.retryAfterSeconds),
					},
				);
				write(res, response, renderBody(response));
				return;
			}
			case 'hang':
				await pause(decision.delayMs || 60_000);
				break;
			default:
				break;
		}

		const response =
			reporting.handle(request) ??
			xpay.handle(request, sandbox.url) ??
			xpayKey.handle(request, sandbox.url) ??
			checkout.handle(request, sandbox.url) ??
			json(404);
		let body = renderBody(response);
		if (decision.fault === 'dropAfter') {
			// The request was handled (and any state changed) but the answer never arrives.
			res.socket?.destroy();
			return;
		}
		if (decision.fault === 'emptyBody') body = '';
		if (decision.fault === 'malformed')
			body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
		if (decision.fault === 'tamperMac')
			body = body.replace(
				/"mac":"(.)/,
				(_all, first: string) => `"mac":"${first === 'a' ? 'b' : 'a'}`,
			);
		write(res, response, body);
	}

	async function control(request: SandboxRequest): Promise<SandboxResponse> {
		const path = request.path.slice(CONTROL.length);
		const body = (request.json ?? {}) as Record<string, unknown>;
		if (path === '/health') return json(200, { ok: true });
		if (path === '/info') {
			return json(200, {
				url: sandbox.url,
				variant,
				reporting: {
					testKey: reporting.testKey,
					merchantNumber: reporting.options.merchantNumber,
					payouts: reporting.list().length,
				},
				xpayKey: { apiKey: xpayKey.options.apiKey, orders: xpayKey.orders.size },
				checkout: { payments: checkout.payments.size, deliveries: checkout.deliveries.length },
				xpay: {
					alias: xpay.options.alias,
					macKey: xpay.options.macKey,
					orders: xpay.orders.size,
					payMailLinks: xpay.links.size,
				},
			});
		}
		if (path === '/reset' && request.method === 'POST') {
			reporting.reset({ variant, ...(body.reporting as Partial<ReportingOptions>) });
			xpay.reset({ variant, ...(body.xpay as Partial<XPayOptions>) });
			xpayKey = new XPayKeyApi({
				variant,
				now: () => xpay.now(),
				...(body.xpayKey as Partial<XPayKeyOptions>),
			});
			sandbox.xpayKey = xpayKey;
			checkout = newCheckout(body.checkout as Partial<CheckoutOptions>);
			sandbox.checkout = checkout;
			faults.clear();
			requests.length = 0;
			return json(200, { ok: true, payouts: reporting.list().length });
		}
		if (path === '/faults') {
			if (request.method === 'DELETE') {
				faults.clear();
				return json(200, faults.current);
			}
			if (request.method === 'POST') {
				faults.configure(body.settings as Partial<RandomFaults>, (body.rules ?? []) as FaultRule[]);
				return json(200, faults.current);
			}
			return json(200, { ...faults.current, injected: faults.injected });
		}
		const sink = /^\/sink\/([\w-]+)$/.exec(path);
		if (sink) {
			if (request.method === 'POST') {
				(sinks[sink[1]] ??= []).push({ body: request.json ?? request.rawBody, at: Date.now() });
				return json(201, { received: sinks[sink[1]].length });
			}
			return json(200, sinks[sink[1]] ?? []);
		}
		if (path === '/mail') return json(200, smtp.mails);
		if (path === '/requests') {
			if (request.method === 'DELETE') requests.length = 0;
			return json(200, {
				count: requests.length,
				requests: requests.map(({ headers: _h, ...rest }) => rest),
			});
		}
		if (path === '/reporting/payouts' && request.method === 'POST') {
			if (body.payout) {
				const payout = reporting.addRawPayout(
					body.payout as PayoutRecord,
					(body.paymentActions ?? []) as PaymentActionRecord[],
				);
				return json(201, payout);
			}
			if (typeof body.date !== 'string' || typeof body.currency !== 'string') {
				return json(400, {
					error: 'Send {"date": "YYYY-MM-DD", "currency": "EUR", "actions": 10}',
				});
			}
			return json(201, reporting.addPayout(body as unknown as PayoutSpec));
		}
		const xpayResponse = await xpayControl(path, request.method, body);
		if (xpayResponse) return xpayResponse;
		if (path === '/checkout/deliveries') return json(200, checkout.deliveries);
		// The customer completes (or is declined on) a Checkout payment page.
		const paid = /^\/checkout\/payments\/([^/]+)\/(pay|decline)$/.exec(path);
		if (paid && request.method === 'POST') {
			const paymentId = decodeURIComponent(paid[1]);
			try {
				return json(
					200,
					await checkout.pay(
						paymentId,
						paid[2] === 'pay' ? 'paid' : 'declined',
						body as CheckoutDeliveryOptions,
					),
				);
			} catch (error) {
				return json(409, { error: (error as Error).message });
			}
		}
		return json(404, { error: `No control endpoint ${request.method} ${request.path}` });
	}

	async function xpayControl(
		path: string,
		method: string,
		body: Record<string, unknown>,
	): Promise<SandboxResponse | undefined> {
		if (method !== 'POST') return undefined;
		if (path === '/xpay/orders') {
			const order = xpay.addOrder({
				codiceTransazione: body.codiceTransazione as string | undefined,
				importo: Number(body.importo ?? 1000),
				stato: body.stato as OrderState | undefined,
			});
			return json(201, xpay.renderOrder(order));
		}
		if (path === '/xpay/clock') {
			xpay.clockOffsetMs = Number(body.offsetMs ?? 0);
			return json(200, { offsetMs: xpay.clockOffsetMs });
		}
		const link = /^\/xpay\/paymail\/([^/]+)\/(pay|decline|expire|redeliver)$/.exec(path);
		if (link) {
			const code = decodeURIComponent(link[1]);
			if (!xpay.links.has(code)) return json(404, { error: `No PayMail link ${code}` });
			if (link[2] === 'expire') return json(200, xpay.expire(code));
			// The customer pays (or is declined), and the outcome goes to the link's URLs.
			const options = body as DeliveryOptions;
			if (link[2] === 'redeliver') return json(200, await xpay.redeliver(code, options));
			return json(
				200,
				await xpay.payAndDeliver(code, link[2] === 'pay' ? 'paid' : 'declined', options),
			);
		}
		// The API-key platform: a customer pays (or is declined on) a link, and XPay notifies.
		const keyLink = /^\/xpay-key\/links\/([^/]+)\/(pay|decline)$/.exec(path);
		if (keyLink && method === 'POST') {
			const linkId = decodeURIComponent(keyLink[1]);
			if (!xpayKey.links.has(linkId)) return json(404, { error: `No payment link ${linkId}` });
			return json(
				200,
				await xpayKey.payAndNotify(
					linkId,
					keyLink[2] === 'decline' ? 'DECLINED' : undefined,
					body as KeyNotifyOptions,
				),
			);
		}
		return undefined;
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const smtp = await startSmtpSink(options.smtpPort ?? 0);
	// Keep-alive sockets would otherwise hold close() open until they time out.
	server.keepAliveTimeout = 1000;

	const sandbox: Sandbox = {
		url: `http://127.0.0.1:${port}`,
		port,
		reporting,
		xpay,
		xpayKey,
		checkout,
		faults,
		requests,
		sinks,
		smtp,
		close: async () => {
			await smtp.close();
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			});
		},
	};
	return sandbox;
}
