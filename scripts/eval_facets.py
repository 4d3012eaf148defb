#!/usr/bin/env python3
"""Score the facet extractor on gold sentences with the official scorer, and time it.

    python3 scripts/eval_facets.py DOCS.jsonl GOLD.jsonl [--pred OUT.jsonl] [--repeat 3]

For each gold sentence it calls ``extract_facets(doc_text, start, end, published=...)`` and
writes a prediction record (spec/CLAIMS.md section 4, facets only: checkworthiness 1.0,
label "unsourced"), runs ``../shared/eval/score.py GOLD PRED`` and prints its facet lines.
Then it prints the extraction speed over every sentence of every document
(``factcheck.segment.split_sentences``), on one core, best of ``--repeat`` runs. Time is the
process's CPU time, so other work on a shared machine does not skew the figure.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factcheck.facets import extract_facets
from factcheck.segment import split_sentences
from factcheck.types import parse_date


def shared_dir() -> Path:
    """Return ../shared (next to the repository), or $FACTCHECK_SHARED, or /work/shared."""
    if os.environ.get("FACTCHECK_SHARED"):
        return Path(os.environ["FACTCHECK_SHARED"])
    here = Path(__file__).resolve().parents[2] / "shared"
    return here if here.exists() else Path("/work/shared")


def read_jsonl(path: Path) -> list[dict]:
    """Return the records of a JSON Lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predictions(docs: dict[str, dict], gold: list[dict]) -> list[dict]:
    """Return one prediction record per gold sentence, carrying the facets found in it."""
    out = []
    for g in gold:
        doc = docs[str(g["doc_id"])]
        facets = extract_facets(doc["text"], g["start"], g["end"], published=parse_date(doc.get("published")))
        out.append({"doc_id": g["doc_id"], "start": g["start"], "end": g["end"],
                    "text": doc["text"][g["start"]:g["end"]], "checkworthiness": 1.0,
                    "label": "unsourced", "scores": {}, "cues": [], "source": None,
                    "facets": [f.to_dict() for f in facets]})
    return out


def speed(docs: dict[str, dict], repeat: int) -> tuple[int, float, float]:
    """Return (sentences, sentences/s for facets alone, sentences/s with splitting too)."""
    items = [(d["text"], parse_date(d.get("published"))) for d in docs.values()]
    sentences = [(text, s.start, s.end, pub) for text, pub in items for s in split_sentences(text)]
    best_facets = best_all = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text, s, e, pub in sentences:
            extract_facets(text, s, e, published=pub)
        best_facets = min(best_facets, time.process_time() - t0)
        t0 = time.process_time()
        for text, pub in items:
            for s in split_sentences(text):
                extract_facets(text, s.start, s.end, published=pub)
        best_all = min(best_all, time.process_time() - t0)
    return len(sentences), len(sentences) / best_facets, len(sentences) / best_all


def main(argv: list[str] | None = None) -> int:
    """Score, print the facet lines and the speed; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred", type=Path, help="keep the prediction records here")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best counts")
    args = ap.parse_args(argv)

    docs = {str(d["doc_id"]): d for d in read_jsonl(args.docs)}
    gold = read_jsonl(args.gold)
    records = predictions(docs, gold)
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.pred or Path(tmp) / "pred.jsonl"
        with open(pred, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        scorer = shared_dir() / "eval" / "score.py"
        done = subprocess.run([sys.executable, str(scorer), str(args.gold), str(pred)],
                              capture_output=True, text=True, check=True)
    for line in done.stdout.splitlines():
        if line.startswith("facet"):
            print(line)
    n, facets_rate, all_rate = speed(docs, args.repeat)
    print(f"speed: {n} sentences, facets {facets_rate:,.0f} sentences/s, "
          f"split+facets {all_rate:,.0f} sentences/s (CPU time, one core, best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
