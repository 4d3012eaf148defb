"""Corrections kept as exceptions: a reviewer's answer on a sentence stands for that sentence.

Keyed by the sentence's normalised text (lower-case words and digits), so the same sentence in
another document (a repeated line, a wire story reprinted) gets the reviewer's answer too. This
is how a correction sticks even where the learned layer is too regularised to move the score.
"""
from __future__ import annotations

import re

_NON_WORD = re.compile(r"[^a-z0-9]+")


def sentence_key(text: str) -> str:
    """Return the key of a sentence: its lower-case words and digits, one space apart."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def locate(doc_text: str, start: int, end: int, prev_start: int | None, rel: int, text: str) -> tuple[int, int] | None:
    """Return the document offsets of a source recorded ``rel`` characters from its sentence's
    start: there if the text is there, else its first occurrence in the sentence or the one
    before it; None when it is in neither."""
    at = start + rel
    if 0 <= at and doc_text[at:at + len(text)] == text:
        return at, at + len(text)
    lo = prev_start if prev_start is not None else start
    found = doc_text.find(text, lo, end)
    return (found, found + len(text)) if found >= 0 else None
