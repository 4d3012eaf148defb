"""The measurements of ``scripts/bench_adapt.py``: learning curves on simulated newsrooms and
the time to adapt from a queue of many verdicts."""
from __future__ import annotations

import csv
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

from .guard import AdaptationRefused, shared_data
from .simulate import learning_curve, politics_newsroom, transcript_newsroom


def speed_queue(path: Path, shared: Path, n: int) -> int:
    """Fill a queue file with n reviewed claims from CLEF-2019 debate lines (each line a claim
    record scored by the fast model; check-worthy lines rated, the others not a claim); return n."""
    from ..pipeline import Extractor
    from ..queue.store import Queue
    from ..types import Document
    lines = list(csv.DictReader(open(shared / "checkworthy" / "clef2019" / "train.csv", encoding="utf-8")))
    docs, labels = {}, {}
    for r in lines[: n * 2]:
        doc = r["file_name"]
        text = docs.get(doc, "")
        start = len(text) + (1 if text else 0)
        docs[doc] = (text + "\n" if text else "") + r["text"]
        labels[(doc, start)] = int(r["label"])
    records = [c.to_dict() for c in Extractor("fast", all_sentences=True).extract_many(
        Document(d, t) for d, t in docs.items())][:n]
    with Queue(path) as q:
        q.init()
        q.add_reviewer("sim")
        q.add_claims(records, model="fast")
        for rec in records:
            if labels.get((rec["doc_id"], rec["start"]), 0):
                q.record_verdict(rec["claim_id"], "sim", "true")
            else:
                q.record_verdict(rec["claim_id"], "sim", None, not_a_claim=True)
    return len(records)


def run_bench(*, domains: Sequence[str], seeds: Sequence[int], sizes: Sequence[int], speed: int = 0,
              base: str = "fast", progress: Callable[[str], None] = lambda m: None) -> dict:
    """Return the learning curves of the newsrooms named in ``domains`` for the ``base`` model
    (a tier or a model folder) and, with ``speed``, the seconds ``adapt_from_queues`` takes on a
    queue of that many verdicts."""
    from ..models import load_model
    shared = shared_data()
    if shared is None:
        from ..errors import FactcheckError
        raise FactcheckError("the simulation needs ../shared/data (set FACTCHECK_SHARED)")
    model = load_model(base)
    out: dict = {"base": str(base), "seeds": list(seeds), "curves": []}
    for domain in domains:
        examples = transcript_newsroom(shared) if domain == "transcripts" else politics_newsroom(shared, model.attribution)
        out["curves"].append(learning_curve(domain, examples, model.checkworthy, model.attribution, shared=shared,
                                            sizes=sizes, seeds=seeds, progress=progress))
    if speed:
        from .newsroom import adapt_from_queues
        with tempfile.TemporaryDirectory() as tmp:
            q = Path(tmp) / "speed.db"
            n = speed_queue(q, shared, speed)
            t0 = time.perf_counter()
            try:
                adapt_from_queues([q], Path(tmp) / "model", base=base, progress=progress)
                refused = False
            except AdaptationRefused:  # still a full adaptation's time: every fit was done
                refused = True
            out["speed"] = {"verdicts": n, "seconds": round(time.perf_counter() - t0, 1), "refused": refused}
        progress(f"adapting from {n} verdicts took {out['speed']['seconds']} s")
    return out
