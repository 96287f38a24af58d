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
const SIZES = arg('sizes', '1000,10000,100000').split(',').map(Number);
const RUNS = Number(arg('runs', '3'));
const LATENCIES = [0, 20, 50];

/** The newest execution's node timings, read from n8n's database by n8n's own Node. */
function executionTimes(n8n: N8n): {
	status: string;
	nodes: Record<string, { executionTime: number; items: number }>;
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
	prepare([n8nVersion()]);
	const sandbox = await startSandbox({ reporting: { days: 0 } });
	const n8n = new N8n();
	try {
		const ours = new Map<number, string>();
		const theirs = new Map<number, string>();
		for (const size of SIZES) {
			ours.set(
				size,
				sandbox.reporting.addPayout({ date: '2020-01-15', currency: 'EUR', actions: size }).id,
			);
			theirs.set(
				size,
				sandbox.reporting.addPayout({ date: '2020-01-15', currency: 'EUR', actions: size }).id,
			);
		}
		await n8n.importCredentials(credentialsFor(sandbox, 'bench'));
		const nodes: NodeSpec[] = [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
		];
		const edges: Array<[string, string]> = [];
		for (const size of SIZES) {
			nodes.push({
				name: `Ours ${size}`,
				type: 'n8n-nodes-nexi.nexiReporting',
				credential: 'checkout',
				parameters: {
					resource: 'paymentAction',
					operation: 'getMany',
					payoutId: ours.get(size),
					returnAll: true,
				},
			});
			nodes.push({
				name: `HTTP ${size}`,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					url: `${sandbox.url}/report/v1/payouts/${theirs.get(size)}`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'pageSize', value: String(PAGE) }] },
					sendHeaders: true,
					headerParameters: {
						parameters: [{ name: 'Authorization', value: sandbox.reporting.testKey }],
					},
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
			});
			nodes.push({
				name: `Split ${size}`,
				type: 'n8n-nodes-base.splitOut',
				parameters: { fieldToSplitOut: 'paymentActions', options: {} },
			});
			edges.push(
				['Start', `Ours ${size}`],
				['Start', `HTTP ${size}`],
				[`HTTP ${size}`, `Split ${size}`],
			);
		}
		await n8n.importWorkflow(workflow('bench', 'benchN8nWorkflow', 'Benchmark', nodes, edges));

		const rows: string[] = [];
		for (const latency of LATENCIES) {
			sandbox.faults.configure({ latencyMs: latency });
			const times = new Map<string, number[]>();
			const requests = new Map<string, number>();
			for (let run = 0; run < RUNS; run++) {
				sandbox.requests.length = 0;
				await n8n.cli(['execute', '--id=benchN8nWorkflow']);
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
						sandbox.requests.filter((r) => r.path.endsWith(ours.get(size)!)).length,
					);
					requests.set(
						`http ${size}`,
						sandbox.requests.filter((r) => r.path.endsWith(theirs.get(size)!)).length,
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
		appendFileSync(
			join(ROOT, 'BENCHMARKS.md'),
			[
				'',
				`## Inside a real n8n ${n8nVersion()}: our node against the HTTP Request node`,
				'',
				`\`npm run bench:n8n\`: one workflow run with \`n8n execute\`, ${RUNS} runs, medians of the nodes' own execution times (read from n8n's database). The HTTP Request node is set up the way its documentation shows: "Update a Parameter in Each Request" with pageNumber = {{ $pageCount }}, pageSize 100, complete when a page has fewer than 100 actions, then Split Out on paymentActions so that both give one item per action. Both read the same number of actions from two identical payouts.`,
				'',
				'| Latency | Actions | Requests (ours) | Ours (s) | Ours ÷ ideal | Items/s (ours) | Requests (HTTP Request) | HTTP Request + Split Out (s) | Items/s (HTTP Request) | Ours faster by |',
				'|---|---|---|---|---|---|---|---|---|---|',
				...rows,
				'',
			].join('\n'),
		);
	} finally {
		await n8n.dispose();
		await sandbox.close();
	}
}

void main();
