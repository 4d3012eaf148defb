"""Which line openings are speakers: words before a colon that name nobody (*First:*, *Note:*,
*The Fact:*) continue the turn; tags with a role, alone on their line, ``Q:``/``A:`` and names
such as *Ocasio-Cortez* or *DeSANTIS* begin one. Each case asserts the claim's source and text,
through the pipeline with the fake model and once through the CLI with the shipped one."""
import io
import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.io import ReadOptions, read_inputs
from factcheck.pipeline import Extractor
from factcheck.transcript import looks_like_transcript, turns
from factcheck.types import Document
from test_batch_model import FakeModel

OPENING = "HALVERSON: We kept the school budget flat for 3 years.\n"


def sourced_claims(text: str) -> list[tuple[str | None, str]]:
    """Return (speaker, claim text) of every sentence of a transcript, checking the offsets."""
    claims = Extractor(FakeModel(), all_sentences=True).extract(Document("d", text, transcript=True))
    for c in claims:
        assert text[c.start:c.end] == c.text
        if c.source is not None:
            assert text[c.source.start:c.source.end] == c.source.text
    return [(c.source.text if c.source else None, c.text) for c in claims]


@pytest.mark.parametrize("line", [
    "First: we widened the ring road by two lanes in 2018.",
    "Second: the toll fell to 3 dollars a crossing.",
    "Finally: the ferry pier opened 8 months early.",
    "Look: the county hired 45 new teachers last spring.",
    "Listen: our water rates are the lowest in 12 years.",
    "Note: The harbour dredging cost $7 million.",
    "Update: The jobless figure was revised to 6.2 percent.",
    "Correction: The plant employs 900 people, not 1,900.",
    "Editor's Note: The survey polled 1,200 voters.",
    "The Fact: the library budget doubled after 2015.",
    "The Bottom Line: 30 percent of buses ran late in 2022.",
    "Question: who paid the 14 million dollars for the stadium?",  # a speaker's device in Title case
    "NOTE: THE FIGURES ARE FROM 2021.",       # an editor's label in capitals
    "THE FACT: THE PORT LOST 2 MILLION DOLLARS.",
])
def test_a_word_before_a_colon_that_names_nobody_continues_the_turn(line):
    assert sourced_claims(OPENING + line + "\n") == [
        ("HALVERSON", "We kept the school budget flat for 3 years."), ("HALVERSON", line)]


@pytest.mark.parametrize("tag,speaker", [
    ("PRIYA NANDAKUMAR, WKRN MODERATOR: ", "PRIYA NANDAKUMAR"),  # the name, not the job
    ("Priya Nandakumar, Moderator of the Forum: ", "Priya Nandakumar"),
    ("ODALYS FERRER (D-FL), STATE SENATOR: ", "ODALYS FERRER"),
    ("OKAFOR:\n", "OKAFOR"),                   # the tag alone on its line, the speech below
    ("Dana Okafor:\r\n", "Dana Okafor"),
    ("MR. OKAFOR (01:12):\n", "MR. OKAFOR"),
    ("Q: ", "Q"),                              # an interview: the one who asks ...
    ("A: ", "A"),                              # ... and the one who answers
    ("Ocasio-Cortez: ", "Ocasio-Cortez"),
    ("Jean-Luc Moreau: ", "Jean-Luc Moreau"),
    ("McConnell: ", "McConnell"),
    ("DeSantis: ", "DeSantis"),
    ("DeSANTIS: ", "DeSANTIS"),
    ("MacArthur: ", "MacArthur"),
    ("O'Rourke: ", "O'Rourke"),
])
def test_speaker_tags_that_begin_a_turn(tag, speaker):
    said = "The port handled 2 million containers in 2022."
    assert sourced_claims(OPENING + tag + said + "\n") == [
        ("HALVERSON", "We kept the school budget flat for 3 years."), (speaker, said)]


@pytest.mark.parametrize("text,expected", [
    # guards: these were read right before the stop list and the new tags, and must stay so
    ("SMITH: We built 300 homes (APPLAUSE) in 2020.\n", [("SMITH", "We built 300 homes (APPLAUSE) in 2020.")]),
    ("SMITH: We built 300 homes --\n-- and 40 schools in 2020.\nJONES: -- That is false.\n",
     [("SMITH", "We built 300 homes --\n-- and 40 schools in 2020."), ("JONES", "-- That is false.")]),
    ("Ana Ruiz: (01:20) Crime fell 8 percent in 2021.\n", [("Ana Ruiz", "Crime fell 8 percent in 2021.")]),
    ("Sen. Jones: Crime fell 8 percent in 2021.\n", [("Sen. Jones", "Crime fell 8 percent in 2021.")]),
    ("MR. SMITH: Crime fell 8 percent in 2021.\n", [("MR. SMITH", "Crime fell 8 percent in 2021.")]),
    ("ms. lee: crime fell 8 percent in 2021.\n", [("ms. lee", "crime fell 8 percent in 2021.")]),
    ("The President: Crime fell 8 percent.\n", [("The President", "Crime fell 8 percent.")]),
    ("THE PRESIDENT: Crime fell 8 percent.\n", [("THE PRESIDENT", "Crime fell 8 percent.")]),
    ("QUESTION: Crime fell 8 percent?\n", [("QUESTION", "Crime fell 8 percent?")]),  # a briefing in capitals
    ("First Lady Ana Ruiz: Crime fell 8 percent.\n", [("First Lady Ana Ruiz", "Crime fell 8 percent.")]),
    # prose with a colon stays in the turn
    (OPENING + "The result: prices rose 4% in 2022.\n",
     [("HALVERSON", "We kept the school budget flat for 3 years."), ("HALVERSON", "The result: prices rose 4% in 2022.")]),
    (OPENING + "In Texas, the numbers: 12 plants closed.\n",
     [("HALVERSON", "We kept the school budget flat for 3 years."), ("HALVERSON", "In Texas, the numbers: 12 plants closed.")]),
    ("WASHINGTON, Jan. 5: The bill passed 61-38.\n", [(None, "WASHINGTON, Jan. 5: The bill passed 61-38.")]),
    ("B: The bill passed 61-38.\n", [(None, "B: The bill passed 61-38.")]),
])
def test_speakers_that_already_worked_still_do(text, expected):
    assert sourced_claims(text) == expected


def test_a_tag_alone_on_the_last_line_opens_an_empty_turn():
    [first, last] = turns("HALE: We cut it.\nMORROW:")
    assert (first.speaker.text, last.speaker.text) == ("HALE", "MORROW") and last.start == last.end


def test_live_stdin_starts_a_turn_only_at_a_speaker():
    text = ("HALE:\nWe cut the levy by 4 percent.\nFirst: taxes fell.\nPRIYA NANDAKUMAR, WKRN MODERATOR: Why?\n"
            "Q: Since when?\nA: Since 2019.\nNote: The levy is set each May.\n")
    items = list(read_inputs(["-"], stdin=io.BytesIO(text.encode()), options=ReadOptions(transcript=True)))
    assert [i.doc.doc_id for i in items] == ["stdin-1", "stdin-4", "stdin-5", "stdin-6"]
    assert "".join(i.doc.text for i in items) == text


@pytest.mark.parametrize("text,looks", [
    # an article with editors' labels is no transcript
    ("Note: figures are rounded.\nUpdate: The vote moved to May.\nSales rose 4 percent.\n"
     "Correction: The mayor is Ana Ruiz.\nProfit fell.\n", False),
    ("First: sales rose.\nSecond: profit fell.\nFinally: the chief quit.\nThe board met in May.\n", False),
    # an interview, tags alone on their lines, tags with a role are
    ("Q: Why now?\nA: Because the rent doubled.\nQ: Since when?\nA: Since May.\n", True),
    ("HALE:\nWe cut it.\nMORROW:\nYou did not.\nHALE:\nWe did, by 4 percent.\n", True),
    ("ANA RUIZ, KXLM ANCHOR: Why now?\nTOM BELL, MAYOR: The rent doubled.\nANA RUIZ, KXLM ANCHOR: Since?\n", True),
])
def test_looks_like_transcript_with_labels_and_new_tags(text, looks):
    assert looks_like_transcript(text) is looks


def test_cli_gives_each_claim_its_speaker(tmp_path):
    path = tmp_path / "forum.transcript"
    path.write_text(
        "HALVERSON: We kept the school budget flat for 3 years.\n"
        "First: we cut the property tax rate by 2 percent in 2021.\n"
        "Note: The harbour dredging cost $7 million.\n"
        "PRIYA NANDAKUMAR, WKRN MODERATOR: Bus fares rose 15 percent in 2023.\n"
        "OKAFOR:\nThe port handled 2 million containers in 2022.\n"
        "Q: Did the city spend $5 million on the parade?\n"
        "A: The city spent $4.8 million on the parade in 2022.\n"
        "DeSANTIS: The state added 200,000 jobs in 2023.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--all", "--format", "jsonl", "--published", "2024-03-14"])
    assert result.exit_code == 0, result.output
    got = [(r["source"]["text"] if r["source"] else None, r["text"])
           for r in map(json.loads, result.stdout.splitlines())]
    assert got == [
        ("HALVERSON", "We kept the school budget flat for 3 years."),
        ("HALVERSON", "First: we cut the property tax rate by 2 percent in 2021."),
        ("HALVERSON", "Note: The harbour dredging cost $7 million."),
        ("PRIYA NANDAKUMAR", "Bus fares rose 15 percent in 2023."),
        ("OKAFOR", "The port handled 2 million containers in 2022."),
        ("Q", "Did the city spend $5 million on the parade?"),
        ("A", "The city spent $4.8 million on the parade in 2022."),
        ("DeSANTIS", "The state added 200,000 jobs in 2023."),
    ]
