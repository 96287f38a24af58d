// Checks that imports in what ships (nodes/, credentials/) point one way (CONTRIBUTING.md):
//   node → actions → domain → transport → protocol → common,
// nothing under nodes/ imports credentials/, credentials import only common and protocol
// modules, no operation imports another operation, neither API imports the other, and the
// only packages are the ones n8n Cloud allows. Part of `npm run lint`.
const { readdirSync, readFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const ALLOWED_PACKAGES = ['n8n-workflow', 'zod', 'luxon', 'lodash', 'moment', 'p-limit', 'crypto'];

/** The layer a file belongs to, and the lower a layer the fewer things it may import. */
const RANK = { common: 0, protocol: 1, transport: 2, domain: 3, actions: 4, node: 5 };

function layerOf(file) {
	const parts = file.split('/');
	if (parts[0] === 'credentials') return { layer: 'credential' };
	if (parts[1] === 'common') return { layer: 'common' };
	const api = parts[1];
	if (parts[2] === 'protocol') return { api, layer: 'protocol' };
	// The editor's list methods are UI, like the fields they fill.
	if (parts[2] === 'methods') return { api, layer: 'actions' };
	if (parts[2] === 'actions') {
		return { api, layer: 'actions', operation: file.endsWith('.operation.ts') };
	}
	if (file.endsWith('.node.ts')) return { api, layer: 'node' };
	const base = parts[parts.length - 1];
	// The client and the shapes and limits it and everything above share.
	if (['transport.ts', 'schemas.ts', 'listDefaults.ts'].includes(base)) {
		return { api, layer: 'transport' };
	}
	return { api, layer: 'domain' };
}

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
	if (from.layer !== 'common' && to.layer !== 'common' && to.api !== from.api) {
		return `imports ${target}: one API's node does not import the other's`;
	}
	if (from.operation && to.operation)
		return `imports ${target}: an operation never imports another operation`;
	if (RANK[to.layer] > RANK[from.layer]) {
		return `imports ${target}: a ${from.layer} module may not import a ${to.layer} module (imports point node → actions → domain → transport → protocol → common)`;
	}
	return undefined;
}

const problems = [];
let checked = 0;
for (const file of [...sourceFiles('nodes'), ...sourceFiles('credentials')]) {
	const from = layerOf(file);
	for (const specifier of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
		checked++;
		const problem = problemWith(file, from, specifier);
		if (problem) problems.push(`${file}: ${problem}`);
	}
}
if (problems.length > 0) {
	console.error(`import rules: ${problems.length} broken\n${problems.join('\n')}`);
	process.exitCode = 1;
} else {
	console.log(`import rules: ${checked} imports checked, all point one way`);
}
