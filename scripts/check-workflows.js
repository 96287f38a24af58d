// Checks the GitHub Actions workflows, which cannot run here: each file is valid YAML with the
// shape GitHub requires (on, jobs, runs-on, steps that use or run something), CI runs .ci/run,
// and the release publishes with an npm provenance statement from a tag. Part of `npm run lint`.
const { readdirSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { parse } = require('yaml');

const DIR = resolve(__dirname, '..', '.github', 'workflows');
const problems = [];
const workflows = {};

for (const file of readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name))) {
	let workflow;
	try {
		workflow = parse(readFileSync(join(DIR, file), 'utf8'), { prettyErrors: true, strict: true });
	} catch (error) {
		problems.push(`${file}: not valid YAML: ${error.message}`);
		continue;
	}
	workflows[file] = workflow;
	if (typeof workflow?.name !== 'string') problems.push(`${file}: no name`);
	if (!workflow?.on) problems.push(`${file}: no "on" (what starts it)`);
	const jobs = Object.entries(workflow?.jobs ?? {});
	if (jobs.length === 0) problems.push(`${file}: no jobs`);
	for (const [id, job] of jobs) {
		if (!job['runs-on']) problems.push(`${file}: job ${id} has no runs-on`);
		const steps = job.steps ?? [];
		if (steps.length === 0) problems.push(`${file}: job ${id} has no steps`);
		steps.forEach((step, index) => {
			if (!step.uses === !step.run)
				problems.push(`${file}: job ${id}, step ${index + 1} needs exactly one of uses or run`);
		});
	}
}

const runs = (workflow) =>
	Object.values(workflow?.jobs ?? {})
		.flatMap((job) => job.steps ?? [])
		.map((step) => String(step.run ?? ''))
		.join('\n');

const ci = workflows['ci.yml'];
if (!ci) problems.push('ci.yml is missing');
else if (!/bash \.ci\/run/.test(runs(ci))) problems.push('ci.yml does not run .ci/run');

const publish = workflows['publish.yml'];
if (!publish) problems.push('publish.yml is missing');
else {
	if (!publish.on?.push?.tags) problems.push('publish.yml is not started by a version tag');
	const permissions = Object.values(publish.jobs ?? {}).map((job) => job.permissions ?? {});
	if (!permissions.some((p) => p['id-token'] === 'write'))
		problems.push('publish.yml lacks permissions: id-token: write (needed for provenance)');
	if (!/npm publish[^\n]*--provenance/.test(runs(publish)))
		problems.push('publish.yml does not run npm publish --provenance');
}

if (problems.length > 0) {
	console.error(`GitHub workflows:\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(`GitHub workflows: ${Object.keys(workflows).length} checked`);
