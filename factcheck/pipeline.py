"""Documents in, claims out: sentences, facets, check-worthiness, attribution.

The :class:`Extractor` composes the steps. Each step reads what the one before produced and
none mutates its input: facets and scores are computed, then new :class:`Claim` records are
built. Models are called in batches across documents, which is where the speed comes from.
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator

from .facets import extract_facets
from .segment import Sentence, split_sentences
from .types import Claim, Document, SentenceInput, Span, THRESHOLD, make_claim_id, primary_label

BATCH_SENTENCES = 2048


@dataclass(frozen=True, slots=True)
class _Pending:
    doc: Document
    inp: SentenceInput
    speaker: Span | None = None


def _sentences(doc: Document) -> Iterator[tuple[Sentence, Span | None]]:
    """Yield the sentences of a document with their speaker (transcripts; None otherwise)."""
    if not doc.transcript:
        for s in split_sentences(doc.text):
            yield s, None
        return
    from .transcript import speech, turns
    for turn in turns(doc.text):
        # a turn's lines are one paragraph and its stage directions spaces (same length, so the
        # offsets hold); the sentence's text is taken from the document as read
        lo = turn.start
        for s in split_sentences(speech(doc.text, turn)):
            yield Sentence(doc.text[s.start + lo:s.end + lo], s.start + lo, s.end + lo), turn.speaker


def document_inputs(doc: Document) -> list[tuple[SentenceInput, Span | None]]:
    """Return the model inputs of a document (each sentence with the one before and its
    facets), each with its speaker when the document is a transcript."""
    out = []
    prev = None
    for s, speaker in _sentences(doc):
        try:
            facets = tuple(extract_facets(doc.text, s.start, s.end, published=doc.published))
        except Exception as exc:  # a bug in one sentence's facets must not lose the whole batch
            warnings.warn(f"facets of {doc.doc_id}[{s.start}:{s.end}] failed ({exc!r}); sentence kept without facets")
            facets = ()
        out.append((SentenceInput(doc.doc_id, doc.text, s.start, s.end,
                                  prev.start if prev else None, prev.end if prev else None,
                                  doc.published, facets), speaker))
        prev = s
    return out


def sentence_inputs(doc: Document) -> list[SentenceInput]:
    """Return the model inputs of a document: each sentence with the one before and its facets."""
    return [inp for inp, _ in document_inputs(doc)]


def attach_speaker(claim: Claim, speaker: Span | None) -> Claim:
    """Return the claim with the transcript's speaker as its source when the rules found none.

    Saying it on the record is attribution: a claim that was otherwise unsourced becomes
    ``sourced`` (its ``sourced`` score set to 1.0); a hedged or contested claim keeps its label,
    which outranks ``sourced``, and gains the speaker as its source."""
    if speaker is None or claim.source is not None:
        return claim
    scores = dict(claim.scores, sourced=1.0)
    return replace(claim, source=speaker, scores=scores, label=primary_label(scores))


class Extractor:
    """Find claims with a model: ``Extractor("fast").extract(doc)``.

    ``model`` is a shipped model's name, a model directory, or a loaded
    :class:`factcheck.models.Model` (or any object with ``checkworthy`` and ``attribution``
    parts following the scikit-learn contract). ``all_sentences`` also returns the sentences
    below the threshold, so a whole document can be scored. :attr:`model_spec` is the name or
    folder the model was loaded from (None for a model object): what a worker process that
    cannot inherit the model loads.
    """

    def __init__(self, model: Any = None, *, threshold: float = THRESHOLD, all_sentences: bool = False):
        self.threshold = check_threshold(threshold)
        self.model_spec = None
        if model is None or isinstance(model, (str, bytes)) or hasattr(model, "__fspath__"):
            from .models import DEFAULT_MODEL, load_model
            self.model_spec = DEFAULT_MODEL if model is None else model if isinstance(model, str) else os.fsdecode(model)
            model = load_model(model)
        self.model = model
        self.all_sentences = all_sentences

    def extract(self, doc: Document | str, *, published=None) -> list[Claim]:
        """Return the claims of one document (or of a text, with its publication date), in order."""
        return list(self.extract_many([as_document(doc, published)]))

    def extract_many(self, docs: Iterable[Document], *, batch_sentences: int | None = None,
                     workers: int = 1) -> Iterator[Claim]:
        """Yield the claims of many documents, in order, scoring sentences in large batches
        (``batch_sentences=1`` scores each document as soon as it comes: a live stream).

        ``workers`` > 1 spreads the documents over that many processes (see
        :func:`factcheck.parallel.extract_parallel`); the claims and their order are the same."""
        if workers > 1:
            if batch_sentences is not None:
                raise ValueError("batch_sentences is for one process; a live stream runs with workers=1")
            from .parallel import extract_parallel
            yield from extract_parallel(self, docs, workers=workers)
            return
        batch: list[_Pending] = []
        size = batch_sentences or BATCH_SENTENCES
        for doc in docs:
            batch.extend(_Pending(doc, inp, speaker) for inp, speaker in document_inputs(doc))
            if len(batch) >= size:
                yield from self._score(batch)
                batch = []
        if batch:
            yield from self._score(batch)

    def _score(self, batch: list[_Pending]) -> Iterator[Claim]:
        inputs = [p.inp for p in batch]
        cw = self.model.checkworthy.predict_proba(inputs)[:, 1]
        keep = [i for i, score in enumerate(cw) if self.all_sentences or score >= self.threshold]
        attributions = self.model.attribution.predict([inputs[i] for i in keep]) if keep else []
        for i, att in zip(keep, attributions):
            inp = inputs[i]
            text = inp.text
            scores = {k: float(v) for k, v in att.scores.items()}
            yield attach_speaker(Claim(
                claim_id=make_claim_id(inp.doc_id, inp.start, inp.end, text),
                doc_id=inp.doc_id,
                text=text,
                start=inp.start,
                end=inp.end,
                checkworthiness=float(cw[i]),
                label=primary_label(scores),
                scores=scores,
                cues=tuple(att.cues),
                source=att.source,
                facets=inp.facets,
            ), batch[i].speaker)


def extract(text: str | Document, *, published=None, doc_id: str = "doc", model: Any = None,
            threshold: float = THRESHOLD, all_sentences: bool = False) -> list[Claim]:
    """Return the claims of one text (or Document): the quickest way in from Python."""
    from .errors import InputError
    from .types import parse_date
    if not isinstance(text, (str, Document)):
        raise InputError(f"extract takes a str or a Document, not {type(text).__name__}"
                         + ("; decode bytes first (text.decode('utf-8'))" if isinstance(text, bytes) else ""))
    return Extractor(model, threshold=threshold, all_sentences=all_sentences).extract(as_document(text, published, doc_id))


def as_document(text: str | Document, published=None, doc_id: str = "doc") -> Document:
    """Return ``text`` as a Document dated ``published``; a Document keeps its own date, and
    takes ``published`` when it has none (InputError for a date that cannot be read, or a
    Document dated otherwise than ``published`` says: which one is meant?)."""
    from .errors import InputError
    from .types import parse_date
    try:
        when = parse_date(published)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if not isinstance(text, Document):
        return Document(doc_id, text, when)
    if when is None or text.published == when:
        return text
    if text.published is None:
        return replace(text, published=when)
    raise InputError(f"document {text.doc_id!r} is dated {text.published.isoformat()} and published= says "
                     f"{when.isoformat()}; give one date")


def check_threshold(threshold) -> float:
    """Return the threshold as a float in [0, 1]; InputError otherwise (a string or 2 would pass
    silently, keeping nothing or failing deep in numpy)."""
    from numbers import Real

    from .errors import InputError
    if isinstance(threshold, bool) or not isinstance(threshold, Real) or not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be a number from 0 to 1, not {threshold!r}")
    return float(threshold)
