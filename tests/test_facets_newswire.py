"""Dates and counts on ordinary newswire (issues 11 and 14): the patterns that failed on
election coverage the rules had not been written against. Every sentence is written for these
tests; each row is (sentence, the facets as (kind, text, value, unit, approximate)).
"""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck.facets import extract_facets

PUB = dt.date(2016, 5, 20)  # a Friday


def facets(text, published=PUB, kinds=("date", "count", "money", "percent")):
    return [(f.kind, f.text, f.value, f.unit, f.approximate)
            for f in extract_facets(text, published=published) if f.kind in kinds]


#: a figure with thousands separators counts something even when its noun stands elsewhere;
#: a part of a counted whole counts what the whole counts
BARE_COUNTS = [
    ("The mayor says the city will take between 40,000 and 65,000 migrants, and 12,000 arrived this spring.",
     [("count", "40,000", 40000, "migrants", False), ("count", "65,000 migrants", 65000, "migrants", False),
      ("count", "12,000", 12000, "migrants", False), ("date", "this spring", "2016", None, True)]),
    ("The ferry line carried from 2,500 to 3,100 each weekday.",
     [("count", "2,500", 2500, None, False), ("count", "3,100", 3100, None, False)]),
    ("Her 1,950 (to his 1,602) are a clear majority.",
     [("count", "1,950", 1950, None, False), ("count", "1,602", 1602, None, False)]),
    ("Organisers expect 7,500 to attend.", [("count", "7,500", 7500, None, False)]),
    ("The governor carried 11 of the last 14 counties and three of the past 12 special elections.",
     [("count", "11", 11, "counties", False), ("count", "14 counties", 14, "counties", False),
      ("count", "three", 3, "special elections", False),
      ("count", "12 special elections", 12, "special elections", False)]),
    ("Only 6 out of 40 applicants were hired.",
     [("count", "6", 6, "applicants", False), ("count", "40 applicants", 40, "applicants", False)]),
    # a level is no count; a bare small number stays out
    ("The index closed at 18,348 on Friday.", [("date", "Friday", "2016-05-20", None, False)]),
    ("The stock rose from 2,500 to 3,100 in a week.", []),
    ("Voters rejected the plan, 52 said.", []),
]


@pytest.mark.parametrize("text, expected", BARE_COUNTS)
def test_bare_counts(text, expected):
    assert facets(text) == expected


#: a number word before a hyphen counts the nouns a size is counted in; a hyphened lead of
#: points is a percentage
COMPOUNDS = [
    ("The council sent a six-page letter to a nine-member panel.",
     [("count", "six-page", 6, "pages", False), ("count", "nine-member", 9, "members", False)]),
    ("She backed a two-step plan, a four-star general and a three-way race.", []),
    ("Her six-percentage-point lead fell to a 2.5-point edge, then to a seven-point lead.",
     [("percent", "six-percentage-point", 6, None, False), ("percent", "2.5-point", 2.5, None, False),
      ("percent", "seven-point", 7, None, False)]),
    ("They unveiled a 10-point plan.", []),
    ("The senator won by more than 5 percentage points.",
     [("percent", "5 percentage points", 5, None, True)]),
]


@pytest.mark.parametrize("text, expected", COMPOUNDS)
def test_compounds(text, expected):
    assert facets(text) == expected


#: *one* counts when restricted (*only one bill*); *one* alone, or one of many, does not
ONE = [
    ("He wrote only one amendment.", [("count", "one amendment", 1, "amendment", False)]),
    ("Only one bill was signed, by at least one senator.",
     [("count", "one bill", 1, "bill", False), ("count", "one senator", 1, "senator", True)]),
    ("She has just one goal.", [("count", "one goal", 1, "goal", False)]),
    ("One official said it, and one of the aides left; he is one to watch.", []),
    ("It is only one extension of the work she does.", []),
    ("Just one in five voters agreed.", []),
]


@pytest.mark.parametrize("text, expected", ONE)
def test_one(text, expected):
    assert facets(text) == expected


#: dates and seasons that stood next to a possessive or a conjunction
DATES = [
    ("Tuesday's primary drew record turnout.", [("date", "Tuesday", "2016-05-17", None, False)]),
    ("After Thursday's vote, the chamber went home.", [("date", "Thursday", "2016-05-19", None, False)]),
    ("We must all vote this fall and next spring.",
     [("date", "this fall", "2016", None, True), ("date", "next spring", "2017", None, True)]),
    ("It saw the rise and fall of the regime.", []),
    ("Traders reacted to the fall.", []),
]


@pytest.mark.parametrize("text, expected", DATES)
def test_dates(text, expected):
    assert facets(text) == expected


#: a bare month after a commitment to act (*vowed to stay until July*) is the nearest such
#: month: the promise looks ahead of itself, not of publication; *N years ago* in words
COMMITTED = [
    ("Several threatened to disrupt the convention in July with protests.",
     [("date", "July", "2016-07", None, False)]),
    ("He has vowed to stay in the race until the convention in July.",
     [("date", "July", "2016-07", None, False)]),
    ("The board agreed in March to cut rates in December.",
     [("date", "March", "2016-03", None, False), ("date", "December", "2015-12", None, False)]),
    ("The board cut rates in December.", [("date", "December", "2015-12", None, False)]),
    ("The board agreed to it in December.", [("date", "December", "2015-12", None, False)]),
    ("The board will cut rates in December.", [("date", "December", "2016-12", None, False)]),
    ("Twenty-five years ago, she won an election here.",
     [("date", "Twenty-five years ago", "1991", None, False)]),
    ("The mill closed forty-two years ago, and five years ago it reopened.",
     [("date", "forty-two years ago", "1974", None, False), ("date", "five years ago", "2011", None, False)]),
]


@pytest.mark.parametrize("text, expected", COMMITTED)
def test_committed_months_and_years_ago(text, expected):
    assert facets(text) == expected


#: a possessive before a figure says whose it is, not a name; *of tomorrow* is an era and
#: *the March on ...* a walk
NOT_NAMES = [
    ("Harlow got 412 votes to Marsh's 97.",
     [("count", "412 votes", 412, "votes", False), ("count", "97", 97, "votes", False)]),
    ("Her 1,950 (to Ford's 1,602) won, and Clinton's 2.5-point edge shrank.",
     [("count", "1,950", 1950, None, False), ("count", "1,602", 1602, None, False),
      ("percent", "2.5-point", 2.5, None, False)]),
    ("The carrier's Boeing 737 fleet is grounded.", []),
    ("These are the leaders of tomorrow and the problems of today.", []),
    ("As of today, 40 people have signed; the vote is tomorrow.",
     [("date", "today", "2016-05-20", None, False), ("count", "40 people", 40, "people", False),
      ("date", "tomorrow", "2016-05-21", None, False)]),
    ("Thousands joined the March on the Capitol and the March for Life.", []),
    ("The rally in March on the mall drew crowds.", [("date", "March", "2016-03", None, False)]),
    # a plural possessive (the Greens') says whose, as 's does
    ("The Greens' 14 councillors walked out.", [("count", "14 councillors", 14, "councillors", False)]),
]


#: a number still counts without its noun when a verb of casualties comes before it (*killed
#: 40*) or the members of a body are counted without a hyphen (*the 2 million member union*);
#: a vote's tally counts votes
UNHYPHENED_AND_TALLIES = [
    ("The blast killed 40 and injured dozens.", [("count", "40", 40, None, False)]),
    ("Floods have displaced about 3,000 since Monday.",
     [("count", "3,000", 3000, None, True), ("date", "Monday", "2016-05-16", None, False)]),
    ("The 2 million member union backed the deal.", [("count", "2 million member", 2000000, "members", False)]),
    ("The alliance has 30 member states.", [("count", "30 member states", 30, "member states", False)]),
    ("The 40 member council meets today.",
     [("count", "40 member", 40, "members", False), ("date", "today", "2016-05-20", None, False)]),
    ("The board voted 7 in favour and 2 against.",
     [("count", "7", 7, "votes", False), ("count", "2", 2, "votes", False)]),
    ("In the final vote, 311 were in favor, 102 opposed.",
     [("count", "311", 311, "votes", False), ("count", "102", 102, "votes", False)]),
    ("Three judges ruled against the plan.", [("count", "Three judges", 3, "judges", False)]),
    ("He argued 4 against the motion.", []),
    # the minutes of a clock time are no amount, even before a currency's name (*the 2:05 mark*);
    # a figure after a name is a count when *times* follows it
    ("The clip turns at the 2:05 mark.", []),
    ("The officer shot Ray Diaz 9 times.", [("count", "9 times", 9, "times", False)]),
]


@pytest.mark.parametrize("text, expected", UNHYPHENED_AND_TALLIES)
def test_unhyphened_and_tallies(text, expected):
    assert facets(text) == expected


@pytest.mark.parametrize("text, expected", NOT_NAMES)
def test_not_names(text, expected):
    assert facets(text) == expected


#: a month before the noun it dates (*a July interview*) is a date; a name is not
MONTH_MODIFIERS = [
    ("In a July interview with a radio host, he praised the plan.", [("date", "July", "2015-07", None, False)]),
    ("The June primary will decide it.", [("date", "June", "2016-06", None, False)]),
    ("She joined the March on Washington.", []),
    ("The May government fell.", []),
    ("He read the April of his youth.", []),
]


@pytest.mark.parametrize("text, expected", MONTH_MODIFIERS)
def test_month_modifiers(text, expected):
    assert facets(text) == expected


#: two modifiers joined by *and*/*or* before one plural noun stay in the counted phrase
COORDINATED = [
    ("Eleven civic and business groups signed the letter.",
     [("count", "Eleven civic and business groups", 11, "civic and business groups", False)]),
    ("Four new or used cars were sold.", [("count", "Four new or used cars", 4, "new or used cars", False)]),
    ("Two senators and three governors met.",
     [("count", "Two senators", 2, "senators", False), ("count", "three governors", 3, "governors", False)]),
    ("The three leaders and their aides left.", [("count", "three leaders", 3, "leaders", False)]),
    ("They took two and gave three books.", [("count", "three books", 3, "books", False)]),
]


@pytest.mark.parametrize("text, expected", COORDINATED)
def test_coordinated_modifiers(text, expected):
    assert facets(text) == expected


#: a date that opens its sentence takes the tense of the clause it leads into, not of a
#: clause beyond the next mark
OPENING = [
    ("After Tuesday night, his chance rests on one hope: that delegates will overturn the vote.",
     [("date", "Tuesday", "2016-05-17", None, False)]),
    ("On Monday, Bolton will meet the prime minister.", [("date", "Monday", "2016-05-23", None, False)]),
    ("On Monday, officials said the talks would resume.", [("date", "Monday", "2016-05-16", None, False)]),
    ("After Tuesday, the board will decide.", [("date", "Tuesday", "2016-05-24", None, False)]),
]


@pytest.mark.parametrize("text, expected", OPENING)
def test_opening_dates(text, expected):
    assert facets(text) == expected


#: times of a day without a digit or another date word: *this afternoon*, *this evening*
#: (PUB is a Friday)
PARTS_OF_TODAY = [
    ("Late this afternoon, the mayor signed the order.", [("date", "this afternoon", "2016-05-20", None, False)]),
    ("“We met the governor this evening,” the chair said.",
     [("date", "this evening", "2016-05-20", None, False)]),
    ("The board will vote this morning.", [("date", "this morning", "2016-05-20", None, False)]),
    ("The afternoon session ran long.", []),
]


@pytest.mark.parametrize("text, expected", PARTS_OF_TODAY)
def test_parts_of_today(text, expected):
    assert facets(text) == expected


#: a day word or a weekday inside the name of a paper or a show is no date: *USA TODAY*,
#: *Saturday Night Live*, *Monday Night Football*; in a headline in capitals or in title case
#: the same words are dates
NAMES_OF_DAYS = [
    ("The senator told USA TODAY she would run.", []),
    ("A survey by USA TODAY and a university found wide support.", []),
    ("FLOODS CLOSE SCHOOLS TODAY", [("date", "TODAY", "2016-05-20", None, False)]),
    ("The governor said today that she would run.", [("date", "today", "2016-05-20", None, False)]),
    ("The comedian has hosted Saturday Night Live five times.", [("count", "five times", 5, "times", False)]),
    ("Ratings for Monday Night Football fell.", []),
    ("The senator spoke Monday night in Ohio.", [("date", "Monday", "2016-05-16", None, False)]),
    ("Senator Wins Tuesday Night In Ohio", [("date", "Tuesday", "2016-05-17", None, False)]),
]


@pytest.mark.parametrize("text, expected", NAMES_OF_DAYS)
def test_names_of_days(text, expected):
    assert facets(text) == expected


#: *N out of 10* is a proportion (null in the gold), not a count; a count of a larger whole
#: stays a count
PROPORTIONS = [
    ("Nearly eight out of 10 say the economy comes first.", []),
    ("Three out of four voters in the county backed the levy.", []),
    ("Some 99 out of 100 doctors signed.", []),
    ("Only 7 out of 35 applicants were hired.",
     [("count", "7", 7, "applicants", False), ("count", "35 applicants", 35, "applicants", False)]),
    ("The party won 61 out of the 80 seats.",
     [("count", "61", 61, "seats", False), ("count", "80 seats", 80, "seats", False)]),
    # the same without *out*: *of* a whole of ten or a hundred, *in* ten, a hundred or two to ten
    ("Nearly nine of 10 growers fear the drought.", []),
    ("Six in 10 commuters back the new line.", []),
    ("Two in five tenants are behind on rent.", []),
    ("The club won 10 of 12 races.",
     [("count", "10", 10, "races", False), ("count", "12 races", 12, "races", False)]),
    ("Two of three bidders withdrew.",
     [("count", "Two", 2, "bidders", False), ("count", "three bidders", 3, "bidders", False)]),
    # *in* a span of time is how long it took, not the whole of a proportion
    ("The state shed 38,000 in two years.", [("count", "38,000", 38000, None, False)]),
    ("Sign-ups reached 4,500 in 10 days.", [("count", "4,500", 4500, None, False)]),
]


#: ages and decades are no counts; *think twice* counts nothing
NOT_COUNTS = [
    ("Four of the judges are in their 70s.", [("count", "Four", 4, "judges", False)]),
    ("Buyers should think twice before signing.", []),
    ("The board met twice.", [("count", "twice", 2, "times", False)]),
    # an age set off by commas after a name, or after *ages of*, is no count of what came before
    ("The mayor has two daughters, Ana, 19, and Lucia, 15.", [("count", "two daughters", 2, "daughters", False)]),
    ("The survey reached 900 adults between the ages of 18 and 34.",
     [("count", "900 adults", 900, "adults", False)]),
    ("It polled 600 students aged 18 to 24.", [("count", "600 students", 600, "students", False)]),
    # a numbered part, chapter or round names a thing; it counts nothing
    ("Read part 1 here and part 2 below.", []),
    ("Four teams reached round 2.", [("count", "Four teams", 4, "teams", False)]),
    ("The region has 12 clinics, and none ranks in the top 20 nationally.",
     [("count", "12 clinics", 12, "clinics", False)]),
    # an age as a bound on people counts nothing
    ("Turnout fell among voters under 30 and rose among adults over 65.", []),
    ("Half of the voters were over 45.", [("percent", "Half", 50, None, False)]),
    ("The mill hired 40 workers under 25.", [("count", "40 workers", 40, "workers", False)]),
    # generations are a span of time, as decades are (a duration, not scored); *of two minds* is an idiom
    ("The family has fished these waters for three generations.", []),
    ("The mayor was of two minds about the 3 plans.", [("count", "3 plans", 3, "plans", False)]),
    # a tally still passes its noun along
    ("The council cast 14 votes for the plan and 9 against it.",
     [("count", "14 votes", 14, "votes", False), ("count", "9", 9, "votes", False)]),
]


@pytest.mark.parametrize("text, expected", NOT_COUNTS)
def test_not_counts(text, expected):
    assert facets(text) == expected


@pytest.mark.parametrize("text, expected", PROPORTIONS)
def test_proportions(text, expected):
    assert facets(text) == expected


#: what a number before a unit of length or of time is: a quantity (*a 40-yard run*), a
#: duration (*one more day*), not a count of what follows
MEASURES = [
    ("He broke off a 40-yard run.", []),
    ("With just one more day until the primary, the race is tight.", []),
    ("The strike will last two more weeks.", []),
    ("She met three more donors.", [("count", "three more donors", 3, "donors", False)]),
]


@pytest.mark.parametrize("text, expected", MEASURES)
def test_measures(text, expected):
    assert facets(text) == expected
    assert [f.kind for f in extract_facets(text, published=PUB)] in ([], ["quantity"], ["duration"],
                                                                    ["count"])


#: a number after a collective and *of* counts its members (*a group of nine*); a middle
#: initial inside the counted phrase is part of a name, not its end
COLLECTIVES_AND_INITIALS = [
    ("They left as a group of nine.", [("count", "nine", 9, None, False)]),
    ("A total of 14 were detained.", [("count", "14", 14, None, False)]),
    ("She was one of a family of five.", [("count", "five", 5, None, False)]),
    ("The Group of 20 met in May.", [("date", "May", "2016-05", None, False)]),
    ("She hired four former John F. Kennedy School fellows.",
     [("count", "four former John F. Kennedy School fellows", 4, "former john f. kennedy school fellows", False)]),
    ("Two ex-George W. Bush aides and three former George W. Bush administration officials spoke.",
     [("count", "Two ex-George W. Bush aides", 2, "ex-george w. bush aides", False),
      ("count", "three former George W. Bush administration officials", 3,
       "former george w. bush administration officials", False)]),
]


@pytest.mark.parametrize("text, expected", COLLECTIVES_AND_INITIALS)
def test_collectives_and_initials(text, expected):
    assert facets(text) == expected
