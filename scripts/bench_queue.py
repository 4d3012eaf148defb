"""Measure the reviewer queue through the real commands, each a whole process.

Prints: claims/s of `queue add` for N claims (target >= 20,000/s), seconds of `queue next`
and `queue stats` on that queue (targets < 0.5 s and < 1 s), and the same after verdicts.

    python scripts/bench_queue.py            # 200,000 claims
    python scripts/bench_queue.py --n 20000  # a quick run
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("the ministry reported that exports rose by percent in the third quarter according to "
         "officials who said figures could be revised while critics disputed the estimate of tonnes").split()


def write_claims(path: Path, n: int, seed: int = 7) -> None:
    """Write n synthetic claim records (spec/CLAIMS.md section 4) to a JSONL file."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            doc = f"doc-{i // 40}"
            start = (i % 40) * 120
            text = " ".join(rnd.choice(WORDS) for _ in range(18)) + f" {rnd.randint(2, 999)} percent."
            scores = {"sourced": round(rnd.random(), 4), "estimated": round(rnd.random(), 4),
                      "contested": round(rnd.random(), 4)}
            label = ("contested" if scores["contested"] >= .5 else "estimated" if scores["estimated"] >= .5
                     else "sourced" if scores["sourced"] >= .5 else "unsourced")
            f.write(json.dumps({
                "claim_id": f"c{i:07d}", "doc_id": doc, "text": text, "start": start, "end": start + len(text),
                "checkworthiness": round(rnd.random(), 4), "label": label, "scores": scores,
                "cues": [{"label": "sourced", "text": "according to", "start": start + 5, "end": start + 17}],
                "source": None,
                "facets": [{"kind": "percent", "text": "12 percent", "value": 12, "start": start + 20,
                            "end": start + 30, "approximate": False}]}) + "\n")


LAST_CPU = [0.0]  # CPU seconds (user + system) of the last process: wall time on a busy machine lies


def run(*args: str, ok=(0,)) -> tuple[float, subprocess.CompletedProcess]:
    """Return the wall time of one `factcheck` process and its result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU[0] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in ok:
        raise SystemExit(f"factcheck {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return elapsed, proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="claims to add")
    parser.add_argument("--repeat", type=int, default=5, help="runs of next/stats (the median is printed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        claims, queue = tmp / "claims.jsonl", tmp / "bench.queue"
        write_claims(claims, args.n)
        run("queue", "init", str(queue))
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the runs")
        elapsed, _ = run("queue", "add", str(queue), str(claims), "--json")
        print(f"queue add: {args.n} claims in {elapsed:.2f} s = {args.n / elapsed:,.0f} claims/s "
              f"(target >= 20,000/s, whole process); CPU {LAST_CPU[0]:.2f} s = {args.n / LAST_CPU[0]:,.0f} claims/CPU-s")
        for name in ("alice", "bob"):
            run("queue", "add-reviewer", str(queue), name)
        times, cpu = [], []
        for _ in range(args.repeat):
            times.append(run("queue", "next", str(queue), "--reviewer", "alice")[0])
            cpu.append(LAST_CPU[0])
        print(f"queue next: median {statistics.median(times):.3f} s, max {max(times):.3f} s (target < 0.5 s);"
              f" CPU median {statistics.median(cpu):.3f} s")
        times = [run("queue", "next", str(queue), "--reviewer", "bob", "--order", "uncertainty")[0]
                 for _ in range(args.repeat)]
        print(f"queue next --order uncertainty: median {statistics.median(times):.3f} s (target < 0.5 s)")
        times, cpu = [], []
        for _ in range(args.repeat):
            times.append(run("queue", "stats", str(queue), "--json")[0])
            cpu.append(LAST_CPU[0])
        print(f"queue stats: median {statistics.median(times):.3f} s, max {max(times):.3f} s (target < 1 s);"
              f" CPU median {statistics.median(cpu):.3f} s")

        # with verdicts, some claims twice reviewed (agreement to compute)
        from factcheck.queue import Queue
        with Queue(queue) as q:
            names = q.scale.names()
            rnd = random.Random(3)
            for i in range(2000):
                q.record_verdict(f"c{i:07d}", "alice", rnd.choice(names))
                if i % 2:
                    q.record_verdict(f"c{i:07d}", "bob", rnd.choice(names))
        times = [run("queue", "next", str(queue), "--reviewer", "alice")[0] for _ in range(args.repeat)]
        print(f"queue next after 3,000 verdicts: median {statistics.median(times):.3f} s")
        elapsed, proc = run("queue", "stats", str(queue), "--json")
        stats = json.loads(proc.stdout)
        print(f"queue stats after 3,000 verdicts: {elapsed:.3f} s (CPU {LAST_CPU[0]:.3f} s); verdicts={stats['verdicts']}, "
              f"alpha(rating)={stats['agreement']['rating']['krippendorff_alpha']}")
        elapsed, _ = run("--help")
        print(f"factcheck --help: {elapsed:.3f} s")
        print(f"load average after the runs: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
