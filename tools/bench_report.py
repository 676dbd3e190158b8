#!/usr/bin/env python3
"""Merges the parts of `make bench` into target/bench/report.json and prints the table,
with each budget marked pass or fail."""
import json
import re
import sys
from pathlib import Path

out = Path(sys.argv[1])
browser = json.loads((out / "browser.json").read_text())
peer = json.loads((out / "peer.json").read_text())

# Criterion: "extract/<bytes>  time: [lo mid hi]  thrpt: [lo mid hi]"
native = []
for est in sorted((Path("target/criterion/extract")).glob("*/new/estimates.json")):
    size = int(est.parent.parent.name)
    ns = json.loads(est.read_text())["mean"]["point_estimate"]
    native.append({"bytes": size, "seconds": ns / 1e9, "mb_per_s": size / 1e6 / (ns / 1e9)})
native.sort(key=lambda r: r["bytes"])

def by_name(rows, name):
    return next((r for r in rows if r["name"] == name), None)

ours_native = max((r["mb_per_s"] for r in native if r["bytes"] >= 100_000), default=0.0)
spacy_rows = peer["throughput"]
spacy_mb = by_name(spacy_rows, "repeat-100KB") or spacy_rows[-1]
ratio = ours_native / spacy_mb["mb_per_s"] if spacy_mb["mb_per_s"] else 0.0

gwn = {}
for who in ("ours", "spacy"):
    p = out / f"gwn-{who}.json"
    if p.exists():
        d = json.loads(p.read_text())
        gwn[who] = {"articles": d.get("articles"), **{k: d["geotagging_overlap"][k] for k in ("precision", "recall", "f1")},
                    "acc_at_161km": d["geocoding"]["acc_at_161km"], "end_to_end_acc_at_161km": d["geocoding"]["end_to_end_acc_at_161km"]}

w = browser["weight"]
fc = browser["first_card_ms"]
fl = browser["filter_latency_ms"]
budgets = [
    ("first load (whole collection embedded) gzipped ≤ 250 KB", w["first_load"]["gzip"] <= 250 * 1024, f'{w["first_load"]["gzip"] / 1024:.1f} KB'),
    ("first card median ≤ 150 ms", fc["normal"]["median"] <= 150, f'{fc["normal"]["median"]:.0f} ms'),
    ("first card median ≤ 600 ms at 4× throttle", fc["throttled_4x"]["median"] <= 600, f'{fc["throttled_4x"]["median"]:.0f} ms'),
    ("filter p95 ≤ 16 ms at 10k events", fl["10000"]["p95"] <= 16, f'{fl["10000"]["p95"]:.1f} ms'),
    ("filter p95 ≤ 50 ms at 100k events", fl["100000"]["p95"] <= 50, f'{fl["100000"]["p95"]:.1f} ms'),
    ("extraction ≥ 20 MB/s natively", ours_native >= 20, f"{ours_native:.1f} MB/s"),
    ("extraction ≥ 500× spaCy NER", ratio >= 500, f"{ratio:.0f}×"),
    ("place recall ≥ spaCy's (corpus)", peer["places"]["ours"]["recall"] >= peer["places"]["spacy"]["recall"],
     f'{peer["places"]["ours"]["recall"]:.2f} vs {peer["places"]["spacy"]["recall"]:.2f}'),
]
report = {"weight": w, "first_card_ms": fc, "filter_latency_ms": fl, "extraction": {"native": native, "wasm": browser["wasm_extraction"], "spacy": spacy_rows, "ours_vs_spacy": ratio},
          "places_corpus": peer["places"], "geowebnews": gwn, "budgets": [{"budget": b, "pass": ok, "measured": m} for b, ok, m in budgets]}
(out / "report.json").write_text(json.dumps(report, indent=2))

print("\nTransfer weight (first load; the worker and gazetteer load only to analyse a pasted article)")
print(f'  {"file":44} {"raw":>9} {"gzip":>9} {"brotli":>9}')
for f in sorted(w["files"], key=lambda r: -r["raw"]):
    print(f'  {f["file"][:44]:44} {f["raw"]:9,} {f["gzip"]:9,} {f["brotli"]:9,}  {f["kind"]}')
if w.get("embedded_data_inside_wasm"):
    e = w["embedded_data_inside_wasm"]
    print(f'  {"(embedded article data, inside the wasm)":44} {e["raw"]:9,} {e["gzip"]:9,} {e["brotli"]:9,}')
print(f'  {"first load total":44} {w["first_load"]["raw"]:9,} {w["first_load"]["gzip"]:9,} {w["first_load"]["brotli"]:9,}')
print("\nTime to first card (navigation → card painted), ms")
for k, v in fc.items():
    print(f'  {k:14} median {v["median"]:7.1f}   p95 {v["p95"]:7.1f}   n={v["n"]}')
print("\nFilter change → view updated, ms")
for k, v in fl.items():
    print(f'  {int(k):>7,} events   median {v["median"]:6.1f}   p95 {v["p95"]:6.1f}')
print("\nExtraction throughput")
for r in native:
    print(f'  native  {r["bytes"]:>9,} B   {r["seconds"] * 1000:9.2f} ms   {r["mb_per_s"]:7.2f} MB/s')
for r in browser["wasm_extraction"]:
    if r.get("cold"):
        print(f'  wasm    {r["bytes"]:>9,} B   {r["ms"]:9.2f} ms   first extraction in the page: worker start, gazetteer fetch and index')
        continue
    print(f'  wasm    {r["bytes"]:>9,} B   {r["ms"]:9.2f} ms   {r["mb_per_s"]:7.2f} MB/s  ({r["name"]}, in the page\'s worker)')
for r in spacy_rows:
    print(f'  spaCy   {r["bytes"]:>9,} B   {r["seconds"] * 1000:9.2f} ms   {r["mb_per_s"]:7.4f} MB/s  ({r["name"]})')
print(f"  ours / spaCy (≥100 KB inputs): {ratio:,.0f}×")
print("\nPlaces on the hand-labelled corpus (same scoring rule for both)")
for who, s in peer["places"].items():
    print(f'  {who:6} P {s["precision"]:.2f}  R {s["recall"]:.2f}  (tp {s["tp"]} fp {s["fp"]} fn {s["fn"]})')
if gwn:
    print("\nGeoWebNews (overlap geotagging; geocoding acc@161 km)")
    for who, s in gwn.items():
        print(f'  {who:6} {s["articles"]} articles  P {s["precision"]:.3f}  R {s["recall"]:.3f}  F1 {s["f1"]:.3f}  acc@161 {s["acc_at_161km"]:.1%}  end-to-end {s["end_to_end_acc_at_161km"]:.1%}')
print("\nBudgets")
for b, ok, m in budgets:
    print(f'  [{"PASS" if ok else "FAIL"}] {b:42} {m}')
print(f"\nwritten: {out / 'report.json'}")
