"""Building the fast tier's static word table from the pinned MiniLM encoder (needs torch: the
``[embeddings]`` extra; running the table needs numpy only, see :mod:`.static`).

The recipe is model2vec's distillation with a learned step, as its *tokenlearn* does
(Tulkens & van Dongen 2024):

1. Vocabulary: every word (:func:`.text.words`) of the verified claims' texts and titles and of
   the CT20 train posts, and the words seen twice or more in other training text (LIAR train
   statements, CheckThat! 2024 train sentences). Never dev or test text.
2. A first vector per word: the encoder's reading of the word alone (mean of its last layer),
   centred and scaled to unit length.
3. A weight per word, SIF's a / (a + p(word)) (Arora et al. 2017) with p from the claims' and
   train posts' word counts; function words weigh nothing, as for BM25.
4. Distillation: the vectors are trained (Adam) so that the weighted sum of a text's words has
   the highest cosine with the encoder's own embedding of that text, over the claims' texts
   and titles and the other training text (not the posts, so that cross-validation over the
   train posts stays fair). One tenth of the texts is held out to watch the fit.

The choices were made on train data: the number of epochs by the held-out tenth's cosine, the
rest (distillation against contextual means or words alone, whitening, dimension, weighting) by
cross-validated MAP@5 on CT20 train; see ``models/fast/matching/MODEL_CARD.md``.
"""
from __future__ import annotations

import collections
import datetime as _dt
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .static import write_table
from .text import STOPWORDS, clean, words

#: SIF's smoothing: words more frequent than about 1 in 1,000 weigh less than a half
SIF_A = 1e-3
#: passes over the texts: the held-out cosine peaked at 2 (0.810; 0.804 after 6) on CT20's
EPOCHS = 2
LEARNING_RATE = 0.01
BATCH = 256
#: the largest absolute value of the stored table (float16 keeps 3 digits anywhere below 65,504)
SCALE = 8.0


def vocabulary(core: collections.Counter, extra: collections.Counter, min_extra: int = 2) -> list[str]:
    """Return the table's words: all of ``core``'s, and ``extra``'s seen ``min_extra`` times or more, sorted."""
    return sorted(set(core) | {w for w, n in extra.items() if n >= min_extra})


def sif_weights(vocab: Sequence[str], counts: collections.Counter, a: float = SIF_A) -> np.ndarray:
    """Return a / (a + p(word)) per word (p from ``counts``, one added to each), 0 for function
    words and one-letter words."""
    n = np.array([counts.get(w, 0) for w in vocab], dtype=np.float64) + 1.0
    weights = a / (a + n / n.sum())
    weights[[i for i, w in enumerate(vocab) if w in STOPWORDS or len(w) < 2]] = 0.0
    return weights.astype(np.float32)


def distil(start: np.ndarray, weights: np.ndarray, bags: Sequence[Sequence[int]], targets: np.ndarray, *,
           epochs: int = EPOCHS, lr: float = LEARNING_RATE, seed: int = 0,
           log: Callable[[str], None] = print) -> np.ndarray:
    """Return the word vectors trained from ``start`` so that each bag's weighted sum points
    where its target does (mean cosine), one tenth of the bags held out to report the fit."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    keep = np.array([i for i, b in enumerate(bags) if len(b)], dtype=np.int64)
    order = rng.permutation(keep)
    held, fit = order[: len(order) // 10], order[len(order) // 10:]
    target = torch.from_numpy(np.asarray(targets, dtype=np.float32))
    vectors = torch.nn.Parameter(torch.from_numpy(np.asarray(start, dtype=np.float32)).clone())
    w = weights.astype(np.float32)

    def batch(rows):
        flat = np.concatenate([np.asarray(bags[i], dtype=np.int64) for i in rows])
        offsets = np.cumsum([0] + [len(bags[i]) for i in rows[:-1]])
        return torch.from_numpy(flat), torch.from_numpy(offsets), torch.from_numpy(w[flat])

    def cosine(rows) -> float:
        if not len(rows):
            return float("nan")
        with torch.no_grad():
            out = []
            for s in range(0, len(rows), 4096):
                part = rows[s: s + 4096]
                ids, offsets, pw = batch(part)
                sums = F.embedding_bag(ids, vectors, offsets, mode="sum", per_sample_weights=pw)
                out.append(F.cosine_similarity(sums, target[part]))
            return float(torch.cat(out).mean())

    log(f"static table: distilling on {len(fit):,} texts, {len(held):,} held out (cosine {cosine(held):.4f})")
    opt = torch.optim.Adam([vectors], lr=lr)
    for epoch in range(epochs):
        started = time.monotonic()
        for s in range(0, len(fit), BATCH):
            rows = fit[s: s + BATCH]
            ids, offsets, pw = batch(rows)
            sums = F.embedding_bag(ids, vectors, offsets, mode="sum", per_sample_weights=pw)
            loss = (1 - F.cosine_similarity(sums, target[rows])).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        fit = rng.permutation(fit)
        log(f"static table: epoch {epoch + 1}/{epochs}, held-out cosine {cosine(held):.4f} "
            f"({time.monotonic() - started:.0f} s)")
    return vectors.detach().numpy()


def training_text(data: str | Path | None = None
                  ) -> tuple[list[str], collections.Counter, collections.Counter]:
    """Return (the texts to distil on: the verified claims' texts and titles, LIAR train
    statements, CT24 train sentences; the word counts of the claims and CT20 train posts; the
    word counts of the other training text)."""
    from ..datasets.checkworthy import read_ct24_split
    from ..datasets.liar import read_liar
    from .train import default_data, read_ct20

    root = Path(data) if data is not None else default_data()
    claims, splits = read_ct20(root)
    texts = [clean(c.text, signature=False) for c in claims] + [c.title for c in claims if c.title]
    core: collections.Counter = collections.Counter()
    for text in texts + [clean(q.text, signature=False) for q in splits["train"][0]]:
        core.update(words(text))
    other: list[str] = []
    liar = root / "verdicts" / "liar" / "train.tsv"
    if liar.is_file():
        other += [s.statement for _, s in read_liar(liar) if not isinstance(s, Exception)]
    if (root / "checkworthy" / "ct24" / "train.tsv").is_file():
        other += [s.text for s in read_ct24_split("train", root)]
    extra = collections.Counter(w for text in other for w in words(text))
    return list(dict.fromkeys(t for t in texts + other if t.strip())), core, extra


def build_table(output: str | Path, texts: Sequence[str], core: collections.Counter,
                extra: collections.Counter | None = None, *, encoder=None, epochs: int = EPOCHS,
                a: float = SIF_A, log: Callable[[str], None] = print, **meta) -> Path:
    """Build the table from the texts and word counts with the encoder (``encoder``: an object
    with ``encode(texts)`` and the :class:`~factcheck.embeddings.MiniLM` as ``_model``; the
    pinned one when None) and write it to ``output``; return the folder."""
    if encoder is None:
        from ..embeddings import shared_encoder

        encoder = shared_encoder()
    vocab = vocabulary(core, extra or collections.Counter())
    if not vocab:
        raise ValueError("no words to build a static table from")
    log(f"static table: encoding {len(vocab):,} words alone")
    alone = np.asarray(encoder._model.encode(list(vocab), normalise=False), dtype=np.float64)
    start = alone - alone.mean(axis=0)
    start /= np.maximum(np.linalg.norm(start, axis=1, keepdims=True), 1e-9)
    weights = sif_weights(vocab, core, a)
    log(f"static table: encoding {len(texts):,} texts")
    targets = encoder.encode(list(texts))
    index = {w: i for i, w in enumerate(vocab)}
    bags = [sorted({index[w] for w in words(t) if w in index and weights[index[w]] > 0}) for t in texts]
    vectors = distil(start, weights, bags, targets, epochs=epochs, log=log)
    top = float(np.abs(vectors).max()) or 1.0
    log(f"static table: {len(vocab):,} words, {vectors.shape[1]} dimensions")
    return write_table(output, vocab, vectors * (SCALE / top), weights,
                       method="words alone, distilled to the encoder's text embeddings; SIF weights",
                       sif_a=a, epochs=epochs, texts=len(texts), built=_dt.date.today().isoformat(), **meta)


def build_static(output: str | Path, *, data: str | Path | None = None, log: Callable[[str], None] = print,
                 **options) -> Path:
    """Build the shipped table from the shared data (see the module's recipe) into ``output``."""
    texts, core, extra = training_text(data)
    return build_table(output, texts, core, extra, log=log,
                       built_from="CT20 verified claims (texts, titles) and train posts; LIAR train; CT24 train",
                       **options)
