"""Source extraction: named, according to, after the verb, pronoun -> sentence before, agentless -> none."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.attribution import find_source
from factcheck.types import SentenceInput

CASES = [
    ("", "Exports rose 6 percent in April, the trade ministry said.", "the trade ministry"),
    # an inquiry, research or an examination reports what it found, as a study does
    ("", "The inquiry found that the agency had lost 14 files before 2011.", "The inquiry"),
    ("", "In 2019, research conducted by Lund University found 30 percent of the bees were lost.",
     "research conducted by Lund University"),
    ("", "Research found 30 percent of the bees were lost.", "Research"),
    # *called* a name, an appositive, then what the one named was called: words reported
    ("", "At a rally on Friday, Ruiz called Lind, his rival for the seat, a danger to 40,000 jobs.", "Ruiz"),
    # a fact-checker rules on a claim as a court does
    ("", "PolitiFact then ruled that the claim about 3,000 shootings was true.", "PolitiFact"),
    # an absolute phrase after a comma: *with* a party and a participle that reports
    ("", "The count was close, with election officials saying 3 ballots were lost.", "election officials"),
    ("", "Rivals were quick to respond, with Mayor Ana Lind tweeting that 40 jobs were at risk.", "Mayor Ana Lind"),
    ("", "Critics were harsh, with Senator Ada Ruiz calling the plan a $3 billion mistake.", "Senator Ada Ruiz"),
    ("", "Ruiz drew boos from 2,000 delegates upon saying the party had lost its way.", "Ruiz"),
    # a title-case headline: its capitalised verb before a figure, a quotation or a name; a
    # capitalised adverb before the verb is not part of the name
    ("", "Mayor Lind Claims 3,000 Jobs Will Return By 2027.", "Mayor Lind"),
    ("", "Senator Ruiz Just Announced 2 New Hearings On The Dam.", "Senator Ruiz"),
    # a plural subject before an aside, then a base-form verb: *say*, *argue* report
    ("", "The fishermen, who signed a petition, say the harbour wall failed in 2 places.",
     "The fishermen, who signed a petition"),
    ("", "Local farmers, many of whom sold a herd at a discount, say feed prices rose 40 percent.",
     "Local farmers, many of whom sold a herd at a discount"),
    # a document's finding in a restrictive relative clause (*a report that found*)
    ("", "The auditor raised concerns in a 2023 report that found $800,000 in payments lacked receipts.",
     "a 2023 report"),
    # a relative clause about a named party: a clause without *that* after the verb, a name
    # behind its appositive, an organisation described with *which*
    ("", "The first to object was Governor Ruth Ames, who claimed Ortiz had hidden 3 reports.", "Governor Ruth Ames"),
    ("", "Obama met Lind, now the Senate majority leader, who in 2010 said the goal was 1 term.", "Lind"),
    ("", "Reporters turned to the Dayton Fire Department, which reported 212 calls that night.",
     "the Dayton Fire Department"),
    # the typewriter's dash (two hyphens) sets off a parenthesis as a dash does
    ("", "A former mayor -- Lena Ortiz, who ran the city for a decade -- said the bridge cost $40 million.",
     "A former mayor -- Lena Ortiz, who ran the city for a decade"),
    ("", "The council's auditor -- who has examined the accounts since 2019 -- said 12 contracts were late.",
     "The council's auditor -- who has examined the accounts since 2019"),
    # an acronym spelt as a function word is a name (the World Health Organization)
    ("", "Measles killed 7 million people, the WHO said.", "the WHO"),
    ("", "The WHO said 7 million people died of measles.", "The WHO"),
    ("", "Ana Costa, the hospital's director, said 112 patients were treated.",
     "Ana Costa, the hospital's director"),
    ("", "According to the World Meteorological Organization, 2023 was the warmest year on record.",
     "the World Meteorological Organization"),
    ("", "A study by Leeds University found that 30 percent of the samples were fake.", "Leeds University"),
    ("", "\"We sold 4,000 cars in May,\" said Tom Reyes, a spokesman for the dealer.",
     "Tom Reyes, a spokesman for the dealer"),
    ("", "Earlier this month the rail operator said it would cut 90 services.", "the rail operator"),
    ("The Port Authority of Lagos said cargo volumes doubled in 2022.",
     "It said 5,000 containers passed through the port every day.", "The Port Authority of Lagos"),
    ("Finance Minister Ruth Adeyemi spoke at the summit on Tuesday.",
     "She said the deficit would fall to 3 percent.", "Finance Minister Ruth Adeyemi"),
    ("", "In March, Governor Li Wen visited the flooded district where he said 2,000 homes were lost.",
     "Governor Li Wen"),
    # a postposed source with a long appositive and a relative clause, after a quotation
    ("", "\"The queue was out the door by six,\" said Maren Holt, a baker in Tromso who has run the shop since 1998.",
     "Maren Holt, a baker in Tromso who has run the shop since 1998"),
    # titles with a full stop stay in the name
    ("", "\"We will appeal,\" said Mr. Okafor.", "Mr. Okafor"),
    ("", "Sen. Dana Whitfield told reporters the bill would cost $4 billion.", "Sen. Dana Whitfield"),
    # an adverb between the subject and the verb
    ("", "Ortega however said the plant would close in 2026.", "Ortega"),
    ("", "Hale, meanwhile, who chairs the panel, said 300 jobs were at risk.", "Hale"),
    # a participle after the subject is not part of the source
    ("", "Judge Amal Reyes, writing for the court, said the fee of $40 was lawful.", "Judge Amal Reyes"),
    # a postposed source after a comma ends before the participle that follows it
    ("", "The plant employs 900 people, said Lena Brandt, the union's regional chief, adding that 40 were temporary.",
     "Lena Brandt, the union's regional chief"),
    # a number with thousands separators is one token, not a clause break
    ("", "Reuters also reported that 1,250 ballots were never counted.", "Reuters"),
    # plural roles with an adjective are specific sources
    ("", "Democratic strategists say the ad cost $2 million.", "Democratic strategists"),
    # a parenthetical report in mid-sentence
    ("", "On most days, former employees said, the office stayed open until 11 p.m.", "former employees"),
    # clause and finding verbs close a sentence with their source before them
    ("", "Rents in the city rose 12 percent in 2023, the survey concluded.", "the survey"),
    ("", "Wind farms drew 60 percent of new investment in 2022, Ember Analytics found.", "Ember Analytics"),
    ("", "\"We hired 40 drivers last year,\" the manager replied.", "the manager"),
    # a video or an ad is a document that can show a claim
    ("", "The video shows the mayor cutting the ribbon in 2019.", "The video"),
    # a document noun inside an appositive does not replace the source
    # (a one-word name keeps no appositive: the scorer splits on white space, so "Ruiz," would
    # no longer match a gold "Ruiz")
    ("", "Ruiz, who delayed the release of the audit for 13 months, said 20 staff had left.", "Ruiz"),
    ("", "Lina Ruiz, who delayed the release of the audit for 13 months, said 20 staff had left.",
     "Lina Ruiz, who delayed the release of the audit for 13 months"),
    ("", "\"It was a hard year,\" said Ruiz, who runs the bakery.", "Ruiz"),
    # a plural possessive in an appositive is not a quotation mark
    ("", "\"We raised $2 million,\" Jo Weber, the Greens' treasurer, said in a statement.",
     "Jo Weber, the Greens' treasurer"),
    # speech acts without "say" report what a named party said
    ("", "Governor Amy Tate vowed to hire 2,000 teachers by 2026.", "Governor Amy Tate"),
    ("", "The union urged members to reject the 3 percent offer.", "The union"),
    # an opening "according to" governs the sentence
    ("", "According to the Herald, party officials asked what would happen if their leader announced a 5 percent cut.",
     "the Herald"),
    # a title-case headline and a quoted headline or transcript line with a speaker and a colon
    ("", "Governor Lee Says State Will Hire 500 Nurses.", "Governor Lee"),
    ("", "Okafor: \u2018We Lost 300 Jobs in One Year\u2019.", "Okafor"),
    ("", "Marsh: \"We counted 1,200 votes twice.\"", "Marsh"),
    # a pronoun's person: not the day that opens a bracketed sentence, not the city that describes her
    ("Mayor Ana Ruiz toured the depot on Sunday.", "(On Monday she said the city would hire 40 drivers.)",
     "Mayor Ana Ruiz"),
    ("A 40-year-old Leeds nurse joined the strike.", "'We lost 300 colleagues,' she wrote.",
     "A 40-year-old Leeds nurse"),
]


@pytest.mark.parametrize("prev,text,expected", CASES)
def test_source_text(prev, text, expected):
    si = SentenceInput.from_text(text, prev_text=prev)
    span = find_source(si)
    assert span is not None
    assert span.text == expected
    assert si.doc_text[span.start:span.end] == span.text


def test_pronoun_in_a_run_of_quotations_takes_the_earlier_speaker():
    doc = ("Nadia Osei, the fund's director, said 40 schools had applied. \"We expected ten.\" "
           "\"Now we need 2 million dollars more,\" she said.")
    prev_start = doc.index("\"We")
    start = doc.index("\"Now")
    si = SentenceInput("d", doc, start, len(doc), prev_start, start - 1)
    assert find_source(si).text == "Nadia Osei, the fund's director"


def test_pronoun_without_quotations_does_not_look_back_further():
    doc = "Ana Lund met the board. The board sat for 3 hours. She alleged 2 votes were lost."
    prev_start = doc.index("The board")
    start = doc.index("She")
    si = SentenceInput("d", doc, start, len(doc), prev_start, start - 1)
    assert find_source(si) is None


NO_SOURCE = [
    ("", "It has been reported that the company owes 2 million dollars."),
    ("", "The firm reportedly paid 40 million dollars for the site."),
    ("", "Some say the dam will cost 3 billion dollars."),
    ("", "Police found 14 kilograms of cocaine in the truck."),
    ("Jordan bid 74 dollars a tonne for wheat on Monday.", "The agency rejected the bids, they said."),
    ("", "The Senate confirmed the judge by 52 votes to 47."),
    ("", "The governor denied that the state had spent 9 million dollars on the plan."),
    # a colon after a place or a label, with a list or no quotation, names no speaker
    ("", "Ohio: Ann Park, Bo Lind, Cy Moss and 40 other delegates."),
    ("", "Update: The vote was moved to 2025 after 3 members resigned."),
    # a document noun that modifies another noun is no subject (*research projects*), nor is a verb
    ("", "The lab grows cell lines used for a variety of research projects."),
    ("", "Two senators asked him to probe claims made at the hearing in 2015."),
    ("", "The aide called Ortiz, the mayor, on Monday about the 4 closures."),
    # participles that do not report in an absolute phrase; a place after a name's *of*
    ("", "Pfizer will buy the firm, with the combined company claiming residency in Ireland for 3 years."),
    # a headline's participle is a passive: the one named is accused, not accusing
    ("", "Port Chief Accused Of Hiding 3 Reports From The Board."),
    # a base form after an aside needs a plural subject (*the mayor ... say* is no report)
    ("", "The mayor, angry at the plan, say the works will close 2 roads."),
    # ... but not a discovery's object (*a car that showed 3 dents*)
    ("", "Police found a car that showed 3 dents."),
    ("", "Two rivals - Sen. Tom Reyes of Utah, who has blasted the plan, and Gov. Ann Holt - will speak to 3 groups."),
    # a phrase that links to the sentence before is no subject of a noun that looks like a verb
    ("", "For instance, calls to establish 2 new courts were rejected by the council in 2015."),
]


@pytest.mark.parametrize("prev,text", NO_SOURCE)
def test_no_source(prev, text):
    assert find_source(SentenceInput.from_text(text, prev_text=prev)) is None


@pytest.mark.xfail(reason="pronouns are resolved without gender: 'she' goes to the first person named before")
def test_pronoun_with_object_antecedent():
    si = SentenceInput.from_text("She said the accounts were missing 5,000 dollars.",
                                 prev_text="Paul Ortiz hired Maria Gomez as his auditor in 2019.")
    assert find_source(si).text == "Maria Gomez"


words = st.sampled_from(["the", "ministry", "said", "about", "according", "to", "it", "He", "Reuters",
                         "reported", "denied", ",", ".", "42", "percent", "Ana", "Costa", "told", "that"])


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=25), st.lists(words, max_size=15))
def test_offsets_always_point_at_the_text(sentence, previous):
    si = SentenceInput.from_text(" ".join(sentence), prev_text=" ".join(previous))
    span = find_source(si)
    if span is not None:
        assert si.doc_text[span.start:span.end] == span.text
        assert span.text.strip()


# --- round 2: a source is a noun phrase, never holding a main clause's verb ------------------
VERB_FREE = [
    # the example file: the subject of coordinated verbs
    ("", "The company denied any wrongdoing and said it would appeal.", "The company"),
    ("", "In a statement on Saturday, the lawmaker denied the allegations and said he had repaid $9,000.",
     "the lawmaker"),
    # a second clause with its own subject after "and"
    ("", "Neither Ann Ode nor Bo Lind has won a state and Carl Mane said they should quit.", "Carl Mane"),
    # the rejecting party's own statement is reported by the participle: it is the source
    ("", "A spokesman for the Semiconductor Industry Association rejected Japanese claims that dumping had "
         "stopped, saying prices in third markets remained below cost.",
     "A spokesman for the Semiconductor Industry Association"),
    # a long subject with a relative clause keeps it
    ("", "A woman who has accused the senator of harassment said he had lied to the panel.",
     "A woman who has accused the senator of harassment"),
    # participles and noun forms are no main verbs
    ("", "Data released Friday by state gaming regulators showed revenue rose 3.5 percent.",
     "Data released Friday by state gaming regulators"),
    ("", "Bob Friedman, a talk show host in Alabama, said listeners changed after Iowa.",
     "Bob Friedman, a talk show host in Alabama"),
    ("", "Rex Early, a former state party chairman, said 57 delegates were at stake.",
     "Rex Early, a former state party chairman"),
]


@pytest.mark.parametrize("prev,text,expected", VERB_FREE)
def test_source_holds_no_main_verb(prev, text, expected):
    span = find_source(SentenceInput.from_text(text, prev_text=prev))
    assert span is not None and span.text == expected


def test_a_rejected_claim_is_not_a_reporting_cue():
    from factcheck.attribution.analysis import analyse

    si = SentenceInput.from_text("The Kiron Group rejected Danish claims that the mill had closed.")
    a = analyse(si)
    assert a.finding.source is None
    assert [c[1] for c in a.cues if c[0] == "contested"] == ["rejection"]


_SUBJECTS = ["The company", "The ministry", "Ana Costa", "A spokesman for the Port of Oslo", "The union",
             "Finance Minister Ruth Adeyemi", "The city council", "Two former aides"]
_FIRST_VERBS = ["denied the allegations", "rejected the report", "disputed the figures", "declined to comment",
                "won the vote", "called the plan a mistake", "refused the offer", "visited Kyiv"]
_REPORTS = ["said", "told reporters", "added", "warned", "insisted"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_SUBJECTS), st.lists(st.sampled_from(_FIRST_VERBS), min_size=1, max_size=2),
       st.sampled_from(_REPORTS), st.sampled_from(["also ", "later ", ""]))
def test_coordinated_verbs_leave_the_subject_as_source(subject, firsts, report, adverb):
    from factcheck.attribution.source import main_verb_index
    from factcheck.attribution.tokens import tokenize

    text = f"{subject} {' and '.join(firsts)} and {adverb}{report} that 40 jobs would go."
    span = find_source(SentenceInput.from_text(text))
    assert span is not None
    assert main_verb_index(tokenize(span.text)) is None
    assert span.text == subject


# --- round 2: report constructions missed on real news -----------------------------------------
CONSTRUCTIONS = [
    # opinion, question and silence cues
    ("", "Governor Ida Marsh called the 2 percent raise an insult to teachers.", "Governor Ida Marsh"),
    ("", "The union called for a 9 percent raise in 2025.", "The union"),
    ("", "The reporter asked whether the 300 jobs would move abroad.", "The reporter"),
    ("", "The ministry declined to comment on reports that 40 staff had quit.", "The ministry"),
    # poll results
    ("", "In a Valdor Institute poll, Ruiz led with 24 percent.", "a Valdor Institute poll"),
    ("", "A poll by Halvorsen Research found that 40 percent of adults backed the plan.", "Halvorsen Research"),
    # the progressive
    ("", "The White House is telling allies that the 12 tariffs will stay.", "The White House"),
    ("", "The campaign isn't saying how much it raised in May.", "The campaign"),
    ("", "Mayor Ode has been saying for months that 3 schools will close.", "Mayor Ode"),
    # a ruling by a judge or court
    ("", "A federal judge in Boston ruled on Wednesday that the firm had misled 30,000 investors.",
     "A federal judge in Boston"),
    ("", "The 2019 ordinance was unconstitutional, the appeals court ruled.", "the appeals court"),
    # a document opening the sentence gives its owner (example file)
    ("", "Figures from the European Court of Human Rights show that Russia lost most cases.",
     "the European Court of Human Rights"),
    # round 3: a passive report with its agent after "by" (not "As" as the source)
    ("", "As reported by the Daily Ledger, the mill shed 300 jobs in 2021.", "the Daily Ledger"),
    ("", "The closure of 12 branches was first reported by the Valley Courier.", "the Valley Courier"),
    # a report inside a relative clause, whose subject is the gap
    ("", "The toll, which officials said will rise, stood at 41 on Sunday.", "officials"),
    ("", "The levy funds a depot the city council says will cost $9 million.", "the city council"),
    # a report in a relative clause yields to the sentence's own report
    ("", "While not every figure Ruiz says is accurate, Lind said the 40 projects were late.", "Lind"),
    # adverbs and reflexives between the subject and its verb
    ("", "Mayor Lund has long said that 4 depots will close.", "Mayor Lund"),
    ("", "Ruiz himself said on Monday that 90 staff had quit.", "Ruiz"),
    # clause verbs before a quotation after a comma, a question word or a characterisation
    ("", "Okafor replied, \"We hired 60 nurses.\"", "Okafor"),
    ("", "Dr. Lena Moss described how 30 beds were closed in one night.", "Dr. Lena Moss"),
    ("", "Governor Tate described the 4 percent raise as a betrayal.", "Governor Tate"),
    # a parenthetical "as" report
    ("", "As the Harbor Times observed, 2,000 tourists arrived in one day.", "the Harbor Times"),
    # a participle after a comma or dash reports for the subject of the clause it joins
    ("", "Port director Ines Lara rejected the plan to cut 200 berths, saying the docks were full.",
     "Port director Ines Lara"),
    ("", "Okafor rips the 3 percent deal, arguing that it hurts 9,000 dockers.", "Okafor"),
    ("", "On Monday, after a week of silence, Mayor Ruth Lind endorsed the 40 million dollar bond, telling "
         "reporters it was overdue.", "Mayor Ruth Lind"),
    ("", "Sen. Ada Moss, D-Ore., who chairs the panel, withdrew her support, noting that 12 members had left.",
     "Sen. Ada Moss, D-Ore., who chairs the panel"),
    ("", "Lund, in an interview on Friday, barely mentioned the 2 rivals, saying he was already thinking of 2026.",
     "Lund"),
    ("", "Mayor Ida Kerr, in an interview on Friday, praised the 5 percent rise, saying it was overdue.",
     "Mayor Ida Kerr"),
    ("", "Turnout fell to 41 percent, as the board chairman Omar Kell conceded the count, saying 300 ballots were lost.",
     "the board chairman Omar Kell"),
    # a report inside a quotation is the quoted speaker's words, not the sentence's report
    ("", "\"Our old coach told us what 40 laps meant,\" the captain, Rui Alves, told the crowd in 2019.",
     "the captain, Rui Alves"),
    # speech verbs without "say", phrasal reports and quoted questions
    ("", "Osei fired back at the council over the 12 percent cut.", "Osei"),
    ("", "Mayor Lund pointed out that 300 homes still had no power.", "Mayor Lund"),
    ("", "The memo goes on to say that 40 posts will be cut.", "The memo"),
    ("", "Senator Ruth Hale assailed the 2 billion dollar contract.", "Senator Ruth Hale"),
    ("", "The audit demonstrates that 14 contracts were never tendered.", "The audit"),
    ("", "The reporter asked, \"Will the 90 layoffs go ahead?\"", "The reporter"),
    ("", "\"We will rebuild,\" Okafor continued, \"and 200 homes will be ready by June.\"", "Okafor"),
    ("", "As the Daily Ledger put it, the 40 million dollar stadium is a white elephant.", "the Daily Ledger"),
    # a reported silence: a negated report names its subject
    ("", "The ministry would not say how many of the 300 staff would go.", "The ministry"),
    # a month-like name is no adverb to skip
    ("", "Prime Minister Theresa May said 2,000 troops would stay.", "Prime Minister Theresa May"),
    # chains of appositives, dashes and asides between a subject and its verb
    ("", "Lena Ruiz, 34, a nurse from Leeds, said 12 wards had closed.", "Lena Ruiz, 34, a nurse from Leeds"),
    ("", "Ana Soto — a teacher in Lima — says 30 pupils share one book.", "Ana Soto — a teacher in Lima"),
    ("", "Mayor Ida Kerr, in an interview on Friday, praised the 5 percent rise.", "Mayor Ida Kerr"),
    ("", "When the club's treasurer, Omar Diaz, said 9 members had quit, the board met.",
     "the club's treasurer, Omar Diaz"),
    # after a quotation a determiner-led phrase is the speaker
    ("", "\"We lost 40 cows,\" said the farmer.", "the farmer"),
    # "according to" closing the sentence governs it, with its appositive or relative clause
    ("", "\"We will not sell,\" Ruiz said, according to the Valley Courier.", "the Valley Courier"),
    ("", "The deal was worth $40 million, according to a senior official who asked not to be named.",
     "a senior official who asked not to be named"),
    ("", "The deal was worth $40 million, according to Ana Lind, an analyst at Norbank.",
     "Ana Lind, an analyst at Norbank"),
    ("", "The fund holds 12 percent of the bank, according to Moody's.", "Moody's"),
    # a poll of its respondents and an owner's document stay whole
    ("", "Turnout reached 61 percent, according to a Valdor Institute poll of 900 voters.",
     "a Valdor Institute poll of 900 voters"),
    ("", "Exports fell 4 percent, according to the Harbor Board's annual report.", "the Harbor Board's annual report"),
    # a poll's respondents are no source; the poll is, when the sentence names it
    ("", "Nearly 4 in 10 say the fee should fall, according to the Valdor Institute.", "the Valdor Institute"),
    ("", "The survey showed that 58 percent backed the plan, and 30 percent said it went too far.", "The survey"),
    # a poll with its release time
    ("", "A Valdor Institute poll released Monday found that 44 percent backed Ruiz.",
     "A Valdor Institute poll released Monday"),
    # coordinated verbs and participles after a preposition report for the clause's subject
    ("", "The senator paused and recalled that 30 miners died in 1998.", "The senator"),
    ("", "Ruiz jokingly offered him a job, then says 40 posts are open.", "Ruiz"),
    ("", "In a brief interview, Ms. Lund rejected the idea that the cuts were a purge and said 12 staff would stay.",
     "Ms. Lund"),
    ("", "A port official responded by saying that 2,000 containers were stuck.", "A port official"),
    # a name closing the sentence after the verb is the source, whatever clause comes before it
    ("", "Even if the agency closed, 40 of its tasks would move elsewhere, said Okafor, who ran it until 2019.",
     "Okafor"),
    # a participle in an opening phrase reports for the main clause's subject
    ("", "After saying he was nervous, the farmer told the panel that 60 cows had died.", "the farmer"),
    ("", "Noting that 3 plants had closed, Mayor Lind asked for 9 million dollars.", "Mayor Lind"),
    # a relative clause inside an appositive may hold verbs
    ("", "On Monday, Sen. Ida Moss (D-Ore.), a senator who has chaired the panel since 2019, tweeted a "
         "photo of the 12 closed clinics.", "Sen. Ida Moss (D-Ore.), a senator who has chaired the panel since 2019"),
    # a coordinated verb after a comma takes the subject of the clause before
    ("", "Mayor Ruth Lind backed away from her forecast of 2 percent growth, and blamed the port strike.",
     "Mayor Ruth Lind"),
    # ... also after an appositive holding a relative clause: never the verb phrase before "and"
    ("", "Mayor Ruth Lind, who toured the site on Friday, cut the ribbon and pledged 40 new homes.",
     "Mayor Ruth Lind"),
    ("", "Ruiz, the port's director, signed the deal and promised 300 new jobs.", "Ruiz"),
    # a figure whose relative clause lost its object: the reporter follows the figure
    ("", "Revenue rose 4 percent to $7.9 billion, short of the $8.2 billion analysts had expected.", "analysts"),
    ("", "Inflation hit 3.4 percent, more than the 3.1 percent economists at Norbank had forecast.",
     "economists at Norbank"),
    # ... not when the verb has an object, nor a year before the subject
    ("", "A $5 billion pension fund said 12 percent of its assets were in bonds.", "A $5 billion pension fund"),
    ("", "Only 12 of the 40 pumps worked, a 2014 state audit found.", "a 2014 state audit"),
    # a study by several authors keeps them all; the owner ends before the study's topic
    ("", "A study by Ana Lind and Omar Diaz of the University of Leeds and Professor Moss concluded that "
         "40 percent of the samples were fake.", "Ana Lind and Omar Diaz of the University of Leeds and Professor Moss"),
    ("", "An analysis by Ledger Data of elections going back to 1972 showed 11 upsets.", "Ledger Data"),
    # a long subject with a role noun in it
    ("", "The Green presidential nominee for the 2028 election later said he had raised 4 million dollars.",
     "The Green presidential nominee for the 2028 election"),
    # a progressive report with its hearers before the clause
    ("", "Mayor Ruiz is telling voters at a packed diner in Leeds that 300 jobs will come.", "Mayor Ruiz"),
    # a limited statement and a floating quantifier
    ("", "Asked about the plan, the minister would only say that 12 sites were studied.", "the minister"),
    ("", "Ruiz and Lind both stressed that 40 staff had stayed.", "Ruiz and Lind"),
    # a statement issued by the subject
    ("", "Shortly after the vote, Senator Ana Moss issued a statement saying that 30 seats were lost.",
     "Senator Ana Moss"),
    # the verb opens the sentence and the speaker follows it
    ("", "Said Okafor, \"We counted 900 ballots twice.\"", "Okafor"),
    # round 4: a role or document noun opening the sentence, with what describes it
    ("", "Officials involved in the repair said 14 bridges needed new bearings.", "Officials involved in the repair"),
    ("", "Teachers reached by email said 30 classes had no heating.", "Teachers reached by email"),
    ("", "Lawyers for the port wrote in a brief that 2,000 containers were seized.", "Lawyers for the port"),
    ("", "Records from the county archive show that 90 farms were sold in 1931.",
     "Records from the county archive"),
    ("", "The minutes of the board's March session show that 3 members abstained.",
     "The minutes of the board's March session"),
    # a claim noun with its owner before a that-clause (data card convention: the claimant is the source)
    ("", "The clinic disputed the union's claim that 40 nurses had quit.", "the union"),
    ("", "Court papers contradicted the mayor's statement that she had never met the developer.", "the mayor"),
    ("", "The ministry dismissed a report by the Harbor Gazette that 600 posts would go.", "the Harbor Gazette"),
    # a report of the sentence's own keeps the source
    ("", "Governor Tate said the union's claim that 40 nurses had quit was false.", "Governor Tate"),
    # a non-restrictive relative clause reports for the document or data it describes
    ("", "The council disputed the conclusions of the review, which said it had overspent by 3 million euros.",
     "the review"),
    ("", "Economists doubted the census data, which showed the city had grown 9 percent.", "the census data"),
    ("", "The firm questioned the results of the inspection, which found 6 faulty valves.", "the inspection"),
    # quoted by a medium as saying: the one quoted
    ("", "The coach was quoted by the Valley Courier as saying 14 players had the flu.", "The coach"),
    ("", "Mayor Ida Kerr was quoted as saying the bridge would reopen on May 2.", "Mayor Ida Kerr"),
    ("", "Amid claims of fraud, the election board said 2,000 ballots were recounted.", "the election board"),
    ("", "The governor declared that 3 counties would get aid.", "The governor"),
    # base forms of estimating and alleging with a plural specific subject
    ("", "Investigators allege that 12 invoices were forged.", "Investigators"),
    ("", "Diplomats estimate that 80,000 people have fled the valley.", "Diplomats"),
    ("", "Economists at Norbank predict that rates will fall by 0.5 points.", "Economists at Norbank"),
    # a pronoun after a sentence whose subject is a long noun phrase or a titled name
    ("The city's housing board published a review of rents on Friday.",
     "It found that rents had risen 11 percent since 2021.", "The city's housing board"),
    ("Head of research Omar Diaz presented the results in Oslo.",
     "He said 40 of the 52 trials had failed.", "Head of research Omar Diaz"),
    ("A report released on Monday by the Valdor Institute examined 300 schools.",
     "It estimated that 1 in 5 classrooms had no heating.",
     "A report released on Monday by the Valdor Institute"),
]

NOT_REPORTS = [
    ("", "A group called Citizens for Ruiz raised $40,000 in May."),
    ("", "He called the police at 9 p.m. on Friday."),
    ("", "The party held talks with 3 smaller groups."),
    ("", "Voters in the District of Columbia head to the polls on June 14."),
    ("", "Ruiz tied for fifth at 5 percent in the poll."),
    ("", "Ruiz won, especially given the party's proportionality rules."),
    ("", "In primary after primary, young voters just aren't showing up."),
    ("", "When asked about the 40 missing files, the clerk shrugged."),
    # round 3: a participle "described as" and a sum "added by" report nothing
    ("", "Ruiz, Lind and Moss, the candidates most often described as outsiders, won 61 percent."),
    ("", "How many jobs can be added by cutting the 5 percent levy?"),
    # a participle of a finding or a result is no report
    ("", "The central bank raised rates by 0.5 points, showing its resolve."),
    ("", "Tenney beat Wells in the primary, claiming 41 percent of the vote."),
    # speech verbs in their other senses
    ("", "The talks continued for 3 days."),
    ("", "Ruiz won in Ohio, adding to his 12 earlier wins."),
    ("", "The governor signed the order, declaring a state of emergency in 4 counties."),
    # a share of the people asked names no party (spec section 2: a named party); polls in general
    ("", "Forty-six percent of voters said the economy was their top issue."),
    ("", "Sixty-two percent said the 4 percent fee was too high."),
    ("", "About 3 in 10 say the 2024 budget was fair."),
    ("", "Polls show the mayor ahead by 6 points."),
    # a report after a modal is a forecast; bare "reports" name no one
    ("", "The company may announce 300 job cuts next week."),
    ("", "Reports suggest that 200 fighters crossed the border in June."),
    # a finding participle needs a document; a noun in -s is no verb
    ("", "The jobless rate fell to 5 percent, and wages rose 0.4 percent after showing no increase in May."),
    ("", "Ruiz is campaigning in Ohio and Iowa, states that vote on March 1."),
    ("", "Recalling the losses of 2012, the party began spending 40 million dollars early."),
    # reporting forms used as nouns or adjectives
    ("", "Ruiz led Lind by nearly 300 pledged delegates."),
    ("", "The cells are used in 40 research projects."),
    ("", "Four people were slightly injured, showing the gulf between the 2 countries."),
    ("", "The state's elections chief resigned in March amid claims that 9,000 voters were purged."),
    # a restrictive relative clause or a relative clause about a person is no report of its own
    ("", "The police, which found 2 cars, arrived at 9 p.m."),
    ("", "The museum bought a painting that shows 12 ships in a storm."),
    # a claim noun after a preposition names no claimant; an act of declaring is no report;
    # a poll dated by its month names no owner
    ("", "Amid claims that 300 ballots went missing, the count resumed on Friday."),
    ("", "The governor declared the valley a disaster zone on June 3."),
    ("", "Nearly 40 percent of the wells ran dry in the August survey."),
    ("", "Observers speculate that the port could reopen in 2027."),
]


@pytest.mark.parametrize("prev,text,expected", CONSTRUCTIONS)
def test_round2_constructions(prev, text, expected):
    span = find_source(SentenceInput.from_text(text, prev_text=prev))
    assert span is not None and span.text == expected


@pytest.mark.parametrize("prev,text", NOT_REPORTS)
def test_round2_look_alikes_are_not_reports(prev, text):
    assert find_source(SentenceInput.from_text(text, prev_text=prev)) is None


def test_a_denied_plan_is_contested():
    from factcheck.attribution.analysis import analyse

    a = analyse(SentenceInput.from_text("The ministry denies plans to raise the fuel tax by 4 percent."))
    assert a.fired("contested")


def test_pronoun_in_a_run_of_sentences_opening_with_it_takes_the_earlier_name():
    doc = ("Senator Ada Lind voted against the 2008 bailout. She was one of 25 senators to do so. "
           "She said the 700 billion dollar plan rewarded the banks.")
    prev_start = doc.index("She was")
    start = doc.index("She said")
    si = SentenceInput("d", doc, start, len(doc), prev_start, start - 1)
    assert find_source(si).text == "Senator Ada Lind"


# round 3: roles that put a figure on something, specific anonymous people, coordinated subjects
ROUND3 = [
    # "put X at N": a party's figure (spec: a role such as analysts is a source)
    ("", "Economists put the cost of the new rail tunnel at roughly 12 billion euros.", "Economists"),
    ("", "The coastguard put the number of missing fishermen at 14.", "The coastguard"),
    ("", "Port officials put last year's container traffic at 3.2 million units.", "Port officials"),
    # "people close to / familiar with": specific though anonymous
    ("", "The bank will close 40 branches next year, people close to the board said.", "people close to the board"),
    ("", "People familiar with the talks said the merger could be signed by March.",
     "People familiar with the talks"),
    ("", "Two people briefed on the plan said the airline would order 30 jets.", "Two people briefed on the plan"),
    # "X and others", "X and other Y": the whole coordinated subject
    ("", "Moreau and others said the council had spent 2 million francs on the study.", "Moreau and others"),
    ("", "Dr. Ilse Varga and other surgeons at the clinic said waiting times had doubled since 2021.",
     "Dr. Ilse Varga and other surgeons at the clinic"),
    # people nouns as roles: associates, team, fact-checkers
    ("", "Okonkwo's associates said he had sold the 40-acre farm in 2019.", "Okonkwo's associates"),
    ("", "The mayor's team said 600 new homes were approved last year.", "The mayor's team"),
    ("", "The photo of the flooded stadium was taken in 2011, fact-checkers found.", "fact-checkers"),
    # a participle phrase holding a noun that looks like a verb, then an appositive: the name before it
    ("", "Rep. Ada Moss, facing a recall challenge in the north, a mining region, said the district lost 2,000 jobs.",
     "Rep. Ada Moss"),
]

ROUND3_NOT = [
    ("", "The storm put the harvest at risk across three provinces."),
    ("", "Some people close to the coach say he will leave in June."),
    ("", "People said the queues at the border were long."),
    ("", "The striker has scored in Madrid and other European capitals."),
]


@pytest.mark.parametrize("prev,text,expected", ROUND3)
def test_round3_constructions(prev, text, expected):
    span = find_source(SentenceInput.from_text(text, prev_text=prev))
    assert span is not None and span.text == expected


@pytest.mark.parametrize("prev,text", ROUND3_NOT)
def test_round3_look_alikes_are_not_reports(prev, text):
    assert find_source(SentenceInput.from_text(text, prev_text=prev)) is None


# issue 14: an -s reporting word after plain adjectives, or before a past or plural verb of
# its own, is a plural noun: the determiner and adjective before it are no source
PLURAL_NOUN_HEADS = [
    "The current pledges fall short of what scientists call for.",
    "The early reports gave a lower figure.",
    "Jobless claims rose by 12,000 in the week.",
    "Weekly claims fell to 204,000, the lowest since March.",
    "The latest forecasts are gloomier than in spring.",
    "Preliminary estimates were revised down in May.",
]


@pytest.mark.parametrize("text", PLURAL_NOUN_HEADS)
def test_plural_noun_is_no_report(text):
    assert find_source(SentenceInput.from_text(text)) is None


VERBS_IN_S = [
    ("The company pledges to halve its emissions by 2035.", "The company"),
    ("The new mayor claims the budget is balanced.", "The new mayor"),
    ("Okafor warns that the dam could fail.", "Okafor"),
    ("The harbour is a project the port authority says will cost $40 million.", "the port authority"),
]


@pytest.mark.parametrize("text,expected", VERBS_IN_S)
def test_verb_in_s_keeps_its_subject(text, expected):
    span = find_source(SentenceInput.from_text(text))
    assert span is not None and span.text == expected


#: a non-restrictive *who* clause about a named person reports what that person said (session 23)
@pytest.mark.parametrize("text, expected", [
    ("The bill was backed by Senator Lee, who said it would cost $3 billion.", "Senator Lee"),
    ("She met Dana Ortiz, who in 2014 said the dam would hold.", "Dana Ortiz"),
    ("The aide called Ortiz, who told reporters that 40 people died.", "Ortiz"),
    ("He thanked the voters, who said they wanted change.", None),
    ("A woman who has accused the mayor of fraud said she lost $4,000.", "A woman who has accused the mayor of fraud"),
])
def test_who_clause_about_a_named_person(text, expected):
    span = find_source(SentenceInput.from_text(text))
    assert (span.text if span is not None else None) == expected


#: a polling average and a tracker are documents; *indicates a* reports (session 23)
@pytest.mark.parametrize("text, expected", [
    ("The Valdor polling average shows the mayor ahead by 4 points.", "The Valdor polling average"),
    ("The survey indicates a 6-point swing since May.", "The survey"),
    ("The company indicated a willingness to cut 300 jobs.", None),
])
def test_documents_of_round_23(text, expected):
    span = find_source(SentenceInput.from_text(text))
    assert (span.text if span is not None else None) == expected


#: *continues to insist*, and an opening *By X's own admission,* / *In X's words,* (session 23)
@pytest.mark.parametrize("text, expected", [
    ("The mayor continues to insist that the tunnel cost $3 million.", "The mayor"),
    ("By Lena Ruiz's own admission, the fund lost $4 million.", "Lena Ruiz"),
    ("In the senator's words, the bill would cost 300 jobs.", None),
    ("In Governor Ada Lind's words, the state lost 3,000 jobs.", "Governor Ada Lind"),
    ("By his own admission, he lost $4 million.", None),
    ("In the state's 2015 budget, 40 schools closed.", None),
])
def test_continued_and_own_words(text, expected):
    span = find_source(SentenceInput.from_text(text))
    assert (span.text if span is not None else None) == expected


#: *they* after a sentence whose subject is names joined by *and* or a plural role (session 23)
@pytest.mark.parametrize("prev, text, expected", [
    ("Ms. Lind and Mr. Ortiz filed a bill in May.", "The fund has lost $3 million, they say.", "Ms. Lind and Mr. Ortiz"),
    ("The officials visited 12 sites.", "Half of them were unsafe, they say.", "The officials"),
    ("The Ortiz family moved to Ohio in 2010.", "The house cost $300,000, they say.", None),
])
def test_they_points_to_a_plural_subject(prev, text, expected):
    span = find_source(SentenceInput.from_text(text, prev_text=prev))
    assert (span.text if span is not None else None) == expected


#: round 23 from a blind-labelled sample of PolNeAR train: tallies, polls that put a figure,
#: a named poll inside a share of people, refusals, who-clauses about an organisation
@pytest.mark.parametrize("text, expected", [
    ("By the Harbor Board's tally, 412 ships docked in May.", "the Harbor Board"),
    ("The Valdor tracking poll puts her approval at 48 percent.", "The Valdor tracking poll"),
    ("The IMF puts growth at about 3 percent.", "The IMF"),
    ("The coach puts the team at risk in 2 games.", None),
    ("Some 61 percent of voters in a recent Valdor Institute poll said the tax was too high.", "a recent Valdor Institute poll"),
    ("Some 61 percent of voters in a recent poll said the tax was too high.", None),
    ("The mayor said no to the 3 new towers.", None),
    ("She hired Ada Lind, the head of the Fund for Safe Streets, who often criticizes the 4 new laws.", None),
])
def test_round_23_sample(text, expected):
    span = find_source(SentenceInput.from_text(text))
    assert (span.text if span is not None else None) == expected


#: polls that *have* a candidate somewhere, unnamed polls, reports in the media (session 23, second sample)
@pytest.mark.parametrize("text, expected", [
    ("The Valdor Institute poll has Lind leading Ortiz by 6 points.", "The Valdor Institute poll"),
    ("The Harbor News average of 3 polls has the two tied at 44 percent.", "The Harbor News average"),
    ("The poll has a margin of error of 3 points.", None),
    ("New polls show the mayor ahead by 3 points.", None),
    ("According to exit polls, Lind won 52 percent of women.", "exit polls"),
    ("According to reports in the news media, 3 aides quit.", None),
])
def test_polls_of_the_second_sample(text, expected):
    span = find_source(SentenceInput.from_text(text))
    assert (span.text if span is not None else None) == expected


# a word that opens a sentence capitalised is no name, and a preposition's object is no subject:
# the person a he/she points back to is found past them (written for the rule, 2026-12-07)
OPENERS = [
    ("Council leader Maria Okafor spoke on Monday.", "And the budget is 4 million dollars short, she said.",
     "Council leader Maria Okafor"),
    ("Senator Paul Avery met the miners.", "Just yesterday, he said, 300 jobs were cut.", "Senator Paul Avery"),
    ("", "In Glasgow, after talks with the Rev. John Munro, Ana Ruiz backed a rent cap that she said would "
         "save 900 pounds.", "Ana Ruiz"),
    ("", "At a rally in Portland, Maine, on Friday, Kim Berger listed 3 plants that she said would close.",
     "Kim Berger"),
    ("", "In Leeds, Tom Hale named 40 wardens he said he had hired.", "Tom Hale"),
    ("Grace Adeyemi chairs the housing board.", "And I think 500 homes is too few, she said.", "Grace Adeyemi"),
    ("Leo Marsh runs the food bank.", "Perhaps 200 families will come, he said.", "Leo Marsh"),
]


@pytest.mark.parametrize("prev,text,expected", OPENERS)
def test_an_opening_word_or_a_prepositions_object_is_not_whom_a_pronoun_means(prev, text, expected):
    si = SentenceInput.from_text(text, prev_text=prev)
    span = find_source(si)
    assert span is not None and span.text == expected


@pytest.mark.parametrize("text", [
    "And the budget is 4 million dollars short, she said.",
    "Just yesterday, he said, 300 jobs were cut.",
    "And I think 500 homes is too few, she said.",
])
def test_no_opening_word_becomes_a_source_when_nobody_was_named(text):
    assert find_source(SentenceInput.from_text(text, prev_text="The budget was debated for 3 hours.")) is None


@pytest.mark.parametrize("text,expected", [
    ("Last week's Harbour Institute poll found that 40 percent of voters approved.", "Harbour Institute poll"),
    ("Last year’s Met Office figures show that 12 floods hit the county.", "Met Office figures"),
    ("Tuesday's Dalton University survey has the mayor ahead by 6 points.", "Dalton University survey"),
    ("Sunday's Northern Gazette reported that 3 aides quit.", "Northern Gazette"),
])
def test_a_possessive_of_time_is_no_part_of_the_source(text, expected):
    assert find_source(SentenceInput.from_text(text)).text == expected
