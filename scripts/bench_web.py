"""Time the claim page and the queue list server-side on a large queue: prints median and p95
milliseconds, and the load average they were measured under.

    python scripts/bench_web.py                      # 200,000 claims in a temporary queue
    python scripts/bench_web.py --claims 20000 --pages 100
    python scripts/bench_web.py --queue /tmp/big.queue   # reuse a queue built earlier

Claims are synthetic sentences (10 per document, three paragraphs, with facets and cues at real
offsets) added through the queue API with their documents (headline, date, link, text), so the
claim page shows the claim's paragraph. The queue list is timed at pages from the first to the
last, each reached by its keyset cursor as the page's links give it. Each page is fetched
through the whole ASGI app (auth middleware, queue read, highlighting, template) with
Starlette's TestClient, so network time is left out.
"""
from __future__ import annotations

import argparse
import os
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
            offset = end + 1  # a space, or a line break between paragraphs (synthetic_documents)


def synthetic_documents(n: int):
    """Yield the documents of :func:`synthetic_claims`: their sentences joined as the offsets say,
    a line break after every third sentence."""
    texts: list[str] = []
    doc_id = None
    for rec in synthetic_claims(n):
        if rec["doc_id"] != doc_id and texts:
            yield _document(doc_id, texts)
            texts = []
        doc_id = rec["doc_id"]
        texts.append(rec["text"])
    if texts:
        yield _document(doc_id, texts)


def _document(doc_id: str, sentences: list[str]) -> dict:
    text = "".join(s + ("\n" if (i + 1) % 3 == 0 else " ") for i, s in enumerate(sentences))[:-1]
    return {"doc_id": doc_id, "text": text, "title": f"Schools in {doc_id}", "published": "2026-01-15",
            "url": f"https://news.example/{doc_id}"}


def _timed(client, url: str, headers: dict, runs: int, needle: str) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url, headers=headers)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200 and needle in r.text, (url, r.status_code)
    return times


def _p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--pages", type=int, default=200, help="claim pages to time")
    parser.add_argument("--queue", type=Path, default=None, help="queue file to build or reuse")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--list-runs", type=int, default=10, help="timed fetches of each queue list page")
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
        if q.article(next(synthetic_claims(1))["claim_id"]) is None:
            stored, _ = q.add_documents((None, i, d) for i, d in enumerate(synthetic_documents(args.claims), 1))
            print(f"added {stored:,} documents")
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
        # the queue list at pages from the first to the last, by the cursors its links carry
        from factcheck.queue import listing

        depths = sorted({0, 50, 1_000, total // 4, total // 2, 3 * total // 4, max(total - 50, 0)})
        list_times: dict[int, list[float]] = {}
        cold_times: list[float] = []
        other = Queue(path)  # another connection, as a reviewer's CLI would be
        for depth in depths:
            # the cursor a page's "next" link would carry to reach this depth
            query = "?after=" + listing.page(app.state.queue, offset=depth - 1, limit=1)["next"] if depth else ""
            _timed(client, "/" + query, headers, 1, "items")  # warm this stretch of the index
            list_times[depth] = _timed(client, "/" + query, headers, args.list_runs, "items")
            # and right after another process wrote to the file, when the counts are read afresh
            other.add_reviewer(f"writer-{depth}-{time.time_ns()}")
            cold_times += _timed(client, "/" + query, headers, 1, "items")
    times.sort()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    print(f"queue: {total:,} claims; claim page GET /claims/{{id}} over {len(times)} random claims: "
          f"median {statistics.median(times):.1f} ms, p95 {_p95(times):.1f} ms, max {times[-1]:.1f} ms")
    print(f"JSON twin GET /api/claims/{{id}} over {len(api_times)}: median {statistics.median(api_times):.1f} ms, "
          f"p95 {_p95(api_times):.1f} ms")
    for depth, ts in list_times.items():
        print(f"queue list GET /?after=... at row {depth:>7,}: median {statistics.median(ts):.1f} ms, "
              f"p95 {_p95(ts):.1f} ms, max {max(ts):.1f} ms ({len(ts)} runs)")
    worst = max(max(ts) for ts in list_times.values())
    print(f"queue list: slowest page {worst:.1f} ms at any depth; right after a write elsewhere "
          f"(counts read afresh): median {statistics.median(cold_times):.1f} ms, max {max(cold_times):.1f} ms")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
