"""The word lists are data: lower case, no duplicates across lists that would contradict."""
from __future__ import annotations

import pytest

from factcheck import cues as C

LISTS = {name: getattr(C, name) for name in dir(C) if name.isupper()}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_entries_are_lower_case_strings(name):
    for entry in LISTS[name]:
        assert isinstance(entry, str) and entry == entry.lower() and entry.strip() == entry, (name, entry)


def test_limits_and_allegations_do_not_overlap_with_hedges():
    # an allegation word that were also a hedge would make every allegation an estimate
    assert not (C.ALLEGATION_WORDS & C.MODALS)
    assert not (C.DENIAL_VERBS & C.REPORTING_VERBS)


def test_vague_subjects_are_not_roles():
    assert not (C.VAGUE_SUBJECTS & C.ROLE_NOUNS)


def test_every_multiword_cue_has_words():
    for phrase in C.APPROXIMATORS + C.HEDGE_PHRASES + C.AGENTLESS_PHRASES + C.FALSITY_PHRASES:
        assert phrase.split(), phrase
