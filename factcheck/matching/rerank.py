"""The learned re-ranker: a logistic regression over pair features, saved as JSON.

It follows the scikit-learn contract (``fit`` returns self; learned state ends in ``_``) and
is stored as plain JSON (feature names, scaling, coefficients), so loading runs no code.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ModelError, NotFittedError
from ..models import read_config

TYPE = "matching-rerank"


class Reranker:
    """Probability that a candidate states the same claim as the query."""

    def __init__(self, *, features: Sequence[str] = (), C: float = 1.0):
        self.features = tuple(features)
        self.C = C
        self.encoder: dict | None = None

    def fit(self, X: np.ndarray, y: np.ndarray) -> "Reranker":
        from sklearn.linear_model import LogisticRegression

        X = np.asarray(X, dtype=np.float64)
        self.mean_ = X.mean(axis=0)
        self.scale_ = X.std(axis=0)
        self.scale_[self.scale_ == 0] = 1.0
        lr = LogisticRegression(C=self.C, max_iter=2000)
        lr.fit((X - self.mean_) / self.scale_, np.asarray(y))
        self.coef_ = lr.coef_[0]
        self.intercept_ = float(lr.intercept_[0])
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        if not hasattr(self, "coef_"):
            raise NotFittedError("the re-ranker is not fitted; call fit() or load a trained one")
        X = np.asarray(X, dtype=np.float64).reshape(-1, len(self.coef_))
        return ((X - self.mean_) / self.scale_) @ self.coef_ + self.intercept_

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.stack([1 - p, p], axis=1)

    def save(self, directory: str | Path, **meta) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        config = {"type": TYPE, "features": list(self.features), "C": self.C,
                  "mean": self.mean_.tolist(), "scale": self.scale_.tolist(),
                  "coef": self.coef_.tolist(), "intercept": self.intercept_, **meta}
        (directory / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "Reranker":
        config = read_config(directory, TYPE, what="matching re-ranker")
        model = cls(features=config["features"], C=config.get("C", 1.0))
        #: the fine-tuned encoder the dense features were made with (None: the pinned one)
        model.encoder = config.get("encoder")
        try:
            model.mean_ = np.array(config["mean"], dtype=np.float64)
            model.scale_ = np.array(config["scale"], dtype=np.float64)
            model.coef_ = np.array(config["coef"], dtype=np.float64)
            model.intercept_ = float(config["intercept"])
            #: the SHA-256 of the static word table its static features were computed with (fast tier)
            model.static_sha256_ = config.get("static_sha256")
            #: how many of the table's nearest claims were added as candidates
            model.static_candidates_ = int(config.get("static_candidates", 0))
            #: the static cosine most wordings of one claim reach (fast tier; None before it was fitted)
            floor = config.get("same_claim_floor")
            model.same_claim_floor_ = float(floor) if floor is not None else None
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{directory}/config.json is not a trained re-ranker ({exc})") from None
        if not (len(model.coef_) == len(model.mean_) == len(model.scale_) == len(model.features)):
            raise ModelError(f"{directory}/config.json: feature names and weights differ in length")
        return model
