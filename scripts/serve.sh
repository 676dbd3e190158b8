#!/usr/bin/env bash
# Builds the release bundle and serves it at http://127.0.0.1:8080 (PORT to change).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/build.sh"
PORT="${PORT:-8080}"
echo "EventLens is at http://127.0.0.1:$PORT  (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
