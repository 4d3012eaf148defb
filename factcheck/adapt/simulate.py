"""A measured learning curve of adaptation (``scripts/bench_adapt.py``): simulated newsrooms
whose reviewers answer with the gold labels of data the models were not tuned on.

Each newsroom's documents are split in halves per seed; reviewers give ``n`` verdicts on
whole documents of one half (in a random order, the last document cut short); the model is
adapted exactly as ``train --from-queue`` does (refusal included: a refused model scores as its
base) and scored on the other, unseen half. Only totals leave this module: no sentence of the
evaluation sets is printed or kept, and the adapted models are thrown away.
"""
from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..types import NewsroomExample, SentenceInput, Span, primary_label
from .guard import AdaptationRefused
from .newsroom import adapt_parts

SIZES = (25, 50, 100, 150, 200, 400)
SEEDS = (0, 1, 2, 3, 4)
#: CT24 dev-test sentence ids run on within a debate; a larger jump starts the next debate
DEBATE_GAP = 50
#: a debate is cut into runs of this many sentences: the "documents" a reviewer takes in turn
SEGMENT = 20


def transcript_newsroom(shared: Path, split: str = "dev-test") -> list[NewsroomExample]:
    """Return a CT24 split (dev-test by default) as a newsroom of debate transcripts: one example per sentence, the
    sentence before it as context, documents = runs of :data:`SEGMENT` sentences of a debate."""
    from ..datasets.checkworthy import read_ct24_split
    rows = sorted(read_ct24_split(split, shared), key=lambda r: int(r.id))
    out, debate, prev_id, prev_text, k = [], 0, None, "", 0
    for r in rows:
        if prev_id is not None and int(r.id) - prev_id > DEBATE_GAP:
            debate, k = debate + 1, 0
        doc = f"debate{debate}-{k // SEGMENT}"
        ctx = prev_text if prev_id is not None and int(r.id) - prev_id == 1 else ""
        out.append(NewsroomExample(claim_id=r.id, doc_id=doc, input=SentenceInput.from_text(r.text, prev_text=ctx,
                                   doc_id=doc), checkworthy=int(r.label)))
        prev_id, prev_text, k = int(r.id), r.text, k + 1
    return out


def politics_newsroom(shared: Path, base_att) -> list[NewsroomExample]:
    """Return the sealed PolNeAR check set 3 (``datasets/polnear-check-3``, whose articles no model
    trains on) as a newsroom of 2016 politics: every gold sentence (checkable ones rated with their
    gold primary label and source, the others not a claim). Until session 24 this was the first
    check set, which stopped being sealed when its errors were read to write rules."""
    from ..datasets.attribution import read_gold
    from ..datasets.check import SEALED_TRAIN_SET, build_check_set
    from .exceptions import locate
    with tempfile.TemporaryDirectory() as tmp:
        build_check_set(shared.parent, Path(tmp), SEALED_TRAIN_SET)
        pairs = read_gold(Path(tmp), checkable_only=False)
    model = [primary_label(a.scores) for a in base_att.predict([si for si, _ in pairs])]
    out = []
    for (si, rec), said in zip(pairs, model):
        checkable = bool(rec["checkable"])
        source = None
        if checkable and rec.get("source"):
            at = locate(si.doc_text, si.start, si.end, si.prev_start, 0, rec["source"])
            source = Span(rec["source"], *at) if at else None
        out.append(NewsroomExample(
            claim_id=rec["id"], doc_id=si.doc_id, input=si, checkworthy=int(checkable),
            primary=rec["primary"] if checkable else None,
            label_corrected=checkable and rec["primary"] != said,
            source_corrected=checkable and (source is not None or not rec.get("source")), source=source,
            model_label=said, reviewers=("gold",)))
    return out


def halves(examples: Sequence[NewsroomExample], seed: int) -> tuple[list[int], list[int]]:
    """Return (pool, unseen): the rows of a random half of the documents and of the rest."""
    docs = sorted({e.doc_id for e in examples})
    rng = np.random.default_rng(seed)
    rng.shuffle(docs)
    pool_docs, n = set(), 0
    for d in docs:
        if n >= len(examples) / 2:
            break
        pool_docs.add(d)
        n += sum(e.doc_id == d for e in examples)
    pool = [i for i, e in enumerate(examples) if e.doc_id in pool_docs]
    return pool, [i for i, e in enumerate(examples) if e.doc_id not in pool_docs]


def verdicts(examples: Sequence[NewsroomExample], pool: Sequence[int], n: int, seed: int) -> list[int]:
    """Return n rows of the pool as reviewers would answer them: whole documents in a random order."""
    docs = sorted({examples[i].doc_id for i in pool})
    rng = np.random.default_rng(seed + 1000)
    rng.shuffle(docs)
    rank = {d: k for k, d in enumerate(docs)}
    ordered = sorted(pool, key=lambda i: (rank[examples[i].doc_id], examples[i].input.start, i))
    return ordered[:n]


def _figures(cw, att, examples, rows, domain) -> dict:
    from ..checkworthy import binary_scores
    ex = [examples[i] for i in rows]
    X = [e.input for e in ex]
    out = {"checkworthy_f1": round(binary_scores([e.checkworthy for e in ex], cw.predict_proba(X)[:, 1])["f1"], 4)}
    if domain == "politics":
        rated = [e for e in ex if e.primary]
        preds = att.predict([e.input for e in rated])
        out["primary_accuracy"] = round(float(np.mean([primary_label(a.scores) == e.primary
                                                       for a, e in zip(preds, rated)])), 4)
    return out


def learning_curve(domain: str, examples: Sequence[NewsroomExample], base_cw, base_att, *, shared: Path | None,
                   sizes: Sequence[int] = SIZES, seeds: Sequence[int] = SEEDS,
                   progress: Callable[[str], None] = lambda m: None) -> dict:
    """Return the curve of one newsroom: per size, the unseen-half figures of the base and of the
    adapted model averaged over seeds, the public dev figures and refusals (totals only)."""
    points = []
    for n in sizes:
        runs = []
        for seed in seeds:
            pool, unseen = halves(examples, seed)
            if n > len(pool):
                continue
            chosen = [replace(examples[i], queue=f"sim{seed}") for i in verdicts(examples, pool, n, seed)]
            t0 = time.perf_counter()
            base = _figures(base_cw, base_att, examples, unseen, domain)
            try:
                adapted = adapt_parts(chosen, base_cw, base_att, shared=shared)
                after = _figures(adapted.checkworthy, adapted.attribution, examples, unseen, domain)
                public = adapted.figures.get("public")
                # a layer refused on the held-out verdicts scores as its base (with exceptions)
                refused = any("refused" in adapted.figures[part] for part in ("checkworthy", "attribution"))
                corrected = adapted.figures["corrected"]["attribution"]["after"]
            except AdaptationRefused:
                after, public, refused, corrected = base, None, True, {}
            runs.append({"base": base, "adapted": after, "public": public, "refused": refused,
                         "corrected": corrected, "seconds": time.perf_counter() - t0})
        if not runs:
            points.append({"verdicts": n, "runs": 0, "note": "more verdicts than the pool half holds"})
            continue
        point = {"verdicts": n, "runs": len(runs), "refused": sum(r["refused"] for r in runs),
                 "seconds": round(float(np.mean([r["seconds"] for r in runs])), 1)}
        for side in ("base", "adapted"):
            point[side] = {k: round(float(np.mean([r[side][k] for r in runs])), 4) for k in runs[0][side]}
        # the gain on the unseen half, seed by seed: its mean and standard deviation over the seeds
        point["gain"] = {k: {"mean": round(float(np.mean(d)), 4), "sd": round(float(np.std(d, ddof=1)) if len(d) > 1 else 0.0, 4)}
                         for k in runs[0]["base"] for d in [[r["adapted"][k] - r["base"][k] for r in runs]]}
        pub = [r["public"] for r in runs if r["public"]]
        if pub:
            point["public_change"] = {k: round(float(np.min([p["after"][k] - p["before"][k] for p in pub])), 4)
                                      for k in pub[0]["before"]}
        for key in ("primary_accuracy", "source_agreement"):
            vals = [r["corrected"][key] for r in runs if key in r["corrected"]]
            if vals:
                point.setdefault("corrected_after", {})[key] = round(float(np.mean(vals)), 4)
        progress(f"{domain} {n} verdicts: base {point['base']} adapted {point['adapted']} "
                 f"({point['refused']} refused of {len(runs)})")
        points.append(point)
    return {"domain": domain, "documents": len({e.doc_id for e in examples}), "sentences": len(examples),
            "points": points}
