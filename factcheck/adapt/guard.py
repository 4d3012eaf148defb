"""The checks an adapted model must pass: a held-out slice of the newsroom's own verdicts
(grouped by document) and, where ``../shared/data`` is present, the public dev sets."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import FactcheckError
from ..types import NewsroomExample

#: the share of examples held out to check the adapted model against its base
HOLDOUT_SHARE = 0.25
#: how far a public dev figure may fall before the adapted model is refused
PUBLIC_TOLERANCE = 0.01
#: a document with more reviewed claims than this is cut into runs of this many, so that a
#: newsroom of a few long transcripts still has groups to hold out
CHUNK = 20


class AdaptationRefused(FactcheckError):
    """The adapted model would be worse than its base; it was not written."""


def groups_of(examples: Sequence[NewsroomExample]) -> list[str]:
    """Return a group per example: its document, cut into runs of :data:`CHUNK` claims (in
    document order) when there are fewer than eight documents. A document is its ``doc_id``
    whichever queue file holds its claims, so that one article reviewed in two queues is held
    out whole."""
    docs = [str(e.doc_id) for e in examples]
    if len(set(docs)) >= 8:
        return docs
    order = sorted(range(len(examples)), key=lambda i: (docs[i], examples[i].input.start))
    out = [""] * len(examples)
    seen: dict[str, int] = {}
    for i in order:
        n = seen.get(docs[i], 0)
        seen[docs[i]] = n + 1
        out[i] = f"{docs[i]}\x1f{n // CHUNK}"
    return out


def holdout_mask(groups: Sequence[str], share: float = HOLDOUT_SHARE) -> np.ndarray:
    """Return True for the rows held out: whole groups, picked in the order of their names'
    hashes until ``share`` of the rows; at least one group on each side when there are two."""
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = sorted(sizes, key=lambda g: hashlib.sha256(g.encode("utf-8")).hexdigest())
    held: set[str] = set()
    total = 0
    for g in order[:-1]:
        if total >= share * len(groups):
            break
        held.add(g)
        total += sizes[g]
    return np.array([g in held for g in groups], dtype=bool)


def checkworthy_figures(y: Sequence[int], proba: Sequence[float]) -> dict:
    """Return F1 of the check-worthy class and accuracy at 0.5, and the mean log-likelihood of
    the answers (the proper score the layer is fitted and cross-validated on)."""
    from .checkworthy import f1_at_zero
    from .logistic import log_loss, logit
    y = np.asarray(y)
    p = np.asarray(proba)
    return {"f1": round(f1_at_zero(y, logit(p)), 4), "accuracy": round(float(np.mean((p >= 0.5) == (y == 1))), 4),
            "log_likelihood": round(-float(log_loss(y, logit(p))), 4), "n": int(len(y))}


def attribution_figures(model, examples: Sequence[NewsroomExample]) -> dict:
    """Return primary-label agreement and source agreement of an attribution model with the
    reviewers on these examples (rated claims only)."""
    from ..attribution.evaluate import source_hit
    rows = [e for e in examples if e.checkworthy and (e.primary or e.source_corrected)]
    if not rows:
        return {"n": 0}
    preds = model.predict([e.input for e in rows])
    from ..types import primary_label
    prim = [(primary_label(a.scores) == e.primary) for a, e in zip(preds, rows) if e.primary]
    src = []
    for a, e in zip(preds, rows):
        if e.source_corrected:
            got = a.source.text if a.source else None
            src.append(got is None if e.source is None else got is not None and source_hit(e.source.text, got))
    out = {"n": len(rows)}
    if prim:
        out["primary_accuracy"] = round(float(np.mean(prim)), 4)
        out["primary_n"] = len(prim)
    if src:
        out["source_agreement"] = round(float(np.mean(src)), 4)
        out["source_n"] = len(src)
    return out


def public_figures(checkworthy, attribution, shared: Path | None) -> dict:
    """Return CT24 dev F1 of ``checkworthy`` and news-dev primary accuracy of ``attribution``
    (either may be None), or {} when the shared data is absent."""
    out: dict = {}
    if shared is None:
        return out
    shared = Path(shared)
    if checkworthy is not None and (shared / "checkworthy" / "ct24" / "dev.tsv").exists():
        from ..datasets.checkworthy import read_ct24_split
        rows = read_ct24_split("dev", shared)
        p = checkworthy.predict_proba([r.text for r in rows])[:, 1]
        out["CT24 dev F1"] = checkworthy_figures([r.label for r in rows], p)["f1"]
    if attribution is not None and (shared / "news-dev" / "gold.jsonl").exists():
        from ..datasets.attribution import read_gold
        from ..types import primary_label
        pairs = read_gold(shared / "news-dev")
        preds = attribution.predict([si for si, _ in pairs])
        out["news-dev primary accuracy"] = round(float(np.mean(
            [primary_label(a.scores) == g["primary"] for a, (_, g) in zip(preds, pairs)])), 4)
    return out


def shared_data() -> Path | None:
    """Return ../shared/data when it is there (it is optional when adapting), else None."""
    from ..train import shared_dir
    root = shared_dir() / "data"
    return root if (root / "checkworthy").is_dir() else None
