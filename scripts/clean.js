// Empties dist/ so that nothing from an earlier build (a renamed file, a test) can ship.
const { rmSync } = require('node:fs');
const { join } = require('node:path');

rmSync(join(__dirname, '..', 'dist'), { recursive: true, force: true });
