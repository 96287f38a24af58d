import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

/** Starts one sandbox for a test file and closes it afterwards. */
export function useSandbox(options: SandboxOptions = {}): { readonly current: Sandbox } {
	const holder: { current?: Sandbox } = {};
	beforeAll(async () => {
		holder.current = await startSandbox({
			...options,
			reporting: { endDate: '2026-11-20', ...options.reporting },
		});
	});
	afterAll(async () => {
		await holder.current?.close();
	});
	return {
		get current(): Sandbox {
			if (!holder.current) throw new Error('sandbox not started');
			return holder.current;
		},
	};
}

export function checkoutCredentials(sandbox: Sandbox, overrides: Record<string, string> = {}) {
	return {
		nexiCheckoutApi: {
			environment: 'custom',
			baseUrl: sandbox.url,
			secretKey: sandbox.reporting.testKey,
			merchantNumber: '',
			...overrides,
		},
	};
}

export function xpayCredentials(sandbox: Sandbox, overrides: Record<string, string> = {}) {
	return {
		nexiXPayApi: {
			environment: 'custom',
			baseUrl: sandbox.url,
			alias: sandbox.xpay.options.alias,
			macKey: sandbox.xpay.options.macKey,
			...overrides,
		},
	};
}
