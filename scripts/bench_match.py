"""Speed of claim matching on this machine, as whole ``factcheck match`` commands.

    python scripts/bench_match.py                      # both tiers, CT20 claims, 1,000 queries
    python scripts/bench_match.py --million            # also a synthetic million-claim float16 index

1. indexing: one query against the 10,375 CT20 verified claims (accurate: with an empty
   embedding cache, so every claim is encoded);
2. 1,000 queries (CT20 train and dev posts) against them (the index kept by 1., and for the
   accurate tier its embeddings: cache warm); wall and CPU seconds (user + system) of each;
3. --million: brute-force cosine over 1,000,000 random unit vectors in float16 (memory of the
   matrix, peak memory of the process, time for 1,000 queries), as the accurate tier searches.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from factcheck.matching.dense import top_cosine
from factcheck.matching.train import read_ct20


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _run(args: list[str], env: dict) -> tuple[float, float]:
    """Return the wall and CPU seconds (user + system) of one ``factcheck match`` command."""
    t, cpu = time.perf_counter(), _cpu()
    done = subprocess.run([sys.executable, "-m", "factcheck", "match", *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"factcheck match failed: {done.stderr.strip()}")
    return took, _cpu() - cpu


def bench_tiers(data: str | None, tiers: list[str]) -> None:
    claims, splits = read_ct20(data)
    source = Path(data or Path(__file__).resolve().parents[2] / "shared" / "data") / "claim-matching/ct20/verified_claims.docs.tsv"
    posts = [q for s in ("train", "dev") for q in splits[s][0]]
    posts = (posts * 2)[:1000]
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp, "one.jsonl")
        one.write_text(json.dumps({"id": "q", "text": posts[0].text}) + "\n", encoding="utf-8")
        many = Path(tmp, "many.jsonl")
        many.write_text("".join(json.dumps({"id": f"q{i}", "text": q.text}) + "\n" for i, q in enumerate(posts)),
                        encoding="utf-8")
        for tier in tiers:
            env = {**os.environ, "FACTCHECK_CACHE": str(Path(tmp, f"cache-{tier}"))}
            index, index_cpu = _run([str(one), "--against", str(source), "--model", tier], env)
            queries, queries_cpu = _run([str(many), "--against", str(source), "--model", tier], env)
            print(f"{tier}: index {len(claims):,} claims + 1 query {index:.2f} s ({index_cpu:.2f} CPU-s); "
                  f"1,000 queries {queries:.2f} s ({queries_cpu:.2f} CPU-s) (whole commands)  "
                  f"load {os.getloadavg()[0]:.1f}")


def bench_million(n: int = 1_000_000, queries: int = 1000) -> None:
    rng = np.random.default_rng(0)
    vectors = np.empty((n, 384), dtype=np.float16)
    for s in range(0, n, 100_000):
        block = rng.standard_normal((min(100_000, n - s), 384)).astype(np.float32)
        vectors[s: s + len(block)] = block / np.linalg.norm(block, axis=1, keepdims=True)
    q = rng.standard_normal((queries, 384)).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    t = time.perf_counter()
    for s in range(0, queries, 100):
        top_cosine(q[s: s + 100], vectors, 30)
    took = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"million-claim float16 index: matrix {vectors.nbytes / 2**20:,.0f} MiB, process peak {peak:,.0f} MiB; "
          f"{queries:,} queries {took:.1f} s ({took / queries * 1000:.1f} ms each)  load {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=None)
    ap.add_argument("--tiers", default="fast,accurate")
    ap.add_argument("--million", action="store_true")
    args = ap.parse_args()
    if args.tiers:
        bench_tiers(args.data, args.tiers.split(","))
    if args.million:
        bench_million()


if __name__ == "__main__":
    main()
