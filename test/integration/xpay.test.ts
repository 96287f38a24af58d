import { DateTime } from 'luxon';

import { runNode, testCredential, type RunOptions } from '../helpers/harness';
import { jsonOf, leaks, pairingOf } from '../helpers/expect';
import { useSandbox, xpayCredentials } from '../helpers/sandbox';

const sandbox = useSandbox();
const xpay = () => sandbox.current.xpay;

async function run(parameters: RunOptions['parameters'], extra: Partial<RunOptions> = {}) {
	return await runNode({
		type: 'n8n-nodes-nexi.nexiXPay',
		parameters,
		credentials: xpayCredentials(sandbox.current),
		...extra,
	});
}

const requestsTo = (service: string) =>
	sandbox.current.requests.filter((r) => r.path.endsWith(`/${service}`));

beforeEach(() => {
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
	xpay().clockOffsetMs = 0;
});

describe('every request carries exactly the documented fields, signed', () => {
	test.each<[string, Record<string, unknown>, string, string[]]>([
		[
			'capture',
			{ resource: 'order', operation: 'capture', amount: 1 },
			'contabilizza',
			['apiKey', 'codiceTransazione', 'importo', 'divisa', 'timeStamp', 'mac'],
		],
		[
			'refund',
			{ resource: 'order', operation: 'refund', amount: 10 },
			'storna',
			['apiKey', 'codiceTransazione', 'importo', 'divisa', 'timeStamp', 'mac'],
		],
		[
			'order get',
			{ resource: 'order', operation: 'get' },
			'situazioneOrdine',
			['apiKey', 'codiceTransazione', 'timeStamp', 'mac'],
		],
		[
			'order list',
			{
				resource: 'order',
				operation: 'getMany',
				fromDate: '2026-11-01',
				toDate: '2026-11-20',
				returnAll: true,
			},
			'reportOrdini',
			['apiKey', 'codiceTransazione', 'periodo', 'canale', 'timeStamp', 'mac'],
		],
		[
			'link create',
			{
				resource: 'payMailLink',
				operation: 'create',
				transactionCode: 'FIELDS-LINK-1',
				amount: 5,
				returnUrl: 'https://shop.example/ok',
			},
			'richiestaPayMail',
			['apiKey', 'codiceTransazione', 'importo', 'timeout', 'url', 'timeStamp', 'mac'],
		],
		[
			'link list',
			{
				resource: 'payMailLink',
				operation: 'getMany',
				fromDate: '2026-11-01',
				toDate: '2026-11-20',
				returnAll: true,
			},
			'ReportPaymail',
			['apiKey', 'linkCreatiDal', 'linkCreatiAl', 'timeStamp', 'mac'],
		],
		[
			'report list',
			{ resource: 'report', operation: 'getMany' },
			'elencoReport',
			['apiKey', 'timeStamp', 'mac'],
		],
	])('%s', async (_label, parameters, service, fields) => {
		const order = xpay().addOrder({ importo: 1000 });
		if (service === 'storna') xpay().orders.get(order.codiceTransazione)!.stato = 'Contabilizzato';
		if (service === 'storna') xpay().orders.get(order.codiceTransazione)!.captured = 1000;
		const { error } = await run({ transactionCode: order.codiceTransazione, ...parameters });
		expect(error).toBeUndefined();
		const sent = requestsTo(service);
		expect(sent.length).toBeGreaterThanOrEqual(1);
		for (const request of sent) {
			expect(Object.keys(request.body as object).sort()).toEqual([...fields].sort());
			expect((request.body as Record<string, string>).timeStamp).toMatch(/^\d{13}$/);
			expect((request.body as Record<string, string>).mac).toMatch(/^[0-9a-f]{40}$/);
		}
	});

	test('report download signs its query string (timeStamp before idReport)', async () => {
		const { error } = await run({ resource: 'report', operation: 'download', reportId: '900003' });
		expect(error).toBeUndefined();
		const [request] = requestsTo('downloadReport');
		expect(request.method).toBe('GET');
		expect(Object.keys(request.query).sort()).toEqual(['apiKey', 'idReport', 'mac', 'timeStamp']);
	});

	test('the MAC key itself is never sent', async () => {
		const order = xpay().addOrder({ importo: 700 });
		await run({
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 7,
		});
		expect(
			leaks(
				xpay().options.macKey,
				sandbox.current.requests.map(({ headers: _h, ...r }) => r),
			),
		).toBe(false);
	});
});

describe('Order → Capture and Refund or Cancel', () => {
	test('a partial capture, then the rest: exact amounts and the state afterwards', async () => {
		const order = xpay().addOrder({ importo: 5000 });
		const first = await run({
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 19.99,
		});
		expect(first.items[0].json).toMatchObject({
			transactionCode: order.codiceTransazione,
			operation: 'capture',
			amount: 19.99,
			amountMinor: 1999,
			currency: 'EUR',
			success: true,
			orderStatus: 'partially_captured',
			orderStatusText: 'Contabilizzato Parz.',
			capturedAmount: 19.99,
			refundedAmount: 0,
		});
		expect(first.items[0].json.operationId).toMatch(/^\d+$/);
		const second = await run({
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: '30,01',
		});
		expect(second.items[0].json).toMatchObject({
			amountMinor: 3001,
			orderStatus: 'captured',
			capturedAmount: 50,
		});
		expect(
			xpay()
				.ledger.filter((l) => l.codiceTransazione === order.codiceTransazione)
				.map((l) => l.importo),
		).toEqual([1999, 3001]);
	});

	test("capturing more than is left is refused with Nexi's code and an English explanation; nothing moves", async () => {
		const order = xpay().addOrder({ importo: 1000 });
		const { error } = await run({
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 10.01,
		});
		expect(error?.message).toBe(
			`Nexi XPay could not capture 10.01 EUR on order ${order.codiceTransazione}: the amount is higher than what can still be captured or refunded (error 17)`,
		);
		expect(error?.description).toContain('Nexi\'s message: "Importo operazione troppo alto".');
		expect(xpay().orders.get(order.codiceTransazione)!.captured).toBe(0);
	});

	test('capturing a captured order is refused (error 16)', async () => {
		const order = xpay().addOrder({ importo: 1000, stato: 'Contabilizzato' });
		const { error } = await run({
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 1,
		});
		expect(error?.message).toContain(
			"this is not possible in the order's current state (error 16)",
		);
	});

	test('an unknown order: a clear error and no capture request at all', async () => {
		const { error } = await run({
			resource: 'order',
			operation: 'capture',
			transactionCode: 'NO-SUCH-ORDER',
			amount: 1,
		});
		expect(error?.message).toBe(
			'Nexi XPay could not capture 1.00 EUR on order NO-SUCH-ORDER: the requested information was not found (error 2)',
		);
		expect(requestsTo('contabilizza')).toHaveLength(0);
	});

	test('refund: an authorization is cancelled in full; in part it is refused', async () => {
		const order = xpay().addOrder({ importo: 2500 });
		const partial = await run({
			resource: 'order',
			operation: 'refund',
			transactionCode: order.codiceTransazione,
			amount: 10,
		});
		expect(partial.error?.message).toContain('(error 16)');
		const full = await run({
			resource: 'order',
			operation: 'refund',
			transactionCode: order.codiceTransazione,
			amount: 25,
		});
		expect(full.items[0].json).toMatchObject({
			operation: 'refund',
			amountMinor: 2500,
			orderStatus: 'cancelled',
			orderStatusText: 'Annullato',
		});
	});

	test('refund: a captured order refunded in part, then in full, then refused', async () => {
		const order = xpay().addOrder({ importo: 4000, stato: 'Contabilizzato' });
		const part = await run({
			resource: 'order',
			operation: 'refund',
			transactionCode: order.codiceTransazione,
			amount: 0.07,
		});
		expect(part.items[0].json).toMatchObject({
			amountMinor: 7,
			orderStatus: 'partially_refunded',
			refundedAmount: 0.07,
		});
		const rest = await run({
			resource: 'order',
			operation: 'refund',
			transactionCode: order.codiceTransazione,
			amount: 39.93,
		});
		expect(rest.items[0].json).toMatchObject({
			amountMinor: 3993,
			orderStatus: 'refunded',
			refundedAmount: 40,
		});
		const again = await run({
			resource: 'order',
			operation: 'refund',
			transactionCode: order.codiceTransazione,
			amount: 1,
		});
		expect(again.error?.message).toContain('(error 16)');
	});
});

describe('money is never moved twice', () => {
	test.each([
		['the answer is lost after Nexi applied the capture', 'dropAfter', true],
		["the answer's MAC was tampered with", 'tamperMac', true],
		['the connection drops before Nexi sees it', 'drop', false],
		['Nexi answers 500', 'error500', false],
	] as const)(
		'%s: one capture request, and the order says what happened',
		async (_label, fault, applied) => {
			const order = xpay().addOrder({ importo: 5000 });
			sandbox.current.faults.configure({}, [{ fault, match: '/contabilizza' }]);
			const { items, error } = await run({
				resource: 'order',
				operation: 'capture',
				transactionCode: order.codiceTransazione,
				amount: 19.99,
			});
			expect(requestsTo('contabilizza')).toHaveLength(1);
			const ledger = xpay().ledger.filter((l) => l.codiceTransazione === order.codiceTransazione);
			expect(ledger).toHaveLength(applied ? 1 : 0);
			if (applied) {
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({
					success: true,
					amountMinor: 1999,
					orderStatus: 'partially_captured',
					capturedAmount: 19.99,
				});
				expect(items[0].json.note).toContain(
					'reading the order confirmed it was applied: the order now shows 19.99 EUR captured',
				);
			} else {
				expect(items).toEqual([]);
				expect(error?.message).toMatch(
					new RegExp(
						`^The capture of 19.99 EUR on order ${order.codiceTransazione} was not applied`,
					),
				);
				expect(error?.description).toContain('It is safe to run it again.');
			}
		},
	);

	test('when the order cannot be read either, the error says the outcome is unknown and not to retry blindly', async () => {
		const order = xpay().addOrder({ importo: 5000 });
		sandbox.current.faults.configure({}, [
			{ fault: 'dropAfter', match: '/contabilizza' },
			{ fault: 'error500', match: '/situazioneOrdine', skip: 1, times: 10 },
		]);
		const { error } = await run({
			resource: 'order',
			operation: 'capture',
			transactionCode: order.codiceTransazione,
			amount: 5,
		});
		expect(error?.message).toContain('capture outcome unknown');
		expect(error?.message).toContain('the order could not be read to find out');
		expect(error?.description).toContain(
			`Do not run it again before checking order ${order.codiceTransazione}`,
		);
		expect(requestsTo('contabilizza')).toHaveLength(1);
	}, 30_000);

	test('a refund with a lost answer is not sent again either', async () => {
		const order = xpay().addOrder({ importo: 3000, stato: 'Contabilizzato' });
		sandbox.current.faults.configure({}, [{ fault: 'dropAfter', match: '/storna' }]);
		const { items } = await run({
			resource: 'order',
			operation: 'refund',
			transactionCode: order.codiceTransazione,
			amount: 30,
		});
		expect(requestsTo('storna')).toHaveLength(1);
		expect(items[0].json).toMatchObject({ success: true, orderStatus: 'refunded' });
	});

	test('reads are retried: a dropped order lookup is asked again', async () => {
		const order = xpay().addOrder({ importo: 3000 });
		sandbox.current.faults.configure({}, [{ fault: 'drop', match: '/situazioneOrdine', times: 2 }]);
		const { items, error } = await run({
			resource: 'order',
			operation: 'get',
			transactionCode: order.codiceTransazione,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.transactionCode).toBe(order.codiceTransazione);
		expect(requestsTo('situazioneOrdine')).toHaveLength(3);
	});
});

describe('Order → Get', () => {
	test('simplified, raw, and one item per operation', async () => {
		const order = xpay().addOrder({ importo: 12345, stato: 'Rimborsato Parz.' });
		const raw = xpay().renderOrder(order);
		const simple = await run({
			resource: 'order',
			operation: 'get',
			transactionCode: order.codiceTransazione,
		});
		expect(simple.items[0].json).toEqual({
			transactionCode: order.codiceTransazione,
			status: 'partially_refunded',
			statusText: 'Rimborsato Parz.',
			amount: 123.45,
			amountMinor: 12345,
			currency: 'EUR',
			brand: order.brand,
			maskedPan: order.pan,
			authorizationCode: order.codiceAutorizzazione,
			createdAt: DateTime.fromMillis(Math.floor(order.createdAt / 1000) * 1000, {
				zone: 'Europe/Rome',
			}).toISO(),
			customer: { firstName: order.nome, lastName: order.cognome, email: order.mail },
			operations: [
				expect.objectContaining({
					type: 'capture',
					amount: 123.45,
					amountMinor: 12345,
					currency: 'EUR',
					user: 'API',
				}),
				expect.objectContaining({
					type: 'reversal',
					amount: 41.15,
					amountMinor: 4115,
					status: 'Rimborsato Parz.',
				}),
			],
		});
		const unsimplified = await run({
			resource: 'order',
			operation: 'get',
			transactionCode: order.codiceTransazione,
			simplify: false,
		});
		expect(unsimplified.items[0].json).toEqual(raw);
		const operations = await run({
			resource: 'order',
			operation: 'get',
			transactionCode: order.codiceTransazione,
			output: 'operations',
		});
		expect(
			operations.items.map((i) => [i.json.transactionCode, i.json.type, i.json.amountMinor]),
		).toEqual([
			[order.codiceTransazione, 'capture', 12345],
			[order.codiceTransazione, 'reversal', 4115],
		]);
	});

	test('an unknown order is error 2 with a hint', async () => {
		const { error } = await run({
			resource: 'order',
			operation: 'get',
			transactionCode: 'NOPE-0001',
		});
		expect(error?.message).toBe(
			'Nexi XPay could not find order NOPE-0001: the requested information was not found (error 2)',
		);
		expect(error?.description).toContain('Nessun ordine trovato');
	});
});

describe('Order → Get Many', () => {
	// The sandbox's orders are spread over the 60 days before now, so the range follows today.
	const today = DateTime.now().setZone('Europe/Rome').startOf('day');
	const range = { fromDate: today.minus({ days: 59 }).toISODate()!, toDate: today.toISODate()! };
	const day = (date: DateTime) => date.toFormat('dd/MM/yyyy');
	const inRange = () =>
		[...xpay().orders.values()]
			.filter((o) => {
				const day = DateTime.fromMillis(o.createdAt, { zone: 'Europe/Rome' }).toISODate()!;
				return day >= range.fromDate && day <= range.toDate;
			})
			.sort((a, b) => a.createdAt - b.createdAt);

	test('every order of a 60-day period, asked for in 30-day windows, in date order', async () => {
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			...range,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const expected = inRange().map((o) => o.codiceTransazione);
		expect(expected.length).toBeGreaterThan(200);
		expect(items.map((i) => i.json.transactionCode)).toEqual(expected);
		expect(
			requestsTo('reportOrdini')
				.map((r) => (r.body as Record<string, string>).periodo)
				.sort(),
		).toEqual(
			[
				`${day(today.minus({ days: 59 }))} - ${day(today.minus({ days: 30 }))}`,
				`${day(today.minus({ days: 29 }))} - ${day(today)}`,
			].sort(),
		);
	});

	test("friendly statuses become XPay's filter tokens; channel and limit apply", async () => {
		const { items } = await run({
			resource: 'order',
			operation: 'getMany',
			...range,
			returnAll: false,
			limit: 5,
			filters: { statuses: ['captured', 'partially_refunded'], channel: 'CartaCredito' },
		});
		expect(requestsTo('reportOrdini')[0].body).toMatchObject({
			stato: ['incassato', 'rimbParziale'],
			canale: 'CartaCredito',
		});
		const expected = inRange()
			.filter(
				(o) =>
					['Contabilizzato', 'Rimborsato Parz.'].includes(o.stato) && o.canale === 'CartaCredito',
			)
			.slice(0, 5)
			.map((o) => o.codiceTransazione);
		expect(items.map((i) => i.json.transactionCode)).toEqual(expected);
	});

	test('a period with no orders gives no items (XPay\'s "not found" is not an error here)', async () => {
		const { items, error } = await run({
			resource: 'order',
			operation: 'getMany',
			fromDate: '2020-01-01',
			toDate: '2020-01-31',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('PayMail links', () => {
	test('create with every additional field: what is sent and what comes back', async () => {
		const { items, error } = await run({
			resource: 'payMailLink',
			operation: 'create',
			transactionCode: 'INV-2026-0042',
			amount: 12.5,
			expiresInHours: 48,
			returnUrl: 'https://shop.example/thanks',
			additionalFields: {
				email: 'mario.rossi@example.com',
				firstName: 'Mario',
				lastName: 'Rossi',
				description: 'Invoice 42',
				language: 'ENG',
				notificationUrl: 'https://shop.example/notify',
				cancelUrl: 'https://shop.example/cancel',
				captureMode: 'D',
				extraParameters: { parameter: [{ name: 'Note1', value: 'vip' }] },
			},
		});
		expect(error).toBeUndefined();
		const link = xpay().links.get('INV-2026-0042')!;
		expect(items[0].json).toEqual({
			transactionCode: 'INV-2026-0042',
			url: `${sandbox.current.url}/ecomm/ecomm/PayMail?token=${link.token}`,
			expiresAt: expect.any(String),
			amount: 12.5,
			amountMinor: 1250,
			currency: 'EUR',
			operationId: expect.stringMatching(/^\d+$/),
		});
		const hours = (Date.parse(items[0].json.expiresAt as string) - Date.now()) / 3600_000;
		expect(hours).toBeGreaterThan(47.9);
		expect(hours).toBeLessThanOrEqual(48);
		expect(requestsTo('richiestaPayMail')[0].body).toMatchObject({
			codiceTransazione: 'INV-2026-0042',
			importo: 1250,
			timeout: 48,
			url: 'https://shop.example/thanks',
			parametriAggiuntivi: {
				mail: 'mario.rossi@example.com',
				nome: 'Mario',
				cognome: 'Rossi',
				descrizione: 'Invoice 42',
				languageId: 'ENG',
				urlpost: 'https://shop.example/notify',
				url_back: 'https://shop.example/cancel',
				TCONTAB: 'D',
				Note1: 'vip',
			},
		});
	});

	test('an empty code is generated: unique, at most 30 characters', async () => {
		const first = await run({
			resource: 'payMailLink',
			operation: 'create',
			amount: 1,
			returnUrl: 'https://x.example',
		});
		const second = await run({
			resource: 'payMailLink',
			operation: 'create',
			amount: 1,
			returnUrl: 'https://x.example',
		});
		const codes = [first, second].map((r) => r.items[0].json.transactionCode as string);
		expect(codes[0]).toMatch(/^N8N\d{14}[0-9A-F]{6}$/);
		expect(codes[0].length).toBeLessThanOrEqual(30);
		expect(codes[0]).not.toBe(codes[1]);
	});

	test('a duplicate code is refused (error 9), and the link is not sent twice when its answer is lost', async () => {
		await run({
			resource: 'payMailLink',
			operation: 'create',
			transactionCode: 'DUP-0001',
			amount: 3,
			returnUrl: 'https://x.example',
		});
		const again = await run({
			resource: 'payMailLink',
			operation: 'create',
			transactionCode: 'DUP-0001',
			amount: 3,
			returnUrl: 'https://x.example',
		});
		expect(again.error?.message).toBe(
			'Nexi XPay could not create a PayMail link for DUP-0001: a transaction with this code already exists (error 9)',
		);

		sandbox.current.requests.length = 0;
		sandbox.current.faults.configure({}, [{ fault: 'dropAfter', match: '/richiestaPayMail' }]);
		const lost = await run({
			resource: 'payMailLink',
			operation: 'create',
			transactionCode: 'LOST-0001',
			amount: 3,
			returnUrl: 'https://x.example',
		});
		expect(requestsTo('richiestaPayMail')).toHaveLength(1);
		expect(lost.items[0].json).toMatchObject({
			transactionCode: 'LOST-0001',
			url: expect.stringContaining(xpay().links.get('LOST-0001')!.token),
		});
		expect(lost.items[0].json.note).toContain('its URL was recovered by regenerating it');
	});

	test('regenerate: an unused link keeps code and URL; a declined one gets a new code; a paid one is refused', async () => {
		const unused = xpay().createLink('REGEN-A', 1000, 1, 'https://x.example', {});
		const same = await run({
			resource: 'payMailLink',
			operation: 'regenerate',
			transactionCode: 'REGEN-A',
			additionalFields: { expiresInHours: 5 },
		});
		expect(same.items[0].json).toMatchObject({
			transactionCode: 'REGEN-A',
			previousTransactionCode: 'REGEN-A',
			codeChanged: false,
		});
		expect(same.items[0].json.url).toContain(unused.token);

		xpay().createLink('REGEN-B', 1000, 1, 'https://x.example', {});
		xpay().pay('REGEN-B', 'declined');
		const renewed = await run({
			resource: 'payMailLink',
			operation: 'regenerate',
			transactionCode: 'REGEN-B',
		});
		expect(renewed.items[0].json).toMatchObject({
			transactionCode: 'REGEN-B1',
			previousTransactionCode: 'REGEN-B',
			codeChanged: true,
		});

		xpay().createLink('REGEN-C', 1000, 1, 'https://x.example', {});
		xpay().pay('REGEN-C', 'paid');
		const paid = await run({
			resource: 'payMailLink',
			operation: 'regenerate',
			transactionCode: 'REGEN-C',
		});
		expect(paid.error?.message).toContain('(error 16)');
	});

	test('Get Many returns every link past the 100-per-search cap, once each, oldest first, in English', async () => {
		const base = Date.parse('2025-03-03T09:00:00Z');
		const created: string[] = [];
		for (let i = 0; i < 260; i++) {
			const code = `CAP-${String(i).padStart(4, '0')}`;
			// 260 links over 5 days: every window above two days is over the cap.
			xpay().createLink(
				code,
				100 + i,
				24,
				'https://x.example',
				{},
				base + Math.floor(i / 52) * 86_400_000 + (i % 52) * 60_000,
			);
			created.push(code);
		}
		xpay().pay('CAP-0003', 'paid');
		xpay().pay('CAP-0004', 'declined');
		const { items, error } = await run({
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: '2025-03-01',
			toDate: '2025-03-31',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.transactionCode)).toEqual(created);
		expect(requestsTo('ReportPaymail').length).toBeGreaterThan(3);
		expect(items[3].json).toMatchObject({
			transactionCode: 'CAP-0003',
			paymentStatus: 'paid',
			amount: 1.03,
			amountMinor: 103,
			currency: 'EUR',
		});
		expect(items[4].json).toMatchObject({ paymentStatus: 'declined', statusText: 'Negato' });
		expect(items[5].json).toMatchObject({
			paymentStatus: 'expired',
			statusText: 'Scaduto',
			createdAt: '2025-03-03T10:05:00.000+01:00',
		});
	});

	test('more than 100 links on one day cannot be listed whole: an error, not a partial list', async () => {
		const day = Date.parse('2025-05-10T08:00:00Z');
		for (let i = 0; i < 120; i++)
			xpay().createLink(`DENSE-${i}`, 100, 24, 'https://x.example', {}, day + i * 60_000);
		const { items, error } = await run({
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: '2025-05-01',
			toDate: '2025-05-31',
			returnAll: true,
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'More than 100 PayMail links were created on 10/05/2025, and XPay cannot list them all',
		);
	});
});

describe('Reports', () => {
	test('list near a reference date, then download one as a file', async () => {
		const list = await run({
			resource: 'report',
			operation: 'getMany',
			referenceDate: DateTime.now().minus({ days: 10 }).toISODate(),
		});
		expect(list.items.length).toBe(10);
		const first = list.items[0].json;
		expect(Object.keys(first)).toEqual([
			'reportId',
			'name',
			'type',
			'format',
			'referenceDate',
			'processedAt',
		]);
		const report = xpay().reports.find((r) => r.idReport === first.reportId)!;
		const download = await run({
			resource: 'report',
			operation: 'download',
			reportId: first.reportId as string,
			binaryPropertyName: 'csv',
		});
		const csv = xpay().reportCsv(report);
		expect(download.items[0].json).toEqual({
			reportId: first.reportId,
			fileName: `report_${first.reportId}.csv`,
			mimeType: 'text/csv',
			fileSize: Buffer.byteLength(csv),
		});
		expect(Buffer.from(download.items[0].binary!.csv.data, 'base64').toString('utf8')).toBe(csv);
		expect(download.items[0].binary!.csv.fileName).toBe(`report_${first.reportId}.csv`);
	});

	test('an unknown report id is error 2', async () => {
		const { error } = await run({ resource: 'report', operation: 'download', reportId: '123' });
		expect(error?.message).toBe(
			'Nexi XPay could not download report 123: the requested information was not found (error 2)',
		);
	});
});

describe('answers that cannot be trusted, and credentials that do not work', () => {
	test('a tampered MAC on an answer is refused, nothing in it is used', async () => {
		const order = xpay().addOrder({ importo: 100 });
		sandbox.current.faults.configure({}, [{ fault: 'tamperMac', match: '/situazioneOrdine' }]);
		const { items, error } = await run({
			resource: 'order',
			operation: 'get',
			transactionCode: order.codiceTransazione,
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			`Nexi XPay could not read order ${order.codiceTransazione}: the answer's MAC does not match, so it is not trusted`,
		);
	});

	test('a server clock 6 minutes away is error 5, explained', async () => {
		xpay().clockOffsetMs = 6 * 60_000;
		const { error } = await run({
			resource: 'order',
			operation: 'get',
			transactionCode: 'ANY-0001',
		});
		expect(error?.message).toBe(
			"Nexi XPay could not read order ANY-0001: more than 5 minutes have passed since the request's timestamp was generated: the n8n server's clock is off from Nexi's (error 5)",
		);
		expect(error?.description).toContain("Set the n8n server's clock right (NTP)");
	});

	test('a wrong MAC key: the answer cannot be verified, and the error points at the key', async () => {
		const { error } = await runNode({
			type: 'n8n-nodes-nexi.nexiXPay',
			parameters: { resource: 'order', operation: 'get', transactionCode: 'ANY-0001' },
			credentials: xpayCredentials(sandbox.current, {
				macKey: 'WRONGKEY0000000000000000000000000',
			}),
		});
		expect(error?.message).toContain(
			'the MAC Key in the credential is probably not the one of this alias',
		);
		expect(leaks('WRONGKEY0000000000000000000000000', error)).toBe(false);
	});

	test('an unknown alias is error 50 (answered without a MAC)', async () => {
		const { error } = await runNode({
			type: 'n8n-nodes-nexi.nexiXPay',
			parameters: { resource: 'order', operation: 'get', transactionCode: 'ANY-0001' },
			credentials: xpayCredentials(sandbox.current, { alias: 'ALIAS_WEB_99999999' }),
		});
		expect(error?.message).toBe(
			'Nexi XPay could not read order ANY-0001: Nexi could not compute the MAC: the alias is unknown in this environment, or the request was not valid JSON (error 50)',
		);
	});

	test.each([
		['works', {}, { status: 'OK', message: 'Connection successful!' }],
		[
			'wrong MAC key',
			{ macKey: 'X'.repeat(32) },
			{ status: 'Error', message: expect.stringContaining('(error 3)') },
		],
		[
			'unknown alias',
			{ alias: 'ALIAS_WEB_00000000' },
			{
				status: 'Error',
				message: expect.stringContaining('does not know this alias in this environment (error 50)'),
			},
		],
		[
			'unreachable',
			{ baseUrl: 'http://127.0.0.1:9' },
			{ status: 'Error', message: 'ECONNREFUSED' },
		],
	])('credential test: %s', async (_label, overrides, expected) => {
		const result = await testCredential(
			'nexiXPayApi',
			xpayCredentials(sandbox.current, overrides as Record<string, string>).nexiXPayApi,
		);
		expect(result).toEqual(expected);
	});

	test('credential test: the n8n clock 6 minutes off', async () => {
		xpay().clockOffsetMs = -6 * 60_000;
		const result = await testCredential(
			'nexiXPayApi',
			xpayCredentials(sandbox.current).nexiXPayApi,
		);
		expect(result.message).toContain('(error 5)');
	});
});

describe('validation before any request', () => {
	test.each<[string, Record<string, unknown>, string]>([
		[
			'three decimals',
			{ operation: 'capture', transactionCode: 'ORD-1', amount: 19.999 },
			'Invalid Amount: got 19.999, expected a positive amount with at most two decimals, such as 19.99 (more than 2 decimal places)',
		],
		[
			'a zero amount',
			{ operation: 'capture', transactionCode: 'ORD-1', amount: 0 },
			'Invalid Amount: got 0, expected a positive amount with at most two decimals, such as 19.99 (zero)',
		],
		[
			'a negative refund',
			{ operation: 'refund', transactionCode: 'ORD-1', amount: -5 },
			'(negative)',
		],
		[
			'an amount that is text',
			{ operation: 'capture', transactionCode: 'ORD-1', amount: 'ten' },
			'Invalid Amount: got "ten"',
		],
		[
			'a 31-character code',
			{ operation: 'get', transactionCode: 'A'.repeat(31) },
			`Invalid Transaction Code: got "${'A'.repeat(31)}", expected 2 to 30 characters without spaces`,
		],
		[
			'a one-character code',
			{ operation: 'get', transactionCode: 'A' },
			'Invalid Transaction Code: got "A"',
		],
		[
			'a code with a space',
			{ operation: 'capture', transactionCode: 'ORD 1', amount: 1 },
			'Invalid Transaction Code: got "ORD 1"',
		],
		[
			'a list with dates reversed',
			{ operation: 'getMany', fromDate: '2026-02-01', toDate: '2026-01-01', returnAll: true },
			'Invalid To Date: got "2026-01-01", expected a date on or after From Date (2026-02-01)',
		],
		[
			'a window of 91 days',
			{
				operation: 'getMany',
				fromDate: '2026-01-01',
				toDate: '2026-01-02',
				returnAll: true,
				options: { windowDays: 91 },
			},
			'Invalid Days per Request: got 91, expected a whole number from 1 to 90',
		],
	])('order: %s', async (_label, parameters, message) => {
		const { error } = await run({ resource: 'order', ...parameters });
		expect(error?.message).toContain(message);
		expect(sandbox.current.requests).toEqual([]);
	});

	test.each<[string, Record<string, unknown>, string]>([
		[
			'a return URL without http',
			{ returnUrl: 'shop.example/ok' },
			'Invalid Return URL: got "shop.example/ok", expected an http or https address',
		],
		['an ftp return URL', { returnUrl: 'ftp://shop.example' }, 'Invalid Return URL'],
		[
			'0 hours',
			{ expiresInHours: 0 },
			'Invalid Expires In (Hours): got 0, expected a whole number from 1 upwards',
		],
		['1.5 hours', { expiresInHours: 1.5 }, 'Invalid Expires In (Hours): got 1.5'],
		[
			'a broken e-mail',
			{ additionalFields: { email: 'mario@' } },
			'Invalid Customer Email: got "mario@", expected an e-mail address',
		],
		[
			'a notification URL that is not one',
			{ additionalFields: { notificationUrl: 'notify me' } },
			'Invalid Notification URL',
		],
		[
			'an extra parameter that would overwrite the MAC',
			{ additionalFields: { extraParameters: { parameter: [{ name: 'mac', value: 'x' }] } } },
			'Invalid Extra Parameters: got "mac"',
		],
	])('PayMail link: %s', async (_label, change, message) => {
		const { error } = await run({
			resource: 'payMailLink',
			operation: 'create',
			amount: 10,
			returnUrl: 'https://ok.example',
			...change,
		});
		expect(error?.message).toContain(message);
		expect(sandbox.current.requests).toEqual([]);
	});

	test('a report id with a slash, and a plain-http custom URL', async () => {
		const bad = await run({ resource: 'report', operation: 'download', reportId: '../etc' });
		expect(bad.error?.message).toContain('Invalid Report ID: got "../etc"');
		const url = await runNode({
			type: 'n8n-nodes-nexi.nexiXPay',
			parameters: { resource: 'report', operation: 'getMany' },
			credentials: xpayCredentials(sandbox.current, { baseUrl: 'http://xpay.example.com' }),
		});
		expect(url.error?.message).toContain('Base URL "http://xpay.example.com" must use https');
		expect(sandbox.current.requests).toEqual([]);
	});
});

describe('Continue On Fail and secrets', () => {
	test('one error item per failing input, paired; no key anywhere', async () => {
		const good = xpay().addOrder({ importo: 900 });
		const { items, run: execution } = await run(
			{
				resource: 'order',
				operation: 'capture',
				transactionCode: '={{ $json.code }}',
				amount: '={{ $json.amount }}',
			},
			{
				items: [
					{ json: { code: good.codiceTransazione, amount: 9 } },
					{ json: { code: 'X', amount: 1 } },
					{ json: { code: good.codiceTransazione, amount: 1 } },
				],
				continueOnFail: true,
			},
		);
		expect(pairingOf(items)).toEqual([0, 1, 2]);
		expect(items[0].json).toMatchObject({ success: true, orderStatus: 'captured' });
		expect(items[1].json.error).toContain('Invalid Transaction Code: got "X"');
		expect(items[2].json).toMatchObject({
			error: expect.stringContaining('(error 16)'),
			nexi: { code: 16, message: 'Valore non valido nello stato corrente' },
		});
		expect(leaks(xpay().options.macKey, jsonOf(items), execution)).toBe(false);
	});
});
