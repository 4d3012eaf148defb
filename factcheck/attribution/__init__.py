"""Attribution status of a claim: sourced, estimated, contested, and who the source is.

``CueLexiconClassifier`` is the rule baseline; ``AttributionClassifier`` the trained fast
classifier; both follow the scikit-learn contract (``fit``, ``predict_proba``, ``predict``,
``save``/``load``). ``find_source`` finds the source of one sentence; ``train_attribution``
rebuilds the shipped model.
"""
from __future__ import annotations

from .linear import AttributionClassifier
from .rules import CueLexiconClassifier
from .resolution import find_source
from .train import train_attribution

__all__ = ["AttributionClassifier", "CueLexiconClassifier", "find_source", "train_attribution"]
