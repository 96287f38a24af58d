import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nEnvironment } from '../../scripts/n8n-env';
import { SETUP_FILE, type Setup } from './globalSetup';
import { isN8n1, n8nVersion } from './versions';

export interface ExecutionResult {
	status: string;
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: {
						main: Array<
							Array<{
								json: Record<string, unknown>;
								binary?: Record<string, { data: string; fileName?: string; mimeType?: string }>;
							}>
						>;
					};
					error?: { message: string };
				}>
			>;
			error?: { message: string };
		};
	};
}

let nextPort = 0;

/**
 * A real n8n (the version of the running test project) with the packed package installed the way n8n installs a community package:
 * the tarball unpacked into <user folder>/.n8n/nodes/node_modules/n8n-nodes-nexi. Each instance
 * has its own user folder (database, keys, logs) and ports, and is removed afterwards.
 */
export class N8n {
	readonly folder: string;

	readonly port: number;

	private server?: ChildProcess;

	private serverLog = '';

	private readonly setup: Setup = JSON.parse(readFileSync(SETUP_FILE, 'utf8'));

	/** Node 24 and the n8n binary of the version this test project runs. */
	private readonly host = this.setup.hosts[n8nVersion()];

	constructor(private readonly extraEnv: Record<string, string> = {}) {
		this.folder = mkdtempSync(join(tmpdir(), 'nexi-n8n-'));
		nextPort++;
		this.port = 5700 + ((process.pid + nextPort * 7) % 200);
		const target = join(this.folder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-nexi');
		mkdirSync(target, { recursive: true });
		const untar = spawn('tar', ['-xzf', this.setup.tarball, '-C', target, '--strip-components=1']);
		this.untarred = new Promise((resolve, reject) =>
			untar.on('exit', (code) =>
				code === 0 ? resolve() : reject(new Error(`tar exited ${code}`)),
			),
		);
	}

	private readonly untarred: Promise<void>;

	get env(): NodeJS.ProcessEnv {
		return {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			...n8nEnvironment(this.folder, this.port),
			N8N_LOG_OUTPUT: 'console',
			// Binary data inline in the execution, so tests can read the files the workflows make.
			N8N_DEFAULT_BINARY_DATA_MODE: 'default',
			...this.extraEnv,
		};
	}

	/** Runs an n8n CLI command and returns what it printed; fails on a non-zero exit. */
	async cli(args: string[]): Promise<string> {
		return (await this.cliOutput(args)).stdout;
	}

	async cliOutput(args: string[]): Promise<{ stdout: string; stderr: string }> {
		await this.untarred;
		return await new Promise((resolve, reject) => {
			execFile(
				this.host.node,
				[this.host.n8n, ...args],
				{ env: this.env, maxBuffer: 256 * 1024 * 1024 },
				(error, stdout, stderr) => {
					if (error)
						reject(
							new Error(`n8n ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`),
						);
					else resolve({ stdout, stderr });
				},
			);
		});
	}

	/** Every log file n8n wrote in its user folder, and the server's output. */
	readLogs(): string {
		const files = readdirSync(this.folder, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile() && /\.log$/.test(entry.name))
			.map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
		return [...files, this.serverLog, this.workerLog, this.webhookLog].join('\n');
	}

	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.folder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: object): Promise<void> {
		const file = join(this.folder, `workflow-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/**
	 * Makes a workflow active, to take effect at the next start: `publish:workflow` in n8n 2.x,
	 * `update:workflow --active=true` in 1.x (which has no publishing).
	 */
	async activate(workflowId: string): Promise<void> {
		await this.cli(
			isN8n1()
				? ['update:workflow', `--id=${workflowId}`, '--active=true']
				: ['publish:workflow', `--id=${workflowId}`],
		);
	}

	/** `n8n execute --id`, read from the JSON n8n prints after its log lines. */
	async execute(workflowId: string): Promise<ExecutionResult> {
		return parseExecution(await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']));
	}

	/** `n8n start`, resolved once it answers /healthz/readiness. */
	async start(): Promise<void> {
		await this.untarred;
		this.server = this.spawnN8n(['start'], this.env, (text) => (this.serverLog += text));
		await this.untilReady(
			this.server,
			`http://127.0.0.1:${this.port}/healthz/readiness`,
			'n8n start',
			() => this.serverLog,
		);
	}

	/** An n8n command of this host, its output appended through `log`. */
	private spawnN8n(
		args: string[],
		env: NodeJS.ProcessEnv,
		log: (text: string) => void,
	): ChildProcess {
		const child = spawn(this.host.node, [this.host.n8n, ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.on('data', (chunk) => log(String(chunk)));
		child.stderr?.on('data', (chunk) => log(String(chunk)));
		return child;
	}

	/** Resolves once `url` answers OK; fails, with the end of its output, if the process exits or after two minutes. */
	private async untilReady(
		child: ChildProcess,
		url: string,
		what: string,
		log: () => string,
	): Promise<void> {
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`${what} exited:\n${log().slice(-3000)}`);
			const response = await fetch(url).catch(() => undefined);
			if (response?.ok) return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`${what} did not become ready:\n${log().slice(-3000)}`);
	}

	/**
	 * Resolves once a production webhook answers at this URL: n8n reports ready before it has
	 * registered the webhooks of active workflows, and answers 404 until then.
	 */
	async waitForWebhook(url: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const response = await fetch(url).catch(() => undefined);
			if (response && response.status !== 404) return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`no webhook at ${url}:\n${this.serverLog.slice(-3000)}`);
	}

	/** Polls a condition every 250 ms; on timeout the error carries the end of each n8n process's output. */
	async waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!condition()) {
			if (Date.now() > deadline) {
				const logs = [this.serverLog, this.workerLog, this.webhookLog]
					.filter(Boolean)
					.map((log) => log.slice(-3000));
				throw new Error(`timed out waiting for ${what}\n${logs.join('\n---\n')}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	get log(): string {
		return this.serverLog;
	}

	private worker?: ChildProcess;

	workerLog = '';

	/** `n8n worker` (queue mode): takes executions from Redis, with its own runner and health ports. */
	startWorker(): void {
		this.worker = this.spawnN8n(
			['worker', '--concurrency=2'],
			{
				...this.env,
				N8N_RUNNERS_BROKER_PORT: String(this.port + 1100),
				QUEUE_HEALTH_CHECK_PORT: String(this.port + 1200),
			},
			(text) => (this.workerLog += text),
		);
	}

	private webhookProcessor?: ChildProcess;

	webhookLog = '';

	/** Where `n8n webhook` listens: production webhooks go there in queue mode. */
	get webhookPort(): number {
		return this.port + 50;
	}

	/**
	 * `n8n webhook` (queue mode): a process that only receives production webhooks and hands
	 * their executions to the workers; resolved once it answers on its own port.
	 */
	async startWebhookProcessor(): Promise<void> {
		this.webhookProcessor = this.spawnN8n(
			['webhook'],
			{
				...this.env,
				N8N_PORT: String(this.webhookPort),
				N8N_RUNNERS_BROKER_PORT: String(this.port + 1300),
			},
			(text) => (this.webhookLog += text),
		);
		await this.untilReady(
			this.webhookProcessor,
			`http://127.0.0.1:${this.webhookPort}/healthz`,
			'n8n webhook',
			() => this.webhookLog,
		);
	}

	async stop(): Promise<void> {
		await Promise.all(
			[this.server, this.worker, this.webhookProcessor].map(
				async (child) => await stopProcess(child),
			),
		);
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.folder, { recursive: true, force: true });
	}
}

/** The output items of one node in an execution. */
export function outputOf(execution: ExecutionResult, nodeName: string) {
	const run = execution.data.resultData.runData[nodeName]?.[0];
	if (!run)
		throw new Error(
			`node "${nodeName}" did not run; error: ${execution.data.resultData.error?.message}`,
		);
	if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message}`);
	return run.data?.main[0] ?? [];
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
	await exited;
	clearTimeout(timer);
}

/**
 * The execution JSON in `n8n execute --rawOutput` output. Log lines come before and after it
 * (at debug level some are pretty-printed objects too), so every lone "{" … "}" block is tried.
 */
export function parseExecution(output: string): ExecutionResult {
	// Without colours; at debug level the JSON's first line carries the logger's "time info"
	// prefix and its last line the logger's metadata.
	const lines = output
		.replace(/\x1b\[[0-9;]*m/g, '')
		.split('\n')
		.map((line) =>
			/^\S+\s+info\s+\{$/.test(line) ? '{' : /^\}\s+\{ "file":.*\}$/.test(line) ? '}' : line,
		);
	for (let start = lines.indexOf('{'); start >= 0; start = lines.indexOf('{', start + 1)) {
		for (let end = lines.indexOf('}', start); end >= 0; end = lines.indexOf('}', end + 1)) {
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n'));
				if (parsed?.data?.resultData) return parsed as ExecutionResult;
			} catch {
				// not this block
			}
		}
	}
	throw new Error(`n8n printed no execution JSON:\n${output.slice(-3000)}`);
}
