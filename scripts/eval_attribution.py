#!/usr/bin/env python3
"""Score attribution models on gold sentences with the official scorer.

    python3 scripts/eval_attribution.py [--model rules|fast|DIR] [--set news-dev --set seed]
                                        [--shared ../shared] [--out-dir /tmp]

For each set, every checkable gold sentence gets a SentenceInput (the sentence before = the
last sentence of factcheck.segment ending before it), the model's labels, cues and source are
written as spec records (checkworthiness 1.0, no facets) and ../shared/eval/score.py prints the
figures. ``rules`` is the cue-lexicon baseline calibrated on the project's own data set;
``fast`` the shipped model in models/fast/attribution; anything else a model directory.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factcheck.attribution import AttributionClassifier, CueLexiconClassifier  # noqa: E402
from factcheck.attribution.evaluate import gold_records  # noqa: E402
from factcheck.datasets.attribution import read_own, shared_data_dir  # noqa: E402


def load(name: str):
    if name == "rules":
        import numpy as np

        own = read_own()
        return CueLexiconClassifier().fit([e.input for e in own], np.array([e.labels for e in own]))
    if name == "fast":
        return AttributionClassifier.load(REPO / "models" / "fast" / "attribution")
    return AttributionClassifier.load(name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append", help="rules, fast or a model directory (repeatable)")
    ap.add_argument("--set", action="append", dest="sets", help="gold folder name under data/ (repeatable)")
    ap.add_argument("--shared", default=None, help="the shared folder (default $FACTCHECK_SHARED or ../shared)")
    ap.add_argument("--out-dir", default="/tmp", help="where the prediction files go")
    args = ap.parse_args(argv)
    data = shared_data_dir(args.shared)
    scorer = data.parent / "eval" / "score.py"
    for model_name in args.model or ["rules", "fast"]:
        model = load(model_name)
        for name in args.sets or ["news-dev", "seed"]:
            pred = Path(args.out_dir) / f"attribution-{Path(model_name).name}-{name}.jsonl"
            with open(pred, "w", encoding="utf-8") as f:
                for rec in gold_records(model, data / name):
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(f"== {model_name} on {name} ({pred})", flush=True)
            subprocess.run([sys.executable, str(scorer), str(data / name / "gold.jsonl"), str(pred)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
