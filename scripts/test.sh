#!/usr/bin/env bash
# `npm test`: typecheck, lint, build, unit and integration tests (real SQLite, real keychain, real loopback
# servers), then e2e in Debian's Chromium against the headless host. Runs inside a private D-Bus session with an
# unlocked GNOME Keyring and a throw-away HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
# scripts/node24.sh: Node 24 LTS where the machine's Node is older (a no-op on a supported Node).
exec scripts/node24.sh scripts/with-keyring.sh bash -c '
  set -euo pipefail
  step() { echo; echo "=== $1"; shift; "$@"; }
  step "runtime (Node.js)" node --version
  step "typecheck" npm run --silent typecheck
  step "lint" npm run --silent lint
  # Build first: the packaging checks in vitest inspect the fresh bundles, not a stale out/.
  step "build (electron-vite)" npm run --silent build
  step "unit and integration tests (vitest)" npm run --silent test:unit
  step "end-to-end tests (Playwright, Chromium, headless host)" npm run --silent test:e2e
'
