#!/usr/bin/env python3
"""Build the PolNeAR check set into a temporary folder and run ``factcheck evaluate`` on it.

    python3 scripts/eval_check_set.py [--set DIR] [--model fast] [--model accurate] [--json] [--keep DIR]

The set (``datasets/polnear-check``, or the sealed ``datasets/polnear-check-2`` with ``--set``, or the facets-only development sets
``datasets/polnear-facets-dev`` and ``datasets/polnear-facets-dev-2``, the second with dates and counts only, and
``datasets/factbank-facets-dev``, dates and counts on FactBank newswire) keeps
offsets only; the texts come from
``$FACTCHECK_SHARED`` (default ``<repo>/../shared``). For each ``--model`` it runs
``factcheck evaluate DOCS GOLD --model M`` and prints its figures. The check set is for
measuring only: never train or tune on it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from factcheck.datasets.check import build_check_set

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append", help="model name or folder (repeatable; default fast)")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON")
    ap.add_argument("--set", type=Path, default=REPO / "datasets" / "polnear-check",
                    help="the check set's folder (default datasets/polnear-check; the sealed one: datasets/polnear-check-2)")
    ap.add_argument("--keep", type=Path, help="write docs.jsonl and gold.jsonl here instead of a temporary folder")
    args = ap.parse_args(argv)
    shared = Path(os.environ.get("FACTCHECK_SHARED", REPO.parent / "shared"))
    with tempfile.TemporaryDirectory(prefix="polnear-check-") as tmp:
        docs, gold = build_check_set(shared, args.keep or Path(tmp), args.set / "annotations.jsonl")
        rows = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
        print(f"check set {args.set.name}: {len(rows)} gold sentences in {gold}", flush=True)
        if rows and all(r.get("facets_only") for r in rows):
            kinds = sorted({k for r in rows for k in r.get("kinds") or ()})
            only = f"the {' and '.join(kinds)} figures" if kinds else "the facet figures"
            print(f"facets-only set: only {only} mean anything here", flush=True)
        status = 0
        for model in args.model or ["fast"]:
            print(f"\n== model {model}", flush=True)
            cmd = [sys.executable, "-m", "factcheck", "evaluate", str(docs), str(gold), "--model", model]
            status |= subprocess.call(cmd + (["--json"] if args.json else []))
    return status


if __name__ == "__main__":
    sys.exit(main())
