"""What both adapted model parts share: loading the base part, fitting the layer over it,
and their files (a ``base/`` copy of the base part, ``config.json`` and ``weights.npz``)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from ..errors import ModelError
from . import logistic

WEIGHTS = "weights.npz"


def load_base(base):
    """Return (base part, its directory or None) from a part directory or a loaded part."""
    if isinstance(base, (str, Path)):
        from ..models import load_component
        return load_component(base), Path(base)
    if base is None:
        raise ValueError("an adapted part needs base=DIR (the part it adapts) or a loaded part")
    return base, getattr(base, "directory_", None)


def fit_layer(X, offset: np.ndarray, y: np.ndarray, weight: np.ndarray, l2) -> np.ndarray:
    """Return the layer's weights over all columns of X, fitted on the columns the rows use
    (the prior keeps every other column at zero, so this is the same fit, only faster)."""
    used = np.unique(X.nonzero()[1])
    theta = np.zeros(X.shape[1])
    if len(used):
        l2 = np.broadcast_to(np.asarray(l2, dtype=np.float64), (X.shape[1],))
        theta[used] = logistic.fit_offset(X[:, used], offset, y, weight, l2[used])
    return theta


def column_l2(l2: tuple[float, float], n_words: int, n_before: int = 0, n_after: int = 2) -> np.ndarray:
    """Return the per-column prior strengths of a layer: ``l2 = (words, calibration)``, the
    hashed words between ``n_before`` and ``n_after`` calibration columns (rule features, bias,
    base log-odds), which need fewer examples to move and so get their own strength."""
    words, cal = l2
    return np.concatenate([np.full(n_before, cal), np.full(n_words, words), np.full(n_after, cal)])


def fold_layer(theta: np.ndarray, shift, inner_theta: np.ndarray, inner_shift):
    """Return (weights, shift) of one layer equal to the layer ``theta``, ``shift`` laid over the
    layer ``inner_theta``, ``inner_shift`` of the same shape, whose base log-odds ``zb`` is each
    layer's last column: ``z = zb + F @ t + s``, so the outer layer's ``z = c * z1 + F @ theta +
    shift`` with ``c = 1 + theta[zb]`` is ``zb + F @ (c * t_in + theta) + (c * s_in + shift)``, with
    the ``zb`` weight ``c * (1 + t_in[zb]) - 1``. One label's weights are a vector and its shift a
    number; several labels' a row each and a shift each."""
    theta, inner = np.atleast_2d(theta), np.atleast_2d(inner_theta)
    c = 1.0 + theta[:, -1]
    flat = c[:, None] * inner + theta
    flat[:, -1] = c * (1.0 + inner[:, -1]) - 1.0
    folded_shift = c * np.asarray(inner_shift, dtype=float) + np.asarray(shift, dtype=float)
    if np.ndim(inner_theta) == 1:
        return flat[0], float(folded_shift[0])
    return flat, folded_shift


def save_part(directory: Path, base_dir: Path | None, config: dict, thetas: np.ndarray) -> Path:
    """Write the part: config.json, the non-zero weights and a copy of the base part."""
    if base_dir is None:
        raise ModelError("this adapted part was fitted on a base loaded in memory; fit it with base=DIR to save it")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if (directory / "base").exists():
        shutil.rmtree(directory / "base")
    shutil.copytree(base_dir, directory / "base")
    thetas = np.atleast_2d(thetas)
    rows, cols = np.nonzero(thetas)
    np.savez_compressed(directory / WEIGHTS, shape=np.array(thetas.shape), row=rows.astype(np.int32),
                        col=cols.astype(np.int32), value=thetas[rows, cols].astype(np.float64))
    (directory / "config.json").write_text(json.dumps({**config, "base": "base", "weights": WEIGHTS}, indent=2)
                                           + "\n", encoding="utf-8")
    return directory


def load_part(directory: Path, expected_type: str):
    """Return (config, weights array, base part) of a saved adapted part (no pickles)."""
    from ..models import load_component, read_config
    directory = Path(directory)
    config = read_config(directory, expected_type, what="adapted model part")
    try:
        with np.load(directory / WEIGHTS, allow_pickle=False) as npz:
            shape = tuple(int(v) for v in npz["shape"])
            thetas = np.zeros(shape)
            thetas[npz["row"], npz["col"]] = npz["value"]
    except FileNotFoundError:
        raise ModelError(f"{directory} has no {WEIGHTS}; adapt the model again with 'factcheck train --from-queue'") from None
    except (ValueError, KeyError, IndexError) as exc:
        raise ModelError(f"{directory / WEIGHTS} is not an adapted model's weights file ({exc})") from None
    base = load_component(directory / "base")
    base.directory_ = directory / "base"
    return config, thetas, base
