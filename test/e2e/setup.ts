import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const SETUP_FILE = join(ROOT, '.cache', 'e2e-setup.json');

/** What the e2e helpers need: each n8n host (Node 24 and n8n) and the packed package. */
export interface Setup {
	hosts: Record<string, { node: string; n8n: string }>;
	tarball: string;
}

/** Where a version's long-lived n8n is: its user folder (database, logs, n8n.pid) and port. */
export interface Instance {
	version: string;
	folder: string;
	port: number;
}

export const instanceFile = (version: string): string =>
	join(ROOT, '.cache', `e2e-instance-${version}.json`);
