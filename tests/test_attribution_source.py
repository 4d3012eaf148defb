"""Source extraction: named, according to, after the verb, pronoun -> sentence before, agentless -> none."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.attribution import find_source
from factcheck.types import SentenceInput

CASES = [
    ("", "Exports rose 6 percent in April, the trade ministry said.", "the trade ministry"),
    ("", "Ana Costa, the hospital's director, said 112 patients were treated.", "Ana Costa"),
    ("", "According to the World Meteorological Organization, 2023 was the warmest year on record.",
     "the World Meteorological Organization"),
    ("", "A study by Leeds University found that 30 percent of the samples were fake.", "Leeds University"),
    ("", "\"We sold 4,000 cars in May,\" said Tom Reyes, a spokesman for the dealer.", "Tom Reyes"),
    ("", "Earlier this month the rail operator said it would cut 90 services.", "the rail operator"),
    ("The Port Authority of Lagos said cargo volumes doubled in 2022.",
     "It said 5,000 containers passed through the port every day.", "The Port Authority of Lagos"),
    ("Finance Minister Ruth Adeyemi spoke at the summit on Tuesday.",
     "She said the deficit would fall to 3 percent.", "Finance Minister Ruth Adeyemi"),
    ("", "In March, Governor Li Wen visited the flooded district where he said 2,000 homes were lost.",
     "Governor Li Wen"),
]


@pytest.mark.parametrize("prev,text,expected", CASES)
def test_source_text(prev, text, expected):
    si = SentenceInput.from_text(text, prev_text=prev)
    span = find_source(si)
    assert span is not None
    assert span.text == expected
    assert si.doc_text[span.start:span.end] == span.text


NO_SOURCE = [
    ("", "It has been reported that the company owes 2 million dollars."),
    ("", "The firm reportedly paid 40 million dollars for the site."),
    ("", "Some say the dam will cost 3 billion dollars."),
    ("", "Police found 14 kilograms of cocaine in the truck."),
    ("Jordan bid 74 dollars a tonne for wheat on Monday.", "The agency rejected the bids, they said."),
    ("", "The Senate confirmed the judge by 52 votes to 47."),
    ("", "The governor denied that the state had spent 9 million dollars on the plan."),
]


@pytest.mark.parametrize("prev,text", NO_SOURCE)
def test_no_source(prev, text):
    assert find_source(SentenceInput.from_text(text, prev_text=prev)) is None


@pytest.mark.xfail(reason="pronouns are resolved without gender: 'she' goes to the first person named before")
def test_pronoun_with_object_antecedent():
    si = SentenceInput.from_text("She said the accounts were missing 5,000 dollars.",
                                 prev_text="Paul Ortiz hired Maria Gomez as his auditor in 2019.")
    assert find_source(si).text == "Maria Gomez"


words = st.sampled_from(["the", "ministry", "said", "about", "according", "to", "it", "He", "Reuters",
                         "reported", "denied", ",", ".", "42", "percent", "Ana", "Costa", "told", "that"])


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=25), st.lists(words, max_size=15))
def test_offsets_always_point_at_the_text(sentence, previous):
    si = SentenceInput.from_text(" ".join(sentence), prev_text=" ".join(previous))
    span = find_source(si)
    if span is not None:
        assert si.doc_text[span.start:span.end] == span.text
        assert span.text.strip()
