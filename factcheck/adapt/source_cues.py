"""Reporting cues the source finder missed, learned from reviewers' sources ("the rules learn too").

When a reviewer names a source on a sentence where the rules found none, the word that links
the two is a cue the rules do not know in this newsroom (say a verb like *tweeted* right after
the source, or a word right before it). Each such correction proposes a cue: the word and its
side of the source. A proposed cue is kept only if, on every rated sentence of the newsroom
where the rules found no source and the cue would find one, it is right more often than wrong
(the reviewers' primary label there is ``sourced`` more often than not) and it is right in at
least :data:`MIN_DOCUMENTS` documents, so one document's habit is not learned as a rule.
A kept cue then finds sources in new sentences: the noun phrase next to it on its side.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from ..attribution.evaluate import source_hit
from ..attribution.phrases import _MAX_SUBJECT, _clause_start, _np_after, _span
from ..attribution.tokens import Token, is_adverb
from ..types import Span

#: a cue must be right in at least this many documents of the newsroom to be kept
MIN_DOCUMENTS = 2
#: words between a source and its verb that are skipped (*Smith has long argued*)
_BETWEEN = frozenset("has have had is was were are also then later again first once repeatedly".split())


def _before_source(toks: Sequence[Token], j: int) -> list[Token]:
    """Return the phrase ending just before token ``j`` (auxiliaries and adverbs skipped): the
    source of a cue that follows it."""
    k = j
    while k > 0 and (toks[k - 1].low in _BETWEEN or is_adverb(toks[k - 1])):
        k -= 1
    if k == 0:
        return []
    s = max(_clause_start(list(toks), k - 1), k - _MAX_SUBJECT)
    out = [t for t in toks[s:k]]
    while out and not out[0].is_word:
        out.pop(0)
    while out and not out[-1].is_word:
        out.pop()
    return out


def _phrase(toks: Sequence[Token], j: int, side: str) -> list[Token]:
    """Return the source phrase a cue at token ``j`` points to (``side``: where the source is)."""
    phrase = _before_source(toks, j) if side == "before" else _np_after(list(toks), j + 1)
    # a source names someone: a capitalised word or a noun-like last word, not a lone pronoun
    if not phrase or (len(phrase) == 1 and phrase[0].low in ("he", "she", "it", "they", "i", "we", "you")):
        return []
    return phrase


def find(toks: Sequence[Token], doc_text: str, cues: Iterable[tuple[str, str]]) -> tuple[Span, Span] | None:
    """Return (source, cue) for the first learned cue (``(side, word)``) that finds a source in
    the sentence's tokens, else None."""
    wanted = {w: side for side, w in cues}
    for j, t in enumerate(toks):
        side = wanted.get(t.low)
        if side is None:
            continue
        phrase = _phrase(toks, j, side)
        if phrase:
            s, e = _span(phrase)
            return Span(doc_text[s:e], s, e), Span(t.text, t.start, t.end)
    return None


def proposals(toks: Sequence[Token], source: Span) -> list[tuple[str, str]]:
    """Return the cues a reviewer's source suggests: the word after it (past auxiliaries and
    adverbs) with the source before, and the word before it with the source after."""
    out = []
    i = next((k for k, t in enumerate(toks) if t.start >= source.end), None)
    while i is not None and i < len(toks) and (toks[i].low in _BETWEEN or is_adverb(toks[i])):
        i += 1
    if i is not None and i < len(toks) and toks[i].is_word and toks[i].text.islower():
        out.append(("before", toks[i].low))
    b = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].end <= source.start), None)
    if b is not None and toks[b].is_word and toks[b].text.islower():
        out.append(("after", toks[b].low))
    return out


def learn(analyses: Sequence, doc_texts: Sequence[str], doc_ids: Sequence[str], primaries: Sequence[str | None],
          sources: Sequence[Span | None]) -> list[tuple[str, str]]:
    """Return the cues to keep (see the module docstring) from the rules' analyses of the rated
    sentences, the reviewers' primary labels and the sources they gave (None: none given)."""
    missed = [i for i, a in enumerate(analyses) if not a.fired("sourced")]
    candidates: set[tuple[str, str]] = set()
    for i in missed:
        src = sources[i]
        if src is None or primaries[i] != "sourced":
            continue
        for cue in proposals(analyses[i].tokens, src):
            got = find(analyses[i].tokens, doc_texts[i], [cue])
            if got is not None and source_hit(src.text, got[0].text):
                candidates.add(cue)
    kept = []
    for cue in sorted(candidates):
        right, wrong, docs = 0, 0, set()
        for i in missed:
            if primaries[i] is None or find(analyses[i].tokens, doc_texts[i], [cue]) is None:
                continue
            if primaries[i] == "sourced":
                right += 1
                docs.add(doc_ids[i])
            elif primaries[i] == "unsourced" and not (analyses[i].fired("estimated") or analyses[i].fired("contested")):
                wrong += 1  # the cue would turn a right "unsourced" into a wrong "sourced"
        if right > wrong and len(docs) >= MIN_DOCUMENTS:
            kept.append(cue)
    return kept
