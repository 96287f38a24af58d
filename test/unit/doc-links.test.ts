import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NexiCheckoutApi } from '../../credentials/NexiCheckoutApi.credentials';
import { NexiXPayApi } from '../../credentials/NexiXPayApi.credentials';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const HOMEPAGE = (
	JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string }
).homepage;
const REPOSITORY = HOMEPAGE.replace(/#readme$/, '');

/** The anchors GitHub gives the README's headings: lower case, punctuation dropped, spaces → "-". */
function anchors(markdown: string): Set<string> {
	const found = new Set<string>();
	const counts = new Map<string, number>();
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
	for (const [, title] of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) {
		const slug = title
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N} _-]/gu, '')
			.replace(/ /g, '-');
		const seen = counts.get(slug) ?? 0;
		counts.set(slug, seen + 1);
		found.add(seen === 0 ? slug : `${slug}-${seen}`);
	}
	return found;
}

/** Every documentation link a user can click in n8n: the nodes' codex files and the credentials. */
function editorLinks(): Array<[string, string]> {
	const links: Array<[string, string]> = [];
	const codexFiles = readdirSync(join(ROOT, 'nodes'), {
		recursive: true,
		withFileTypes: true,
	}).filter((entry) => entry.isFile() && entry.name.endsWith('.node.json'));
	for (const entry of codexFiles) {
		const codex = readFileSync(join(entry.parentPath, entry.name), 'utf8');
		for (const [, url] of codex.matchAll(/"url":\s*"([^"]+)"/g)) links.push([entry.name, url]);
	}
	for (const credential of [new NexiCheckoutApi(), new NexiXPayApi()])
		links.push([credential.name, credential.documentationUrl]);
	return links;
}

const headings = anchors(README);

test('every node and credential links to a section of the README that exists', () => {
	const links = editorLinks();
	expect(links.length).toBeGreaterThanOrEqual(10);
	for (const [where, url] of links) {
		expect({ where, url, repository: url.startsWith(`${REPOSITORY}#`) }).toEqual({
			where,
			url,
			repository: true,
		});
		expect({ where, anchor: url.split('#')[1], exists: headings.has(url.split('#')[1]) }).toEqual({
			where,
			anchor: url.split('#')[1],
			exists: true,
		});
	}
});

test('every link inside the README to one of its own sections lands on a heading', () => {
	const internal = [...README.matchAll(/\]\(#([^)]+)\)/g)].map(([, anchor]) => anchor);
	expect(internal.length).toBeGreaterThan(5);
	expect(internal.filter((anchor) => !headings.has(anchor))).toEqual([]);
});

test('the README links to every example workflow and picture, and they exist', () => {
	const files = [...README.matchAll(/\]\(((?:examples|docs)\/[^)#]+)\)/g)].map(([, path]) => path);
	expect(files.length).toBeGreaterThan(5);
	for (const path of files) expect(() => readFileSync(join(ROOT, path))).not.toThrow();
	for (const example of readdirSync(join(ROOT, 'examples')))
		expect(files).toContain(`examples/${example}`);
});

test('the anchors follow GitHub: punctuation dropped, repeated headings numbered', () => {
	expect([
		...anchors('# Nexi XPay API credential\n## Where Nexi documents nothing: what\n## A\n## A'),
	]).toEqual(['nexi-xpay-api-credential', 'where-nexi-documents-nothing-what', 'a', 'a-1']);
});
