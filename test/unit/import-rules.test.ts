/**
 * The import rules of CONTRIBUTING.md as `npm run lint` checks them (scripts/check-imports.js):
 * a module's layer is its folder, and imports point one way.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check, layerOf } = require('../../scripts/check-imports.js') as {
	check: (
		files: string[],
		read: (file: string) => string,
	) => { problems: string[]; checked: number };
	layerOf: (file: string) => Record<string, unknown>;
};

/** The problems of one file that holds only the given import. */
function problemsOf(file: string, specifier: string): string[] {
	return check([file], () => `import { x } from '${specifier}';\n`).problems;
}

describe('a module’s layer is its folder', () => {
	it.each([
		['nodes/NexiXPay/NexiXPay.node.ts', { api: 'NexiXPay', layer: 'node' }],
		[
			'nodes/NexiCheckout/Reporting/NexiReportingTrigger.node.ts',
			{ api: 'NexiCheckout/Reporting', layer: 'node' },
		],
		[
			'nodes/NexiXPay/backOffice/actions/order/capture.operation.ts',
			{ api: 'NexiXPay/backOffice', layer: 'actions', operation: true },
		],
		[
			'nodes/NexiXPay/backOffice/methods/listSearch.ts',
			{ api: 'NexiXPay/backOffice', layer: 'actions', operation: false },
		],
		[
			'nodes/NexiXPay/backOffice/domain/links.ts',
			{ api: 'NexiXPay/backOffice', layer: 'domain', operation: false },
		],
		[
			'nodes/NexiCheckout/Reporting/transport/client.ts',
			{ api: 'NexiCheckout/Reporting', layer: 'transport', operation: false },
		],
		[
			'nodes/NexiCheckout/protocol/environment.ts',
			{ api: 'NexiCheckout', layer: 'protocol', operation: false },
		],
		['nodes/common/money.ts', { layer: 'common' }],
		['credentials/NexiXPayApi.credentials.ts', { layer: 'credential' }],
	])('%s', (file, expected) => {
		expect(layerOf(file)).toEqual(expected);
	});

	it.each([
		['nodes/NexiXPay/helpers.ts', 'a module sits in a layer folder'],
		['nodes/NexiXPay/backOffice/helpers.ts', 'a module sits in a layer folder'],
		['nodes/NexiXPay/backOffice/helpers/text.ts', 'a module sits in a layer folder'],
	])('a new module outside a layer folder is an error: %s', (file, message) => {
		const [problem] = problemsOf(file, 'n8n-workflow');
		expect(problem).toContain(message);
	});
});

describe('imports point one way', () => {
	it.each([
		['nodes/NexiXPay/NexiXPay.node.ts', './backOffice/actions/order/Order.resource'],
		['nodes/NexiXPay/backOffice/domain/links.ts', '../transport/client'],
		['nodes/NexiXPay/backOffice/domain/links.ts', '../../../common/money'],
		['nodes/NexiCheckout/Reporting/transport/client.ts', '../../protocol/environment'],
		['nodes/NexiCheckout/Reporting/NexiReporting.node.ts', './transport/client'],
		['credentials/NexiXPayApi.credentials.ts', '../nodes/NexiXPay/backOffice/protocol/mac'],
		['nodes/NexiXPay/backOffice/domain/links.ts', 'luxon'],
	])('allowed: %s imports %s', (file, specifier) => {
		expect(problemsOf(file, specifier)).toEqual([]);
	});

	it.each([
		[
			'nodes/NexiXPay/backOffice/domain/links.ts',
			'../actions/common.descriptions',
			'a domain module may not import a actions module',
		],
		[
			'nodes/NexiXPay/backOffice/transport/client.ts',
			'../domain/orders',
			'a transport module may not import a domain module',
		],
		[
			'nodes/NexiXPay/backOffice/actions/order/capture.operation.ts',
			'./refund.operation',
			'an operation never imports another operation',
		],
		[
			'nodes/NexiXPay/apiKey/domain/orders.ts',
			'../../backOffice/domain/orders',
			'one API never imports another',
		],
		[
			'nodes/NexiCheckout/protocol/environment.ts',
			'../Reporting/protocol/errors',
			'one API never imports another',
		],
		[
			'nodes/NexiXPay/backOffice/domain/links.ts',
			'../../../NexiCheckout/Reporting/domain/payouts',
			'one API never imports another',
		],
		[
			'nodes/NexiCheckout/Checkout/NexiCheckout.node.ts',
			'../Reporting/domain/payouts',
			'one API never imports another',
		],
		[
			'nodes/common/money.ts',
			'../NexiXPay/backOffice/protocol/mac',
			'a common module may not import a protocol module',
		],
		[
			'nodes/NexiXPay/backOffice/domain/links.ts',
			'../../../../credentials/NexiXPayApi.credentials',
			'nothing under nodes/ imports credentials/',
		],
		[
			'credentials/NexiXPayApi.credentials.ts',
			'../nodes/NexiXPay/backOffice/transport/client',
			'credentials may import only',
		],
		['nodes/NexiXPay/backOffice/domain/links.ts', 'axios', 'a package n8n Cloud does not allow'],
	])('refused: %s imports %s', (file, specifier, message) => {
		const problems = problemsOf(file, specifier);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(message);
	});
});
