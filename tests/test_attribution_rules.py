"""Labels from the cue rules, one table per label and per spec edge case (spec/CLAIMS.md s. 2).

All sentences are written for these tests. Both classifiers are checked on the tables: the
rule baseline must get them, the shipped model is checked in test_attribution_model.py.
"""
from __future__ import annotations

import numpy as np
import pytest

from factcheck.attribution import CueLexiconClassifier
from factcheck.attribution.analysis import analyse
from factcheck.types import LABELS, SentenceInput, primary_label


def labels_of(text: str, prev: str = "") -> set[str]:
    a = analyse(SentenceInput.from_text(text, prev_text=prev))
    return {lab for lab in LABELS if a.fired(lab)}


CASES = [
    # (previous sentence, sentence, expected labels)
    ("", "Unemployment fell to 4.1 percent in March, the Labour Ministry said.", {"sourced"}),
    ("", "According to the port authority, 1,240 ships docked at the harbour last year.", {"sourced"}),
    ("", "Mayor Ellen Park told reporters that the city had hired 300 new teachers.", {"sourced"}),
    ("", "The audit, published on Tuesday, showed the agency lost $4 million in 2022.", {"sourced"}),
    ("", "Figures from the statistics office show exports rose 7 percent in May.", {"sourced"}),
    ("", "The bridge cost 41 million euros to build, said Karl Weber, the project's chief engineer.", {"sourced"}),
    ("", "The factory closed in 2009 after its owner went bankrupt.", set()),
    ("", "The treaty was signed in 1991 by twelve countries.", set()),
    ("", "Roughly 8,000 people attended the opening ceremony.", {"estimated"}),
    ("", "The new line could carry up to 20,000 passengers a day.", {"estimated"}),
    ("", "The minister is expected to announce the budget on Friday.", {"estimated"}),
    ("", "Inflation is likely to stay above 3 percent next year.", {"estimated"}),
    ("", "Analysts forecast that sales will rise 5 percent in 2025.", {"sourced", "estimated"}),
    ("", "The drought destroyed between 200,000 and 400,000 tonnes of wheat.", {"estimated"}),
    ("", "The mayor allegedly accepted $20,000 from a contractor in 2018.", {"contested"}),
    ("", "The ship sank after a collision with a tanker, which the shipping firm denies.", {"contested"}),
    ("", "Prosecutors said the firm paid $3 million in bribes, a figure the company disputes.", {"sourced", "contested"}),
    ("", "The senator has denied taking $50,000 from the lobbyist.", {"contested"}),
    ("", "The candidate claimed without evidence that 10,000 ballots were forged.", {"sourced", "contested"}),
    ("", "Two officials resigned amid allegations of fraud in the tender.", {"contested"}),
]


@pytest.mark.parametrize("prev,text,expected", CASES)
def test_labels(prev, text, expected):
    assert labels_of(text, prev) == expected


EDGE_CASES = [
    # agentless reports name no source and hedge the claim
    ("", "It has been reported that the mine produced 3 tonnes of gold last year.", {"estimated"}),
    ("", "The firm reportedly cut 600 jobs in March.", {"estimated"}),
    ("", "Some say the scheme cost taxpayers 2 billion dollars.", {"estimated"}),
    # a pronoun or agentless cue takes the source named just before
    ("The Environment Agency published its annual report on Monday.",
     "It said 14 rivers had failed the pollution test in 2023.", {"sourced"}),
    ("Data from the national election commission tell a clear story.",
     "Turnout was reported to be 61 percent, the lowest since 1990.", {"sourced"}),
    # a denial names who disputes, not who made the claim
    ("", "The army shelled the village on Sunday, which the defence ministry denies.", {"contested"}),
    # a continuation with no cue of its own is not sourced
    ("The central bank said prices rose 2 percent in June.",
     "Food prices climbed 5 percent over the same month.", set()),
    # exact limits and observed ranges are no estimates
    ("", "Shares traded between 12.50 and 14.25 dollars on Monday.", set()),
    ("", "The quota allows not more than 500,000 tonnes of exports a year.", set()),
    ("", "Companies with more than 250 staff must publish their pay gap.", set()),
    # a rejected offer or bid is not a disputed claim
    ("", "Shareholders rejected the 3 billion dollar takeover offer on Thursday.", set()),
    ("", "The court denied the company's appeal in 2021.", set()),
    ("", "The two countries have fought over the disputed border since 1962.", set()),
    ("", "Nobody denies that the plant employs 2,000 people.", set()),
    # a month named May is not a modal
    ("", "May won the 2017 election by 12 seats.", set()),
    # an inability and an outcome measured against a forecast are no hedges
    ("", "The firm could not be reached for comment on the 40 layoffs.", set()),
    ("", "The deficit shrank to 2 percent in 2023, sooner than expected.", set()),
    # a dispute verb after an adverb, with a claim as object, is a dispute
    ("", "The university strongly disputed accusations that it hid 300 complaints.", {"contested"}),
    # what a named party claimed is sourced to it (spec s. 2), even when the sentence disputes it
    ("", "The agency rebutted the union's claim that 900 posts were cut.", {"sourced", "contested"}),
    # ... and in every form of the verb
    ("", "Lawyers for the city spent two days rebutting the claim that 900 ballots were lost.", {"contested"}),
    ("", "The ministry issued a statement refuting reports that 40 soldiers had died.", {"contested"}),
    # but a disputed claim in a ledger is a kind of claim, not a disputed statement
    ("", "About 20 claims remain pending as disputed claims in court.", {"estimated"}),
    # calling a claim a lie, an exaggeration or unproven makes it contested
    ("", "The rival campaign said the mayor lied about the 12 percent drop in crime.", {"sourced", "contested"}),
    ("", "The ad exaggerated the cost of the plan, which is 3 billion dollars.", {"contested"}),
    ("", "The theory that 5,000 votes were switched remains unproven.", {"contested"}),
    ("", "The paper retracted its report that 300 jobs would go.", {"contested"}),
    ("", "Geologists doubt that the 2019 quake caused the crater.", {"contested"}),
]


@pytest.mark.parametrize("prev,text,expected", EDGE_CASES)
def test_spec_edge_cases(prev, text, expected):
    assert labels_of(text, prev) == expected


KNOWN_MISSES = [
    pytest.param("", "Tens of thousands of people marched through the capital.", {"estimated"},
                 marks=pytest.mark.xfail(reason="vague quantities are not in the approximator list (gold data disagrees on them)")),
    pytest.param("", "That was the verdict yesterday from President Obama on the 3 percent rise.", {"sourced"},
                 marks=pytest.mark.xfail(reason="a source with no reporting verb (message from X) is not found")),
]


@pytest.mark.parametrize("prev,text,expected", KNOWN_MISSES)
def test_known_misses(prev, text, expected):
    assert labels_of(text, prev) == expected


def test_primary_label_follows_precedence():
    a = analyse(SentenceInput.from_text(
        "Officials said about 40 people were allegedly detained, which the police deny."))
    fired = {lab: float(a.fired(lab)) for lab in LABELS}
    assert primary_label(fired) == "contested"


def test_rule_classifier_calibrates_on_data_and_keeps_decisions():
    X = [SentenceInput.from_text(t) for _, t, _ in CASES]
    Y = np.array([[int(lab in e) for lab in LABELS] for _, _, e in CASES])
    clf = CueLexiconClassifier().fit(X, Y)
    P = clf.predict_proba(X)
    assert P.shape == (len(X), 3)
    assert ((P >= 0.5) == Y.astype(bool)).all()
    assert ((P > 0) & (P < 1)).all()


# --- round 2: contested cues for disputes phrased without a dispute word in front --------------
CONTESTED_ROUND2 = [
    # conflicting figures of two parties (spec: "figures conflict")
    ("", "The hauliers said 2,000 drivers stopped work, while the ministry put the number at 450.",
     {"sourced", "contested"}),
    ("", "The clinic said 14 patients fell ill, but the health board said 31 had been treated.",
     {"sourced", "contested"}),
    # a poll split of two groups is no conflict (and shares of the people asked are no source)
    ("", "Some 61 percent of farmers said prices were too low, while 30 percent of traders said the same.",
     {"estimated"}),
    # a rejection or dispute closing a relative clause whose antecedent is the claim
    ("", "Residents said the fire burned 90 homes, which the county rejected as exaggerated.",
     {"sourced", "contested"}),
    ("", "The guild said 700 musicians lost work, a figure the promoters dispute.", {"sourced", "contested"}),
    # what a lawsuit claims is an allegation
    ("", "The lawsuit claims the landlord overcharged 300 tenants in 2021.", {"sourced", "contested"}),
    # a plea, a protest of innocence, a claim called groundless or wrong
    ("", "The two brokers pleaded not guilty to 11 counts of fraud on Monday.", {"contested"}),
    ("", "The claim that the port lost 8 million euros was groundless, a spokeswoman said.", {"sourced", "contested"}),
    ("", "The minister said the report's figure of 9,000 job losses was wrong.", {"sourced", "contested"}),
    # the rejecting party: contested; sourced only when its own statement is reported
    ("", "The Kiron Group rejected Danish claims that the mill had closed.", {"contested"}),
    ("", "The Kiron Group rejected Danish claims that the mill had closed, saying 400 people still work there.",
     {"sourced", "contested"}),
    # criticism is no dispute of the claim
    ("", "Farm leaders said the subsidy did not go far enough.", {"sourced"}),
    # a suit's grounds and a suit cited are allegations; a suit of its own words, a suit won, are not
    ("", "The tenants sued the landlord in May, saying 40 flats had no heating.", {"sourced", "contested"}),
    ("", "According to a 12-count complaint filed by the state, the firm hid 3 million dollars.",
     {"sourced", "contested"}),
    ("", "The firm sued in 2015 and won 3 million dollars.", set()),
    # *though* sets two parties' figures against each other as *while* and *but* do
    ("", "Organisers said 40,000 people marched, though police put the crowd at 12,000.", {"sourced", "contested"}),
]


@pytest.mark.parametrize("prev,text,expected", CONTESTED_ROUND2)
def test_contested_round2(prev, text, expected):
    assert labels_of(text, prev) == expected


# Round 3: patterns found while reading the even-numbered rows of the blind set
# (datasets/attribution-blind); the sentences here are new. Only the estimated and contested
# decisions are checked: the sourced ones are the source finder's (test_attribution_source.py).
HEDGE_ROUND3 = [
    # a denial or a dispute with an adverbial before its object
    ("The port authority denied on Friday that 40 containers had gone missing.", {"contested"}),
    ("The regulator flatly rejected the figures, which put losses at 2 billion rupees.", {"contested"}),
    ("The ministry spokesman, denying a television report, said 12 soldiers were wounded.", {"contested"}),
    ("Two economists questioned the accuracy of the survey, which found 30 percent were unemployed.", {"contested"}),
    ("The complaint accuses the brokerage of overcharging 9,000 clients.", {"contested"}),
    ("The mayor said without offering evidence that 5,000 ballots had been forged.", {"contested"}),
    # a forecast by its verb, a guessed range, an unnamed group's belief
    ("The central bank projects that inflation will fall to 3 percent by 2027.", {"estimated"}),
    ("Climate modellers predict that the glacier will lose half its mass by 2100.", {"estimated"}),
    ("The repairs will cost anywhere from 40 million to 70 million dollars.", {"estimated"}),
    ("Some engineers suspect the crack was caused by a faulty weld.", {"estimated"}),
    ("Observers believe the ruling party will win 200 of the 350 seats.", {"estimated"}),
    # look-alikes that are not estimates: a stated maximum, a bracket, a period, a comparison
    ("Shareholders approved a buyback of up to 500 million dollars.", set()),
    ("The offence carries a maximum of 10 years in prison.", set()),
    ("Booster doses are offered to residents over 75.", set()),
    ("The index fell 6 percent over three sessions.", set()),
    ("The defect rate was twice the expected level, the audit found.", set()),
    ("The poll of 900 likely voters put the senator at 51 percent.", set()),
    # still estimates
    ("The fire burned for over 20 hours.", {"estimated"}),
    ("The council may cut up to 300 jobs.", {"estimated"}),
    # a guessed range with *or* (an adjective may come before the noun), one unit of time approximated
    ("There were seven or eight separate inquiries into the crash.", {"estimated"}),
    ("Ten or 12 firms bid for the contract.", {"estimated"}),
    ("The mill stood idle for nearly a decade before 300 jobs returned.", {"estimated"}),
    ("The tenants waited almost a year and a half for 14 repairs.", {"estimated"}),
    # a penalty's maximum is the law's, not a guess; *over* after a dispute says what it is about
    ("If convicted, the treasurer faces up to 20 years in prison on each of 14 counts.", set()),
    ("The former mayor was charged over $2.3 million in housing grants.", set()),
    ("The port faces up to 300 job cuts this year.", {"estimated"}),
    # not guessed: years as alternatives; *about a plan* is no figure
    ("She ran in the 2012 or 2016 races for 2 seats.", set()),
    ("The board met about a plan to hire 40 nurses.", set()),
]


@pytest.mark.parametrize("text,expected", HEDGE_ROUND3)
def test_hedge_round3(text, expected):
    assert labels_of(text) & {"estimated", "contested"} == expected


HEDGE_ROUND4 = [
    # a claim called fake, unreal, rubbish, erroneous or contrary to the reports (Emergent, PolNeAR)
    ("The photo of the flooded runway is a fake, the airport said.", {"contested"}),
    ("The spokeswoman said the story about the merger was complete rubbish.", {"contested"}),
    ("The minister said the leaked memo was not real.", {"contested"}),
    ("Contrary to reports, the stadium will stay open next season.", {"contested"}),
    ("The agency said the earlier figures had been erroneously published.", {"contested"}),
    ("The council moved to set the record straight on the cost of the new bridge.", {"contested"}),
    ("Geologists raised doubts about the company's claim of a major gold find.", {"contested"}),
    # a claim rebuffed, shot down or dispelled
    ("The ministry rebuffed the senator's claim that troops were massing on the border.", {"contested"}),
    ("Club officials shot down reports that the coach would leave in June.", {"contested"}),
    ("The club dispelled the story that its coach was leaving.", {"contested"}),
    # a rebuttal that opens with "No," and a denial of a clause without "that"
    ("No, the city has not banned barbecues in public parks.", {"contested"}),
    ("The embassy denied Moscow had sent advisers to the region.", {"contested"}),
    # look-alikes that dispute nothing
    ("The goalkeeper shot down a drone that strayed over the pitch.", set()),
    ("The mayor rebuffed a heckler during the speech.", set()),
    ("The spokesman refused to confirm or deny the takeover.", set()),
    ("The council will double rubbish collections over the holidays.", set()),
    ("Police seized 300 fake passports in the raid.", set()),
    # estimated: appearance, possibility and open questions (FactBank newswire)
    ("The fire appeared to have started in a storeroom on the third floor.", {"estimated"}),
    ("Investigators have not ruled out the possibility that the dam was sabotaged.", {"estimated"}),
    ("Whether the new tariff will raise 2 billion dollars remains to be seen.", {"estimated"}),
    ("The cause of the outage is not yet known.", {"estimated"}),
    # an outcome framed by a forecast, and people called potential, are no estimates
    ("As expected, the bank raised its main rate to 4.5 percent.", set()),
    ("Quarterly sales of 310 million euros were in line with estimates.", set()),
    ("The firm is in talks with potential buyers of its shipping arm.", set()),
    # still estimates: a forecast figure given beside the outcome
    ("Profit of 1.2 billion beat analysts' estimates of 1.1 billion.", {"estimated"}),
]


@pytest.mark.parametrize("text,expected", HEDGE_ROUND4)
def test_hedge_round4(text, expected):
    assert labels_of(text) & {"estimated", "contested"} == expected


# issue 14: plain words that are no hedge. After a verb of a change in level, "up to" states
# the level reached; a revised forecast is an event unless the clause gives its figure.
LEVELS_AND_REVISIONS = [
    ("Unemployment ticked up to 6.1 percent in June.", set()),
    ("The yield edged back up to 4.3 percent on Thursday.", set()),
    ("Freight rates climbed sharply up to 2,400 dollars a container.", set()),
    ("Average fares went up to 312 euros last summer.", set()),
    ("The statistics office revised its estimates after a new census.", set()),
    ("Several banks cut their growth forecasts last month.", set()),
    # still estimates: a maximum, a guess, a revised forecast with its figure
    ("The airline will cut up to 900 jobs.", {"estimated"}),
    ("A storm could bring up to 20 centimetres of snow.", {"estimated"}),
    ("The treasury revised its estimate of the deficit to 4.2 percent.", {"estimated"}),
    ("The central bank raised its inflation forecast to 3.1 percent.", {"estimated"}),
    ("Donations of up to 500 dollars were reported.", {"estimated"}),
]


@pytest.mark.parametrize("text,expected", LEVELS_AND_REVISIONS)
def test_levels_and_revisions(text, expected):
    assert labels_of(text) & {"estimated", "contested"} == expected


# issue 11: a dispute word used as a noun (an election contest) disputes nothing. Read from
# PolNeAR train, where "contest(s)" fired on races and primaries; sentences written for this test.
DISPUTE_NOUNS = [
    ("The governor won a three-way contest that split the party's voters.", set()),
    ("She looks ahead to contests that are richer in delegates.", set()),
    ("The series of contests that follow in May will decide the race.", set()),
    ("Turnout in the nominating contests this spring was the lowest in decades.", set()),
    ("The senator won two contests on Saturday.", set()),
    ("The 1992 contest was decided by fewer than 600 votes.", set()),
    # still disputes: the verb with a claim, a figure or a clause as object
    ("The union contests the figures released by the ministry.", {"contested"}),
    ("The company disputes that it owed 40 million dollars.", {"contested"}),
    ("The firm contested claims that it overcharged 3,000 customers.", {"contested"}),
    ("The ministry disputes that claims were filed late.", {"contested"}),
    ("The agency said it would contest the ruling, which found 12 breaches.", {"contested"}),
]


@pytest.mark.parametrize("text,expected", DISPUTE_NOUNS)
def test_dispute_nouns(text, expected):
    assert labels_of(text) & {"contested"} == expected


#: found by labelling PolNeAR train sentences by the spec (session 22): blame alleges, note and
#: posted report; sentences written for these tests
BLAME_NOTE_POST = [
    ("The senator blamed the governor for the deficit of $3 billion.", {"contested", "sourced"}),
    ("Farmers blame the agency for the 20 percent drop in prices.", {"contested", "sourced"}),
    ("The storm was blamed for 12 deaths.", set()),
    ("The mayor took the blame for the loss of 300 jobs.", set()),
    ("Union leaders note that wages rose 4 percent in 2023.", {"sourced"}),
    ("The ministry posted that 1,200 flights were cancelled.", {"sourced"}),
    ("She posted a video of the rally on Monday.", set()),
]


@pytest.mark.parametrize("text,expected", BLAME_NOTE_POST)
def test_blame_note_and_posted(text, expected):
    assert labels_of(text) & {"contested", "sourced"} == expected


#: words that look like hedges but hedge nothing here (session 22, from labelling PolNeAR train sentences)
NOT_HEDGES = [
    ("The president worked over one of the last big speeches of his term in 2016.", set()),
    ("She called the office so she could get the 3 forms.", set()),
    ("The senator is not known as a moderate on the $3 billion bill.", set()),
    # still hedges
    ("Over 1,000 people attended the rally in 2016.", {"estimated"}),
    ("It is not known whether 300 people died.", {"estimated"}),
    ("Sales rose, so revenue could top $3 billion.", {"estimated"}),
]


@pytest.mark.parametrize("text,expected", NOT_HEDGES)
def test_words_that_hedge_nothing(text, expected):
    assert labels_of(text) & {"estimated"} == expected


#: approximators before an article and a figure (session 22)
APPROXIMATED = [
    ("The painting is worth a reported $1.2 million.", {"estimated"}),
    ("Voters backed her by about a 67-point margin.", {"estimated"}),
    ("The story is about a 2016 law.", set()),
    ("It is about a plan to hire 30 staff.", set()),
    # *upward of* as *upwards of* (session 27)
    ("The campaign plans to spend upward of $10 million on ads.", {"estimated"}),
    ("Upwards of 4,000 fans waited outside.", {"estimated"}),
]


@pytest.mark.parametrize("text,expected", APPROXIMATED)
def test_approximators_before_an_article(text, expected):
    assert labels_of(text) & {"estimated"} == expected


#: a share of the people a poll asked, or polls in general, are no source and no hedge (session 23)
SHARES = [
    ("In the survey, 41 percent said the council should resign.", set()),
    ("Another 12 percent said they had not decided.", set()),
    ("A majority of those asked say the tax is unfair.", set()),
    ("Polls show a tight race in the county.", set()),
    ("The Gallup poll said 41 percent backed the plan.", {"sourced"}),
    ("The Percent Institute said turnout rose to 61 percent.", {"sourced"}),
    ("Some critics say the tax is unfair.", {"estimated"}),
    # a share written as a fraction is a share too (session 24), and insiders in a share are no unnamed group
    ("Half of the voters said the 3 percent tax is unfair.", set()),
    ("Two-thirds of party insiders said the 3 debates were too few.", set()),
    ("A third of those asked said the tax is unfair.", set()),
    ("Party insiders believe the 3 debates were too few.", {"estimated"}),
]


@pytest.mark.parametrize("text,expected", SHARES)
def test_shares_of_people_are_no_source(text, expected):
    assert labels_of(text) == expected


#: speech acts without *say* (session 23): praise, likening, a tweet quoted, a paper's own reporting
SPEECH_ACTS = [
    ("The governor lauded the engineers for finishing the 4-mile tunnel early.", {"sourced"}),
    ("The minister likened the 2 percent tax to a toll on every family.", {"sourced"}),
    ("The senator mocked the plan on Monday, tweeting, \u201cThree budgets, zero results.\u201d", {"sourced"}),
    ("The mayor quietly sold 12 city lots last year, the Courier has learned.", {"sourced"}),
    ("She learned to fly in 2010.", set()),
    ("Fans were tweeting about the 3-0 win.", set()),
]


@pytest.mark.parametrize("text,expected", SPEECH_ACTS)
def test_speech_acts_without_say(text, expected):
    assert labels_of(text) == expected


#: approximators before a multiple or before *all* (session 23)
MULTIPLES = [
    ("Rents in the district rose at about twice the rate of wages.", {"estimated"}),
    ("The new line costs roughly double the old one.", {"estimated"}),
    ("Nearly all the new jobs were in the two largest cities.", {"estimated"}),
    ("The fund is worth more than twice its 2010 value.", set()),
    ("They talked about all the issues for 3 hours.", set()),
]


@pytest.mark.parametrize("text,expected", MULTIPLES)
def test_approximators_before_a_multiple(text, expected):
    assert labels_of(text) & {"estimated"} == expected


#: bounds passed or neared, the margin of error, modals in relative clauses, *added* (session 23)
ROUND_23 = [
    ("Turnout in the county exceeds 70 percent.", {"estimated"}),
    ("The fund has surged past the $2 billion mark.", {"estimated"}),
    ("Fares are nearing $5 a ride.", {"estimated"}),
    ("In the past 10 years, 300 plants closed.", set()),
    ("The law bans trucks that exceed 40 tonnes.", set()),
    ("The two were level at 45% each, within the margin of error, the poll found.", {"sourced", "estimated"}),
    ("The survey of 900 adults has a margin of error of 3 points.", set()),
    ("Oil sold for just above $40 a barrel in March.", {"estimated"}),
    ("Aides kept away 30 staff who could leak the plan, an official said.", {"sourced"}),
    ("Guards moved him before reporters could see the 4 cars, a witness said.", {"sourced"}),
    ("The plant could cut 300 jobs.", {"estimated"}),
    ("Rents rose 4 percent, she added.", {"sourced"}),
    ("The board had added the extra 3 days after complaints in 2012.", set()),
    ("The governor added a warning: \u201cWe will lose 2,000 jobs.\u201d", {"sourced"}),
    ("The firm added 3,000 jobs in May.", set()),
]


@pytest.mark.parametrize("text,expected", ROUND_23)
def test_round_23(text, expected):
    assert labels_of(text) == expected


#: allegations and rejections (session 23)
CONTESTED_23 = [
    ("Prosecutors charged two bankers, Ada Lind and Tom Ruiz, with hiding $4 million.", {"sourced", "contested"}),
    ("The treasurer was charged with fraud in 2014.", {"contested"}),
    ("The phone was charged with a 3-metre cable.", set()),
    ("The militia is implicated in the burning of 40 homes.", {"contested"}),
    ("Contractors have been blamed for adding $2 million to the bill.", {"contested"}),
    ("A storm was blamed for the deaths of 3 people.", set()),
    ("The minister has faced criticism for cutting 300 teaching posts.", {"contested"}),
    ("The mayor came under fire for closing 4 libraries.", {"contested"}),
    ("The judge rejected that argument in a ruling on 3 May.", {"contested"}),
    ("Calls to hold 2 more debates were rejected by the party in May.", set()),
    ("The figure of 300 deaths was rejected by the ministry.", {"contested"}),
    ("In the poll, 70 pct rejected the notion that prices would fall.", set()),
]


@pytest.mark.parametrize("text,expected", CONTESTED_23)
def test_contested_round_23(text, expected):
    assert labels_of(text) & {"contested"} == expected & {"contested"}


#: blame placed on a party, and comparisons of likelihood (session 23, a blind-labelled sample)
@pytest.mark.parametrize("text, expected", [
    ("Officials blame the blast near the 3 checkpoints on rebel officers.", {"contested"}),
    ("The mayor blamed the 3 deaths on officials.", {"contested"}),
    ("He blamed his 2 late arrivals on a broken watch.", set()),
])
def test_blame_on_a_party(text, expected):
    assert labels_of(text) & {"contested"} == expected


@pytest.mark.parametrize("text, expected", [
    ("Older voters are more likely than younger ones to vote, at 70 percent.", set()),
    ("Turnout is likely to top 60 percent.", {"estimated"}),
])
def test_comparisons_of_likelihood(text, expected):
    assert labels_of(text) & {"estimated"} == expected


@pytest.mark.parametrize("text, expected", [
    ("Six marchers were arrested on charges of trespass, police said.", {"sourced", "contested"}),
    ("The bank charges of $5 a month were cut in 2015.", set()),
    ("The deal seemed like a sure thing, as 3 sides agreed.", {"estimated"}),
    ("The bill expanded the 4 services that Mr. Ortiz demanded.", set()),
])
def test_dev_sample_round_2(text, expected):
    assert labels_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In a poll of 800 likely Republican primary voters, 40 percent backed the plan.", set()),
    ("Sales beat expectations in the 3 months to June.", set()),
    ("A motion for a roll-call vote on the 3 rules has since been denied.", set()),
    ("The claim that 3 people died has been denied.", {"contested"}),
])
def test_second_sample_hedges_and_denials(text, expected):
    assert labels_of(text) & {"estimated", "contested"} == expected


#: more speech acts (session 23, third sample): calling someone something, chiding, reminding
@pytest.mark.parametrize("text, expected", [
    ("The senator, a former mayor, called his rival totally scripted in 2015.", {"sourced"}),
    ("The paper had chided the governor on May 17 for staying away 3 days.", {"sourced"}),
    ("The mayor called off the 3 talks.", set()),
    ("She called the police at 9 p.m. on 3 May.", set()),
    ("The governor called a special session for May 3.", set()),
    ("Police described it as a so-called hate crime in 2015.", {"sourced"}),
])
def test_more_speech_acts(text, expected):
    assert labels_of(text) & {"sourced"} == expected


#: framing, questioning and writing as speech acts (session 24); painting stays a painter's
@pytest.mark.parametrize("text, expected", [
    ("The governor framed the 4 percent levy as a tax on commuters.", {"sourced"}),
    ("Two council members questioned whether the $3 million grant was spent.", {"sourced"}),
    ("The senator posted a chart of the 12 new bases, writing \u201cthis is only the start.\u201d", {"sourced"}),
    ("Volunteers painted 40 classrooms in 2015.", set()),
    ("Police questioned 3 men on Friday.", set()),
    ("He spent 2 years writing the book.", set()),
])
def test_framing_and_questioning(text, expected):
    assert labels_of(text) & {"sourced"} == expected


#: phrasal reports (*made it clear*, *laid out his case*) and plural roles as subjects (session 24)
@pytest.mark.parametrize("text, expected", [
    ("The mayor made it clear on Monday that the 3 depots would stay open.", {"sourced"}),
    ("The mayor made clear that the 3 depots would stay open.", {"sourced"}),
    ("The firm made clear progress on the 3 depots in 2015.", set()),
    ("In a speech, the governor laid out his case for 4 new prisons.", {"sourced"}),
    ("Workers laid out 40 tables for the 2015 dinner.", set()),
    ("The governor took to Twitter on Monday to attack the 3 rulings.", {"sourced"}),
    ("The senator made similar comments on Thursday about the 3 bases.", {"sourced"}),
    ("The governor has made remarks about the 2 plants.", {"sourced"}),
    ("The plant made 3 million cars in 2015.", set()),
    ("The audit highlights 4 cases of fraud.", {"sourced"}),
    ("The team took to the field for 3 hours.", set()),
    ("In 2014 the ministers said 3 bases would close.", {"sourced"}),
    ("German ministers urged 3 reforms at the 2014 summit.", {"sourced"}),
    ("Both governors questioned whether the $2 billion plan would pass.", {"sourced"}),
])
def test_phrasal_reports_and_plural_roles(text, expected):
    assert labels_of(text) & {"sourced"} == expected


#: a publisher's finding is a report; a discovery, a plight or a programme is not (session 24)
@pytest.mark.parametrize("text, expected", [
    ("The Ledger found that 3 of the 5 bids were late.", {"sourced"}),
    ("Valley Times found voters favored the levy, 61 percent to 30 percent.", {"sourced"}),
    ("Gallup finds 40 percent of voters approve.", {"sourced"}),
    ("Police found 3 bodies in 2015.", set()),
    ("Channel News found itself hosting 3 debates in 2015.", set()),
])
def test_publishers_findings(text, expected):
    assert labels_of(text) & {"sourced"} == expected


#: a guessed range without *between*, or with a dash after it, is an estimate (spec section 2); a
#: change, a tally, an age band, a sentence or a date is not (session 24)
@pytest.mark.parametrize("text, expected", [
    ("The storm could leave 40 to 50 towns without power.", {"estimated"}),
    ("Repairs will take three to 10 years.", {"estimated"}),
    ("Auditors found between 600-700 faulty meters in 2015.", {"estimated"}),
    ("Turnout rose from 40 to 50 percent in 2015.", set()),
    ("The board voted 5 to 4 to close 2 plants.", set()),
    ("Voters aged 18 to 34 backed the 3 measures.", set()),
    ("He was sentenced to 5 to 10 years.", set()),
    ("Support went from 40 percent on July 14 to 46 percent in August.", set()),
    ("Most were 4 to 20 years old in 2001.", set()),
])
def test_guessed_ranges(text, expected):
    assert labels_of(text) & {"estimated"} == expected


#: a figure that *would* bring about is projected; *poised to* forecasts (session 24)
@pytest.mark.parametrize("text, expected", [
    ("A 1 percent levy on fuel would raise $40 billion a year.", {"estimated"}),
    ("Even then the plan would still cost about 3,000 jobs.", {"estimated"}),
    ("The union is poised to win 3 more seats.", {"estimated"}),
    ("The firm said it would cut 40 jobs in 2015.", set()),
    ("The 2015 bill would have cost $3 billion.", set()),
    ("The plan would give 3 states more money.", set()),
])
def test_projected_figures(text, expected):
    assert labels_of(text) & {"estimated"} == expected


#: a claim under debate or oversold, and a finding of no record, are contested (session 24)
@pytest.mark.parametrize("text, expected", [
    ("The effect of the 2009 levy has been the subject of fierce debate.", {"contested"}),
    ("The causes of the 3 outages are hotly debated.", {"contested"}),
    ("The minister is overselling the 4 new hospitals.", {"contested"}),
    ("The county found no record of the 2 permits.", {"contested"}),
    ("The team set a record of 12 wins in 2015.", set()),
    ("It would be difficult to overstate the 3 rulings' weight.", set()),
])
def test_claims_under_debate(text, expected):
    assert labels_of(text) & {"contested"} == expected


#: a disclosed holding's range is observed, an impossibility is no hedge, likely caucusgoers are a
#: polling category (session 24)
@pytest.mark.parametrize("text, expected", [
    ("The senator owns between $15,000 and $50,000 in rail stock.", set()),
    ("The stake is worth between $1 billion and $2 billion, analysts estimate.", {"estimated"}),
    ("Nothing could change the 3 judges' minds.", set()),
    ("Nor could any of the 4 firms pay.", set()),
    ("He is popular among likely Republican caucusgoers, 61 percent of whom back him.", set()),
    ("The levy could raise $3 billion.", {"estimated"}),
])
def test_observed_ranges_and_impossibilities(text, expected):
    assert labels_of(text) & {"estimated"} == expected


def test_questioning_the_logic_disputes_it():
    assert "contested" in labels_of("The senator also questioned the logic of the 3 percent cap.")
