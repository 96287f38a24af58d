import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { stopPid } from './n8n';
import { instanceFile, type Instance } from './setup';
import { E2E_N8N_VERSIONS } from './versions';

/** Stops each version's long-lived n8n and removes its user folder. */
export default async function globalTeardown(): Promise<void> {
	for (const version of E2E_N8N_VERSIONS) {
		const file = instanceFile(version);
		if (!existsSync(file)) continue;
		const { folder }: Instance = JSON.parse(readFileSync(file, 'utf8'));
		const pidFile = join(folder, 'n8n.pid');
		if (existsSync(pidFile)) await stopPid(Number(readFileSync(pidFile, 'utf8')));
		rmSync(folder, { recursive: true, force: true });
		rmSync(file);
	}
}
