import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import { payPalCaptureId } from '../../sandbox/xpay/state';
import { Poller, runNode, type RunOptions } from '../helpers/harness';
import { useSandbox, xpayCredentials } from '../helpers/sandbox';

/**
 * What a real merchant account may do that the specs guessed about: orders in other currencies,
 * PayPal orders captured in parts, link wordings nobody documented, report lists of another
 * shape, a login page instead of a report, warnings. The default sandbox answers as the specs
 * read; the variant one (useSandbox({ variant: true })) the other plausible way.
 */
const sandbox = useSandbox();
const variant = useSandbox({ variant: true });

async function run(
	where: { current: Sandbox },
	parameters: RunOptions['parameters'],
	typeVersion = 2,
) {
	return await runNode({
		type: 'n8n-nodes-nexi.nexiXPay',
		typeVersion,
		parameters,
		credentials: xpayCredentials(where.current),
	});
}

const bodiesTo = (where: { current: Sandbox }, service: string) =>
	where.current.requests
		.filter((request) => request.path.endsWith(`/${service}`))
		.map((request) => request.body as Record<string, unknown>);

beforeEach(() => {
	for (const where of [sandbox, variant]) {
		where.current.requests.length = 0;
		where.current.faults.clear();
	}
});

describe('captures and refunds send the order’s own currency', () => {
	test('version 2 by default: a CZK order is captured in CZK (203), and the item says what is left', async () => {
		const order = sandbox.current.xpay.addOrder({ importo: 5000, divisa: 'CZK' });
		const { items, error } = await run(sandbox, {
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 12.34,
		});
		expect(error).toBeUndefined();
		expect(bodiesTo(sandbox, 'contabilizza')).toEqual([
			expect.objectContaining({ importo: 1234, divisa: '203' }),
		]);
		expect(items[0].json).toMatchObject({
			currency: 'CZK',
			amount: 12.34,
			amountMinor: 1234,
			orderStatus: 'partially_captured',
			remainingToCapture: 37.66,
			remainingToCaptureMinor: 3766,
			remainingToRefund: 12.34,
			remainingToRefundMinor: 1234,
		});
	});

	test('a full refund of a PLN order leaves nothing to refund or capture', async () => {
		const order = sandbox.current.xpay.addOrder({
			importo: 2599,
			divisa: 'PLN',
			stato: 'Contabilizzato',
		});
		const { items } = await run(sandbox, {
			resource: 'order',
			operation: 'refund',
			transactionCode: order.codiceTransazione,
			amount: 25.99,
			currency: 'PLN',
		});
		expect(bodiesTo(sandbox, 'storna')).toEqual([
			expect.objectContaining({ importo: 2599, divisa: '985' }),
		]);
		expect(items[0].json).toMatchObject({
			currency: 'PLN',
			orderStatus: 'refunded',
			remainingToCapture: 0,
			remainingToCaptureMinor: 0,
			remainingToRefund: 0,
			remainingToRefundMinor: 0,
		});
	});

	test('a currency other than the order’s is refused before anything is sent (version 1 keeps EUR as its default)', async () => {
		const order = sandbox.current.xpay.addOrder({ importo: 5000, divisa: 'CZK' });
		const { error } = await run(
			sandbox,
			{
				resource: 'order',
				operation: 'capture',
				transactionCode: order.codiceTransazione,
				amount: 10,
			},
			1,
		);
		expect(error?.message).toBe(
			'Invalid Currency: got "EUR", expected the order\'s own currency, CZK (or Same as the Order)',
		);
		expect(bodiesTo(sandbox, 'contabilizza')).toEqual([]);
	});

	test('version 1 with Same as the Order chosen takes the order’s currency, and adds nothing to its output', async () => {
		const order = sandbox.current.xpay.addOrder({ importo: 5000, divisa: 'AUD' });
		const { items } = await run(
			sandbox,
			{
				resource: 'order',
				operation: 'capture',
				transactionCode: order.codiceTransazione,
				amount: 50,
				currency: 'order',
			},
			1,
		);
		expect(bodiesTo(sandbox, 'contabilizza')).toEqual([expect.objectContaining({ divisa: '036' })]);
		expect(items[0].json.currency).toBe('AUD');
		expect(items[0].json).not.toHaveProperty('remainingToCapture');
	});

	test('Klarna orders in GBP and DKK are captured and refunded with their own codes (826, 208)', async () => {
		const gbp = sandbox.current.xpay.addOrder({ importo: 4200, divisa: 'GBP', brand: 'Klarna' });
		const dkk = sandbox.current.xpay.addOrder({
			importo: 9900,
			divisa: 'DKK',
			brand: 'Klarna',
			stato: 'Contabilizzato',
		});
		const captured = await run(sandbox, {
			resource: 'order',
			operation: 'capture',
			transactionCode: gbp.codiceTransazione,
			amount: 42,
		});
		const refunded = await run(sandbox, {
			resource: 'order',
			operation: 'refund',
			transactionCode: dkk.codiceTransazione,
			amount: 9.9,
		});
		expect([captured.error, refunded.error]).toEqual([undefined, undefined]);
		expect(bodiesTo(sandbox, 'contabilizza')).toEqual([
			expect.objectContaining({ importo: 4200, divisa: '826' }),
		]);
		expect(bodiesTo(sandbox, 'storna')).toEqual([
			expect.objectContaining({ importo: 990, divisa: '208' }),
		]);
		expect(captured.items[0].json).toMatchObject({
			currency: 'GBP',
			amount: 42,
			amountMinor: 4200,
		});
		expect(refunded.items[0].json).toMatchObject({
			currency: 'DKK',
			amount: 9.9,
			amountMinor: 990,
		});
	});

	test('an order in a currency the node does not list is moved with the code its detail gives (variant)', async () => {
		const order = variant.current.xpay.addOrder({ importo: 15000, divisa: 'SEK' });
		const { items, error } = await run(variant, {
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 150,
		});
		expect(error).toBeUndefined();
		expect(bodiesTo(variant, 'contabilizza')).toEqual([
			expect.objectContaining({ importo: 15000, divisa: '752' }),
		]);
		expect(items[0].json).toMatchObject({ currency: 'SEK', amount: 150, amountMinor: 15000 });
	});

	test('a detail whose code is another known currency’s (a converted one) is never sent (variant)', async () => {
		const order = variant.current.xpay.addOrder({ importo: 15000, divisa: 'SEK' });
		order.codiceValuta = '978';
		const { error } = await run(variant, {
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 150,
		});
		expect(error?.message).toBe(
			`Order ${order.codiceTransazione} is in SEK, but the currency code its detail gives (978) is EUR's`,
		);
		expect(bodiesTo(variant, 'contabilizza')).toEqual([]);
	});

	test('when neither the detail nor the known list gives the code, it is refused before anything is sent', async () => {
		const order = sandbox.current.xpay.addOrder({ importo: 15000, divisa: 'SEK' });
		const { error } = await run(sandbox, {
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 150,
		});
		expect(error?.message).toBe(
			`Order ${order.codiceTransazione} is in SEK, a currency XPay's capture and refund are not known to take`,
		);
		expect(error?.description).toContain("neither the order's detail (codiceValuta)");
		expect(bodiesTo(sandbox, 'contabilizza')).toEqual([]);
	});

	test('a currency that is not one of Nexi’s is refused before any request', async () => {
		const { error } = await run(sandbox, {
			resource: 'order',
			operation: 'capture',
			transactionCode: 'ANY-ORDER-1',
			amount: 1,
			currency: 'USD',
		});
		expect(error?.message).toBe(
			'Invalid Currency: got "USD", expected Same as the Order or one of EUR, CZK, PLN, AUD, NZD, GBP, DKK',
		);
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('PayPal orders captured in parts: a refund names the capture it reverses', () => {
	const capturedTwice = async () => {
		const order = sandbox.current.xpay.addOrder({ importo: 10_000, brand: 'PayPal' });
		for (const amount of [40, 30]) {
			await run(sandbox, {
				resource: 'order',
				operation: 'capture',
				transactionCode: order.codiceTransazione,
				amount,
			});
		}
		const [first, second] = order.operations.map((operation) => operation.idContabParzialePayPal);
		sandbox.current.requests.length = 0;
		return { code: order.codiceTransazione, first: first!, second: second! };
	};
	const refund = async (code: string, amount: number, payPalCaptureId?: string) =>
		await run(sandbox, {
			resource: 'order',
			operation: 'refund',
			transactionCode: code,
			amount,
			...(payPalCaptureId ? { options: { payPalCaptureId } } : {}),
		});

	test('each capture has its id, and Order → Get (version 2) shows it', async () => {
		const { code, first, second } = await capturedTwice();
		expect(first).toBe(payPalCaptureId(code, 0));
		const { items } = await run(sandbox, {
			resource: 'order',
			operation: 'get',
			transactionCode: code,
		});
		expect(
			(items[0].json.operations as Array<Record<string, unknown>>).map(
				(operation) => operation.payPalCaptureId,
			),
		).toEqual([first, second]);
		const v1 = await run(
			sandbox,
			{ resource: 'order', operation: 'get', transactionCode: code },
			1,
		);
		expect((v1.items[0].json.operations as Array<Record<string, unknown>>)[0]).not.toHaveProperty(
			'payPalCaptureId',
		);
	});

	test('two captures with money left and none named: refused, listing them; nothing sent', async () => {
		const { code, first, second } = await capturedTwice();
		const { error } = await refund(code, 10);
		expect(error?.message).toBe(
			`Order ${code} was captured with PayPal in 2 parts: say which one this refund reverses`,
		);
		expect(error?.description).toContain(`${first} (40.00 EUR left), ${second} (30.00 EUR left)`);
		expect(bodiesTo(sandbox, 'storna')).toEqual([]);
	});

	test('the named capture is sent; once it is refunded whole, the only one left is used by itself', async () => {
		const { code, first, second } = await capturedTwice();
		const one = await refund(code, 40, first);
		expect(one.error).toBeUndefined();
		expect(one.items[0].json).toMatchObject({
			payPalCaptureId: first,
			remainingToRefundMinor: 3000,
		});
		const two = await refund(code, 12.5);
		expect(two.error).toBeUndefined();
		expect(bodiesTo(sandbox, 'storna')).toEqual([
			expect.objectContaining({ importo: 4000, idContabParzialePayPal: first }),
			expect.objectContaining({ importo: 1250, idContabParzialePayPal: second }),
		]);
		expect(two.items[0].json).toMatchObject({
			payPalCaptureId: second,
			remainingToRefundMinor: 1750,
		});
	});

	test('more than is left of the named capture, or an id the order does not have: refused before sending', async () => {
		const { code, first } = await capturedTwice();
		const tooMuch = await refund(code, 45, first);
		expect(tooMuch.error?.message).toBe(
			`The refund of 45.00 EUR is more than what is left of PayPal capture ${first} (40.00 EUR)`,
		);
		const unknown = await refund(code, 1, 'NOT-A-CAPTURE');
		expect(unknown.error?.message).toMatch(
			new RegExp(
				`^Invalid PayPal Capture ID: got "NOT-A-CAPTURE", expected one of the PayPal captures of order ${code}: `,
			),
		);
		expect(bodiesTo(sandbox, 'storna')).toEqual([]);
	});

	test('a PayPal Sale (captured at once, no partial capture) is refunded by its code alone', async () => {
		const order = sandbox.current.xpay.addOrder({
			importo: 3000,
			brand: 'PayPal',
			stato: 'Contabilizzato',
		});
		const { error } = await refund(order.codiceTransazione, 30);
		expect(error).toBeUndefined();
		expect(bodiesTo(sandbox, 'storna')[0]).not.toHaveProperty('idContabParzialePayPal');
	});
});

describe('PayMail links', () => {
	test('version 2 always sends a lifetime on Regenerate, by default the same 24 hours as Create', async () => {
		sandbox.current.xpay.createLink('REGEN-V2-1', 1000, 4, 'https://shop.example/ok', {});
		const { items } = await run(sandbox, {
			resource: 'payMailLink',
			operation: 'regenerate',
			transactionCode: 'REGEN-V2-1',
		});
		expect(bodiesTo(sandbox, 'rigeneraPayMail')).toEqual([
			expect.objectContaining({ codiceTransazione: 'REGEN-V2-1', timeout: 24 }),
		]);
		expect(items[0].json.expiresAt).toEqual(expect.any(String));
	});

	test('version 1 sends none unless set; XPay refusing that is explained (variant sandbox)', async () => {
		variant.current.xpay.createLink('REGEN-V1-1', 1000, 4, 'https://shop.example/ok', {});
		const { error } = await run(
			variant,
			{ resource: 'payMailLink', operation: 'regenerate', transactionCode: 'REGEN-V1-1' },
			1,
		);
		expect(bodiesTo(variant, 'rigeneraPayMail')[0]).not.toHaveProperty('timeout');
		expect(error?.message).toBe(
			'Nexi XPay could not regenerate the PayMail link REGEN-V1-1: a value in the request is missing or not in the expected format (error 1)',
		);
	});

	test('no invented limit on a link’s lifetime: 10000 hours is sent as it is (Nexi’s own sample uses it)', async () => {
		const { error } = await run(sandbox, {
			resource: 'payMailLink',
			operation: 'create',
			transactionCode: 'LONG-LIFE-1',
			amount: 5,
			expiresInHours: 10_000,
			returnUrl: 'https://shop.example/ok',
		});
		expect(error).toBeUndefined();
		expect(bodiesTo(sandbox, 'richiestaPayMail')[0]).toMatchObject({ timeout: 10_000 });
	});

	test('wordings nobody documented: each such link is settled by its order, a few at a time, and only those', async () => {
		const xpay = variant.current.xpay;
		const today = DateTime.now().setZone('Europe/Rome').toISODate()!;
		for (const [code, outcome] of [
			['WORDING-PAID', 'paid'],
			['WORDING-DECLINED', 'declined'],
			['WORDING-OPEN', undefined],
			['WORDING-ODD', 'paid'],
		] as const) {
			xpay.createLink(code, 1500, 24, 'https://shop.example/ok', {});
			if (outcome) xpay.pay(code, outcome);
		}
		xpay.orders.get('WORDING-ODD')!.stato = 'Verifica in corso' as never;
		const { items, error } = await run(variant, {
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: today,
			toDate: today,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const byCode = Object.fromEntries(items.map((item) => [item.json.transactionCode, item.json]));
		expect(byCode['WORDING-PAID']).toMatchObject({
			paymentStatus: 'paid',
			statusText: 'Pagamento effettuato',
		});
		expect(byCode['WORDING-DECLINED']).toMatchObject({
			paymentStatus: 'declined',
			statusText: 'Pagamento rifiutato',
		});
		expect(byCode['WORDING-OPEN']).toMatchObject({
			paymentStatus: 'unpaid',
			statusText: 'Link inviato',
		});
		// An order state this node does not know: `other`, never silently unpaid.
		expect(byCode['WORDING-ODD']).toMatchObject({
			paymentStatus: 'other',
			statusText: 'Pagamento effettuato',
		});
		const reads = variant.current.requests.filter((request) =>
			request.path.endsWith('/situazioneOrdine'),
		);
		expect(reads).toHaveLength(items.length);
	});

	test('the PayMail Link Paid trigger: a paid link under an unknown wording is emitted once, and its order is not read again after', async () => {
		const xpay = variant.current.xpay;
		const poller = new Poller({
			type: 'n8n-nodes-nexi.nexiXPayTrigger',
			parameters: { event: 'payMailLinkPaid', lookbackDays: 1 },
			credentials: xpayCredentials(variant.current),
		});
		expect(await poller.poll()).toBeNull();
		xpay.createLink('TRIGGER-WORDING-1', 990, 24, 'https://shop.example/ok', {});
		xpay.pay('TRIGGER-WORDING-1', 'paid');
		const emitted = await poller.poll();
		expect(emitted?.map((item) => [item.json.transactionCode, item.json.paymentStatus])).toEqual([
			['TRIGGER-WORDING-1', 'paid'],
		]);
		variant.current.requests.length = 0;
		expect(await poller.poll()).toBeNull();
		const reads = variant.current.requests.filter(
			(request) =>
				request.path.endsWith('/situazioneOrdine') &&
				(request.body as Record<string, unknown>).codiceTransazione === 'TRIGGER-WORDING-1',
		);
		expect(reads).toEqual([]);
	});

	test('recognised wordings cost no extra read', async () => {
		const today = DateTime.now().setZone('Europe/Rome').toISODate()!;
		sandbox.current.xpay.createLink('KNOWN-WORDING-1', 1500, 24, 'https://shop.example/ok', {});
		sandbox.current.xpay.pay('KNOWN-WORDING-1', 'paid');
		const { items } = await run(sandbox, {
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: today,
			toDate: today,
			returnAll: true,
		});
		expect(
			items.find((item) => item.json.transactionCode === 'KNOWN-WORDING-1')?.json.paymentStatus,
		).toBe('paid');
		expect(
			sandbox.current.requests.filter((request) => request.path.endsWith('/situazioneOrdine')),
		).toEqual([]);
	});
});

describe('reports', () => {
	test('items of another shape are all listed; one without an id says it cannot be downloaded', async () => {
		const { items, error } = await run(variant, { resource: 'report', operation: 'getMany' }, 1);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10);
		const expected = variant.current.xpay.reports
			.slice(0, 10)
			.map((report, index) => (index % 3 === 2 ? null : report.idReport));
		expect(items.map((item) => item.json.reportId)).toEqual(expected);
		expect(items[2].json).toMatchObject({
			reportId: null,
			nome: 'Transazioni giornaliere',
			note: 'XPay listed this report without an idReport, so it cannot be downloaded: downloadReport asks for a report by its idReport',
		});
		expect(items[0].json).toMatchObject({ IdReport: Number(expected[0]), tipo: 'TRANSAZIONI' });
	});

	test('a login page instead of the file is a clear error, never saved as the report', async () => {
		const { items, error } = await run(variant, {
			resource: 'report',
			operation: 'download',
			reportId: '900001',
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'Nexi XPay answered the download of report 900001 with an HTML page, not the report file',
		);
		const file = await run(variant, {
			resource: 'report',
			operation: 'download',
			reportId: '900002',
		});
		expect(file.error).toBeUndefined();
		expect(file.items[0].json.fileName).toBe('report_900002.csv');
	});

	test('an empty body is a clear error too', async () => {
		sandbox.current.faults.configure({}, [{ fault: 'emptyBody', match: '/downloadReport' }]);
		const { error } = await run(sandbox, {
			resource: 'report',
			operation: 'download',
			reportId: '900003',
		});
		expect(error?.message).toBe(
			'Nexi XPay answered the download of report 900003 with an empty body, not the report file',
		);
	});
});

describe('3-D Secure warnings', () => {
	const period = () => {
		const today = DateTime.now().setZone('Europe/Rome');
		return { fromDate: today.minus({ days: 59 }).toISODate()!, toDate: today.toISODate()! };
	};
	const cardOrders = (where: { current: Sandbox }) =>
		[...where.current.xpay.orders.values()]
			.filter((order) => order.canale === 'CartaCredito')
			.map((order) => order.codiceTransazione);

	test('every warning of the period, one item each in English, read in windows signed as the sample signs them', async () => {
		const { items, error } = await run(sandbox, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
			options: { windowDays: 7 },
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(5);
		const first = items[0].json;
		expect(Object.keys(first)).toEqual(
			expect.arrayContaining([
				'transactionCode',
				'date',
				'amount',
				'amountMinor',
				'currency',
				'type',
				'description',
			]),
		);
		expect(first.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0[12]:00$/);
		expect(cardOrders(sandbox)).toEqual(
			expect.arrayContaining(items.map((item) => item.json.transactionCode)),
		);
		expect(new Set(items.map((item) => item.json.transactionCode)).size).toBe(items.length);
		const sent = bodiesTo(sandbox, 'warning');
		expect(sent.length).toBe(9);
		for (const body of sent) {
			expect(Object.keys(body).sort()).toEqual([
				'apiKey',
				'dataTransazioneAl',
				'dataTransazioneDal',
				'mac',
				'timeStamp',
			]);
			expect(body.dataTransazioneDal).toMatch(/^\d{2}\/\d{2}\/\d{4} 00:00:00$/);
			expect(body.dataTransazioneAl).toMatch(/^\d{2}\/\d{2}\/\d{4} 23:59:59$/);
		}
	});

	test('the transaction code filter, and nothing found (error 2) as an empty list', async () => {
		const all = await run(sandbox, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
		});
		const code = all.items[0].json.transactionCode as string;
		const one = await run(sandbox, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
			filters: { transactionCode: code },
		});
		expect(one.items.map((item) => item.json.transactionCode)).toEqual([code]);
		const none = await run(sandbox, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
			filters: { transactionCode: 'NO-WARNING-HERE' },
		});
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});

	test('under another key and with other field names (variant): the same warnings, read leniently', async () => {
		const { items, error } = await run(variant, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(5);
		expect(items[0].json).toMatchObject({
			transactionCode: expect.any(String),
			message: '3DS non disponibile per la carta',
			amountMinor: expect.any(Number),
			date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
		});
	});

	test('an answer without a MAC (variant) is read, and each item says it could not be verified', async () => {
		const { items } = await run(variant, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
		});
		expect(items.length).toBeGreaterThan(5);
		for (const item of items) expect(item.json.note).toContain("XPay's answer carried no MAC");
		// A signed answer's items say nothing of the kind.
		const signed = await run(sandbox, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
		});
		expect(signed.items.length).toBeGreaterThan(0);
		expect(signed.items.some((item) => 'note' in item.json)).toBe(false);
	});

	test('a MAC that is there is checked all the same: a wrong one is not trusted', async () => {
		sandbox.current.faults.configure({}, [{ fault: 'tamperMac', match: '/warning' }]);
		const { items, error } = await run(sandbox, {
			resource: 'warning',
			operation: 'getMany',
			...period(),
			returnAll: true,
		});
		expect(items).toEqual([]);
		expect(error?.message).toContain('not trusted');
	});
});

test('the MySi channel (Nexi’s SDK lists it) is sent as it is', async () => {
	const { error } = await run(sandbox, {
		resource: 'order',
		operation: 'getMany',
		fromDate: DateTime.now().minus({ days: 3 }).toISODate()!,
		toDate: DateTime.now().toISODate()!,
		returnAll: true,
		filters: { channel: 'MySi' },
	});
	expect(error).toBeUndefined();
	expect(bodiesTo(sandbox, 'reportOrdini')[0]).toMatchObject({ canale: 'MySi' });
});

describe('PayMail → Get Many with Include Customer: what a reminder needs', () => {
	const today = () => DateTime.now().setZone('Europe/Rome').toISODate()!;
	const listed = async (where: { current: Sandbox }, options: IDataObject) =>
		await run(where, {
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: today(),
			toDate: today(),
			returnAll: true,
			options,
		});
	const customer = { mail: 'anna.verdi@example.com', nome: 'Anna', cognome: 'Verdi' };

	test.each([
		['default', sandbox],
		['variant', variant],
	])(
		'%s: a paid link carries the customer and description given at creation',
		async (_mode, where) => {
			const code = `REMIND-PAID-${_mode}`;
			where.current.xpay.createLink(code, 1500, 72, 'https://shop.example/ok', {
				...customer,
				descrizione: 'Invoice 7',
			});
			where.current.xpay.pay(code, 'paid');
			const { items, error } = await listed(where, { includeCustomer: true });
			expect(error).toBeUndefined();
			expect(items.find((item) => item.json.transactionCode === code)?.json).toMatchObject({
				paymentStatus: 'paid',
				customer: { email: 'anna.verdi@example.com', firstName: 'Anna', lastName: 'Verdi' },
				description: 'Invoice 7',
			});
		},
	);

	test('an unpaid link: the customer from its order where XPay has one (variant), null where it has none', async () => {
		for (const where of [sandbox, variant]) {
			where.current.xpay.createLink('REMIND-UNPAID', 2500, 72, 'https://shop.example/ok', customer);
		}
		const unpaid = async (where: { current: Sandbox }) =>
			(await listed(where, { includeCustomer: true })).items.find(
				(item) => item.json.transactionCode === 'REMIND-UNPAID',
			)?.json;
		expect(await unpaid(variant)).toMatchObject({
			paymentStatus: 'unpaid',
			customer: { email: 'anna.verdi@example.com', firstName: 'Anna', lastName: 'Verdi' },
		});
		expect(await unpaid(sandbox)).toMatchObject({
			paymentStatus: 'unpaid',
			customer: { email: null, firstName: null, lastName: null },
			description: null,
		});
	});

	test('the orders are read only for the links returned, and not at all without the option', async () => {
		for (let i = 0; i < 6; i++) {
			sandbox.current.xpay.createLink(
				`REMIND-MANY-${i}`,
				100 + i,
				72,
				'https://x.example',
				customer,
			);
		}
		const plain = await listed(sandbox, {});
		expect(bodiesTo(sandbox, 'situazioneOrdine')).toEqual([]);
		expect(plain.items.every((item) => !('customer' in item.json))).toBe(true);
		const limited = await run(sandbox, {
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: today(),
			toDate: today(),
			returnAll: false,
			limit: 2,
			options: { includeCustomer: true },
		});
		expect(limited.items).toHaveLength(2);
		expect(bodiesTo(sandbox, 'situazioneOrdine').map((body) => body.codiceTransazione)).toEqual(
			limited.items.map((item) => item.json.transactionCode),
		);
	});
});
