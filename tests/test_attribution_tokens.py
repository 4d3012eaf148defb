"""The attribution tokenizer: one token per match of its pattern, offsets into the document."""
import pytest

from factcheck.attribution.tokens import _TOKEN, Token, tokenize

TEXTS = [
    "",
    "   ",
    "Mr. Morris told reporters on Tuesday that the U.S. economy grew 2.5 percent.",
    "Sanders' campaign raised $1,100,000.50 (or so) from AT&T staff in Calif. last year.",
    "“We won’t cut 40 jobs,” said Gov. O'Neil, who leads the G-20 talks.",
    "İSTANBUL  ΣΟΦΟΣ  naïve\tcafé\u00a0bar\u2028end",
    "a-b-c ... ?! -- x",
]


def _as_read(word: str) -> str:
    """A token's text as the rules read it: the document's, but a typewriter dash (*--*) is a dash."""
    return "—" if word.startswith("--") else word


def _by_match(text: str, base: int) -> list[Token]:
    """The tokens one match at a time, as the pattern defines them."""
    return [Token(_as_read(m.group()), _as_read(m.group()).lower(), base + m.start(), base + m.end())
            for m in _TOKEN.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("base", [0, 17])
def test_tokens_are_the_pattern_matches(text, base):
    toks = tokenize(text, base)
    assert toks == _by_match(text, base)
    assert all(type(t) is Token for t in toks)


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_point_at_the_token_text(text):
    doc = "Intro words. " + text
    for t in tokenize(text, 13):
        assert _as_read(doc[t.start:t.end]) == t.text
        assert t.low == t.text.lower()


@pytest.mark.parametrize("text,dashes", [
    ("A senator -- John Reyes -- said so.", ["--", "--"]),
    ("Prices rose---sharply.", ["---"]),
    ("Pages 10--20 and a-b.", ["--"]),
    ("One - two.", []),
])
def test_a_typewriter_dash_is_one_token_read_as_a_dash(text, dashes):
    toks = tokenize(text)
    assert [text[t.start:t.end] for t in toks if t.text == "—"] == dashes
    assert not any(t.text == "-" for t in toks if text[t.start:t.end + 1] == "--")


def test_abbreviations_and_figures_stay_whole():
    texts = [t.text for t in tokenize("Sen. Smith said 1,500 U.S. jobs went.")]
    assert texts == ["Sen.", "Smith", "said", "1,500", "U.S.", "jobs", "went", "."]


def test_repeated_calls_return_fresh_equal_lists():
    a = tokenize("The minister said prices rose.", 5)
    a.append(Token("x", "x", 0, 1))
    b = tokenize("The minister said prices rose.", 5)
    assert len(b) == 6 and b[-1].text == "."


def test_reports_asked_again_are_the_same_and_fresh():
    from factcheck.attribution.source import find_reports

    text = "The minister said prices rose 3 percent in May."
    first = find_reports(text, 40)
    assert first and first[0].kind == "named"
    first.clear()
    again = find_reports(text, 40)
    assert again and again == find_reports(text, 40) and again[0].source == (40, 52)
