"""Fine-tuning a local Hugging Face encoder for the three attribution labels, and using it.

:func:`finetune_multilabel` is what ``factcheck train --backend transformers --base-model DIR``
calls: full fine-tuning of ``AutoModelForSequenceClassification`` with
``problem_type="multi_label_classification"`` and one output per label of
:data:`factcheck.types.LABELS`. The model reads the sentence pair (previous sentence, sentence),
i.e. ``[CLS] previous [SEP] sentence [SEP]``, because the spec lets the sentence before supply
the source of an agentless cue.

The output folder is an ordinary Hugging Face model folder (``config.json``,
``model.safetensors``, the tokenizer) plus ``factcheck.json`` with ``"type":
"transformers-multilabel"``: a separate file so that HF's own ``config.json`` is untouched.
:class:`TransformersAttribution` loads it (``--model OUT`` works).

Only local folders are read (``local_files_only=True``, ``HF_HUB_OFFLINE=1``) and only
safetensors weights (``use_safetensors=True``): a base model that ships nothing but a pickled
``pytorch_model.bin`` is refused rather than unpickled. torch and transformers are imported
inside the functions, so importing this module is cheap.
"""
from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .errors import ModelError, NotFittedError
from .types import LABELS, Attribution, SentenceInput

MARKER = "factcheck.json"
TYPE = "transformers-multilabel"


def _offline() -> None:
    # Set before transformers is imported anywhere in this call, so the hub client stays silent.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


#: the tokenizer file of a BERT folder (the pinned MiniLM's, a fine-tuned model's)
TOKENIZER = "tokenizer.json"


def base_folder(base_model_dir: str | Path | None) -> Path:
    """Return the base encoder's folder: the pinned package (hash-checked) when None, else the
    folder given, which must hold config.json, the tokenizer and .safetensors weights."""
    from .embeddings import package_model_dir, verify_model_dir
    if base_model_dir is None:
        return verify_model_dir(package_model_dir())
    base = Path(base_model_dir)
    if not (base / "config.json").is_file() or not (base / TOKENIZER).is_file() or not any(base.glob("*.safetensors")):
        raise ModelError(f"base model {base} needs config.json, {TOKENIZER} and .safetensors weights "
                         "(pickled weights are not read)")
    return base


def load_tokenizer(path: Path, max_length: int):
    """Return the fast tokenizer in ``path``, without padding, truncating at ``max_length``."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(max_length)
    return tok


def base_bert(base_model_dir: str | Path | None, seed: int, threads: int | None = None):
    """Import torch and BERT for a fine-tuning run, offline and quiet, with every random
    generator seeded, and load the base encoder (:func:`base_folder`, safetensors only);
    return ``(torch, bert, base folder)``. A missing extra or a folder that is no BERT encoder
    with GELU activations is a one-line ModelError."""
    base = base_folder(base_model_dir)
    _offline()
    try:
        import torch
        from transformers import BertModel
        from transformers.utils import logging as hf_logging
    except ImportError:
        raise ModelError("fine-tuning needs torch and transformers; run: pip install 'factcheck[transformers]'") from None
    hf_logging.set_verbosity_error()
    if threads:
        torch.set_num_threads(threads)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    try:
        bert = BertModel.from_pretrained(str(base), local_files_only=True, use_safetensors=True,
                                         add_pooling_layer=False)
    except (OSError, ValueError) as exc:
        raise ModelError(f"could not load the BERT model in {base}: {str(exc).splitlines()[0]}") from None
    cfg = bert.config
    if cfg.model_type != "bert" or cfg.hidden_act != "gelu":
        raise ModelError(f"{base} is not a BERT encoder with GELU activations")
    return torch, bert, base


def padded_batch(ids: list[list[int]]):
    """Return (token ids, attention mask) of token-id lists, zero-padded to the longest."""
    import torch

    width = max(len(t) for t in ids)
    batch = torch.zeros((len(ids), width), dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for r, t in enumerate(ids):
        batch[r, :len(t)] = torch.tensor(t)
        mask[r, :len(t)] = 1
    return batch, mask


def adamw(params: list, lr: float, weight_decay: float):
    """Return AdamW over named parameters ``[(name, parameter), ...]``: ``weight_decay`` on
    the weights, none on biases and LayerNorm weights."""
    import torch
    no_decay = ("bias", "LayerNorm.weight")
    return torch.optim.AdamW(
        [{"params": [p for k, p in params if not any(s in k for s in no_decay)], "weight_decay": weight_decay},
         {"params": [p for k, p in params if any(s in k for s in no_decay)], "weight_decay": 0.0}], lr=lr)


def optimizer_step(loss, params: list, optimizer, scheduler) -> None:
    """Back-propagate ``loss``, clip the gradient norm of the named ``params`` to 1, step the
    optimizer and the learning-rate schedule, and clear the gradients."""
    import torch
    loss.backward()
    torch.nn.utils.clip_grad_norm_([p for _, p in params], 1.0)
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad()


def _as_input(x: SentenceInput | str) -> SentenceInput:
    return x if isinstance(x, SentenceInput) else SentenceInput.from_text(str(x))


def _pairs(inputs: Sequence[SentenceInput | str]) -> tuple[list[str], list[str]]:
    """Return (previous sentences, sentences) of the inputs; a missing previous one is ''."""
    xs = [_as_input(x) for x in inputs]
    return [x.prev_text for x in xs], [x.text for x in xs]


def _check_local_model(directory: Path, what: str) -> None:
    if not directory.is_dir():
        raise ModelError(f"{what} {directory} is not a directory; pass a local Hugging Face model folder")
    if not (directory / "config.json").is_file():
        raise ModelError(f"{what} {directory} has no config.json; is it a Hugging Face model folder?")
    if not any(directory.glob("*.safetensors")):
        raise ModelError(f"{what} {directory} has no .safetensors weights; factcheck does not load pickled "
                         "weights (pytorch_model.bin): convert them to safetensors first")


def _load_tokenizer_and_model(directory: Path, **model_kwargs):
    _offline()
    try:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError:
        raise ModelError("fine-tuning needs transformers and torch; run: pip install 'factcheck[transformers]'") from None
    from transformers.utils import logging as hf_logging

    # The "classifier weights newly initialised" report is expected when fine-tuning: not news.
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True, trust_remote_code=False)
        model = AutoModelForSequenceClassification.from_pretrained(
            str(directory), local_files_only=True, use_safetensors=True, trust_remote_code=False, **model_kwargs)
    except (OSError, ValueError) as exc:
        raise ModelError(f"could not load the Hugging Face model in {directory}: {str(exc).splitlines()[0]}") from None
    return tokenizer, model


def finetune_multilabel(base_model_dir: str | Path, train_inputs: Sequence[SentenceInput | str],
                        Y, *, out_dir: str | Path, epochs: int = 2, lr: float = 5e-5,
                        batch_size: int = 16, seed: int = 0, max_length: int = 128,
                        weight_decay: float = 0.01, warmup: float = 0.1, sample_weight=None,
                        log: Callable[[str], None] | None = None) -> Path:
    """Return ``out_dir`` after fine-tuning the local encoder ``base_model_dir`` on the inputs and
    their (n, 3) labels (columns in :data:`~factcheck.types.LABELS` order) and saving it there.

    Y holds 0/1, or -1 (or NaN) where an example says nothing of a label (as
    :func:`factcheck.attribution.train.training_set` gives it): such cells add no loss.
    ``sample_weight`` (n,) scales each example's loss.

    Full fine-tuning with AdamW, linear warm-up then decay, binary cross-entropy per label;
    deterministic for a given ``seed`` on CPU.
    """
    base = Path(base_model_dir)
    _check_local_model(base, "base model")
    Y = np.asarray(Y, dtype=np.float32)
    Y = np.where(np.isnan(Y), -1.0, Y)
    if Y.ndim != 2 or Y.shape[1] != len(LABELS):
        raise ValueError(f"Y must have shape (n, {len(LABELS)}) in the order {', '.join(LABELS)}")
    if len(train_inputs) != len(Y):
        raise ValueError(f"{len(train_inputs)} inputs but {len(Y)} label rows")
    if not len(Y):
        raise ValueError("no training examples")
    if not np.isin(Y, (-1.0, 0.0, 1.0)).all():
        raise ValueError("Y must hold 0 and 1 (or -1 / NaN for unknown)")
    w = np.ones(len(Y), np.float32) if sample_weight is None else np.asarray(sample_weight, np.float32)
    if w.shape != (len(Y),):
        raise ValueError(f"sample_weight must have shape ({len(Y)},)")
    if epochs < 1 or batch_size < 1 or max_length < 8:
        raise ValueError("epochs and batch_size must be >= 1 and max_length >= 8")

    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    tokenizer, model = _load_tokenizer_and_model(
        base, num_labels=len(LABELS), problem_type="multi_label_classification",
        id2label=dict(enumerate(LABELS)), label2id={lab: i for i, lab in enumerate(LABELS)},
        ignore_mismatched_sizes=True)  # the base may carry another head; ours is new

    prevs, texts = _pairs(train_inputs)
    enc = tokenizer(prevs, texts, truncation=True, max_length=max_length, padding=False)
    n = len(texts)
    steps_per_epoch = (n + batch_size - 1) // batch_size
    total = steps_per_epoch * epochs
    no_decay = ("bias", "LayerNorm.weight", "layer_norm", "norm.weight")
    groups = [
        {"params": [p for name, p in model.named_parameters() if not any(k in name for k in no_decay)],
         "weight_decay": weight_decay},
        {"params": [p for name, p in model.named_parameters() if any(k in name for k in no_decay)],
         "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=lr)
    n_warm = int(warmup * total)

    def schedule(step: int) -> float:
        if step < n_warm:
            return (step + 1) / max(1, n_warm)
        return max(0.0, (total - step) / max(1, total - n_warm))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    gen = torch.Generator().manual_seed(seed)
    labels = torch.from_numpy(Y)
    weights = torch.from_numpy(w)
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    model.train()
    step = 0
    started = time.perf_counter()
    for epoch in range(epochs):
        order = torch.randperm(n, generator=gen).tolist()
        running = 0.0
        for b in range(0, n, batch_size):
            idx = order[b:b + batch_size]
            batch = tokenizer.pad({k: [enc[k][i] for i in idx] for k in enc.keys()}, return_tensors="pt")
            logits = model(**batch).logits
            target = labels[idx]
            # unknown cells (-1) carry no loss; each row counts by its sample weight
            cell_w = (target >= 0).float() * weights[idx].unsqueeze(1)
            loss = (bce(logits, target.clamp(min=0)) * cell_w).sum() / cell_w.sum().clamp(min=1e-6)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            running += float(loss.detach())
            step += 1
            if log and (step % 50 == 0 or step == total):
                log(f"epoch {epoch + 1}/{epochs} step {step}/{total} loss {running / (b // batch_size + 1):.4f} "
                    f"({time.perf_counter() - started:.0f}s)")
    model.eval()

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out), safe_serialization=True)
    tokenizer.save_pretrained(str(out))
    marker = {"type": TYPE, "labels": list(LABELS), "max_length": max_length, "base_model": str(base),
              "epochs": epochs, "lr": lr, "batch_size": batch_size, "seed": seed, "examples": n,
              "input": "previous sentence [SEP] sentence"}
    (out / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return out


class TransformersAttribution:
    """The attribution part backed by a fine-tuned encoder: scores from the network, cues and
    source from the fast tier's rule code (when it is installed)."""

    def __init__(self, *, batch_size: int = 32):
        self.batch_size = batch_size

    @classmethod
    def load(cls, directory: str | Path) -> "TransformersAttribution":
        """Return the model saved by :func:`finetune_multilabel` in ``directory``."""
        directory = Path(directory)
        from .models import read_config

        marker = read_config(directory, TYPE, filename=MARKER, what="model written by factcheck's fine-tuning")
        if list(marker.get("labels", [])) != list(LABELS):
            raise ModelError(f"{directory / MARKER} is not a {TYPE} model with the labels {', '.join(LABELS)}")
        _check_local_model(directory, "model")
        self = cls()
        self.tokenizer_, self.model_ = _load_tokenizer_and_model(directory)
        self.model_.eval()
        self.max_length_ = int(marker.get("max_length", 128))
        self.config_ = marker
        return self

    def predict_proba(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return an (n, 3) array of label probabilities, columns in LABELS order."""
        if not hasattr(self, "model_"):
            raise NotFittedError("TransformersAttribution is not loaded; use TransformersAttribution.load(DIR)")
        if not len(X):
            return np.zeros((0, len(LABELS)))
        import torch

        prevs, texts = _pairs(X)
        # Sorting by length keeps padding, and so the work per batch, small.
        order = sorted(range(len(texts)), key=lambda i: len(prevs[i]) + len(texts[i]))
        out = np.zeros((len(texts), len(LABELS)))
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                idx = order[b:b + self.batch_size]
                batch = self.tokenizer_([prevs[i] for i in idx], [texts[i] for i in idx], truncation=True,
                                        max_length=self.max_length_, padding=True, return_tensors="pt")
                logits = self.model_(**batch).logits
                out[idx] = torch.sigmoid(logits).double().numpy()
        return out

    def predict(self, X: Sequence[SentenceInput | str]) -> list[Attribution]:
        """Return one Attribution per input: scores, and cues and source for the present labels."""
        from .accurate import explain

        inputs = [_as_input(x) for x in X]
        return explain(inputs, self.predict_proba(inputs))
