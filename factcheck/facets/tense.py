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
    r"\b(?:(?P<future>[Ww]ill|[Ww]on't|'ll|[Ss]hall|[Cc]an't|[Cc]annot|[Ii]s due|[Aa]re due|[Ss]cheduled|"
    r"[Ee]xpects?|[Ee]xpected to|[Pp]lans? to|[Pp]lanning to|[Ss]et to|[Gg]oing to|[Uu]pcoming|"
    r"[Ii]ntends? to|[Aa]ims? to)"
    r"|(?P<past>was|were|had|did|said|told|grew|rose|fell|began|came|went|took|made|left|met|"
    r"won|lost|paid|sold|bought|saw|held|gave|ran|(?<!be )(?<!is )(?<!are )(?<!been )[a-z]+ed))\b")


#: the verb that governs a date stands in its clause, not a page away
_REACH = 200
_CLAUSE_MARKS = ",;:(—–"


def is_future(s: Sentence, start: int, end: int) -> bool:
    """Whether the verb that governs the date speaks of the future: the nearest one before
    it in its clause (*plans to step down in October, said ...*), else the nearest after it
    (*On Monday, Bolton will meet ...*), else the nearest before it at all."""
    lo, hi = max(s.lo, start - _REACH), min(s.hi, end + _REACH)
    clause = max(s.text.rfind(mark, lo, start) for mark in _CLAUSE_MARKS) + 1
    before_clause = before_any = after = None
    for m in _TENSE.finditer(s.text, lo, hi):
        if m.end() <= start:
            before_any = m
            if m.start() >= clause:
                before_clause = m
        elif m.start() >= end and after is None:
            after = m
    chosen = before_clause or after or before_any
    return chosen is not None and chosen.group("past") is None
