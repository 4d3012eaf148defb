"""Features of a sentence for the trained attribution classifier: what the cue rules found
(dense, named) and hashed word uni- and bigrams (so that the model can learn cues the lists
lack). Hashing uses CRC-32, which is stable across processes, unlike Python's ``hash``."""
from __future__ import annotations

import re
import zlib

import numpy as np

from ..types import LABELS, SentenceInput
from .analysis import Analysis, analyse

CUE_KINDS = ("approximator", "modal", "forecast", "hedge", "agentless", "range", "allegation", "denial",
             "dispute", "rejection", "falsity", "claims-of", "conflict")
SOURCE_KINDS = ("named", "previous", "anaphor", "agentless", "unresolved", "none")

DENSE_NAMES = (
    tuple(f"fired:{lab}" for lab in LABELS)
    + tuple(f"cue:{k}" for k in CUE_KINDS)
    + tuple(f"source:{k}" for k in SOURCE_KINDS)
    + ("source:final", "has:number", "has:previous", "cues:many")
)
N_DENSE = len(DENSE_NAMES)
_INDEX = {name: k for k, name in enumerate(DENSE_NAMES)}


#: a character that may be a digit: any word character but an ASCII letter or ``_`` (every
#: character ``str.isdigit`` accepts is one); a sentence without any has no number
_MAYBE_DIGIT = re.compile(r"[^\W_a-zA-Z]")


def dense_features(a: Analysis, si: SentenceInput) -> np.ndarray:
    """Return the named rule features of one analysed sentence."""
    v = np.zeros(N_DENSE, dtype=np.float32)
    fired = {c[0] for c in a.cues}
    for k, lab in enumerate(LABELS):
        v[k] = lab in fired
    kinds = [c[1] for c in a.cues]
    for kind in kinds:
        j = _INDEX.get(f"cue:{kind}")
        if j is not None:
            v[j] = min(v[j] + 1.0, 2.0)
    v[_INDEX[f"source:{a.finding.how}"]] = 1.0
    v[_INDEX["source:final"]] = any(r.final and r.kind == "named" for r in a.finding.reports)
    v[_INDEX["has:number"]] = _MAYBE_DIGIT.search(si.text) is not None and any(
        t.text[:1].isdigit() for t in a.tokens)
    v[_INDEX["has:previous"]] = bool(si.prev_end)
    v[_INDEX["cues:many"]] = len(kinds) > 2
    return v


def hashed_indices(a: Analysis, n_bits: int) -> np.ndarray:
    """Return the hashed feature indices of the sentence's lower-cased words and word pairs."""
    mask = (1 << n_bits) - 1
    words = [t.low for t in a.tokens if t.low[0].isalnum()]
    grams = words + [f"{x} {y}" for x, y in zip(words, words[1:])]
    crc = zlib.crc32
    return np.array(sorted({crc(g.encode()) & mask for g in grams}), dtype=np.int64)


def featurize(X: list[SentenceInput], n_bits: int):
    """Return (analyses, dense matrix (n, N_DENSE), list of hashed index arrays)."""
    analyses = [analyse(x) for x in X]
    dense = np.stack([dense_features(a, x) for a, x in zip(analyses, X)]) if X else np.zeros((0, N_DENSE), np.float32)
    hashed = [hashed_indices(a, n_bits) for a in analyses]
    return analyses, dense, hashed


def sparse_matrix(dense: np.ndarray, hashed: list[np.ndarray], n_bits: int, scale: float = 1.0):
    """Return the scipy CSR matrix [dense | hashed one-hot * scale] used for fitting; a small
    scale makes the n-grams pay more regularisation than the rule features."""
    from scipy import sparse

    rows = np.repeat(np.arange(len(hashed)), [len(h) for h in hashed])
    cols = np.concatenate(hashed) if hashed else np.zeros(0, np.int64)
    h = sparse.csr_matrix((np.full(len(cols), scale, np.float32), (rows, cols)), shape=(len(hashed), 1 << n_bits))
    return sparse.hstack([sparse.csr_matrix(dense), h], format="csr")
