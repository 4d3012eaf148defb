"""The source of a sentence: the named report that governs it, else what a pronoun or an
agentless cue points back to (spec/CLAIMS.md section 2: *it said*, *he added* and *was
reported* take the source named just before).

Resolution looks, in order, at a name earlier in the sentence (for *he*/*she*), the source
reported by the sentence before, the subject that opens the sentence before (for *it*), and in
a run of quotations up to :data:`_LOOK_BACK` sentences back. The reporting cues themselves are
found by :func:`factcheck.attribution.source.find_reports`.
"""
from __future__ import annotations

from typing import NamedTuple

from .. import cues as C
from ..types import SentenceInput, Span
from .phrases import (Report, _INTRO, _MAX_SUBJECT, _has_name, _is_predicate_verb, _name_runs, _participle_at, _span,
    main_verb_index)
from .source import find_reports
from .tokens import CLAUSE_PUNCT, QUOTES, Token, is_adverb, tokenize

#: nouns of a person that end a subject a *he* or *she* points back to (with a name inside it)
_PERSON_NOUNS = frozenset("""man woman boy girl mother father wife husband son daughter sister brother
resident student teacher worker voter veteran activist farmer owner nurse doctor lawyer officer
pastor priest mayor senator governor candidate spokesman spokeswoman spokesperson official analyst
economist executive attorney chairman chairwoman president minister secretary adviser advisor manager
director leader chief diplomat""".split())
#: how many sentences before the previous one a pronoun cue may look back for its source
_LOOK_BACK = 4


def _first_named(reports: list[Report]) -> Report | None:
    finals = [r for r in reports if r.kind == "named" and r.final]
    if finals:
        return finals[-1]
    return next((r for r in reports if r.kind == "named" and not r.embedded),
                next((r for r in reports if r.kind == "named"), None))


def _span_of(doc: str, se: tuple[int, int]) -> Span:
    return Span(doc[se[0]:se[1]], se[0], se[1])


class SourceFinding(NamedTuple):
    """The source decision for a sentence: the source (or None), the cue behind it, and how
    it was found (``named``, ``previous`` for a pronoun/passive resolved to the sentence
    before, ``anaphor``, ``agentless``, ``unresolved`` or ``none``)."""

    source: Span | None
    cue: Span | None
    how: str
    reports: tuple[Report, ...]


def _previous_source(si: SentenceInput) -> tuple[int, int] | None:
    """Return the source named by a reporting cue of the sentence before, if any."""
    prev = si.prev_text
    if not prev:
        return None
    best = _first_named(find_reports(prev, si.prev_start or 0))
    return best.source if best else None


def _person_before(si: SentenceInput, pronoun: tuple[int, int]) -> tuple[int, int] | None:
    """Return the person a *he*/*she* points back to: a name in subject position earlier in
    the sentence, else the first such name of the sentence before."""
    toks = tokenize(si.text, si.start)
    idx = next((k for k, t in enumerate(toks) if t.start == pronoun[0]), 0)
    # a name inside the quotation that opens the sentence is not its speaker
    runs = _name_runs(toks, idx) if not (toks and toks[0].text in QUOTES) else []
    if not runs and si.prev_text:
        ptoks = tokenize(si.prev_text, si.prev_start or 0)
        runs = _name_runs(ptoks, len(ptoks))
        subj = _sentence_subject(ptoks)
        if runs and subj is not None and runs[0][0] in subj and all(u.is_word for u in subj) and len(subj) <= 8 \
                and (subj[-1].is_cap or subj[-1].low in _PERSON_NOUNS):
            # "Chief operating officer Lucia Ferraz spoke ...": the name with its title; "A 29-year-old
            # Berlin woman joined ...": the person, not the city that describes her
            return _span(subj)
    if not runs:
        return None
    return _span(runs[0])


def _sentence_subject(toks: list[Token]) -> list[Token] | None:
    """Return the subject that opens a sentence, before its first finite verb (*The state's
    judicial council [released] ...*, *A study released on Tuesday by X [looked] ...*), when it
    names a party or a document and holds no clause punctuation."""
    v = None
    participles = 0
    for m in range(1, min(len(toks), _MAX_SUBJECT + 2)):
        if toks[m].text in CLAUSE_PUNCT:
            break
        if _is_predicate_verb(toks, m):
            if _participle_at(toks, m) and toks[m].low.endswith(("ed", "en")) and not participles:
                participles += 1  # "A study released on Tuesday by X looked at": one participle phrase
                continue
            v = m
            break
    if v is None or toks[v].text in CLAUSE_PUNCT:
        return None
    subj = toks[:v]
    while subj and (subj[-1].low in C.SKIPPABLE or is_adverb(subj[-1])):
        subj = subj[:-1]
    if not subj or subj[0].low in C.PRONOUNS or subj[0].low in _INTRO or subj[0].low in C.VAGUE_SUBJECTS \
            or subj[0].low in C.SKIPPABLE or main_verb_index(subj) is not None:
        return None
    return subj if _has_name(subj) else None


def _earlier_source(si: SentenceInput, pronoun: str) -> tuple[int, int] | None:
    """Return the source a pronoun cue points back to when the sentence before names none, in a
    run of quotations (*"...," he said* ... *he added*): the source of the nearest earlier report
    within a few sentences, else for *he*/*she* the nearest person named in subject position."""
    from ..segment import split_sentences

    end = si.prev_start if si.prev_start is not None else None
    if end is None or end <= 0:
        return None
    ptoks = tokenize(si.prev_text) if si.prev_text else []
    chain = bool(ptoks) and (ptoks[0].low == pronoun or (len(ptoks) > 1 and ptoks[0].low in ("and", "but", "then")
                                                          and ptoks[1].low == pronoun))
    if not chain and not any(q in si.text or q in si.prev_text for q in QUOTES):
        return None  # only a run of quotations, or of sentences opening with the pronoun, carries a speaker that far
    lo = max(0, end - 1500)
    sents = split_sentences(si.doc_text[lo:end])[-_LOOK_BACK:]
    for sent in reversed(sents):
        best = _first_named(find_reports(sent.text, lo + sent.start))
        if best is not None:
            return best.source
        if pronoun in ("he", "she"):
            toks = tokenize(sent.text, lo + sent.start)
            runs = [r for r in _name_runs(toks, len(toks)) if len(r) >= 2 or r[0].low.startswith(("mr", "mrs", "ms"))]
            if runs:
                return _span(runs[0])
    return None


def _plural_subject(si: SentenceInput) -> tuple[int, int] | None:
    """Return the subject of the sentence before when *they* can point back to it: names joined
    by *and* (*Mr. Grassley and Mr. Leahy introduced ...*) or a plural role (*The senators*)."""
    if not si.prev_text:
        return None
    subj = _sentence_subject(tokenize(si.prev_text, si.prev_start or 0))
    if subj is None or not all(u.is_word or u.text in (".", ",") for u in subj) or len(subj) > 10:
        return None
    joined = any(u.low == "and" for u in subj[1:-1]) and subj[0].is_cap and subj[-1].is_cap
    plural_role = subj[-1].text.islower() and subj[-1].low in C.ROLE_NOUNS and subj[-1].low.endswith("s")
    return _span(subj) if joined or plural_role else None


def _opening_subject(si: SentenceInput) -> tuple[int, int] | None:
    """Return the noun phrase that opens the sentence before (*The Environment Agency
    published ...*), when it names an organisation or a role: what *it* points back to."""
    if not si.prev_text:
        return None
    toks = tokenize(si.prev_text, si.prev_start or 0)
    subj = _sentence_subject(toks)
    if subj is not None and not (subj[-1].text.islower() and subj[-1].low.endswith("s") and not subj[-1].is_possessive
                                 and subj[-1].low not in C.DOCUMENT_NOUNS and len(subj) <= 2):
        return _span(subj)  # "The state's judicial council released a study": not "Officials"
    run: list[Token] = []
    for t in toks:
        if t.is_word and (t.is_cap or t.low in C.ROLE_NOUNS or (run and t.low in ("of", "for", "and", "&"))
                          or (not run and t.low in ("the", "a", "an"))):
            run.append(t)
        else:
            break
    while run and not (run[-1].is_cap or run[-1].low in C.ROLE_NOUNS):
        run.pop()
    if len(run) < 1 or not _has_name(run) or run[-1].low in C.PRONOUNS:
        return None
    return _span(run)


#: words of a time that a possessive before a source can name (*Last week's Gallup poll*)
_TIME_NOUNS = frozenset("""year week month weekend day night morning afternoon evening quarter season today
yesterday tonight""".split()) | (C.CALENDAR - {"may"})  # May's government: Theresa May's
_TIME_OPENERS = frozenset("last this next past previous the".split())


def _without_time(doc: str, source: tuple[int, int]) -> tuple[int, int]:
    """Return the source without a possessive of time that opens it: *Last week's Gallup poll* ->
    *Gallup poll*, *Tuesday's Quinnipiac poll* -> *Quinnipiac poll*, and *year's FBI statistics*
    (a subject cut after its opening *Last*) -> *FBI statistics*; the time says when, not who."""
    toks = tokenize(doc[source[0]:source[1]], source[0])
    k = 1 if len(toks) > 2 and toks[0].low in _TIME_OPENERS else 0
    if len(toks) > k + 1 and toks[k].is_possessive and toks[k].low[:-2] in _TIME_NOUNS:
        return toks[k + 1].start, source[1]
    return source


def resolve(si: SentenceInput, reports: list[Report] | None = None) -> SourceFinding:
    """Return the source of a sentence, looking at the sentence before for pronouns and passives."""
    doc = si.doc_text
    if reports is None:
        reports = find_reports(si.text, si.start)
    best = _first_named(reports)
    if best is not None and best.embedded and any(r.kind == "anaphor" for r in reports):
        best = None  # "Nearly three in four say ..., according to the survey": the survey
    if best is not None:
        return SourceFinding(_span_of(doc, _without_time(doc, best.source)), _span_of(doc, best.cue), "named",
                             tuple(reports))
    for r in reports:
        if r.kind not in ("pronoun", "passive", "anaphor"):
            continue
        person = None
        if r.kind == "pronoun" and doc[r.source[0]:r.source[1]].lower() in ("he", "she"):
            person = _person_before(si, r.source)
            toks_before = person is not None and person[0] >= si.start
            if toks_before:
                return SourceFinding(_span_of(doc, person), _span_of(doc, r.cue), "previous", tuple(reports))
        prev = _previous_source(si)
        if prev is not None and r.kind == "anaphor":
            noun = doc[r.source[0]:r.source[1]].split()[-1].lower().rstrip("s")
            if noun not in (si.prev_text or "").lower():
                prev = None  # "The poll showed": the poll itself, unless the sentence before reported it
        if prev is not None:
            return SourceFinding(_span_of(doc, prev), _span_of(doc, r.cue), "previous", tuple(reports))
        if person is None and r.kind == "pronoun" and doc[r.source[0]:r.source[1]].lower() == "it":
            person = _opening_subject(si)
        if person is None and r.kind == "pronoun" and doc[r.source[0]:r.source[1]].lower() == "they":
            person = _plural_subject(si)
        if person is None and r.kind == "pronoun":
            person = _earlier_source(si, doc[r.source[0]:r.source[1]].lower())
        if person is not None:
            return SourceFinding(_span_of(doc, person), _span_of(doc, r.cue), "previous", tuple(reports))
        if r.kind == "anaphor":
            return SourceFinding(_span_of(doc, r.source), _span_of(doc, r.cue), "anaphor", tuple(reports))
    if any(r.kind in ("agentless", "passive") for r in reports):
        cue = next(r.cue for r in reports if r.kind in ("agentless", "passive"))
        return SourceFinding(None, _span_of(doc, cue), "agentless", tuple(reports))
    if reports:
        return SourceFinding(None, _span_of(doc, reports[0].cue), "unresolved", tuple(reports))
    return SourceFinding(None, None, "none", ())


def find_source(sentence: SentenceInput) -> Span | None:
    """Return the source the sentence attributes its claim to (offsets into ``doc_text``), or None."""
    return resolve(sentence).source
