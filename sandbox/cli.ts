import { startSandbox } from './server';

/**
 * `npm run sandbox [-- --port 8787 --seed 1 --latency 0 --error-rate 0 --variant]`: starts the local Nexi
 * sandbox and prints what a credential needs to use it.
 */
async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox({
		port: Number(args.port ?? 8787),
		variant: args.variant !== undefined,
		smtpPort: Number(args['smtp-port'] ?? 2525),
		reporting: { seed: Number(args.seed ?? 1) },
		faults: {
			latencyMs: Number(args.latency ?? 0),
			errorRate: Number(args['error-rate'] ?? 0),
			rateLimitRate: Number(args['rate-limit-rate'] ?? 0),
			dropRate: Number(args['drop-rate'] ?? 0),
		},
	});
	// Sixty days of orders on the API-key platform too, so that its lists and triggers have
	// something to show (the tests start from an empty one).
	const day = 86_400_000;
	for (let i = 0; i < 40; i++)
		sandbox.xpayKey.addOrder({
			orderId: `SBX-${String(i + 1).padStart(4, '0')}`,
			amount: 500 + ((i * 1337) % 20000),
			at: Date.now() - Math.round(i * 1.5 * day) - 3600_000,
			result: i % 7 === 3 ? 'DECLINED' : i % 4 === 0 ? 'EXECUTED' : 'AUTHORIZED',
		});
	const lines = [
		`Nexi sandbox listening on ${sandbox.url}${args.variant !== undefined ? ' (variant mode: the other plausible answers where the specs are silent)' : ''}`,
		'',
		'Nexi Checkout API credential (Nexi Checkout and Nexi Reporting nodes):',
		`  Environment: Custom    Base URL: ${sandbox.url}`,
		`  Secret Key:  ${sandbox.reporting.testKey}`,
		'  Webhook Authorization: any 8 to 64 letters and digits (the trigger and the node share it)',
		`  Payouts:     ${sandbox.reporting.list().length} over the last ${sandbox.reporting.options.days} days (EUR, SEK, DKK)`,
		'',
		'Nexi XPay API credential (Nexi XPay node):',
		`  Environment: Custom    Base URL: ${sandbox.url}`,
		`  Alias:       ${sandbox.xpay.options.alias}`,
		`  MAC Key:     ${sandbox.xpay.options.macKey}`,
		`  Orders:      ${sandbox.xpay.orders.size} over the last ${sandbox.xpay.options.days} days; PayMail links: ${sandbox.xpay.links.size}`,
		'',
		'Nexi XPay REST API credential (Nexi XPay node, Authentication: API Key):',
		`  Environment: Custom    Base URL: ${sandbox.url}`,
		`  API Key:     ${sandbox.xpayKey.options.apiKey}`,
		`  Orders:      ${sandbox.xpayKey.orders.size} over the last 60 days`,
		'',
		`Mail sink (SMTP, no TLS, no login): 127.0.0.1:${sandbox.smtp.port}; received mails: GET ${sandbox.url}/_sandbox/mail`,
		'',
		`Control API: GET ${sandbox.url}/_sandbox/info`,
		`  add a payout:      POST /_sandbox/reporting/payouts {"date":"YYYY-MM-DD","currency":"EUR","actions":5}`,
		`  add an order:      POST /_sandbox/xpay/orders {"importo":1999}`,
		`  pay a PayMail link: POST /_sandbox/xpay/paymail/<transaction code>/pay (or /decline, /expire)`,
		`  pay an API-key link: POST /_sandbox/xpay-key/links/<link id>/pay (or /decline)`,
		`  pay a Checkout page: open its url, or POST /_sandbox/checkout/payments/<payment id>/pay (or /decline)`,
		'Press Ctrl-C to stop.',
	];
	console.log(lines.join('\n'));
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

function parseArgs(argv: string[]): Record<string, string> {
	const result: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const [key, inline] = arg.slice(2).split('=', 2);
		// A flag without a value (--variant) is followed by another flag or nothing.
		result[key] = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '');
	}
	return result;
}

void main();
