"""The fast check-worthiness model: how likely a fact-checker wants a sentence checked.

A logistic regression over hashed word n-grams (with word-shape and suffix tokens, so unseen
figures and inflections still count) and a few dozen cue features: the facets of the sentence
(dates, counts, money, percentages, from :func:`factcheck.facets.extract_facets`), numbers,
comparisons, reporting verbs, first-person and opinion words, questions and length. Hashing
needs no stored vocabulary, so the saved model is a config and one ``.npz`` of weights.

Optionally (``vector_weight > 0``, chosen by grouped cross-validation) each sentence also gets
a dense vector: the SIF-weighted mean of its words' vectors in the fast tier's static word
table (:mod:`factcheck.matching.static`, distilled from the pinned MiniLM; numpy only),
multiplied by ``vector_weight``. The table is not copied: the model records its SHA-256 and
reads it from ``../matching`` beside the model or from the shipped fast tier, hash-checked.

The cue features follow what the CheckThat! and ClaimBuster papers found to separate
check-worthy sentences (Hassan et al. 2017, KDD; Nakov et al. 2018, CLEF): numbers and
named events make a sentence checkable, opinions, questions and promises do not.
"""
from __future__ import annotations

import json
import math
import re
import zlib
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from .errors import ModelError, NotFittedError, UnsafeModelError
from .types import Facet, SentenceInput
from .wrappers import strip_wrappers

MODEL_TYPE = "checkworthy-linear"
FORMAT_VERSION = 1
WEIGHTS_FILE = "weights.npz"
CONFIG_FILE = "config.json"
_ALLOWED_FILES = {CONFIG_FILE, WEIGHTS_FILE, "MODEL_CARD.md", "README.md"}

# Word lists of the cue features. Written for this model from the CheckThat! guidelines
# (what makes a claim worth checking) and checked against CT24 train errors; not exhaustive.
REPORTING = frozenset("""said says say told tells according reported reports announced announces
claimed claims stated states testified estimated estimates showed shows found finds""".split())
FIRST_PERSON = frozenset("i i'm i've i'll i'd me my mine we we're we've we'll we'd us our ours".split())
SECOND_PERSON = frozenset("you you're you've you'll your yours".split())
OPINION = frozenset("""think believe feel hope wish want love hate great terrible wonderful horrible
best worst good bad nice beautiful disgrace shame sad happy proud honored honoured pleased
frankly honestly believe agree disagree""".split())
MODALS = frozenset("will would should could can must might may shall gonna going".split())
COMPARATIVE = frozenset("""more less fewer most least highest lowest largest smallest biggest
record increase increased decrease decreased doubled tripled cut rose fell grew dropped
higher lower larger smaller bigger million billion trillion percent thousand hundred""".split())
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve
fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
trillion dozen half quarter""".split())
NEGATION = frozenset("not no never nothing none nobody n't don't didn't doesn't".split())
# Irregular past forms common in speeches; regular ones are caught by their -ed ending.
PAST = frozenset("""was were had did said got went made took gave came paid sold brought lost won
built cut left put spent told knew began became fell rose grew led sent passed voted signed
raised created killed closed opened increased decreased doubled tripled""".split())
THIRD_PERSON = frozenset("he she they it his her their them him its".split())
MONTHS = frozenset("""january february march april may june july august september october
november december""".split())
FACET_KINDS = ("date", "count", "money", "percent", "quantity", "duration")

_TOKEN = re.compile(r"[a-z0-9]+(?:['’.,][a-z0-9]+)*|[$%£€?!]")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_SHAPE = re.compile(r"\d")

#: names of the dense cue features, in column order (saved in the config and checked on load)
CUE_FEATURES = (
    *(f"facet:{k}" for k in FACET_KINDS), "facets", "digit", "year", "number_word", "month",
    "comparative", "reporting", "first_person", "second_person", "opinion", "modal", "negation",
    "question", "exclamation", "log_tokens", "short", "long", "past", "third_person",
)


def _shape(token: str) -> str:
    """Return a token's shape: digits become 0 (``1,987`` -> ``0,000``)."""
    return _SHAPE.sub("0", token)


#: scale abbreviations, read as the word they stand for: *$80M*, *€3bn*, *45 mln* say what
#: *$80 million* says, and a score must not move with the notation
_SCALE_WORD = {"m": "million", "mn": "million", "mln": "million", "b": "billion", "bn": "billion",
               "bln": "billion", "k": "thousand", "tn": "trillion"}
#: the abbreviations read as a scale without a currency before them (*3bn*, *45 mln*); *100m*
#: alone may be metres
_SPELT = frozenset(("mn", "mln", "bn", "bln"))
_SCALE_HINT = re.compile(r"\d(?:bn|mn|mln|bln|m|b|k|tn)\b|\b(?:mln|bln|bn|mn)\b")
_GLUED_SCALE = re.compile(r"(\d[\d.,]*)(bn|mn|mln|bln|m|b|k|tn)")
_CURRENCY_TOKENS = frozenset("$£€")


def _words(text: str) -> list[str]:
    low = text.lower().replace("’", "'")
    words = _TOKEN.findall(low)
    return words if _SCALE_HINT.search(low) is None else _scales_spelt(words)


def _scales_spelt(words: list[str]) -> list[str]:
    """Return the words with each scale abbreviation after a figure as its word (see :data:`_SCALE_WORD`)."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w in _SPELT and out and _DIGIT.search(out[-1]):
            out.append(_SCALE_WORD[w])
            continue
        m = _GLUED_SCALE.fullmatch(w)
        if m and (m.group(2) in _SPELT or i and words[i - 1] in _CURRENCY_TOKENS):
            out.extend((m.group(1), _SCALE_WORD[m.group(2)]))
            continue
        out.append(w)
    return out


def _terms(words: list[str]) -> list[str]:
    # words are ASCII: the sentence has a figure exactly when its words joined have a digit
    if _DIGIT.search(" ".join(words)) is None:
        terms = words
    else:
        terms = [_shape(w) if _DIGIT.search(w) else w for w in words]
    out = list(terms)
    out.extend(["~" + w[-3:] for w in terms if len(w) > 4])
    out.extend(map(" ".join, zip(terms, terms[1:])))
    return out


def analyse(text: str) -> list[str]:
    """Return the hashed terms of a sentence: words (numbers as their shape), suffixes, bigrams."""
    return _terms(_words(text))


def _hashed(term_lists: list[list[str]], n_features: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (row, column, value) of the L2-normalised term counts, hashed into n_features.

    CRC-32 is stable across processes and needs only the standard library, so scoring never
    imports scikit-learn; ``n_features`` is a power of two and the hash is masked to it.
    """
    mask = n_features - 1
    crc = zlib.crc32
    lengths = np.fromiter((len(t) for t in term_lists), dtype=np.int64, count=len(term_lists))
    total = int(lengths.sum())
    cols = np.fromiter((crc(t.encode("utf-8")) & mask for terms in term_lists for t in terms),
                       dtype=np.int64, count=total)
    rows = np.repeat(np.arange(len(term_lists), dtype=np.int64), lengths)
    keys, counts = np.unique(rows * n_features + cols, return_counts=True)
    rows, cols = keys // n_features, keys % n_features
    counts = counts.astype(np.float64)
    norms = np.sqrt(np.bincount(rows, weights=counts * counts, minlength=len(term_lists)))
    return rows, cols, counts / norms[rows]


class CheckworthyClassifier:
    """Score sentences in [0, 1] by how likely a fact-checker wants them checked.

    Follows the scikit-learn estimator contract: ``__init__`` only stores its keyword
    parameters; ``fit`` learns ``coef_``, ``intercept_`` and ``classes_``; ``predict_proba``
    columns follow ``classes_ == [0, 1]``. ``shift`` is added to the decision value before the
    logistic function: it puts the threshold chosen by grouped cross-validation on the training
    data at 0.5 (:func:`factcheck.checkworthy_cv.select_settings`).

    Every sentence is read through :func:`factcheck.wrappers.strip_wrappers` and lower-cased,
    and no feature looks at quotation marks, speaker tags or letter case, so wrapping a
    sentence in quotes or a transcript's markup does not move its score.
    """

    def __init__(self, *, C: float = 1.0, n_features: int = 2 ** 20, cue_weight: float = 1.0,
                 vector_weight: float = 0.0, class_weight: str | None = "balanced", shift: float = 0.0,
                 max_iter: int = 3000, random_state: int = 0):
        self.C = C
        self.n_features = n_features
        self.cue_weight = cue_weight
        self.vector_weight = vector_weight
        self.class_weight = class_weight
        self.shift = shift
        self.max_iter = max_iter
        self.random_state = random_state

    # -- scikit-learn plumbing -------------------------------------------------------------
    def get_params(self, deep: bool = True) -> dict:
        """Return the keyword parameters given to ``__init__``."""
        return {k: getattr(self, k) for k in ("C", "n_features", "cue_weight", "vector_weight",
                                              "class_weight", "shift", "max_iter", "random_state")}

    def set_params(self, **params) -> "CheckworthyClassifier":
        """Return self with the given keyword parameters replaced."""
        for k, v in params.items():
            if k not in self.get_params():
                raise ValueError(f"unknown parameter {k!r}")
            setattr(self, k, v)
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"CheckworthyClassifier({args})"

    # -- features ---------------------------------------------------------------------------
    def _table(self):
        """Return the static word table the sentence vectors come from (None without vectors):
        the one the model was fitted with (``table_``), else the shipped fast tier's."""
        if not self.vector_weight:
            return None
        table = getattr(self, "table_", None)
        if table is None:
            table = self.table_ = static_table(None, getattr(self, "static_sha256_", None))
        return table

    def _parts(self, X: Sequence[SentenceInput | str]):
        """Return the hashed terms (row, column, value), the cue features of X and the sentence
        vectors times ``vector_weight`` (None without vectors)."""
        texts = [_clean(x) for x in X]  # stripping wrappers is the dearest step: once per sentence
        words = [_words(t) for t in texts]
        hashed = _hashed([_terms(w) for w in words], self.n_features)
        cues = cue_features(X, words, texts) * np.float32(self.cue_weight)
        table = self._table()
        vectors = None if table is None else sentence_vectors(table, texts) * np.float32(self.vector_weight)
        return hashed, cues, vectors

    def transform(self, X: Sequence[SentenceInput | str]):
        """Return the feature matrix (sparse CSR) of the sentences X: hashed terms, cue
        features, then (with ``vector_weight``) the weighted sentence vector."""
        import scipy.sparse as sp
        (rows, cols, vals), cues, vectors = self._parts(X)
        hashed = sp.csr_matrix((vals, (rows, cols)), shape=(len(X), self.n_features), dtype=np.float64)
        blocks = [hashed, sp.csr_matrix(cues.astype(np.float64))]
        if vectors is not None:
            blocks.append(sp.csr_matrix(vectors.astype(np.float64)))
        return sp.hstack(blocks, format="csr")

    # -- fit / predict ----------------------------------------------------------------------
    def fit(self, X: Sequence[SentenceInput | str], y: Iterable[int]) -> "CheckworthyClassifier":
        """Learn the weights from sentences X and 0/1 labels y; return self."""
        y = np.asarray(list(y), dtype=np.int64)
        if self.n_features < 2 or self.n_features & (self.n_features - 1):
            raise ValueError(f"n_features must be a power of two, not {self.n_features}")
        if len(X) != len(y):
            raise ValueError(f"X has {len(X)} sentences but y has {len(y)} labels")
        if not set(np.unique(y)) <= {0, 1} or len(np.unique(y)) < 2:
            raise ValueError("y must hold both labels 0 and 1")
        return self.fit_matrix(self.transform(X), y)

    def fit_matrix(self, F, y) -> "CheckworthyClassifier":
        """Learn the weights from a feature matrix made by :meth:`transform`; return self."""
        from sklearn.linear_model import LogisticRegression
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                                random_state=self.random_state)
        lr.fit(F, np.asarray(y, dtype=np.int64))
        self.coef_ = lr.coef_[0].astype(np.float32)
        table = self._table()
        self.static_sha256_ = None if table is None else table.sha256
        self.intercept_ = float(lr.intercept_[0])
        self.classes_ = np.array([0, 1])
        return self

    def decision_matrix(self, F) -> np.ndarray:
        """Return the decision values of the rows of a feature matrix made by :meth:`transform`."""
        return np.asarray(F @ self.coef_.astype(np.float64)).ravel() + self.intercept_ + self.shift

    def decision_function(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return the calibrated decision values (log-odds) of the sentences X."""
        if not hasattr(self, "coef_"):
            raise NotFittedError("this CheckworthyClassifier is not fitted: call fit(X, y) or load(directory) first")
        if len(X) == 0:
            return np.zeros(0, dtype=np.float64)
        (rows, cols, vals), cues, vectors = self._parts(X)
        coef = self.coef_
        z = np.bincount(rows, weights=vals * coef[cols], minlength=len(X)).astype(np.float64)
        end = self.n_features + len(CUE_FEATURES)
        z += cues.astype(np.float64) @ coef[self.n_features:end].astype(np.float64)
        if vectors is not None:
            z += vectors.astype(np.float64) @ coef[end:].astype(np.float64)
        z += self.intercept_ + self.shift
        return z

    def predict_proba(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return an (n, 2) array: P(not check-worthy), P(check-worthy) per sentence."""
        z = self.decision_function(X)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return 0/1 per sentence: 1 where the score is at least 0.5."""
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(np.int64)

    # -- persistence ------------------------------------------------------------------------
    def save(self, directory: str | Path) -> Path:
        """Write ``config.json`` and ``weights.npz`` (no pickle) to directory; return it."""
        if not hasattr(self, "coef_"):
            raise NotFittedError("this CheckworthyClassifier is not fitted: fit it before saving")
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        nz = np.flatnonzero(self.coef_).astype(np.int32)
        config = {"type": MODEL_TYPE, "format_version": FORMAT_VERSION, "params": self.get_params(),
                  "intercept": self.intercept_, "n_weights": int(self.coef_.shape[0]),
                  "cue_features": list(CUE_FEATURES), "weights": WEIGHTS_FILE}
        if self.vector_weight:
            config["static_sha256"] = self.static_sha256_
        extra = getattr(self, "info_", None)
        if extra:
            config["info"] = extra
        (directory / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        # Only the weights of hashed terms seen in training are non-zero: store those.
        np.savez_compressed(directory / WEIGHTS_FILE, index=nz, value=self.coef_[nz])
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "CheckworthyClassifier":
        """Return the model saved in directory; refuse any file but its own JSON and .npz."""
        directory = require_own_files(directory, _ALLOWED_FILES, f"a checkworthy model is only {CONFIG_FILE} "
                                      f"and {WEIGHTS_FILE}")
        from .models import read_config

        config = read_config(directory, MODEL_TYPE, filename=CONFIG_FILE, what="checkworthy model")
        if config.get("cue_features") != list(CUE_FEATURES):
            raise ModelError(f"{directory} was trained with other cue features; retrain it with "
                             "`factcheck train`")
        try:
            with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as npz:
                index, value = npz["index"], npz["value"]
        except FileNotFoundError:
            raise ModelError(f"{directory} has no {WEIGHTS_FILE}; retrain the model") from None
        except (ValueError, KeyError, OSError) as exc:
            raise ModelError(f"{directory / WEIGHTS_FILE} is not a checkworthy weights file ({exc})") from None
        try:
            model = cls(**config["params"])
        except TypeError as exc:
            raise ModelError(f"{directory / CONFIG_FILE} has unknown parameters ({exc}); retrain the model") from None
        dim = 0
        if model.vector_weight:
            if not isinstance(config.get("static_sha256"), str):
                raise ModelError(f"{directory / CONFIG_FILE} reads sentence vectors but records no static word "
                                 "table hash; retrain the model")
            model.static_sha256_ = config["static_sha256"]
            model.table_ = static_table(directory, model.static_sha256_)
            dim = model.table_.dimension
        n = int(config["n_weights"])
        if (n != model.n_features + len(CUE_FEATURES) + dim
                or (index.size and (index.min() < 0 or index.max() >= n))):
            raise ModelError(f"{directory / WEIGHTS_FILE} does not match its config; retrain the model")
        coef = np.zeros(n, dtype=np.float32)
        coef[index] = value
        model.coef_ = coef
        model.intercept_ = float(config["intercept"])
        model.classes_ = np.array([0, 1])
        if config.get("head") is not None:
            raise ModelError(f"{directory} carries a news head, which this version no longer has; "
                             "retrain it with `factcheck train`")
        if "info" in config:
            model.info_ = config["info"]
        return model


def static_table(model_dir: str | Path | None, sha256: str | None):
    """Return the static word table (:class:`factcheck.matching.static.StaticTable`) a model
    in ``model_dir`` reads: the one in ``model_dir/../matching`` when that holds a table, else
    the shipped fast tier's; each file's SHA-256 is checked against its ``static.json`` and the
    vectors' against ``sha256`` (the hash the model was fitted with) when given. ModelError if
    there is none or it is another table."""
    from .matching.static import load_table, table_folder
    from .models import models_dir

    places = ([Path(model_dir).resolve().parent / "matching"] if model_dir is not None else [])
    places.append(models_dir() / "fast" / "matching")
    folder = table_folder(*places)
    if folder is not None:
        return load_table(folder, sha256=sha256)
    raise ModelError("the check-worthiness model reads sentence vectors, but no static word table was found "
                     f"(looked in {', '.join(map(str, places))}); rebuild it with "
                     "'factcheck train --task static-vectors'")


def sentence_vectors(table: Any, texts: Sequence[str]) -> np.ndarray:
    """Return the (n, dimension) float32 unit vectors of normalised sentence texts (those of
    ``_clean``): the SIF-weighted mean of their words' static vectors, zero for no known word."""
    from .matching.text import words
    return table.embed([words(_scales_in_text(t)) for t in texts])


def _scales_in_text(text: str) -> str:
    """Return ``text`` with each scale abbreviation after a figure as its word, as the hashed terms
    read it (:func:`_words`): *£5m* and *£5 million* must give the same sentence vector too."""
    return text if _SCALE_HINT.search(text.lower().replace("’", "'")) is None else " ".join(_words(text))


def require_own_files(directory: str | Path, allowed: set[str], what: str) -> Path:
    """Return ``directory`` as a Path if it is a folder holding no file outside ``allowed``;
    ModelError if it is no folder, UnsafeModelError naming the strangers (``what`` says what
    the folder should hold)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ModelError(f"{directory} is not a directory; give the folder the model was saved to")
    strangers = sorted(p.name for p in directory.iterdir() if p.name not in allowed)
    if strangers:
        raise UnsafeModelError(f"{directory} holds {', '.join(strangers)}: {what}; remove the other files")
    return directory


# -- cue features ------------------------------------------------------------------------------
def _text(x: SentenceInput | str) -> str:
    return x if isinstance(x, str) else x.text


def _clean(x: SentenceInput | str) -> str:
    """Return the text the model reads: the sentence without wrappers, lower-cased."""
    return strip_wrappers(_text(x)).lower()


try:  # the facet extractor is another part of factcheck; the model works without it
    from .facets import extract_facets as _extract_facets
except ImportError:  # pragma: no cover - only while the facets package is missing
    _extract_facets = None

_FALLBACK_FACETS = (
    ("percent", re.compile(r"\d\s*(?:%|percent\b|per cent\b|percentage points?\b)", re.I)),
    ("money", re.compile(r"[$£€]\s?\d|\d\s*(?:dollars|dlrs|euros|pounds)\b", re.I)),
    ("date", re.compile(r"\b(?:1[6-9]|20)\d\d\b|\b(?:" + "|".join(MONTHS) + r")\s+\d", re.I)),
    ("count", re.compile(r"\b\d[\d,.]*\s+(?:million\s+|billion\s+)?[a-z]{3,}", re.I)),
)


def facets_of(x: SentenceInput | str) -> tuple[Facet, ...] | tuple[str, ...]:
    """Return the facets of a sentence: those it carries, else found by ``extract_facets``
    (or, without that, the facet kinds a few patterns see). The model asks with the
    lower-cased text without wrappers, so that letter case cannot change what is found."""
    if not isinstance(x, str) and x.facets:
        return x.facets
    if _extract_facets is not None:
        try:
            if isinstance(x, str):
                return tuple(_extract_facets(x))
            return tuple(_extract_facets(x.doc_text, x.start, x.end, published=x.published))
        except Exception:  # noqa: BLE001 - a facet bug must not stop scoring; the patterns stand in
            pass
    text = _text(x)
    return tuple(kind for kind, pattern in _FALLBACK_FACETS if pattern.search(text))


#: word list -> (its column, whether its count saturates at 3 (True) or is present/absent)
_LISTS = (
    (NUMBER_WORDS, "number_word", False), (MONTHS - {"may", "march"}, "month", False),
    (COMPARATIVE, "comparative", True), (REPORTING, "reporting", False),
    (FIRST_PERSON, "first_person", True), (SECOND_PERSON, "second_person", True),
    (OPINION, "opinion", True), (MODALS, "modal", True), (NEGATION, "negation", True),
    (PAST, "past", True), (THIRD_PERSON, "third_person", True),
)
_COLUMN = {name: i for i, name in enumerate(CUE_FEATURES)}
_LEXICON: dict[str, tuple[int, ...]] = {}
for _vocab, _name, _ in _LISTS:
    for _w in _vocab:
        _LEXICON[_w] = _LEXICON.get(_w, ()) + (_COLUMN[_name],)
_SATURATING = np.array([_COLUMN[name] for _, name, sat in _LISTS if sat])
_BINARY = np.array([_COLUMN[name] for _, name, sat in _LISTS if not sat])


def cue_features(X: Sequence[SentenceInput | str], words: list[list[str]] | None = None,
                 texts: list[str] | None = None) -> np.ndarray:
    """Return an (n, len(CUE_FEATURES)) array of the cue features of the sentences X (``words``
    and ``texts``, when given, are the ``_words`` and ``_clean`` of each, already computed)."""
    out = np.zeros((len(X), len(CUE_FEATURES)), dtype=np.float32)
    col = _COLUMN
    for i, x in enumerate(X):
        text = texts[i] if texts is not None else _clean(x)
        ws = words[i] if words is not None else _words(text)
        row = out[i]
        facets = x.facets if not isinstance(x, str) and x.facets else facets_of(text)
        for f in facets:
            c = col.get("facet:" + (f if isinstance(f, str) else f.kind))
            if c is not None:
                row[c] = 1.0
        row[col["facets"]] = min(len(facets), 3)
        counts: dict[int, int] = {}
        past = _COLUMN["past"]
        for w in ws:
            for c in _LEXICON.get(w, ()):
                counts[c] = counts.get(c, 0) + 1
            if len(w) > 4 and w.endswith("ed"):
                counts[past] = counts.get(past, 0) + 1
        for c, k in counts.items():
            row[c] = k
        row[col["digit"]] = _DIGIT.search(text) is not None
        row[col["year"]] = _YEAR.search(text) is not None
        row[col["question"]] = "?" in text
        row[col["exclamation"]] = "!" in text
        n = max(len(ws), 1)
        row[col["log_tokens"]] = math.log1p(n) / 4.0
        row[col["short"]] = n <= 6
        row[col["long"]] = n >= 30
    # A saturating count: one opinion word matters, the fifth adds little.
    out[:, _SATURATING] = np.minimum(out[:, _SATURATING], 3) / 3.0
    out[:, _BINARY] = np.minimum(out[:, _BINARY], 1)
    out[:, col["facets"]] /= 3.0
    return out


# -- training -----------------------------------------------------------------------------------
#: fixed hyper-parameters of the shipped model; ``C``, the training sets and the threshold are
#: chosen by grouped cross-validation (:func:`factcheck.checkworthy_cv.select_settings`)
TRAINING: dict[str, Any] = {"C": 1.0, "cue_weight": 1.0, "n_features": 2 ** 20, "vector_weight": 0.0}


def fit_final(sets: dict[str, list], chosen: dict, *, seed: int = 0) -> CheckworthyClassifier:
    """Return the model fitted on every row of the chosen training sets with the chosen ``C``
    and threshold (``shift``), as :func:`train_checkworthy` ships it."""
    from .checkworthy_cv import pooled
    names = [n for n in sets if chosen["clef2019"] or n != "clef2019"]
    X, y, _, _ = pooled(sets, names)
    clf = CheckworthyClassifier(**{**TRAINING, "C": chosen["C"], "vector_weight": chosen.get("vector_weight", 0.0)},
                                random_state=seed).fit(X, y)
    clf.shift = round(float(chosen["shift"]), 4)
    clf.info_ = {"trained_on": {n: len(sets[n]) for n in names},
                 "chosen_by": f"{chosen.get('folds', '?')}-fold cross-validation grouped by debate or article "
                              "on the training sets (factcheck.checkworthy_cv)",
                 "chosen": {k: chosen[k] for k in ("C", "vector_weight", "clef2019", "shift") if k in chosen},
                 "seed": seed}
    if "trials" in chosen:
        clf.info_["cross_validation"] = {"trials": chosen["trials"],
                                         "tfidf_baseline_ct24_train": chosen["tfidf_baseline_ct24_train"]}
    return clf


def train_checkworthy(shared_data_dir: Path | str | None, *, seed: int = 0, datasets_dir: Path | str | None = None,
                      log=None, grid: dict[str, tuple] | None = None) -> CheckworthyClassifier:
    """Return the shipped fast check-worthiness model, rebuilt from the shared data and the
    project's own data sets (``<repo>/datasets``, or ``datasets_dir``).

    Reads the training sets (CT24 train, ClaimBuster, CLEF-2019, the own news-style sets; none
    holds a sentence of CT24 dev or dev-test), chooses ``C``, the sets and the threshold by
    grouped cross-validation (:func:`factcheck.checkworthy_cv.select_settings`), then fits on
    all of the chosen sets (:func:`fit_final`). Deterministic for a given seed. ``grid`` replaces
    :data:`factcheck.checkworthy_cv.GRID` (``VECTOR_GRID`` also tries the static sentence vectors).
    """
    from .checkworthy_cv import select_settings, training_sets
    sets = training_sets(shared_data_dir, datasets_dir)
    return fit_final(sets, select_settings(sets, seed=seed, log=log, grid=grid), seed=seed)


# -- evaluation ---------------------------------------------------------------------------------
def binary_scores(y_true: Sequence[int], scores: Sequence[float], threshold: float = 0.5) -> dict:
    """Return F1, precision and recall of the positive class at the threshold, and average
    precision of the ranking, as a dict of floats."""
    y = np.asarray(y_true, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    pred = s >= threshold
    tp = int(np.sum(pred & y))
    precision = tp / max(int(pred.sum()), 1)
    recall = tp / max(int(y.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # average precision as scikit-learn defines it: precision at each positive, ties grouped
    order = np.argsort(-s, kind="mergesort")
    s_sorted, y_sorted = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s_sorted)), len(s) - 1] if len(s) else np.array([], dtype=int)
    tps = np.cumsum(y_sorted)[last]
    prec = tps / (last + 1)
    rec_gain = np.diff(np.r_[0, tps]) / max(int(y.sum()), 1)
    ap = float(np.sum(prec * rec_gain))
    return {"f1": f1, "precision": precision, "recall": recall, "average_precision": ap,
            "n": int(len(y)), "positives": int(y.sum())}


def evaluate_checkworthy(model: Any, shared_data_dir: Path | str | None = None, *, dev_test: bool = False) -> dict:
    """Return the scores of a check-worthiness model on CT24 dev (and dev-test, only when
    ``dev_test``: it is read once, for the closing figures) and on the gold sentences of
    news-dev and the seed article (with the sentence before each, from its article)."""
    from .datasets.checkworthy import read_ct24_split, read_news_checkable
    out = {}
    for split in ("dev", "dev-test") if dev_test else ("dev",):
        rows = read_ct24_split(split, shared_data_dir)
        proba = model.predict_proba([r.text for r in rows])[:, 1]
        out[f"ct24/{split}"] = binary_scores([r.label for r in rows], proba)
    for name in ("news-dev", "seed"):
        inputs, labels = read_news_checkable(shared_data_dir, name)
        out[name] = binary_scores(labels, model.predict_proba(inputs)[:, 1])
    return out


def measure_speed(directory: Path | str, sentences: Sequence[SentenceInput | str], *,
                  repeat: int = 3) -> dict:
    """Return the seconds to load the model in directory and the sentences per second it
    scores in one batch (the best of ``repeat`` runs)."""
    import time

    from .models import load_component
    t0 = time.perf_counter()
    model = load_component(directory)
    load_s = time.perf_counter() - t0
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        model.predict_proba(sentences)
        best = min(best, time.perf_counter() - t0)
    return {"load_seconds": load_s, "sentences": len(sentences), "sentences_per_second": len(sentences) / best}


def score_shifts(model: Any, sentences: Sequence[str]) -> dict[str, np.ndarray]:
    """Return, per wrapper of :data:`factcheck.wrappers.WRAPPERS`, how far each sentence's
    score moves when it is wrapped (absolute change of P(check-worthy))."""
    from .wrappers import WRAPPERS
    base = model.predict_proba(list(sentences))[:, 1]
    return {name: np.abs(model.predict_proba([wrap(s) for s in sentences])[:, 1] - base)
            for name, wrap in WRAPPERS.items()}


def wrapper_shifts(model: Any, shared_data_dir: Path | str | None = None, *, n: int = 300, seed: int = 11) -> dict:
    """Return the mean and largest score change under each wrapper, and over all of them
    (``all``), on ``n`` sentences of CT24 train drawn with ``seed``."""
    import random

    from .datasets.checkworthy import read_ct24_split
    rows = read_ct24_split("train", shared_data_dir)
    sentences = [r.text for r in random.Random(seed).sample(rows, min(n, len(rows)))]
    shifts = score_shifts(model, sentences)
    out = {k: {"mean": float(v.mean()), "max": float(v.max())} for k, v in shifts.items()}
    every = np.concatenate(list(shifts.values()))
    quotes = np.concatenate([v for k, v in shifts.items() if "quote" in k])
    out["quotes"] = {"mean": float(quotes.mean()), "max": float(quotes.max())}
    out["all"] = {"mean": float(every.mean()), "max": float(every.max())}
    return out
