"""Choose the accurate tier's matching-encoder fine-tuning settings by cross-validation on CT20
train queries (dev is not read): dense and whole-pipeline MAP@5 on held-out folds.

    python scripts/select_match_encoder.py --folds 0 --epochs 3 --out /tmp/select.json
"""
from __future__ import annotations

import argparse
import json

from factcheck.matching.train import crossfit_fold_map, select_encoder

GRID = ({"lr": 5e-5, "hard_negatives": 1}, {"lr": 5e-5, "hard_negatives": 0}, {"lr": 2e-5, "hard_negatives": 1},
        {"lr": 1e-5, "hard_negatives": 0})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=None, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--folds", default="0", help="held-out folds of 5, comma-separated (query i is in fold i %% 5)")
    ap.add_argument("--epochs", type=int, default=3, help="epochs run; every epoch count up to it is scored")
    ap.add_argument("--settings", default=None, help="which settings of the grid, comma-separated positions (default all)")
    ap.add_argument("--no-pinned", action="store_true", help="leave out the pinned encoder's figures")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-pipeline", action="store_true", help="dense MAP@5 only")
    ap.add_argument("--out", default=None, help="write the records as JSON here")
    ap.add_argument("--crossfit", action="store_true",
                    help="the whole pipeline with cross-fitted re-ranker features, for each chosen setting")
    args = ap.parse_args()
    if args.crossfit:
        for i in (args.settings or "0").split(","):
            print(GRID[int(i)], crossfit_fold_map(GRID[int(i)], fold=int(args.folds.split(",")[0]), epochs=args.epochs,
                                                  data=args.data, threads=args.threads))
        return
    grid = [GRID[int(i)] for i in args.settings.split(",")] if args.settings else list(GRID)
    records = select_encoder(grid, folds=[int(f) for f in args.folds.split(",")], epochs=args.epochs,
                             data=args.data, threads=args.threads, pipeline=not args.no_pipeline,
                             pinned=not args.no_pinned)
    text = json.dumps(records, indent=1)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
