import { testCredential } from '../helpers/harness';
import { checkoutCredentials, useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox();

describe('Nexi Checkout API credential test', () => {
	beforeEach(() => {
		sandbox.current.requests.length = 0;
	});

	test("a working key: one request for today's payouts, page size 1", async () => {
		const result = await testCredential(
			'nexiCheckoutApi',
			checkoutCredentials(sandbox.current).nexiCheckoutApi,
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const today = new Date().toISOString().slice(0, 10);
		expect(sandbox.current.requests).toHaveLength(1);
		expect(sandbox.current.requests[0]).toMatchObject({
			path: '/report/v1/payouts',
			query: {
				fromDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				pageNumber: '0',
				pageSize: '1',
			},
		});
		// Today in n8n's default time zone: at most a day away from UTC's today.
		const sent = Date.parse(sandbox.current.requests[0].query.fromDate);
		expect(Math.abs(sent - Date.parse(today))).toBeLessThanOrEqual(86_400_000);
	});

	test('a rejected key says so, with the test/live hint', async () => {
		const result = await testCredential(
			'nexiCheckoutApi',
			checkoutCredentials(sandbox.current, {
				secretKey: 'live-secret-key-5a1d0c9e6b7f4e2a8c3d1b0f9e8d7c6b',
			}).nexiCheckoutApi,
		);
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'Nexi rejected the secret key for this environment. Test keys (test-secret-key-…) work only with Test, live keys only with Live; the checkout key is not accepted.',
		);
	});

	test('an unreachable host is told apart', async () => {
		const result = await testCredential(
			'nexiCheckoutApi',
			checkoutCredentials(sandbox.current, { baseUrl: 'http://127.0.0.1:9' }).nexiCheckoutApi,
		);
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});

	test('a plain-http custom URL to another host is refused before any request', async () => {
		const result = await testCredential(
			'nexiCheckoutApi',
			checkoutCredentials(sandbox.current, { baseUrl: 'http://nexi.example.com' }).nexiCheckoutApi,
		);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Base URL "http://nexi.example.com" must use https');
		expect(sandbox.current.requests).toEqual([]);
	});
});
