// Sums a V8 CPU profile (node --cpu-prof) by where the time went: self time per package and
// per function, so that a benchmark's profile can be read without a browser.
// `--window PACKAGE` counts only the samples between the first and the last one taken in that
// package's code (async code has no whole stack to filter by), so that n8n's start-up does not
// drown the part being measured: `--window n8n-nodes-nexi` for a workflow whose only slow node is ours.
//   node scripts/profile-summary.js FILE.cpuprofile [--top 40] [--window n8n-nodes-nexi]
'use strict';
const { readFileSync } = require('node:fs');

const file = process.argv[2];
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 40;
const profile = JSON.parse(readFileSync(file, 'utf8'));

const windowIndex = process.argv.indexOf('--window');
const windowPackage = windowIndex > 0 ? process.argv[windowIndex + 1] : undefined;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parentOf.set(child, node.id);
const touches = new Map();
/** Whether a sample's stack has a frame of the `--window` package (memoised up the tree). */
function touchesWindow(id) {
	if (touches.has(id)) return touches.get(id);
	const parent = parentOf.get(id);
	const result =
		packageOf(byId.get(id).callFrame.url) === windowPackage ||
		(parent !== undefined && touchesWindow(parent));
	touches.set(id, result);
	return result;
}
let first = 0;
let last = profile.samples.length - 1;
if (windowPackage) {
	const hits = profile.samples.flatMap((id, i) => (touchesWindow(id) ? [i] : []));
	[first, last] = [hits[0] ?? 0, hits[hits.length - 1] ?? -1];
}
const selfMs = new Map();
for (let i = first; i <= last; i++) {
	const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
	selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + delta);
}

/** The package a script belongs to: n8n-nodes-nexi, a node_modules package, or node itself. */
function packageOf(url) {
	if (!url) return '(native)';
	if (url.startsWith('node:')) return 'node';
	const parts = url.split('/node_modules/');
	if (parts.length > 1) {
		const rest = parts[parts.length - 1].split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	return url.includes('n8n-nodes-nexi') ? 'n8n-nodes-nexi' : url;
}

const packages = new Map();
const functions = new Map();
let total = 0;
for (const [id, ms] of selfMs) {
	const { callFrame } = byId.get(id);
	total += ms;
	const pkg = packageOf(callFrame.url);
	packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
	const name = `${callFrame.functionName || '(anonymous)'} ${pkg}:${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}`;
	functions.set(name, (functions.get(name) ?? 0) + ms);
}

const print = (title, map) => {
	console.log(`\n${title}`);
	for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
		console.log(
			`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`,
		);
};
console.log(`total ${total.toFixed(0)} ms sampled`);
print('self time by package', packages);
print('self time by function', functions);
