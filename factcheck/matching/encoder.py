"""The accurate tier's claim-matching encoder: MiniLM fine-tuned on CT20 train query -> claim pairs.

:func:`finetune` starts from the pinned all-MiniLM-L6-v2 (hash-checked by
:func:`factcheck.embeddings.verify_model_dir`) or a local BERT folder, and trains every weight
with the multiple-negatives ranking loss (van den Oord et al. 2018; Henderson et al. 2017): each
query's claim is the right answer among the batch's claims (and, optionally, each query's best
BM25 candidate that is not relevant, a hard negative), cross-entropy over cosines times
:data:`SCALE`. A claim that is relevant to a query is never used as its negative. Training runs
``transformers``' ``BertModel`` (with its dropout); encoding runs the same network in plain torch
(:class:`factcheck.embeddings.MiniLM`), mean-pooled and normalised as the base encoder.

It is saved as ``encoder/model.safetensors`` (float16) beside the re-ranker's ``config.json``,
whose ``"encoder"`` entry records the SHA-256 of the weights, the BERT shape and where the
tokenizer comes from: the pinned package's ``tokenizer.json`` (verified with the package, not
copied) when the base is the pinned encoder, else ``encoder/tokenizer.json`` with its own
SHA-256. :func:`load` refuses (ModelError) a file that does not match; only safetensors is read.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from ..embeddings import sha256_file
from ..errors import ModelError, UnsafeModelError
from ..finetune import TOKENIZER, base_folder, load_tokenizer, padded_batch

FOLDER = "encoder"
WEIGHTS = "model.safetensors"
PINNED = "pinned all-MiniLM-L6-v2"
#: cosine scale of the ranking loss (sentence-transformers' default for this loss)
SCALE = 20.0
_BERT_KEYS = ("hidden_size", "num_attention_heads", "num_hidden_layers", "intermediate_size",
              "layer_norm_eps", "hidden_act", "max_position_embeddings", "vocab_size")
#: whether the shipped accurate tier fine-tunes its encoder: only if that beat the pinned encoder
#: in cross-validation over CT20 train queries (models/accurate/matching/MODEL_CARD.md)
FINETUNE = False
#: the fine-tuning settings, chosen by cross-validation over CT20 train queries
#: (scripts/select_match_encoder.py; models/accurate/matching/MODEL_CARD.md)
TRAINING: dict[str, Any] = {"epochs": 1, "lr": 5e-5, "batch_size": 32, "hard_negatives": 1,
                            "max_length": 64, "warmup": 0.1, "weight_decay": 0.01}


def _embed(bert, ids: list[list[int]]):
    import torch.nn.functional as F

    batch, mask = padded_batch(ids)
    hidden = bert(input_ids=batch, attention_mask=mask).last_hidden_state
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return F.normalize((hidden * m).sum(1) / m.sum(1).clamp(min=1e-9), p=2, dim=1)


def _batches(n: int, batch_size: int, positives: Sequence[int], gen: np.random.Generator) -> list[list[int]]:
    """Return one epoch's batches of pair indices, shuffled; a claim is the positive of at most
    one pair of a batch (a pair whose claim is taken waits for the next batch)."""
    batches, waiting = [], list(gen.permutation(n))
    while waiting:
        batch, seen, later = [], set(), []
        for i in waiting:
            if len(batch) < batch_size and positives[i] not in seen:
                batch.append(int(i))
                seen.add(positives[i])
            else:
                later.append(i)
        batches.append(batch)
        waiting = later
    return batches


def finetune(queries: Sequence[str], positives: Sequence[int], claim_texts: Sequence[str],
             relevant: Sequence[set], *, hard: Sequence[Sequence[int]] | None = None,
             base_model_dir: str | Path | None = None, epochs: int = 2, lr: float = 5e-5,
             batch_size: int = 32, hard_negatives: int = 1, max_length: int = 64, warmup: float = 0.1,
             weight_decay: float = 0.01, seed: int = 0, threads: int | None = None,
             after_epoch: Callable[[int, Any], None] | None = None,
             log: Callable[[str], None] | None = None) -> tuple[dict, dict]:
    """Fine-tune the base encoder (default: the pinned MiniLM) on (query, claim) pairs and return
    (its weights as a state dict, its description for the config).

    ``queries[i]`` is the text of pair i and ``positives[i]`` its claim's index in
    ``claim_texts``; ``relevant[i]`` is every claim index relevant to that pair's query (never a
    negative for it); ``hard[i]`` lists candidate hard negatives (claim indices, best first), of
    which the first ``hard_negatives`` not relevant are used. ``after_epoch(epoch, encoder)`` is
    called after each epoch with the network as an encoder (for cross-validation)."""
    if len(queries) != len(positives) or len(queries) != len(relevant) or not len(queries):
        raise ValueError(f"{len(queries)} queries, {len(positives)} positives, {len(relevant)} relevance sets")
    if epochs < 1 or batch_size < 2 or max_length < 8:
        raise ValueError("epochs must be >= 1, batch_size >= 2 and max_length >= 8")
    from ..finetune import adamw, base_bert, optimizer_step
    torch, bert, base = base_bert(base_model_dir, seed, threads)
    cfg = bert.config
    tok = load_tokenizer(base / TOKENIZER, max_length)
    q_ids = [e.ids for e in tok.encode_batch(list(queries))]
    needed = sorted(set(positives) | {c for h in (hard or ()) for c in h})
    c_ids = dict(zip(needed, (e.ids for e in tok.encode_batch([claim_texts[c] for c in needed]))))
    negatives = [[c for c in (hard[i] if hard else ()) if c not in relevant[i]][:hard_negatives]
                 for i in range(len(queries))]
    n = len(queries)
    params = list(bert.named_parameters())
    optimizer = adamw(params, lr, weight_decay)
    gen = np.random.default_rng(seed)
    plan = [_batches(n, batch_size, positives, gen) for _ in range(epochs)]
    total = sum(len(p) for p in plan)
    # linear warm-up over the first ``warmup`` of an epoch, then constant: the model after epoch
    # k of a longer run is the model a k-epoch run gives, so one run scores every epoch count
    n_warm = max(1, int(warmup * len(plan[0])))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / n_warm))
    step, started, running = 0, time.perf_counter(), 0.0
    for epoch, batches in enumerate(plan):
        bert.train()
        for rows in batches:
            columns = [positives[i] for i in rows]
            columns += [c for i in rows for c in negatives[i] if c not in columns]
            q = _embed(bert, [q_ids[i] for i in rows])
            c = _embed(bert, [c_ids[j] for j in columns])
            scores = SCALE * q @ c.T
            # another claim relevant to the query is not a wrong answer: left out of its row
            blocked = torch.tensor([[j != positives[i] and j in relevant[i] for j in columns] for i in rows])
            scores = scores.masked_fill(blocked, float("-inf"))
            loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(rows)))
            optimizer_step(loss, params, optimizer, scheduler)
            step += 1
            running = 0.9 * running + 0.1 * loss.item() if step > 1 else loss.item()
            if log and (step % 10 == 0 or step == total):
                log(f"encoder: epoch {epoch + 1}/{epochs} step {step}/{total} loss {running:.4f} "
                    f"({time.perf_counter() - started:.0f} s)")
        bert.eval()
        if after_epoch is not None:
            after_epoch(epoch + 1, _as_encoder(_state(bert), {k: getattr(cfg, k) for k in _BERT_KEYS},
                                               base / TOKENIZER))
    seconds = time.perf_counter() - started
    description = {"bert": {k: getattr(cfg, k) for k in _BERT_KEYS},
                   "base_model": PINNED if base_model_dir is None else str(base_model_dir),
                   "training": {"epochs": epochs, "lr": lr, "batch_size": batch_size,
                                "hard_negatives": hard_negatives if hard else 0, "max_length": max_length,
                                "warmup": warmup, "weight_decay": weight_decay, "seed": seed, "pairs": n,
                                "loss": f"multiple-negatives ranking, scale {SCALE:g}", "seconds": round(seconds, 1)}}
    return _state(bert), description


def _state(bert) -> dict:
    return {k: v.detach().clone().contiguous() for k, v in bert.state_dict().items() if not k.endswith("position_ids")}


class FinetunedEncoder:
    """``encode(texts)`` -> unit-length vectors, as :class:`factcheck.embeddings.Encoder`."""

    def __init__(self, model, identity: str):
        self._model = model
        #: what the embedding caches are keyed by: the SHA-256 of the weights
        self.identity = identity
        self.dimension = model.hidden

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.ascontiguousarray(self._model.encode(texts, batch_size=batch_size), dtype=np.float32)


def _as_encoder(state: dict, bert: dict, tokenizer: Path, identity: str | None = None) -> FinetunedEncoder:
    from ..embeddings import MiniLM, _limit_threads

    _limit_threads()
    weights = {k: v.float() if v.is_floating_point() else v for k, v in state.items()}
    if identity is None:  # an encoder in training: named by its weights, so caches never mix two
        import hashlib
        h = hashlib.sha256()
        for k in sorted(weights):
            h.update(k.encode() + b"\x00" + weights[k].numpy().tobytes())
        identity = f"training:{h.hexdigest()}"
    max_length = min(256, int(bert["max_position_embeddings"]))  # the pinned encoder's max_seq_length
    return FinetunedEncoder(MiniLM(weights, load_tokenizer(tokenizer, max_length), bert, max_length), identity)


def save(directory: str | Path, state: dict, description: dict) -> dict:
    """Write the weights (float16 safetensors) under ``directory/encoder`` and return the
    config entry that names them with their SHA-256 (and the tokenizer's)."""
    from safetensors.torch import save_file

    folder = Path(directory) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    save_file({k: v.half().contiguous() if v.is_floating_point() else v for k, v in state.items()},
              str(folder / WEIGHTS))
    entry = {**description, "weights": f"{FOLDER}/{WEIGHTS}", "sha256": sha256_file(folder / WEIGHTS)}
    if description.get("base_model") == PINNED:
        entry["tokenizer"] = "pinned"
        (folder / TOKENIZER).unlink(missing_ok=True)
    else:
        source = base_folder(description["base_model"]) / TOKENIZER
        shutil.copyfile(source, folder / TOKENIZER)
        entry["tokenizer"] = f"{FOLDER}/{TOKENIZER}"
        entry["tokenizer_sha256"] = sha256_file(folder / TOKENIZER)
    return entry


def identity(entry: dict | None) -> str:
    """Return the name the embedding caches use for an encoder: the pinned one's, or
    ``finetuned:`` and the SHA-256 of its weights (read from the config, before any load)."""
    from ..embeddings import ENCODER_NAME
    if not entry:
        return ENCODER_NAME
    return f"finetuned:{entry.get('sha256', '')}"


def load(directory: str | Path, entry: dict) -> FinetunedEncoder:
    """Return the encoder a re-ranker's config names, once its files match their SHA-256;
    ModelError (UnsafeModelError for a mismatch) if not."""
    directory = Path(directory)
    bert = entry.get("bert") or {}
    if bert.get("hidden_act") != "gelu" or any(k not in bert for k in _BERT_KEYS):
        raise ModelError(f"{directory}/config.json does not describe a BERT encoder with GELU activations")
    weights = directory / str(entry.get("weights", ""))
    if entry.get("weights") != f"{FOLDER}/{WEIGHTS}" or not weights.is_file():
        raise ModelError(f"the encoder weights {weights} are missing; rebuild with "
                         "'factcheck train --task matching --tier accurate'")
    if sha256_file(weights) != entry.get("sha256"):
        raise UnsafeModelError(f"{weights} does not match the SHA-256 in {directory / 'config.json'}: refusing "
                               "to load a modified encoder; rebuild with 'factcheck train --task matching --tier accurate'")
    if entry.get("tokenizer") == "pinned":
        from ..embeddings import package_model_dir, verify_model_dir
        tokenizer = verify_model_dir(package_model_dir()) / TOKENIZER
    else:
        tokenizer = directory / FOLDER / TOKENIZER
        if entry.get("tokenizer") != f"{FOLDER}/{TOKENIZER}" or not tokenizer.is_file():
            raise ModelError(f"the encoder's tokenizer {tokenizer} is missing")
        if sha256_file(tokenizer) != entry.get("tokenizer_sha256"):
            raise UnsafeModelError(f"{tokenizer} does not match the SHA-256 in {directory / 'config.json'}: "
                                   "refusing to load a modified tokenizer")
    try:
        import torch  # noqa: F401
        from safetensors.torch import load_file
    except ImportError:
        raise ModelError("the accurate tier needs torch, tokenizers and safetensors; run: "
                         "pip install 'factcheck[embeddings]'") from None
    try:
        return _as_encoder(load_file(str(weights)), bert, tokenizer, identity(entry))
    except (KeyError, RuntimeError, ValueError) as exc:
        raise ModelError(f"{weights} does not match its config ({exc}); rebuild the encoder") from None


_SHARED: dict[tuple[str, str], FinetunedEncoder] = {}


def shared(directory: str | Path, entry: dict) -> FinetunedEncoder:
    """Return one loaded encoder per (folder, weights' SHA-256), verified when first loaded."""
    key = (str(Path(directory).resolve()), str(entry.get("sha256")))
    if key not in _SHARED:
        _SHARED[key] = load(directory, entry)
    return _SHARED[key]
