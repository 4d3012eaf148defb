"""Rebuild the fine-tuned check-worthiness model (the accurate tier's) and log its progress.

    nice python scripts/train_finetuned.py -o models/accurate/checkworthy > train.log 2>&1 &

Same as ``factcheck train --tier accurate`` does for this part; ``--limit N`` trains on N
sentences of a seeded shuffle (a quick check). A second stage continues a saved model on the
next sentences of the same shuffle:

    nice python scripts/train_finetuned.py -o OUT2 --start-from OUT1 --offset 4000 --limit 6000 --lr 3e-5
"""
from __future__ import annotations

import argparse
import sys
import time

from factcheck.finetuned import train_finetuned


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--data", default=None, help="the shared folder (default ../shared)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--offset", type=int, default=0, help="skip the first N sentences of the shuffle")
    ap.add_argument("--start-from", default=None, help="a saved fine-tuned model folder to continue")
    ap.add_argument("--lr", type=float, default=None)
    args = ap.parse_args()
    started = time.perf_counter()
    settings = {"epochs": args.epochs} if args.epochs else {}
    if args.lr:
        settings["lr"] = args.lr
    model = train_finetuned(args.output, args.data, limit=args.limit, seed=args.seed, offset=args.offset,
                            start_from=args.start_from,
                            log=lambda line: print(line, flush=True), **settings)
    print(f"threshold on CT24 dev {model.config_['threshold_on_dev']}; "
          f"{time.perf_counter() - started:.0f}s in all", flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
