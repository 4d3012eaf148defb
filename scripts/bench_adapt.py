"""Learning curve of `factcheck train --from-queue` on simulated newsrooms (aggregates only).

    python scripts/bench_adapt.py -o bench/adapt_curve.json            # both newsrooms, 5 seeds
    python scripts/bench_adapt.py --domain transcripts --seeds 2       # a quicker look
    python scripts/bench_adapt.py --speed 1000                         # seconds to adapt from a 1,000-verdict queue
    python scripts/bench_adapt.py --base accurate --domain transcripts -o bench/adapt_curve_accurate.json
    python scripts/bench_adapt.py --diagnose -o bench/adapt_diagnosis.json --seeds 8 --sizes 50,100,150
        # why the curve is flat: the public-dev frontier and the cue-cap ceiling (factcheck.adapt.diagnose)

Transcripts: CT24 dev-test debates; politics: the sealed PolNeAR check set 3. Reviewers answer
with the gold labels; the adapted models are thrown away. The JSON feeds the HTML report's
learning-curve chart (`factcheck report --adapt-curve FILE`).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from factcheck.adapt.bench import run_bench
from factcheck.adapt.diagnose import run_diagnosis


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", default="bench/adapt_curve.json")
    ap.add_argument("--domain", choices=("transcripts", "politics", "both"), default="both")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--sizes", default="25,50,100,150,200,400")
    ap.add_argument("--speed", type=int, default=0, help="also time adapting from a queue of this many verdicts")
    ap.add_argument("--base", default="fast", help="the model adapted: fast, accurate or a model folder (curves only)")
    ap.add_argument("--diagnose", action="store_true",
                    help="instead of the curve: the public-dev frontier of the transcript newsroom at each size "
                         "and the cue-cap ceiling of the politics newsroom")
    args = ap.parse_args()
    if args.diagnose:
        result = run_diagnosis(seeds=range(args.seeds), sizes=[int(s) for s in args.sizes.split(",")],
                               progress=progress)
    else:
        result = run_bench(domains=("transcripts", "politics") if args.domain == "both" else (args.domain,),
                           seeds=range(args.seeds), sizes=[int(s) for s in args.sizes.split(",")],
                           speed=args.speed, base=args.base, progress=progress)
    result["load_average"] = os.getloadavg()
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
