#!/usr/bin/env bash
# Scores killed/injured totals on the WAD dev reports with the scorer in ../shared/eval.
# The reports are third-party text: they stay in ../shared and are split into target/
# at run time, never copied into this repository. Records 1-700 are the development
# split; 701-1000 are held out and only measured.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
if [ ! -f "$SHARED/eval/casualty_eval.py" ] || [ ! -f "$SHARED/wad-dev/dev.jsonl" ]; then
  echo "casualty-eval: skipped, $SHARED/eval or $SHARED/wad-dev is not present"
  exit 0
fi
cd "$ROOT"
cargo build --release -p eventlens-extract --quiet
OUT="$ROOT/target/casualty-eval"
mkdir -p "$OUT"
head -n 700 "$SHARED/wad-dev/dev.jsonl" > "$OUT/dev-1-700.jsonl"
tail -n +701 "$SHARED/wad-dev/dev.jsonl" > "$OUT/held-out-701-1000.jsonl"
for split in dev-1-700 held-out-701-1000; do
  python3 "$SHARED/eval/casualty_eval.py" --data "$OUT/$split.jsonl" --jobs 2 \
    --cmd "$ROOT/target/release/eventlens extract {file}" --json "$OUT/$split.json" | tee "$OUT/$split.txt"
done
