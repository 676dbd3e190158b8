#!/usr/bin/env bash
# Release build of the app into dist/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
log "trunk build --release"
env ${EVENTLENS_WASM_ENV:-} trunk build --release
