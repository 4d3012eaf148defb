"""The cue-lexicon baseline: a label is present when one of its cues fires.

It follows the same contract as the trained classifier. ``fit`` only measures, per label, how
often the label is right when its cue fires and when it does not (Laplace-smoothed), so its
scores are calibrated on the data it saw; the decisions stay the rules'.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from ..types import LABELS, Attribution, SentenceInput
from .analysis import analyse
from .base import check_inputs, check_targets, read_config, require_fitted, to_attribution, write_config

TYPE = "attribution-rules"


class CueLexiconClassifier:
    """Sourced / estimated / contested from the word lists of ``factcheck.cues`` alone."""

    def __init__(self, *, smoothing: float = 1.0, floor: float = 0.5):
        self.smoothing = smoothing
        self.floor = floor

    def _fired(self, X: list[SentenceInput]) -> np.ndarray:
        return np.array([[a.fired(lab) for lab in LABELS] for a in map(analyse, X)], dtype=bool).reshape(-1, len(LABELS))

    def fit(self, X: Sequence[SentenceInput], Y) -> "CueLexiconClassifier":
        """Measure how often each label holds when its cue fires and when not; return self."""
        X = check_inputs(X)
        Y = check_targets(X, Y)
        fired = self._fired(X)
        a = self.smoothing
        on, off = [], []
        for k in range(len(LABELS)):
            f, y = fired[:, k], Y[:, k]
            on.append((y[f].sum() + a) / (f.sum() + 2 * a))
            off.append((y[~f].sum() + a) / ((~f).sum() + 2 * a))
        # the rules decide: a fired cue scores at least the threshold, a silent one below it
        self.p_fired_ = np.maximum(np.array(on), self.floor)
        self.p_silent_ = np.minimum(np.array(off), self.floor - 1e-3)
        return self

    def predict_proba(self, X: Sequence[SentenceInput]) -> np.ndarray:
        """Return an (n, 3) array of scores in LABELS order."""
        require_fitted(self, "p_fired_")
        fired = self._fired(check_inputs(X))
        return np.where(fired, self.p_fired_, self.p_silent_)

    def predict(self, X: Sequence[SentenceInput]) -> list[Attribution]:
        """Return one Attribution per sentence: scores, the cues of present labels, the source."""
        require_fitted(self, "p_fired_")
        X = check_inputs(X)
        out = []
        for x in X:
            a = analyse(x)
            fired = np.array([a.fired(lab) for lab in LABELS])
            out.append(to_attribution(np.where(fired, self.p_fired_, self.p_silent_), a, x.doc_text))
        return out

    def save(self, directory: str | Path) -> Path:
        """Write the model as ``config.json`` (no other file) and return the directory."""
        require_fitted(self, "p_fired_")
        return write_config(Path(directory), {
            "type": TYPE, "labels": list(LABELS), "smoothing": self.smoothing, "floor": self.floor,
            "p_fired": [float(v) for v in self.p_fired_], "p_silent": [float(v) for v in self.p_silent_]})

    @classmethod
    def load(cls, directory: str | Path) -> "CueLexiconClassifier":
        """Return the model saved in ``directory``."""
        config = read_config(Path(directory), TYPE)
        model = cls(smoothing=config.get("smoothing", 1.0), floor=config.get("floor", 0.5))
        model.p_fired_ = np.array(config["p_fired"], dtype=float)
        model.p_silent_ = np.array(config["p_silent"], dtype=float)
        return model
