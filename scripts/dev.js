#!/usr/bin/env node
// `npm run dev`: a real n8n 2.41 in the browser with this package installed as a community
// package, wired to the local Nexi sandbox, with credentials and the example workflows.
//
//   npm run dev                      sandbox on :8787 (SMTP sink :2525), n8n on :5678
//   npm run dev -- --nexi-test       credentials for Nexi's real test environments instead, from
//                                    NEXI_CHECKOUT_SECRET_KEY, NEXI_XPAY_ALIAS and NEXI_XPAY_MAC_KEY (NEXI_XPAY_API_KEY optional)
//   options: --port 5678 --sandbox-port 8787 --smtp-port 2525 --fresh (start from an empty n8n)
//
// Saving a .ts file rebuilds (tsc --watch), the build is copied into the installed package and
// n8n reloads the nodes. Ctrl-C stops what this script started, and nothing else.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// The environment block the end-to-end suite uses too (scripts/n8n-env.ts).
require('ts-node').register({
	transpileOnly: true,
	project: path.join(__dirname, '..', 'tsconfig.test.json'),
});
const { n8nEnvironment: sharedN8nEnvironment } = require('./n8n-env');

const ROOT = path.resolve(__dirname, '..');
const args = parseArgs(process.argv.slice(2));
const N8N_PORT = Number(args.port ?? 5678);
const SANDBOX_PORT = Number(args['sandbox-port'] ?? 8787);
const SMTP_PORT = Number(args['smtp-port'] ?? 2525);
const CACHE =
	process.env.NEXI_CACHE_DIR ??
	path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'n8n-nodes-nexi');
const USER_FOLDER = path.join(CACHE, 'dev-n8n');
const PACKAGE_DIR = path.join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-nexi');
const OWNER = {
	email: 'dev@example.com',
	firstName: 'Nexi',
	lastName: 'Developer',
	password: 'NexiDev2026',
};

const children = [];
let stopping = false;

async function main() {
	step('Installing Node 24 and n8n 2.41.1 if needed (cached in ' + CACHE + ')');
	const host = hostEnvironment();
	step('Building the package');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	if (args.fresh !== undefined) fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	installPackage();

	const useNexiTest = args['nexi-test'] !== undefined;
	let sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
	if (!useNexiTest) {
		step('Starting the Nexi sandbox');
		start(
			'sandbox',
			process.execPath,
			[
				path.join(ROOT, 'scripts', 'sandbox.js'),
				'--port',
				String(SANDBOX_PORT),
				'--smtp-port',
				String(SMTP_PORT),
			],
			{ quiet: true },
		);
		await waitForUrl(`${sandboxUrl}/_sandbox/health`, 30_000);
	}
	const info = useNexiTest ? undefined : await (await fetch(`${sandboxUrl}/_sandbox/info`)).json();

	const env = n8nEnvironment();
	step('Importing credentials and example workflows');
	const credentialsFile = path.join(USER_FOLDER, 'dev-credentials.json');
	fs.writeFileSync(
		credentialsFile,
		JSON.stringify(credentials(info, sandboxUrl, useNexiTest), null, 2),
	);
	n8nCli(host, env, ['import:credentials', `--input=${credentialsFile}`]);
	n8nCli(host, env, ['import:workflow', '--separate', `--input=${path.join(ROOT, 'examples')}`]);
	fs.rmSync(credentialsFile);

	step('Starting n8n');
	start('n8n', host.N8N_NODE, [host.N8N_BIN, 'start'], {
		env,
		quiet: true,
		logFile: path.join(USER_FOLDER, 'n8n.log'),
	});
	await waitForUrl(`http://127.0.0.1:${N8N_PORT}/healthz/readiness`, 180_000);
	await setUpOwner();

	const tsc = start(
		'tsc',
		process.execPath,
		[
			require.resolve('typescript/bin/tsc'),
			'-p',
			'tsconfig.json',
			'--watch',
			'--preserveWatchOutput',
		],
		{ quiet: true },
	);
	// tsc --watch rewrites everything once when it starts; only later builds are changes.
	await new Promise((resolve) =>
		tsc.stdout.on('data', (chunk) => /Watching for file changes/.test(String(chunk)) && resolve()),
	);
	copyBuildAfterEachCompile(tsc);

	console.log(`
n8n with the Nexi nodes is running: http://localhost:${N8N_PORT}
  Log in as ${OWNER.email} / ${OWNER.password}
  Credentials: "Nexi Checkout account", "Nexi XPay account", "Nexi XPay REST API account", "SMTP account" → ${useNexiTest ? "Nexi's test environments" : `the sandbox at ${sandboxUrl}`}
  Example workflows: Overview → Workflows (from examples/)
${
	useNexiTest
		? ''
		: `  Sandbox: ${sandboxUrl}/_sandbox/info · mails sent by workflows: ${sandboxUrl}/_sandbox/mail
  Add a payout for the trigger: curl -X POST ${sandboxUrl}/_sandbox/reporting/payouts -d '{"date":"${new Date().toISOString().slice(0, 10)}","currency":"EUR","actions":3}'
`
}  Editing nodes/ or credentials/ rebuilds and reloads the nodes. n8n's log: ${path.join(USER_FOLDER, 'n8n.log')}
Press Ctrl-C to stop.`);
}

function hostEnvironment() {
	const output = execFileSync('bash', [path.join(ROOT, 'scripts', 'n8n-host.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return Object.fromEntries(
		[...output.matchAll(/^export (\w+)='([^']*)'$/gm)].map(([, key, value]) => [key, value]),
	);
}

/** The package as npm publishes it (package.json and dist), where n8n installs community packages. */
function installPackage() {
	fs.rmSync(PACKAGE_DIR, { recursive: true, force: true });
	fs.mkdirSync(PACKAGE_DIR, { recursive: true });
	for (const file of ['package.json', 'README.md', 'LICENSE.md'])
		fs.copyFileSync(path.join(ROOT, file), path.join(PACKAGE_DIR, file));
	fs.cpSync(path.join(ROOT, 'dist'), path.join(PACKAGE_DIR, 'dist'), { recursive: true });
}

/**
 * Each time tsc --watch has written dist/ (it then says "Watching for file changes"), dist/ is
 * copied into the installed package, and n8n reloads the nodes.
 */
function copyBuildAfterEachCompile(tsc) {
	tsc.stdout.on('data', (chunk) => {
		if (!/Watching for file changes/.test(String(chunk))) return;
		try {
			fs.cpSync(path.join(ROOT, 'dist'), path.join(PACKAGE_DIR, 'dist'), { recursive: true });
			console.log(`[dev] rebuilt: nodes reloaded (${new Date().toLocaleTimeString()})`);
		} catch (error) {
			console.log(`[dev] build not copied (${error.code ?? error.message}); the next one will be`);
		}
	});
}

function n8nEnvironment() {
	return {
		...process.env,
		...sharedN8nEnvironment(USER_FOLDER, N8N_PORT),
		// Rebuilds of the linked package are picked up without a restart.
		N8N_DEV_RELOAD: 'true',
		...(process.env.GENERIC_TIMEZONE ? { GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE } : {}),
	};
}

/**
 * What Checkout sends back with each payment event (the credential's Webhook Authorization): a
 * fixed one for the sandbox, which only this machine reaches; a random one for Nexi's test
 * environment unless NEXI_CHECKOUT_WEBHOOK_AUTHORIZATION gives one.
 */
const DEV_WEBHOOK_AUTHORIZATION = 'DevSandboxWebhookAuthorization2026';

function credentials(info, sandboxUrl, useNexiTest) {
	const need = (name) => {
		if (!process.env[name]) fail(`--nexi-test needs ${name} in the environment`);
		return process.env[name];
	};
	const checkout = useNexiTest
		? {
				environment: 'test',
				secretKey: need('NEXI_CHECKOUT_SECRET_KEY'),
				merchantNumber: process.env.NEXI_CHECKOUT_MERCHANT_NUMBER ?? '',
				webhookAuthorization:
					process.env.NEXI_CHECKOUT_WEBHOOK_AUTHORIZATION ??
					require('node:crypto').randomBytes(20).toString('hex'),
			}
		: {
				environment: 'custom',
				baseUrl: sandboxUrl,
				secretKey: info.reporting.testKey,
				merchantNumber: '',
				webhookAuthorization: DEV_WEBHOOK_AUTHORIZATION,
			};
	const xpay = useNexiTest
		? { environment: 'test', alias: need('NEXI_XPAY_ALIAS'), macKey: need('NEXI_XPAY_MAC_KEY') }
		: {
				environment: 'custom',
				baseUrl: sandboxUrl,
				alias: info.xpay.alias,
				macKey: info.xpay.macKey,
			};
	return [
		{
			id: 'nexiCheckout0001',
			name: 'Nexi Checkout account',
			type: 'nexiCheckoutApi',
			data: checkout,
		},
		{ id: 'nexiXPayAcct0001', name: 'Nexi XPay account', type: 'nexiXPayApi', data: xpay },
		{
			id: 'nexiXPayKey00001',
			name: 'Nexi XPay REST API account',
			type: 'nexiXPayKeyApi',
			data: useNexiTest
				? { environment: 'test', apiKey: process.env.NEXI_XPAY_API_KEY ?? '' }
				: { environment: 'custom', baseUrl: sandboxUrl, apiKey: info.xpayKey.apiKey },
		},
		{
			id: 'smtpAccount00001',
			name: 'SMTP account',
			type: 'smtp',
			data: {
				user: '',
				password: '',
				host: '127.0.0.1',
				port: SMTP_PORT,
				secure: false,
				disableStartTls: true,
			},
		},
	];
}

function n8nCli(host, env, cliArgs) {
	execFileSync(host.N8N_NODE, [host.N8N_BIN, ...cliArgs], {
		env,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
}

async function setUpOwner() {
	const response = await fetch(`http://127.0.0.1:${N8N_PORT}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	// 400 means an owner exists already (a second start): the same login still works.
	if (!response.ok && response.status !== 400)
		fail(`Could not create the n8n owner: HTTP ${response.status} ${await response.text()}`);
}

function start(name, command, commandArgs, { env = process.env, quiet = false, logFile } = {}) {
	const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
	const forward = (chunk) => {
		log?.write(chunk);
		if (!quiet) process.stdout.write(chunk);
		else if (name === 'tsc' && /error TS/.test(String(chunk)))
			process.stdout.write(`[tsc] ${chunk}`);
	};
	child.stdout.on('data', forward);
	child.stderr.on('data', forward);
	child.on('exit', (code, signal) => {
		if (!stopping) {
			console.error(`[dev] ${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
			void stop(1);
		}
	});
	children.push({ name, child });
	return child;
}

async function stop(code = 0) {
	if (stopping) return;
	stopping = true;
	console.log('\n[dev] stopping…');
	await Promise.all(
		children.map(
			({ child }) =>
				new Promise((resolve) => {
					if (child.exitCode !== null || child.signalCode !== null) return resolve();
					child.once('exit', resolve);
					child.kill('SIGTERM');
					setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
				}),
		),
	);
	process.exit(code);
}

async function waitForUrl(url, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	fail(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function step(text) {
	console.log(`[dev] ${text}…`);
}

function fail(message) {
	console.error(`[dev] ${message}`);
	void stop(1);
	throw new Error(message);
}

function parseArgs(argv) {
	const result = {};
	for (let i = 0; i < argv.length; i++) {
		if (!argv[i].startsWith('--')) continue;
		const [key, inline] = argv[i].slice(2).split('=', 2);
		result[key] = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '');
	}
	return result;
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// Whatever ends this script, n8n and the sandbox must not outlive it.
process.on('exit', () => {
	for (const { child } of children)
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
process.on('uncaughtException', (error) => {
	console.error(error);
	void stop(1);
});
main().catch((error) => {
	console.error(error);
	void stop(1);
});
