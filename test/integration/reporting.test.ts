// Nexi's own documented example responses (from the Reporting API reference).
import examples from '../fixtures/nexi-reporting-examples.json';
import { countCredentialReads, runNode, type RunOptions } from '../helpers/harness';
import { idsOf, jsonOf, leaks, pairingOf } from '../helpers/expect';
import { checkoutCredentials, useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox();

const credentials = () => checkoutCredentials(sandbox.current);

/** Runs Nexi Reporting (version 1 unless said) with the sandbox's credential. */
async function run(
	resource: 'payout' | 'paymentAction',
	operation: 'get' | 'getMany',
	parameters: RunOptions['parameters'],
	options: Omit<RunOptions, 'parameters' | 'credentials'> = {},
) {
	return await runNode({
		parameters: { resource, operation, ...parameters },
		credentials: credentials(),
		...options,
	});
}

function expectedPayouts(from: string, to: string, currency?: string) {
	return sandbox.current.reporting
		.list()
		.map(({ payout }) => payout)
		.filter((p) => p.date >= from && p.date <= to && (!currency || p.currency === currency));
}

beforeEach(() => {
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
});

describe('Payout → Get Many', () => {
	test('returns every payout in the range, in the API order, exactly as Nexi sent it', async () => {
		const { items, error } = await run('payout', 'getMany', {
			fromDate: '2026-01-01',
			toDate: '2026-06-30',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const expected = expectedPayouts('2026-01-01', '2026-06-30');
		expect(expected.length).toBeGreaterThan(150);
		expect(jsonOf(items)).toEqual(expected);
		// 2 pages of 100 after page 0, fetched with the default concurrency.
		expect(sandbox.current.requests).toHaveLength(Math.ceil(expected.length / 100));
		expect(sandbox.current.requests.map((r) => r.query)).toContainEqual({
			fromDate: '2026-01-01',
			toDate: '2026-06-30',
			pageNumber: '0',
			pageSize: '100',
		});
	});

	test('Limit returns exactly the first N and reads only the pages it needs', async () => {
		const { items } = await run('payout', 'getMany', {
			fromDate: '2026-01-01',
			toDate: '2026-06-30',
			returnAll: false,
			limit: 7,
		});
		expect(idsOf(items)).toEqual(
			expectedPayouts('2026-01-01', '2026-06-30')
				.slice(0, 7)
				.map((p) => p.id),
		);
		expect(sandbox.current.requests.map((r) => r.query.pageSize)).toEqual(['7']);
	});

	test('the currency filter is sent to Nexi and upper-cased', async () => {
		const { items } = await run('payout', 'getMany', {
			fromDate: '2025-12-01',
			toDate: '2026-11-20',
			returnAll: true,
			filters: { currency: 'dkk' },
		});
		const expected = expectedPayouts('2025-12-01', '2026-11-20', 'DKK');
		expect(expected.length).toBeGreaterThan(40);
		expect(idsOf(items)).toEqual(expected.map((p) => p.id));
		expect(sandbox.current.requests[0].query.currency).toBe('DKK');
	});

	test('a range with no payouts gives no items and no error', async () => {
		const { items, error } = await run('payout', 'getMany', {
			fromDate: '2020-01-01',
			toDate: '2020-01-31',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('dates from expressions: a Luxon DateTime and an ISO string with an offset', async () => {
		const { items } = await run('payout', 'getMany', {
			fromDate: '={{ DateTime.fromISO("2026-03-02T08:00:00", { zone: "Europe/Rome" }) }}',
			toDate: '={{ "2026-03-06T23:00:00-05:00" }}',
			returnAll: true,
		});
		expect(idsOf(items)).toEqual(expectedPayouts('2026-03-02', '2026-03-06').map((p) => p.id));
		expect(sandbox.current.requests[0].query).toMatchObject({
			fromDate: '2026-03-02',
			toDate: '2026-03-06',
		});
	});

	test('each input item runs its own query and its outputs are paired to it', async () => {
		const { items } = await run(
			'payout',
			'getMany',
			{
				fromDate: '={{ $json.from }}',
				toDate: '={{ $json.to }}',
				returnAll: true,
			},
			{
				items: [
					{ json: { from: '2026-03-02', to: '2026-03-03' } },
					{ json: { from: '2026-04-06', to: '2026-04-08' } },
				],
			},
		);
		const first = expectedPayouts('2026-03-02', '2026-03-03');
		const second = expectedPayouts('2026-04-06', '2026-04-08');
		expect(idsOf(items)).toEqual([...first, ...second].map((p) => p.id));
		expect(pairingOf(items)).toEqual([...first.map(() => 0), ...second.map(() => 1)]);
	});
});

describe('pagination edges on a payout of its own', () => {
	async function payoutWithActions(count: number) {
		return sandbox.current.reporting.addPayout({
			date: '2019-01-15',
			currency: 'EUR',
			actions: count,
		});
	}

	function actionsOf(id: string) {
		return sandbox.current.reporting.list().find(({ payout }) => payout.id === id)!.actions;
	}

	test.each([
		[0, 1],
		[1, 1],
		[100, 1],
		[101, 2],
	])('%i payment actions come back whole in %i requests', async (count, requests) => {
		const payout = await payoutWithActions(count);
		sandbox.current.requests.length = 0;
		const { items } = await run('paymentAction', 'getMany', {
			payoutId: payout.id,
			returnAll: true,
		});
		expect(idsOf(items)).toEqual(actionsOf(payout.id).map((a) => a.id));
		expect(sandbox.current.requests).toHaveLength(requests);
	});

	test('10,000 actions under random latency: all of them, in order, no duplicates, 100 requests', async () => {
		const payout = await payoutWithActions(10_000);
		sandbox.current.faults.configure({ latencyJitterMs: 15 });
		sandbox.current.requests.length = 0;
		const { items, error } = await run('paymentAction', 'getMany', {
			payoutId: payout.id,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const expected = actionsOf(payout.id);
		expect(items).toHaveLength(10_000);
		expect(new Set(idsOf(items)).size).toBe(10_000);
		expect(idsOf(items)).toEqual(expected.map((a) => a.id));
		expect(sandbox.current.requests).toHaveLength(100);
		expect(items[9_999].json).toEqual({
			payoutId: payout.id,
			payoutReference: payout.reference,
			payoutDate: '2019-01-15',
			...expected[9_999],
		});
	});

	test('the credential is read once per input item, not once per page', async () => {
		const payout = await payoutWithActions(1_000);
		const before = countCredentialReads();
		const { items } = await run(
			'paymentAction',
			'getMany',
			{
				payoutId: payout.id,
				returnAll: true,
			},
			{
				items: [{ json: {} }, { json: {} }],
			},
		);
		expect(items).toHaveLength(2_000);
		expect(countCredentialReads() - before).toBe(2);
	});

	test('a page size above the sandbox cap of 1000 is followed in the capped size', async () => {
		const payout = await payoutWithActions(2500);
		sandbox.current.requests.length = 0;
		const { items } = await run('paymentAction', 'getMany', {
			payoutId: payout.id,
			returnAll: true,
			options: { pageSize: 1000 },
		});
		expect(idsOf(items)).toEqual(actionsOf(payout.id).map((a) => a.id));
		expect(sandbox.current.requests.map((r) => r.query.pageNumber).sort()).toEqual(['0', '1', '2']);
	});

	test("the action totals of a payout add up to its amount with Nexi's signs", async () => {
		const payout = await payoutWithActions(300);
		const { items } = await run('paymentAction', 'getMany', {
			payoutId: payout.id,
			returnAll: true,
		});
		const net = items.reduce(
			(sum, { json }) => sum + (json.amount as number) + (json.fee as number),
			0,
		);
		expect(net).toBe(payout.amount);
		expect(payout.amount).toBe(
			payout.chargedAmount - payout.refundedAmount + payout.depositedAmount - payout.fees,
		);
	});
});

describe('Payout → Get', () => {
	test('without actions: the payout header only, from one small request', async () => {
		const [expected] = expectedPayouts('2026-05-04', '2026-05-04', 'EUR');
		const { items } = await run('payout', 'get', {
			payoutId: expected.id,
			includePaymentActions: false,
		});
		const stored = sandbox.current.reporting
			.list()
			.find(({ payout }) => payout.id === expected.id)!;
		expect(jsonOf(items)).toEqual([{ ...expected, numberOfPaymentActions: stored.actions.length }]);
		expect(sandbox.current.requests.map((r) => r.query)).toEqual([
			{ pageNumber: '0', pageSize: '1' },
		]);
	});

	test('with actions: every page inlined; a dashed or upper-case id is normalised', async () => {
		const payout = sandbox.current.reporting.addPayout({
			date: '2019-02-01',
			currency: 'SEK',
			actions: 250,
		});
		const dashed =
			`${payout.id.slice(0, 8)}-${payout.id.slice(8, 12)}-${payout.id.slice(12, 16)}-${payout.id.slice(16, 20)}-${payout.id.slice(20)}`.toUpperCase();
		const { items } = await run('payout', 'get', {
			payoutId: dashed,
			includePaymentActions: true,
		});
		const stored = sandbox.current.reporting.list().find((s) => s.payout.id === payout.id)!;
		expect(jsonOf(items)).toEqual([
			{ ...payout, numberOfPaymentActions: 250, paymentActions: stored.actions },
		]);
	});

	test('an unknown payout is a 404 that names the id', async () => {
		const { error } = await run('payout', 'get', {
			payoutId: 'ffffffffffffffffffffffffffffffff',
		});
		expect(error?.message).toBe(
			'Nexi has no payout with ID ffffffffffffffffffffffffffffffff for this merchant',
		);
		expect(error?.httpCode).toBe('404');
	});
});

describe("Nexi's documented examples", () => {
	const listed = examples['GET /report/v1/payouts (documented example)'];
	const detail = examples['GET /report/v1/payouts/{id} (documented example)'];

	beforeAll(() => {
		const { numberOfPaymentActions: _n, paymentActions, ...header } = detail;
		sandbox.current.reporting.addRawPayout(listed.payouts[0] as never, []);
		sandbox.current.reporting.addRawPayout(header as never, paymentActions as never);
	});

	test('a listed payout comes out exactly as documented', async () => {
		const { items } = await run('payout', 'getMany', {
			fromDate: '2021-05-21',
			toDate: '2021-05-21',
			returnAll: true,
		});
		expect(jsonOf(items)).toEqual(listed.payouts);
	});

	test('a payout with its actions comes out exactly as documented', async () => {
		const { items } = await run('payout', 'get', {
			payoutId: detail.id,
			includePaymentActions: true,
		});
		expect(jsonOf(items)).toEqual([detail]);
	});

	test('the documented actions as rows that stand alone in a spreadsheet', async () => {
		const { items } = await run('paymentAction', 'getMany', {
			payoutId: detail.id,
			returnAll: true,
		});
		expect(jsonOf(items)).toEqual(
			detail.paymentActions.map((action) => ({
				payoutId: '11ed90a7fcb2a840a2cea7eb5fabf17f',
				payoutReference: '3010007692',
				payoutDate: '2023-01-10',
				...action,
			})),
		);
		expect(items.map((i) => [i.json.paymentAction, i.json.amount, i.json.fee])).toEqual([
			['REFUND', -3190, -400],
			['CHARGE', 1000, -110],
		]);
	});
});

describe('Payment Action → Get Many for a date range (reconciliation export)', () => {
	const range = { fromDate: '2026-10-01', toDate: '2026-10-31' };

	function expectedActions(filter: (type: string) => boolean = () => true) {
		return expectedPayouts(range.fromDate, range.toDate).flatMap((payout) =>
			sandbox.current.reporting
				.list()
				.find((s) => s.payout.id === payout.id)!
				.actions.filter((a) => filter(a.paymentAction))
				.map((a) => ({
					payoutId: payout.id,
					payoutReference: payout.reference,
					payoutDate: payout.date,
					...a,
				})),
		);
	}

	test('every action of every payout in the range, payout by payout', async () => {
		const { items } = await run('paymentAction', 'getMany', {
			source: 'dateRange',
			...range,
			returnAll: true,
		});
		const expected = expectedActions();
		expect(expected.length).toBeGreaterThan(500);
		expect(jsonOf(items)).toEqual(expected);
	});

	test('filtered to refunds and fees, with a limit across payouts', async () => {
		const keep = (type: string) => type === 'REFUND' || type === 'FEE';
		const { items } = await run('paymentAction', 'getMany', {
			source: 'dateRange',
			...range,
			returnAll: false,
			limit: 25,
			filters: { actionTypes: ['REFUND', 'FEE'] },
		});
		expect(jsonOf(items)).toEqual(expectedActions(keep).slice(0, 25));
	});

	test('the currency filter narrows the payouts', async () => {
		const { items } = await run('paymentAction', 'getMany', {
			source: 'dateRange',
			...range,
			returnAll: true,
			filters: { currency: 'SEK' },
		});
		expect(new Set(items.map((i) => i.json.currency))).toEqual(new Set(['SEK']));
		expect(items.length).toBe(expectedActions().filter((a) => a.currency === 'SEK').length);
	});
});

describe('retries', () => {
	const listParams = {
		resource: 'payout',
		operation: 'getMany',
		fromDate: '2026-01-01',
		toDate: '2026-06-30',
		returnAll: true,
	};

	test.each(['error500', 'error503', 'drop', 'malformed'] as const)(
		'two %s faults on one page are retried and the list is still complete',
		async (fault) => {
			sandbox.current.faults.configure({}, [
				{ fault, match: '/report/v1/payouts', skip: 1, times: 2 },
			]);
			const { items, error } = await runNode({
				parameters: listParams,
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expect(idsOf(items)).toEqual(expectedPayouts('2026-01-01', '2026-06-30').map((p) => p.id));
			expect(sandbox.current.faults.injected[fault]).toBe(2);
		},
	);

	test('a 429 waits for its Retry-After, then succeeds', async () => {
		sandbox.current.faults.configure({}, [
			{ fault: 'rateLimit', match: '/report/v1/payouts', retryAfterSeconds: 1 },
		]);
		const started = Date.now();
		const { items, error } = await runNode({ parameters: listParams, credentials: credentials() });
		expect(error).toBeUndefined();
		expect(items.length).toBe(expectedPayouts('2026-01-01', '2026-06-30').length);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	test('when every attempt fails, a clear error after 1 + 4 attempts, never a partial list', async () => {
		sandbox.current.faults.configure({}, [
			{ fault: 'error500', match: '/report/v1/payouts', skip: 1, times: 100 },
		]);
		const { items, error } = await runNode({
			parameters: { ...listParams, options: { concurrency: 1 } },
			credentials: credentials(),
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe('Nexi had an internal error: Unexpected error');
		expect(error?.description).toContain('code 1001, source Internal');
		expect(sandbox.current.faults.injected.error500).toBe(5);
	}, 30_000);

	test('a 401 is not retried', async () => {
		await runNode({
			parameters: listParams,
			credentials: checkoutCredentials(sandbox.current, {
				secretKey: 'test-secret-key-00000000000000000000000000000000',
			}),
		});
		expect(sandbox.current.requests).toHaveLength(1);
	});
});

describe('errors from Nexi', () => {
	const listParams = {
		resource: 'payout',
		operation: 'getMany',
		fromDate: '2026-01-01',
		toDate: '2026-01-31',
		returnAll: true,
	};

	test.each([
		['a wrong key', 'test-secret-key-00000000000000000000000000000000'],
		['a live key on the test host', 'live-secret-key-5a1d0c9e6b7f4e2a8c3d1b0f9e8d7c6b'],
	])('401 for %s says the key was rejected for that environment', async (_label, secretKey) => {
		const { error } = await runNode({
			parameters: listParams,
			credentials: checkoutCredentials(sandbox.current, { secretKey }),
		});
		expect(error?.message).toBe('Nexi rejected the secret key for the Custom environment');
		expect(error?.description).toContain('test keys (test-secret-key-…) work only with Test');
		expect(error?.httpCode).toBe('401');
		expect(leaks(secretKey, error)).toBe(false);
	});

	test('the bare 32-hex key works as well as the prefixed one', async () => {
		const { items, error } = await runNode({
			parameters: listParams,
			credentials: checkoutCredentials(sandbox.current, {
				secretKey: '5a1d0c9e6b7f4e2a8c3d1b0f9e8d7c6b',
			}),
		});
		expect(error).toBeUndefined();
		expect(items.length).toBe(expectedPayouts('2026-01-01', '2026-01-31').length);
	});

	test("400 lists Nexi's field errors", async () => {
		const { error } = await runNode({
			parameters: listParams,
			credentials: checkoutCredentials(sandbox.current, { merchantNumber: 'abc' }),
		});
		expect(error?.message).toBe(
			"Nexi rejected the request as invalid: merchantNumber: The value 'abc' is not valid.",
		);
		expect(error?.httpCode).toBe('400');
	});

	test('the merchant number of a partner is sent as a query parameter', async () => {
		const { error } = await runNode({
			parameters: listParams,
			credentials: checkoutCredentials(sandbox.current, { merchantNumber: '100017120' }),
		});
		expect(error).toBeUndefined();
		expect(sandbox.current.requests[0].query.merchantNumber).toBe('100017120');
	});

	test('a body of the wrong shape is refused with the field named', async () => {
		sandbox.current.reporting.addRawPayout(
			{ id: 'aaaabbbbccccddddeeeeffff00001111', date: '2018-03-01', amount: '12.50' } as never,
			[],
		);
		const { error } = await runNode({
			parameters: { ...listParams, fromDate: '2018-03-01', toDate: '2018-03-01' },
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'Nexi returned a response this node does not understand: payouts[0].amount: Invalid input: expected number, received string',
		);
	});

	test('an unreachable host is a clear error, after retries', async () => {
		const { error } = await runNode({
			parameters: listParams,
			credentials: checkoutCredentials(sandbox.current, { baseUrl: 'http://127.0.0.1:9' }),
		});
		expect(error?.message).toBe('Could not get an answer from Nexi at http://127.0.0.1:9');
		expect(error?.description).toContain('ECONNREFUSED');
	}, 30_000);
});

describe('validation before any request', () => {
	const base = {
		resource: 'payout',
		operation: 'getMany',
		fromDate: '2026-01-01',
		toDate: '2026-01-31',
		returnAll: true,
	};

	test.each<[string, Record<string, unknown>, string]>([
		[
			'an impossible From Date',
			{ fromDate: '2026-02-30' },
			'Invalid From Date: got "2026-02-30", expected a date such as 2024-05-31',
		],
		[
			'a day-first date',
			{ toDate: '31/01/2026' },
			'Invalid To Date: got "31/01/2026", expected a date such as 2024-05-31',
		],
		[
			'an empty date from an expression',
			{ fromDate: '={{ "" }}' },
			'Invalid From Date: got an empty value, expected a date',
		],
		[
			'an expression that resolves to nothing',
			{ fromDate: '={{ $json.missing }}' },
			'Invalid From Date: got nothing, expected a date',
		],
		[
			'dates reversed',
			{ fromDate: '2026-02-01' },
			'Invalid To Date: got "2026-01-31", expected a date on or after From Date (2026-02-01)',
		],
		[
			'a four-letter currency',
			{ filters: { currency: 'EURO' } },
			'Invalid Currency: got "EURO", expected a three-letter ISO 4217 code',
		],
		[
			'a limit of 0',
			{ returnAll: false, limit: 0 },
			'Invalid Limit: got 0, expected a whole number from 1',
		],
		[
			'a page size of 5000',
			{ options: { pageSize: 5000 } },
			'Invalid Page Size: got 5000, expected a whole number from 1 to 1000',
		],
		[
			'11 parallel requests',
			{ options: { concurrency: 11 } },
			'Invalid Parallel Requests: got 11, expected a whole number from 1 to 10',
		],
		[
			'a short payout id',
			{ resource: 'payout', operation: 'get', payoutId: '11ebb9ef' },
			'Invalid Payout ID: got "11ebb9ef", expected 32 hexadecimal digits',
		],
		[
			'a payout id with a stray letter',
			{
				resource: 'paymentAction',
				operation: 'getMany',
				payoutId: 'g1ebb9ef6a7d4df0b20d59ad574e9761',
			},
			'Invalid Payout ID: got "g1ebb9ef6a7d4df0b20d59ad574e9761"',
		],
		[
			'a plain-http custom URL',
			{ __credentials: { baseUrl: 'http://nexi.example.com' } },
			'Base URL "http://nexi.example.com" must use https',
		],
	])('%s', async (_label, change, message) => {
		const { __credentials, ...parameters } = change as Record<string, unknown> & {
			__credentials?: Record<string, string>;
		};
		const { error, items } = await runNode({
			parameters: { ...base, ...parameters } as never,
			credentials: checkoutCredentials(sandbox.current, __credentials),
		});
		expect(items).toEqual([]);
		expect(error?.message).toContain(message);
		expect(sandbox.current.requests).toEqual([]);
	});
});

test('n8n itself refuses to run with a required date left empty', async () => {
	await expect(
		run('payout', 'getMany', {
			fromDate: '',
			toDate: '2026-01-31',
			returnAll: true,
		}),
	).rejects.toThrow('Parameter "From Date" is required.');
	expect(sandbox.current.requests).toEqual([]);
});

describe('Continue On Fail', () => {
	test('a failing item becomes one error item paired to it; the others go on', async () => {
		const [good] = expectedPayouts('2026-05-04', '2026-05-04', 'EUR');
		const { items, error } = await runNode({
			parameters: { resource: 'payout', operation: 'get', payoutId: '={{ $json.id }}' },
			items: [
				{ json: { id: good.id } },
				{ json: { id: 'not-an-id' } },
				{ json: { id: 'ffffffffffffffffffffffffffffffff' } },
			],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(pairingOf(items)).toEqual([0, 1, 2]);
		expect(items[0].json.id).toBe(good.id);
		expect(items[1].json).toEqual({
			error:
				'Invalid Payout ID: got "not-an-id", expected 32 hexadecimal digits such as 11ebb9ef6a7d4df0b20d59ad574e9761 (the dashed UUID form is accepted too)',
			description:
				'Payout IDs are shown in the Nexi portal under Payouts, or come from the Payout → Get Many operation.',
		});
		expect(items[2].json).toMatchObject({
			error: 'Nexi has no payout with ID ffffffffffffffffffffffffffffffff for this merchant',
			httpCode: '404',
		});
	});
});

describe('secrets', () => {
	test('the key appears in no output item and no error, even on failures', async () => {
		const key = sandbox.current.reporting.testKey;
		sandbox.current.faults.configure({}, [{ fault: 'error500', times: 100 }]);
		const failed = await run(
			'payout',
			'getMany',
			{
				fromDate: '2026-01-01',
				toDate: '2026-01-31',
				returnAll: true,
			},
			{
				items: [{ json: {} }, { json: {} }],
				continueOnFail: true,
			},
		);
		sandbox.current.faults.clear();
		const ok = await run('payout', 'getMany', {
			fromDate: '2026-01-01',
			toDate: '2026-01-31',
			returnAll: true,
		});
		expect(failed.items).toHaveLength(2);
		expect(failed.items[0].json.error).toBe('Nexi had an internal error: Unexpected error');
		expect(leaks(key, failed.items, failed.error, failed.run, ok.items, ok.run)).toBe(false);
		expect(leaks(key.slice(16), failed.run, ok.run)).toBe(false);
	}, 60_000);
});
