"""The fine-tuned check-worthiness model of the accurate tier: MiniLM trained end to end.

:func:`finetune_checkworthy` starts from the pinned all-MiniLM-L6-v2 weights (hash-checked by
:func:`factcheck.embeddings.verify_model_dir`) or any local BERT folder with a ``tokenizer.json``
and ``.safetensors`` weights, and trains every weight of the encoder plus a linear head on the
mean of its last layer (the pooling the encoder was pre-trained with), with class-balanced
binary cross-entropy. Training uses ``transformers``' ``BertModel`` (with its dropout);
scoring runs the same network in plain torch (:class:`factcheck.embeddings.MiniLM`), so a
command pays no ``transformers`` import.

The saved folder holds ``model.safetensors`` (encoder and head), ``tokenizer.json`` and
``config.json`` (type ``checkworthy-finetuned``), which records the SHA-256 of the other two:
:meth:`FinetunedCheckworthy.load` refuses a folder whose files do not match, or that holds
any other file. Sentences pass through :func:`factcheck.wrappers.strip_wrappers` before the
tokenizer, in training and in scoring.
"""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from .embeddings import sha256_file
from .errors import ModelError, NotFittedError, UnsafeModelError
from .finetune import TOKENIZER, load_tokenizer
from .types import THRESHOLD, SentenceInput
from .wrappers import strip_wrappers

TYPE = "checkworthy-finetuned"
FORMAT_VERSION = 1
CONFIG = "config.json"
WEIGHTS = "model.safetensors"
_ALLOWED = {CONFIG, WEIGHTS, TOKENIZER, "MODEL_CARD.md", "README.md"}
_BERT_KEYS = ("hidden_size", "num_attention_heads", "num_hidden_layers", "intermediate_size",
              "layer_norm_eps", "hidden_act", "max_position_embeddings", "vocab_size")

#: training settings of the shipped model (see models/accurate/MODEL_CARD.md)
TRAINING: dict[str, Any] = {"epochs": 1, "lr": 5e-5, "batch_size": 32, "max_length": 64,
                            "weight_decay": 0.01, "warmup": 0.06}
#: the shipped recipe (models/accurate/MODEL_CARD.md): the training sets of
#: :func:`factcheck.checkworthy_cv.training_sets` below, one fold of TUNE_FOLDS held out (grouped by
#: debate or article, as the fast tier's cross-validation groups them), EPOCHS epochs on the rest;
#: the model after the epoch whose held-out scores give the best shared-cut score, at that cut
SETS = ("ct24", "claimbuster", "own-attribution", "news-own", "polnear-samples")
EPOCHS = 3
TUNE_FOLDS = 5


def _text(x: SentenceInput | str) -> str:
    return x if isinstance(x, str) else x.text


def model_text(x: SentenceInput | str) -> str:
    """Return what the network reads of a sentence: its text without wrappers."""
    return strip_wrappers(_text(x)) or _text(x).strip()


def finetune_checkworthy(texts: Sequence[SentenceInput | str], y: Sequence[int], *, out_dir: str | Path,
                         base_model_dir: str | Path | None = None, epochs: int = 1, lr: float = 5e-5,
                         batch_size: int = 32, max_length: int = 64, weight_decay: float = 0.01,
                         warmup: float = 0.06, seed: int = 0, info: dict | None = None,
                         start_from: str | Path | None = None, checkpoints: str | Path | None = None,
                         stop_after: int | None = None,
                         log: Callable[[str], None] | None = None) -> "FinetunedCheckworthy":
    """Fine-tune the base encoder (default: the pinned MiniLM) and a linear head on sentences
    and 0/1 labels; save it to ``out_dir`` and return it loaded (threshold at 0.5 until
    :meth:`FinetunedCheckworthy.set_shift`).

    ``start_from``: a saved fine-tuned folder (hash-checked) whose encoder and head the run
    continues from instead of a fresh head on the base encoder (a second stage on more data).
    ``checkpoints``: a folder where the model after each epoch but the last is saved too, as
    ``epoch-1``, ``epoch-2``, ... (the epochs' count is then chosen among them, :func:`select_epoch`).
    ``stop_after``: end after that many epochs of the ``epochs``-epoch schedule, saving that
    model to ``out_dir`` (the model a checkpoint of the whole run would hold)."""
    y = np.asarray(list(y), dtype=np.float32)
    if len(texts) != len(y) or not len(y):
        raise ValueError(f"{len(texts)} sentences but {len(y)} labels")
    if set(np.unique(y)) != {0.0, 1.0}:
        raise ValueError("y must hold both labels 0 and 1")
    if epochs < 1 or batch_size < 1 or max_length < 8:
        raise ValueError("epochs and batch_size must be >= 1 and max_length >= 8")
    from .finetune import adamw, base_bert, optimizer_step, padded_batch
    torch, bert, base = base_bert(base_model_dir, seed)
    cfg = bert.config
    head = torch.nn.Linear(cfg.hidden_size, 1)
    stages = []
    if start_from is not None:
        stages = _continue_from(start_from, bert, head)
    tok = load_tokenizer(base / TOKENIZER, max_length)
    ids = [e.ids for e in tok.encode_batch([model_text(t) for t in texts])]
    n = len(ids)
    pos = float(y.sum())
    # class-balanced: each class carries half of the loss
    weight = np.where(y == 1, n / (2 * pos), n / (2 * (n - pos))).astype(np.float32)
    params = list(bert.named_parameters()) + [("head." + k, v) for k, v in head.named_parameters()]
    optimizer = adamw(params, lr, weight_decay)
    total = epochs * ((n + batch_size - 1) // batch_size)
    n_warm = max(1, int(warmup * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / n_warm if s < n_warm else max(0.0, (total - s) / max(1, total - n_warm)))
    gen = np.random.default_rng(seed)
    bert.train()
    step, started, running = 0, time.perf_counter(), 0.0
    lengths = np.array([len(t) for t in ids])
    for epoch in range(epochs):
        for rows in _length_batches(lengths, batch_size, gen):
            batch, mask = padded_batch([ids[i] for i in rows])
            hidden = bert(input_ids=batch, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).float()
            logits = head((hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)).squeeze(-1)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, torch.from_numpy(y[rows]), weight=torch.from_numpy(weight[rows]))
            optimizer_step(loss, params, optimizer, scheduler)
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if log and (step % 20 == 0 or step == total):
                log(f"epoch {epoch + 1}/{epochs} step {step}/{total} loss {running:.4f} "
                    f"({time.perf_counter() - started:.0f}s)")
        done = epoch + 1
        final = done == epochs or done == stop_after
        if checkpoints is not None or final:
            record = {"epochs": epochs, "lr": lr, "batch_size": batch_size, "weight_decay": weight_decay,
                      "warmup": warmup, "seed": seed, "examples": n, "positives": int(pos),
                      "seconds": round(time.perf_counter() - started, 1), **(info or {})}
            if done < epochs:
                record["stopped_after_epoch"] = done
            config = {"bert": {k: getattr(cfg, k) for k in _BERT_KEYS}, "max_length": max_length,
                      "base_model": str(base_model_dir) if base_model_dir is not None else "pinned all-MiniLM-L6-v2",
                      "training": {**record, **({"continued_from": stages} if stages else {})}}
            target = Path(out_dir) if final else Path(checkpoints) / f"epoch-{done}"
            model = save(target, _state(bert, head), base / TOKENIZER, config)
            bert.train()
        if final:
            break
    return model


def _state(bert, head) -> dict:
    """Return the encoder's and head's weights as one safetensors state (eval mode set)."""
    bert.eval()
    state = {k: v.detach().contiguous() for k, v in bert.state_dict().items() if not k.endswith("position_ids")}
    state["classifier.weight"] = head.weight.detach().contiguous()
    state["classifier.bias"] = head.bias.detach().contiguous()
    return state


def _continue_from(directory: str | Path, bert, head) -> list[dict]:
    """Load a verified fine-tuned model's weights into ``bert`` and ``head``; return its
    training record(s), earliest first."""
    from safetensors.torch import load_file
    model = FinetunedCheckworthy.load(directory)  # refuses files that do not match their SHA-256
    if any(model.config_["bert"][k] != getattr(bert.config, k) for k in _BERT_KEYS):
        raise ModelError(f"{directory} was not fine-tuned from this base encoder")
    state = {k: v.float() for k, v in load_file(str(Path(directory) / WEIGHTS)).items()}
    head.weight.data.copy_(state.pop("classifier.weight"))
    head.bias.data.copy_(state.pop("classifier.bias"))
    missing, unexpected = bert.load_state_dict(state, strict=False)
    if unexpected or any(not k.endswith("position_ids") for k in missing):
        raise ModelError(f"{directory / WEIGHTS} does not match the base encoder's layers")
    record = dict(model.config_.get("training") or {})
    earlier = record.pop("continued_from", [])
    return [*earlier, record]


def _length_batches(lengths: np.ndarray, batch_size: int, gen: np.random.Generator) -> list[np.ndarray]:
    """Return the batches of one epoch: a shuffle cut into pools of 50 batches, each pool sorted
    by length before it is cut (little padding), the batches in random order."""
    order = gen.permutation(len(lengths))
    pool = 50 * batch_size
    batches = []
    for p in range(0, len(order), pool):
        chunk = order[p:p + pool]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        batches.extend(chunk[b:b + batch_size] for b in range(0, len(chunk), batch_size))
    return [batches[i] for i in gen.permutation(len(batches))]


def save(out_dir: str | Path, state: dict, tokenizer_file: Path, config: dict, shift: float = 0.0) -> "FinetunedCheckworthy":
    """Write the weights (safetensors, in float16: half the size, scores within about 1e-3),
    tokenizer and config with both files' SHA-256; return the model loaded back from ``out_dir``."""
    from safetensors.torch import save_file

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.half().contiguous() if v.is_floating_point() else v for k, v in state.items()}, str(out / WEIGHTS))
    if Path(tokenizer_file).resolve() != (out / TOKENIZER).resolve():
        shutil.copyfile(tokenizer_file, out / TOKENIZER)
    config = {"type": TYPE, "format_version": FORMAT_VERSION, **config, "shift": shift,
              "sha256": {WEIGHTS: sha256_file(out / WEIGHTS), TOKENIZER: sha256_file(out / TOKENIZER)}}
    (out / CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return FinetunedCheckworthy.load(out)


class FinetunedCheckworthy:
    """Scores in [0, 1] from the fine-tuned encoder: ``sigmoid(head(mean of last layer) + shift)``,
    where ``shift`` puts the threshold chosen on held-out training rows at 0.5 (:func:`train_finetuned`)."""

    def __init__(self, *, batch_size: int = 32):
        self.batch_size = batch_size

    @classmethod
    def load(cls, directory: str | Path) -> "FinetunedCheckworthy":
        """Return the model in ``directory`` once its weights and tokenizer match the SHA-256 in
        its config; ModelError / UnsafeModelError if not."""
        from .checkworthy import require_own_files
        from .models import read_config

        directory = require_own_files(directory, _ALLOWED, f"a fine-tuned model is only {CONFIG}, {WEIGHTS} "
                                      f"and {TOKENIZER}")
        config = read_config(directory, TYPE, filename=CONFIG, what="fine-tuned check-worthiness model")
        pinned = config.get("sha256") or {}
        for name in (WEIGHTS, TOKENIZER):
            path = directory / name
            if not path.is_file():
                raise ModelError(f"{path} is missing; rebuild it with 'factcheck train --tier accurate'")
            if name not in pinned or sha256_file(path) != pinned[name]:
                raise UnsafeModelError(f"{path} does not match the SHA-256 in {directory / CONFIG}: refusing "
                                       "to load a modified model; rebuild it with 'factcheck train --tier accurate'")
        bert = config.get("bert") or {}
        if bert.get("hidden_act") != "gelu" or any(k not in bert for k in _BERT_KEYS):
            raise ModelError(f"{directory / CONFIG} does not describe a BERT encoder with GELU activations")
        try:
            import torch  # noqa: F401
            from safetensors.torch import load_file
        except ImportError:
            raise ModelError("the fine-tuned model needs torch, tokenizers and safetensors; run: "
                             "pip install 'factcheck[embeddings]'") from None
        from .embeddings import MiniLM, _limit_threads

        _limit_threads()
        weights = {k: v.float() if v.is_floating_point() else v for k, v in load_file(str(directory / WEIGHTS)).items()}
        try:
            head_w = weights.pop("classifier.weight").double().numpy().reshape(-1)
            head_b = float(weights.pop("classifier.bias").reshape(-1)[0])
            max_length = int(config["max_length"])
            encoder = MiniLM(weights, load_tokenizer(directory / TOKENIZER, max_length), bert, max_length)
        except (KeyError, RuntimeError, ValueError) as exc:
            raise ModelError(f"{directory / WEIGHTS} does not match its config ({exc}); rebuild the model") from None
        self = cls()
        self.encoder_, self.head_, self.bias_ = encoder, head_w, head_b
        self.shift_ = float(config.get("shift", 0.0))
        self.config_ = config
        self.classes_ = np.array([0, 1])
        return self

    def decision_function(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return the log-odds (threshold shift included) of the sentences X."""
        if not hasattr(self, "encoder_"):
            raise NotFittedError("FinetunedCheckworthy is not loaded; use FinetunedCheckworthy.load(DIR)")
        if not len(X):
            return np.zeros(0)
        texts = [model_text(x) for x in X]
        pooled = self.encoder_.encode(texts, batch_size=self.batch_size, normalise=False).astype(np.float64)
        return pooled @ self.head_ + self.bias_ + self.shift_

    def predict_proba(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return an (n, 2) array: P(not check-worthy), P(check-worthy) per sentence."""
        z = self.decision_function(X)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return 0/1 per sentence at the spec threshold 0.5."""
        return (self.predict_proba(X)[:, 1] >= THRESHOLD).astype(np.int64)

    def set_shift(self, directory: str | Path, shift: float, **record) -> None:
        """Store ``shift`` (and ``record``'s entries) in the config of ``directory`` (this model's folder)."""
        directory = Path(directory)
        config = json.loads((directory / CONFIG).read_text(encoding="utf-8"))
        config.update(record, shift=round(float(shift), 4))
        self.shift_ = config["shift"]
        (directory / CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        self.config_ = config


def tuning_split(shared: str | Path | None = None, datasets_dir: str | Path | None = None,
                 seed: int = 0) -> tuple[tuple[list, np.ndarray], tuple[list, np.ndarray, np.ndarray], dict]:
    """Return ((texts, labels) to train on, (texts, labels, domains) held out to choose the epoch
    and threshold, {set: sentences}): the :data:`SETS` of
    :func:`factcheck.checkworthy_cv.training_sets` (none also in CT24 dev or dev-test), fold 0 of
    :data:`TUNE_FOLDS` (:func:`~factcheck.checkworthy_cv.fold_of`, whole debates and articles)
    held out; the training rows in a seeded shuffle."""
    from .checkworthy_cv import domain_of, fold_of, pooled, training_sets
    sets = training_sets(shared, datasets_dir)
    texts, y, groups, names = pooled(sets, SETS)
    held = fold_of(groups, k=TUNE_FOLDS, seed=seed) == 0
    order = np.random.default_rng(seed).permutation(np.flatnonzero(~held))
    tune = np.flatnonzero(held)
    return (([texts[i] for i in order], y[order]),
            ([texts[i] for i in tune], y[tune], np.array([domain_of(n) for n in names[tune]])),
            {n: len(sets[n]) for n in SETS})


def select_epoch(folders: Sequence[Path], X: Sequence[str], y: np.ndarray, domains: np.ndarray) -> tuple[int, float, list]:
    """Return (index of the chosen folder, its cut, every folder's figures): the model whose
    held-out decision values reach the best mean F1 over the domains at one shared cut
    (:func:`factcheck.checkworthy_cv.shared_cut`, as the fast tier's threshold is chosen); of
    equals, the earlier epoch."""
    from sklearn.metrics import average_precision_score

    from .checkworthy_cv import shared_cut
    tried = []
    for k, folder in enumerate(folders):
        z = FinetunedCheckworthy.load(folder).decision_function(X)
        cut, score = shared_cut(z, y, domains)
        tried.append({"epochs": k + 1, "cut": round(cut, 4), "score": round(score, 4),
                      "average_precision": round(float(average_precision_score(y, z)), 4)})
    best = max(range(len(tried)), key=lambda k: (tried[k]["score"], -k))
    return best, tried[best]["cut"], tried


def compact(directory: str | Path) -> "FinetunedCheckworthy":
    """Rewrite a saved model's weights with :func:`save` (float16, new SHA-256) keeping its config."""
    from safetensors.torch import load_file
    directory = Path(directory)
    config = json.loads((directory / CONFIG).read_text(encoding="utf-8"))
    FinetunedCheckworthy.load(directory)  # only a verified model is rewritten
    state = load_file(str(directory / WEIGHTS))
    keep = {k: v for k, v in config.items() if k not in ("type", "format_version", "sha256", "shift")}
    return save(directory, state, directory / TOKENIZER, keep, shift=float(config.get("shift", 0.0)))


def train_finetuned(out_dir: str | Path, shared: str | Path | None = None, *, datasets_dir: str | Path | None = None,
                    base_model_dir: str | Path | None = None, limit: int | None = None, seed: int = 0,
                    epochs: int = EPOCHS, refit: bool = True, log: Callable[[str], None] | None = None,
                    **settings) -> FinetunedCheckworthy:
    """Rebuild the fine-tuned model in ``out_dir``: fine-tune for ``epochs`` epochs on the
    training rows of :func:`tuning_split` and let :func:`select_epoch` choose the epoch and
    threshold on its held-out rows (CT24 dev takes no part: it measures the result). Then, with
    ``refit`` (the shipped recipe), fine-tune again on the training and held-out rows together,
    on the same schedule, and keep the model after the chosen epoch at the chosen threshold
    (:func:`refit_finetuned`); without it, keep the chosen model of the first run. ``limit``:
    the first ``limit`` training rows and as many held-out rows (a quick check); ``settings``
    over :data:`TRAINING`."""
    import tempfile

    (texts, y), (tune_x, tune_y, domains), counts = tuning_split(shared, datasets_dir, seed)
    if limit:
        texts, y = texts[:limit], y[:limit]
        keep = np.random.default_rng(seed).permutation(len(tune_y))[:limit]
        tune_x, tune_y, domains = [tune_x[i] for i in keep], tune_y[keep], domains[keep]
    info = {"sets": counts, "held_out": len(tune_y), "tune_folds": TUNE_FOLDS}
    with tempfile.TemporaryDirectory() as tmp:
        last = Path(tmp) / "last"
        finetune_checkworthy(texts, y, out_dir=last, checkpoints=tmp, base_model_dir=base_model_dir, seed=seed,
                             log=log, info=info, **{**TRAINING, **settings, "epochs": epochs})
        folders = [Path(tmp) / f"epoch-{k}" for k in range(1, epochs)] + [last]
        best, cut, tried = select_epoch(folders, tune_x, tune_y, domains)
        if log:
            log("held-out choice: " + "; ".join(f"{t['epochs']} epoch(s) {t['score']:.4f}" for t in tried)
                + f" -> {best + 1}")
        if refit:
            return refit_finetuned(out_dir, texts + list(tune_x), np.concatenate([y, tune_y]), epoch=best + 1,
                                   cut=cut, selection=tried, epochs=epochs, base_model_dir=base_model_dir,
                                   seed=seed, log=log, info=info, **settings)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name in (CONFIG, WEIGHTS, TOKENIZER):
            shutil.copyfile(folders[best] / name, out / name)
    return _at_cut(out, cut, tried)


def _at_cut(directory: str | Path, cut: float, selection: list) -> FinetunedCheckworthy:
    """Return the model saved in ``directory`` with the held-out ``cut`` as its shift (and the
    threshold that cut is, and the ``selection`` it was chosen by) recorded in its config."""
    model = FinetunedCheckworthy.load(directory)
    model.set_shift(directory, -cut, threshold=round(float(1 / (1 + np.exp(-cut))), 4), selection=selection)
    return model


def refit_finetuned(out_dir: str | Path, texts: Sequence[SentenceInput | str], y: np.ndarray, *, epoch: int,
                    cut: float, selection: list, epochs: int = EPOCHS, base_model_dir: str | Path | None = None,
                    seed: int = 0, log: Callable[[str], None] | None = None, info: dict | None = None,
                    **settings) -> FinetunedCheckworthy:
    """Fine-tune on every row (``texts``, ``y``: the training and held-out rows) with the schedule
    of ``epochs`` epochs, keep the model after ``epoch`` (the held-out choice) in ``out_dir`` at
    the held-out ``cut``, and return it. The same schedule, so that the kept model is the chosen
    one's, on a quarter more data; the rows in a seeded shuffle."""
    order = np.random.default_rng(seed + 1).permutation(len(y))
    texts, y = [texts[i] for i in order], np.asarray(y)[order]
    info = {**(info or {}), "refit_on_all": True}
    if log:
        log(f"refit on all {len(y)} rows, keeping epoch {epoch} of {epochs}")
    finetune_checkworthy(texts, y, out_dir=out_dir, stop_after=epoch, base_model_dir=base_model_dir, seed=seed,
                         log=log, info=info, **{**TRAINING, **settings, "epochs": epochs})
    return _at_cut(out_dir, cut, selection)


