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


WRAPPED = (
    "Harbour works approved\n"
    "\n"
    "The district council on Tuesday approved a plan to deepen the\n"
    "harbour at a cost of $45 million, the treasurer's office said. The\n"
    "dredging will start in March and take two years, according to the\n"
    "Port Authority, which expects 300 more ships a year by\n"
    "2027. Fishing crews said the plan ignores them.\n"
)


def test_a_hard_wrapped_text_is_read_as_its_sentences_whatever_opens_a_line():
    """E-mail, wire copy and text saved from a PDF break lines at a fixed width: a full line
    goes on in the next, even before a capital or a figure; the headline stays apart."""
    assert [" ".join(t.split()) for t in _texts(WRAPPED)] == [
        "Harbour works approved",
        "The district council on Tuesday approved a plan to deepen the harbour at a cost of $45 million, "
        "the treasurer's office said.",
        "The dredging will start in March and take two years, according to the Port Authority, which "
        "expects 300 more ships a year by 2027.",
        "Fishing crews said the plan ignores them."]


def test_a_line_ending_on_a_word_no_sentence_ends_on_goes_on():
    text = "Costs rose, according to the\nTransport Office, which runs the roads."
    assert len(_texts(text)) == 1


def test_unwrapped_lines_headlines_and_lists_stay_apart():
    # lines of an unwrapped text: a headline in sentence case, then its paragraph
    assert len(_texts("Council backs the harbour plan after a long debate on costs\n"
                      "The district council approved the plan on Tuesday.")) == 2
    # a headline in title case that ends on *in* or *of*
    assert len(_texts("Council Backs Plan Ministers Believe In\nThe council approved it on Tuesday.")) == 2
    # list items in a wrapped text
    text = ("The report gives three reasons for the fall in exports this year, and\n"
            "the office says each of them will last until the end of next year:\n"
            "- weaker demand from the largest buyers in the region and abroad\n"
            "- a strong currency that makes every shipment dearer for buyers\n")
    assert [t.strip()[:1] for t in _texts(text)][-2:] == ["-", "-"]
