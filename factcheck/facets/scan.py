"""One look at a sentence that the extractors share: its words, and where to try a pattern.

Speed comes from not running big patterns over the whole sentence. Python's ``re`` skips
ahead quickly only for patterns that open with a literal; patterns that open with optional
words (*the early* 1970s, *last* May) try every position. So each extractor finds a cheap
anchor (a month name, a figure, ``year``) and tries its full pattern, anchored with
``.match``, at the few word starts just before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_WORD_START = re.compile(r"\w+")
#: how far back (in characters) the words before an anchor are looked for
_REACH = 40


@dataclass(slots=True)
class Sentence:
    """A span of a document with its lower-cased text and the set of its words."""

    text: str
    lo: int
    hi: int
    #: ``text[lo:hi]`` in lower case, same length (offsets map one to one)
    low: str
    words: frozenset[str]
    has_digit: bool

    @classmethod
    def read(cls, text: str, lo: int, hi: int) -> "Sentence":
        """Return the sentence ``text[lo:hi]`` read once: lower-cased, its words, whether it has a digit."""
        piece = text[lo:hi]
        low = piece.lower()
        if len(low) != len(piece):
            # a few characters grow when lower-cased (İ): keep offsets by lowering ASCII only
            low = piece.translate(_ASCII_LOWER)
        return cls(text, lo, hi, low, frozenset(_WORD.findall(low)), bool(_DIGIT.search(text, lo, hi)))

    def occurrences(self, word: str) -> list[int]:
        """Return where ``word`` stands as a whole word, case-insensitively (absolute offsets)."""
        out = []
        low, n = self.low, len(word)
        at = low.find(word)
        while at >= 0:
            if (at == 0 or not low[at - 1].isalnum()) and (at + n >= len(low) or not low[at + n].isalnum()):
                out.append(self.lo + at)
            at = low.find(word, at + n)
        return out

    def match_back(self, pattern: re.Pattern, anchor: int, back: int) -> re.Match | None:
        """Return the longest match of ``pattern`` that starts at the anchor or at one of the
        ``back`` words before it and reaches past the anchor."""
        starts = [m.start() for m in _WORD_START.finditer(self.text, max(self.lo, anchor - _REACH), anchor)]
        for start in starts[-back:] + [anchor]:
            m = pattern.match(self.text, start, self.hi)
            if m and m.end() > anchor:
                return m
        return None


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
