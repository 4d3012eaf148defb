"""A tiny deterministic model for the batch, frames, export and report tests (no trained model).

Check-worthiness is 0.9 for a sentence with a digit, else 0.1; ``said`` makes it sourced,
``about`` estimated, ``denies`` contested. A sentence with ``EXPLODE`` makes the model raise,
standing in for a document that breaks the pipeline.
"""
from __future__ import annotations

import time

import numpy as np

from factcheck.types import Attribution, Cue, Document


class FakeCheckworthy:
    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def predict_proba(self, inputs):
        if self.delay:
            time.sleep(self.delay)
        if any("EXPLODE" in i.text for i in inputs):
            raise RuntimeError("the model choked on this text")
        p = np.array([0.9 if any(ch.isdigit() for ch in i.text) else 0.1 for i in inputs], dtype=float)
        return np.stack([1 - p, p], axis=1).reshape(-1, 2)


class FakeAttribution:
    def predict(self, inputs):
        out = []
        for i in inputs:
            t = i.text
            scores = {"sourced": 0.9 if " said" in t else 0.1, "estimated": 0.8 if "about" in t else 0.2,
                      "contested": 0.7 if "denies" in t else 0.05}
            cues = []
            k = t.find(" said")
            if k >= 0:
                cues.append(Cue("sourced", "said", i.start + k + 1, i.start + k + 5))
            out.append(Attribution(scores, tuple(cues)))
        return out


class FakeModel:
    name = "fake"
    version = "1"

    def __init__(self, delay: float = 0.0):
        self.checkworthy = FakeCheckworthy(delay)
        self.attribution = FakeAttribution()


def fake_model():
    """A picklable model factory, as worker processes need."""
    return FakeModel()


class SlowFactory:
    """A picklable factory for a model that sleeps per batch (to kill a run halfway)."""

    def __init__(self, delay: float):
        self.delay = delay

    def __call__(self):
        return FakeModel(self.delay)


def make_docs(n: int, start: int = 0) -> list[dict]:
    """Hand-written documents, varied by number, for the batch tests."""
    out = []
    for k in range(start, start + n):
        text = (f"Harbour report {k}. The port authority said {k + 3} ships docked in 2019. "
                f"Traffic rose about {k % 7 + 1} percent, officials estimated. "
                f"The mayor denies that {k * 11} jobs were lost. It was a calm week.")
        out.append({"doc_id": f"d{k}", "text": text, "published": "2020-01-15"})
    return out


def test_fake_model_is_deterministic():
    from factcheck.types import SentenceInput
    a = SentenceInput.from_text("The agency said 12 ships came.")
    b = SentenceInput.from_text("Nothing here.")
    p = FakeModel().checkworthy.predict_proba([a, b])
    assert p[:, 1].tolist() == [0.9, 0.1]
    assert FakeModel().attribution.predict([a])[0].scores["sourced"] == 0.9
    assert Document("x", "y").doc_id == "x"


class DiesOnceFactory:
    """A picklable factory for a model whose worker process dies the first time it sees a
    document about 'lighthouse', as a worker killed by the system would; later calls work."""

    def __init__(self, marker: str):
        self.marker = marker

    def __call__(self):
        import os
        marker = self.marker

        class Dying(FakeCheckworthy):
            def predict_proba(self, inputs):
                if any("lighthouse" in i.text for i in inputs) and not os.path.exists(marker):
                    open(marker, "w").close()
                    os._exit(1)
                return super().predict_proba(inputs)

        model = FakeModel()
        model.checkworthy = Dying()
        return model
