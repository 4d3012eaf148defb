#!/usr/bin/env python3
"""Score attribution models on gold sentences with the official scorer.

    python3 scripts/eval_attribution.py [--model rules|fast|DIR] [--set news-dev --set seed]
                                        [--shared ../shared] [--out-dir /tmp]

For each set, every checkable gold sentence gets a SentenceInput (the sentence before = the
last sentence of factcheck.segment ending before it), the model's labels, cues and source are
written as spec records (checkworthiness 1.0, no facets) and ../shared/eval/score.py prints the
figures. ``rules`` is the cue-lexicon baseline calibrated on the project's own data set;
``fast`` the shipped model in models/fast/attribution; anything else a model directory (any
attribution type, e.g. models/accurate/attribution).
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
from factcheck.attribution.evaluate import example_figures, gold_records, id_half  # noqa: E402
from factcheck.datasets.attribution import read_gold, read_own, shared_data_dir  # noqa: E402


def load(name: str):
    if name == "rules":
        import numpy as np

        own = read_own()
        return CueLexiconClassifier().fit([e.input for e in own], np.array([e.labels for e in own]))
    if name == "fast":
        return AttributionClassifier.load(REPO / "models" / "fast" / "attribution")
    from factcheck.models import load_component

    return load_component(name)  # any attribution part, by the type in its config


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append", help="rules, fast or a model directory (repeatable)")
    ap.add_argument("--set", action="append", dest="sets", help="gold folder name under data/ (repeatable)")
    ap.add_argument("--shared", default=None, help="the shared folder (default $FACTCHECK_SHARED or ../shared)")
    ap.add_argument("--out-dir", default="/tmp", help="where the prediction files go")
    ap.add_argument("--aggregates", action="store_true",
                    help="instead: own data set figures (rules), present labels without a cue, Emergent rates")
    ap.add_argument("--own", metavar="DIR", action="append",
                    help="instead: figures on a folder of own-format *.jsonl rows, e.g. datasets/attribution-blind"
                         " (repeatable)")
    ap.add_argument("--half", choices=("even", "odd", "both"), default=None,
                    help="with --own: also print the rows whose id ends in an even / odd number apart"
                         " (the blind set's development and held-back halves)")
    ap.add_argument("--misses", choices=("sourced", "estimated", "contested", "source", "all"), action="append",
                    help="with --own and --half even: print the rows the model gets wrong for this label"
                         " (or a wrong source); never for the held-back odd rows")
    args = ap.parse_args(argv)
    if args.misses and args.half != "even":
        ap.error("--misses reads rows one by one: only with --half even (the odd rows stay held back)")
    if args.own:
        return own_sets(args)
    data = shared_data_dir(args.shared)
    if args.aggregates:
        return aggregates(args, data)
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


def _figures(model, X, Y, sources) -> dict:
    """The figures of ``model`` on inputs X with label rows Y and gold sources."""
    from factcheck.datasets.attribution import AttributionExample

    return example_figures(model, [AttributionExample(x, tuple(y), s) for x, y, s in zip(X, Y, sources)])


def own_sets(args) -> int:
    """Print the figures of each model on each folder of own-format rows (checkable rows only)."""
    models = {name: load(name) for name in args.model or ["rules", "fast"]}
    for folder in args.own:
        rows = read_own(folder)
        for name, model in models.items():
            print(f"{folder} ({len(rows)} checkable rows), {name}: {example_figures(model, rows)}")
        for half in (("even", "odd") if args.half == "both" else (args.half,) if args.half else ()):
            part = id_half(rows, half)
            for name, model in models.items():
                print(f"  {half} rows ({len(part)}), {name}: {example_figures(model, part)}")
                if args.misses:
                    _print_misses(model, part, set(args.misses))
    return 0


def _print_misses(model, rows, which: set[str]) -> None:
    """Print each row whose predicted labels (of ``which``) or source disagree with the gold."""
    from factcheck.attribution.evaluate import source_hit
    from factcheck.types import LABELS

    for e, a in zip(rows, model.predict([e.input for e in rows])):
        wrong = [f"{lab} {'missed' if g else 'extra'}" for lab, g in zip(LABELS, e.labels)
                 if (which & {lab, "all"}) and bool(g) != (a.scores[lab] >= 0.5)]
        predicted = a.source.text if a.source else None
        if (which & {"source", "all"}) and e.labels[0] == 1 and e.source and not source_hit(e.source, predicted):
            wrong.append(f"source {predicted!r} for gold {e.source!r}")
        if wrong:
            cues = ", ".join(f"{c.label}:{c.text!r}" for c in a.cues)
            context = f"\n    before: {e.input.prev_text}" if e.input.prev_text else ""
            print(f"  - {e.input.doc_id}: {'; '.join(wrong)}{context}\n    {e.input.text}\n    cues: {cues or '-'}")


def aggregates(args, data: Path) -> int:
    """Print aggregate figures: the own data set (rules; the fast model trains on it, so its
    figures there are in-sample), news-dev, and the Emergent contested rates."""
    import numpy as np

    from factcheck.datasets.attribution import read_emergent
    from factcheck.types import LABELS

    own = read_own()
    X = [e.input for e in own]
    Y = np.array([e.labels for e in own])
    models = {name: load(name) for name in args.model or ["rules", "fast"]}
    for name, model in models.items():
        note = " (in-sample)" if name != "rules" else ""
        print(f"own data set, {name}{note}: {_figures(model, X, Y, [e.source for e in own])}")
    gold = read_gold(data / "news-dev")
    Xn = [si for si, _ in gold]
    Yn = np.array([[int(lab in (d.get("labels") or [])) for lab in LABELS] for _, d in gold])
    sn = [d["source"].get("text") if isinstance(d.get("source"), dict) else d.get("source") for _, d in gold]
    for name, model in models.items():
        print(f"news-dev, {name}: {_figures(model, Xn, Yn, sn)}")
    em = list(read_emergent(data / "stance" / "emergent" / "train.csv"))
    ye = np.array([e.labels[2] for e in em])
    for name, model in models.items():
        pe = np.array([a.scores["contested"] >= 0.5 for a in model.predict([e.input for e in em])])
        note = " (in-sample)" if name != "rules" else ""
        print(f"Emergent, {name}{note}: contested on 'against' {pe[ye == 1].mean():.3f}, "
              f"on 'for'/'observing' {pe[ye == 0].mean():.3f} ({int((ye == 1).sum())} / {int((ye == 0).sum())} headlines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
