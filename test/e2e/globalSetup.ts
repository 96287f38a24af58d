import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const SETUP_FILE = join(ROOT, '.cache', 'e2e-setup.json');

/**
 * Once per e2e run: the real n8n host (Node 24 + n8n 2.41.1, cached outside the repository)
 * and the package exactly as npm publishes it (`npm pack` of a fresh build).
 */
export default async function globalSetup(): Promise<void> {
	const hostEnv = execFileSync('bash', [join(ROOT, 'scripts', 'n8n-host.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const env = Object.fromEntries(
		[...hostEnv.matchAll(/^export (\w+)='([^']*)'$/gm)].map(([, key, value]) => [key, value]),
	);
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
	writeFileSync(
		SETUP_FILE,
		JSON.stringify({ node: env.N8N_NODE, n8n: env.N8N_BIN, tarball: join(packDir, tarball) }),
	);
}
