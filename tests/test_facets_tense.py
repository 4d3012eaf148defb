"""Dates that respect tense (issue 14): a month, season, quarter or weekday without a year
lies ahead of publication when its clause looks ahead, behind it when the clause looks back.

Every publication month is crossed with every named month for clauses that look back, look
ahead, or say neither (spec/CLAIMS.md section 3: *last May* is the latest May before the
publication month). All sentences are written for these tests.
"""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck.facets import extract_facets

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
YEAR = 2021


def dates(text, published):
    return [(f.text, f.value) for f in extract_facets(text, published=published) if f.kind == "date"]


def looking_back(month: int, published: int) -> int:
    """The latest such month up to the publication month."""
    return YEAR if month <= published else YEAR - 1


def looking_ahead(month: int, published: int) -> int:
    """The first such month from the publication month on."""
    return YEAR if month >= published else YEAR + 1


def nearest(month: int, published: int) -> int:
    """The year whose such month lies nearest the publication date (the 15th of its month);
    on a tie the earlier."""
    pub = dt.date(YEAR, published, 15)
    return min((YEAR - 1, YEAR, YEAR + 1), key=lambda y: abs((dt.date(y, month, 15) - pub).days))


#: (sentence with {m} for the month, the text the facet must have, which way it looks)
MONTH_CLAUSES = [
    ("The board rejected the merger in {m}.", "{m}", looking_back),
    ("Prices had already peaked by {m}.", "{m}", looking_back),
    ("Strikers walked out at the start of {m}.", "the start of {m}", looking_back),
    ("The board will vote on the merger in {m}.", "{m}", looking_ahead),
    ("Traders fear a possible rate rise in {m}.", "{m}", looking_ahead),
    ("Officials expect a ruling at the start of {m}.", "the start of {m}", looking_ahead),
    ("The minister said the levy would rise in {m}.", "{m}", looking_ahead),
    ("The refinery must close by {m}.", "{m}", looking_ahead),
    ("The ferry link is due to reopen in {m}.", "{m}", looking_ahead),
    ("The upcoming census in {m} worries councils.", "{m}", looking_ahead),
    ("The mill plans to hire staff in {m}.", "{m}", looking_ahead),
    ("The summit is scheduled to open in {m}.", "{m}", looking_ahead),
    ("In {m}, the regulator will publish its review.", "{m}", looking_ahead),
    ("In {m}, the regulator published its review.", "{m}", looking_back),
    # a second phrase led in by a preposition does not end the clause an opening month leads into
    ("In {m}, in her final address to the chamber, the governor conceded the point.", "{m}", looking_back),
    ("In {m}, in her final address to the chamber, the governor will concede the point.", "{m}", looking_ahead),
    # an -ed word after a determiner is an adjective, not the past tense that governs the month
    ("The board will take up the revised plan in {m}.", "{m}", looking_ahead),
    ("Delegates who will oppose him at a contested convention in {m} are organising.", "{m}", looking_ahead),
    ("The council adopted the amended budget in {m}.", "{m}", looking_back),
    # *can* and *let's* look ahead; *likely* before a noun is an adjective, not a forecast
    ("Only a moderate can carry the state in {m}.", "{m}", looking_ahead),
    ("Let's finish the job in {m}, the mayor told supporters.", "{m}", looking_ahead),
    ("The vote is likely to be held in {m}.", "{m}", looking_ahead),
    ("The firm polled likely buyers in {m}.", "{m}", looking_back),
    # an irregular participle after *be* is passive, not past: the modal before it decides
    ("The summit will be held in {m}.", "{m}", looking_ahead),
    ("The summit was held in {m}.", "{m}", looking_back),
    # effort, need and prospect look ahead as plans do; a past progressive wish says nothing
    ("Unions are trying to block the sale in {m}.", "{m}", looking_ahead),
    ("The town needs to repay the loan by {m}.", "{m}", looking_ahead),
    ("Backers like her chances of winning in {m}.", "{m}", looking_ahead),
    ("Exporters were hoping to clear the backlog in {m}.", "{m}", nearest),
    # a past request or invitation to act looks ahead from itself, not from publication
    ("The organisers invited the band to play at the festival in {m}.", "{m}", nearest),
    ("The regulator urged lenders to cut fees by {m}.", "{m}", nearest),
    ("The organisers invited the band in {m}.", "{m}", looking_back),
    # an infinitive in a clause with no past verb before it: what is to be done
    ("Growers are racing to harvest the crop in {m}.", "{m}", looking_ahead),
    ("The charity has enough money to open a second shelter in {m}.", "{m}", looking_ahead),
    ("The growers raced to harvest the crop in {m}.", "{m}", looking_back),
    # ... nor after one, unless a verb in the present stands between: the infinitive's own clause
    ("The survey dwelt on the tenants who are entitled to claim the rebate in {m}.", "{m}", looking_ahead),
    ("The survey dwelt on the tenants who were entitled to claim the rebate in {m}.", "{m}", looking_back),
    # ... not across a finite verb, nor after a noun that takes *to* (*a right to*)
    ("Groups pressing the mayor to act are praising the report from {m}.", "{m}", nearest),
    ("A right to discovery in {m} helps the plaintiffs.", "{m}", nearest),
    # a month that names a vote is the coming one unless its own clause looks back
    ("Turnout in the {m} election worries the party.", "{m}", looking_ahead),
    ("The party became the favourite, teeing up the {m} election.", "{m}", looking_ahead),
    ("Both camps are preparing for the {m} general election.", "{m}", looking_ahead),
    ("Turnout fell sharply in the {m} election.", "{m}", looking_back),
    # ... and a past verb that only speaks of the vote dates nothing: the nearest vote
    ("The mayor called the {m} election a referendum on the budget.", "{m}", nearest),
    ("The senator likened the {m} general election to a coin toss.", "{m}", nearest),
    # a plan or promise with no date of its own was made about now: what it names lies ahead
    ("The governor said she planned to visit the port in {m}.", "{m}", looking_ahead),
    ("The union vowed to strike in {m} over the pay offer.", "{m}", looking_ahead),
    # ... an attempt in the past is no plan: it says neither way (the nearest)
    ("Both candidates sought to court rural voters in {m}.", "{m}", nearest),
    # past a report in the present, the clause is what was reported: a poll dated in {m} (no other
    # word of tense) is the nearest, whatever tense its findings take
    ("A survey in {m} shows that voters will back the levy.", "{m}", nearest),
    # a scheduled event's present looks ahead, as for a weekday (*the council meets Monday*)
    ("The new bridge opens in {m}.", "{m}", looking_ahead),
    ("Parliament reconvenes in {m}.", "{m}", looking_ahead),
    ("Finance ministers meet in {m} to settle the budget.", "{m}", looking_ahead),
    # ... also after a relative pronoun that stands for a plural (*the counties that vote in March*)
    ("Canvassers are active in the counties that vote in {m}, the memo stated.", "{m}", looking_ahead),
    ("Canvassers were active in the county that voted in {m}, the memo stated.", "{m}", looking_back),
    # a signal points ahead to the move it names; the signal's own month looks back
    ("The central bank has signalled another rate rise in {m}.", "{m}", looking_ahead),
    ("The bank signalled in {m} that it would raise rates.", "{m}", looking_back),
    # a present perfect looks back
    ("Freight volumes have grown since {m}.", "{m}", looking_back),
    # neither: the nearest such month, as for a month and day
    ("Inflation data from {m} matter most.", "{m}", nearest),
    ("Voters head to the polls in {m}.", "{m}", nearest),
]


@pytest.mark.parametrize("published", range(1, 13))
@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("clause, shown, rule", MONTH_CLAUSES)
def test_a_bare_month_follows_its_clause(clause, shown, rule, month, published):
    name = MONTHS[month - 1]
    got = dates(clause.format(m=name), dt.date(YEAR, published, 15))
    assert got == [(shown.format(m=name), f"{rule(month, published)}-{month:02d}")]


@pytest.mark.parametrize("published", range(1, 13))
@pytest.mark.parametrize("month", range(1, 13))
def test_last_and_next_month_ignore_the_tense(month, published):
    name = MONTHS[month - 1]
    pub = dt.date(YEAR, published, 15)
    last = YEAR if month < published else YEAR - 1
    nxt = YEAR if month > published else YEAR + 1
    assert dates(f"Rates will be reviewed after last {name}'s slump.", pub) == [
        (f"last {name}", f"{last}-{month:02d}")]
    assert dates(f"The mill shut before next {name} was agreed.", pub) == [
        (f"next {name}", f"{nxt}-{month:02d}")]
    assert dates(f"The fair shrank this {name}.", pub) == [(f"this {name}", f"{YEAR}-{month:02d}")]


# --- seasons: the year, approximate; a winter takes the year of its January -------------

#: the publication months in which the season looked back to is this year's (else last year's)
BEGUN_BY = {"spring": range(3, 13), "summer": range(6, 13), "autumn": range(9, 13)}
#: the publication months in which the season looked ahead to is this year's (else next year's)
NOT_OVER_BY = {"spring": range(1, 6), "summer": range(1, 9), "autumn": range(1, 12)}


@pytest.mark.parametrize("published", range(1, 13))
@pytest.mark.parametrize("season", ["spring", "summer", "autumn", "winter"])
def test_a_season_follows_its_clause(season, published):
    pub = dt.date(YEAR, published, 15)
    if season == "winter":
        back = YEAR + 1 if published == 12 else YEAR          # the winter begun by publication
        ahead = YEAR if published <= 2 else YEAR + 1          # the winter not yet over
    else:
        back = YEAR if published in BEGUN_BY[season] else YEAR - 1
        ahead = YEAR if published in NOT_OVER_BY[season] else YEAR + 1
    found = extract_facets(f"Orders slumped in the {season}.", published=pub)
    assert [(f.text, f.value, f.approximate) for f in found] == [(season, str(back), True)]
    assert dates(f"The plant will reopen in the {season}.", pub) == [(season, str(ahead))]


SEASONS = [
    ("Turnout fell last summer.", dt.date(2021, 10, 4), [("last summer", "2021")]),
    ("Turnout fell last summer.", dt.date(2021, 7, 4), [("last summer", "2020")]),
    ("The league expands next summer.", dt.date(2021, 3, 4), [("next summer", "2021")]),
    ("The league expands next summer.", dt.date(2021, 7, 4), [("next summer", "2022")]),
    ("Heating bills will soar this winter.", dt.date(2021, 10, 4), [("this winter", "2022")]),
    ("Heating bills soared this winter.", dt.date(2021, 2, 4), [("this winter", "2021")]),
    ("Growers replanted this past spring.", dt.date(2021, 8, 4), [("this past spring", "2021")]),
    ("The dam burst in the autumn of 2017.", dt.date(2021, 8, 4), [("autumn of 2017", "2017")]),
    ("Sales peaked in late summer.", dt.date(2021, 11, 4), [("late summer", "2021")]),
    ("The canal opens in the fall.", dt.date(2021, 11, 4), [("fall", "2021")]),
    ("Summer camps lost money.", dt.date(2021, 11, 4), []),
    ("Exports dived after the fall of the regime.", dt.date(2021, 11, 4), []),
    ("Analysts saw a fall in output.", dt.date(2021, 11, 4), []),
    ("The firm expects profits to fall.", dt.date(2021, 11, 4), []),
]


@pytest.mark.parametrize("text, published, expected", SEASONS)
def test_seasons(text, published, expected):
    assert dates(text, published) == expected


# --- quarters ---------------------------------------------------------------------------

ORDINALS = ("first", "second", "third", "fourth")


@pytest.mark.parametrize("published", range(1, 13))
@pytest.mark.parametrize("quarter", range(1, 5))
def test_a_quarter_follows_its_clause(quarter, published):
    pub = dt.date(YEAR, published, 15)
    word = ORDINALS[quarter - 1]
    back = YEAR if 3 * quarter - 2 <= published else YEAR - 1   # begun by publication
    ahead = YEAR if 3 * quarter >= published else YEAR + 1      # not over at publication
    assert dates(f"Profit fell in the {word} quarter.", pub) == [(f"{word} quarter", f"{back}-Q{quarter}")]
    assert dates(f"Output will rise in the {word} quarter.", pub) == [(f"{word} quarter", f"{ahead}-Q{quarter}")]


QUARTERS = [
    # results of the quarter just ended are still to come
    ("The brewer expects first-quarter profit to fall.", dt.date(1987, 4, 9), [("first-quarter", "1987-Q1")]),
    ("The brewer expects fourth-quarter profit to fall.", dt.date(1987, 2, 9), [("fourth-quarter", "1986-Q4")]),
    ("The brewer expects first-quarter profit to fall.", dt.date(1987, 9, 9), [("first-quarter", "1988-Q1")]),
    # a commitment made earlier looks ahead of itself, not of publication: the nearest quarter
    ("The cartel agreed in March to lift quotas in the third quarter.", dt.date(1987, 6, 19),
     [("March", "1987-03"), ("third quarter", "1987-Q3")]),
    ("Third-quarter sales rose 4 pct.", dt.date(1987, 4, 9), [("Third-quarter", "1986-Q3")]),
]


@pytest.mark.parametrize("text, published, expected", QUARTERS)
def test_quarters(text, published, expected):
    assert [d for d in dates(text, published)] == expected


# --- weekdays and weekends --------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
A_MONDAY = dt.date(2021, 3, 1)


def _week(weekday: int, published: int) -> tuple[dt.date, str, str, str]:
    """Return (the publication date ``published`` days after A_MONDAY, the weekday's name, the
    latest such day on or before publication, the first on or after it), the days as ISO text."""
    pub = A_MONDAY + dt.timedelta(days=published)
    back = pub - dt.timedelta(days=(published - weekday) % 7)
    ahead = pub + dt.timedelta(days=(weekday - published) % 7)
    return pub, WEEKDAYS[weekday], back.isoformat(), ahead.isoformat()


@pytest.mark.parametrize("published", range(7))
@pytest.mark.parametrize("weekday", range(7))
def test_a_weekday_follows_its_clause(weekday, published):
    pub, name, back, ahead = _week(weekday, published)
    assert dates(f"The dockers struck on {name}.", pub) == [(name, back)]
    assert dates(f"The dockers will strike on {name}.", pub) == [(name, ahead)]
    assert dates(f"A strike on {name} is possible.", pub) == [(name, ahead)]
    # a participle that opens the sentence is the past tense of its clause, capital or not
    assert dates(f"Asked on {name} whether talks would resume, the union declined to say.", pub) == [
        (name, back)]
    assert dates(f"The survey of likely voters ended on {name}.", pub) == [(name, back)]
    # *that* before a verb in the past tense is a relative pronoun, not a determiner
    assert dates(f"Two of the states that voted {name} backed the senator.", pub) == [(name, back)]
    # a present perfect looks back, and so does a wish in the past progressive
    assert dates(f"Fans have taken to the streets to cheer the team on {name}.", pub) == [(name, back)]
    assert dates(f"Rivals were hoping to catch up on {name}.", pub) == [(name, back)]
    assert dates(f"The crew is racing to finish the roof on {name}.", pub) == [(name, ahead)]


@pytest.mark.parametrize("published", range(7))
@pytest.mark.parametrize("weekday", range(7))
def test_a_scheduled_event_in_the_present_looks_ahead(weekday, published):
    """News writes a coming event in the present tense (*the board meets Monday*) and a past one
    in the past tense: a scheduled event's verb in the present is a marker that looks ahead, for
    a bare weekday. As a noun (*the visits*, *two holds*) the same word says nothing."""
    pub, name, back, ahead = _week(weekday, published)
    assert dates(f"The harbour board meets {name} to set the new fees.", pub) == [(name, ahead)]
    assert dates(f"The inquiry resumes on {name} with evidence from the pilots.", pub) == [(name, ahead)]
    assert dates(f"The minister, who toured the port last month, visits the mill on {name}.", pub) == [
        ("last month", "2021-02"), (name, ahead)]
    assert dates(f"The harbour board met {name} to set the new fees.", pub) == [(name, back)]
    assert dates(f"The harbour board said {name} that the inquiry reconvenes soon.", pub) == [(name, back)]
    # a base form after a plural subject; not an infinitive, nor after *did*
    assert dates(f"Harbour pilots meet on {name} to set the new fees.", pub) == [(name, ahead)]
    assert dates(f"They meet {name} to set the new fees.", pub) == [(name, ahead)]
    assert dates(f"The rival crews haggled all week before the dockers kick off the season {name}.", pub) == [
        (name, ahead)]
    assert dates(f"The pilots agreed to meet {name} to set the new fees.", pub) == [(name, back)]
    assert dates(f"The pilots did not meet {name} to set the new fees.", pub) == [(name, back)]
    # nouns: after a determiner, a possessive or a number
    assert dates(f"The visits on {name} drew a crowd of dockers.", pub) == [(name, back)]
    assert dates(f"The mayor's visits on {name} drew a crowd of dockers.", pub) == [(name, back)]


def test_a_weekday_that_recurs_is_no_date():
    assert dates("The ferry leaves for the island every Tuesday at noon.", A_MONDAY) == []
    assert dates("The market opens each Saturday in the old square.", A_MONDAY) == []
    assert dates("The ferry leaves for the island on Tuesday at noon.", A_MONDAY) == [("Tuesday", "2021-03-02")]


def _nearest_weekday(pub: dt.date, weekday: int) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    return pub - dt.timedelta(days=back if back <= 3 else back - 7)


@pytest.mark.parametrize("published", range(7))
@pytest.mark.parametrize("weekday", range(7))
def test_a_weekday_of_the_news_cycle_is_the_nearest(weekday, published):
    """*later Monday*, *earlier Monday* and *Monday's vote* (not in the past tense) name the
    day the report was written or one within three days of it, whatever the verb's tense."""
    pub, name, back, _ = _week(weekday, published)
    near = _nearest_weekday(pub, weekday).isoformat()
    assert dates(f"The minister may face hard questions when she speaks later {name}.", pub) == [(name, near)]
    assert dates(f"The union said earlier {name} it would strike.", pub) == [(name, near)]
    assert dates(f"{name}'s ruling will shape the race.", pub) == [(name, near)]
    # in the past tense a possessive weekday is the latest, as a bare one is
    assert dates(f"{name}'s ruling was a blow to the mayor.", pub) == [(name, back)]


#: a month *of that year* takes the year of the date before it in the sentence, and *the following
#: day / month / year* and *the next day* count one unit on from it; alone they name no date (*the
#: next day* ahead is a span, not a date)
FROM_THE_DATE_BEFORE = [
    ("Output fell in January 2009 and hit bottom in October of that year.",
     [("January 2009", "2009-01"), ("October of that year", "2009-10")]),
    ("The mine opened in 1998 and shut in March of the same year.",
     [("1998", "1998"), ("March of the same year", "1998-03")]),
    ("Shares peaked on 4 June 2012 and slumped by August 30 of that year.",
     [("4 June 2012", "2012-06-04"), ("August 30 of that year", "2012-08-30")]),
    ("Shares slumped in October of that year.", []),
    ("The mill opened in April 2004 and the smelter the following year.",
     [("April 2004", "2004-04"), ("the following year", "2005")]),
    ("Talks broke down on 30 June 2011 and resumed the following day.",
     [("30 June 2011", "2011-06-30"), ("the following day", "2011-07-01")]),
    ("The levy was passed in December 2015 and repealed the following month.",
     [("December 2015", "2015-12"), ("the following month", "2016-01")]),
    ("The strike began on 4 May 2018 and ended the next day.",
     [("4 May 2018", "2018-05-04"), ("the next day", "2018-05-05")]),
    ("The following year, the mill cut its staff.", []),
    # a hedged year with nothing after it in its clause is an approximate year, not a count
    ("The feud began around 2009, when the mill closed.", [("2009", "2009")]),
    ("The mill employs about 2009 people.", []),
    ("The mill employs between about 2000 and 2500.", []),
    ("Delegates will spend the next day in talks.", []),
    # *that day*, *that month*, *the same year*: the date just before, at that precision
    ("The mill shut on 3 May 2010, and the union met the owners that day.",
     [("3 May 2010", "2010-05-03"), ("that day", "2010-05-03")]),
    ("The mill shut in May 2010 and that month lost 40 jobs.", [("May 2010", "2010-05"), ("that month", "2010-05")]),
    ("The mill shut in 2010, the same year the mine opened.", [("2010", "2010"), ("the same year", "2010")]),
    ("The mill shut in 2010, and staff will never forget that day.", [("2010", "2010")]),
    ("Nobody will forget that day.", []),
    ("Profit beat the same year-ago period.", []),
    ("Turnout today is below the 60% seen that year.", [("today", A_MONDAY.isoformat())]),
]


@pytest.mark.parametrize("text, expected", FROM_THE_DATE_BEFORE)
def test_a_date_counted_from_the_one_before(text, expected):
    assert dates(text, A_MONDAY) == expected


PAST_WEEKEND = "2021-02-27/2021-02-28"
COMING_WEEKEND = "2021-03-06/2021-03-07"
WEEKENDS = [
    ("This weekend's marches drew large crowds.", A_MONDAY, [("This weekend", PAST_WEEKEND)]),
    ("Marches were held across the region this weekend.", A_MONDAY, [("this weekend", PAST_WEEKEND)]),
    ("More marches will follow this weekend.", A_MONDAY, [("this weekend", COMING_WEEKEND)]),
    ("More marches are planned for this weekend.", A_MONDAY, [("this weekend", COMING_WEEKEND)]),
    ("Marches filled the streets over the weekend.", A_MONDAY, [("the weekend", PAST_WEEKEND)]),
    ("Unions will march at the weekend.", dt.date(2021, 3, 3), [("the weekend", COMING_WEEKEND)]),
    ("Marches drew crowds this weekend.", dt.date(2021, 3, 7), [("this weekend", COMING_WEEKEND)]),
    ("Marches drew crowds last weekend.", dt.date(2021, 3, 3), [("last weekend", PAST_WEEKEND)]),
    ("Unions will march next weekend.", dt.date(2021, 3, 3), [("next weekend", "2021-03-13/2021-03-14")]),
]


@pytest.mark.parametrize("text, published, expected", WEEKENDS)
def test_weekends(text, published, expected):
    assert dates(text, published) == expected


# --- what the tense must not be read from -----------------------------------------------

OCTOBER = dt.date(2021, 10, 11)
NOT_TENSE = [
    ("Exports rose more than expected in December.", [("December", "2020-12")]),
    ("The council rejected the plan in December.", [("December", "2020-12")]),
    ("Talks could not resume in November.", [("November", "2020-11")]),
    ("The depot next to the mill closed in November.", [("November", "2020-11")]),
    ("The bank, which cut rates in May, may raise them in December.",
     [("May", "2021-05"), ("December", "2021-12")]),
    # *to* before a figure opens no infinitive
    ("Staff numbers went from 166 in May, to 139 in June.", [("May", "2021-05"), ("June", "2021-06")]),
    # *last* after a determiner or before *of* is an order, not a time gone by: the nearest December
    ("The club is focused on the last of its fixtures in December.", [("December", "2021-12")]),
    ("The club is focused on its last fixture in December.", [("December", "2021-12")]),
]


@pytest.mark.parametrize("text, expected", NOT_TENSE)
def test_what_is_no_tense(text, expected):
    assert dates(text, OCTOBER) == expected


def test_a_schedule_in_the_present_outweighs_a_participle_before_it():
    # the present of a schedule (*takes effect*) governs its clause; *unveiled* before the comma does not
    assert dates("The levy, unveiled last week, takes effect in January.", OCTOBER) == [
        ("last week", "2021-W40"), ("January", "2022-01")]


KNOWN_MISSES = [
    pytest.param("The regulator approves tariffs each December.", OCTOBER, [("December", "2021-12")],
                 marks=pytest.mark.xfail(reason="'each December' is a habit, not a date; it is read "
                                                "as the latest December", strict=True)),
    pytest.param("Fans still mourn the stadium fire in June.", dt.date(2021, 2, 6), [("June", "2020-06")],
                 marks=pytest.mark.xfail(reason="a clause without a word of tense takes the nearest "
                                                "month; an event noun (fire) does not say it is past",
                                         strict=True)),
]


@pytest.mark.parametrize("text, published, expected", KNOWN_MISSES)
def test_known_misses(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("abbreviation", ["U.S.", "U.K.", "E.U."])
def test_a_vote_named_with_an_abbreviation_is_the_coming_one(abbreviation):
    """*the Nov. 8 U.S. presidential election* names a vote as *the Nov. 8 election* does: the
    nearest one, whatever the tense of the clause around it (a past verb there tells who acted)."""
    pub = dt.date(YEAR, 7, 31)
    text = f"Investigators said hackers tried to sway the Nov. 8 {abbreviation} presidential election."
    assert dates(text, pub) == [("Nov. 8", f"{YEAR}-11-08")]
    assert dates("Investigators said hackers tried to sway the count on Nov. 8.", pub) == [("Nov. 8", f"{YEAR - 1}-11-08")]


@pytest.mark.parametrize("month", [m for m in MONTHS if m not in ("May", "June", "April", "August")])
def test_a_month_that_is_no_name_keeps_its_verb(month):
    """*was*, *has*, *will* after *May* or *June* make a person (*May said*); after a month that is
    no one's name they are the clause's verb (*the survey of October has*, *which in March will*)."""
    pub = dt.date(YEAR, 6, 15)
    got = dates(f"The survey taken the first week of {month} has the mayor ahead.", pub)
    assert got == [(month, f"{nearest(MONTHS.index(month) + 1, 6)}-{MONTHS.index(month) + 1:02d}")]
    assert dates(f"The party, which in {month} will face a hearing, denies the charge.", pub) == [
        (month, f"{looking_ahead(MONTHS.index(month) + 1, 6)}-{MONTHS.index(month) + 1:02d}")]


@pytest.mark.parametrize("name", ["May", "June", "April", "August"])
def test_a_month_that_is_a_name_before_a_verb_is_a_person(name):
    assert dates(f"{name} will face a hearing on the charge.", dt.date(YEAR, 6, 15)) == []


#: a past verb in a clause that qualifies a noun (*the charity she set up*, *the firm that they
#: bought*) does not date a weekday that opens the sentence: the main clause's verb, later, does
QUALIFIED = [
    ("On Friday, trustees of the charity she founded will meet the auditors.", "future"),
    ("On Friday, staff at the firm that they acquired will learn their fate.", "future"),
    ("On Friday, the money we raised will go to the shelter.", "future"),
    ("On Friday, the money we raised went to the shelter.", "past"),
    ("On Friday, the candidate he defeated conceded.", "past"),
    ("On Friday, the mayor said she resigned.", "past"),
    ("On Friday, the mayor promised they would stay.", "past"),
]


@pytest.mark.parametrize("published", range(7))
@pytest.mark.parametrize("text, way", QUALIFIED)
def test_a_verb_that_qualifies_a_noun_does_not_date_the_clause(text, way, published):
    pub = dt.date(YEAR, 3, 1) + dt.timedelta(days=published)
    ahead = (4 - pub.weekday()) % 7 or 7  # Friday = 4; the day itself is no Friday ahead
    behind = (pub.weekday() - 4) % 7 or 7
    expected = pub + dt.timedelta(days=ahead) if way == "future" else pub - dt.timedelta(days=behind)
    if pub.weekday() == 4:
        expected = pub  # a weekday on the publication day is that day
    assert dates(text, pub) == [("Friday", expected.isoformat())]


@pytest.mark.parametrize("month", [m for m in MONTHS if m not in ("May", "June", "April", "August", "March")])
def test_a_month_that_opens_its_sentence_before_a_verb_is_a_date(month):
    """*October was the busiest month*: a month that is no one's name, subject of its sentence."""
    pub = dt.date(YEAR, 6, 15)
    n = MONTHS.index(month) + 1
    assert dates(f"{month} brought the wettest week on record.", pub) == [(month, f"{looking_back(n, 6)}-{n:02d}")]
    assert dates(f'"{month} was kind to the harbour," the skipper said.', pub) == [(month, f"{looking_back(n, 6)}-{n:02d}")]
    assert dates(f"{month} will test the new ferry timetable.", pub) == [(month, f"{looking_ahead(n, 6)}-{n:02d}")]


@pytest.mark.parametrize("name", ["May", "June", "April", "August"])
def test_a_name_that_opens_its_sentence_before_a_verb_stays_a_person(name):
    assert dates(f"{name} brought the wettest week on record.", dt.date(YEAR, 6, 15)) == []


@pytest.mark.parametrize("adjective", ["earlier", "recent", "upcoming", "previous"])
def test_an_adjective_of_time_before_a_bare_month_makes_it_a_date(adjective):
    assert [t for t, _ in dates(f"She drew large crowds on her {adjective} October tour.", dt.date(YEAR, 6, 15))] == ["October"]


#: a range of months is placed whole by its clause: told in the past it has ended by publication,
#: told in the future it has not begun
RANGES = [
    ("Clinics vaccinated 500 people between January and March.", dt.date(YEAR, 1, 10),
     [("January", f"{YEAR - 1}-01"), ("March", f"{YEAR - 1}-03")]),
    ("The fare was frozen from January through May, the operator said.", dt.date(YEAR, 3, 4),
     [("January", f"{YEAR - 1}-01"), ("May", f"{YEAR - 1}-05")]),
    ("The count was carried out between December and February.", dt.date(YEAR, 1, 2),
     [("December", f"{YEAR - 2}-12"), ("February", f"{YEAR - 1}-02")]),
    ("The count will be carried out between December and February.", dt.date(YEAR, 1, 2),
     [("December", f"{YEAR}-12"), ("February", f"{YEAR + 1}-02")]),
    ("The festival runs from June to August.", dt.date(YEAR, 6, 2),
     [("June", f"{YEAR}-06"), ("August", f"{YEAR}-08")]),
    ("Sales fell 5% from March to May.", dt.date(YEAR, 9, 10), [("March", f"{YEAR}-03"), ("May", f"{YEAR}-05")]),
    ("The works will run from March to May.", dt.date(YEAR, 6, 2), [("March", f"{YEAR + 1}-03"), ("May", f"{YEAR + 1}-05")]),
    # May after a connector that follows no month is still a person
    ("Talks between the prime minister and May stalled.", dt.date(YEAR, 6, 2), []),
]


@pytest.mark.parametrize("text, published, expected", RANGES)
def test_a_range_of_months_is_placed_whole_by_its_tense(text, published, expected):
    assert dates(text, published) == expected
