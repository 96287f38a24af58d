// `npm run test:e2e`: the end-to-end suite on every n8n version (test/e2e/n8n-versions.js), the
// versions side by side: the hosts and the packed package are prepared once, then one Jest per
// version runs that version's files one after another against its long-lived n8n. Most of the
// suite waits for n8n's minute-by-minute polls, so two versions take little longer than one.
// Writes e2e-results.json (the versions' Jest results together) and exits non-zero if any failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { prepare } from '../test/e2e/globalSetup';
import { ROOT } from '../test/e2e/setup';
import { E2E_N8N_VERSIONS } from '../test/e2e/versions';

interface JestResults {
	success: boolean;
	numTotalTests: number;
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	testResults: unknown[];
}

const resultsFile = (version: string) => join(ROOT, '.cache', `e2e-results-${version}.json`);

/** One version's Jest, its output lines marked with the version; resolves with its exit code. */
async function runVersion(version: string, block: number, jestArgs: string[]): Promise<number> {
	rmSync(resultsFile(version), { force: true });
	const child = spawn(
		process.execPath,
		[
			require.resolve('jest/bin/jest'),
			'--config',
			join(ROOT, 'jest.e2e.config.js'),
			'--json',
			`--outputFile=${resultsFile(version)}`,
			...jestArgs,
		],
		{
			cwd: ROOT,
			env: {
				...process.env,
				E2E_N8N_VERSIONS: version,
				E2E_PORT_BLOCK: String(block),
				E2E_PREPARED: '1',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const forward = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
		let rest = '';
		stream.on('data', (chunk) => {
			const lines = (rest + String(chunk)).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) to.write(`[n8n ${version}] ${line}\n`);
		});
		stream.on('end', () => rest && to.write(`[n8n ${version}] ${rest}\n`));
	};
	forward(child.stdout, process.stdout);
	forward(child.stderr, process.stderr);
	return await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function main(): Promise<void> {
	const started = Date.now();
	prepare(E2E_N8N_VERSIONS);
	const jestArgs = process.argv.slice(2);
	const codes = await Promise.all(
		E2E_N8N_VERSIONS.map(async (version, block) => await runVersion(version, block, jestArgs)),
	);
	const runs: JestResults[] = E2E_N8N_VERSIONS.filter((version) =>
		existsSync(resultsFile(version)),
	).map((version) => JSON.parse(readFileSync(resultsFile(version), 'utf8')));
	const sum = (key: keyof JestResults) =>
		runs.reduce((total, run) => total + (run[key] as number), 0);
	const merged: JestResults = {
		success: runs.length === E2E_N8N_VERSIONS.length && runs.every((run) => run.success),
		numTotalTests: sum('numTotalTests'),
		numPassedTests: sum('numPassedTests'),
		numFailedTests: sum('numFailedTests'),
		numPendingTests: sum('numPendingTests'),
		numTodoTests: sum('numTodoTests'),
		testResults: runs.flatMap((run) => run.testResults),
	};
	writeFileSync(join(ROOT, 'e2e-results.json'), JSON.stringify(merged));
	const seconds = Math.round((Date.now() - started) / 1000);
	console.log(`e2e: n8n ${E2E_N8N_VERSIONS.join(' and ')} side by side, ${seconds} s`);
	process.exitCode = codes.every((code) => code === 0) && merged.success ? 0 : 1;
}

void main();
