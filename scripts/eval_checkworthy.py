#!/usr/bin/env python3
"""Print the figures of a check-worthiness model: CT24 dev F1/P/R/AP (and dev-test with
--dev-test: read once, for the closing figures), news-dev and seed AP and F1 at 0.5, the mean
and largest score change under wrappers (quotes, speaker tags, case, stage directions) over
CT24 train sentences, load time and sentences per second.

    python3 scripts/eval_checkworthy.py [--model models/fast/checkworthy] [--shared ../shared]
    python3 scripts/eval_checkworthy.py --model models/accurate/checkworthy --skip-speed

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
    ap.add_argument("--dev-test", action="store_true", help="also CT24 dev-test (read once, at the end)")
    ap.add_argument("--tfidf", action="store_true", help="also the TF-IDF + LR baseline trained on CT24 train")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-shifts", action="store_true", help="do not measure the wrapper shifts")
    args = ap.parse_args()

    from factcheck.checkworthy import evaluate_checkworthy, measure_speed, wrapper_shifts
    from factcheck.datasets.checkworthy import read_news_documents
    from factcheck.models import load_component

    models = {args.model: load_component(args.model)}
    if args.tfidf:
        from factcheck.checkworthy_cv import tfidf_on_ct24_train
        models["TF-IDF + LR (CT24 train)"] = tfidf_on_ct24_train(args.shared)
    for label, model in models.items():
        print(f"model: {label}")
        for name, s in evaluate_checkworthy(model, args.shared, dev_test=args.dev_test).items():
            print(f"{name:14s} n={s['n']:4d} pos={s['positives']:4d}  F1 {s['f1']:.3f}  P {s['precision']:.3f}"
                  f"  R {s['recall']:.3f}  AP {s['average_precision']:.3f}   (threshold 0.5)")
        if args.skip_shifts:
            continue
        shifts = wrapper_shifts(model, args.shared)
        print("score change under wrappers, CT24 train sentences: " + ", ".join(
            f"{k} mean {v['mean']:.4f} max {v['max']:.4f}" for k, v in shifts.items()))
    if args.skip_speed:
        return

    from factcheck.pipeline import sentence_inputs
    inputs = [inp for doc in read_news_documents(args.shared) for inp in sentence_inputs(doc)]
    inputs = (inputs * (5000 // max(len(inputs), 1) + 1))[:5000]
    load_avg = os.getloadavg()[0]
    for name, batch in (("with facets", inputs), ("bare strings", [i.text for i in inputs])):
        s = measure_speed(args.model, batch, repeat=args.repeat)  # noqa: E501
        print(f"speed ({name}): load {s['load_seconds'] * 1000:.0f} ms, {s['sentences_per_second']:,.0f} "
              f"sentences/s on {s['sentences']} sentences, one process (load average {load_avg:.1f})")


if __name__ == "__main__":
    main()
