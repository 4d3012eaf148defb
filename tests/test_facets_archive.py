"""Facet rules found by reading the facets of unannotated 2015-2016 politics articles (the PolNeAR
train texts, read as a new user's archive would be): every sentence here is written for these
tests, none is taken from those articles or from any evaluation set."""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck.facets import extract_facets

SUNDAY = dt.date(2016, 7, 31)
SATURDAY = dt.date(2016, 7, 30)
SPRING = dt.date(2016, 4, 23)


def amounts(text, published=SPRING):
    return [(f.kind, f.text, f.value, f.unit) for f in extract_facets(text, published=published)
            if f.kind != "date"]


def dates(text, published=SPRING):
    return [(f.text, f.value) for f in extract_facets(text, published=published) if f.kind == "date"]


#: a poll's points are percentage points; an index's points are not
POINTS = [
    ("The senator trails by about 9 points in the polling average.", [("percent", "9 points", 9, None)]),
    ("Her vote share beat his by 4 points.", [("percent", "4 points", 4, None)]),
    ("It was a 12-point win for the mayor.", [("percent", "12-point", 12, None)]),
    ("She holds a 6-point polling lead.", [("percent", "6-point", 6, None)]),
    ("The Dow Jones industrial average fell 210 points.", [("quantity", "210 points", 210, "points")]),
]

#: currency words in speech, and a cent alone
MONEY = [
    ("Drivers make 40 bucks a shift.", [("money", "40 bucks", 40, "USD")]),
    ("Diesel rose less than 1 cent.", [("money", "1 cent", 0.01, "USD")]),
    ("Inflation stayed at 2 per cent.", [("percent", "2 per cent", 2, None)]),
]

#: a dashed range of figures: both ends, the first taking the second's unit and scale
RANGES = [
    ("The repairs would cost $3-4 billion.",
     [("money", "$3", 3000000000, "USD"), ("money", "4 billion", 4000000000, "USD")]),
    ("The agency hired 40-60 inspectors.",
     [("count", "40", 40, "inspectors"), ("count", "60 inspectors", 60, "inspectors")]),
    ("Turnout reached 55-60 percent.", [("percent", "55", 55, None), ("percent", "60 percent", 60, None)]),
    # a score, a ratio, a docket number and a telephone number are no ranges
    ("The visitors won 3-1.", []),
    ("Voters backed it by nearly 2-1.", []),
    ("The case, No. 15-274, was argued.", []),
    ("Call 555-0199 for details.", []),
]

#: the noun phrase a number counts
UNITS = [
    ("The archive holds 30,000 pages of the governor's letters.", [("count", "30,000 pages", 30000, "pages")]),
    ("About 2 million people of Korean origin live there.", [("count", "2 million people", 2000000, "people")]),
    ("Two members of Congress objected.",
     [("count", "Two members of Congress", 2, "members of congress")]),
    ("The bill has 60 members of the Senate.",
     [("count", "60 members of the Senate", 60, "members of the senate")]),
    ("She won four of the past six contests.",
     [("count", "four", 4, "contests"), ("count", "six contests", 6, "contests")]),
    ("He needs 1,237 total delegates.", [("count", "1,237 total delegates", 1237, "delegates")]),
    ("The nine remaining justices split.", [("count", "nine remaining justices", 9, "justices")]),
    ("He took 300 to 41 among superdelegates.",
     [("count", "300", 300, "superdelegates"), ("count", "41 among superdelegates", 41, "superdelegates")]),
    ("It is the only one not sold.", []),
    ("Pollsters called 40 randomly chosen households.",
     [("count", "40 randomly chosen households", 40, "randomly chosen households")]),
    ("Six congressmen and 30 schoolchildren came.",
     [("count", "Six congressmen", 6, "congressmen"), ("count", "30 schoolchildren", 30, "schoolchildren")]),
    ("He has three sisters-in-law.", [("count", "three sisters-in-law", 3, "sisters-in-law")]),
    ("Nine specimen jars broke.", [("count", "Nine specimen jars", 9, "specimen jars")]),
    ("The dozen districts voted early.", [("count", "dozen districts", 12, "districts")]),
]


@pytest.mark.parametrize("text, expected", POINTS + MONEY + RANGES + UNITS)
def test_amounts(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text, hedged", [
    ("Approval stayed above 60 percent.", True),
    ("Unemployment fell below 5 percent.", True),
    ("The wall would cost $20 billion or more.", True),
    ("About 30 percent or so said yes.", True),
    ("Prices rose 3 percent or more than forecast.", False),
    ("Prices rose 3 percent.", False),
])
def test_hedges_before_and_after(text, hedged):
    found = [f for f in extract_facets(text, published=SPRING) if f.kind != "date"]
    assert found and all(f.approximate is hedged for f in found)


DATES = [
    # a programme's name is no date; a quoted sentence may open on the day word
    ("The senator told ABC's This Week that he would stay.", []),
    ("She said on “This Week,” that she would run.", []),
    ("He spoke on CBS This Morning about taxes.", []),
    ("The host joked on The Tonight Show.", []),
    ("The mayor said, “Tonight we celebrate.”", [("Tonight", "2016-04-23")]),
    ("The policies of yesterday failed.", []),
    # part of another span, not this week or this year
    ("In the last week of the campaign she surged.", []),
    ("In the last year of his term he vetoed it.", []),
    # since a month: the latest one
    ("Support has grown since December.", [("December", "2015-12")]),
    ("Sales have fallen since March.", [("March", "2016-03")]),
    # years
    ("Turnout was the highest since at least 1980.", [("1980", "1980")]),
    ("She served from 2009-2013 in the cabinet.", [("2009", "2009"), ("2013", "2013")]),
    ("In 1998 voters rejected the levy.", [("1998", "1998")]),
    ("A survey of 1984 registered voters found it.", []),
    ("The governor signed House Bill 1411.", []),
    ("Protesters gathered outside 1600 Pennsylvania Avenue.", []),
    # a part of the year: of the year written before it in the sentence, else of publication (session 24)
    ("Fares rose 4 percent in the first 10 months of the year.", [("the first 10 months of the year", "2016")]),
    ("The fund raised $9 million in the first half of the year.", [("the first half of the year", "2016")]),
    ("Exports fell in the first six months of this year.", [("the first six months of this year", "2016")]),
    ("Exports fell in 2014, most of all in the second half of the year.",
     [("2014", "2014"), ("the second half of the year", "2014")]),
    # a weekday before a plural time of day is a recurrence (session 24)
    ("The council meets on Monday nights.", []),
    ("Debates were held on Saturday evenings in 2015.", [("2015", "2015")]),
    # the same month a year before the month just named
    ("Sales in March were below the same month last year.", [("March", "2016-03"), ("the same month last year", "2015-03")]),
]


@pytest.mark.parametrize("text, expected", DATES)
def test_dates(text, expected):
    assert dates(text) == expected


def test_last_week_on_a_sunday_is_the_week_just_ended():
    # Sunday 31 July 2016: the Monday to Saturday just ended is ISO week 30
    assert dates("The governor vetoed the bill last week.", SUNDAY) == [("last week", "2016-W30")]
    assert dates("The governor vetoed the bill last week.", SATURDAY) == [("last week", "2016-W29")]


@pytest.mark.parametrize("text, expected", [
    ("The carrier took delivery of three 737 MAX jets.", [("count", "three 737 MAX jets", 3, "737 max jets")]),
    ("The air force bought 30 F-16 fighters.", [("count", "30 F-16 fighters", 30, "f-16 fighters")]),
])
def test_designations_belong_to_the_noun(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The island nation of 4 million voted.", [("count", "4 million", 4000000, None)]),
    ("The newcomers bring the total to 27.", [("count", "27", 27, None)]),
    ("A total of 45 were hurt.", [("count", "45", 45, None)]),
    ("We have got three of ‘em in the barn.", [("count", "three", 3, None)]),
    ("The shares closed at 45.", []),
])
def test_bare_counts_of_a_place_a_total_or_them(text, expected):
    assert amounts(text) == expected


def test_a_weekday_before_a_date_is_a_facet_of_its_own():
    assert dates("The paper said in an editorial on Monday, Oct. 26: enough.", dt.date(1998, 10, 25)) == [
        ("Monday", "1998-10-26"), ("Oct. 26", "1998-10-26")]
    assert dates("The summit opens Sunday, March 8, 1998.", dt.date(1998, 3, 5)) == [
        ("Sunday", "1998-03-08"), ("March 8, 1998", "1998-03-08")]


@pytest.mark.parametrize("text, expected", [
    # counted from an event named without its date: no date, not the date written before
    ("In May 2013, four months after the minister left office, she spoke.", [("May 2013", "2013-05")]),
    ("He was fired on Wednesday, a day after he drew criticism.", [("Wednesday", "2016-04-20")]),
    # counted from the date before: later, earlier, after that
    ("The bridge opened in 2010 and a year after that it closed.", [("2010", "2010"), ("a year after", "2011")]),
    ("The bridge opened in 2010; two years later it closed.", [("2010", "2010"), ("two years later", "2012")]),
    # a sentence whose only time word is *day* is read at all
    ("A day earlier, at a forum, he spoke.", [("A day earlier", "2016-04-22")]),
])
def test_dates_counted_from_an_event_or_a_date(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("October's jobs report was weak.", dt.date(2015, 11, 9), [("October", "2015-10")]),
    ("The strong October report lifted shares.", dt.date(2015, 11, 9), [("October", "2015-10")]),
    ("Leaders will meet at a July NATO summit.", dt.date(2016, 6, 7), [("July", "2016-07")]),
    ("The rally will last into January.", dt.date(2015, 12, 16), [("January", "2016-01")]),
    ("Come November, voters decide.", dt.date(2016, 6, 15), [("November", "2016-11")]),
    ("The book comes out this coming August.", dt.date(2016, 5, 12), [("this coming August", "2016-08")]),
    ("It was said at a debate this past September.", dt.date(2016, 1, 20), [("this past September", "2015-09")]),
    ("Riots in 1968 cost him the election that November.", dt.date(2016, 6, 23),
     [("1968", "1968"), ("that November", "1968-11")]),
    # May and March stay names and walks
    ("May's plan failed.", dt.date(2016, 6, 23), []),
    ("The March on Washington drew crowds.", dt.date(2016, 6, 23), []),
])
def test_bare_months_in_more_places(text, published, expected):
    assert dates(text, published) == expected


def test_a_day_word_in_a_headline_in_capitals_is_a_date():
    assert dates("Protesters Target The Senator At Tonight’s Debate", dt.date(2016, 2, 11)) == [
        ("Tonight", "2016-02-11")]
    assert dates("The Mayor Speaks Today In Ohio", dt.date(2016, 2, 11)) == [("Today", "2016-02-11")]


#: the week of 25 July 2016, Monday to Sunday: publication days for the weekday table
MON, TUE, WED, THU, FRI, SAT, SUN = (dt.date(2016, 7, day) for day in range(25, 32))

#: a bare weekday read from the verb of its own clause, not from one of the clause around it;
#: each rule with a sentence it must leave alone
WEEKDAY_CLAUSES = [
    # a clause of its own (who, which, as they ...) has its own tense
    ("The governor thanked the volunteers who are staffing the phone banks on Thursday.", SAT, "2016-08-04"),
    ("The governor thanked the volunteers who staffed the phone banks on Thursday.", SAT, "2016-07-28"),
    ("The mayor praised the councillor, who is standing in Tuesday's runoff.", SAT, "2016-08-02"),
    ("The mayor praised the councillor, who stood in Tuesday's runoff.", SAT, "2016-07-26"),
    # a progressive nearer the weekday than the past verb
    ("The pollster described the race she is facing in Tuesday's runoff.", SAT, "2016-08-02"),
    # a present after the weekday, or in a clause of its own, is not its verb
    ("After a bruising loss Tuesday, the mayor is regrouping.", THU, "2016-07-26"),
    # a present before it in its clause looks ahead
    ("A memorial service is planned Friday in the capital.", SUN, "2016-08-05"),
    # the weekday dates the saying, not what is said after it
    ("The senator joined the fight, announcing on Wednesday he would vote against the bill.", SAT, "2016-07-27"),
    ("The senator will announce on Wednesday that he would vote against the bill.", SAT, "2016-08-03"),
    # a modal perfect or a refusal to say looks back
    ("The mayor wouldn't say Tuesday how the council would vote.", SAT, "2016-07-26"),
    ("The rookie did not play the spoiler that he could have Thursday.", SAT, "2016-07-28"),
    ("The underdog could win on Thursday.", SAT, "2016-08-04"),
    # a plan told in the past: the nearest such day, held or called off
    ("The governor was scheduled to speak in Dayton on Tuesday.", WED, "2016-07-26"),
    ("The governor was scheduled to speak in Dayton on Tuesday.", SAT, "2016-08-02"),
    ("The governor is scheduled to speak in Dayton on Tuesday.", WED, "2016-08-02"),
    # a date with a verb after it in its clause leads into no other clause (the next ... is not its)
    ("The mayor - who fired the chief, a longtime ally, on Tuesday after defending him - is safe, "
     "and the next vote is far off.", FRI, "2016-07-26"),
    # a phrase that opens the sentence leads into the clause after it
    ("In the runoff on Tuesday, the mayor faces a banker.", MON, "2016-07-26"),
    ("In the runoff on Tuesday, the mayor beat a banker.", MON, "2016-07-19"),
    # scheduled events in the present: gathers, voters vote
    ("The party says there will be no speakers when it gathers for its convention on Saturday.", FRI, "2016-07-30"),
    ("On Tuesday, voters in three states vote on the measure.", MON, "2016-07-26"),
    # what is done ahead of an event looks ahead to it
    ("Polls are tightening ahead of Monday's caucus.", THU, "2016-08-01"),
    ("Both candidates are touring the state ahead of the caucuses on Monday.", THU, "2016-08-01"),
    ("The leak was an effort to hurt her ahead of Monday's caucus.", THU, "2016-08-01"),
    ("The Latest on the race in the lead-up to Monday's caucus.", THU, "2016-08-01"),
    # in the past, the event looked ahead to is the nearest such day; before a person is no event
    ("Both candidates toured the state ahead of the caucuses on Monday.", THU, "2016-07-25"),
    ("Both candidates toured the state ahead of the caucuses on Monday.", FRI, "2016-08-01"),
    ("Aides had briefed him just before Monday's vote.", THU, "2016-07-25"),
    ("Appearing before cheering supporters Monday, she thanked them.", THU, "2016-07-25"),
    # an event the weekday dates, in a subject whose verb looks ahead: the nearest such day
    ("His speech Sunday about the budget will shape the debate.", TUE, "2016-07-24"),
    ("Scenes from the senator's rally at the Civic Arena in Dayton Tuesday will stay with me.", FRI, "2016-07-26"),
    ("His speech on Sunday will be broadcast live.", THU, "2016-07-31"),
    ("A strike on Monday is possible.", THU, "2016-08-01"),
    # an event nobody schedules, or one won already, is past whatever the verb
    ("Two men will be charged over the shooting Sunday night.", THU, "2016-07-24"),
    ("If she builds on her Tuesday wins, the race is over.", SAT, "2016-07-26"),
    ("She will need a win in Tuesday's primary.", SAT, "2016-08-02"),
]


@pytest.mark.parametrize("text, published, expected", WEEKDAY_CLAUSES)
def test_a_weekday_takes_the_tense_of_its_own_clause(text, published, expected):
    found = dates(text, published)
    assert len(found) == 1 and found[0][1] == expected, found


def test_a_phrase_that_opens_the_sentence_leads_into_its_clause():
    assert dates("In an essay in a magazine in December, he wrote that the plan was flawed.",
                 dt.date(2016, 8, 1)) == [("December", "2015-12")]


@pytest.mark.parametrize("text, expected", [
    ("This is Radio Harbour Today.", []),  # a programme: the sentence has a word in lower case
    ("Reporting by Ana Ruiz and Tom Lee, USA TODAY.", []),  # the paper, even in a line of names
    ("Eight Things to Know for Today", [("Today", "2016-02-11")]),  # a headline in capitals
])
def test_today_as_a_name_or_a_day(text, expected):
    assert dates(text, dt.date(2016, 2, 11)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The mayor beat her rival 52 to 44 percent.", [("percent", "52", 52, None), ("percent", "44 percent", 44, None)]),
    ("She leads Ortega 1,210 to 980 in pledged delegates.",
     [("count", "1,210", 1210, "pledged delegates"), ("count", "980 in pledged delegates", 980, "pledged delegates")]),
    # a place or a time after *in* is no counted noun
    ("The attacks killed 30 in Lyon.", [("count", "30", 30, None)]),
    ("Route 66 to Chicago is closed.", []),
])
def test_a_tally_after_a_name_and_a_noun_after_in(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("After the scandal broke in March, she said nothing.", dt.date(2015, 12, 31), [("March", "2015-03")]),
    ("As recently as an October radio interview, he said so.", dt.date(2015, 11, 27), [("October", "2015-10")]),
    ("He will not endorse before Ohio's March primary.", dt.date(2016, 1, 8), [("March", "2016-03")]),
    ("He met donors last fall in Denver.", dt.date(2016, 4, 17), [("last fall", "2015")]),
    ("The fall in prices hurt farmers.", dt.date(2016, 4, 17), []),
    ("He won in 2012 and again the next year.", dt.date(2016, 3, 3), [("2012", "2012"), ("the next year", "2013")]),
    ("The next month, a former aide sued.", dt.date(2016, 2, 19), []),  # counted from no written date
])
def test_more_dates_of_the_second_audit(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials released 22 of the governor's emails.", [("count", "22", 22, "emails")]),
    ("Officials released 22 of Walker's emails.", [("count", "22", 22, "emails")]),
    ("The plan would deport 11 million living in the country.", [("count", "11 million", 11000000, None)]),
    ("About 1 in 3 voters agreed.", []),
    ("The index rose 0.2 percent, to 2,173.60.", [("percent", "0.2 percent", 0.2, None)]),
    ("He is 200 delegates short of the 1,237 mark.",
     [("count", "200 delegates", 200, "delegates"), ("count", "1,237", 1237, "delegates")]),
])
def test_more_counts_of_the_second_audit(text, expected):
    assert amounts(text) == expected


OCTOBER = dt.date(2016, 10, 5)


@pytest.mark.parametrize("text, published, expected", [
    # the attacks of 2001, named by the day
    ("Relatives gathered at the Sept. 11 memorial ceremony downtown.", SPRING, [("Sept. 11", "2001-09-11")]),
    ("A lawsuit by Sept. 11 families is pending.", SPRING, [("Sept. 11", "2001-09-11")]),
    ("The delegation flies home on Sept. 11 for the talks.", SPRING, [("Sept. 11", "2016-09-11")]),
    # tomorrow as an era, not the day after publication
    ("The governor promised voters a better tomorrow.", SPRING, []),
    ("The governor will sign the bill tomorrow.", SPRING, [("tomorrow", "2016-04-24")]),
    # a body's meeting named by its month after a possessive
    ("The alliance agreed at its July summit to send more troops.", OCTOBER, [("July", "2016-07")]),
    ("The party will hold its August convention in the capital.", SPRING, [("August", "2016-08")]),
    ("Her March remark drew criticism.", OCTOBER, []),
    # a forecast already made, compared with the figure now
    ("The bank expects growth will be weaker than forecast in July.", OCTOBER, [("July", "2016-07")]),
    ("Output will grow faster than predicted in March.", OCTOBER, [("March", "2016-03")]),
])
def test_dates_of_the_third_audit(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # a tally followed by how the vote went
    ("The panel voted 11-9 along party lines to issue the subpoena.",
     [("count", "11", 11, "votes"), ("count", "9", 9, "votes")]),
    # N to 1 as a ratio: no votes counted
    ("Critics outnumbered supporters in the survey, a 4 to 1 margin.", []),
    ("Both caucuses split 3 to 1 in favour of the plan.", []),
    ("The council voted 6 to 1 to approve the plan.", [("count", "6", 6, "votes"), ("count", "1", 1, "votes")]),
    # a comparison that leaves out the noun counts what the count before it counts
    ("The plan creates five tax brackets, compared with three under current law.",
     [("count", "five tax brackets", 5, "tax brackets"), ("count", "three", 3, "tax brackets")]),
    ("The chain now runs 60 stores, up from nine in 2010.",
     [("count", "60 stores", 60, "stores"), ("count", "nine", 9, "stores")]),
    ("The two met, compared with notes from last spring.", []),
])
def test_counts_of_the_third_audit(text, expected):
    assert amounts(text) == expected


def test_a_compound_subject_of_names_meets_on_the_coming_weekday():
    friday = dt.date(2016, 9, 23)
    assert dates("Lind and her rival Ortiz meet for the first of 3 debates Monday.", friday) == [("Monday", "2016-09-26")]
    assert dates("Lind and Ortiz met for the first debate Monday.", dt.date(2016, 9, 28)) == [("Monday", "2016-09-26")]


def test_a_hyphenated_compound_in_ed_stays_in_the_counted_phrase():
    assert amounts("The alliance sent four rotating battalion-sized units.") == [
        ("count", "four rotating battalion-sized units", 4, "rotating battalion-sized units")]
    assert amounts("Three workers walked out in 2015.") == [("count", "Three workers", 3, "workers")]


@pytest.mark.parametrize("text, expected", [
    # a half-dozen is six
    ("A half-dozen seats are in swing states.", [("count", "A half-dozen seats", 6, "seats")]),
    # earlier/later before a plural are adjectives of the counted noun
    ("She won 15 earlier contests.", [("count", "15 earlier contests", 15, "contests")]),
    # the only one is a pronoun
    ("He was the only one punished for it.", []),
    ("Only one bill passed in the session.", [("count", "one bill", 1, "bill")]),
    # the level of a named tally counts what the tally names
    ("The agency raised the death toll from the quake to 212.", [("count", "212", 212, "deaths")]),
    ("The number of injured in hospital stands at 95.", [("count", "95", 95, "injured")]),
    ("The number of the house is 42.", []),
    # figures in brackets after a poll lead are its percentages
    ("She leads by four points (44 to 40).",
     [("percent", "four points", 4, None), ("percent", "44", 44, None), ("percent", "40", 40, None)]),
])
def test_counts_of_the_dev_sample(text, expected):
    assert amounts(text) == expected


def test_today_before_modifiers_and_a_noun_of_these_days():
    assert dates("They write for today's more fiercely partisan media.") == []
    assert dates("Today's historic vote passed 60-40.") == [("Today", "2016-04-23")]


def _doc_dates(doc, published):
    from factcheck.segment import split_sentences
    return [[(f.text, f.value) for f in extract_facets(doc, s.start, s.end, published=published) if f.kind == "date"]
            for s in split_sentences(doc)]


def test_a_date_counted_from_another_that_opens_a_sentence_counts_from_the_sentence_before():
    doc = ("On March 28, marchers gathered outside the hall. A day earlier, six marchers were held. "
           "The next day, police made 4 arrests. Six were held a day earlier.")
    assert _doc_dates(doc, dt.date(2016, 3, 30)) == [
        [("March 28", "2016-03-28")], [("A day earlier", "2016-03-27")], [("The next day", "2016-03-28")],
        [("a day earlier", "2016-03-29")]]


@pytest.mark.parametrize("text, published, expected", [
    ("Wins on Tuesday raised the chance that the November election will pit the two against each other.",
     dt.date(2016, 3, 2), [("Tuesday", "2016-03-01"), ("November", "2016-11")]),
    ("The November election was close.", dt.date(2016, 3, 2), [("November", "2015-11")]),
    ("He vowed to fight the plan today, tomorrow, forever.", SPRING, []),
    ("The board meets tomorrow.", SPRING, [("tomorrow", "2016-04-24")]),
])
def test_more_dates_of_the_dev_sample(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("She will be a delegate at this summer's convention in Ohio, she has said.", dt.date(2016, 5, 9),
     [("this summer", "2016")]),
    ("Last month he hired a new aide, a move seen as a bid to look ready ahead of the Nov. 8 election.",
     dt.date(2016, 7, 3), [("Last month", "2016-06"), ("Nov. 8", "2016-11-08")]),
    ("Polls see her reaching an early May run-off in the election.", dt.date(2016, 8, 31), [("early May", "2017-05")]),
    ("A ballot commission in January was more cautious.", dt.date(2016, 2, 2), [("January", "2016-01")]),
    ("He met January Jones in Paris.", dt.date(2016, 2, 2), []),
])
def test_dates_of_the_third_sample(text, published, expected):
    assert dates(text, published) == expected


def test_decimal_and_index_compounds_are_no_counts():
    assert amounts("He bought a .45-caliber pistol.") == []
    assert [a for a in amounts("The 500-stock index rose 3.5 points.") if a[0] == "count"] == []
    assert amounts("It issued a 25-page report.") == [("count", "25-page", 25, "pages")]


@pytest.mark.parametrize("text, published, expected", [
    ("The probe may not end by the time of the Nov. 8 election.", dt.date(2016, 4, 15), [("Nov. 8", "2016-11-08")]),
    ("The nominee for the Nov. 8 election later said he was joking.", dt.date(2016, 7, 31), [("Nov. 8", "2016-11-08")]),
    ("The nominee lost the Nov. 8 election.", dt.date(2016, 12, 20), [("Nov. 8", "2016-11-08")]),
])
def test_a_vote_on_a_month_and_day(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her stake is worth between $500,000 and $1 million.",
     [("money", "$500,000", 500000, "USD"), ("money", "$1 million", 1000000, "USD")]),
    ("They raised $3 to $5 million.", [("money", "$3", 3000000, "USD"), ("money", "$5 million", 5000000, "USD")]),
    ("The two-term governor spoke.", [("count", "two-term", 2, "terms")]),
    ("He will win for two reasons: 1) money and 2) time.", [("count", "two reasons", 2, "reasons")]),
])
def test_amounts_of_the_second_sample(text, expected):
    assert amounts(text) == expected


def test_a_win_in_a_month_is_the_coming_vote():
    assert dates("A White House win in November is the goal.", dt.date(2016, 2, 29)) == [("November", "2016-11")]
    assert dates("The team won in March.", dt.date(2016, 2, 29)) == [("March", "2015-03")]


def test_the_level_of_a_named_count():
    assert amounts("Her final delegate count was 699.57, the party said.") == [("count", "699.57", 699.57, "delegates")]
    assert amounts("The vote tally stood at 1,204.") == [("count", "1,204", 1204, "votes")]
