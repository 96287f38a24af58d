// `npm run bench:n8n` is not part of the tests, so nothing noticed when a change to the
// end-to-end setup broke it. Here it runs once, small (`--check`: 1,000 actions, one run,
// nothing written), against this version's n8n, and must finish with its table row.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { ROOT, tsNodeArgs } from '../../scripts/bench-common';
import { n8nVersion } from './versions';

test(`npm run bench:n8n still runs in n8n ${n8nVersion()}`, async () => {
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[...tsNodeArgs('bench-n8n.ts'), '--check'],
		{
			cwd: ROOT,
			env: { ...process.env, E2E_N8N_VERSIONS: n8nVersion(), E2E_PREPARED: '1' },
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	// One row: 0 ms, 1,000 actions, both nodes complete (the script throws on a short list).
	expect(stdout).toMatch(/^\| 0 ms \| 1,000 \| \d+ \| [\d.]+ \| n\/a \|/m);
});
