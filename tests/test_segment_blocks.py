"""Paragraphs and hard-wrapped lines: where split_sentences starts a new block."""
from factcheck.segment import split_sentences


def _texts(text):
    return [s.text for s in split_sentences(text)]


def test_a_line_ending_mid_clause_goes_on_and_a_blank_line_ends_the_paragraph():
    text = "The council voted on Monday,\nThe mayor said 12 jobs would go.\nprices rose.\n\nA new paragraph."
    assert _texts(text) == ["The council voted on Monday,\nThe mayor said 12 jobs would go.\nprices rose.",
                            "A new paragraph."]


def test_a_line_ending_mid_clause_with_trailing_blanks_goes_on():
    text = "The figures rose by 3 percent (  \nAccording to the office) in May.\nA headline"
    assert _texts(text) == ["The figures rose by 3 percent (  \nAccording to the office) in May.", "A headline"]


def test_a_full_line_ends_its_block():
    assert _texts("Prices Rose In May\nThe office said so.") == ["Prices Rose In May", "The office said so."]
