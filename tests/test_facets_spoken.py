"""Dates and counts as wire copy and broadcast transcripts write them: a date before a colon,
*this coming* weekdays, days and years said in words, acronyms and coordinated modifiers in a
counted phrase. Every sentence is written for these tests (found as patterns on FactBank's
newswire, ``datasets/factbank-facets-dev``, whose card lists them); each row is (sentence,
publication date, the date or count facets as (kind, text, value)).
"""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck.facets import extract_facets

SAT = dt.date(1998, 4, 24)  # a Friday
TUE = dt.date(1998, 3, 3)


def facets(text, published, kinds=("date", "count")):
    return [(f.kind, f.text, f.value) for f in extract_facets(text, published=published) if f.kind in kinds]


#: a day before a colon is still a day; a colon before a digit is a clock
COLON = [
    ("The paper argued in its leader on Saturday, April 25: the ruling was a mistake.", SAT,
     [("date", "Saturday", "1998-04-25"), ("date", "April 25", "1998-04-25")]),
    ("Its column of April 25: taxes must fall.", SAT, [("date", "April 25", "1998-04-25")]),
    ("The board reported on Oct. 26: sales were flat.", SAT, [("date", "Oct. 26", "1997-10-26")]),  # past tense
    ("The board will report on Oct. 26: sales are flat.", SAT, [("date", "Oct. 26", "1998-10-26")]),
    ("Doors open at April 2:30 in the afternoon.", SAT, []),
]

#: *this coming* and *coming* look ahead
COMING = [
    ("The festival is this coming Sunday.", TUE, [("date", "this coming Sunday", "1998-03-08")]),
    ("He flies home the coming Friday.", TUE, [("date", "coming Friday", "1998-03-06")]),
    ("The vote was held last Sunday.", TUE, [("date", "last Sunday", "1998-03-01")]),
    ("The vote was held on Sunday.", TUE, [("date", "Sunday", "1998-03-01")]),
]

#: days said as ordinal words after their month; not when the ordinal has a noun of its own
ORDINAL_DAYS = [
    ("Women's Day falls this coming Sunday, March eighth.", TUE,
     [("date", "this coming Sunday", "1998-03-08"), ("date", "March eighth", "1998-03-08")]),
    ("The deadline is June twenty-first.", TUE, [("date", "June twenty-first", "1998-06-21")]),
    ("The deadline is June the thirtieth.", TUE, [("date", "June the thirtieth", "1998-06-30")]),
    ("The results for the May first quarter were weak.", TUE, [("date", "first quarter", "1998-Q1")]),
    ("In May, first-time buyers returned.", TUE, [("date", "May", "1997-05")]),
]

#: years said in words are years, not counts
SPOKEN_YEARS = [
    ("In nineteen ninety-one the bank was closed by regulators.", TUE, [("date", "nineteen ninety-one", "1991")]),
    ("The charges were dropped in nineteen ninety-six.", TUE, [("date", "nineteen ninety-six", "1996")]),
    ("The war ended in Nineteen forty-five.", TUE, [("date", "Nineteen forty-five", "1945")]),
    ("The plant opened in eighteen sixty-five.", TUE, [("date", "eighteen sixty-five", "1865")]),
    ("The plan was first tried in twenty twelve.", TUE, [("date", "twenty twelve", "2012")]),
    ("Clerks counted nineteen hundred ballots.", TUE, [("count", "nineteen hundred ballots", 1900)]),
    ("Nineteen people and twenty children were hurt.", TUE,
     [("count", "Nineteen people", 19), ("count", "twenty children", 20)]),
]

#: an acronym modifies the counted noun; a headline in capitals stays as it was
ACRONYMS = [
    ("The carrier sails alongside three US vessels.", TUE, [("count", "three US vessels", 3)]),
    ("The 16 NATO members signed the accord.", TUE, [("count", "16 NATO members", 16)]),
    ("Three AIDS patients were moved to the new ward.", TUE, [("count", "Three AIDS patients", 3)]),
    ("Two of us went to the hearing.", TUE, [("count", "Two", 2)]),
]

#: modifiers joined by *and* / *or* before one plural noun belong to it
COORDINATED = [
    ("The bloc invited the three central and eastern European countries to join.", TUE,
     [("count", "three central and eastern European countries", 3)]),
    ("About 300 uniformed and plainclothes police officers lined the route.", TUE,
     [("count", "300 uniformed and plainclothes police officers", 300)]),
    ("The plan has 12 local and no federal backers.", TUE, [("count", "12 local and no federal backers", 12)]),
    ("Eleven civic and business groups backed the plan.", TUE, [("count", "Eleven civic and business groups", 11)]),
]


#: a sentence that opens on a counted whole: the number words after it count its parts
PARTS = [
    ("Of the nine patients, four were sent home, three were kept in and one was moved.", TUE,
     [("count", "nine patients", 9), ("count", "four", 4), ("count", "three", 3), ("count", "one", 1)]),
    ("Of the 12 bids, two were late.", TUE, [("count", "12 bids", 12), ("count", "two", 2)]),
    ("The council met twice. Of the two plans, one was dropped.", TUE,
     [("count", "twice", 2), ("count", "two plans", 2), ("count", "one", 1)]),
    ("The two met in Vienna.", TUE, []),
    ("Of course the two met in Vienna.", TUE, []),
    ("Nine patients came in; four were sent home.", TUE, [("count", "Nine patients", 9)]),
]


@pytest.mark.parametrize("text, published, expected", COLON + COMING + ORDINAL_DAYS + SPOKEN_YEARS)
def test_dates_of_wire_copy_and_transcripts(text, published, expected):
    assert facets(text, published) == expected


@pytest.mark.parametrize("text, published, expected", ACRONYMS + COORDINATED + PARTS)
def test_counted_phrases_with_acronyms_and_coordinated_modifiers(text, published, expected):
    got = facets(text, published, kinds=("count",))
    assert [(k, t, v) for k, t, v in got] == expected


def test_a_headline_in_capitals_is_not_read_as_acronyms():
    got = facets("ELEVEN POLICE OFFICERS HURT IN CLASHES", TUE, kinds=("count",))
    assert got and got[0][2] == 11


def test_a_whole_is_read_only_where_it_opens_a_sentence():
    """The lead is searched back from the number across at most 200 characters; a mid-sentence
    *of the N nouns,* that happens to stand exactly where that window starts opens no sentence,
    so it lends no noun."""
    lead = "of the 12 bids, "
    tail = "two were late."
    middle = "and " + "then " * 36
    text = "Officials spoke " + lead + middle[:200 - len(lead) - 1] + " " + tail
    assert text.index(tail) - text.index(lead) == 200
    got = [(f.text, f.value) for f in extract_facets(text, published=TUE) if f.kind == "count"]
    assert ("two", 2) not in got
