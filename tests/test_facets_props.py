"""Properties every facet list keeps, on any text: offsets point at the text, facets are
sorted, inside the span asked for, and do not overlap; nothing crashes on arbitrary Unicode."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.facets import extract_facets
from factcheck.types import FACET_KINDS

# pieces that make the extractor work hard, mixed with arbitrary text
NEWSY = st.sampled_from([
    "$200 billion", "£3.5m", "15 mln dlrs", "50 cts", "3.6%", "12 pct", "40 per cent",
    "on August 2", "last May", "in 2010", "the 1990s", "mid-1987", "on Wednesday", "yesterday",
    "236 political prisoners", "a dozen states", "two-for-one", "G-20", "3 p.m.", "1986/87",
    "between 168 and 170 stg", "9p to 448", "7-1/2 pct", "1/4 point", "May 23 to 26",
    "twenty-five", "half a million", "No. 2", "Article 50", "İstanbul", "ß", "٣", "½", "\n",
    " ", ",", ".", "-", "/", "'", "’s", "May", "March", "one", "two", "hundred",
])
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=25).map("".join)
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


def check(text, start, end, published):
    found = extract_facets(text, start, end, published=published)
    lo = max(0, start)
    hi = len(text) if end is None else max(lo, min(end, len(text)))
    last_end = lo
    for f in found:
        assert text[f.start:f.end] == f.text
        assert lo <= f.start < f.end <= hi
        assert f.start >= last_end  # sorted and not overlapping
        last_end = f.end
        assert f.kind in FACET_KINDS
        if f.kind == "money":
            assert f.unit and f.unit.isupper() and len(f.unit) == 3
        if f.kind == "date" and f.value is not None:
            assert f.value[:1].isdigit()
    return found


@settings(max_examples=300, deadline=None)
@given(TEXT, DATES)
def test_offsets_point_at_the_text(text, published):
    check(text, 0, None, published)


@settings(max_examples=200, deadline=None)
@given(st.text(), DATES)
def test_arbitrary_unicode_does_not_crash(text, published):
    check(text, 0, None, published)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(-5, 80), st.one_of(st.none(), st.integers(-5, 120)), DATES)
def test_any_span_stays_inside(text, start, end, published):
    check(text, start, end, published)


@settings(max_examples=100, deadline=None)
@given(TEXT, TEXT, DATES)
def test_a_sentence_reads_the_same_inside_a_document(before, sentence, published):
    """Facets of a sentence do not depend on the text around it, only shift with it."""
    alone = extract_facets(sentence, published=published)
    doc = before + "\n\n" + sentence
    inside = extract_facets(doc, len(before) + 2, len(doc), published=published)
    shift = len(before) + 2
    assert [(f.kind, f.start + shift, f.value) for f in alone if f.unit not in ("CHF", "FRF", "BEF")] == \
        [(f.kind, f.start, f.value) for f in inside if f.unit not in ("CHF", "FRF", "BEF")]


def test_day_range_with_year_needs_no_publication_date():
    facets = extract_facets("March 3-4, 2015 - The summit is held in Oslo.")
    assert [f.value for f in facets if f.kind == "date"] == ["2015-03-03", "2015-03-04"]
