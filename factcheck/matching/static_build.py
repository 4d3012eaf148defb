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
#: whether the table holds WordPiece pieces for the words outside it, and the share of words read as
#: their pieces when distilling. Not in the shipped table: cross-validated MAP@5 on CT20 train did
#: not beat the words alone (0.891 against 0.892; see models/fast/matching/MODEL_CARD.md)
PIECES = False
#: whether every word of the CT20 train posts joins the vocabulary (they keep their start vector:
#: the posts are not distilled on); without them, a post's word outside the claims is read as pieces
POST_WORDS = True
PIECE_SHARE = 0.3
PIECES_AFTER = False
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


def distil(start: np.ndarray, weights: np.ndarray, bags: Sequence, targets: np.ndarray, *,
           epochs: int = EPOCHS, lr: float = LEARNING_RATE, seed: int = 0, groups: Sequence[int] | None = None,
           frozen: int = 0, log: Callable[[str], None] = print) -> np.ndarray:
    """Return the word vectors trained from ``start`` so that each bag's weighted sum points
    where its target does (mean cosine), one tenth of the bags held out to report the fit.

    A bag is a list of rows (each weighing ``weights[row]``) or a pair (rows, their weights);
    ``targets`` has one row per bag. Bags of one ``groups`` value (the same text read two ways)
    are held out together. The first ``frozen`` rows are kept as they start."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    w = weights.astype(np.float32)
    rows_of = [np.asarray(b[0] if isinstance(b, tuple) else b, dtype=np.int64) for b in bags]
    weights_of = [np.asarray(b[1], dtype=np.float32) if isinstance(b, tuple) else w[r] for b, r in zip(bags, rows_of)]
    keep = np.array([i for i, b in enumerate(rows_of) if len(b)], dtype=np.int64)
    group = np.asarray(groups if groups is not None else np.arange(len(bags)))
    names = rng.permutation(np.unique(group[keep]))
    held_names = set(names[: len(names) // 10].tolist())
    is_held = np.array([group[i] in held_names for i in keep], dtype=bool)
    held, fit = keep[is_held], rng.permutation(keep[~is_held])
    target = torch.from_numpy(np.asarray(targets, dtype=np.float32))
    vectors = torch.nn.Parameter(torch.from_numpy(np.asarray(start, dtype=np.float32)).clone())
    if frozen:
        vectors.register_hook(lambda grad: torch.cat([torch.zeros_like(grad[:frozen]), grad[frozen:]]))

    def batch(rows):
        flat = np.concatenate([rows_of[i] for i in rows])
        offsets = np.cumsum([0] + [len(rows_of[i]) for i in rows[:-1]])
        pw = np.concatenate([weights_of[i] for i in rows])
        return torch.from_numpy(flat), torch.from_numpy(offsets), torch.from_numpy(pw)

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


def training_text(data: str | Path | None = None, *, post_words: bool = POST_WORDS
                  ) -> tuple[list[str], collections.Counter, collections.Counter]:
    """Return (the texts to distil on: the verified claims' texts and titles, LIAR train
    statements, CT24 train sentences; the word counts of the claims and (with ``post_words``)
    CT20 train posts; the word counts of the other training text)."""
    from ..datasets.checkworthy import read_ct24_split
    from ..datasets.liar import read_liar
    from .train import default_data, read_ct20

    root = Path(data) if data is not None else default_data()
    claims, splits = read_ct20(root)
    texts = [clean(c.text, signature=False) for c in claims] + [c.title for c in claims if c.title]
    core: collections.Counter = collections.Counter()
    posts = [clean(q.text, signature=False) for q in splits["train"][0]] if post_words else []
    for text in texts + posts:
        core.update(words(text))
    other: list[str] = []
    liar = root / "verdicts" / "liar" / "train.tsv"
    if liar.is_file():
        other += [s.statement for _, s in read_liar(liar) if not isinstance(s, Exception)]
    if (root / "checkworthy" / "ct24" / "train.tsv").is_file():
        other += [s.text for s in read_ct24_split("train", root)]
    extra = collections.Counter(w for text in other for w in words(text))
    return list(dict.fromkeys(t for t in texts + other if t.strip())), core, extra


def piece_vocabulary(word_list: Sequence[str], token_vocab: Sequence[str]) -> list[str]:
    """Return the WordPiece pieces (of the encoder's ``token_vocab``) the words are split into,
    and every one-character piece (so that any word of known characters can still be spelt), sorted."""
    from .wordpiece import UNKNOWN, WordPiece, basic_split

    wp = WordPiece(token_vocab)
    chars = {t for t in token_vocab if len(t) == 1 or (len(t) == 3 and t.startswith("##"))}
    return sorted(({p for w in word_list for part in basic_split(w) for p in wp.split_word(part)} | chars) - {UNKNOWN})


def pieces_alone(encoder, pieces: Sequence[str], batch: int = 512) -> np.ndarray:
    """Return the encoder's reading of each WordPiece piece alone ([CLS] piece [SEP], mean of the
    last layer, not normalised), as a word alone is read."""
    import torch

    model = encoder._model
    vocab = model.tokenizer.get_vocab()
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    ids = np.array([[cls, vocab[p], sep] for p in pieces], dtype=np.int64).reshape(-1, 3)
    out = np.zeros((len(pieces), model.hidden), dtype=np.float32)
    with torch.inference_mode():
        for s in range(0, len(pieces), batch):
            x = torch.from_numpy(ids[s: s + batch])
            out[s: s + batch] = model.mean_pooled(x, torch.ones_like(x)).float().numpy()
    return out


def build_table(output: str | Path, texts: Sequence[str], core: collections.Counter,
                extra: collections.Counter | None = None, *, encoder=None, epochs: int = EPOCHS,
                a: float = SIF_A, pieces: bool = PIECES, piece_share: float = PIECE_SHARE,
                pieces_after: bool = PIECES_AFTER,
                targets: np.ndarray | None = None, log: Callable[[str], None] = print, **meta) -> Path:
    """Build the table from the texts and word counts with the encoder (``encoder``: an object
    with ``encode(texts)`` and the :class:`~factcheck.embeddings.MiniLM` as ``_model``; the
    pinned one when None) and write it to ``output``; return the folder.

    With ``pieces`` the table also holds a row per WordPiece piece of the encoder's vocabulary
    that the texts' words are made of (named ``#piece``), read for words outside the table; each
    text is then also distilled a second time with ``piece_share`` of its words (drawn at random)
    read as their pieces, so that pieces learn to stand in for words (with ``pieces_after``: the
    words are distilled first, alone, then the pieces on those second readings with the words
    kept fixed). ``targets``: the encoder's
    embeddings of ``texts`` when already computed."""
    from .static import PIECE
    from .wordpiece import basic_split

    if encoder is None:
        from ..embeddings import shared_encoder

        encoder = shared_encoder()
    vocab = vocabulary(core, extra or collections.Counter())
    if not vocab:
        raise ValueError("no words to build a static table from")
    log(f"static table: encoding {len(vocab):,} words alone")
    alone = np.asarray(encoder._model.encode(list(vocab), normalise=False), dtype=np.float64)
    weights = sif_weights(vocab, core, a)
    piece_list: list[str] = []
    if pieces:
        token_vocab = encoder._model.tokenizer.get_vocab()
        text_words = {w for t in texts for w in words(t)}
        piece_list = piece_vocabulary(sorted(text_words | set(vocab)), list(token_vocab))
        log(f"static table: encoding {len(piece_list):,} WordPiece pieces alone")
        alone = np.vstack([alone, pieces_alone(encoder, piece_list)])
        # a piece weighs what a word never counted weighs (its share of it: see StaticTable.entries)
        unseen = a / (a + 1.0 / (sum(core.get(w, 0) for w in vocab) + len(vocab)))
        weights = np.concatenate([weights, np.full(len(piece_list), unseen, dtype=np.float32)])
    names = list(vocab) + [PIECE + p for p in piece_list]
    start = alone - alone.mean(axis=0)
    start /= np.maximum(np.linalg.norm(start, axis=1, keepdims=True), 1e-9)
    if targets is None:
        log(f"static table: encoding {len(texts):,} texts")
        targets = encoder.encode(list(texts))
    index = {w: i for i, w in enumerate(names)}
    bags: list = [sorted({index[w] for w in words(t) if w in index and weights[index[w]] > 0}) for t in texts]
    groups = list(range(len(texts)))
    target_rows = list(range(len(texts)))
    frozen = 0
    if piece_list and pieces_after:
        # the words first, alone, as without pieces; then the pieces, the words kept as they are
        n = len(vocab)
        start = np.vstack([distil(start[:n], weights[:n], bags, targets, epochs=epochs, log=log), start[n:]])
        bags, groups, target_rows, frozen = [], [], [], n
    if piece_list:
        from .wordpiece import WordPiece

        wp = WordPiece(piece_list)
        rng = np.random.default_rng(1)

        def split(word: str) -> list[int]:
            return [index[PIECE + p] for part in basic_split(word) for p in wp.split_word(part) if PIECE + p in index]

        for i, t in enumerate(texts):
            row: dict[int, float] = {}
            for w in dict.fromkeys(words(t)):
                k = index.get(w)
                if k is None or weights[k] <= 0:
                    continue
                parts = split(w) if rng.random() < piece_share else []
                if parts:
                    for p in parts:
                        row[p] = row.get(p, 0.0) + float(weights[p]) / len(parts)
                else:
                    row[k] = row.get(k, 0.0) + float(weights[k])
            keys = sorted(row)
            bags.append((keys, [row[k] for k in keys]))
            groups.append(i)
            target_rows.append(i)
    vectors = distil(start, weights, bags, np.asarray(targets)[target_rows], epochs=epochs, groups=groups,
                     frozen=frozen, log=log)
    top = float(np.abs(vectors).max()) or 1.0
    log(f"static table: {len(vocab):,} words and {len(piece_list):,} pieces, {vectors.shape[1]} dimensions")
    method = "words alone, distilled to the encoder's text embeddings; SIF weights"
    if piece_list:
        method += f"; WordPiece pieces for other words (a share {piece_share} of words read as pieces in distillation)"
    return write_table(output, names, vectors * (SCALE / top), weights, method=method,
                       sif_a=a, epochs=epochs, texts=len(texts), pieces=len(piece_list),
                       built=_dt.date.today().isoformat(), **meta)


def build_static(output: str | Path, *, data: str | Path | None = None, log: Callable[[str], None] = print,
                 **options) -> Path:
    """Build the shipped table from the shared data (see the module's recipe) into ``output``."""
    texts, core, extra = training_text(data)
    return build_table(output, texts, core, extra, log=log,
                       built_from="CT20 verified claims (texts, titles) and train posts; LIAR train; CT24 train",
                       **options)
