"""What an adapted model has learned already, so that adapting it again (next month's
``train --from-queue --base last-month``) learns only the verdicts it has not seen.

An adapted model folder keeps ``learned.json``: per claim id, the answer it learned (whether
it is a claim, the primary label, the label and source corrections). A claim whose answer is
the same today is not learned again: its base's layer holds it already, and learning it once
more each month would count it again every month (and check the new layer on claims the base
was fitted on). A claim whose answer changed, or a new claim, is learned.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from ..types import NewsroomExample
from .attribution import exception_entry, targets
from .exceptions import sentence_key

#: the file of an adapted model folder that records what it learned
LEARNED = "learned.json"


def answer_of(e: NewsroomExample) -> dict:
    """Return what an example teaches, as JSON: compared with what a model learned before."""
    source = False
    if e.source_corrected:
        source = [e.source.start, e.source.end] if e.source is not None else None
    return {"checkworthy": int(e.checkworthy), "primary": e.primary, "label_corrected": bool(e.label_corrected),
            "source": source}


def remembered_targets(e: NewsroomExample) -> list[int]:
    """Return the attribution targets the reviewers' corrections of an example keep as an exception."""
    return targets(e.primary if e.label_corrected else None, e.source_corrected, e.source is not None)


def read_learned(model_dir: Path) -> dict | None:
    """Return {claim id: answer} that the model folder learned, or None when it records none
    (a shipped model, or one adapted before models kept the record)."""
    path = Path(model_dir) / LEARNED
    if not path.is_file():
        return None
    try:
        claims = json.loads(path.read_text(encoding="utf-8")).get("claims")
    except (ValueError, AttributeError):
        return None
    return claims if isinstance(claims, dict) else None


def write_learned(model_dir: Path, learned: dict) -> None:
    """Write the record of what the model in ``model_dir`` learned."""
    (Path(model_dir) / LEARNED).write_text(json.dumps({"claims": learned}, indent=1, sort_keys=True) + "\n",
                                           encoding="utf-8")


def learned_before(examples: Sequence[NewsroomExample], learned: dict | None, base_cw, base_att) -> list[bool]:
    """Return per example whether the base learned it already, with the same answer: by its
    record (``learned``), else, for an adapted base without one, by the answers it remembers
    for the example's sentence (check-worthiness, and the label and source correction)."""
    if learned is not None:
        return [learned.get(e.claim_id) == answer_of(e) for e in examples]
    cw_seen = getattr(base_cw, "exceptions_", None) or {}
    att_seen = getattr(base_att, "exceptions_", None) or {}
    out = []
    for e in examples:
        key = sentence_key(e.input.text)
        if key not in cw_seen:
            out.append(False)
            continue
        remembered = None
        if e.checkworthy and (e.primary or e.source_corrected) and (e.label_corrected or e.source_corrected):
            remembered = exception_entry(e.input, remembered_targets(e), e.source if e.source_corrected else False)
        out.append(cw_seen[key] == e.checkworthy and att_seen.get(key) == remembered)
    return out
