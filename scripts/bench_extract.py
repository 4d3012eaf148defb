#!/usr/bin/env python3
"""Speed of `factcheck extract --all`: sentences/s and MB/s, with and without model loading.

    python scripts/bench_extract.py ../shared/data/attribution/polnear/train/text --model fast

"With loading" runs the real command in a fresh process (Python start-up, imports, model
loading, reading, writing JSONL to /dev/null); "without" times the pipeline alone in this
process after the model is loaded. Loading includes a warm-up on one short document, so a
model that loads parts lazily (the accurate tier imports torch and reads its encoder on first
use) is loaded before the clock starts, and the embedding cache is cleared before each run,
so no sentence is encoded for free. The load average is printed with each figure: on a
shared machine it says how much of the CPU the run had. Both figures are printed for one
worker process and for two (``--workers``, default ``auto`` as the command decides it, is
marked and timed too when it is neither).

    python scripts/bench_extract.py ../shared/data/attribution/polnear/train/text --sizes 32,64,128,256,512

``--sizes`` times the whole command with workers 1 and 2 on the first files of the inputs up
to each size in kB: where two workers start to pay (``factcheck.parallel.MIN_PARALLEL_BYTES``).

    python scripts/bench_extract.py ../shared/data/attribution/polnear/train/text --pathological

``--pathological`` times the whole command on ``--mb`` megabytes (5 by default) of the inputs'
words on one line without a full stop (``.``, ``!``, ``?`` and ``…`` that end a word removed),
and on the same words with their stops, and prints both times and the ratio (issue 14: a text
without stops must cost no more than 3x the same words with them).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factcheck.io import read_documents
from factcheck.parallel import auto_workers
from factcheck.pipeline import Extractor
from factcheck.segment import split_sentences
from factcheck.types import Document


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _clear_embedding_cache() -> None:
    embeddings = sys.modules.get("factcheck.embeddings")  # only there if a model used it
    for enc in getattr(embeddings, "_CACHE", {}).values():
        enc._cache = type(getattr(enc, "_cache", {}))()


def _run(paths: list[str], model: str, workers="auto") -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", "extract", "--all", "--format", "jsonl", "--model", model,
                    "--workers", str(workers), *paths], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def _median(xs: list[float]) -> float:
    return statistics.median(xs)


def sizes(inputs: list[str], kbs: list[int], model: str, runs: int) -> None:
    """Time the whole command, workers 1 and 2, on the first files of the inputs up to each size."""
    from factcheck.io import expand_inputs

    files = expand_inputs(inputs)
    for kb in kbs:
        chosen, total = [], 0
        for f in files:
            if total >= kb * 1000:
                break
            chosen.append(f)
            total += os.path.getsize(f)
        times = {w: [] for w in (1, 2)}
        for _ in range(runs):  # alternated, so a change in the machine's load hits both alike
            for w in times:
                times[w].append(_run(chosen, model, w))
        one, two = _median(times[1]), _median(times[2])
        print(f"{total / 1000:7.0f} kB in {len(chosen):3d} files: workers 1 {one:6.2f} s, workers 2 {two:6.2f} s, "
              f"2/1 = {two / one:.2f}  ({_load()})", flush=True)


_STOP = re.compile(r"[.!?…]+(?=[\"'”’)\]»]*$)")


def pathological(docs: list[Document], mb: float, model: str, workers="auto") -> None:
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
        t_stops = _run([str(stops)], model, workers)
        print(f"with stops:    {t_stops:7.2f} s  ({_load()})", flush=True)
        t_plain = _run([str(plain)], model, workers)
        print(f"without stops: {t_plain:7.2f} s  ({_load()})")
    print(f"ratio without/with: {t_plain / t_stops:.2f}x (target <= 3x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="files or folders, as for factcheck extract")
    ap.add_argument("--model", default="fast")
    ap.add_argument("--runs", type=int, default=3, help="repetitions; the median run is reported")
    ap.add_argument("--workers", default="auto", help="N or auto (the command's default), timed with 1 and 2")
    ap.add_argument("--pathological", action="store_true",
                    help="time text without full stops against the same words with them")
    ap.add_argument("--mb", type=float, default=5.0, help="size of the --pathological texts in MB")
    ap.add_argument("--sizes", help="comma-separated input sizes in kB: time workers 1 and 2 on each")
    args = ap.parse_args()

    if args.sizes:
        return sizes(args.inputs, [int(x) for x in args.sizes.split(",")], args.model, args.runs)
    docs = list(read_documents(args.inputs))
    if args.pathological:
        return pathological(docs, args.mb, args.model, args.workers)
    n_sent = sum(len(split_sentences(d.text)) for d in docs)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {n_sent} sentences, {mb:.2f} MB; model {args.model}")

    t = time.perf_counter()
    extractor = Extractor(args.model, all_sentences=True)
    list(extractor.extract_many([Document("warm-up", "The minister said prices rose 3 percent in May.")]))
    load = time.perf_counter() - t
    auto = auto_workers(args.inputs, model=extractor.model) if args.workers == "auto" else int(args.workers)
    counts = sorted({1, 2, auto})

    def report(what: str, workers: int, runs: list[float]) -> None:
        mid = _median(runs)
        mark = f" ({args.workers})" if workers == auto and args.workers == "auto" else ""
        print(f"{what} workers {workers}{mark}: {n_sent / mid:8.0f} sentences/s  {mb / mid:6.2f} MB/s  "
              f"({mid:.2f} s; runs {', '.join(f'{x:.2f}' for x in runs)} s; {_load()})", flush=True)

    cold = {w: [] for w in counts}
    for _ in range(args.runs):  # alternated, so a change in the machine's load hits each alike
        for w in counts:
            cold[w].append(_run(args.inputs, args.model, w))
    for w in counts:
        report("with model loading (whole command),", w, cold[w])

    warm = {w: [] for w in counts}
    for _ in range(args.runs):
        for w in counts:
            _clear_embedding_cache()
            t = time.perf_counter()
            n_claims = sum(1 for _ in extractor.extract_many(docs, workers=w))
            warm[w].append(time.perf_counter() - t)
    for w in counts:
        report("without model loading (pipeline),   ", w, warm[w])
    print(f"model load and warm-up {load:.2f} s; records {n_claims}")


if __name__ == "__main__":
    sys.exit(main())
