#!/usr/bin/env python3
"""Speed of `factcheck extract --all`: sentences/s and MB/s, with and without model loading.

    python scripts/bench_extract.py ../shared/data/attribution/polnear/train/text --model fast

"With loading" runs the real command in a fresh process (Python start-up, imports, model
loading, reading, writing JSONL to /dev/null); "without" times the pipeline alone in this
process after the model is loaded. Loading includes a warm-up on one short document, so a
model that loads parts lazily (the accurate tier imports torch and reads its encoder on first
use) is loaded before the clock starts, and the embedding cache is cleared before each run,
so no sentence is encoded for free. The load average is printed with each figure: on a
shared machine it says how much of the CPU the run had.

    python scripts/bench_extract.py ../shared/data/attribution/polnear/train/text --pathological

``--pathological`` times the whole command on ``--mb`` megabytes (5 by default) of the inputs'
words on one line without a full stop (``.``, ``!``, ``?`` and ``…`` that end a word removed),
and on the same words with their stops, and prints both times and the ratio (issue 14: a text
without stops must cost no more than 3x the same words with them).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factcheck.io import read_documents
from factcheck.pipeline import Extractor
from factcheck.segment import split_sentences
from factcheck.types import Document


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _clear_embedding_cache() -> None:
    embeddings = sys.modules.get("factcheck.embeddings")  # only there if a model used it
    for enc in getattr(embeddings, "_CACHE", {}).values():
        enc._cache = type(getattr(enc, "_cache", {}))()


def _run(paths: list[str], model: str) -> float:
    t = time.perf_counter()
    subprocess.run(["factcheck", "extract", "--all", "--format", "jsonl", "--model", model, *paths],
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


_STOP = re.compile(r"[.!?…]+(?=[\"'”’)\]»]*$)")


def pathological(docs: list[Document], mb: float, model: str) -> None:
    """Time the whole command on ``mb`` MB of words without full stops and with them."""
    words: list[str] = []
    size = 0
    while size < mb * 1e6:
        for d in docs:
            for w in d.text.split():
                words.append(w)
                size += len(w.encode("utf-8")) + 1
            if size >= mb * 1e6:
                break
    with tempfile.TemporaryDirectory() as tmp:
        stops, plain = Path(tmp, "stops.txt"), Path(tmp, "no-stops.txt")
        stops.write_text(" ".join(words), encoding="utf-8")
        plain.write_text(" ".join(_STOP.sub("", w) for w in words), encoding="utf-8")
        n_stops, n_plain = (len(split_sentences(p.read_text(encoding="utf-8"))) for p in (stops, plain))
        print(f"{len(words)} words, {size / 1e6:.2f} MB on one line; {n_stops} sentences with stops, "
              f"{n_plain} pieces without", flush=True)
        t_stops = _run([str(stops)], model)
        print(f"with stops:    {t_stops:7.2f} s  ({_load()})", flush=True)
        t_plain = _run([str(plain)], model)
        print(f"without stops: {t_plain:7.2f} s  ({_load()})")
    print(f"ratio without/with: {t_plain / t_stops:.2f}x (target <= 3x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="files or folders, as for factcheck extract")
    ap.add_argument("--model", default="fast")
    ap.add_argument("--runs", type=int, default=3, help="repetitions; the best run is reported")
    ap.add_argument("--pathological", action="store_true",
                    help="time text without full stops against the same words with them")
    ap.add_argument("--mb", type=float, default=5.0, help="size of the --pathological texts in MB")
    args = ap.parse_args()

    docs = list(read_documents(args.inputs))
    if args.pathological:
        return pathological(docs, args.mb, args.model)
    n_sent = sum(len(split_sentences(d.text)) for d in docs)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {n_sent} sentences, {mb:.2f} MB; model {args.model}")

    cold = [_run(args.inputs, args.model) for _ in range(args.runs)]
    best = min(cold)
    print(f"with model loading (whole command):  {n_sent / best:8.0f} sentences/s  {mb / best:6.2f} MB/s  "
          f"({best:.2f} s; runs {', '.join(f'{x:.2f}' for x in cold)} s; {_load()})", flush=True)

    t = time.perf_counter()
    extractor = Extractor(args.model, all_sentences=True)
    list(extractor.extract_many([Document("warm-up", "The minister said prices rose 3 percent in May.")]))
    load = time.perf_counter() - t
    warm = []
    for _ in range(args.runs):
        _clear_embedding_cache()
        t = time.perf_counter()
        n_claims = sum(1 for _ in extractor.extract_many(docs))
        warm.append(time.perf_counter() - t)
    best = min(warm)
    print(f"without model loading (pipeline):    {n_sent / best:8.0f} sentences/s  {mb / best:6.2f} MB/s  "
          f"({best:.2f} s; runs {', '.join(f'{x:.2f}' for x in warm)} s; {_load()})")
    print(f"model load and warm-up {load:.2f} s; records {n_claims}")


if __name__ == "__main__":
    sys.exit(main())
