"""Claim records for gold sentences from an attribution model, ready for the official scorer.

Every gold sentence becomes one record (check-worthiness 1.0, no facets), so that the scorer
measures the labels, the primary label and the source alone.
"""
from __future__ import annotations

from pathlib import Path

from ..datasets.attribution import read_gold
from ..types import Claim, make_claim_id, primary_label


def gold_records(model, folder: Path | str) -> list[dict]:
    """Return a spec record (section 4) per checkable gold sentence of ``folder``, labelled by ``model``."""
    pairs = read_gold(folder)
    inputs = [si for si, _ in pairs]
    out = []
    for si, att in zip(inputs, model.predict(inputs)):
        claim = Claim(claim_id=make_claim_id(si.doc_id, si.start, si.end, si.text), doc_id=si.doc_id,
                      text=si.text, start=si.start, end=si.end, checkworthiness=1.0,
                      label=primary_label(att.scores), scores=att.scores, cues=att.cues,
                      source=att.source, facets=())
        out.append(claim.to_dict())
    return out
