import { randomUUID } from 'node:crypto';

import { DateTime } from 'luxon';

import { json, type SandboxRequest, type SandboxResponse } from '../http';

/**
 * XPay's API-key platform ("NPG", `/api/phoenix-0.0/psp/api/v1`), as ../shared/specs/xpay-rest.md
 * describes it: X-API-KEY and Correlation-Id on every call, amounts as strings of minor units,
 * orders and operations listed newest first and paged by moving `toTime` back to the last
 * record's time (records on that boundary come again), one month at most per order search,
 * 500 records at most per answer, pay-by-link with an expiry at most 90 days out, captures and
 * refunds that need an Idempotency-Key (a repeated key answers the first result again).
 *
 * The variant mode answers the spec's open points the other way: the order detail names its
 * links `paymentLink`, times come as `YYYY-MM-DD HH:mm:ss.SSS` without a zone (Italian time), operation
 * currencies as ISO numbers ("978"), the Correlation-Id is not checked, and links cannot be
 * listed (404).
 */

export const API_PREFIX = '/api/phoenix-0.0/psp/api/v1';

export interface XPayKeyOptions {
	variant: boolean;
	apiKey: string;
	/** The terminal's capture mode: IMPLICIT captures at payment, EXPLICIT only authorizes. */
	captureType: 'IMPLICIT' | 'EXPLICIT';
	now: () => number;
}

export const XPAY_KEY_DEFAULTS: Omit<XPayKeyOptions, 'variant' | 'now'> = {
	apiKey: '5d952446-9004-4023-9eae-a527a152846b',
	captureType: 'EXPLICIT',
};

const NUMERIC_CURRENCY: Record<string, string> = { EUR: '978', USD: '840', GBP: '826', JPY: '392' };
const MAX_RECORDS = 500;
const MONTH_MS = 31 * 24 * 3600_000;

export interface KeyOperation {
	orderId: string;
	operationId: string;
	channel: string;
	operationType: string;
	operationResult: string;
	operationTime: number;
	paymentMethod: string;
	paymentCircuit: string;
	paymentInstrumentInfo: string;
	cancelledOperationId: string | null;
	operationAmount: number;
	operationCurrency: string;
	paymentLinkId: string | null;
	customerInfo: Record<string, unknown>;
}

export interface KeyLink {
	linkId: string;
	orderId: string;
	amount: number;
	expirationDate: string;
	status: 'ACTIVE' | 'DELETED' | 'EXPIRED' | 'PAID';
	paidByOperationId: string | null;
	securityToken: string;
	notificationUrl?: string;
	captureType?: string;
	createdAt: number;
}

export interface KeyOrder {
	order: Record<string, unknown> & { orderId: string; amount: string; currency: string };
	operations: KeyOperation[];
	links: string[];
	createdAt: number;
	/** Until then the API does not show the order yet (the variant: a notification can come first). */
	hiddenUntil?: number;
}

/** How a payment's notification is delivered, with the faults a real delivery can have. */
export interface KeyNotifyOptions {
	/** Extra deliveries of the same notification. */
	duplicates?: number;
	/** All deliveries at once rather than one after the other. */
	together?: boolean;
}

export interface KeyDelivery {
	status: number;
	body: string;
}

class Refused {
	constructor(
		readonly status: number,
		readonly code?: string,
		readonly description?: string,
	) {}
}

export class XPayKeyApi {
	readonly options: XPayKeyOptions;
	readonly orders = new Map<string, KeyOrder>();
	readonly links = new Map<string, KeyLink>();
	/** Idempotency keys already used, with the answer they got. */
	private readonly replies = new Map<string, SandboxResponse>();
	private sequence = 1;

	constructor(options: Partial<XPayKeyOptions> = {}) {
		this.options = { variant: false, now: Date.now, ...XPAY_KEY_DEFAULTS, ...options };
	}

	private nextId(): string {
		return String(800_000_000_000 + this.sequence++);
	}

	/** ISO 8601 in UTC; the variant writes Italian wall-clock time without a zone, as Nexi's own sandbox was seen to. */
	time(ms: number): string {
		if (!this.options.variant) return new Date(ms).toISOString();
		return DateTime.fromMillis(ms, { zone: 'Europe/Rome' }).toFormat('yyyy-MM-dd HH:mm:ss.SSS');
	}

	/** A time a client sent: with a zone as it says, without one as Italian time. */
	parseTime(text: string): number {
		const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
		const parsed = DateTime.fromISO(text.replace(' ', 'T'), {
			zone: zoned ? 'UTC' : 'Europe/Rome',
			setZone: zoned,
		});
		return parsed.isValid ? parsed.toMillis() : Number.NaN;
	}

	/** An order as a payment on the hosted page leaves it: one AUTHORIZATION operation. */
	addOrder(spec: {
		orderId?: string;
		amount: number;
		currency?: string;
		at?: number;
		result?: 'AUTHORIZED' | 'EXECUTED' | 'DECLINED' | 'PENDING' | 'CANCELED';
		paymentLinkId?: string | null;
		customer?: Record<string, unknown>;
		description?: string;
	}): KeyOrder {
		const at = spec.at ?? this.options.now();
		const orderId = spec.orderId ?? `ord-${this.sequence}`;
		const currency = spec.currency ?? 'EUR';
		const record: KeyOrder = {
			order: {
				orderId,
				amount: String(spec.amount),
				currency,
				...(spec.description ? { description: spec.description } : {}),
				...(spec.customer ? { customerInfo: spec.customer } : {}),
			},
			operations: [],
			links: [],
			createdAt: at,
		};
		this.orders.set(orderId, record);
		this.addOperation(record, {
			operationType: 'AUTHORIZATION',
			operationResult:
				spec.result ?? (this.options.captureType === 'IMPLICIT' ? 'EXECUTED' : 'AUTHORIZED'),
			operationAmount: spec.amount,
			at,
			channel: 'ECOMMERCE',
			paymentLinkId: spec.paymentLinkId ?? null,
			customerInfo: spec.customer ?? {},
		});
		return record;
	}

	private addOperation(
		record: KeyOrder,
		op: {
			operationType: string;
			operationResult: string;
			operationAmount: number;
			at: number;
			channel: string;
			cancelledOperationId?: string;
			paymentLinkId?: string | null;
			customerInfo?: Record<string, unknown>;
		},
	): KeyOperation {
		const operation: KeyOperation = {
			orderId: record.order.orderId,
			operationId: op.operationType === 'AUTHORIZATION' ? this.nextId() : randomUUID(),
			channel: op.channel,
			operationType: op.operationType,
			operationResult: op.operationResult,
			operationTime: op.at,
			paymentMethod: 'CARD',
			paymentCircuit: 'VISA',
			paymentInstrumentInfo: '***4549',
			cancelledOperationId: op.cancelledOperationId ?? null,
			operationAmount: op.operationAmount,
			operationCurrency: record.order.currency,
			paymentLinkId: op.paymentLinkId ?? null,
			customerInfo: op.customerInfo ?? {},
		};
		record.operations.push(operation);
		return operation;
	}

	/** Amounts authorized and captured, as the order status reports them. */
	amounts(record: KeyOrder): { authorized: number; captured: number; refunded: number } {
		let authorized = 0;
		let captured = 0;
		let refunded = 0;
		const cancelled = new Set(
			record.operations
				.filter((o) => o.operationType === 'CANCEL')
				.map((o) => o.cancelledOperationId),
		);
		for (const op of record.operations) {
			if (cancelled.has(op.operationId)) continue;
			if (op.operationType === 'AUTHORIZATION') {
				if (op.operationResult === 'AUTHORIZED' || op.operationResult === 'EXECUTED')
					authorized += op.operationAmount;
				if (op.operationResult === 'EXECUTED') captured += op.operationAmount;
			}
			if (op.operationType === 'CAPTURE' && op.operationResult === 'EXECUTED')
				captured += op.operationAmount;
			if (op.operationType === 'VOID' && op.operationResult === 'VOIDED')
				authorized -= op.operationAmount;
			if (op.operationType === 'REFUND' && op.operationResult === 'REFUNDED')
				refunded += op.operationAmount;
		}
		return { authorized, captured, refunded };
	}

	operationJson(op: KeyOperation): Record<string, unknown> {
		return {
			orderId: op.orderId,
			operationId: op.operationId,
			channel: op.channel,
			operationType: op.operationType,
			operationResult: op.operationResult,
			operationTime: this.time(op.operationTime),
			paymentMethod: op.paymentMethod,
			paymentCircuit: op.paymentCircuit,
			paymentInstrumentInfo: op.paymentInstrumentInfo,
			paymentEndToEndId: op.operationId,
			cancelledOperationId: op.cancelledOperationId,
			operationAmount: String(op.operationAmount),
			operationCurrency: this.options.variant
				? (NUMERIC_CURRENCY[op.operationCurrency] ?? op.operationCurrency)
				: op.operationCurrency,
			customerInfo: op.customerInfo,
			warnings: [],
			paymentLinkId: op.paymentLinkId,
			additionalData: {},
		};
	}

	private lastOperation(record: KeyOrder): KeyOperation {
		return record.operations[record.operations.length - 1];
	}

	private orderStatusJson(record: KeyOrder): Record<string, unknown> {
		const { authorized, captured } = this.amounts(record);
		const last = this.lastOperation(record);
		return {
			order: record.order,
			authorizedAmount: String(authorized),
			capturedAmount: String(captured),
			lastOperationType: last.operationType,
			lastOperationTime: this.time(last.operationTime),
		};
	}

	private linkJson(link: KeyLink): Record<string, unknown> {
		const expired =
			link.status === 'ACTIVE' &&
			Date.parse(`${link.expirationDate}T23:59:59Z`) < this.options.now();
		return {
			linkId: link.linkId,
			amount: String(link.amount),
			expirationDate: link.expirationDate,
			link: `https://xpaysandbox.invalid/pay/${link.linkId}`,
			paidByOperationId: link.paidByOperationId,
			status: expired ? 'EXPIRED' : link.status === 'PAID' ? 'INACTIVE' : link.status,
		};
	}

	handle(request: SandboxRequest, baseUrl: string): SandboxResponse | undefined {
		if (!request.path.startsWith(`${API_PREFIX}/`)) return undefined;
		const path = request.path.slice(API_PREFIX.length);
		const key = request.headers['x-api-key'];
		if (key !== this.options.apiKey) return json(401);
		if (!this.options.variant && !request.headers['correlation-id'])
			return refuse(new Refused(400, 'PS0026', 'Invalid Correlation-Id parameter'));
		try {
			return this.route(request, path, baseUrl);
		} catch (error) {
			if (error instanceof Refused) return refuse(error);
			throw error;
		}
	}

	private route(request: SandboxRequest, path: string, baseUrl: string): SandboxResponse {
		const body = (request.json ?? {}) as Record<string, unknown>;
		let match: RegExpExecArray | null;
		if (request.method === 'GET' && path === '/payment_methods')
			return json(200, {
				paymentMethods: [
					{ paymentMethodType: 'CARDS', circuit: 'VISA', recurringSupported: true },
					{ paymentMethodType: 'CARDS', circuit: 'MC', recurringSupported: true },
				],
			});
		if (request.method === 'POST' && path === '/orders/paybylink')
			return this.createLink(body, baseUrl);
		if (request.method === 'GET' && path === '/orders/paybylink') {
			if (this.options.variant) return json(404);
			return this.listLinks(request.query);
		}
		if (request.method === 'POST' && (match = /^\/paybylink\/([^/]+)\/cancels$/.exec(path)))
			return this.cancelLink(decodeURIComponent(match[1]));
		if (request.method === 'GET' && path === '/orders') return this.listOrders(request.query);
		if (request.method === 'GET' && (match = /^\/orders\/([^/]+)$/.exec(path))) {
			const record = this.orders.get(decodeURIComponent(match[1]));
			if (!record || (record.hiddenUntil ?? 0) > this.options.now()) return json(404);
			return json(200, {
				orderStatus: this.orderStatusJson(record),
				operations: record.operations.map((op) => this.operationJson(op)),
				[this.options.variant ? 'paymentLink' : 'paymentLinks']: record.links.map((id) =>
					this.linkJson(this.links.get(id)!),
				),
			});
		}
		if (request.method === 'GET' && path === '/operations')
			return this.listOperations(request.query);
		if (request.method === 'GET' && (match = /^\/operations\/([^/]+)$/.exec(path))) {
			const op = this.findOperation(decodeURIComponent(match[1]));
			return op ? json(200, this.operationJson(op.operation)) : json(404);
		}
		if (
			request.method === 'POST' &&
			(match = /^\/operations\/([^/]+)\/(captures|refunds|cancels)$/.exec(path))
		) {
			const [, id, kind] = match;
			if (kind === 'cancels') return this.cancelOperation(decodeURIComponent(id), body);
			const idempotencyKey = request.headers['idempotency-key'];
			if (typeof idempotencyKey !== 'string' || idempotencyKey === '')
				throw new Refused(400, 'PS0025', 'The idempotency key is wrong or missing in the request.');
			const replay = this.replies.get(idempotencyKey);
			if (replay) return replay;
			const answer =
				kind === 'captures'
					? this.capture(decodeURIComponent(id), body)
					: this.refund(decodeURIComponent(id), body);
			this.replies.set(idempotencyKey, answer);
			return answer;
		}
		return json(404);
	}

	findOperation(operationId: string): { record: KeyOrder; operation: KeyOperation } | undefined {
		for (const record of this.orders.values()) {
			const operation = record.operations.find((op) => op.operationId === operationId);
			if (operation) return { record, operation };
		}
		return undefined;
	}

	private createLink(body: Record<string, unknown>, _baseUrl: string): SandboxResponse {
		const order = body.order as Record<string, unknown> | undefined;
		const session = (body.paymentSession ?? {}) as Record<string, unknown>;
		if (!order || typeof order !== 'object') throw new Refused(400, 'PS0042', 'order is required');
		const orderId = String(order.orderId ?? '');
		if (!/^[A-Za-z0-9#*+\-.:;=?[\]_{|}]{1,27}$/.test(orderId))
			throw new Refused(400, 'PS0026', 'Invalid orderId parameter');
		if (this.orders.has(orderId) || [...this.links.values()].some((l) => l.orderId === orderId))
			throw new Refused(400, 'PS0042', 'orderId already used');
		const amount = String(order.amount ?? '');
		if (!/^\d+$/.test(amount) || Number(amount) < 1)
			throw new Refused(400, 'PS0036', 'The amount is not numeric');
		if (!/^[A-Z]{3}$/.test(String(order.currency ?? '')))
			throw new Refused(400, 'PS0009', 'Invalid currency');
		if (session.amount !== undefined && Number(session.amount) > Number(amount))
			throw new Refused(
				400,
				'PS0007',
				'The paymentSession amount is greater than the order amount',
			);
		const expirationDate = String(body.expirationDate ?? '');
		const expiry = Date.parse(`${expirationDate}T00:00:00Z`);
		const now = this.options.now();
		if (
			!/^\d{4}-\d{2}-\d{2}$/.test(expirationDate) ||
			Number.isNaN(expiry) ||
			expiry < now - 24 * 3600_000 ||
			expiry > now + 91 * 24 * 3600_000
		)
			throw new Refused(400, 'PS0010', 'Invalid expirationDate');
		for (const field of ['resultUrl', 'cancelUrl', 'notificationUrl']) {
			const url = session[field];
			if (url !== undefined && !/^https?:\/\//.test(String(url)))
				throw new Refused(400, 'GW0001', 'Invalid merchant URL');
		}
		const link: KeyLink = {
			linkId: String(90_000_000 + this.sequence++),
			orderId,
			amount: Number(amount),
			expirationDate,
			status: 'ACTIVE',
			paidByOperationId: null,
			securityToken: randomUUID().replace(/-/g, ''),
			notificationUrl: session.notificationUrl as string | undefined,
			captureType: session.captureType as string | undefined,
			createdAt: now,
		};
		this.links.set(link.linkId, link);
		this.pendingOrders.set(orderId, {
			...order,
			orderId,
			amount,
			currency: String(order.currency),
		});
		return json(200, { paymentLink: this.linkJson(link), securityToken: link.securityToken });
	}

	/** The order a link will create when paid (not visible before). */
	private readonly pendingOrders = new Map<string, KeyOrder['order']>();

	/** A customer pays a link on the hosted page: its order appears with an authorization. */
	payLink(
		linkId: string,
		result: 'AUTHORIZED' | 'EXECUTED' | 'DECLINED' = this.linkCapture(linkId),
	): { record: KeyOrder; operation: KeyOperation; link: KeyLink } {
		const link = this.links.get(linkId);
		if (!link || link.status !== 'ACTIVE') throw new Error(`link ${linkId} cannot be paid`);
		const order = this.pendingOrders.get(link.orderId)!;
		const record = this.addOrder({
			orderId: link.orderId,
			amount: link.amount,
			currency: order.currency,
			result,
			paymentLinkId: link.linkId,
			customer: (order.customerInfo as Record<string, unknown>) ?? {},
			description: order.description as string | undefined,
		});
		record.order = order;
		record.links.push(link.linkId);
		const operation = record.operations[0];
		// The variant: XPay's API shows the order a moment after the notification went out.
		if (this.options.variant) record.hiddenUntil = this.options.now() + 1500;
		if (result !== 'DECLINED') {
			link.status = 'PAID';
			link.paidByOperationId = operation.operationId;
		}
		return { record, operation, link };
	}

	/** The JSON notification XPay posts to a link's notificationUrl (../shared/specs/xpay-rest.md §5). */
	notification(record: KeyOrder, operation: KeyOperation, link: KeyLink): Record<string, unknown> {
		return {
			eventId: randomUUID(),
			eventTime: this.time(this.options.now()),
			securityToken: link.securityToken,
			operation: this.operationJson(operation),
		};
	}

	/** A customer pays a link, and XPay posts the outcome to its notification URL (if it has one). */
	async payAndNotify(
		linkId: string,
		result?: 'AUTHORIZED' | 'EXECUTED' | 'DECLINED',
		options: KeyNotifyOptions = {},
	): Promise<{ orderId: string; operationId: string; deliveries: KeyDelivery[] }> {
		const { record, operation, link } = this.payLink(linkId, result);
		const deliveries: KeyDelivery[] = [];
		if (link.notificationUrl) {
			const body = JSON.stringify(this.notification(record, operation, link));
			const send = async (): Promise<KeyDelivery> => {
				try {
					const response = await fetch(link.notificationUrl!, {
						method: 'POST',
						headers: {
							'Content-Type': 'application/json',
							'User-Agent': 'Apache-HttpClient/4.5.13 (Java/1.8.0_161)',
						},
						body,
					});
					return { status: response.status, body: await response.text() };
				} catch (error) {
					return { status: 0, body: (error as Error).message };
				}
			};
			const count = 1 + (options.duplicates ?? 0);
			if (options.together)
				deliveries.push(...(await Promise.all(Array.from({ length: count }, send))));
			else for (let i = 0; i < count; i++) deliveries.push(await send());
		}
		return { orderId: record.order.orderId, operationId: operation.operationId, deliveries };
	}

	private linkCapture(linkId: string): 'AUTHORIZED' | 'EXECUTED' {
		const requested = this.links.get(linkId)?.captureType;
		if (requested === 'IMPLICIT') return 'EXECUTED';
		return this.options.captureType === 'IMPLICIT' ? 'EXECUTED' : 'AUTHORIZED';
	}

	private cancelLink(linkId: string): SandboxResponse {
		const link = this.links.get(linkId);
		if (!link) return json(404);
		if (link.status === 'PAID')
			throw new Refused(
				400,
				'PS0045',
				'PaymentLink cannot be deleted because it has already been used',
			);
		if (link.status === 'DELETED') throw new Refused(400, 'PS0044', 'PaymentLink delete error');
		link.status = 'DELETED';
		return json(200, {});
	}

	private timeRange(
		query: URLSearchParams,
		maxSpanMs?: number,
	): { from: number; to: number; max: number } {
		const parse = (name: string, fallback: number) => {
			const raw = query.get(name);
			if (raw === null) return fallback;
			const value = this.parseTime(raw);
			if (Number.isNaN(value)) throw new Refused(400, 'PS0008', `Invalid ${name}`);
			return value;
		};
		const to = parse('toTime', this.options.now());
		const from = parse('fromTime', to - MONTH_MS);
		if (from > to) throw new Refused(400, 'PS0008', 'fromTime is after toTime');
		if (maxSpanMs !== undefined && to - from > maxSpanMs)
			throw new Refused(
				400,
				'PS0008',
				'The interval between fromTime and toTime is more than one month',
			);
		const rawMax = query.get('maxRecords');
		const max = rawMax === null ? 20 : Number(rawMax);
		if (!Number.isInteger(max) || max < 1 || max > MAX_RECORDS)
			throw new Refused(400, 'PS0026', 'Invalid maxRecords parameter');
		return { from, to, max };
	}

	/** Newest first; `toTime` is inclusive, so the record on a page boundary comes again. */
	private listOrders(query: URLSearchParams): SandboxResponse {
		const { from, to, max } = this.timeRange(query, MONTH_MS);
		const state = query.get('orderState');
		const rows = [...this.orders.values()]
			.map((record) => ({ record, at: this.lastOperation(record).operationTime }))
			.filter(({ at }) => at >= from && at <= to)
			.filter(({ record }) => {
				if (!state) return true;
				const { authorized, captured } = this.amounts(record);
				return state === 'CAPTURED' ? captured > 0 : authorized > captured;
			})
			.sort((a, b) => b.at - a.at)
			.slice(0, max);
		return json(200, { orders: rows.map(({ record }) => this.orderStatusJson(record)) });
	}

	private listOperations(query: URLSearchParams): SandboxResponse {
		const { from, to, max } = this.timeRange(query);
		const type = query.get('operationType');
		const channel = query.get('channel');
		const rows = [...this.orders.values()]
			.flatMap((record) => record.operations)
			.filter((op) => op.operationTime >= from && op.operationTime <= to)
			.filter((op) => (!type || op.operationType === type) && (!channel || op.channel === channel))
			.sort((a, b) => b.operationTime - a.operationTime)
			.slice(0, max);
		return json(200, { operations: rows.map((op) => this.operationJson(op)) });
	}

	private listLinks(query: URLSearchParams): SandboxResponse {
		const { from, to, max } = this.timeRange(query);
		const status = query.get('status');
		const rows = [...this.links.values()]
			.filter((link) => link.createdAt >= from && link.createdAt <= to)
			.map((link) => this.linkJson(link))
			.filter((link) => !status || link.status === status)
			.slice(0, max);
		return json(200, { paymentLinks: rows });
	}

	private moneyOf(body: Record<string, unknown>, record: KeyOrder, fallback: number): number {
		if (body.currency !== undefined && body.currency !== record.order.currency)
			throw new Refused(400, 'PS0009', 'Invalid currency');
		if (body.amount === undefined) return fallback;
		if (typeof body.amount !== 'string' || !/^\d+$/.test(body.amount))
			throw new Refused(400, 'PS0036', 'The amount is not numeric');
		return Number(body.amount);
	}

	private capture(operationId: string, body: Record<string, unknown>): SandboxResponse {
		const found = this.findOperation(operationId);
		if (!found) return json(404);
		const { record, operation } = found;
		const { authorized, captured } = this.amounts(record);
		if (operation.operationType !== 'AUTHORIZATION' || operation.operationResult !== 'AUTHORIZED')
			throw new Refused(400, 'PS0023', 'Operation already executed');
		if (authorized === 0) throw new Refused(400, 'PS0022', 'Operation already voided');
		const amount = this.moneyOf(body, record, authorized - captured);
		if (amount < 1 || amount > authorized - captured)
			throw new Refused(400, 'PS0026', 'Invalid amount parameter');
		const op = this.addOperation(record, {
			operationType: 'CAPTURE',
			operationResult: 'EXECUTED',
			operationAmount: amount,
			at: this.options.now(),
			channel: 'BACKOFFICE',
		});
		return json(200, { operationId: op.operationId, operationTime: this.time(op.operationTime) });
	}

	/** A refund of captured money, or the void of an authorization nothing was captured from. */
	private refund(operationId: string, body: Record<string, unknown>): SandboxResponse {
		const found = this.findOperation(operationId);
		if (!found) return json(404);
		const { record } = found;
		const { authorized, captured, refunded } = this.amounts(record);
		if (authorized === 0) throw new Refused(400, 'PS0028', 'Operation already voided');
		if (captured === 0) {
			const amount = this.moneyOf(body, record, authorized);
			if (amount !== authorized) throw new Refused(400, 'PS0026', 'Invalid amount parameter');
			const op = this.addOperation(record, {
				operationType: 'VOID',
				operationResult: 'VOIDED',
				operationAmount: amount,
				at: this.options.now(),
				channel: 'BACKOFFICE',
			});
			return json(200, { operationId: op.operationId, operationTime: this.time(op.operationTime) });
		}
		if (refunded >= captured) throw new Refused(400, 'PS0027', 'Operation already refunded');
		const amount = this.moneyOf(body, record, captured - refunded);
		if (amount < 1 || amount > captured - refunded)
			throw new Refused(400, 'PS0029', 'The amount to refund is greater than the captured amount');
		const op = this.addOperation(record, {
			operationType: 'REFUND',
			operationResult: 'REFUNDED',
			operationAmount: amount,
			at: this.options.now(),
			channel: 'BACKOFFICE',
		});
		return json(200, { operationId: op.operationId, operationTime: this.time(op.operationTime) });
	}

	/** Undoes a capture or refund made today (no Idempotency-Key: cancelling twice is refused). */
	private cancelOperation(operationId: string, _body: Record<string, unknown>): SandboxResponse {
		const found = this.findOperation(operationId);
		if (!found) return json(404);
		const { record, operation } = found;
		if (operation.operationType !== 'CAPTURE' && operation.operationType !== 'REFUND')
			throw new Refused(400, 'PS0000', 'Cancel applies to a capture or a refund only');
		if (record.operations.some((op) => op.cancelledOperationId === operationId))
			throw new Refused(400, 'PS0000', 'Operation already cancelled');
		const day = (ms: number) => new Date(ms + 3600_000).toISOString().slice(0, 10);
		if (day(operation.operationTime) !== day(this.options.now()))
			throw new Refused(400, 'PS0002', 'Cancel is allowed only on the same day of the operation');
		const op = this.addOperation(record, {
			operationType: 'CANCEL',
			operationResult: 'EXECUTED',
			operationAmount: operation.operationAmount,
			at: this.options.now(),
			channel: 'BACKOFFICE',
			cancelledOperationId: operationId,
		});
		return json(200, { operationId: op.operationId, operationTime: this.time(op.operationTime) });
	}
}

function refuse(refusal: Refused): SandboxResponse {
	if (!refusal.code) return json(refusal.status);
	return json(refusal.status, {
		errors: [{ code: refusal.code, description: refusal.description }],
	});
}
