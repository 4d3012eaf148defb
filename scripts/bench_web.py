"""Time the claim page server-side on a large queue: prints median and p95 milliseconds.

    python scripts/bench_web.py                      # 200,000 claims in a temporary queue
    python scripts/bench_web.py --claims 20000 --pages 100
    python scripts/bench_web.py --queue /tmp/big.queue   # reuse a queue built earlier

Claims are synthetic sentences (10 per document, with facets and cues at real offsets) added
through the queue API. Each page is fetched through the whole ASGI app (auth middleware,
queue read, highlighting, template) with Starlette's TestClient, so network time is left out.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from factcheck.queue import Queue
from factcheck.types import make_claim_id

PER_DOC = 10


def synthetic_claims(n: int):
    """Yield ``n`` claim records, ten sentences per invented document."""
    for d in range((n + PER_DOC - 1) // PER_DOC):
        doc_id = f"bench-{d:06d}"
        offset = 0
        for s in range(min(PER_DOC, n - d * PER_DOC)):
            count, year = 100 + (d * 7 + s) % 900, 1990 + (d + s) % 35
            text = (f"Officials in district {d} said that about {count} schools reopened in {year}, "
                    f"which a teachers' group disputes.")
            start, end = offset, offset + len(text)

            def span(piece, base=start, sentence=text):
                i = sentence.index(piece)
                return base + i, base + i + len(piece)

            cw = ((d * 31 + s * 17) % 100) / 100
            scores = {"sourced": 0.8, "estimated": 0.6, "contested": ((d + s) % 10) / 10}
            yield {
                "claim_id": make_claim_id(doc_id, start, end, text), "doc_id": doc_id, "text": text,
                "start": start, "end": end, "checkworthiness": cw, "scores": scores,
                "label": "contested" if scores["contested"] >= 0.5 else "estimated",
                "cues": [{"label": "sourced", "text": "said", "start": span("said")[0], "end": span("said")[1]},
                         {"label": "estimated", "text": "about", "start": span("about")[0], "end": span("about")[1]},
                         {"label": "contested", "text": "disputes", "start": span("disputes")[0],
                          "end": span("disputes")[1]}],
                "source": {"text": f"Officials in district {d}", "start": start,
                           "end": start + len(f"Officials in district {d}")},
                "facets": [{"kind": "count", "text": f"{count} schools", "value": count, "unit": "schools",
                            "start": span(f"{count} schools")[0], "end": span(f"{count} schools")[1],
                            "approximate": True},
                           {"kind": "date", "text": str(year), "value": str(year),
                            "start": span(str(year))[0], "end": span(str(year))[1], "approximate": False}],
            }
            offset = end + 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--pages", type=int, default=200, help="claim pages to time")
    parser.add_argument("--queue", type=Path, default=None, help="queue file to build or reuse")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from factcheck.web.app import create_app

    tmp = None
    path = args.queue
    if path is None:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "bench.queue"
    with Queue(path) as q:
        if q.count_items() < args.claims:
            t0 = time.perf_counter()
            q.init()
            result = q.add_claims(synthetic_claims(args.claims), model="bench", model_version="1")
            print(f"built queue: {result.added:,} claims added in {time.perf_counter() - t0:.1f} s")
        total = q.count_items()
        secret = q.add_reviewer(f"bench-{int(time.time() * 1000)}", "reviewer")
    # the synthetic claims are deterministic, so their ids are known without reading the queue
    ids = [rec["claim_id"] for rec in synthetic_claims(args.claims)]

    rng = random.Random(args.seed)
    sample = [rng.choice(ids) for _ in range(args.pages)]
    app = create_app(path, secret_key="bench")
    headers = {"Authorization": f"Bearer {secret}"}
    times = []
    with TestClient(app) as client:
        for cid in sample[:5]:  # warm up: templates compiled, bearer secret checked once
            assert client.get(f"/claims/{cid}", headers=headers).status_code == 200
        for cid in sample:
            t0 = time.perf_counter()
            r = client.get(f"/claims/{cid}", headers=headers)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200 and "verdict-form" in r.text
        api_times = []
        for cid in sample[: max(1, args.pages // 2)]:
            t0 = time.perf_counter()
            assert client.get(f"/api/claims/{cid}", headers=headers).status_code == 200
            api_times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    api_times.sort()

    def p95(xs):
        return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]

    print(f"queue: {total:,} claims; claim page GET /claims/{{id}} over {len(times)} random claims: "
          f"median {statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms, max {times[-1]:.1f} ms")
    print(f"JSON twin GET /api/claims/{{id}} over {len(api_times)}: median {statistics.median(api_times):.1f} ms, "
          f"p95 {p95(api_times):.1f} ms")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
