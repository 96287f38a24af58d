/**
 * The n8n versions the end-to-end suite runs against: the current 2.x and the last 1.x, the
 * two lines self-hosters run. E2E_N8N_VERSIONS (comma-separated) narrows it for a quick look.
 * Plain JavaScript, so that jest.e2e.config.js and the TypeScript helpers read the same list.
 */
module.exports = (process.env.E2E_N8N_VERSIONS ?? '2.41.1,1.123.81')
	.split(',')
	.map((version) => version.trim())
	.filter(Boolean);
