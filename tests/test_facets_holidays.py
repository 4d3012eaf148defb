"""Named days (*Christmas Eve*, *Labor Day*, *Easter*) and centuries (*the 20th century*) as dates."""
import datetime as dt

import pytest

from factcheck.facets import extract_facets
from factcheck.facets.holidays import _easter


def dates(text, published="2016-09-14"):
    return [(f.text, f.value) for f in extract_facets(text, published=published) if f.kind == "date"]


@pytest.mark.parametrize("text,published,expected", [
    # fixed days: the year that puts them nearest publication
    ("Rioters burned cars on New Year's Eve.", "2016-01-07", [("New Year's Eve", "2015-12-31")]),
    ("The office reopens on New Year's Day.", "2016-12-20", [("New Year's Day", "2017-01-01")]),
    ("The senator turned 74 on Valentine's Day.", "2016-02-18", [("Valentine's Day", "2016-02-14")]),
    ("Fireworks on the Fourth of July drew 4,000 people.", "2016-07-08", [("the Fourth of July", "2016-07-04")]),
    ("The parade on July Fourth was cancelled.", "2016-07-08", [("July Fourth", "2016-07-04")]),
    ("The memorial opens on Veterans Day.", "2016-10-20", [("Veterans Day", "2016-11-11")]),
    ("Shops close early on Christmas Eve.", "2016-12-01", [("Christmas Eve", "2016-12-24")]),
    ("Stores were shut on Christmas Day.", "2017-01-05", [("Christmas Day", "2016-12-25")]),
    # days fixed by a weekday of their month
    ("The strike began on Labor Day.", "2016-09-14", [("Labor Day", "2016-09-05")]),
    ("Turnout was low on Memorial Day.", "2016-06-10", [("Memorial Day", "2016-05-30")]),
    ("The march on Martin Luther King Jr. Day drew 300 people.", "2016-01-20",
     [("Martin Luther King Jr. Day", "2016-01-18")]),
    ("Markets are closed on Presidents' Day.", "2016-02-10", [("Presidents' Day", "2016-02-15")]),
    ("Flights were full on Thanksgiving Day.", "2016-11-30", [("Thanksgiving Day", "2016-11-24")]),
    ("Churches filled on Easter Sunday.", "2016-04-02", [("Easter Sunday", "2016-03-27")]),
    # the clause's tense moves a day that lies far on the other side of publication
    ("By Labor Day, he had hired staff in nine states.", "2016-01-31", [("Labor Day", "2015-09-07")]),
    ("The new rules will take effect on Labor Day.", "2016-01-31", [("Labor Day", "2016-09-05")]),
    # a written year wins
    ("He proposed on Christmas Eve 2012.", "2016-09-14", [("Christmas Eve 2012", "2012-12-24")]),
    ("Sales fell on Thanksgiving of 2014.", "2016-09-14", [("Thanksgiving of 2014", "2014-11-27")]),
])
def test_named_days(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    ("They met on Christmas.", "2015-12-28", [("Christmas", "2015-12-25")]),
    ("He wants a deal by Easter.", "2016-02-01", [("Easter", "2016-03-27")]),
    ("Sales peaked after Thanksgiving.", "2016-12-02", [("Thanksgiving", "2016-11-24")]),
    ("Three houses were egged on Halloween.", "2016-11-02", [("Halloween", "2016-10-31")]),
])
def test_a_bare_name_after_a_word_of_time_is_the_day(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text", [
    "Christmas shopping rose by 3 percent.",
    "Halloween masks of the candidate sold out.",
    "Easter Seals and 40 other groups sent a letter.",
    "The Easter Rising is taught in every school.",
    "Thanksgiving dinners cost more this year than last.",
    "The Christmas Island detention centre holds 200 people.",
])
def test_a_bare_name_that_is_a_season_or_a_thing_is_no_date(text):
    assert [d for d in dates(text) if d[0].lower().startswith(("christmas", "halloween", "easter", "thanksgiving"))] == []


def test_election_day_is_left_unresolved():
    # a state's primary is "Election Day" too in a primary season: no date rather than a wrong one
    assert dates("We are treating the whole month as one long Election Day in Florida.", "2016-02-17") == []


def test_the_fourth_of_july_is_a_day_not_the_month():
    assert dates("Crowds gathered on the Fourth of July.", "2016-07-10") != [("July", "2016-07")]


def test_without_a_publication_date_a_named_day_has_no_value():
    assert dates("Shops close early on Christmas Eve.", None) == [("Christmas Eve", None)]


@pytest.mark.parametrize("text,expected", [
    ("It was one of the greatest atrocities of the 20th century.", [("the 20th century", "19XX")]),
    ("The 19th century had the Lincoln-Douglas debates.", [("The 19th century", "18XX")]),
    ("It happened in the nineteenth century.", [("the nineteenth century", "18XX")]),
    ("Nobody wants a candidate from the 1960s when we are well into the 21st century.",
     [("1960s", "196X"), ("the 21st century", "20XX")]),
    ("Mills closed in the first decade of the 21st century, after 2001.",
     [("the first decade of the 21st century", "200X"), ("2001", "2001")]),
    ("He wants a 21st-century economy.", []),
    ("A century earlier, the party was founded.", []),
])
def test_centuries(text, expected):
    assert [d for d in dates(text) if "century" in d[0] or d[0][:1].isdigit()] == expected


@pytest.mark.parametrize("year,expected", [
    (2000, "2000-04-23"), (2008, "2008-03-23"), (2010, "2010-04-04"), (2011, "2011-04-24"),
    (2016, "2016-03-27"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"),
])
def test_easter_sunday(year, expected):
    assert _easter(year) == dt.date.fromisoformat(expected)
