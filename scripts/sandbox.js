// Runs the TypeScript sandbox without a separate build step.
require('ts-node').register({
	transpileOnly: true,
	project: require('node:path').join(__dirname, '..', 'tsconfig.test.json'),
});
require('../sandbox/cli');
