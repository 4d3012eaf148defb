"""Figure comparison for claim matching: sentence pairs written for these tests."""
from __future__ import annotations

import pytest

from factcheck.matching.figures import compare_figures, compare_texts, figures_of

PAIRS = [
    # money: scale words, currency spellings and rounding
    ("The ministry said the bridge cost $1.2 billion.", "The ministry said the bridge cost 1.2 bln dlrs.", "same"),
    ("The ministry said the bridge cost $1.2 billion.", "The ministry said the bridge cost $1.21 billion.", "same"),
    ("The ministry said the bridge cost $1.2 billion.", "The ministry said the bridge cost $1.5 billion.", "different"),
    ("A sheikh put up an $80M reward for the capture.", "A sheikh put up a $3M reward for the capture.", "different"),
    ("A sheikh put up an $80M reward for the capture.", "A sheikh put up an $80 million reward for the capture.", "same"),
    ("The council spent £5m on the park.", "The council spent $5m on the park.", "none"),
    # counts: exact, approximate, words and digits
    ("Rescuers said 2,134 people were missing after the flood.", "About 2,000 people were missing after the flood.", "same"),
    ("Rescuers said 2,134 people were missing after the flood.", "Rescuers said 2,000 people were missing after the flood.", "different"),
    ("Two million people marched in the capital.", "2 million people marched in the capital.", "same"),
    ("Two million people marched in the capital.", "Five million people marched in the capital.", "different"),
    # percent and percentage points are different things
    ("Turnout rose 4 percent in the county.", "Turnout rose 4 percentage points in the county.", "none"),
    ("Turnout rose 4 percent in the county.", "Turnout rose 4.3 percent in the county.", "same"),
    ("Turnout rose 4 percent in the county.", "Turnout rose 9 percent in the county.", "different"),
    ("Turnout rose 4 percentage points.", "Turnout rose 6 percentage points.", "different"),
    # years of a sentence are not a count of people
    ("The mayor served 12 years in office.", "12 officials resigned from the mayor's office.", "none"),
    ("The mayor served 12 years in office.", "The mayor served 20 years in office.", "different"),
    # units of measure convert
    ("The new runway is 3,000 metres long.", "The new runway is 3 km long.", "same"),
    ("The new runway is 3,000 metres long.", "The new runway is 5 km long.", "different"),
    # dates: a year agrees with a day inside it
    ("The footage was shot in 2017 at the border.", "The footage was shot on March 3, 2017 at the border.", "same"),
    ("The footage was shot in 2017 at the border.", "The footage was shot in 2019 at the border.", "different"),
    # nothing to compare
    ("The senator voted against the bill.", "The senator opposed the bill.", "none"),
    ("The senator voted against the bill in 2015.", "The senator opposed the bill.", "none"),
    # one side names more figures: the fewer must all be found
    ("Prices rose from 3% to 5% this year.", "Prices rose to 5%.", "same"),
    ("Prices rose from 3% to 5% this year.", "Prices rose to 8%.", "different"),
    # a shared date alone, each claim measuring its own thing, is no figure in common
    ("Crews filled 3,200 potholes in 2021.", "Acme reported revenue of $4.5 billion for 2021.", "none"),
    ("The plant closed in 2021.", "The plant shut its doors in 2021.", "same"),
    # one number of two things is two figures: a verdict on one does not settle the other
    ("The board hired 300 teachers in 2022.", "The board hired 300 nurses in 2022.", "different"),
    ("The jail holds 236 political prisoners.", "The jail holds 236 prisoners.", "same"),
    ("The storm damaged 14 homes.", "The storm damaged 14 houses, officials said.", "different"),
    ("The storm damaged 14 homes.", "Fourteen homes were damaged in the storm.", "same"),
]


@pytest.mark.parametrize("a, b, expected", PAIRS)
def test_figure_pairs(a, b, expected):
    assert compare_texts(a, b) == expected
    assert compare_texts(b, a) == expected  # symmetric


def test_differing_pairs_name_both_figures():
    cmp = compare_figures(figures_of("A sheikh put up an $80M reward."), figures_of("A sheikh put up a $3M reward."))
    assert cmp.figures == "different"
    assert cmp.differing == (("$80M", "$3M"),)
    assert cmp.to_dict()["differing"] == [["$80M", "$3M"]]


def test_given_facets_are_used_instead_of_extraction():
    from factcheck.types import Facet

    facets = [Facet("count", "40 boats", 40, 10, 18, False, "boats")]
    assert [f.value for f in figures_of("ignored text", facets)] == [40.0]


def test_the_day_a_claim_was_reported_is_no_figure_of_it():
    """Wire copy of one statement, published a week apart: *said on Monday* names two Mondays,
    but dates the report, not what it measures. An event on a Monday is still a figure."""
    import datetime as dt
    said = "Harbour revenue reached $2.4 billion in the third quarter, the port said on Monday."
    week1, week2 = dt.date(2024, 10, 22), dt.date(2024, 10, 29)
    assert compare_figures(figures_of(said, published=week1), figures_of(said, published=week2)).figures == "same"
    happened = "The port said 300 containers were seized on Monday."
    cmp = compare_figures(figures_of(happened, published=week1), figures_of(happened, published=week2))
    assert cmp.figures == "different" and cmp.differing == (("Monday", "Monday"),)


def test_a_differing_date_is_named_beside_a_date_of_its_precision():
    import datetime as dt
    a = figures_of("Sales fell in the third quarter, and the plant closed on Monday.", published=dt.date(2024, 10, 22))
    b = figures_of("Sales fell in the third quarter, and the plant closed on Monday.", published=dt.date(2024, 10, 29))
    assert compare_figures(a, b).differing == (("Monday", "Monday"),)
