/**
 * The n8n versions the end-to-end suite runs against: the current 2.x and the last 1.x, the
 * two lines self-hosters run. E2E_N8N_VERSIONS (comma-separated) narrows it for a quick look.
 */
export const E2E_N8N_VERSIONS = (process.env.E2E_N8N_VERSIONS ?? '2.41.1,1.123.81')
	.split(',')
	.map((version) => version.trim())
	.filter(Boolean);

/** The version the running test project is for (jest.e2e.config.js gives each its own). */
export function n8nVersion(): string {
	return (globalThis as { N8N_VERSION?: string }).N8N_VERSION ?? E2E_N8N_VERSIONS[0];
}

/** Whether the running project's n8n is of the 1.x line. */
export const isN8n1 = (): boolean => n8nVersion().startsWith('1.');
