// Nexi XPay Trigger with Authentication = API Key: paid payment links and new operations, each
// once across checks, restarts and late records, through n8n-core's PollContext.
import type { IDataObject } from 'n8n-workflow';

import { Poller } from '../helpers/harness';
import { useSandbox } from '../helpers/sandbox';

jest.mock('../../nodes/common/retry', () => {
	const actual = jest.requireActual('../../nodes/common/retry');
	return {
		...actual,
		READ_RETRY_POLICY: { retries: 4, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 60_000 },
	};
});

const sandbox = useSandbox();
const key = () => sandbox.current.xpayKey;

const credentials = () => ({
	nexiXPayKeyApi: {
		environment: 'custom',
		baseUrl: sandbox.current.url,
		apiKey: key().options.apiKey,
	},
});

function trigger(event: string, options: IDataObject = {}) {
	return new Poller({
		type: 'n8n-nodes-nexi.nexiXPayTrigger',
		typeVersion: 2,
		parameters: { authentication: 'apiKey', event, lookbackDays: 7, options },
		credentials: credentials(),
	});
}

/** A payment link created through the API, as Payment Link → Create makes it. */
async function createLink(orderId: string, amount: number, extra: Record<string, unknown> = {}) {
	const response = await fetch(
		`${sandbox.current.url}/api/phoenix-0.0/psp/api/v1/orders/paybylink`,
		{
			method: 'POST',
			headers: {
				'X-API-KEY': key().options.apiKey,
				'Correlation-Id': '00000000-0000-4000-8000-000000000001',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({
				order: { orderId, amount: String(amount), currency: 'EUR', ...extra },
				paymentSession: { actionType: 'PAY', amount: String(amount) },
				expirationDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
			}),
		},
	);
	return ((await response.json()) as { paymentLink: { linkId: string } }).paymentLink.linkId;
}

beforeEach(() => {
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
});

describe('Payment Link Paid', () => {
	test('baseline, then each paid link once, with the customer and description', async () => {
		const old = await createLink('T-OLD', 1000);
		key().payLink(old);
		const poller = trigger('paymentLinkPaid');
		expect(await poller.poll()).toBeNull();

		const first = await createLink('T-1', 1999, {
			description: 'Invoice 7',
			customerInfo: { cardHolderName: 'Ada Lovelace', cardHolderEmail: 'ada@example.com' },
		});
		const declined = await createLink('T-2', 500);
		key().payLink(first);
		key().payLink(declined, 'DECLINED');
		const items = await poller.poll();
		expect(items?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				linkId: first,
				orderId: 'T-1',
				status: 'paid',
				amount: 19.99,
				amountMinor: 1999,
				currency: 'EUR',
				customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
				description: 'Invoice 7',
				orderStatus: 'authorized',
			}),
		]);
		// Captured since: still the same paid link, not emitted again; across a restart neither.
		expect(await poller.poll()).toBeNull();
		poller.restart();
		expect(await poller.poll()).toBeNull();
	});

	test('Fetch Test Event shows the latest paid link and changes nothing', async () => {
		const poller = trigger('paymentLinkPaid');
		const linkId = await createLink('T-SAMPLE', 700);
		key().payLink(linkId);
		const sample = await poller.poll('manual');
		expect(sample?.[0].json).toMatchObject({ linkId, orderId: 'T-SAMPLE' });
		expect(poller.staticData).toEqual({});
	});
});

describe('New Operation', () => {
	test('each capture, refund and authorization once; a late one (older time, seen later) too', async () => {
		const poller = trigger('newOperation', { emitExisting: false });
		key().addOrder({ orderId: 'N-0', amount: 100 });
		expect(await poller.poll()).toBeNull();

		key().addOrder({ orderId: 'N-1', amount: 1000 });
		// An operation XPay shows only now, dated two hours ago: inside the window, so seen once.
		key().addOrder({ orderId: 'N-LATE', amount: 300, at: Date.now() - 2 * 3600_000 });
		const items = await poller.poll();
		expect(items?.map((item) => item.json.orderId).sort()).toEqual(['N-1', 'N-LATE']);
		expect(items?.every((item) => item.json.type === 'AUTHORIZATION')).toBe(true);
		expect(await poller.poll()).toBeNull();
	});

	test('Emit Existing on Activation emits the window once', async () => {
		const poller = trigger('newOperation', { emitExisting: true });
		const first = await poller.poll();
		expect(first?.length).toBeGreaterThan(0);
		expect(await poller.poll()).toBeNull();
	});

	test('a failed check changes nothing: the next one emits what is new', async () => {
		const poller = trigger('newOperation');
		expect(await poller.poll()).toBeNull();
		key().addOrder({ orderId: 'N-FAIL', amount: 100 });
		sandbox.current.faults.configure({}, [{ fault: 'error500', match: '/operations', times: 20 }]);
		await expect(poller.poll()).rejects.toThrow();
		sandbox.current.faults.clear();
		const items = await poller.poll();
		expect(items?.map((item) => item.json.orderId)).toEqual(['N-FAIL']);
	});
});
