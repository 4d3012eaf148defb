"""Documents, polls and claims that carry their own source: *In a Gallup poll, ...*, a
speaker's line *Name: "..."*, *the union's claim that ...*, and a poll's respondents as a
subject (*52 percent said*), which yield to the poll that asked them."""
from __future__ import annotations

from .. import cues as C
from .phrases import MAIN_VERBS, Report, _has_name, _np_after, _span, _trim_document, main_verb_index
from .tokens import CLAUSE_PUNCT, NOT_ADVERBS, QUOTES, Token

#: headline labels that open a line with a colon but name no speaker (*Update: ...*)
_NOT_SPEAKERS = frozenset("""
update updated breaking exclusive analysis opinion editorial watch video photos photo live news guide
note correction editor's read listen related more q a question answer poll report fact check factcheck
first take the why how what who when where here today tonight this remember plus contributing email
paid notice big win
""".split())


#: heads of a poll's respondents as a subject (*52 percent said*, *those surveyed say*)
_RESPONDENT_HEADS = frozenset("""percent % half third thirds quarter quarters fifth fifths majority majorities
surveyed polled questioned interviewed""".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
sixty seventy eighty ninety hundred""".split())


def _respondents(seg: list[Token]) -> bool:
    """Whether a subject names a share of a poll's respondents (*Twenty-four percent*, *About 4
    in 10*, *Nearly nine out of 10 voters*, *A third of independents, 33%*, *those surveyed*):
    the poll's data speak through them (spec: a data set is a source)."""
    words = [t for t in seg if t.is_word or t.text == "%"]
    while words and ((words[0].low.endswith("ly") and words[0].low not in NOT_ADVERBS) or words[0].low in ("about", "only", "just", "some", "roughly", "around",
                                                             "almost", "over", "under", "more", "than", "fewer",
                                                             "less", "a", "mere", "another")):
        words = words[1:]
    if not words or len(words) > 10:
        return False
    number = lambda t: t.text[:1].isdigit() or t.low.split("-")[0] in _NUMBER_WORDS or t.text == "%"
    if words[0].low == "those" and len(words) >= 2 and words[1].low in _RESPONDENT_HEADS:
        return True
    if not (number(words[0]) or words[0].low in ("half", "third", "majority", "majorities", "two-thirds", "three-fourths",
                                                 "three-quarters", "one-third", "one-fourth")):
        return False
    return any(t.low.split("-")[-1] in _RESPONDENT_HEADS or t.low.endswith("%") for t in words) or (
        len(words) >= 3 and words[1].low in ("in", "out") and number(words[-1]))


def _possessor(toks: list[Token], p: int) -> list[Token] | None:
    """Return the noun phrase that ends with the possessive at ``p`` (*the central bank's*,
    *Acme Corp.'s*): back to its determiner, else its run of capitalised words."""
    for d in range(p - 1, max(-1, p - 5), -1):
        t = toks[d]
        if t.low in ("the", "a", "an", "this", "that"):
            return toks[d:p + 1]  # "the prosecution's", "the family's": a party
        if not t.is_word or t.low in C.PREPOSITIONS or t.low in C.CLAUSE_WORDS or t.low in C.DETERMINERS \
                or t.low in MAIN_VERBS or (t.text.islower() and t.low.endswith("ed")):
            break
    m = p
    while m - 1 >= 0 and toks[m - 1].is_word and toks[m - 1].is_cap and not toks[m - 1].is_possessive:
        m -= 1
    np = toks[m:p + 1]
    if not toks[p].is_cap or (m == 0 and np[0].low in C.SKIPPABLE | C.PREPOSITIONS | C.CLAUSE_WORDS):
        return None
    return np


def _claim_owner(toks: list[Token], i: int) -> Report | None:
    """Return the report of a claim noun with its owner before a *that* clause: a possessive
    (*rejected the prosecution's claim that*) or a *by* phrase (*a report by the Ledger that*).
    It names the source only when the sentence has no report of its own (``embedded``)."""
    n = len(toks)
    t = toks[i]
    if i == 0 or i + 1 >= n or not t.text.islower():
        return None
    if toks[i + 1].low == "that" and toks[i - 1].is_possessive and toks[i - 1].low not in C.PRONOUNS:
        np = _possessor(toks, i - 1)
        if np is None or np[-1].low in C.VAGUE_SUBJECTS:
            return None
        return Report("named", (toks[i - 1].start, t.end), _span(np), False, True)
    if toks[i + 1].low == "by" and i + 2 < n:
        np = _np_after(toks, i + 2)
        e = i + 2 + len(np)
        if np and e < n and toks[e].low == "that" and _has_name(np) and np[0].low not in C.PRONOUNS \
                and np[0].low not in C.VAGUE_SUBJECTS and main_verb_index(np) is None:
            return Report("named", (t.start, toks[i + 1].end), _span(np), False, True)
    return None


def _poll_source(toks: list[Token], i: int) -> Report | None:
    """Return the poll that reports a result (*In a Des Moines Register poll, Smith led with 24
    percent*; *..., in a survey by Gallup*): a poll or survey phrase after *in*, in a sentence
    with a figure; a poll by a named owner gives the owner."""
    n = len(toks)
    if i + 2 >= n or toks[i + 1].low not in ("a", "an", "the"):
        return None
    for m in range(i + 2, min(n, i + 7)):
        t = toks[m]
        if t.text in CLAUSE_PUNCT or t.text in ".!?" or (t.text.islower() and t.low in C.PREPOSITIONS):
            return None
        if t.low in ("poll", "survey") and t.text.islower():
            after = toks[m + 1] if m + 1 < n else None
            if after is not None and after.text not in (",", ".") and after.low not in ("by", "of", "for", "released",
                                                                                        "conducted", "taken"):
                return None
            np = _np_after(toks, i + 1)
            if not np or not any(u.text[:1].isdigit() or u.low == "percent" for u in toks):
                return None
            if not any(u.is_cap and u.low not in C.CALENDAR for u in np[1:]):
                return None  # "in the March survey": no owner named
            owner = _trim_document(np)
            return Report("named", (toks[i].start, t.end), _span(owner), False)
    return None


def _colon_source(toks: list[Token]) -> Report | None:
    """Return the speaker of a headline or transcript line (*Graham: Trump's rhetoric ...*): a
    name of one to four capitalised words that opens the sentence, a colon, then the words."""
    first = [t.text for t in toks[:6]]
    k = first.index(":") if ":" in first else None
    if not k or len(toks) - k < 5:
        return None
    name = toks[:k]
    if not all(t.is_cap and t.is_word or t.text in ("(", ")", "-") for t in name) or not name[0].is_word \
            or any(t.low in _NOT_SPEAKERS or t.low in C.CALENDAR or t.low in C.DETERMINERS for t in name if t.is_word):
        return None
    words = [t for t in name if t.is_word]
    rest = toks[k + 1:]
    # what follows must be a quotation (a transcript line or a quoted headline), not a list
    if not (rest[0].text in QUOTES or (len(words) <= 3 and any(t.text in QUOTES for t in rest))):
        return None
    return Report("named", (toks[k].start, toks[k].end), _span(words), False)
