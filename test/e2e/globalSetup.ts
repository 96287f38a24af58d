import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8n } from './n8n';
import { ROOT, SETUP_FILE, type Setup } from './setup';
import { E2E_N8N_VERSIONS } from './versions';

/**
 * A real n8n host for each version tested (Node 24 + n8n, cached outside the repository) and
 * the package exactly as npm publishes it (`npm pack` of a fresh build). `npm run test:e2e`
 * prepares them once before it runs the versions side by side (E2E_PREPARED=1).
 */
export function prepare(versions: string[]): void {
	const hosts: Setup['hosts'] = {};
	for (const version of versions) {
		const hostEnv = execFileSync('bash', [join(ROOT, 'scripts', 'n8n-host.sh'), version], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const env = Object.fromEntries(
			[...hostEnv.matchAll(/^export (\w+)='([^']*)'$/gm)].map(([, key, value]) => [key, value]),
		);
		hosts[version] = { node: env.N8N_NODE, n8n: env.N8N_BIN };
	}
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const packDir = mkdtempSync(join(tmpdir(), 'nexi-pack-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop() as string;
	mkdirSync(join(ROOT, '.cache'), { recursive: true });
	const setup: Setup = { hosts, tarball: join(packDir, tarball) };
	writeFileSync(SETUP_FILE, JSON.stringify(setup));
}

/**
 * Once per e2e run: the hosts and the package (unless prepared already), then one long-lived
 * n8n per version, with its owner, which the test files share (test/e2e/n8n.ts).
 */
export default async function globalSetup(): Promise<void> {
	if (process.env.E2E_PREPARED !== '1') prepare(E2E_N8N_VERSIONS);
	await Promise.all(E2E_N8N_VERSIONS.map(async (version) => await N8n.startShared(version)));
}
