// Checks that imports in what ships (nodes/, credentials/) point one way (CONTRIBUTING.md):
//   node → actions → domain → transport → protocol → common,
// nothing under nodes/ imports credentials/, credentials import only common and protocol
// modules, no operation imports another operation, no API imports another's folder, and the
// only packages are the ones n8n Cloud allows. A module's layer is the folder it sits in, so a
// module outside a layer folder is itself an error. Part of `npm run lint`.
const { readdirSync, readFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const ALLOWED_PACKAGES = ['n8n-workflow', 'zod', 'luxon', 'lodash', 'moment', 'p-limit', 'crypto'];

/** The layer a file belongs to, and the lower a layer the fewer things it may import. */
const RANK = { common: 0, protocol: 1, transport: 2, domain: 3, actions: 4, node: 5 };
/** Layer folders; the editor's list methods (methods/) are UI, like the fields they fill. */
const LAYER_FOLDERS = {
	actions: 'actions',
	methods: 'actions',
	domain: 'domain',
	transport: 'transport',
	protocol: 'protocol',
};

/**
 * Where a file sits: its `layer`, and `api`, the folder path above its layer folder (for a
 * node file, its own folder): `NexiXPay/backOffice` for the classic XPay API's modules,
 * `NexiCheckout/Reporting` for the Reporting node and its API, `NexiCheckout` for what the
 * Checkout APIs share. `problem` when the file sits in no layer folder.
 */
function layerOf(file) {
	const parts = file.split('/');
	if (parts[0] === 'credentials') return { layer: 'credential' };
	if (parts[1] === 'common') return { layer: 'common' };
	const folders = parts.slice(1, -1);
	if (file.endsWith('.node.ts') || file.endsWith('.node.json')) {
		return { api: folders.join('/'), layer: 'node' };
	}
	const at = folders.findIndex((folder) => LAYER_FOLDERS[folder]);
	if (at < 1) {
		return {
			problem: `a module sits in a layer folder (${Object.keys(LAYER_FOLDERS).join(', ')}); only node files sit outside one`,
		};
	}
	return {
		api: folders.slice(0, at).join('/'),
		layer: LAYER_FOLDERS[folders[at]],
		operation: file.endsWith('.operation.ts'),
	};
}

/** Whether API folder `outer` is `inner` or holds it. */
const within = (inner, outer) => inner === outer || inner.startsWith(`${outer}/`);

function sourceFiles(dir) {
	return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function importsOf(text) {
	const found = [];
	const pattern =
		/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'/g;
	for (const match of text.matchAll(pattern)) found.push(match[1] ?? match[2]);
	return found;
}

function problemWith(file, from, specifier) {
	if (!specifier.startsWith('.')) {
		const name = specifier.startsWith('@')
			? specifier.split('/').slice(0, 2).join('/')
			: specifier.split('/')[0];
		return ALLOWED_PACKAGES.includes(name)
			? undefined
			: `imports ${specifier}, a package n8n Cloud does not allow`;
	}
	const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\\/g, '/');
	const targetFile = target.endsWith('.json') ? target : `${target}.ts`;
	const to = layerOf(targetFile);
	if (from.layer === 'credential') {
		return to.layer === 'common' || to.layer === 'protocol'
			? undefined
			: `imports ${target}: credentials may import only nodes/common and protocol modules`;
	}
	if (to.layer === 'credential')
		return `imports ${target}: nothing under nodes/ imports credentials/`;
	// An API sees its own folder and what the folders above it share (NexiCheckout/protocol for
	// every Checkout API); a node also sees the APIs in the folders below it (one XPay node, two APIs).
	if (from.layer !== 'common' && to.layer !== 'common' && !within(from.api, to.api)) {
		if (!(from.layer === 'node' && within(to.api, from.api))) {
			return `imports ${target}: the ${from.api} modules do not import ${to.api}'s (one API never imports another's folder)`;
		}
	}
	if (from.operation && to.operation)
		return `imports ${target}: an operation never imports another operation`;
	if (RANK[to.layer] > RANK[from.layer]) {
		return `imports ${target}: a ${from.layer} module may not import a ${to.layer} module (imports point node → actions → domain → transport → protocol → common)`;
	}
	return undefined;
}

/** Every broken rule in the given files (paths relative to the repository), and how many imports were read. */
function check(files, read = (file) => readFileSync(join(ROOT, file), 'utf8')) {
	const problems = [];
	let checked = 0;
	for (const file of files) {
		const from = layerOf(file);
		if (from.problem) {
			problems.push(`${file}: ${from.problem}`);
			continue;
		}
		for (const specifier of importsOf(read(file))) {
			checked++;
			const problem = problemWith(file, from, specifier);
			if (problem) problems.push(`${file}: ${problem}`);
		}
	}
	return { problems, checked };
}

module.exports = { check, layerOf };

if (require.main === module) {
	const { problems, checked } = check([...sourceFiles('nodes'), ...sourceFiles('credentials')]);
	if (problems.length > 0) {
		console.error(`import rules: ${problems.length} broken\n${problems.join('\n')}`);
		process.exitCode = 1;
	} else {
		console.log(`import rules: ${checked} imports checked, all point one way`);
	}
}
