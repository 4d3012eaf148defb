#!/usr/bin/env python3
"""Measure source finding on PolNeAR articles: sourced recall, source hit, false-sourced rate.

    python3 scripts/eval_polnear_sources.py [--split train|dev] [--model rules|fast|DIR]
                                            [--shared ../shared] [--json] [--misses N]

Sentences come from factcheck.attribution.evaluate.polnear_source_cases: a PolNeAR attribution
with its cue and a named or specific source inside the sentence makes a ``sourced`` case, a
sentence no attribution touches a ``none`` case. ``rules`` is the cue rules alone, ``fast`` the
shipped model. ``--misses N`` prints N random misses for reading (train only: dev stays an
aggregate-only measurement). Example: python3 scripts/eval_polnear_sources.py --split dev
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factcheck.attribution import AttributionClassifier  # noqa: E402
from factcheck.attribution.evaluate import (model_decisions, polnear_source_cases, rule_decisions,  # noqa: E402
                                            score_sources, source_hit)
from factcheck.datasets.attribution import shared_data_dir  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    ap.add_argument("--model", action="append", help="rules, fast or a model directory (repeatable; default both)")
    ap.add_argument("--shared", default=None, help="the shared folder (default $FACTCHECK_SHARED or ../shared)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", type=int, default=0, help="print this many random misses (train only)")
    ap.add_argument("--seed", type=int, default=0, help="seed for choosing the misses shown")
    ap.add_argument("--verb-check", action="store_true",
                    help="check that no predicted source holds a main-clause verb (own data + PolNeAR train)")
    args = ap.parse_args(argv)
    if args.verb_check:
        return verb_check(args)
    if args.misses and args.split != "train":
        print("Error: --misses reads train only; dev is measured in aggregate", file=sys.stderr)
        return 1
    cases = list(polnear_source_cases(shared_data_dir(args.shared) / "attribution" / "polnear", split=args.split))
    inputs = [c.input for c in cases]
    for name in args.model or ["rules", "fast"]:
        if name == "rules":
            dec = rule_decisions(inputs)
        else:
            model = AttributionClassifier.load(REPO / "models" / "fast" / "attribution" if name == "fast" else name)
            dec = model_decisions(model, inputs)
        fig = score_sources(cases, dec)
        if args.json:
            print(json.dumps({"split": args.split, "model": name, **fig}))
        else:
            print(f"== {name} on PolNeAR {args.split}")
            for part in ("all", "reporting", "other"):
                f = fig[part]
                print(f"sourced ({part:9s}) {f['sentences']:5d} sentences  recall {f['sourced_recall']}  source hit {f['source_hit']}")
            print(f"pronoun source      {fig['pronoun']['sentences']:5d} sentences  recall {fig['pronoun']['sourced_recall']}")
            print(f"no attribution      {fig['none']['sentences']:5d} sentences  false sourced {fig['none']['false_sourced']}")
        if args.misses:
            rng = random.Random(args.seed)
            bad = [(c, d) for c, d in zip(cases, dec) if (c.kind == "sourced" and not (d[0] and source_hit(c.source, d[1])))
                   or (c.kind == "none" and d[0])]
            for c, d in rng.sample(bad, min(args.misses, len(bad))):
                print(f"\n[{c.kind}] gold={c.source!r} cue={c.cue!r} -> sourced={d[0]} pred={d[1]!r}\n  {c.input.text}")
    return 0


def verb_check(args) -> int:
    """Property check: a source is a noun phrase, so no predicted source (rules) on the own data
    set or PolNeAR train holds a finite verb of the main clause (``main_verb_index``). Prints the
    count and, for the own data and train only, the offending sources. Exit status 1 when any."""
    from factcheck.attribution.resolution import find_source
    from factcheck.attribution.source import main_verb_index
    from factcheck.attribution.tokens import tokenize
    from factcheck.datasets.attribution import read_own

    own = [e.input for e in read_own()]
    train = [c.input for c in polnear_source_cases(shared_data_dir(args.shared) / "attribution" / "polnear",
                                                     split="train")]
    bad = 0
    for name, inputs in (("own", own), ("PolNeAR train", train)):
        n = found = 0
        for si in inputs:
            span = find_source(si)
            if span is None:
                continue
            found += 1
            if main_verb_index(tokenize(span.text)) is not None:
                n += 1
                print(f"  [{name}] {span.text!r}")
        print(f"{name}: {found} sources, {n} with a main-clause verb")
        bad += n
    return int(bad > 0)


if __name__ == "__main__":
    sys.exit(main())
