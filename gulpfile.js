const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

function copyIcons() {
	// Node and credential descriptions reference icons relative to their compiled files,
	// so the icons folder sits at the root of dist/ beside nodes/ and credentials/.
	return src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons')));
}
