import { randomBytes } from 'node:crypto';

import { json, pause, type SandboxRequest, type SandboxResponse } from '../http';

/**
 * Nexi Checkout's Payment API (`/v1/payments`, `/v1/charges`, `/v1/refunds`) and its webhooks,
 * as ../shared/specs/checkout-payments.md describes them: the raw secret key in Authorization,
 * amounts as integers of minor units that must add up to the order lines, order lines required
 * for a partial charge, refund or cancel, 204 with no body for updates and cancels, an
 * Idempotency-Key on charges and refunds that answers the first result again (and refuses the
 * same key for another amount), 30 reads of one payment an hour (429 after), webhooks set per
 * payment (HTTPS, at most 32, an authorization of 8 to 64 letters and digits) and delivered
 * with that authorization until the receiver answers exactly 200, up to 10 attempts.
 *
 * The variant mode answers the spec's open points the other way: ids in the dashed UUID form,
 * a webhook registered for a `.v2` event also receives the legacy event of the same happening,
 * `.v2` events carry `merchantId` like the others, every event is delivered twice, and the
 * payment's summary lists every amount (zeros too).
 */

export interface CheckoutOptions {
	variant: boolean;
	/** The merchant's secret key (the Reporting API's: one key for both). */
	secretKey: string;
	merchantNumber: number;
	/** Wait before delivery attempt n + 1: n times this (Checkout's delay increases). */
	retryDelayMs: number;
	maxAttempts: number;
	/** Reads of one payment allowed an hour; 0 for no limit. */
	readsPerHour: number;
	/** Refunds wait as Pending (the merchant's funds are short) instead of completing. */
	pendingRefunds: boolean;
	now: () => number;
}

export const CHECKOUT_DEFAULTS: Omit<CheckoutOptions, 'variant' | 'secretKey' | 'now'> = {
	merchantNumber: 100017120,
	retryDelayMs: 1000,
	maxAttempts: 10,
	readsPerHour: 30,
	pendingRefunds: false,
};

export const HPP_PATH = '/checkout/hostedpaymentpage';

export interface OrderItem {
	reference: string;
	name: string;
	quantity: number;
	unit: string;
	unitPrice: number;
	taxRate?: number;
	taxAmount?: number;
	grossTotalAmount: number;
	netTotalAmount: number;
}

interface Webhook {
	eventName: string;
	url: string;
	authorization?: string;
}

export interface CheckoutPayment {
	paymentId: string;
	created: number;
	expiresAt: number;
	order: { amount: number; currency: string; reference?: string; items: OrderItem[] };
	checkout: {
		url: string;
		returnUrl?: string;
		cancelUrl?: string;
		termsUrl: string;
		integrationType: string;
		charge: boolean;
	};
	email?: string;
	myReference?: string;
	webhooks: Webhook[];
	reserved: number;
	cancelled: number;
	charges: Array<{ chargeId: string; amount: number; created: number; orderItems: OrderItem[] }>;
	refunds: Array<{
		refundId: string;
		chargeId?: string;
		amount: number;
		state: 'Pending' | 'Completed' | 'Cancelled';
		lastUpdated: number;
		orderItems: OrderItem[];
	}>;
	terminated?: number;
	reads: number[];
}

/** One attempt to deliver an event, as the sandbox made it. */
export interface CheckoutDelivery {
	paymentId: string;
	id: string;
	event: string;
	url: string;
	attempt: number;
	/** The receiver's HTTP status, or 0 when it could not be reached or took longer than 10 s. */
	status: number;
	at: number;
}

/** How the customer's payment is notified, with the faults a real delivery can have. */
export interface DeliveryOptions {
	/** Extra deliveries of every event (as after an answer Checkout did not receive). */
	duplicates?: number;
	/** The deliveries of one event all at once rather than one after the other. */
	together?: boolean;
}

class Refused {
	constructor(readonly response: SandboxResponse) {}
}

const fieldError = (field: string, message: string) =>
	new Refused(json(400, { errors: { [field]: [message] } }));
const nexiError = (status: number, code: string, message: string) =>
	new Refused(json(status, { message, code, source: 'Internal' }));

const LEGACY_OF: Record<string, string> = {
	'payment.reservation.created.v2': 'payment.reservation.created',
	'payment.charge.created.v2': 'payment.charge.created',
	'payment.refund.initiated.v2': 'payment.refund.initiated',
};
const EVENT_NAMES = new Set([
	'payment.created',
	'payment.reservation.created',
	'payment.reservation.created.v2',
	'payment.reservation.failed',
	'payment.checkout.completed',
	'payment.charge.created',
	'payment.charge.created.v2',
	'payment.charge.failed',
	'payment.charge.failed.v2',
	'payment.refund.initiated',
	'payment.refund.initiated.v2',
	'payment.refund.completed',
	'payment.refund.failed',
	'payment.cancel.created',
	'payment.cancel.failed',
]);

export class CheckoutApi {
	readonly options: CheckoutOptions;
	readonly payments = new Map<string, CheckoutPayment>();
	readonly deliveries: CheckoutDelivery[] = [];
	/** Idempotency keys already used, with the amount they were for and the answer they got. */
	private readonly replies = new Map<string, { amount: number; response: SandboxResponse }>();

	constructor(options: Partial<CheckoutOptions> & { secretKey: string }) {
		this.options = { variant: false, now: Date.now, ...CHECKOUT_DEFAULTS, ...options };
	}

	/** 32 hex digits, or the dashed form in the variant. */
	newId(): string {
		const hex = randomBytes(16).toString('hex');
		if (!this.options.variant) return hex;
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	}

	private find(id: string): CheckoutPayment | undefined {
		const wanted = id.replace(/-/g, '').toLowerCase();
		for (const payment of this.payments.values())
			if (payment.paymentId.replace(/-/g, '') === wanted) return payment;
		return undefined;
	}

	handle(request: SandboxRequest, baseUrl: string): SandboxResponse | undefined {
		if (request.path.startsWith(HPP_PATH)) return this.hostedPage(request, baseUrl);
		if (!/^\/v1\/(payments|charges|refunds|pending-refunds)(\/|$)/.test(request.path))
			return undefined;
		if (!this.authorised(request)) return json(401);
		try {
			return this.route(request, baseUrl);
		} catch (error) {
			if (error instanceof Refused) return error.response;
			throw error;
		}
	}

	private authorised(request: SandboxRequest): boolean {
		const header = request.headers.authorization;
		const key = this.options.secretKey;
		return header === `test-secret-key-${key}` || header === key;
	}

	private route(request: SandboxRequest, baseUrl: string): SandboxResponse {
		const { method, path } = request;
		const body = (request.json ?? {}) as Record<string, unknown>;
		const key = request.headers['idempotency-key'];
		const idempotencyKey = typeof key === 'string' && key !== '' ? key : undefined;
		if (idempotencyKey && idempotencyKey.length > 64)
			throw fieldError('Idempotency-Key', 'The Idempotency-Key must be 1 to 64 characters long.');
		let match: RegExpExecArray | null;
		if (method === 'POST' && path === '/v1/payments') return this.create(body, baseUrl);
		if ((match = /^\/v1\/payments\/([^/]+)(?:\/([a-z-]+))?$/.exec(path))) {
			const payment = this.find(decodeURIComponent(match[1]));
			if (!payment) return json(404);
			const action = match[2];
			if (method === 'GET' && !action) return this.read(payment);
			if (method === 'PUT' && action === 'referenceinformation')
				return this.updateReference(payment, body);
			if (method === 'PUT' && action === 'terminate') return this.terminate(payment);
			if (method === 'POST' && action === 'cancels') return this.cancel(payment, body);
			if (method === 'POST' && action === 'charges')
				return this.once(idempotencyKey, '1026', body, () => this.charge(payment, body));
			if (method === 'POST' && action === 'refunds')
				return this.once(idempotencyKey, '1027', body, () => this.refund(payment, body));
			return json(405);
		}
		if ((match = /^\/v1\/charges\/([^/]+)(?:\/(refunds))?$/.exec(path))) {
			const chargeId = decodeURIComponent(match[1]).replace(/-/g, '');
			for (const payment of this.payments.values()) {
				const charge = payment.charges.find((c) => c.chargeId.replace(/-/g, '') === chargeId);
				if (!charge) continue;
				if (method === 'GET' && !match[2])
					return json(200, { chargeId: charge.chargeId, amount: charge.amount });
				if (method === 'POST' && match[2])
					return this.once(idempotencyKey, '1027', body, () =>
						this.refund(payment, body, charge.chargeId),
					);
				return json(405);
			}
			return json(404);
		}
		if (method === 'GET' && (match = /^\/v1\/refunds\/([^/]+)$/.exec(path))) {
			for (const payment of this.payments.values()) {
				const refund = payment.refunds.find((r) => r.refundId === decodeURIComponent(match![1]));
				if (refund) return json(200, { refundId: refund.refundId, amount: refund.amount });
			}
			return json(404);
		}
		return json(404);
	}

	/** A charge or refund with an Idempotency-Key is applied once: the key answers its first result again. */
	private once(
		key: string | undefined,
		differentAmountCode: string,
		body: Record<string, unknown>,
		apply: () => SandboxResponse,
	): SandboxResponse {
		if (!key) return apply();
		const amount = Number(body.amount);
		const earlier = this.replies.get(key);
		if (earlier) {
			if (earlier.amount !== amount)
				throw nexiError(
					400,
					differentAmountCode,
					'The Idempotency-Key was already used for a different amount.',
				);
			return earlier.response;
		}
		let response: SandboxResponse;
		try {
			response = apply();
		} catch (error) {
			if (!(error instanceof Refused)) throw error;
			response = error.response;
		}
		this.replies.set(key, { amount, response });
		return response;
	}

	// ---- payments -------------------------------------------------------------------------

	private create(body: Record<string, unknown>, baseUrl: string): SandboxResponse {
		const order = (body.order ?? undefined) as Record<string, unknown> | undefined;
		const checkout = (body.checkout ?? undefined) as Record<string, unknown> | undefined;
		if (!order) throw fieldError('order', 'The Order field is required.');
		if (!checkout) throw fieldError('checkout', 'The Checkout field is required.');
		const items = this.orderItems(order.items, 'order.items');
		if (items.length === 0) throw fieldError('order.items', 'The Items field is required.');
		const amount = order.amount;
		if (!Number.isInteger(amount) || (amount as number) <= 0)
			throw fieldError('order.amount', 'Amount must be higher than 0.');
		const sum = items.reduce((total, item) => total + item.grossTotalAmount, 0);
		if (sum !== amount)
			throw fieldError(
				'order.amount',
				`The amount (${String(amount)}) does not match the sum of the order items' gross total amounts (${sum}).`,
			);
		if (typeof order.currency !== 'string' || !/^[A-Z]{3}$/.test(order.currency))
			throw fieldError('order.currency', 'The Currency field is required.');
		if (typeof checkout.termsUrl !== 'string' || checkout.termsUrl === '')
			throw fieldError('checkout.termsUrl', 'The TermsUrl field is required.');
		const integrationType = String(checkout.integrationType ?? 'EmbeddedCheckout');
		if (!['EmbeddedCheckout', 'HostedPaymentPage'].includes(integrationType))
			throw fieldError('checkout.integrationType', `'${integrationType}' is not valid.`);
		if (integrationType === 'HostedPaymentPage' && !checkout.returnUrl)
			throw fieldError('checkout.returnUrl', 'ReturnUrl is required for a hosted payment page.');
		if (integrationType === 'EmbeddedCheckout' && !checkout.url)
			throw fieldError('checkout.url', 'Url is required for an embedded checkout.');
		const webhooks = this.webhooks(body.notifications);
		const now = this.options.now();
		let expiresAt = now + 48 * 3600_000;
		if (checkout.expiresAt !== undefined) {
			const at = Date.parse(String(checkout.expiresAt));
			if (Number.isNaN(at) || at <= now || at > now + 45 * 86_400_000)
				throw fieldError('checkout.expiresAt', 'ExpiresAt must be in the next 45 days.');
			expiresAt = at;
		}
		const consumer = (checkout.consumer ?? {}) as Record<string, unknown>;
		const payment: CheckoutPayment = {
			paymentId: this.newId(),
			created: now,
			expiresAt,
			order: {
				amount: amount as number,
				currency: order.currency,
				reference: typeof order.reference === 'string' ? order.reference : undefined,
				items,
			},
			checkout: {
				url: String(checkout.url ?? ''),
				returnUrl: checkout.returnUrl as string | undefined,
				cancelUrl: checkout.cancelUrl as string | undefined,
				termsUrl: checkout.termsUrl,
				integrationType,
				charge: checkout.charge === true,
			},
			email: typeof consumer.email === 'string' ? consumer.email : undefined,
			myReference: typeof body.myReference === 'string' ? body.myReference : undefined,
			webhooks,
			reserved: 0,
			cancelled: 0,
			charges: [],
			refunds: [],
			reads: [],
		};
		this.payments.set(payment.paymentId, payment);
		void this.notify(payment, 'payment.created', {
			order: this.orderData(payment),
			...(payment.myReference ? { myReference: payment.myReference } : {}),
		});
		return json(201, {
			paymentId: payment.paymentId,
			expiresAt: new Date(expiresAt).toISOString(),
			...(integrationType === 'HostedPaymentPage'
				? { hostedPaymentPageUrl: `${baseUrl}${HPP_PATH}/?pid=${payment.paymentId}` }
				: {}),
		});
	}

	private orderItems(value: unknown, field: string): OrderItem[] {
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) throw fieldError(field, 'Order items must be a list.');
		return value.map((raw, index) => {
			const item = (raw ?? {}) as Record<string, unknown>;
			const at = `${field}[${index}]`;
			for (const name of ['reference', 'name', 'unit'])
				if (typeof item[name] !== 'string' || item[name] === '' || String(item[name]).length > 128)
					throw fieldError(
						`${at}.${name}`,
						`The ${name} field is required (at most 128 characters).`,
					);
			for (const name of ['unitPrice', 'grossTotalAmount', 'netTotalAmount'])
				if (!Number.isInteger(item[name]))
					throw fieldError(
						`${at}.${name}`,
						`The ${name} field is required and must be an integer.`,
					);
			if (typeof item.quantity !== 'number' || item.quantity < 0)
				throw fieldError(`${at}.quantity`, 'Quantity must be a number of at least 0.');
			const taxRate = item.taxRate === undefined ? 0 : item.taxRate;
			if (!Number.isInteger(taxRate) || (taxRate as number) < 0 || (taxRate as number) > 99999)
				throw fieldError(`${at}.taxRate`, 'TaxRate must be an integer from 0 to 99999.');
			const net = Math.round((item.unitPrice as number) * item.quantity);
			const tax = (item.taxAmount as number | undefined) ?? 0;
			if (item.netTotalAmount !== net)
				throw fieldError(
					`${at}.netTotalAmount`,
					`NetTotalAmount must be unitPrice × quantity (${net}).`,
				);
			if (item.grossTotalAmount !== net + tax)
				throw fieldError(
					`${at}.grossTotalAmount`,
					`GrossTotalAmount must be netTotalAmount + taxAmount (${net + tax}).`,
				);
			return { ...item, taxRate } as unknown as OrderItem;
		});
	}

	private webhooks(notifications: unknown): Webhook[] {
		if (notifications === undefined || notifications === null) return [];
		const list = (notifications as Record<string, unknown>).webHooks;
		if (!Array.isArray(list)) return [];
		if (list.length > 32)
			throw fieldError('notifications.webHooks', 'At most 32 webhooks can be set.');
		return list.map((raw, index) => {
			const hook = (raw ?? {}) as Record<string, unknown>;
			const at = `notifications.webHooks[${index}]`;
			if (typeof hook.eventName !== 'string' || !EVENT_NAMES.has(hook.eventName))
				throw fieldError(
					`${at}.eventName`,
					`'${String(hook.eventName)}' is not a valid event name.`,
				);
			const url = typeof hook.url === 'string' ? hook.url : '';
			let parsed: URL | undefined;
			try {
				parsed = new URL(url);
			} catch {
				parsed = undefined;
			}
			// HTTPS, as Checkout requires; a local sandbox cannot reach the internet anyway, so
			// plain HTTP is allowed for this machine's own addresses only.
			const local = parsed && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
			if (!parsed || (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:')))
				throw fieldError(`${at}.url`, 'Url must be HTTPS.');
			if (url.length > 256 || /[<>'"&\\]/.test(url))
				throw fieldError(`${at}.url`, 'Url must be at most 256 characters, without < > \' " & \\.');
			const authorization = hook.authorization;
			if (
				authorization !== undefined &&
				(typeof authorization !== 'string' || !/^[A-Za-z0-9]{8,64}$/.test(authorization))
			)
				throw fieldError(
					`${at}.authorization`,
					'Authorization must be 8 to 64 characters, letters and digits only.',
				);
			return { eventName: hook.eventName, url, authorization: authorization as string | undefined };
		});
	}

	private read(payment: CheckoutPayment): SandboxResponse {
		const now = this.options.now();
		payment.reads = payment.reads.filter((at) => at > now - 3600_000);
		if (this.options.readsPerHour > 0 && payment.reads.length >= this.options.readsPerHour)
			return json(429);
		payment.reads.push(now);
		return json(200, { payment: this.render(payment) });
	}

	private money(payment: CheckoutPayment) {
		const charged = payment.charges.reduce((sum, c) => sum + c.amount, 0);
		const refunded = payment.refunds
			.filter((r) => r.state === 'Completed')
			.reduce((sum, r) => sum + r.amount, 0);
		const refunding = payment.refunds
			.filter((r) => r.state !== 'Cancelled')
			.reduce((sum, r) => sum + r.amount, 0);
		return { charged, refunded, refunding };
	}

	render(payment: CheckoutPayment): Record<string, unknown> {
		const { charged, refunded } = this.money(payment);
		const all = this.options.variant;
		const summary: Record<string, number> = {};
		const put = (name: string, value: number) => {
			if (all || value !== 0) summary[name] = value;
		};
		put('reservedAmount', payment.reserved);
		put('chargedAmount', charged);
		put('refundedAmount', refunded);
		put('cancelledAmount', payment.cancelled);
		const paid = payment.reserved > 0;
		return {
			paymentId: payment.paymentId,
			summary,
			consumer: {
				shippingAddress: {},
				company: {},
				privatePerson: paid
					? {
							firstName: 'Ada',
							lastName: 'Lovelace',
							email: payment.email ?? 'ada@example.com',
							phoneNumber: { prefix: '+46', number: '701234567' },
						}
					: {},
				billingAddress: {},
			},
			paymentDetails: paid
				? {
						paymentType: 'CARD',
						paymentMethod: 'Visa',
						invoiceDetails: {},
						cardDetails: { maskedPan: '492500******0004', expiryDate: '1230' },
					}
				: { invoiceDetails: {}, cardDetails: {} },
			orderDetails: {
				amount: payment.order.amount,
				currency: payment.order.currency,
				...(payment.order.reference ? { reference: payment.order.reference } : {}),
			},
			checkout: {
				url: payment.checkout.url,
				...(payment.checkout.cancelUrl ? { cancelUrl: payment.checkout.cancelUrl } : {}),
			},
			created: new Date(payment.created).toISOString(),
			...(payment.reserved === 0 ? { expiresAt: new Date(payment.expiresAt).toISOString() } : {}),
			...(payment.charges.length
				? {
						charges: payment.charges.map((c) => ({
							chargeId: c.chargeId,
							amount: c.amount,
							created: new Date(c.created).toISOString(),
							orderItems: c.orderItems,
						})),
					}
				: {}),
			...(payment.refunds.length
				? {
						refunds: payment.refunds.map((r) => ({
							refundId: r.refundId,
							amount: r.amount,
							state: r.state,
							lastUpdated: new Date(r.lastUpdated).toISOString(),
							orderItems: r.orderItems,
						})),
					}
				: {}),
			...(payment.terminated ? { terminated: new Date(payment.terminated).toISOString() } : {}),
			...(payment.myReference ? { myReference: payment.myReference } : {}),
		};
	}

	private updateReference(
		payment: CheckoutPayment,
		body: Record<string, unknown>,
	): SandboxResponse {
		if (typeof body.checkoutUrl !== 'string' || body.checkoutUrl === '')
			throw fieldError('checkoutUrl', 'The CheckoutUrl field is required.');
		if (typeof body.reference !== 'string' || body.reference === '')
			throw fieldError('reference', 'The Reference field is required.');
		if (body.reference.length > 128)
			throw fieldError('reference', 'Reference must be at most 128 characters.');
		payment.checkout.url = body.checkoutUrl;
		payment.order.reference = body.reference;
		return json(204);
	}

	private terminate(payment: CheckoutPayment): SandboxResponse {
		if (payment.reserved > 0)
			throw nexiError(400, '1004', 'The payment is completed and cannot be terminated.');
		if (payment.terminated) throw nexiError(409, '1000', 'The payment is already terminated.');
		payment.terminated = this.options.now();
		return json(204);
	}

	/** The order lines of a charge, refund or cancel: required unless it is for the whole order. */
	private movedItems(
		payment: CheckoutPayment,
		body: Record<string, unknown>,
		amount: number,
		whole: number,
	): OrderItem[] {
		const items = this.orderItems(body.orderItems, 'orderItems');
		if (items.length === 0) {
			if (amount !== whole)
				throw nexiError(400, '1015', 'Order items are required for a partial amount.');
			return payment.order.items;
		}
		const sum = items.reduce((total, item) => total + item.grossTotalAmount, 0);
		if (sum !== amount)
			throw nexiError(
				400,
				'1005',
				`The amount (${amount}) differs from the sum of the order items (${sum}).`,
			);
		return items;
	}

	private amountOf(body: Record<string, unknown>): number {
		if (!Number.isInteger(body.amount)) throw fieldError('amount', 'The Amount field is required.');
		if ((body.amount as number) <= 0) throw nexiError(400, '1002', 'The amount must be above 0.');
		return body.amount as number;
	}

	private charge(payment: CheckoutPayment, body: Record<string, unknown>): SandboxResponse {
		const amount = this.amountOf(body);
		if (payment.reserved === 0 || payment.terminated)
			throw nexiError(402, '1003', 'The payment is not reserved.');
		const { charged } = this.money(payment);
		const left = payment.reserved - payment.cancelled - charged;
		if (amount > left)
			throw nexiError(402, '1001', `Charge amount exceeds the remaining reservation (${left}).`);
		const items = this.movedItems(payment, body, amount, payment.order.amount);
		const chargeId = this.newId();
		payment.charges.push({ chargeId, amount, created: this.options.now(), orderItems: items });
		if (body.finalCharge === true) payment.cancelled += left - amount;
		this.notifyCharge(payment, chargeId, amount, items);
		return json(201, { chargeId });
	}

	private notifyCharge(
		payment: CheckoutPayment,
		chargeId: string,
		amount: number,
		items: OrderItem[],
	): void {
		void this.notify(
			payment,
			'payment.charge.created.v2',
			{
				chargeId,
				orderItems: items,
				paymentMethod: 'Visa',
				paymentType: 'CARD',
				amount: this.moneyData(payment, amount),
			},
			chargeId,
		);
	}

	private refund(
		payment: CheckoutPayment,
		body: Record<string, unknown>,
		chargeId?: string,
	): SandboxResponse {
		const amount = this.amountOf(body);
		const { charged, refunding } = this.money(payment);
		if (charged === 0)
			throw nexiError(402, '1009', 'Nothing was charged, so nothing can be refunded.');
		let left = charged - refunding;
		let whole = charged;
		if (chargeId) {
			const charge = payment.charges.find((c) => c.chargeId === chargeId)!;
			const fromCharge = payment.refunds
				.filter((r) => r.chargeId === chargeId && r.state !== 'Cancelled')
				.reduce((sum, r) => sum + r.amount, 0);
			left = Math.min(left, charge.amount - fromCharge);
			whole = charge.amount;
		}
		if (left <= 0) throw nexiError(402, '1023', 'The payment is already refunded.');
		if (amount > left)
			throw nexiError(402, '1009', `The refund amount exceeds what can be refunded (${left}).`);
		const items = this.movedItems(payment, body, amount, whole);
		const refundId = this.newId();
		const pending = this.options.pendingRefunds;
		payment.refunds.push({
			refundId,
			chargeId,
			amount,
			state: pending ? 'Pending' : 'Completed',
			lastUpdated: this.options.now(),
			orderItems: items,
		});
		const data = {
			refundId,
			...(chargeId ? { chargeId } : {}),
			amount: this.moneyData(payment, amount),
		};
		void this.notify(payment, 'payment.refund.initiated.v2', data, refundId).then(async () => {
			if (!pending)
				// Its own event id; the variant gives it the refund's, as the initiated event has.
				await this.notify(
					payment,
					'payment.refund.completed',
					{ refundId, amount: data.amount },
					this.options.variant ? refundId : undefined,
				);
		});
		return json(201, { refundId });
	}

	private cancel(payment: CheckoutPayment, body: Record<string, unknown>): SandboxResponse {
		const amount = this.amountOf(body);
		if (payment.reserved === 0 || payment.terminated)
			throw nexiError(402, '1003', 'The payment is not reserved.');
		const { charged } = this.money(payment);
		const left = payment.reserved - payment.cancelled - charged;
		if (left <= 0) throw nexiError(400, '1019', 'Nothing is left to cancel.');
		if (amount > left)
			throw nexiError(400, '1007', `Only the amount not charged (${left}) can be cancelled.`);
		const items = this.movedItems(payment, body, amount, payment.order.amount);
		payment.cancelled += amount;
		const cancelId = this.newId();
		void this.notify(
			payment,
			'payment.cancel.created',
			{ cancelId, orderItems: items, amount: this.moneyData(payment, amount) },
			cancelId,
		);
		return json(204);
	}

	// ---- the customer ---------------------------------------------------------------------

	/** The customer completes the hosted payment page: the order's amount is reserved (and charged with charge: true). */
	async pay(
		paymentId: string,
		outcome: 'paid' | 'declined' = 'paid',
		options: DeliveryOptions = {},
	): Promise<{ paymentId: string; deliveries: CheckoutDelivery[] }> {
		const payment = this.find(paymentId);
		if (!payment) throw new Error(`No payment ${paymentId}`);
		if (payment.reserved > 0 || payment.terminated)
			throw new Error(`Payment ${paymentId} is already completed or terminated`);
		const first = this.deliveries.length;
		const amount = this.moneyData(payment, payment.order.amount);
		if (outcome === 'declined') {
			await this.notify(
				payment,
				'payment.reservation.failed',
				{
					error: { code: '33', message: 'Refused by issuer', source: 'Issuer' },
					orderItems: payment.order.items,
					amount,
				},
				undefined,
				options,
			);
			return { paymentId: payment.paymentId, deliveries: this.deliveries.slice(first) };
		}
		payment.reserved = payment.order.amount;
		await this.notify(
			payment,
			'payment.reservation.created.v2',
			{ paymentMethod: 'Visa', paymentType: 'CARD', amount },
			undefined,
			options,
		);
		await this.notify(
			payment,
			'payment.checkout.completed',
			{
				order: this.orderData(payment),
				consumer: {
					firstName: 'Ada',
					lastName: 'Lovelace',
					email: payment.email ?? 'ada@example.com',
					ip: '192.0.2.10',
					country: 'SWE',
					phoneNumber: { prefix: '+46', number: '701234567' },
					billingAddress: {
						addressLine1: 'Storgatan 1',
						city: 'Stockholm',
						country: 'SWE',
						postcode: '11122',
						receiverLine: 'Ada Lovelace',
					},
				},
			},
			undefined,
			options,
		);
		if (payment.checkout.charge) {
			const chargeId = this.newId();
			payment.charges.push({
				chargeId,
				amount: payment.order.amount,
				created: this.options.now(),
				orderItems: payment.order.items,
			});
			this.notifyCharge(payment, chargeId, payment.order.amount, payment.order.items);
		}
		return { paymentId: payment.paymentId, deliveries: this.deliveries.slice(first) };
	}

	/** The hosted payment page a customer opens, with a Pay button that completes it and returns to the shop. */
	private hostedPage(request: SandboxRequest, baseUrl: string): SandboxResponse {
		const id = request.query.get('pid') ?? '';
		const payment = this.find(id);
		if (!payment)
			return {
				status: 404,
				headers: { 'Content-Type': 'text/html' },
				body: '<p>No such payment</p>',
			};
		if (request.method === 'POST' && request.path.endsWith('/pay')) {
			// The shop's page opens at once; Checkout notifies at about the same time.
			if (payment.reserved === 0 && !payment.terminated)
				void this.pay(payment.paymentId).catch(() => undefined);
			return { status: 303, headers: { Location: this.returnTo(payment) }, body: '' };
		}
		const amount = (payment.order.amount / 100).toFixed(2);
		const done = payment.reserved > 0 || payment.terminated;
		return {
			status: 200,
			headers: { 'Content-Type': 'text/html; charset=utf-8' },
			body: `<!doctype html><title>Nexi Checkout (sandbox)</title><h1>Pay ${amount} ${payment.order.currency}</h1><p>${escapeHtml(payment.order.reference ?? '')}</p>${
				done
					? '<p>This payment is already completed.</p>'
					: `<form method="post" action="${baseUrl}${HPP_PATH}/pay?pid=${payment.paymentId}"><button>Pay</button></form>`
			}`,
		};
	}

	private returnTo(payment: CheckoutPayment): string {
		const target = payment.checkout.returnUrl ?? payment.checkout.url;
		try {
			const url = new URL(target);
			url.searchParams.set('paymentid', payment.paymentId);
			return url.toString();
		} catch {
			return target;
		}
	}

	// ---- webhooks -------------------------------------------------------------------------

	private moneyData(payment: CheckoutPayment, amount: number) {
		return { amount, currency: payment.order.currency };
	}

	private orderData(payment: CheckoutPayment) {
		return {
			amount: this.moneyData(payment, payment.order.amount),
			reference: payment.order.reference ?? '',
			orderItems: payment.order.items,
		};
	}

	/**
	 * Delivers one happening to every webhook of the payment registered for it (and, in the
	 * variant, the legacy name of a `.v2` event to a webhook registered for the `.v2`). Resolves
	 * once each delivery had its first attempt; retries go on in the background.
	 */
	private async notify(
		payment: CheckoutPayment,
		event: string,
		data: Record<string, unknown>,
		id?: string,
		options: DeliveryOptions = {},
	): Promise<void> {
		const legacy = LEGACY_OF[event];
		const eventId = id ?? this.newId();
		const sends: Array<Promise<void>> = [];
		for (const hook of payment.webhooks) {
			const names =
				hook.eventName === event
					? [event, ...(this.options.variant && legacy ? [legacy] : [])]
					: legacy && hook.eventName === legacy
						? [legacy]
						: [];
			for (const name of names) {
				const envelope = {
					id: eventId,
					...(name.endsWith('.v2') && !this.options.variant
						? { merchantNumber: this.options.merchantNumber }
						: { merchantId: this.options.merchantNumber }),
					timestamp: new Date(this.options.now()).toISOString().replace('Z', '+00:00'),
					event: name,
					data: { ...data, paymentId: payment.paymentId },
				};
				const copies = 1 + (options.duplicates ?? 0) + (this.options.variant ? 1 : 0);
				sends.push(this.deliver(payment, hook, envelope, copies, options.together === true));
			}
		}
		await Promise.all(sends);
	}

	private async deliver(
		payment: CheckoutPayment,
		hook: Webhook,
		envelope: { id: string; event: string },
		copies: number,
		together: boolean,
	): Promise<void> {
		const body = JSON.stringify(envelope);
		const attempt = async (n: number): Promise<number> => {
			let status = 0;
			try {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						...(hook.authorization ? { Authorization: hook.authorization } : {}),
					},
					body,
					signal: AbortSignal.timeout(10_000),
				});
				status = response.status;
				await response.text();
			} catch {
				status = 0;
			}
			this.deliveries.push({
				paymentId: payment.paymentId,
				id: envelope.id,
				event: envelope.event,
				url: hook.url,
				attempt: n,
				status,
				at: this.options.now(),
			});
			return status;
		};
		// Checkout tries again, later each time, until it gets exactly 200.
		const untilAccepted = async (first: number): Promise<void> => {
			for (let n = 2; first !== 200 && n <= this.options.maxAttempts; n++) {
				await pause(this.options.retryDelayMs * (n - 1));
				if ((await attempt(n)) === 200) return;
			}
		};
		const firsts = together
			? await Promise.all(Array.from({ length: copies }, async () => await attempt(1)))
			: await (async () => {
					const statuses: number[] = [];
					for (let i = 0; i < copies; i++) statuses.push(await attempt(1));
					return statuses;
				})();
		if (!firsts.includes(200)) void untilAccepted(firsts[firsts.length - 1]);
	}
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
