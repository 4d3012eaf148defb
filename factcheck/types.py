"""The records that flow through factcheck: documents, facets, cues, sources, claims, verdicts.

All are frozen dataclasses. ``to_dict`` and ``from_dict`` follow ``spec/CLAIMS.md`` section 4
exactly; offsets always index the document text as read, so ``doc.text[start:end] == text``.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

LABELS = ("sourced", "estimated", "contested")
#: precedence of the primary label: what a fact-checker must look at first comes first
PRIMARY_ORDER = ("contested", "estimated", "sourced")
PRIMARY_LABELS = PRIMARY_ORDER + ("unsourced",)
FACET_KINDS = ("date", "count", "money", "percent", "quantity", "duration")
UNIT_KINDS = ("count", "money", "quantity", "duration")
THRESHOLD = 0.5


def is_missing(value: Any) -> bool:
    """Whether a cell holds no value: None, NaN, or pandas' NA and NaT (told by their types, so
    that pandas need not be imported)."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


#: the columns that name a document in a table of documents: ``doc_id``, else a plain ``id``
#: (as most tables call it)
DOC_ID_COLUMNS = ("doc_id", "id")


def given_doc_id(row: Any) -> Any:
    """Return the document id a table row gives (:data:`DOC_ID_COLUMNS`, the first that holds a
    value), or None when it gives none."""
    for column in DOC_ID_COLUMNS:
        value = row.get(column)
        if not (is_missing(value) or value == ""):
            return value
    return None


def parse_date(value: Any) -> _dt.date | None:
    """Return a date from an ISO string (``2019-06-27``, a full timestamp also works) or None
    (also for a missing value: NaN, pandas' NA and NaT)."""
    if is_missing(value) or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    if not text or text.lower() in ("nan", "none", "null", "nat"):
        return None
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"published date {text!r} is not an ISO date such as 2019-06-27") from None


def _number(value: Any) -> Any:
    """Integral floats print as integers (200000000000, not 2e11)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    return value


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its id, its text exactly as read, and its publication date if known.

    ``transcript`` marks a debate or speech transcript (``SPEAKER: text`` lines): its claims
    come from the speakers' turns, and a speaker is the source of what they say."""

    doc_id: str
    text: str
    published: _dt.date | None = None
    transcript: bool = False

    def __post_init__(self):
        # an ISO string or a timestamp is taken as its date; a missing one (NaT) as none
        if self.published is not None and type(self.published) is not _dt.date:
            object.__setattr__(self, "published", parse_date(self.published))

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "text": self.text,
                "published": self.published.isoformat() if self.published else None}

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        return cls(doc_id=str(d["doc_id"]), text=d["text"], published=parse_date(d.get("published")))


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a document: its text and character offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict | None) -> "Span | None":
        if d is None:
            return None
        if isinstance(d, str):  # gold files name a source by its text alone
            return cls(text=d, start=-1, end=-1)
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass(frozen=True, slots=True)
class Facet:
    """A checkable value inside a claim: a date, count, money, percent or quantity."""

    kind: str
    text: str
    value: Any
    start: int
    end: int
    approximate: bool = False
    unit: str | None = None

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "text": self.text, "value": _number(self.value),
             "start": self.start, "end": self.end, "approximate": self.approximate}
        if self.kind in UNIT_KINDS or self.unit is not None:
            d["unit"] = self.unit
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Facet":
        return cls(kind=d["kind"], text=d["text"], value=d.get("value"), start=int(d["start"]),
                   end=int(d["end"]), approximate=bool(d.get("approximate", False)), unit=d.get("unit"))


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that made a label present: the label, their text and offsets."""

    label: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"label": self.label, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict) -> "Cue":
        return cls(label=d["label"], text=d["text"], start=int(d["start"]), end=int(d["end"]))


def primary_label(scores: dict[str, float], threshold: float = THRESHOLD) -> str:
    """Return the primary label: contested, else estimated, else sourced, else unsourced."""
    for label in PRIMARY_ORDER:
        if scores.get(label, 0.0) >= threshold:
            return label
    return "unsourced"


def make_claim_id(doc_id: str, start: int, end: int, text: str) -> str:
    """Return a stable id: a hash of the document id, the sentence's offsets and its text."""
    h = hashlib.sha256(f"{doc_id}\x1f{start}\x1f{end}\x1f{text}".encode("utf-8"))
    return h.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of a document with its check-worthiness, labels, cues, source and facets."""

    claim_id: str
    doc_id: str
    text: str
    start: int
    end: int
    checkworthiness: float
    label: str
    scores: dict = field(default_factory=dict)
    cues: tuple[Cue, ...] = ()
    source: Span | None = None
    facets: tuple[Facet, ...] = ()

    @property
    def labels(self) -> list[str]:
        """The labels present (score >= 0.5), in spec order."""
        return [lab for lab in LABELS if self.scores.get(lab, 0.0) >= THRESHOLD]

    def to_dict(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "doc_id": self.doc_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "checkworthiness": round(float(self.checkworthiness), 4),
            "label": self.label,
            "scores": {lab: round(float(self.scores.get(lab, 0.0)), 4) for lab in LABELS},
            "cues": [c.to_dict() for c in self.cues],
            "source": self.source.to_dict() if self.source else None,
            "facets": [f.to_dict() for f in self.facets],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Claim":
        missing = [k for k in ("doc_id", "text", "start", "end") if k not in d]
        if missing:
            raise ValueError(f"claim record lacks {', '.join(missing)}")
        scores = {lab: float(v) for lab, v in (d.get("scores") or {}).items()}
        start, end = int(d["start"]), int(d["end"])
        return cls(
            claim_id=str(d.get("claim_id") or make_claim_id(str(d["doc_id"]), start, end, d["text"])),
            doc_id=str(d["doc_id"]),
            text=d["text"],
            start=start,
            end=end,
            checkworthiness=float(d.get("checkworthiness", 0.0)),
            label=d.get("label") or primary_label(scores),
            scores=scores,
            cues=tuple(Cue.from_dict(c) for c in d.get("cues") or ()),
            source=Span.from_dict(d.get("source")),
            facets=tuple(Facet.from_dict(f) for f in d.get("facets") or ()),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """A reviewer's answer on a claim: a rating, an optional corrected label, note and evidence."""

    claim_id: str
    reviewer: str
    rating: str
    label: str | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()
    created_at: str | None = None
    verdict_id: int | None = None

    def to_dict(self) -> dict:
        return {"verdict_id": self.verdict_id, "claim_id": self.claim_id, "reviewer": self.reviewer,
                "rating": self.rating, "label": self.label, "note": self.note,
                "evidence": list(self.evidence), "created_at": self.created_at}

    @classmethod
    def from_dict(cls, d: dict) -> "Verdict":
        return cls(claim_id=str(d["claim_id"]), reviewer=str(d["reviewer"]), rating=str(d["rating"]),
                   label=d.get("label"), note=d.get("note"), evidence=tuple(d.get("evidence") or ()),
                   created_at=d.get("created_at"), verdict_id=d.get("verdict_id"))


@dataclass(frozen=True, slots=True)
class SentenceInput:
    """What the models see of one sentence: the whole document, the sentence's offsets, the
    sentence before it (the context the spec allows for sources) and the facets found in it.

    Models read ``text``/``prev_text`` and may look at ``doc_text`` around the offsets; every
    offset they return indexes ``doc_text``.
    """

    doc_id: str
    doc_text: str
    start: int
    end: int
    prev_start: int | None = None
    prev_end: int | None = None
    published: _dt.date | None = None
    facets: tuple[Facet, ...] = ()

    @property
    def text(self) -> str:
        return self.doc_text[self.start:self.end]

    @property
    def prev_text(self) -> str:
        if self.prev_start is None or self.prev_end is None:
            return ""
        return self.doc_text[self.prev_start:self.prev_end]

    @classmethod
    def from_text(cls, text: str, *, prev_text: str = "", doc_id: str = "",
                  published: _dt.date | None = None, facets: tuple[Facet, ...] = ()) -> "SentenceInput":
        """Build an input from a lone sentence (and the one before it), as training data has them."""
        if prev_text:
            doc = prev_text + " " + text
            return cls(doc_id, doc, len(prev_text) + 1, len(doc), 0, len(prev_text), published, facets)
        return cls(doc_id, text, 0, len(text), None, None, published, facets)


@dataclass(frozen=True, slots=True)
class Attribution:
    """What the attribution classifier says of one sentence: per-label scores in [0, 1],
    the cues behind each present label, and the source (offsets into the document)."""

    scores: dict
    cues: tuple[Cue, ...] = ()
    source: Span | None = None


@dataclass(frozen=True, slots=True)
class NewsroomExample:
    """What a newsroom's verdicts on one claim teach a model (``factcheck.adapt``).

    ``checkworthy`` is 1 for a rated claim, 0 for one the reviewers called not a claim.
    ``primary`` is the primary label the reviewers stand by (their correction, or the model's
    label when they rated the claim without correcting it; None for not-a-claim);
    ``source_corrected`` says whether they corrected the source, to ``source`` (None: no source).
    ``facets`` are their facet corrections as in the verdict rows (offsets into the document)."""

    claim_id: str
    doc_id: str
    input: SentenceInput
    checkworthy: int
    primary: str | None = None
    label_corrected: bool = False
    source_corrected: bool = False
    source: Span | None = None
    facets: tuple = ()
    model_label: str | None = None
    reviewers: tuple[str, ...] = ()
    verdict_ids: tuple[int, ...] = ()
    queue: str = ""
