"""Sentence splitting on news and wire copy: offsets always point at the text."""
import pytest
from hypothesis import given, settings, strategies as st

from factcheck.segment import split_sentences

CASES = [
    ("Prices rose 3.6% in May. Analysts had expected less.", 2),
    ("Mr. Smith met Gov. Jones on Jan. 5 in Washington. They talked.", 2),
    ("The U.S. economy grew. The euro zone did not.", 2),
    ("Shares of Acme Corp. rose 5 pct in New York trading.", 1),
    ("Acme Inc. said profit rose. The company also said sales fell.", 2),
    ("J. R. Smith scored 20 points.", 1),
    ('"We will win," she said. "Nobody doubts it."', 2),
    ("He asked: \"Why now?\" Nobody answered.", 2),
    ("Officials met in Geneva (the talks lasted 3.5 hours). No deal was reached.", 2),
    ("Markets fell sharply — the worst day since 1987. Bonds rallied.", 2),
    ("Trump wins Ohio\n\nThe president-elect carried the state by 8 points.", 2),
    ("Oil output fell\nSaudi Arabia cut production by 500,000 barrels a day.", 2),
    ("It will cost 1.2 bln dlrs, the ministry said.", 1),
    ("Senior U.S. officials said the talks would resume in April.", 1),
    ("The meeting is at 3 p.m. Friday in the capital.", 1),
    ("Is this the end? Perhaps not.", 2),
]


@pytest.mark.parametrize("text,n", CASES)
def test_sentence_counts(text, n):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] and len(sentences) == n, [s.text for s in sentences]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_hard_wrapped_lines_join():
    text = "The central bank said it would\nraise rates by half a point\nnext month."
    assert len(split_sentences(text)) == 1


@given(st.text())
@settings(max_examples=300)
def test_offsets_always_point_at_the_text(text):
    prev_end = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.start >= prev_end and s.end > s.start
        assert s.text == s.text.strip()
        prev_end = s.end


def test_long_sentence_is_cut_at_clause_punctuation_then_at_the_cap():
    from factcheck.segment import MAX_WORDS
    clause = " ".join(["word"] * 40) + ","  # 40 words, the last ending in a comma
    text = " ".join([clause] * 6) + " " + " ".join(["plain"] * (3 * MAX_WORDS))
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert len(s.text.split()) <= MAX_WORDS
    assert sentences[0].text.endswith(",")  # cut at the comma, not mid-clause
    assert len(sentences[0].text.split()) == MAX_WORDS // 40 * 40
    assert sum(len(s.text.split()) for s in sentences) == len(text.split())  # no word lost


def test_sentence_at_the_cap_is_kept_whole():
    from factcheck.segment import MAX_WORDS
    text = " ".join(["word"] * MAX_WORDS)
    assert [s.text for s in split_sentences(text)] == [text]


@given(st.lists(st.sampled_from(["tax", "rose", "said", "Ana", "9", ",", ";", "—", "up", "x\n"]), max_size=900))
@settings(max_examples=60, deadline=None)
def test_no_sentence_longer_than_the_cap(words):
    from factcheck.segment import MAX_WORDS
    text = " ".join(words)
    prev_end = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.start >= prev_end
        assert len(s.text.split()) <= MAX_WORDS
        prev_end = s.end
