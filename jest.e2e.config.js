/** The end-to-end suite: the packed package in a real n8n, once per n8n version (see test/e2e). */
const VERSIONS = require('./test/e2e/n8n-versions.js');

/** @type {import('jest').Config} */
module.exports = {
	projects: VERSIONS.map((version) => ({
		displayName: `n8n ${version}`,
		testEnvironment: 'node',
		roots: ['<rootDir>/test/e2e'],
		testMatch: ['**/*.e2e.ts'],
		transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
		globals: { N8N_VERSION: version },
	})),
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	testTimeout: 600000,
	// Each file runs its own n8n; one at a time on two cores.
	maxWorkers: 1,
};
