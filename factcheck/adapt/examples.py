"""Newsroom examples from reviewer verdicts: what ``train --from-queue`` learns from.

Each reviewed claim gives one :class:`~factcheck.types.NewsroomExample`, once however many
queue files hold it (a backup copy, an older snapshot: the file with the claim's latest verdict
speaks for it). When reviewers disagree on whether it is a claim, the claim's settlement
(agreement or an editor's ruling) decides; an unsettled claim takes the majority of its current
verdicts, the latest breaking a tie. A label or source correction is used only when it is
settled: an editor's ruling gives it, or the reviewers do not dispute it (the queue's own rule,
:meth:`factcheck.queue.store.Queue.dispute`); a disputed one is left out and counted
(:class:`Reading`). Facet corrections come from the latest verdict that gives one, an editor's
ruling first.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import FactcheckError
from ..types import PRIMARY_LABELS, NewsroomExample, SentenceInput, Span


class NoVerdictsError(FactcheckError):
    """The queues hold no verdict a model can learn from."""


def _pseudo_document(records: Sequence[dict], extra: Sequence[tuple[int, str]] = ()) -> str:
    """Return a text with every record's text at its document offsets and spaces elsewhere, so
    that the offsets of the queue (and of reviewers' corrections) index it exactly."""
    spans = [(int(r["start"]), r["text"]) for r in records] + list(extra)
    chars = [" "] * max((s + len(t) for s, t in spans), default=0)
    for start, text in spans:
        chars[start:start + len(text)] = text
    return "".join(chars)


def _document(queue, claim_id: str, record: dict, source: dict | None) -> SentenceInput:
    """Return the model input of a queued claim: its document rebuilt from the neighbouring
    claims (offsets kept) and the sentence before it."""
    start, end = int(record["start"]), int(record["end"])
    context = queue.context(claim_id)
    before = context.get("before") or []
    prev = before[-1] if before else None
    extra = [(int(source["start"]), source["text"])] if source and source.get("text") else []
    full = _pseudo_document([*before, record, *(context.get("after") or [])], extra)
    return SentenceInput(str(record["doc_id"]), full, start, end,
                         int(prev["start"]) if prev else None, int(prev["end"]) if prev else None)


def _decide(rows: list[dict], settled: dict | None) -> bool:
    """Return whether the claim is not a claim: the settlement's word, else the majority."""
    if settled is not None:
        return bool(settled.get("not_a_claim"))
    votes = [bool(r.get("not_a_claim")) for r in rows]
    yes = sum(votes)
    if yes * 2 == len(votes):
        return votes[-1]
    return yes * 2 > len(votes)


def _latest(rows: list[dict], has) -> dict | None:
    ordered = sorted(rows, key=lambda r: (r.get("kind") == "adjudication", r.get("verdict_id") or 0))
    found = [r for r in ordered if has(r)]
    return found[-1] if found else None


def _has_label(row: dict) -> bool:
    return row.get("label") in PRIMARY_LABELS and not row.get("not_a_claim")


def _has_source(row: dict) -> bool:
    return bool(row.get("source_corrected"))


def _settled_correction(rows: list[dict], has, disputed: bool) -> tuple[dict | None, bool]:
    """Return the verdict whose correction stands (an editor's ruling that gives one, else the
    latest reviewer's when the reviewers do not dispute it) and whether a disputed correction
    was left out."""
    ruling = _latest([r for r in rows if r.get("kind") == "adjudication"], has)
    if ruling is not None:
        return ruling, False
    if disputed:
        return None, True
    return _latest(rows, has), False


@dataclass(frozen=True)
class Reading:
    """The examples of the queue files and what was left out on the way: label and source
    corrections still disputed (reviewers disagree, no editor has ruled), and claims met again
    in another queue file (counted once)."""

    examples: list[NewsroomExample]
    disputed_labels: int = 0
    disputed_sources: int = 0
    repeated: int = 0


def _example(queue, path: str, claim_id: str, rows: list[dict]) -> tuple[NewsroomExample, bool, bool]:
    """Return the claim's example and whether a disputed label, a disputed source correction
    was left out."""
    dispute = queue.dispute(claim_id)
    settled, reasons = dispute["settled"], set(dispute["reasons"])
    not_a_claim = _decide(rows, settled)
    first = rows[0]
    record = {"doc_id": first["doc_id"], "text": first["text"], "start": first["start"], "end": first["end"]}
    model_label = first.get("model_label") or first.get("claim_label")
    labelled, label_left = _settled_correction(rows, _has_label, "label" in reasons)
    sourced, source_left = _settled_correction(rows, _has_source, "source" in reasons)
    source = sourced.get("source") if sourced else None
    facets = _latest(rows, lambda r: bool(r.get("facets")))
    primary = None
    if not not_a_claim and not label_left:
        # no correction given: the reviewers confirmed the model's label
        primary = labelled["label"] if labelled else (model_label if model_label in PRIMARY_LABELS else None)
    example = NewsroomExample(
        claim_id=claim_id, doc_id=str(first["doc_id"]), input=_document(queue, claim_id, record, source),
        checkworthy=0 if not_a_claim else 1, primary=primary,
        label_corrected=labelled is not None and labelled["label"] != model_label and not not_a_claim,
        source_corrected=sourced is not None and not not_a_claim,
        source=Span(source["text"], int(source["start"]), int(source["end"])) if source else None,
        facets=tuple(facets["facets"]) if facets else (), model_label=model_label,
        reviewers=tuple(sorted({r["reviewer"] for r in rows})),
        verdict_ids=tuple(int(r["verdict_id"]) for r in rows), queue=path)
    return example, label_left and not not_a_claim, source_left and not not_a_claim


def read_queues(queues: Iterable[str | Path]) -> Reading:
    """Return one example per reviewed claim of the queue files, in verdict order, with what was
    left out (:class:`Reading`); raise :class:`NoVerdictsError` when none holds a rated or
    not-a-claim verdict.

    A claim (its id, or its document, offsets and text) held by several queue files is one
    example, from the file with its latest verdict (the first file named, of equals): the same
    verdicts read twice would count twice and put copies of a claim on both sides of the hold-out."""
    from ..queue.store import Queue
    chosen: dict[str, tuple[tuple, tuple]] = {}
    aliases: dict[tuple, str] = {}
    names, repeated = [], 0
    for path in queues:
        names.append(str(path))
        with Queue(path, create=False) as queue:
            by_claim: dict[str, list[dict]] = {}
            for row in queue.verdict_rows():
                if row.get("rating") is None and not row.get("not_a_claim"):
                    continue
                by_claim.setdefault(row["claim_id"], []).append(row)
            for cid, rows in by_claim.items():
                first = rows[0]
                key = aliases.setdefault((str(first["doc_id"]), first["start"], first["end"], first["text"]), cid)
                rank = (max(str(r.get("created_at") or "") for r in rows), len(rows))
                if key in chosen:
                    repeated += 1
                    if chosen[key][0] >= rank:
                        continue
                chosen[key] = (rank, _example(queue, str(path), cid, rows))
    if not chosen:
        raise NoVerdictsError(f"{', '.join(names)} holds no verdict to learn from (no rated or not-a-claim "
                              "claim); record some with 'factcheck queue verdict' or 'factcheck review' first")
    found = [item for _, item in chosen.values()]
    return Reading([e for e, *_ in found], disputed_labels=sum(lab for _, lab, _ in found),
                   disputed_sources=sum(src for *_, src in found), repeated=repeated)


def read_examples(queues: Iterable[str | Path]) -> list[NewsroomExample]:
    """Return one example per reviewed claim of the queue files (:func:`read_queues`)."""
    return read_queues(queues).examples
