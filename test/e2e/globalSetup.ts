import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { E2E_N8N_VERSIONS } from './versions';

export const ROOT = resolve(__dirname, '..', '..');
export const SETUP_FILE = join(ROOT, '.cache', 'e2e-setup.json');

/** What the e2e helpers need: each n8n host (Node 24 and n8n) and the packed package. */
export interface Setup {
	hosts: Record<string, { node: string; n8n: string }>;
	tarball: string;
}

/**
 * Once per e2e run: a real n8n host for each version tested (Node 24 + n8n, cached outside the
 * repository) and the package exactly as npm publishes it (`npm pack` of a fresh build).
 */
export default async function globalSetup(): Promise<void> {
	const hosts: Setup['hosts'] = {};
	for (const version of E2E_N8N_VERSIONS) {
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
