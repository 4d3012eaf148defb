"""strip_wrappers: the speaker tags, quote marks and stage directions it takes off, case by case."""
import pytest

from factcheck.wrappers import strip_wrappers


@pytest.mark.parametrize("text, plain", [
    # a tag after the text, opened by a quotation mark and no comma
    ('"Prices rose 4 percent" Smith said.', "Prices rose 4 percent"),
    # the tag opens at the last comma, not at an earlier one
    ("In May, prices rose, and wages fell, the minister said.", "In May, prices rose, and wages fell"),
    # curly quotes and a tag after them
    ("\u201cJobs are back,\u201d she added.", "Jobs are back"),
    # a tag inside a tag: both go
    ('"We cut taxes, as I said," he said.', "We cut taxes"),
    # a speaker after a dash, and before a colon
    ("Prices rose in May \u2014 SANDERS", "Prices rose in May"),
    ("GRAHAM: We will cut 40 jobs.", "We will cut 40 jobs"),
    # a stage direction and a no-break space
    ("Prices rose\u00a0in May (APPLAUSE)", "Prices rose in May"),
    # single curly quotes inside the sentence become straight ones and stay
    ("He said \u2018no\u2019 to the plan.", "He said 'no' to the plan"),
    # a dash that is no tag (a lower-case word follows) and a colon that is none
    ("Prices rose - and fell: twice in May.", "Prices rose - and fell: twice in May"),
])
def test_wrappers_come_off(text, plain):
    assert strip_wrappers(text) == plain
