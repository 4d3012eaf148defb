#!/usr/bin/env python3
"""Print the figures of the fast check-worthiness model: CT24 dev and dev-test F1/P/R/AP,
news-dev and seed AP and F1 at 0.5, load time and sentences per second.

    python3 scripts/eval_checkworthy.py [--model models/fast/checkworthy] [--shared ../shared]

Speed is measured on every sentence of the news-dev articles, repeated to about 5,000: once as
the pipeline gives them (facets already found) and once as bare strings (the model finds the
facets itself). Speed figures depend on the machine and its load (printed with them).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(REPO / "models" / "fast" / "checkworthy"))
    ap.add_argument("--shared", default=None, help="the shared folder (default: $FACTCHECK_SHARED or ../shared)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from factcheck.checkworthy import CheckworthyClassifier, evaluate_checkworthy, measure_speed
    from factcheck.datasets.checkworthy import read_news_documents

    model = CheckworthyClassifier.load(args.model)
    print(f"model: {args.model}")
    for name, s in evaluate_checkworthy(model, args.shared).items():
        print(f"{name:14s} n={s['n']:4d} pos={s['positives']:4d}  F1 {s['f1']:.3f}  P {s['precision']:.3f}"
              f"  R {s['recall']:.3f}  AP {s['average_precision']:.3f}   (threshold 0.5)")

    from factcheck.pipeline import sentence_inputs
    inputs = [inp for doc in read_news_documents(args.shared) for inp in sentence_inputs(doc)]
    inputs = (inputs * (5000 // max(len(inputs), 1) + 1))[:5000]
    load_avg = os.getloadavg()[0]
    for name, batch in (("with facets", inputs), ("bare strings", [i.text for i in inputs])):
        s = measure_speed(args.model, batch, repeat=args.repeat)
        print(f"speed ({name}): load {s['load_seconds'] * 1000:.0f} ms, {s['sentences_per_second']:,.0f} "
              f"sentences/s on {s['sentences']} sentences, one process (load average {load_avg:.1f})")


if __name__ == "__main__":
    main()
