// Runs the n8n verification scanner's own lint locally: once on the source, as the scanner
// does for a provenance-attested checkout, and once on the unpacked `npm pack` tarball,
// exactly what n8n installs. The scanner's CLI only handles published packages and exits 0
// even on failure, so its analyzePackage is called directly and `passed` decides.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, readdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');

async function main() {
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const work = mkdtempSync(join(tmpdir(), 'nexi-scan-'));
	try {
		const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.pop();
		execFileSync('tar', ['-xzf', join(work, packed), '-C', work]);
		const tarballDir = join(work, 'package');

		const runs = [
			['source', root, scanner.SOURCE_FILE_PATTERNS],
			['npm pack tarball', tarballDir, ['**/*.js', 'package.json']],
		];
		let failed = false;
		for (const [label, dir, patterns] of runs) {
			const result = await scanner.analyzePackage(dir, patterns);
			if (result.passed) {
				console.log(`scanner lint (${label}): passed`);
			} else {
				failed = true;
				console.error(`scanner lint (${label}): FAILED: ${result.message}`);
				if (result.details) console.error(result.details);
			}
		}
		console.log(`tarball files: ${listFiles(tarballDir).length}`);
		if (failed) process.exitCode = 1;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

function listFiles(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
		entry.isFile(),
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
