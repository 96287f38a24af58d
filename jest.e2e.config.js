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
	// One long-lived n8n per version for the whole run (test/e2e/globalSetup.ts).
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
	testTimeout: 600000,
	// The files of a version share its n8n, and some restart it: one file at a time.
	// `npm run test:e2e` runs the versions side by side, one Jest each (scripts/e2e.js).
	maxWorkers: 1,
};
