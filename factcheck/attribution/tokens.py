"""Word tokens with offsets: the unit every attribution rule looks at."""
from __future__ import annotations

import re
from typing import NamedTuple

# a word keeps its inner apostrophes, hyphens, dots and ampersands (O'Neil, U.S, AT&T, G-20);
# every other non-space character is a token of its own
_TOKEN = re.compile(r"\w+(?:[-'’.&/]\w+)*|[^\w\s]")

#: closing and opening quotes, which end a clause for the subject search
QUOTES = frozenset("\"'“”‘’«»")
#: punctuation that starts a new clause
CLAUSE_PUNCT = frozenset(",;:()[]—–-") | QUOTES


class Token(NamedTuple):
    """A word or punctuation mark: its text, lower-cased text and offsets in the document."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_possessive(self) -> bool:
        return self.low.endswith(("'s", "’s")) or self.low.endswith(("s'", "s’"))


_new = tuple.__new__


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Return the tokens of ``text``, offsets shifted by ``base`` (the text's place in a document)."""
    # tuple.__new__ skips the NamedTuple constructor's argument handling: tokens are made by
    # the million when scoring large inputs
    out = []
    for m in _TOKEN.finditer(text):
        g = m.group()
        s, e = m.span()
        out.append(_new(Token, (g, g.lower(), base + s, base + e)))
    return out
