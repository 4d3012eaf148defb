"""Whether a sentence speaks of the future where it names a bare month or weekday.

News places *in December* and *on Monday* behind the publication date, except when the verb
nearest them looks ahead (*will*, *is due*, *plans to*). The news-dev gold has both: *OPEC
agreed in December* (published June: last December), *In March private dealers will handle*
(published in March: this March).
"""
from __future__ import annotations

import re

from .scan import Sentence

#: the tense of the verb nearest a bare month or weekday decides whether it lies ahead of
#: publication or behind it: *the trial will take place in late October*, *OPEC agreed in
#: December*, *it hasn't already agreed to in December* (the nearest verb is past). A
#: participle after *be* (*can't be challenged until December*) is no past tense.
_TENSE = re.compile(
    r"\b(?:(?P<future>[Ww]ill|[Ww]on't|'ll|[Ss]hall|[Cc]an't|[Cc]annot|[Ii]s due|[Aa]re due|[Ww]as due|"
    r"[Ww]ere due|[Ss]cheduled|"
    r"[Ee]xpects?|[Ee]xpected to|[Pp]lans? to|[Pp]lanning to|[Ss]et to|[Gg]oing to|[Uu]pcoming|"
    r"[Ii]ntends? to|[Aa]ims? to)"
    r"|(?P<past>was|were|had|did|said|told|grew|rose|fell|began|came|went|took|made|left|met|"
    r"won|lost|paid|sold|bought|saw|held|gave|ran|(?<!be )(?<!is )(?<!are )(?<!been )[a-z]+ed))\b")


#: the verb that governs a date stands in its clause, not a page away
_REACH = 200
_CLAUSE_MARKS = ",;:(—–"


def tense(s: Sentence, start: int, end: int, *, strict: bool = False) -> str | None:
    """Return "future" or "past" for the verb that governs the date: the nearest one before
    it in its clause (*plans to step down in October, said ...*), else the nearest after it
    in its clause (*On Monday, Bolton will meet ...*), else (unless ``strict``) the nearest
    before it at all; None when there is none."""
    lo, hi = max(s.lo, start - _REACH), min(s.hi, end + _REACH)
    clause_start = max(s.text.rfind(mark, lo, start) for mark in _CLAUSE_MARKS) + 1
    ends = [at for at in (s.text.find(mark, end, hi) for mark in _CLAUSE_MARKS + ")") if at >= 0]
    clause_end = min(ends) if ends else hi
    before_clause = before_any = after = None
    for m in _TENSE.finditer(s.text, lo, hi):
        if m.end() <= start:
            before_any = m
            if m.start() >= clause_start:
                before_clause = m
        elif m.start() >= end and after is None and (not strict or m.end() <= clause_end):
            after = m
    chosen = before_clause or after or (None if strict else before_any)
    if chosen is None:
        return None
    return "past" if chosen.group("past") else "future"


def is_future(s: Sentence, start: int, end: int) -> bool:
    """Whether the verb that governs the date speaks of the future (see :func:`tense`)."""
    return tense(s, start, end) == "future"
