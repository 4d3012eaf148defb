"""A small pure-Python WordPiece tokeniser, as BERT's uncased tokenizer splits text (no
``tokenizers`` or torch import): the fast tier's static table reads a word it does not hold as
the pieces MiniLM's own vocabulary makes of it (see :mod:`.static`).

:func:`basic_split` does what BERT's *basic* tokenizer does to a text (drop control characters,
lower-case, strip accents after NFD, put every punctuation mark and CJK character on its own);
:class:`WordPiece` then splits each word greedily, longest match first, continuation pieces
written ``##piece`` (Wu et al. 2016; Devlin et al. 2019, Google's ``tokenization.py``). A word
longer than 100 characters, or one the vocabulary cannot spell, is ``[UNK]``.
"""
from __future__ import annotations

import unicodedata
from typing import Iterable

UNKNOWN = "[UNK]"
#: BERT's limit: a longer word is one unknown token
MAX_WORD = 100


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    # BERT counts every non-letter, non-digit ASCII character as punctuation ($, ^, `, ...)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_split(text: str) -> list[str]:
    """Return the words BERT's uncased basic tokenizer makes of a text: lower case, accents
    stripped, each punctuation mark and CJK character a word of its own."""
    chars = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        cat = unicodedata.category(ch)
        if ch in " \t\n\r" or cat == "Zs":
            chars.append(" ")
        elif cat in ("Cc", "Cf"):
            continue
        elif _is_cjk(cp):
            chars.append(f" {ch} ")
        else:
            chars.append(ch)
    out: list[str] = []
    for word in "".join(chars).split():
        word = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")
        current = ""
        for ch in word:
            if _is_punctuation(ch):
                if current:
                    out.append(current)
                    current = ""
                out.append(ch)
            else:
                current += ch
        if current:
            out.append(current)
    return out


class WordPiece:
    """Greedy longest-match-first WordPiece over a vocabulary of pieces (``##`` marks a piece
    that continues a word): ``WordPiece(pieces).split_word("hashtags")`` -> ``["hash", "##tag", "##s"]``."""

    def __init__(self, pieces: Iterable[str]):
        self.pieces = frozenset(pieces)
        self.longest = max((len(p) for p in self.pieces), default=0)
        self._cache: dict[str, tuple[str, ...]] = {}

    def split_word(self, word: str) -> tuple[str, ...]:
        """Return the pieces of one word as the basic tokenizer left it, or ``("[UNK]",)``."""
        got = self._cache.get(word)
        if got is not None:
            return got
        if len(word) > MAX_WORD:
            return (UNKNOWN,)
        out, start, pieces = [], 0, self.pieces
        while start < len(word):
            end = min(len(word), start + self.longest)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in pieces:
                    break
                end -= 1
            if end == start:
                out = [UNKNOWN]
                break
            out.append(piece)
            start = end
        got = tuple(out)
        if len(self._cache) < 200_000:
            self._cache[word] = got
        return got

    def tokenize(self, text: str) -> list[str]:
        """Return the pieces of a text, as BERT's uncased tokenizer gives them (without [CLS]/[SEP])."""
        return [p for w in basic_split(text) for p in self.split_word(w)]
