import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nEnvironment } from '../../scripts/n8n-env';
import { instanceFile, SETUP_FILE, type Instance, type Setup } from './setup';
import { E2E_N8N_VERSIONS, isN8n1, n8nVersion } from './versions';

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

/** The owner every e2e n8n is set up with (loopback only, thrown away afterwards). */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'NexiE2e2026',
};

/** Sent with every REST call: n8n ties its login cookie to the browser that signed in. */
const BROWSER_ID = 'nexi-e2e';

/**
 * Ports: each n8n version tested has its own block, so the versions can run side by side; in
 * it the long-lived instance and the queue-mode instance (which also uses +50, +1100, +1200
 * and +1300 for its webhook process, worker and their brokers; +1000 is each broker's).
 */
function portFor(role: 'shared' | 'queue', version = n8nVersion()): number {
	// npm run test:e2e runs one Jest per version and numbers them (scripts/e2e.ts).
	const block = Number(
		process.env.E2E_PORT_BLOCK ?? Math.max(0, E2E_N8N_VERSIONS.indexOf(version)),
	);
	return 5700 + 20 * block + (role === 'queue' ? 10 : 0);
}

/**
 * A real n8n (the version of the running test project) with the packed package installed the
 * way n8n installs a community package: the tarball unpacked into
 * <user folder>/.n8n/nodes/node_modules/n8n-nodes-nexi.
 *
 * The suite's files share one long-lived instance per version (`N8n.shared()`), started once by
 * the global setup, each file with workflows and credentials of its own; `n8n execute` and the
 * REST API act on it while it runs, and a file that needs n8n restarted restarts it. Queue mode
 * needs processes of its own (`new N8n(env)`), removed afterwards.
 */
export class N8n {
	readonly folder: string;

	readonly port: number;

	private server?: ChildProcess;

	private serverLog = '';

	private readonly setup: Setup = JSON.parse(readFileSync(SETUP_FILE, 'utf8'));

	/** Node 24 and the n8n binary of this n8n's version. */
	private readonly host: Setup['hosts'][string];

	private readonly untarred: Promise<void>;

	private cookie?: string;

	/** The long-lived instance of this version: started, with its owner, by the global setup. */
	static shared(): N8n {
		const instance: Instance = JSON.parse(readFileSync(instanceFile(n8nVersion()), 'utf8'));
		return new N8n({}, instance);
	}

	/**
	 * Creates, starts and signs in to the long-lived instance of a version (the global setup
	 * does, once per run), and records where it is for the test files.
	 */
	static async startShared(version: string): Promise<N8n> {
		const folder = mkdtempSync(join(tmpdir(), 'nexi-n8n-shared-'));
		const instance: Instance = { version, folder, port: portFor('shared', version) };
		const n8n = new N8n({}, instance);
		await n8n.unpackPackage();
		writeFileSync(instanceFile(version), JSON.stringify(instance));
		await n8n.start();
		await n8n.signIn();
		return n8n;
	}

	constructor(
		private readonly extraEnv: Record<string, string> = {},
		private readonly instance?: Instance,
	) {
		this.host = this.setup.hosts[instance?.version ?? n8nVersion()];
		if (instance) {
			this.folder = instance.folder;
			this.port = instance.port;
			this.untarred = Promise.resolve();
			return;
		}
		this.folder = mkdtempSync(join(tmpdir(), 'nexi-n8n-'));
		this.port = portFor('queue');
		this.untarred = this.unpackPackage();
	}

	/** The packed package, where n8n installs a community package. */
	private async unpackPackage(): Promise<void> {
		const target = join(this.folder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-nexi');
		mkdirSync(target, { recursive: true });
		const untar = spawn('tar', ['-xzf', this.setup.tarball, '-C', target, '--strip-components=1']);
		await new Promise<void>((resolve, reject) =>
			untar.on('exit', (code) =>
				code === 0 ? resolve() : reject(new Error(`tar exited ${code}`)),
			),
		);
	}

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

	/**
	 * The same, with what it printed on both streams; `env` adds to the instance's environment,
	 * `started` is handed the process (the benchmark samples its memory).
	 */
	async cliOutput(
		args: string[],
		env: Record<string, string> = {},
		started?: (child: ChildProcess) => void,
	): Promise<{ stdout: string; stderr: string }> {
		await this.untarred;
		return await new Promise((resolve, reject) => {
			const child = execFile(
				this.host.node,
				[this.host.n8n, ...args],
				{
					// Beside a running n8n: a task-runner broker port of its own.
					env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(this.port + 1500), ...env },
					maxBuffer: 256 * 1024 * 1024,
				},
				(error, stdout, stderr) => {
					if (error)
						reject(
							new Error(`n8n ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`),
						);
					else resolve({ stdout, stderr });
				},
			);
			started?.(child);
		});
	}

	/** Every log file n8n wrote in its user folder, and the output of the processes started here. */
	readLogs(): string {
		const files = readdirSync(this.folder, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile() && /\.log$/.test(entry.name))
			.map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
		return [...files, this.serverLog, this.workerLog, this.webhookLog].join('\n');
	}

	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.folder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
		rmSync(file);
	}

	/** Imports workflows (one, or several in one n8n command), inactive. */
	async importWorkflow(...workflows: object[]): Promise<void> {
		const file = join(this.folder, `workflows-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(workflows));
		await this.cli(['import:workflow', `--input=${file}`]);
		rmSync(file);
	}

	/**
	 * Makes a workflow active. While n8n runs, through its REST API, which activates it at once
	 * (its triggers poll, its webhooks answer); otherwise for the next start: `publish:workflow`
	 * in n8n 2.x, `update:workflow --active=true` in 1.x (which has no publishing).
	 */
	async activate(workflowId: string): Promise<void> {
		if (this.running) {
			const { versionId } = (await this.rest('GET', `/rest/workflows/${workflowId}`)) as {
				versionId: string;
			};
			await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
			return;
		}
		await this.cli(
			isN8n1()
				? ['update:workflow', `--id=${workflowId}`, '--active=true']
				: ['publish:workflow', `--id=${workflowId}`],
		);
	}

	/** Stops a running n8n's triggers and webhooks of a workflow (REST API). */
	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/** `n8n execute --id`, read from the JSON n8n prints after its log lines. */
	async execute(workflowId: string): Promise<ExecutionResult> {
		return parseExecution(await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']));
	}

	/** A call to n8n's REST API as its owner; the answer's `data`. */
	async rest(method: string, path: string, body?: object): Promise<unknown> {
		this.cookie ??= await this.signIn();
		const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
			method,
			headers: {
				'Content-Type': 'application/json',
				'browser-id': BROWSER_ID,
				cookie: this.cookie,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`n8n ${method} ${path}: HTTP ${response.status} ${text}`);
		return (JSON.parse(text) as { data: unknown }).data;
	}

	/** Creates the owner on a new n8n; on one that has it, signs in. Returns the login cookie. */
	async signIn(): Promise<string> {
		const post = async (path: string, body: object) =>
			await fetch(`http://127.0.0.1:${this.port}${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
				body: JSON.stringify(body),
			});
		let response = await post('/rest/owner/setup', OWNER);
		// n8n 1.x reports ready a moment before its REST routes answer.
		for (let wait = 0; response.status === 404 && wait < 240; wait++) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			response = await post('/rest/owner/setup', OWNER);
		}
		// 400: an owner exists already.
		if (response.status === 400) {
			response = await post('/rest/login', {
				emailOrLdapLoginId: OWNER.email,
				password: OWNER.password,
			});
		}
		const cookie = response.headers.getSetCookie().find((line) => line.startsWith('n8n-auth='));
		if (!response.ok || !cookie) {
			throw new Error(`could not sign in to n8n: HTTP ${response.status} ${await response.text()}`);
		}
		return cookie.split(';')[0];
	}

	/** Whether this n8n's main process runs (the shared one's, whoever started it). */
	private get running(): boolean {
		const pid = this.instance ? this.sharedPid() : this.server?.pid;
		if (!pid || (this.server && this.server.exitCode !== null)) return false;
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	}

	private sharedPid(): number | undefined {
		const file = join(this.folder, 'n8n.pid');
		return existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined;
	}

	/**
	 * `n8n start`, resolved once it answers /healthz/readiness. The shared instance runs on its
	 * own (detached, its output in n8n-server.log, its pid in n8n.pid) so that it outlives the
	 * test file that started or restarted it.
	 */
	async start(): Promise<void> {
		await this.untarred;
		if (this.instance) {
			const log = openSync(join(this.folder, 'n8n-server.log'), 'a');
			const child = spawn(this.host.node, [this.host.n8n, 'start'], {
				env: this.env,
				stdio: ['ignore', log, log],
				detached: true,
			});
			closeSync(log);
			child.unref();
			writeFileSync(join(this.folder, 'n8n.pid'), String(child.pid));
			this.server = child;
			this.cookie = undefined;
			await this.untilReady(
				child,
				`http://127.0.0.1:${this.port}/healthz/readiness`,
				'n8n start',
				() => this.readLogs(),
			);
			return;
		}
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
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`${what} did not become ready:\n${log().slice(-3000)}`);
	}

	/**
	 * Resolves once a production webhook answers at this URL: n8n reports ready before it has
	 * registered the webhooks of active workflows, and answers 404 until then.
	 */
	async waitForWebhook(url: string, timeoutMs = 60_000, method = 'GET'): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			// A POST probe has an empty body: a Nexi trigger answers it 401 and starts nothing.
			const response = await fetch(url, { method }).catch(() => undefined);
			if (response && response.status !== 404) return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`no webhook at ${url}:\n${this.readLogs().slice(-3000)}`);
	}

	/** Polls a condition every 250 ms; on timeout the error carries the end of each n8n process's output. */
	async waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!condition()) {
			if (Date.now() > deadline) {
				const logs = [
					this.instance ? this.readLogs() : this.serverLog,
					this.workerLog,
					this.webhookLog,
				]
					.filter(Boolean)
					.map((log) => log.slice(-3000));
				throw new Error(`timed out waiting for ${what}\n${logs.join('\n---\n')}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
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
		if (this.instance) await stopPid(this.sharedPid());
		await Promise.all(
			[this.server, this.worker, this.webhookProcessor].map(
				async (child) => await stopProcess(child),
			),
		);
	}

	/** Stops the processes started here and removes the user folder; the shared instance stays. */
	async dispose(): Promise<void> {
		if (this.instance) return;
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

/** Stops a process this one did not start (the shared n8n): SIGTERM, SIGKILL after 20 s. */
export async function stopPid(pid: number | undefined): Promise<void> {
	const alive = () => {
		try {
			process.kill(pid as number, 0);
			return true;
		} catch {
			return false;
		}
	};
	if (!pid || !alive()) return;
	process.kill(pid, 'SIGTERM');
	const deadline = Date.now() + 20_000;
	while (alive()) {
		if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
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
