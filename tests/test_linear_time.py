"""Extraction work grows with the text's length, not its square, whatever the punctuation.

Work is counted, not timed: the number of Python lines run inside ``factcheck`` while a text
is segmented, its facets found and its attribution rules applied. Eight copies of a text
without a full stop must cost about eight times one copy (a quadratic scan would cost 64).
"""
import sys

from hypothesis import given, settings, strategies as st

from factcheck.attribution.analysis import analyse
from factcheck.pipeline import sentence_inputs
from factcheck.types import Document

# words that wake the rules: reporting verbs, names, hedges, denials, figures, quotation marks
WORDS = ("said told says according to the minister Ana Costa of Acme he she it they reporters up to 5 percent "
         "about estimated denied claims called poll in a Gallup week rose ticks plan , “ ” ; — that and "
         "officials expected may could sources familiar with report showed by court ruled").split()


def _work(text: str) -> int:
    """Return the number of lines run in factcheck's own code to analyse ``text``."""
    count = 0

    def line(frame, event, arg):
        nonlocal count
        count += 1
        return line

    def call(frame, event, arg):
        return line if "/factcheck/" in frame.f_code.co_filename else None

    sys.settrace(call)
    try:
        for si in sentence_inputs(Document("d", text)):
            analyse(si)
    finally:
        sys.settrace(None)
    return count


@given(st.lists(st.sampled_from(WORDS), min_size=250, max_size=400))
@settings(max_examples=5, deadline=None)
def test_work_grows_linearly_on_text_without_full_stops(words):
    one = " ".join(words)
    eight = " ".join([one] * 8)
    assert _work(eight) <= 9 * _work(one) + 20_000
