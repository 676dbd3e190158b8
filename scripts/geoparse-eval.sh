#!/usr/bin/env bash
# Scores our place extraction on GeoWebNews with the scorer in ../shared/eval. The data
# stays in ../shared (GPL-3.0, third-party article text): never copied into this repo.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
if [ ! -f "$SHARED/eval/geoparse_eval.py" ] || [ ! -f "$SHARED/geowebnews/GWN.xml" ]; then
  echo "geoparse-eval: skipped, $SHARED/eval or $SHARED/geowebnews is not present"
  exit 0
fi
cd "$ROOT"
cargo build --release -p eventlens-extract --quiet
OUT="$ROOT/target/geoparse"
mkdir -p "$OUT"
for mode in all literal; do
  flag=""; [ "$mode" = literal ] && flag="--literal-only"
  python3 "$SHARED/eval/geoparse_eval.py" --jobs 2 $flag ${LIMIT:+--limit "$LIMIT"} \
    --cmd "$ROOT/target/release/eventlens extract {file}" --json "$OUT/$mode.json" | tee "$OUT/$mode.txt"
done
