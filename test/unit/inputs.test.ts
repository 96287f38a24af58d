import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';

import { NexiCheckoutApi } from '../../credentials/NexiCheckoutApi.credentials';
import { nexiCheckoutBaseUrl } from '../../nodes/NexiCheckout/protocol/environment';
import { checkCustomBaseUrl } from '../../nodes/common/baseUrl';
import { parseCalendarDate } from '../../nodes/common/dates';
import { requireDateRange } from '../../nodes/common/validation';
import { normalizeHexId, requireCurrency, requireWholeNumber } from '../../nodes/common/validation';

const node = { name: 'Nexi', type: 'n8n-nodes-nexi.nexiReporting', typeVersion: 1 } as INode;

describe('parseCalendarDate', () => {
	const rome = 'Europe/Rome';
	test.each<[unknown, string]>([
		['2024-05-31', '2024-05-31'],
		['  2024-05-31 ', '2024-05-31'],
		['2024-05-31T00:00:00', '2024-05-31'],
		['2024-05-31T23:59:59', '2024-05-31'],
		['2024-05-31 10:00', '2024-05-31'],
		// An ISO string keeps the calendar date of its own offset.
		['2024-05-31T23:30:00-05:00', '2024-05-31'],
		['2024-05-31T00:30:00+02:00', '2024-05-31'],
		['2024-05-30T22:30:00.000Z', '2024-05-30'],
		[DateTime.fromISO('2024-05-31T00:15:00', { zone: 'Asia/Tokyo' }), '2024-05-31'],
		// A JS Date or epoch ms is an instant: read in the workflow's time zone.
		[new Date('2024-05-30T22:30:00Z'), '2024-05-31'],
		[Date.parse('2024-05-30T22:30:00Z'), '2024-05-31'],
		['2024-02-29', '2024-02-29'],
	])('%p → %s', (value, expected) => {
		expect(parseCalendarDate(value, rome)?.toISODate()).toBe(expected);
	});

	test.each<unknown>([
		'',
		'31/05/2024',
		'2024-13-01',
		'2023-02-29',
		'yesterday',
		null,
		undefined,
		{},
		NaN,
		new Date('x'),
	])('%p is not a date', (value) => {
		expect(parseCalendarDate(value, rome)).toBeUndefined();
	});

	test('a reversed range names the field and both dates', () => {
		expect(() =>
			requireDateRange(
				node,
				0,
				{ from: ['From Date', '2024-06-02'], to: ['To Date', '2024-06-01'] },
				'UTC',
			),
		).toThrow(
			'Invalid To Date: got "2024-06-01", expected a date on or after From Date (2024-06-02)',
		);
	});
});

describe('identifiers, currencies and numbers', () => {
	test.each([
		['11ebb9ef6a7d4df0b20d59ad574e9761', '11ebb9ef6a7d4df0b20d59ad574e9761'],
		['11EBB9EF6A7D4DF0B20D59AD574E9761', '11ebb9ef6a7d4df0b20d59ad574e9761'],
		['11ebb9ef-6a7d-4df0-b20d-59ad574e9761', '11ebb9ef6a7d4df0b20d59ad574e9761'],
		[' 11ebb9ef6a7d4df0b20d59ad574e9761\n', '11ebb9ef6a7d4df0b20d59ad574e9761'],
	])('payout id %p → %s', (value, expected) => {
		expect(normalizeHexId(value)).toBe(expected);
	});

	test.each([
		['11ebb9ef6a7d4df0b20d59ad574e976'],
		['11ebb9ef6a7d4df0b20d59ad574e9761a'],
		['zzebb9ef6a7d4df0b20d59ad574e9761'],
		[''],
		[42],
	])('payout id %p is refused', (value) => {
		expect(normalizeHexId(value)).toBeUndefined();
	});

	test('currency codes are upper-cased; anything else is refused with the expected form', () => {
		expect(requireCurrency(node, 0, 'Currency', ' sek ')).toBe('SEK');
		expect(() => requireCurrency(node, 2, 'Currency', 'EURO')).toThrow(
			'Invalid Currency: got "EURO", expected a three-letter ISO 4217 code such as EUR, SEK or DKK',
		);
	});

	test('whole numbers within range', () => {
		expect(requireWholeNumber(node, 0, 'Limit', '12', 1, 100)).toBe(12);
		expect(() => requireWholeNumber(node, 0, 'Limit', 0, 1, 100)).toThrow(
			'Invalid Limit: got 0, expected a whole number from 1 to 100',
		);
		expect(() => requireWholeNumber(node, 0, 'Limit', 2.5, 1, 100)).toThrow('got 2.5');
	});
});

describe('base URLs', () => {
	test.each([
		['https://test.api.dibspayment.eu/', 'https://test.api.dibspayment.eu'],
		['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
		['http://localhost:8787/', 'http://localhost:8787'],
		['http://[::1]:8787', 'http://[::1]:8787'],
	])('%s is accepted', (raw, url) => {
		expect(checkCustomBaseUrl(raw)).toEqual({ ok: true, url });
	});

	test.each([
		['http://api.example.com', 'must use https'],
		['http://192.168.1.10:8787', 'must use https'],
		['ftp://localhost', 'must use https'],
		['example.com', 'is not a URL'],
		['', 'is empty'],
		['https://user:pw@example.com', 'must not contain a user name or password'],
	])('%s is refused: %s', (raw, problem) => {
		const check = checkCustomBaseUrl(raw);
		expect(check.ok).toBe(false);
		expect(check.ok ? '' : check.problem).toContain(problem);
	});

	test('the environments map to Nexi hosts', () => {
		expect(nexiCheckoutBaseUrl({ environment: 'test' })).toBe('https://test.api.dibspayment.eu');
		expect(nexiCheckoutBaseUrl({ environment: 'live' })).toBe('https://api.dibspayment.eu');
		expect(() =>
			nexiCheckoutBaseUrl({ environment: 'custom', baseUrl: 'http://evil.example' }),
		).toThrow('must use https');
	});
});

describe('Nexi Checkout credential', () => {
	const credential = new NexiCheckoutApi();

	test('sends the key as pasted, without a scheme word, and the merchant number when set', async () => {
		const options = await (credential.authenticate as Function)(
			{ environment: 'live', secretKey: ' live-secret-key-abc ', merchantNumber: '123' },
			{ url: '/report/v1/payouts', qs: { pageSize: 1 }, headers: { Accept: 'application/json' } },
		);
		expect(options).toEqual({
			url: '/report/v1/payouts',
			baseURL: 'https://api.dibspayment.eu',
			qs: { pageSize: 1, merchantNumber: '123' },
			headers: { Accept: 'application/json', Authorization: 'live-secret-key-abc' },
		});
	});

	test('leaves merchantNumber out when empty', async () => {
		const options = await (credential.authenticate as Function)(
			{ environment: 'test', secretKey: 'abc', merchantNumber: '' },
			{ url: '/x', qs: { a: 1 } },
		);
		expect(options.qs).toEqual({ a: 1 });
	});

	test('the key field is a password and the test asks for one cheap page', () => {
		const key = credential.properties.find((p) => p.name === 'secretKey');
		expect(key?.typeOptions?.password).toBe(true);
		expect(credential.test.request.qs).toMatchObject({ pageSize: 1, pageNumber: 0 });
	});
});
