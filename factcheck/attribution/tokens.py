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


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Return the tokens of ``text``, offsets shifted by ``base`` (the text's place in a document)."""
    return [Token(m.group(), m.group().lower(), base + m.start(), base + m.end())
            for m in _TOKEN.finditer(text)]
