import { runNode, type RunOptions } from '../helpers/harness';
import { checkoutCredentials, useSandbox, xpayCredentials } from '../helpers/sandbox';
import { BAD_INPUTS, type BadInput } from './bad-inputs';

const sandbox = useSandbox();
const TYPES = {
	reporting: 'n8n-nodes-nexi.nexiReporting',
	xpay: 'n8n-nodes-nexi.nexiXPay',
	checkout: 'n8n-nodes-nexi.nexiCheckout',
};

function options(row: BadInput, continueOnFail: boolean): RunOptions {
	const credentials =
		row.node === 'xpay'
			? xpayCredentials(sandbox.current, row.credentials)
			: checkoutCredentials(sandbox.current, {
					webhookAuthorization: 'BadInputsWebhookSecret1',
					...row.credentials,
				});
	return {
		type: TYPES[row.node],
		parameters: row.parameters as RunOptions['parameters'],
		credentials,
		items: [{ json: {} }, { json: {} }],
		continueOnFail,
	};
}

beforeEach(() => {
	sandbox.current.requests.length = 0;
});

test(`the table has at least 40 bad inputs (${BAD_INPUTS.length})`, () => {
	expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
	// Every node, and the credentials.
	expect(
		BAD_INPUTS.filter((row) => row.node === 'xpay' && !row.credentials).length,
	).toBeGreaterThanOrEqual(15);
	expect(
		BAD_INPUTS.filter((row) => row.node === 'reporting' && !row.credentials).length,
	).toBeGreaterThanOrEqual(15);
	expect(
		BAD_INPUTS.filter((row) => row.node === 'xpay' && row.credentials).length,
	).toBeGreaterThanOrEqual(2);
	expect(
		BAD_INPUTS.filter((row) => row.node === 'reporting' && row.credentials).length,
	).toBeGreaterThanOrEqual(2);
	expect(BAD_INPUTS.filter((row) => row.node === 'checkout').length).toBeGreaterThanOrEqual(5);
});

describe.each(BAD_INPUTS.map((row) => [`${row.node}: ${row.label}`, row] as const))(
	'%s',
	(_name, row) => {
		test('refused before any request, naming the field and what is expected', async () => {
			const { error, items } = await runNode(options(row, false));
			expect(items).toEqual([]);
			expect(error?.message.startsWith(row.message)).toBe(true);
			expect(sandbox.current.requests).toEqual([]);
		});

		test('with Continue On Fail: one error item per input item, paired to it', async () => {
			const { error, items } = await runNode(options(row, true));
			expect(error).toBeUndefined();
			expect(items).toHaveLength(2);
			expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1]);
			for (const item of items) expect(String(item.json.error).startsWith(row.message)).toBe(true);
			expect(sandbox.current.requests).toEqual([]);
		});
	},
);
