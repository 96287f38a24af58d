// `npm run bench:n8n`: inside a real n8n (2.41.1, or the version E2E_N8N_VERSIONS names), Payment Action → Get Many (Return All) against
// n8n's own HTTP Request node with its built-in pagination (+ Split Out), set up the way a user
// would, reading the same data from the sandbox. Appends its table to BENCHMARKS.md.
//   npm run bench:n8n [-- --sizes 1000,10000,100000 --runs 3]   (npm run bench runs it after its own tables)
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { startSandbox } from '../sandbox/server';
import { prepare } from '../test/e2e/globalSetup';
import { N8n } from '../test/e2e/n8n';
import { SETUP_FILE, type Setup } from '../test/e2e/setup';
import { n8nVersion } from '../test/e2e/versions';
import { credentialsFor, workflow, type NodeSpec } from '../test/e2e/workflows';
import { idealMs, median, PAGE, ROOT } from './bench-common';

const arg = (name: string, fallback: string) => {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? process.argv[index + 1] : fallback;
};
/**
 * `--check`: one small run that writes nothing, so that the end-to-end tests notice when the
 * benchmark no longer runs (test/e2e/benchmark.e2e.ts).
 */
const CHECK = process.argv.includes('--check');
const SIZES = arg('sizes', CHECK ? '1000' : '1000,10000,100000')
	.split(',')
	.map(Number);
const RUNS = Number(arg('runs', CHECK ? '1' : '3'));
const LATENCIES = arg('latencies', CHECK ? '0' : '0,20,50')
	.split(',')
	.map(Number);
/** `--profile DIR`: each `n8n execute` writes a V8 CPU profile there (read with scripts/profile-summary.js). */
const PROFILE_DIR = arg('profile', '');

const START: NodeSpec = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} };
/** The HTTP Request node sends the key from a Header Auth credential, as its documentation shows for an API key. */
const HEADER_AUTH = { id: 'bench-header', name: 'Nexi key (header)', type: 'httpHeaderAuth' };

/** Payment Action → Get Many (Return All) of one payout, as a user sets it up. */
const oursNode = (label: string, payoutId: string): NodeSpec => ({
	name: `Ours ${label}`,
	type: 'n8n-nodes-nexi.nexiReporting',
	typeVersion: 2,
	credential: 'checkout',
	parameters: { resource: 'paymentAction', operation: 'getMany', payoutId, returnAll: true },
});

/** The HTTP Request node paging through the same kind of payout, then Split Out: one item per action. */
const httpNodes = (label: string, url: string): NodeSpec[] => [
	{
		name: `HTTP ${label}`,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			url,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'pageSize', value: String(PAGE) }] },
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: {
							parameters: [{ type: 'qs', name: 'pageNumber', value: '={{ $pageCount }}' }],
						},
						paginationCompleteWhen: 'other',
						completeExpression: `={{ $response.body.paymentActions.length < ${PAGE} }}`,
					},
				},
			},
		},
	},
	{
		name: `Split ${label}`,
		type: 'n8n-nodes-base.splitOut',
		parameters: { fieldToSplitOut: 'paymentActions', options: {} },
	},
];

function benchWorkflow(id: string, nodes: NodeSpec[], edges: Array<[string, string]>) {
	const built = workflow('bench', id, 'Benchmark', nodes, edges);
	for (const node of built.nodes.filter(({ name }) => name.startsWith('HTTP ')))
		Object.assign(node, {
			credentials: { httpHeaderAuth: { id: HEADER_AUTH.id, name: HEADER_AUTH.name } },
		});
	return built;
}

/**
 * The resident memory of one `n8n execute` of a workflow over time: the kernel's VmRSS, read
 * every 10 ms while the process lives, with the clock time of each reading. Linux only
 * (empty elsewhere).
 */
async function rssOverTime(n8n: N8n, workflowId: string): Promise<Array<[number, number]>> {
	const samples: Array<[number, number]> = [];
	let timer: NodeJS.Timeout | undefined;
	await n8n.cliOutput(['execute', `--id=${workflowId}`], {}, (child) => {
		timer = setInterval(() => {
			try {
				const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
				if (kb) samples.push([Date.now(), Number(kb[1]) * 1024]);
			} catch {
				// The process has just ended.
			}
		}, 10);
	});
	clearInterval(timer);
	return samples;
}

/** The newest execution's node timings, read from n8n's database by n8n's own Node. */
function executionTimes(n8n: N8n): {
	status: string;
	nodes: Record<string, { startTime: number; executionTime: number; items: number }>;
} {
	const setup: Setup = JSON.parse(readFileSync(SETUP_FILE, 'utf8'));
	const host = setup.hosts[n8nVersion()];
	const modules = resolve(dirname(host.n8n), '..', '..');
	const out = execFileSync(
		host.node,
		[
			join(ROOT, 'scripts', 'n8n-execution-times.js'),
			modules,
			join(n8n.folder, '.n8n', 'database.sqlite'),
		],
		{ encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
	);
	return JSON.parse(out);
}

async function main(): Promise<void> {
	if (process.env.E2E_PREPARED !== '1') prepare([n8nVersion()]);
	const sandbox = await startSandbox({ reporting: { days: 0 } });
	const n8n = new N8n();
	try {
		// Each pair of nodes reads its own payout. The warm-up pair runs first and is not
		// measured: whichever node ran first would otherwise also pay for compiling n8n's
		// request path, which the other then finds ready.
		const pairs = [
			{ label: 'warm-up', actions: 1000 },
			...SIZES.map((size) => ({ label: String(size), actions: size })),
		];
		const payoutUrl = (id: string) => `${sandbox.url}/report/v1/payouts/${id}`;
		const ours = new Map<string, string>();
		const theirs = new Map<string, string>();
		for (const { label, actions } of pairs) {
			const spec = { date: '2020-01-15', currency: 'EUR', actions };
			ours.set(label, sandbox.reporting.addPayout(spec).id);
			theirs.set(label, sandbox.reporting.addPayout(spec).id);
		}
		await n8n.importCredentials([
			...credentialsFor(sandbox, 'bench'),
			{ ...HEADER_AUTH, data: { name: 'Authorization', value: sandbox.reporting.testKey } },
		]);
		const nodes: NodeSpec[] = [START];
		const edges: Array<[string, string]> = [];
		for (const { label } of pairs) {
			nodes.push(
				oursNode(label, ours.get(label)!),
				...httpNodes(label, payoutUrl(theirs.get(label)!)),
			);
			edges.push(
				['Start', `Ours ${label}`],
				['Start', `HTTP ${label}`],
				[`HTTP ${label}`, `Split ${label}`],
			);
		}
		await n8n.importWorkflow(benchWorkflow('benchN8nWorkflow', nodes, edges));

		const rows: string[] = [];
		for (const latency of LATENCIES) {
			sandbox.faults.configure({ latencyMs: latency });
			const times = new Map<string, number[]>();
			const requests = new Map<string, number>();
			for (let run = 0; run < RUNS; run++) {
				sandbox.requests.length = 0;
				await n8n.cliOutput(
					['execute', '--id=benchN8nWorkflow'],
					PROFILE_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${resolve(PROFILE_DIR)}` } : {},
				);
				const { status, nodes: runData } = executionTimes(n8n);
				if (status !== 'success') throw new Error(`benchmark run failed: ${status}`);
				for (const size of SIZES) {
					const oursItems = runData[`Ours ${size}`].items;
					const splitItems = runData[`Split ${size}`].items;
					if (oursItems !== size || splitItems !== size)
						throw new Error(`incomplete: ours ${oursItems}, HTTP ${splitItems} of ${size}`);
					const push = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms]);
					push(`ours ${size}`, runData[`Ours ${size}`].executionTime);
					push(
						`http ${size}`,
						runData[`HTTP ${size}`].executionTime + runData[`Split ${size}`].executionTime,
					);
					requests.set(
						`ours ${size}`,
						sandbox.requests.filter((r) => r.path.endsWith(ours.get(String(size))!)).length,
					);
					requests.set(
						`http ${size}`,
						sandbox.requests.filter((r) => r.path.endsWith(theirs.get(String(size))!)).length,
					);
				}
			}
			for (const size of SIZES) {
				const a = median(times.get(`ours ${size}`)!);
				const b = median(times.get(`http ${size}`)!);
				const ideal = idealMs(size, latency);
				rows.push(
					`| ${latency} ms | ${size.toLocaleString('en')} | ${requests.get(`ours ${size}`)} | ${(a / 1000).toFixed(2)} | ${latency ? `${(a / ideal).toFixed(2)}×` : 'n/a'} | ${Math.round(size / (a / 1000)).toLocaleString('en')} | ${requests.get(`http ${size}`)} | ${(b / 1000).toFixed(2)} | ${Math.round(size / (b / 1000)).toLocaleString('en')} | ${(b / a).toFixed(1)}× |`,
				);
				console.log(rows[rows.length - 1]);
			}
		}
		// Memory: our node alone in a workflow over the largest list. Growth is the peak RSS while
		// the node ran (from n8n's own start and execution time) minus the RSS as it started,
		// ÷ the list's raw JSON: what n8n does with the items afterwards (keeping and saving the
		// execution's data, printing it) is the same for any node and is left out.
		const largest = Math.max(...SIZES);
		const memory: string[] = [];
		if (largest >= 10000) {
			sandbox.faults.configure({ latencyMs: 0 });
			const stored = sandbox.reporting
				.list()
				.find((s) => s.payout.id === ours.get(String(largest)));
			const rawBytes = Buffer.byteLength(JSON.stringify(stored!.actions));
			await n8n.importWorkflow(
				benchWorkflow(
					'benchMemory',
					[START, oursNode('memory', ours.get(String(largest))!)],
					[['Start', 'Ours memory']],
				),
			);
			const growth: number[] = [];
			for (let run = 0; run < RUNS; run++) {
				const samples = await rssOverTime(n8n, 'benchMemory');
				const { startTime, executionTime } = executionTimes(n8n).nodes['Ours memory'];
				const during = samples.filter(([at]) => at >= startTime && at <= startTime + executionTime);
				if (during.length > 1)
					growth.push(Math.max(...during.map(([, rss]) => rss)) - during[0][1]);
			}
			const ratio = growth.length ? `${(median(growth) / rawBytes).toFixed(2)}×` : 'not measured';
			memory.push(
				`Memory, ${largest.toLocaleString('en')} actions at 0 ms (raw JSON ${(rawBytes / 2 ** 20).toFixed(1)} MiB), our node alone in a workflow: while it runs, the RSS of \`n8n execute\` grows by **${ratio}** the raw JSON (peak while the node ran minus the RSS as it started, sampled every 10 ms, median of ${RUNS}). What n8n does with the items afterwards (keeping and saving the execution's data) is the same for any node and is not counted.`,
				'',
			);
			console.log(memory[0]);
		}
		if (CHECK) return;
		appendFileSync(
			join(ROOT, 'BENCHMARKS.md'),
			[
				'',
				`## Inside a real n8n ${n8nVersion()}: our node against the HTTP Request node`,
				'',
				`\`npm run bench:n8n\`: one workflow run with \`n8n execute\`, ${RUNS} runs, medians of the nodes' own execution times (read from n8n's database). The HTTP Request node is set up the way its documentation shows: the key in a Header Auth credential, "Update a Parameter in Each Request" with pageNumber = {{ $pageCount }}, pageSize 100, complete when a page has fewer than 100 actions, then Split Out on paymentActions so that both give one item per action. Both read the same number of actions from two identical payouts, after a warm-up pair that reads 1,000 actions each and is not counted.`,
				'',
				'| Latency | Actions | Requests (ours) | Ours (s) | Ours ÷ ideal | Items/s (ours) | Requests (HTTP Request) | HTTP Request + Split Out (s) | Items/s (HTTP Request) | Ours faster by |',
				'|---|---|---|---|---|---|---|---|---|---|',
				...rows,
				'',
				...memory,
			].join('\n'),
		);
	} finally {
		await n8n.dispose();
		await sandbox.close();
	}
}

void main();
