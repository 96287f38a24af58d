/** The end-to-end suite: the packed package in a real n8n 2.41 (see test/e2e). */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	testTimeout: 600000,
	// Each file runs its own n8n; one at a time on two cores.
	maxWorkers: 1,
};
