"""Rebuilding models from labelled data: the code behind ``factcheck train``.

Each tier trains its two parts with fixed seeds and writes a model directory that
``--model DIR`` loads; the shipped ``models/fast`` and ``models/accurate`` are rebuilt this way.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .errors import FactcheckError
from .models import write_manifest


def shared_dir() -> Path:
    """Return the shared data folder: $FACTCHECK_SHARED, else ../shared beside the repository."""
    env = os.environ.get("FACTCHECK_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared"


def own_data_dir() -> Path:
    """Return the project's own labelled data (``datasets/attribution``)."""
    return Path(__file__).resolve().parents[1] / "datasets" / "attribution"


def _data_root(data: str | Path | None) -> Path:
    root = Path(data) if data else shared_dir() / "data"
    if not (root / "checkworthy").is_dir():
        raise FactcheckError(f"{root} does not hold the labelled data (no checkworthy/ folder); "
                             "pass --data PATH/TO/shared/data")
    return root


def train_tier(out: str | Path, *, tier: str = "fast", data: str | Path | None = None,
               own_data: str | Path | None = None, seed: int = 0, base_model: str | Path | None = None,
               limit: int | None = None, log=None) -> Path:
    """Train both parts of a tier and write a loadable model to ``out``.

    ``fast``: the linear models. ``accurate``: the fine-tuned check-worthiness model
    (:func:`factcheck.finetuned.train_finetuned`, from the pinned MiniLM or ``base_model``, on the
    first ``limit`` sentences of a seeded shuffle when given; ``log`` gets its progress lines) and the fast tier's attribution
    model, trained afresh. ``finetuned``: the fine-tuned check-worthiness model with a copy of
    the shipped fast attribution model (quick to rebuild: nothing else is trained)."""
    root = _data_root(data)
    own = Path(own_data) if own_data else own_data_dir()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if tier == "fast":
        from .attribution import train_attribution
        from .checkworthy import train_checkworthy
        checkworthy = train_checkworthy(root, seed=seed)
        attribution = train_attribution(root, own, seed=seed)
    elif tier in ("accurate", "finetuned"):
        from .finetuned import train_finetuned
        checkworthy = None
        train_finetuned(out / "checkworthy", root, base_model_dir=base_model, limit=limit, seed=seed, log=log)
        if tier == "accurate":
            # the fast tier's attribution model: the embedding one (factcheck.accurate) did not
            # beat it on news-dev and cost a second encoder pass per sentence (MODEL_CARD.md)
            from .attribution import train_attribution
            attribution = train_attribution(root, own, seed=seed)
        else:
            import shutil

            from .models import resolve
            shutil.copytree(resolve("fast") / "attribution", out / "attribution", dirs_exist_ok=True)
            attribution = None
    else:
        raise FactcheckError(f"unknown tier {tier!r}: use fast, accurate or finetuned")
    if checkworthy is not None:
        checkworthy.save(out / "checkworthy")
    if attribution is not None:
        attribution.save(out / "attribution")
    write_manifest(out, name=out.name if tier not in ("fast", "accurate") or out.name != tier else tier,
                   version=dt.date.today().isoformat(), tier=tier, seed=seed)
    return out


def train_transformers(out: str | Path, *, base_model: str | Path, data: str | Path | None = None,
                       own_data: str | Path | None = None, seed: int = 0, epochs: int = 2,
                       lr: float = 5e-5, batch_size: int = 16, max_length: int = 128,
                       limit: int | None = None) -> Path:
    """Fine-tune a local Hugging Face encoder as the attribution part and write a loadable model."""
    import numpy as np

    from .attribution.train import training_set
    from .finetune import finetune_multilabel

    own = Path(own_data) if own_data else own_data_dir()
    # the fully labelled examples the fast tier calibrates on (the project's own data set)
    inputs, labels, _, _, _ = training_set(None, own, seed=seed, public={})
    keep = np.flatnonzero((labels >= 0).all(axis=1))
    inputs, labels = [inputs[i] for i in keep], labels[keep]
    if limit:
        inputs, labels = inputs[:limit], labels[:limit]
    out = Path(out)
    finetune_multilabel(base_model, inputs, labels, out_dir=out / "attribution", epochs=epochs, lr=lr,
                        batch_size=batch_size, seed=seed, max_length=max_length)
    from .models import resolve
    fast_cw = resolve("fast") / "checkworthy"
    import shutil
    shutil.copytree(fast_cw, out / "checkworthy", dirs_exist_ok=True)
    write_manifest(out, name=out.name, version=dt.date.today().isoformat(), tier="transformers",
                   base_model=str(base_model), seed=seed)
    return out
