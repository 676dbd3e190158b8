#!/usr/bin/env bash
# Everything CI checks: format, lints, native tests, release build, browser tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
apt_install chromium chromium-driver
if [ ! -d tests/browser/node_modules/playwright-core ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  log "npm ci (playwright-core; the browser is Debian's chromium)"
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
log "cargo fmt --check"
cargo fmt --all -- --check
log "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
log "cargo test (native, whole workspace)"
cargo test --workspace --quiet
log "release build into dist/"
env ${EVENTLENS_WASM_ENV:-} trunk build --release
log "browser tests (headless Chromium against dist/)"
(cd tests/browser && node --test --test-concurrency=1 .)
