"""Word tokens with offsets: the unit every attribution rule looks at."""
from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import NamedTuple

#: titles and abbreviations that keep their full stop (*Mr.*, *Sen.*, *Calif.*), so that a name
#: such as *Mr. Morris* or *Robert S. Ford* stays one phrase; single capitals (initials) and
#: dotted acronyms (*U.S.*, *D.C.*) keep theirs too
ABBREVIATIONS = frozenset("""
Mr Mrs Ms Dr Sen Sens Rep Reps Gov Gen Lt Col Sgt Prof Rev Jr Sr St Capt Adm Maj Cmdr Supt Atty Hon
Pres Gens Govs Messrs Mt Ft Corp Inc Co Ltd Bros No Calif Fla Mass Conn Ariz Ill Mich Minn Wis Tenn
Va Md Pa Ky La Ga Ala Okla Ore Colo Nev Neb Kan Ark Del Vt Wyo Mont Ida Tex Wash Miss Mo Ind
""".split())

# In order: a number with thousands separators (1,100) stays one token; a dotted acronym
# (U.S., D.C.), an abbreviation or an initial keeps its full stop; a word keeps its inner
# apostrophes, hyphens, dots and ampersands (O'Neil, AT&T, G-20) and a plural possessive its
# apostrophe (Sanders' campaign: not a quotation mark); two or three hyphens are one token (the
# typewriter's dash, read as *—* below); every other non-space character is a token of its own.
# One regular expression, so that tokenizing stays a single C-level scan.
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)"
    r"|(?=[A-Z])(?:(?:[A-Z]\.){2,}(?![\w-])"
    r"|\b(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r"|[A-Z])\.(?![\w.]))"
    r"|\w+(?:[-'’.&/]\w+)*(?:(?<=\w{3}s)['’](?=\s+\w))?"
    r"|-{2,3}(?!-)"
    r"|[^\w\s]")

#: closing and opening quotes, which end a clause for the subject search
QUOTES = frozenset("\"'“”‘’«»")
#: punctuation that starts a new clause
CLAUSE_PUNCT = frozenset(",;:()[]—–-") | QUOTES
#: lower-case words in -ly that are not adverbs (*family*, *daily*, *rally*)
NOT_ADVERBS = frozenset("only family early daily weekly monthly yearly italy july ally rally".split())


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


#: the token pattern as one group: ``re.split`` then returns gap, token, gap, token, ..., gap
_SPLIT = re.compile("(" + _TOKEN.pattern + ")")


class Recent(dict):
    """The results of a function's last few calls, by their arguments: the pipeline asks again for
    the sentence just before when it resolves a pronoun. Results are kept as tuples, and callers
    get a list of their own."""

    def __init__(self, size: int = 8):
        super().__init__()
        self.size = size

    def keep(self, key, result: list) -> list:
        if len(self) >= self.size:
            try:
                del self[next(iter(self))]  # the oldest
            except (KeyError, StopIteration, RuntimeError):  # another thread got there first
                pass
        self[key] = tuple(result)
        return result


#: the tokens of the last few texts: resolving a pronoun reads the sentence and the one before
#: again, which were tokenized just before (sentences come in document order)
_RECENT: Recent = Recent()


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Return the tokens of ``text``, offsets shifted by ``base`` (the text's place in a document)."""
    key = (text, base)
    known = _RECENT.get(key)
    if known is not None:
        return list(known)
    # Tokens are made by the million when scoring large inputs, so no Python code runs per
    # token: one split gives the tokens and the gaps between them, and the running sum of
    # their lengths gives every offset (odd places are starts, even places ends).
    parts = _SPLIT.split(text)
    toks = parts[1::2]
    edges = list(accumulate(map(len, parts), initial=base))
    out = list(map(_new, repeat(Token), zip(toks, map(str.lower, toks), edges[1::2], edges[2::2])))
    if "--" in text:
        # *A former senator -- John McCain -- said*: the typewriter's dash is a dash to every rule
        out = [t._replace(text="—", low="—") if t.text.startswith("--") else t for t in out]
    if not _ACRONYM_WORDS.isdisjoint(toks) and not text.isupper():
        # *the WHO said*: an organisation, not the pronoun (unless the whole text is in capitals)
        out = [t._replace(low=t.text) if t.text in _ACRONYM_WORDS else t for t in out]
    return _RECENT.keep(key, out)


#: acronyms spelt as a function word: kept as written, so no word list reads them as that word
_ACRONYM_WORDS = frozenset(("WHO",))


_new = tuple.__new__


def is_adverb(tok: Token) -> bool:
    """Whether ``tok`` is a lower-case adverb in -ly (*flatly*, *later*: no; *family*: no)."""
    return tok.text.islower() and tok.low.endswith("ly") and tok.low not in NOT_ADVERBS
