"""What the rule baseline and the trained classifier share: input checks, turning scores and
cues into :class:`~factcheck.types.Attribution` records, and safe model files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import NotFittedError
from ..types import LABELS, THRESHOLD, Attribution, Cue, SentenceInput
from .analysis import Analysis


def check_inputs(X: Sequence[SentenceInput]) -> list[SentenceInput]:
    """Return ``X`` as a list, or raise TypeError if an item is not a SentenceInput."""
    X = list(X)
    for x in X:
        if not isinstance(x, SentenceInput):
            raise TypeError(f"expected SentenceInput items, got {type(x).__name__}; "
                            "build them with SentenceInput.from_text(...)")
    return X


def check_targets(X: list, Y) -> np.ndarray:
    """Return ``Y`` as an (n, 3) 0/1 integer array matching ``X``, or raise ValueError."""
    Y = np.asarray(Y)
    if Y.ndim != 2 or Y.shape[1] != len(LABELS) or Y.shape[0] != len(X):
        raise ValueError(f"Y must have shape ({len(X)}, {len(LABELS)}) with columns {LABELS}; got {Y.shape}")
    if not np.isin(Y, (0, 1)).all():
        raise ValueError("Y must hold only 0 and 1")
    return Y.astype(np.int8)


def require_fitted(model, attribute: str) -> None:
    """Raise NotFittedError when ``model`` lacks the fitted ``attribute``."""
    if getattr(model, attribute, None) is None:
        raise NotFittedError(f"this {type(model).__name__} is not fitted: call fit(X, Y) or load(directory) first")


#: Labels that are present only with a cue of their own: the record names "the cue words that
#: decided it" for each present label, so a model score without one is capped below the threshold.
CUE_REQUIRED = ("sourced", "estimated", "contested")
#: the score a label without a cue keeps at most
CUELESS_CAP = round(THRESHOLD - 0.01, 4)


def require_cues(P: np.ndarray, analyses: Sequence[Analysis], labels: Sequence[str] = CUE_REQUIRED) -> np.ndarray:
    """Return the (n, 3) scores ``P`` with every label of ``labels`` that has no cue in its
    sentence's analysis capped at :data:`CUELESS_CAP` (a new array; ``P`` is not changed).
    ``sourced`` counts as cued only when the rules found its source."""
    P = np.array(P, dtype=float, copy=True)
    fired = [{c[0] for c in a.cues} for a in analyses]  # what Analysis.fired answers, once per sentence
    for k, lab in enumerate(LABELS):
        if lab not in labels:
            continue
        cueless = np.fromiter((lab not in f for f in fired), dtype=bool, count=len(fired))
        P[cueless & (P[:, k] > CUELESS_CAP), k] = CUELESS_CAP
    return P


def to_attribution(scores_row: np.ndarray, analysis: Analysis, doc_text: str) -> Attribution:
    """Return the record for one sentence: scores, the cues of each present label, the source."""
    row = scores_row.tolist()
    scores = {lab: round(row[k], 4) for k, lab in enumerate(LABELS)}
    present = {lab for lab in LABELS if scores[lab] >= THRESHOLD}
    cues = tuple(Cue(lab, doc_text[s:e], s, e) for lab, _, s, e in analysis.cues if lab in present)
    source = analysis.finding.source if "sourced" in present else None
    return Attribution(scores=scores, cues=cues, source=source)


def write_config(directory: Path, config: dict) -> Path:
    """Write ``config.json`` into ``directory`` (created if needed) and return the directory."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return directory


def read_config(directory: Path, expected_type: str) -> dict:
    """Return the config of a model directory after checking it is safe and of ``expected_type``."""
    from ..models import read_config as read_model_config

    return read_model_config(directory, expected_type, what="factcheck attribution model")
