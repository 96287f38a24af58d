#!/usr/bin/env bash
# Rewrites test/fixtures/v1-outputs.json the only honest way: by running the version 1 golden
# test against the 0.1.0 code of the nodes (nodes/ and credentials/ as they were at commit
# 2f26ae9) with today's sandbox and test helpers. Run it after a change to the sandbox's
# default answers; a change to the nodes must never need it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
V1_COMMIT=2f26ae9
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git -C "$ROOT" archive "$V1_COMMIT" nodes credentials package.json | tar -x -C "$work"
cp -r "$ROOT/test" "$ROOT/sandbox" "$ROOT/jest.config.js" "$ROOT/tsconfig.json" "$ROOT/tsconfig.test.json" "$work/"
ln -s "$ROOT/node_modules" "$work/node_modules"
(cd "$work" && UPDATE_GOLDEN=1 npx jest test/integration/v1-outputs)
cp "$work/test/fixtures/v1-outputs.json" "$ROOT/test/fixtures/v1-outputs.json"
echo "test/fixtures/v1-outputs.json rewritten from the 0.1.0 code ($V1_COMMIT)"
