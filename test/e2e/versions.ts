/** The n8n versions the end-to-end suite runs against (the list is in n8n-versions.js). */
export const E2E_N8N_VERSIONS: string[] = require('./n8n-versions.js');

/** The version the running test project is for (jest.e2e.config.js gives each its own). */
export function n8nVersion(): string {
	return (globalThis as { N8N_VERSION?: string }).N8N_VERSION ?? E2E_N8N_VERSIONS[0];
}

/** Whether the running project's n8n is of the 1.x line. */
export const isN8n1 = (): boolean => n8nVersion().startsWith('1.');
