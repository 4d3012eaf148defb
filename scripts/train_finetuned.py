#!/usr/bin/env python3
"""Rebuild the fine-tuned check-worthiness model (the accurate tier's) and log its progress.

    nice python scripts/train_finetuned.py -o models/accurate/checkworthy > train.log 2>&1 &

Same as ``factcheck train --tier accurate`` does for this part: fine-tune on the training sets
but one held-out fold (whole debates and articles), keep the epoch and threshold that fold
chooses (``factcheck.finetuned.train_finetuned``). ``--limit N`` trains on N sentences (a quick
check).
"""
from __future__ import annotations

import argparse
import sys
import time

from factcheck.finetuned import EPOCHS, train_finetuned


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--data", default=None, help="the shared folder (default ../shared)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs to train and choose among (default {EPOCHS})")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lr", type=float, default=None)
    args = ap.parse_args()
    started = time.perf_counter()
    settings = {"lr": args.lr} if args.lr else {}
    model = train_finetuned(args.output, args.data, limit=args.limit, seed=args.seed, epochs=args.epochs,
                            log=lambda line: print(line, flush=True), **settings)
    print(f"threshold {model.config_['threshold']} (chosen on the held-out fold); "
          f"{time.perf_counter() - started:.0f}s in all", flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
