// What scripts/bench.ts and scripts/bench-n8n.ts both measure by: the node's own page size and
// parallel requests, the ideal it is held to, and how runs are summed up.
import { join, resolve } from 'node:path';

import { REPORTING_LIST_DEFAULTS } from '../nodes/NexiCheckout/Reporting/transport/listDefaults';

export const ROOT = resolve(__dirname, '..');
export const PAGE = REPORTING_LIST_DEFAULTS.pageSize;
export const CONCURRENCY = REPORTING_LIST_DEFAULTS.concurrency;

export const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The time `size` actions take at best: page 0, then the other pages CONCURRENCY at a time, each one round trip. */
export const idealMs = (size: number, latencyMs: number) =>
	(1 + Math.ceil((Math.ceil(size / PAGE) - 1) / CONCURRENCY)) * latencyMs;

/** Node arguments that run one of these TypeScript scripts the way `npm run bench` does. */
export const tsNodeArgs = (script: string) => [
	require.resolve('ts-node/dist/bin.js'),
	'--transpile-only',
	'--prefer-ts-exts',
	'-P',
	join(ROOT, 'tsconfig.test.json'),
	join(ROOT, 'scripts', script),
];
