"""The adaptation layer's own word features: hashed lower-case words, digit shapes and word
pairs of a sentence, L2-normalised. Kept apart from the base models' features so an adapted
model keeps meaning the same thing when a base model's features change."""
from __future__ import annotations

import re
import zlib
from typing import Sequence

import numpy as np

N_BITS = 18
_TOKEN = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*|[$%?!]")
_DIGIT = re.compile(r"\d")


def terms(text: str) -> list[str]:
    """Return the words (figures as their shape, 2,000 -> 0,000) and word pairs of a text."""
    words = [_DIGIT.sub("0", w) for w in _TOKEN.findall(text.lower().replace("’", "'"))]
    return words + [a + " " + b for a, b in zip(words, words[1:])]


def hashed_matrix(texts: Sequence[str], n_bits: int = N_BITS):
    """Return the (n, 2**n_bits) CSR matrix of the texts' L2-normalised hashed term counts."""
    import scipy.sparse as sp
    mask = (1 << n_bits) - 1
    rows, cols = [], []
    for i, text in enumerate(texts):
        for t in terms(text):
            rows.append(i)
            cols.append(zlib.crc32(t.encode("utf-8")) & mask)
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), 1 << n_bits))
    m.sum_duplicates()
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ m
