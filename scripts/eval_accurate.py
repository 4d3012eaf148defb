#!/usr/bin/env python3
"""Figures of the accurate tier against the fast one: check-worthiness F1, attribution labels, speed.

    python scripts/eval_accurate.py [--accurate models/accurate] [--fast models/fast]
                                    [--shared ../shared] [--skip-speed] [--json OUT.json]

Prints, for each tier:
  * CT24 dev (and dev-test with --dev-test): F1 of "Yes" at 0.5, precision, recall, average precision;
  * news-dev attribution with ../shared/eval/score.py: labels macro-F1, primary accuracy,
    source hit rate (each checkable gold sentence scored, check-worthiness 1.0, as
    scripts/eval_attribution.py does);
  * speed: the encoder alone (sentences/s on the news-dev sentences, cache cleared) and the
    whole ``extract --all`` pipeline in this process after the model is loaded (sentences/s,
    embedding cache cleared before each run so no sentence is encoded for free).
All logic lives in the library; this script only calls it and prints.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


from factcheck.datasets.attribution import shared_data_dir  # noqa: E402
from factcheck.models import load_model  # noqa: E402


def _official_scorer(data: Path):
    spec = importlib.util.spec_from_file_location("official_score", data.parent / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def checkworthy_figures(model, data: Path, dev_test: bool) -> dict:
    from factcheck.checkworthy import evaluate_checkworthy

    got = evaluate_checkworthy(model.checkworthy, data, dev_test=dev_test)
    return {k.split("/")[-1]: {"n": v["n"], "f1": round(v["f1"], 4), "p": round(v["precision"], 4),
                               "r": round(v["recall"], 4), "ap": round(v["average_precision"], 4)}
            for k, v in got.items() if k.startswith("ct24/")}


def attribution_figures(model, data: Path, scorer, out_dir: Path, name: str) -> dict:
    from factcheck.attribution.evaluate import gold_records

    records = gold_records(model.attribution, data / "news-dev")
    pred = out_dir / f"accurate-eval-{name}-news-dev.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = scorer.score(scorer.read_jsonl(data / "news-dev" / "gold.jsonl"), scorer.read_jsonl(pred))
    return {"labels_macro_f1": result["labels_macro_f1"], "primary_accuracy": result["primary_accuracy"],
            "source_hit_rate": result["source_hit_rate"],
            "labels": {k: v["f1"] for k, v in result["labels"].items()}, "predictions": str(pred)}


def _clear_embedding_cache() -> None:
    from factcheck import embeddings

    for enc in embeddings._CACHE.values():
        enc._cache = type(getattr(enc, "_cache", {}))()


def speed_figures(model, data: Path, runs: int = 2) -> dict:
    from factcheck.pipeline import Extractor
    from factcheck.segment import split_sentences
    from factcheck.types import Document

    docs = [Document.from_dict(json.loads(line)) for line in
            (data / "news-dev" / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [d.text[s.start:s.end] for d in docs for s in split_sentences(d.text)]
    out = {"documents": len(docs), "sentences": len(texts), "load_average": os.getloadavg()[0]}
    extractor = Extractor(model, all_sentences=True)
    best = float("inf")
    for _ in range(runs):
        _clear_embedding_cache()
        t = time.perf_counter()
        n = sum(1 for _ in extractor.extract_many(docs))
        best = min(best, time.perf_counter() - t)
    out["pipeline_sentences_per_s"] = round(n / best, 1)
    if model.name == "accurate" or "embed" in type(model.checkworthy).__name__.lower() or \
            type(model.checkworthy).__name__.startswith("Accurate"):
        from factcheck.embeddings import shared_encoder

        enc = shared_encoder()
        best = float("inf")
        for _ in range(runs):
            t = time.perf_counter()
            enc.encode(texts)
            best = min(best, time.perf_counter() - t)
        out["encoder_sentences_per_s"] = round(len(texts) / best, 1)
    out["load_average_after"] = os.getloadavg()[0]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accurate", default="accurate", help="accurate model name or directory")
    ap.add_argument("--fast", default="fast", help="fast model name or directory ('' to skip)")
    ap.add_argument("--shared", default=None, help="the shared folder (default $FACTCHECK_SHARED or ../shared)")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--dev-test", action="store_true", help="also CT24 dev-test (read once, for the closing figures)")
    ap.add_argument("--out-dir", default="/tmp", help="where prediction files go")
    ap.add_argument("--json", default=None, help="also write all figures to this JSON file")
    args = ap.parse_args(argv)
    data = shared_data_dir(args.shared)
    scorer = _official_scorer(data)
    figures = {}
    for name in [args.accurate] + ([args.fast] if args.fast else []):
        t = time.perf_counter()
        model = load_model(name)
        label = Path(name).name
        figs = {"load_s": round(time.perf_counter() - t, 2)}
        figs["ct24"] = checkworthy_figures(model, data, args.dev_test)
        figs["news_dev_attribution"] = attribution_figures(model, data, scorer, Path(args.out_dir), label)
        if not args.skip_speed:
            figs["speed"] = speed_figures(model, data)
        figures[label] = figs
        c, a = figs["ct24"], figs["news_dev_attribution"]
        print(f"== {label}  (loaded in {figs['load_s']} s)")
        for split, v in c.items():
            print(f"CT24 {split:<8} F1 {v['f1']:.3f}  P {v['p']:.3f} R {v['r']:.3f}  AP {v['ap']:.3f}  (n {v['n']})")
        print(f"news-dev   labels macro-F1 {a['labels_macro_f1']:.3f}  primary accuracy {a['primary_accuracy']:.3f}"
              f"  source hit {a['source_hit_rate']:.3f}  per label {a['labels']}")
        if "speed" in figs:
            s = figs["speed"]
            enc = f"  encoder {s['encoder_sentences_per_s']} sentences/s" if "encoder_sentences_per_s" in s else ""
            print(f"speed      extract --all pipeline {s['pipeline_sentences_per_s']} sentences/s{enc}"
                  f"  ({s['sentences']} sentences; load average {s['load_average']:.1f} -> {s['load_average_after']:.1f})")
        sys.stdout.flush()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
