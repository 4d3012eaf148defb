"""Measure ``factcheck score``: throughput with 1 and 2 workers, peak memory, kill-and-resume.

Builds a corpus of a few thousand real articles (PolNeAR train texts, repeated with new
doc_ids) in a temporary JSON Lines file outside the repository, then runs the real command
line as subprocesses with the real pipeline (default model ``fast``) and prints:

* documents/s and sentences/s for each ``--workers`` setting, and the speed-up;
* peak memory: the largest sum of resident memory over the process tree (main + workers);
* a SIGKILL of the main process halfway through, then ``--resume``, and whether the result
  equals the uninterrupted run byte for byte.

    python scripts/bench_score.py                       # 3,000 docs, workers 1 and 2, kill test
    python scripts/bench_score.py --docs 6000 --format parquet
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_SHARED", REPO.parent / "shared"))


def build_corpus(path: Path, n: int) -> int:
    """Write ``n`` documents (PolNeAR train texts, repeated) to ``path``; return their bytes."""
    texts = sorted((shared_dir() / "data/attribution/polnear/train/text").glob("*.txt"))
    if not texts:
        sys.exit(f"no PolNeAR texts under {shared_dir()}/data/attribution/polnear/train/text")
    bodies = [(p.stem, p.read_text(encoding="utf-8", errors="replace")) for p in texts]
    with open(path, "w", encoding="utf-8") as f:
        for k in range(n):
            stem, text = bodies[k % len(bodies)]
            f.write(json.dumps({"doc_id": f"{stem}~{k // len(bodies)}", "text": text}) + "\n")
    return path.stat().st_size


def tree_rss(proc: psutil.Process) -> int:
    """Return the resident memory of a process and its children, in bytes."""
    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


SNAPSHOT: dict = {}


def snapshot(work: Path) -> None:
    """Copy the package and its models into ``work`` and run every command from that copy:
    others edit the checkout while the bench runs, and runs compared byte for byte must use
    the same code and model."""
    import shutil
    src = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "factcheck", src / "factcheck", ignore=ignore, dirs_exist_ok=True, symlinks=True)
    shutil.copytree(REPO / "models", src / "models", ignore=ignore, dirs_exist_ok=True)
    SNAPSHOT["env"] = {**os.environ, "PYTHONPATH": str(src)}
    SNAPSHOT["cwd"] = str(work)
    found = subprocess.run([sys.executable, "-c", "import factcheck; print(factcheck.__file__)"],
                           env=SNAPSHOT["env"], cwd=SNAPSHOT["cwd"], capture_output=True, text=True).stdout.strip()
    if not found.startswith(str(src)):
        sys.exit(f"the snapshot is not the package that runs ({found})")


def run(args: list[str], *, kill_when=None) -> dict:
    """Run ``factcheck score`` and return its wall time, peak tree RSS, output and whether it was killed."""
    import resource
    cmd = [sys.executable, "-m", "factcheck", "score", *args, "--no-progress"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=SNAPSHOT.get("env"), cwd=SNAPSHOT.get("cwd"))
    ps = psutil.Process(proc.pid)
    peak, killed = 0, False
    while proc.poll() is None:
        peak = max(peak, tree_rss(ps))
        if kill_when is not None and not killed and kill_when():
            children = ps.children(recursive=True)
            os.kill(proc.pid, signal.SIGKILL)  # the main process only, as a crash or the OOM killer would
            killed = True
            proc.wait()
            psutil.wait_procs(children, timeout=30)  # orphaned workers notice and exit
            break
        time.sleep(0.05)
    out, err = proc.communicate()
    seconds = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode not in (0, -signal.SIGKILL):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return {"seconds": seconds, "cpu": cpu, "peak_rss": peak, "stdout": out, "killed": killed}


def sentences_of(stdout: str) -> tuple[int, int]:
    m = re.search(r"scored ([\d,]+) documents \(([\d,]+) sentences\)", stdout)
    if not m:
        return 0, 0
    return int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--model", default="fast")
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet"])
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts to time")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each setting this many times, alternating, and keep the best (other work "
                         "on a shared machine only ever slows a run down)")
    ap.add_argument("--no-kill", action="store_true", help="skip the kill-and-resume check")
    ap.add_argument("--scale", action="store_true",
                    help="also run --workers 2 on twice the documents, to show that memory stays flat")
    ap.add_argument("--keep", help="keep the corpus and outputs in this folder")
    a = ap.parse_args()

    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    snapshot(work)
    corpus = work / "corpus.jsonl"
    size = build_corpus(corpus, a.docs)
    print(f"corpus: {a.docs:,} documents, {size / 1e6:.1f} MB ({corpus}); {os.cpu_count()} cores; model {a.model}; "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")

    autogroup = Path("/proc/sys/kernel/sched_autogroup_enabled")
    if autogroup.exists() and autogroup.read_text().strip() == "1" and os.getloadavg()[0] > (os.cpu_count() or 1):
        # Linux shares the CPU fairly between sessions, not processes: while other sessions keep
        # the cores busy, this session's share is fixed, and a second worker cannot raise it
        print("warning: the machine is busy and the scheduler shares CPU per session (autogroup); "
              "--workers 2 can only show its speed-up when other sessions leave the cores free")
    results: dict = {}
    peaks: dict = {}
    for rep in range(a.repeat):
        for w in [int(x) for x in a.workers.split(",")]:
            out = work / f"out-w{w}.{a.format}"
            for leftover in (out, Path(str(out) + ".errors.jsonl")):
                leftover.unlink(missing_ok=True)
            r = run([str(corpus), "-o", str(out), "--workers", str(w), "--model", a.model])
            docs, sents = sentences_of(r["stdout"])
            print(f"  run {rep + 1}, --workers {w}: {r['seconds']:.1f} s (load average {os.getloadavg()[0]:.1f})")
            peaks[w] = max(peaks.get(w, 0), r["peak_rss"])
            if w not in results or r["seconds"] < results[w]["seconds"]:  # best of the repeats
                results[w] = {**r, "docs": docs, "sentences": sents, "out": out}
    for w, r in results.items():
        docs, sents = r["docs"], r["sentences"]
        print(f"--workers {w} (best of {a.repeat}): {r['seconds']:.1f} s, {docs / r['seconds']:.1f} docs/s, "
              f"{sents / r['seconds']:,.0f} sentences/s, CPU {r['cpu']:.1f} s, "
              f"peak RSS {peaks[w] / 2**20:,.0f} MB (process tree, highest of the runs)")
    if 1 in results and 2 in results:
        speedup = results[1]["seconds"] / results[2]["seconds"]
        same = results[1]["out"].read_bytes() == results[2]["out"].read_bytes()
        print(f"speed-up --workers 2 over 1: {speedup:.2f}x; outputs identical: {same}")

    if a.scale:
        big = work / "corpus2.jsonl"
        build_corpus(big, 2 * a.docs)
        r = run([str(big), "-o", str(work / f"out-big.{a.format}"), "--workers", "2", "--model", a.model])
        print(f"--workers 2 on {2 * a.docs:,} documents: {r['seconds']:.1f} s, "
              f"peak RSS {r['peak_rss'] / 2**20:,.0f} MB (memory flat if close to the run above)")

    if not a.no_kill:
        ref = results.get(2) or next(iter(results.values()))
        out = work / f"out-killed.{a.format}"
        state = Path(str(out) + ".partial")
        chunks = -(-a.docs // 64)

        def halfway() -> bool:
            return state.is_dir() and len(list(state.glob("*.meta.json"))) >= chunks // 2

        r = run([str(corpus), "-o", str(out), "--workers", "2", "--model", a.model], kill_when=halfway)
        done = len(list(state.glob("*.meta.json"))) if state.is_dir() else 0
        print(f"killed with SIGKILL after {r['seconds']:.1f} s: {done} of {chunks} chunks done, "
              f"output present: {out.exists()}")
        r2 = run([str(corpus), "-o", str(out), "--workers", "2", "--model", a.model, "--resume"])
        first = r2["stdout"].splitlines()[0] if r2["stdout"] else ""
        if a.format == "parquet":
            import pandas as pd
            same = pd.read_parquet(out).equals(pd.read_parquet(ref["out"]))
        else:
            same = out.read_bytes() == ref["out"].read_bytes()
        errors_same = Path(str(out) + ".errors.jsonl").read_bytes() == Path(str(ref["out"]) + ".errors.jsonl").read_bytes()
        print(f"--resume: {r2['seconds']:.1f} s ({first}); output equals the clean run row for row: {same}; "
              f"errors file equal: {errors_same}")
    if not a.keep:
        import shutil
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
