#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the
# right version. Sourced by the other scripts: it also exports the build environment.
# Standard route first (rustup's wasm target); the Debian route of ../shared/TOOLCHAIN.md
# when rustup cannot download (no internet).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../tools/versions.env
. "$ROOT/tools/versions.env"
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$ROOT/Trunk.toml" || { log "Trunk.toml does not pin wasm-bindgen $WASM_BINDGEN_VERSION (Cargo.lock)"; exit 1; }

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# --- Rust to wasm -----------------------------------------------------------------
# EVENTLENS_DEBIAN_WASM=1 forces the Debian route (to test it on a machine that has both).
if [ "${EVENTLENS_DEBIAN_WASM:-0}" != 1 ] && rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  log "rustup wasm32 target present"
elif [ "${EVENTLENS_DEBIAN_WASM:-0}" != 1 ] && timeout 30 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  log "installed rustup wasm32 target"
else
  log "rustup cannot fetch the wasm target here; using Debian's rustc-web toolchain"
  apt_install rustc-web cargo-web rust-web-src lld-22
  rustup toolchain list | grep -q '^web-debian' || rustup toolchain link web-debian /usr >/dev/null
  export EVENTLENS_WASM_ENV="RUSTUP_TOOLCHAIN=web-debian RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
fi

# --- trunk, wasm-bindgen-cli --------------------------------------------------------
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (about 5 minutes)"
  cargo install --locked --quiet "trunk@$TRUNK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: a locked dependency of 0.2.130 is missing from the registry mirror.
  cargo install --quiet "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# --- wasm-opt from npm (Debian's binaryen 108 corrupts wasm-bindgen output) ----------
TOOLS="$ROOT/.tools"
if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ] || ! grep -q "\"version\": \"$BINARYEN_VERSION" "$TOOLS/node_modules/binaryen/package.json" 2>/dev/null; then
  log "npm install binaryen@$BINARYEN_VERSION"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION" >/dev/null
fi
if ! grep -q "\"version\": \"$WORLD_ATLAS_VERSION\"" "$TOOLS/node_modules/world-atlas/package.json" 2>/dev/null \
  || ! grep -q "\"version\": \"$TOPOJSON_CLIENT_VERSION\"" "$TOOLS/node_modules/topojson-client/package.json" 2>/dev/null; then
  log "npm install world-atlas@$WORLD_ATLAS_VERSION topojson-client@$TOPOJSON_CLIENT_VERSION (map outlines)"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION" \
    "world-atlas@$WORLD_ATLAS_VERSION" "topojson-client@$TOPOJSON_CLIENT_VERSION" >/dev/null
fi
export PATH="$TOOLS/node_modules/.bin:$PATH"
