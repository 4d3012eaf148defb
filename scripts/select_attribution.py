#!/usr/bin/env python3
"""Compare the cue rules and learned attribution models by cross-validation grouped by PolNeAR
train article: primary accuracy, sourced recall, false-sourced rate and source hit on held-out
articles, and the four-way primary label on held-out own rows.

    python3 scripts/select_attribution.py [--shared ../shared] [--folds 5] [--seed 0]
                                          [--candidates rules,linear] [--json]

Candidates are the names of factcheck.attribution.selection.CANDIDATES.
Example: python3 scripts/select_attribution.py --candidates rules,linear
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factcheck.attribution.selection import CANDIDATES, build_pool, grouped_cv  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="example: python3 scripts/select_attribution.py --candidates rules,linear")
    ap.add_argument("--shared", default=None, help="the shared folder (default $FACTCHECK_SHARED or ../shared)")
    ap.add_argument("--own", default=None, help="the own data set folder (default datasets/attribution)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--candidates", default=",".join(CANDIDATES), help="comma-separated names (default all)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    names = [n for n in args.candidates.split(",") if n]
    unknown = [n for n in names if n not in CANDIDATES]
    if unknown:
        print(f"Error: unknown candidate(s) {', '.join(unknown)}; choose from {', '.join(CANDIDATES)}", file=sys.stderr)
        return 1
    pool = build_pool(args.shared, args.own, seed=args.seed)
    figures = grouped_cv(pool, {n: CANDIDATES[n] for n in names}, folds=args.folds, seed=args.seed,
                         log=lambda m: print(m, file=sys.stderr))
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    for name, fig in figures.items():
        for part in ("polnear", "own"):
            f = fig[part]
            print(f"{name:22s} {part:8s} n={f['sentences']:5d} primary {f['primary']}  sourced recall "
                  f"{f['sourced_recall']}  false sourced {f['false_sourced']}  source hit {f['source_hit']}  "
                  f"est/con {f['estimated_or_contested']}")
            print(f"{'':31s} errors {dict(list(f['errors'].items())[:6])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
