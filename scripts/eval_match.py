"""Claim matching figures on CT20: dev MAP@5 of a tier, and number awareness.

    python scripts/eval_match.py --model fast
    python scripts/eval_match.py --model accurate
"""
from __future__ import annotations

import argparse
import time

from factcheck.matching.awareness import number_awareness
from factcheck.matching.train import ct20_map, relevant_claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="fast", help="fast, accurate or a re-ranker folder")
    ap.add_argument("--data", default=None, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--cache", default=None, help="embedding cache folder (accurate)")
    args = ap.parse_args()
    t = time.perf_counter()
    print(f"CT20 {args.split} MAP@5 ({args.model}): {ct20_map(args.model, args.split, data=args.data, cache_dir=args.cache):.4f}"
          f"  [{time.perf_counter() - t:.1f} s]")
    pool, claims = relevant_claims(args.data)
    r = number_awareness(claims, pool, model=args.model, cache_dir=args.cache)
    print(f"number awareness ({args.model}): {r.passed}/{r.claims} = {r.rate:.4f} "
          f"(original first as same: {r.original_first}, changed copy flagged different: {r.copy_flagged})")
    for f in r.failures:
        print("  missed", f)


if __name__ == "__main__":
    main()
