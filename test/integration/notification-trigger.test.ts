import { DateTime } from 'luxon';

import type { Sandbox } from '../../sandbox/server';
import type { DeliveryRecord } from '../../sandbox/xpay/outcome';
import { setClock } from '../helpers/clock';
import { WebhookServer, type WebhookOptions } from '../helpers/harness';
import { useSandbox, xpayCredentials } from '../helpers/sandbox';

/**
 * The Nexi XPay Notification Trigger served as n8n serves a webhook (n8n-core's WebhookContext
 * in an Express app, static data reloaded and saved around each call), with the sandbox
 * paying PayMail links whose return URL (and notification URL) is the trigger's URL.
 */
const holder = useSandbox();
const sandbox = () => holder.current as Sandbox;

/**
 * The logger n8n-core hands a node (`this.logger`): its own copies of @n8n/di and
 * @n8n/backend-common, resolved from where n8n-core is installed.
 */
function n8nLogger(): { warn: (message: string) => void } {
	const from = { paths: [require.resolve('n8n-core')] };
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { Container } = require(require.resolve('@n8n/di', from));
	const { Logger } = require(require.resolve('@n8n/backend-common', from));
	/* eslint-enable @typescript-eslint/no-require-imports */
	return Container.get(Logger);
}

const TYPE = 'n8n-nodes-nexi.nexiXPayNotificationTrigger';
const servers: WebhookServer[] = [];

async function trigger(
	parameters: WebhookOptions['parameters'] = {},
	extra: Partial<WebhookOptions> = {},
): Promise<WebhookServer> {
	const server = await new WebhookServer({
		type: TYPE,
		parameters,
		credentials: xpayCredentials(sandbox()),
		...extra,
	}).start();
	servers.push(server);
	return server;
}

afterAll(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
});

let counter = 0;
/** A PayMail link whose return URL (and notification URL, unless told otherwise) is the trigger's. */
function link(server: WebhookServer, importo: number, extras: Record<string, string> = {}): string {
	const code = `NOTIFY-${++counter}-${Date.now()}`;
	sandbox().xpay.createLink(code, importo, 24, server.url, {
		mail: 'anna.verdi@example.com',
		nome: 'Anna',
		cognome: 'Verdi',
		descrizione: 'Invoice 2026-042',
		urlpost: server.url,
		...extras,
	});
	return code;
}

const byWay = (deliveries: DeliveryRecord[], way: 'browser' | 'server') =>
	deliveries.filter((delivery) => delivery.way === way);

describe('a paid link: one execution, whichever way and however often the outcome arrives', () => {
	test('both ways, once each: one item with the exact amount, the customer, and the raw fields', async () => {
		const server = await trigger();
		const code = link(server, 1999);
		const { deliveries } = await sandbox().xpay.payAndDeliver(code, 'paid');
		const order = sandbox().xpay.orders.get(code)!;

		expect(deliveries.map(({ way, status }) => [way, status])).toEqual([
			['browser', 200],
			['server', 200],
		]);
		expect(byWay(deliveries, 'browser')[0].body).toContain('Your payment was received.');
		expect(byWay(deliveries, 'browser')[0].body).toContain(code);
		expect(byWay(deliveries, 'server')[0].body).toBe('OK');

		expect(server.executions).toHaveLength(1);
		const [item] = server.executions;
		const paidAt = DateTime.fromMillis(order.createdAt, { zone: 'Europe/Rome' })
			.startOf('second')
			.toISO({ suppressMilliseconds: true });
		expect(item.json).toEqual({
			transactionCode: code,
			status: 'paid',
			amount: 19.99,
			amountMinor: 1999,
			currency: 'EUR',
			authorizationCode: order.codiceAutorizzazione,
			paidAt,
			outcomeAt: paidAt,
			brand: order.brand,
			maskedPan: order.pan || null,
			customer: { email: 'anna.verdi@example.com', firstName: 'Anna', lastName: 'Verdi' },
			description: 'Invoice 2026-042',
			nexiCode: '0',
			nexiMessage: 'Message OK',
			deliveredBy: 'browser',
			raw: expect.objectContaining({ codTrans: code, esito: 'OK', importo: '1999', divisa: 'EUR' }),
		});
		expect(JSON.stringify(server.executions)).not.toContain(sandbox().xpay.options.macKey);
	});

	test('duplicated deliveries both ways (XPay repeating itself, a reloaded page): still one execution', async () => {
		const server = await trigger();
		const code = link(server, 4250);
		const { deliveries } = await sandbox().xpay.payAndDeliver(code, 'paid', { duplicates: 2 });
		expect(deliveries).toHaveLength(6);
		expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
		expect(server.executions.map((item) => item.json.transactionCode)).toEqual([code]);
	});

	test('deliveries arriving together (the server racing the browser, each twice): still one execution', async () => {
		const server = await trigger();
		const code = link(server, 2500);
		const { deliveries } = await sandbox().xpay.payAndDeliver(code, 'paid', {
			together: true,
			duplicates: 1,
		});
		expect(deliveries.map(({ status }) => status)).toEqual([200, 200, 200, 200]);
		expect(server.executions.map((item) => item.json.transactionCode)).toEqual([code]);
		// The memory n8n saves holds the payment too, for deliveries after a restart.
		expect(Object.keys(JSON.parse(server.staticData)['node:Notification'].delivered)).toContain(
			`${code}|OK|${sandbox().xpay.orders.get(code)!.codiceAutorizzazione}`,
		);
	});

	test('a late delivery, after n8n restarted in between: nothing more starts', async () => {
		const server = await trigger();
		const code = link(server, 700, { urlpost: '' });
		await sandbox().xpay.payAndDeliver(code, 'paid', { ways: ['browser'] });
		expect(server.executions).toHaveLength(1);

		// n8n restarts: nothing survives but the static data it saved. The outcome arrives again
		// at the new address eleven minutes later, when even this test process's claim on it has
		// lapsed (as in a restarted n8n): only the saved memory can stop it.
		const saved = server.staticData;
		await server.close();
		setClock(Date.now() + 11 * 60_000);
		const restarted = await trigger({}, { staticData: saved });
		sandbox().xpay.links.get(code)!.returnUrl = restarted.url;
		sandbox().xpay.links.get(code)!.extras.urlpost = restarted.url;
		const { deliveries } = await sandbox().xpay.redeliver(code);
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
		expect(restarted.executions).toEqual([]);
		jest.useRealTimers();
	});

	test('the memory stays small: outcomes older than 30 days are forgotten', async () => {
		const server = await trigger();
		const old = Date.now() - 31 * 86_400_000;
		server.staticData = JSON.stringify({
			'node:Notification': { delivered: { 'OLD-1|OK|123456': old, 'OLD-2|OK|654321': old } },
		});
		const code = link(server, 100);
		await sandbox().xpay.payAndDeliver(code, 'paid');
		const delivered = JSON.parse(server.staticData)['node:Notification'].delivered;
		expect(Object.keys(delivered)).toEqual([
			`${code}|OK|${sandbox().xpay.orders.get(code)!.codiceAutorizzazione}`,
		]);
	});
});

describe('declined, and where the customer goes', () => {
	test('a declined payment: status declined, no authorization code, the customer sent to the not-paid page', async () => {
		const server = await trigger({
			redirect: 'myPages',
			paidUrl: 'https://shop.example/thanks?order={transactionCode}',
			notPaidUrl: 'https://shop.example/failed?order={transactionCode}',
		});
		const code = link(server, 5000);
		const { deliveries } = await sandbox().xpay.payAndDeliver(code, 'declined');
		expect(byWay(deliveries, 'browser')[0]).toMatchObject({
			status: 303,
			location: `https://shop.example/failed?order=${encodeURIComponent(code)}`,
		});
		expect(byWay(deliveries, 'server')[0]).toMatchObject({ status: 200, body: 'OK' });
		expect(server.executions.map((item) => item.json)).toEqual([
			expect.objectContaining({
				transactionCode: code,
				status: 'declined',
				amount: 50,
				authorizationCode: null,
				paidAt: null,
				nexiMessage: 'Autorizzazione negata',
			}),
		]);
	});

	test('a paid one goes to the page after payment', async () => {
		const server = await trigger({
			redirect: 'myPages',
			paidUrl: 'https://shop.example/thanks?order={transactionCode}',
			notPaidUrl: 'https://shop.example/failed',
		});
		const code = link(server, 5000, { urlpost: '' });
		const { deliveries } = await sandbox().xpay.payAndDeliver(code, 'paid');
		expect(deliveries).toEqual([
			expect.objectContaining({
				status: 303,
				location: `https://shop.example/thanks?order=${encodeURIComponent(code)}`,
			}),
		]);
	});

	test('Only Paid Payments: a declined outcome starts nothing, and the customer still gets a page', async () => {
		const server = await trigger({ options: { paidOnly: true } });
		const declined = link(server, 300);
		const paid = link(server, 400);
		const { deliveries } = await sandbox().xpay.payAndDeliver(declined, 'declined');
		await sandbox().xpay.payAndDeliver(paid, 'paid');
		expect(byWay(deliveries, 'browser')[0].body).toContain('Your payment was not completed.');
		expect(server.executions.map((item) => [item.json.transactionCode, item.json.status])).toEqual([
			[paid, 'paid'],
		]);
	});
});

describe('nothing is trusted before its MAC is verified', () => {
	test.each([
		['a tampered amount', { tamper: true }, 401],
		['a MAC made with another key', { wrongKey: true }, 401],
		// A browser sent back without a MAC is how XPay returns a customer who cancelled: a page
		// that claims nothing. XPay's server is never unsigned: 401.
		['no MAC at all', { noMac: true }, 200],
	])('%s: refused, no execution, and no word on why', async (_name, fault, browserStatus) => {
		const server = await trigger();
		const code = link(server, 999);
		const { deliveries } = await sandbox().xpay.payAndDeliver(code, 'paid', fault);
		const [browser, notification] = deliveries;
		expect(notification.way).toBe('server');
		expect([notification.status, notification.body]).toEqual([401, 'Not verified']);
		expect(browser.status).toBe(browserStatus);
		if (browserStatus === 401) expect(browser.body).toBe('Not verified');
		else {
			expect(browser.body).toContain('This page cannot confirm a payment.');
			expect(browser.body).not.toContain('received');
		}
		expect(server.executions).toEqual([]);
		expect(server.staticData).toBe('{}');

		// The genuine outcome afterwards still gets through, once.
		await sandbox().xpay.redeliver(code);
		expect(server.executions).toHaveLength(1);
	});

	test('a request without all the fields the MAC covers: 401, whatever else it says', async () => {
		const server = await trigger();
		const code = link(server, 999, { urlpost: '' });
		await sandbox().xpay.payAndDeliver(code, 'paid', { ways: ['browser'] });
		expect(server.executions).toHaveLength(1);

		const probe = `${server.url}?codTrans=${code}&esito=OK&importo=999&divisa=EUR&data=20261202&orario=120000&mac=abc`;
		const response = await fetch(probe);
		expect([response.status, await response.text()]).toEqual([401, 'Not verified']);
		const post = await fetch(server.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ codTrans: code, esito: 'OK', mac: 'x' }),
		});
		expect(post.status).toBe(401);
		expect(server.executions).toHaveLength(1);
	});
});

describe("a customer who cancels on XPay's page comes back unsigned", () => {
	const cancelled = (url: string, code: string) =>
		`${url}?codTrans=${encodeURIComponent(code)}&esito=ANNULLO&importo=999&divisa=EUR`;

	test('the browser gets a page that claims nothing, and nothing starts', async () => {
		const server = await trigger();
		for (const url of [cancelled(server.url, 'ORD-CANCEL-1'), server.url]) {
			const response = await fetch(url, { headers: { Accept: 'text/html' } });
			const page = await response.text();
			expect(response.status).toBe(200);
			expect(page).toContain('Payment not confirmed');
			expect(page).not.toMatch(/received|not completed/);
		}
		expect(server.executions).toEqual([]);
		expect(server.staticData).toBe('{}');
	});

	test("with My Pages, the browser goes to the user's page for payments not made", async () => {
		const server = await trigger({
			redirect: 'myPages',
			paidUrl: 'https://shop.example/thanks?order={transactionCode}',
			notPaidUrl: 'https://shop.example/not-paid?order={transactionCode}',
		});
		const response = await fetch(cancelled(server.url, 'ORD-CANCEL-2'), { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(
			'https://shop.example/not-paid?order=ORD-CANCEL-2',
		);
		expect(server.executions).toEqual([]);
	});

	test('a server-to-server post without a MAC still gets 401', async () => {
		const server = await trigger();
		const response = await fetch(server.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'codTrans=ORD-CANCEL-3&esito=OK&importo=999&divisa=EUR',
		});
		expect([response.status, await response.text()]).toEqual([401, 'Not verified']);
		expect(server.executions).toEqual([]);
	});
});

describe('listening for a test event, and activation', () => {
	test('"Listen for test event" shows every outcome it gets and leaves the memory alone', async () => {
		const server = await trigger({}, { mode: 'manual' });
		const code = link(server, 1234, { urlpost: '' });
		await sandbox().xpay.payAndDeliver(code, 'paid', { duplicates: 1 });
		expect(server.executions).toHaveLength(2);
		expect(server.staticData).toBe('{}');
	});

	test('activation checks the alias and MAC key with XPay: a key XPay rejects stops it with a clear error', async () => {
		const good = new WebhookServer({
			type: TYPE,
			parameters: {},
			credentials: xpayCredentials(sandbox()),
		});
		await expect(good.activate()).resolves.toBeUndefined();

		const wrongKey = new WebhookServer({
			type: TYPE,
			parameters: {},
			credentials: xpayCredentials(sandbox(), { macKey: 'not-the-key' }),
		});
		await expect(wrongKey.activate()).rejects.toThrow(
			"Nexi XPay could not accept the alias and MAC key this trigger checks payment outcomes with: the answer's MAC does not match, so it is not trusted (it reports error 3, wrong MAC: the MAC Key in the credential is probably not the one of this alias)",
		);
	});

	test('XPay out of reach at activation does not stop the trigger (outcomes carry their own proof), but warns', async () => {
		const warn = jest.spyOn(n8nLogger(), 'warn');
		const credentials = xpayCredentials(sandbox(), { baseUrl: 'http://127.0.0.1:9' });
		const unreachable = new WebhookServer({ type: TYPE, parameters: {}, credentials });
		await expect(unreachable.activate()).resolves.toBeUndefined();
		const warnings = warn.mock.calls.map(([message]) => String(message));
		warn.mockRestore();
		expect(warnings).toEqual([
			expect.stringContaining(
				'the MAC key could not be checked at activation (the connection failed',
			),
		]);
		expect(warnings[0]).toContain('XPay may cancel a payment whose notification failed');
		expect(warnings[0]).not.toContain(String(credentials.nexiXPayApi.macKey));
	}, 60_000);

	test('a key XPay accepts: activation says nothing', async () => {
		const warn = jest.spyOn(n8nLogger(), 'warn');
		await trigger().then(async (server) => await server.activate());
		expect(warn).not.toHaveBeenCalled();
		warn.mockRestore();
	});
});

describe('the variant sandbox: a JSON notification without the customer fields', () => {
	const variant = useSandbox({ variant: true });

	test('one execution; the customer is null where XPay sent none', async () => {
		const server = await trigger({}, { credentials: xpayCredentials(variant.current) });
		const code = `VARIANT-${Date.now()}`;
		variant.current.xpay.createLink(code, 2500, 24, server.url, { urlpost: server.url });
		const { deliveries } = await variant.current.xpay.payAndDeliver(code, 'paid');
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
		expect(server.executions.map((item) => item.json)).toEqual([
			expect.objectContaining({
				transactionCode: code,
				status: 'paid',
				amount: 25,
				customer: { email: null, firstName: null, lastName: null },
				description: null,
			}),
		]);
	});

	test('a declined payment sent without codAut, both ways at once: verified, one execution', async () => {
		const server = await trigger({}, { credentials: xpayCredentials(variant.current) });
		const code = `VARIANT-KO-${Date.now()}`;
		variant.current.xpay.createLink(code, 1200, 24, server.url, { urlpost: server.url });
		const { deliveries } = await variant.current.xpay.payAndDeliver(code, 'declined');
		expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
		expect(server.executions.map((item) => item.json)).toEqual([
			expect.objectContaining({
				transactionCode: code,
				status: 'declined',
				authorizationCode: null,
			}),
		]);
		expect(server.executions[0].json.raw).not.toHaveProperty('codAut');
	});
});
