#!/usr/bin/env python3
"""Print the speed of the attribution models: load time and sentences per second, batched.

    python3 scripts/bench_attribution.py [--repeat 5]

Sentences are the project's own data set (datasets/attribution), repeated; figures depend on
the machine and on what else runs on it (report the load average with them).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    from factcheck.attribution import AttributionClassifier

    model = AttributionClassifier.load(REPO / "models" / "fast" / "attribution")
    load = time.perf_counter() - t0
    from factcheck.datasets.attribution import read_own

    X = [e.input for e in read_own()] * args.repeat
    t0 = time.perf_counter()
    model.predict(X)
    dt = time.perf_counter() - t0
    print(f"import+load {load:.3f} s")
    print(f"predict {len(X)} sentences in {dt:.2f} s: {len(X) / dt:,.0f} sentences/s, {1000 * dt / len(X):.3f} ms/sentence")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
