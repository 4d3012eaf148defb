"""Check-worthiness must not move with wrappers that carry no meaning.

The wrappers are quotation marks (straight and curly), a speaker tag after the sentence, a
leading dash or ellipsis, letter case, white space and a transcript's stage directions. The
unit tests use sentences written here; the model tests wrap real sentences of the CT24 *train*
split, read from ../shared/data when the test runs (skipped when it is absent).
"""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from factcheck.wrappers import WRAPPERS, strip_wrappers

REPO = Path(__file__).resolve().parents[1]
MAX_SHIFT = 0.05


OWN = [
    "We cut the deficit by 40 percent over four years.",
    "I think this country deserves much better than that.",
    "Is that really what you want for your children?",
    "The plant in Ohio closed in 2009 and 3,000 people lost their jobs.",
    "Thank you all for being here tonight.",
]


@pytest.mark.parametrize("name", sorted(WRAPPERS))
@pytest.mark.parametrize("sentence", OWN)
def test_strip_wrappers_undoes_each_wrapper(name, sentence):
    wrapped = WRAPPERS[name](sentence)
    if "case" in name:
        assert strip_wrappers(wrapped).lower() == strip_wrappers(sentence).lower()
    else:
        assert strip_wrappers(wrapped) == strip_wrappers(sentence)


@pytest.mark.parametrize("text, kept", [
    ("The minister said prices rose 3 percent.", "The minister said prices rose 3 percent"),
    ("Is that true?", "Is that true?"),
    ("We won 52-48 in the Senate -- the vote was close.", "We won 52-48 in the Senate -- the vote was close"),
    ('He called it a "historic" deal worth $3 billion.', "He called it a historic deal worth $3 billion"),
    ("(APPLAUSE)", ""),
])
def test_strip_wrappers_keeps_the_words(text, kept):
    assert strip_wrappers(text) == kept


def _ct24_train_sample(n: int, seed: int = 11) -> list[str]:
    from factcheck.datasets.checkworthy import data_dir, read_ct24_split
    if not (data_dir() / "checkworthy" / "ct24" / "train.tsv").exists():
        pytest.skip("../shared/data is not here")
    rows = read_ct24_split("train")
    return [r.text for r in random.Random(seed).sample(rows, n)]


def _shifts(model, sentences: list[str]) -> dict[str, np.ndarray]:
    from factcheck.checkworthy import score_shifts
    return score_shifts(model, sentences)


@pytest.mark.shared
def test_fast_scores_do_not_move_with_wrappers():
    from factcheck.checkworthy import CheckworthyClassifier
    model = CheckworthyClassifier.load(REPO / "models" / "fast" / "checkworthy")
    sentences = _ct24_train_sample(300)
    for name, shift in _shifts(model, sentences).items():
        worst = int(np.argmax(shift))
        assert shift[worst] <= MAX_SHIFT, f"{name}: moved {shift[worst]:.3f} on CT24 train sentence {worst}"


@pytest.mark.shared
@pytest.mark.slow
def test_finetuned_scores_do_not_move_with_wrappers():
    pytest.importorskip("torch")
    from factcheck.models import load_component
    path = REPO / "models" / "accurate" / "checkworthy"
    model = load_component(path)
    sentences = _ct24_train_sample(40, seed=12)
    for name, shift in _shifts(model, sentences).items():
        worst = int(np.argmax(shift))
        assert shift[worst] <= MAX_SHIFT, f"{name}: moved {shift[worst]:.3f} on CT24 train sentence {worst}"


NOTATIONS = [
    ("The council said the harbour plan would cost $80M.", "The council said the harbour plan would cost $80 million."),
    ("The deal is worth £5m, the company said.", "The deal is worth £5 million, the company said."),
    ("The bank lent €3bn to the port.", "The bank lent €3 billion to the port."),
    ("It posted a loss of 45 mln dlrs.", "It posted a loss of 45 million dlrs."),
    ("Donors gave 2 bn euros.", "Donors gave 2 billion euros."),
]


def test_a_scale_abbreviation_reads_as_its_word():
    from factcheck.checkworthy import analyse
    for short, long in NOTATIONS:
        assert analyse(short) == analyse(long), short
    # a lone "m" after a figure without a currency may be metres: left as written
    assert "million" not in analyse("She won the 100m sprint.")


def test_fast_scores_do_not_move_with_the_notation_of_money():
    from factcheck.checkworthy import CheckworthyClassifier
    model = CheckworthyClassifier.load(REPO / "models" / "fast" / "checkworthy")
    scores = model.predict_proba([s for pair in NOTATIONS for s in pair])[:, 1]
    for (short, _), a, b in zip(NOTATIONS, scores[0::2], scores[1::2]):
        assert abs(a - b) <= MAX_SHIFT, f"{short}: {a:.3f} against {b:.3f}"
