"""The claim's article (queue add --docs) and figures written for people."""
import pytest

from factcheck.queue import Queue
from factcheck.queue.display import format_facet

ARTICLE = ("Ferry fares to rise\n\n"
           "The ferry company met on Tuesday. Fares will rise 8 percent in May, the company said. "
           "Commuters were not consulted.\n\n"
           "A second route opens in 2025. Tickets go on sale next month.")


def claim_of(sentence: str, doc_id: str = "ferry") -> dict:
    start = ARTICLE.index(sentence)
    return {"claim_id": f"k{start}", "doc_id": doc_id, "text": sentence, "start": start,
            "end": start + len(sentence), "checkworthiness": 0.8, "label": "sourced"}


@pytest.fixture
def q(tmp_path):
    with Queue(tmp_path / "ctx.queue") as queue:
        queue.add_claims([claim_of("Fares will rise 8 percent in May, the company said."),
                          claim_of("A second route opens in 2025."),
                          {**claim_of("Commuters were not consulted.", doc_id="elsewhere")}])
        queue.add_documents([(None, 1, {"doc_id": "ferry", "text": ARTICLE, "headline": "Ferry fares to rise",
                                        "published": "2024-04-02", "url": "https://news.example.org/ferry"}),
                             (None, 2, {"doc_id": "elsewhere", "title": "Another piece", "text": "Other words."})])
        yield queue


def test_the_paragraph_the_sentences_around_and_the_claim_marked(q):
    claim = claim_of("Fares will rise 8 percent in May, the company said.")
    art = q.article(claim["claim_id"])
    assert (art["title"], art["published"], art["url"]) == ("Ferry fares to rise", "2024-04-02",
                                                           "https://news.example.org/ferry")
    para = art["paragraph"]
    assert para["text"].startswith("The ferry company met") and para["text"].endswith("not consulted.")
    assert ARTICLE[para["start"]:para["end"]] == para["text"]
    assert para["text"][art["claim"]["start"]:art["claim"]["end"]] == claim["text"]
    assert [s["claim"] for s in art["sentences"]] == [False, True, False]
    assert art["before"]["text"] == "Ferry fares to rise" and art["after"]["text"] == "A second route opens in 2025."
    assert all(ARTICLE[s["start"]:s["end"]] == s["text"] for s in art["sentences"] + [art["before"], art["after"]])


def test_the_last_paragraph_has_nothing_after(q):
    art = q.get_claim(claim_of("A second route opens in 2025.")["claim_id"])["article"]
    assert art["after"] is None and art["before"]["text"] == "Commuters were not consulted."


def test_a_document_whose_text_does_not_fit_the_claim_shows_no_paragraph(q):
    art = q.article(claim_of("Commuters were not consulted.", doc_id="elsewhere")["claim_id"])
    assert art["title"] == "Another piece" and "paragraph" not in art


def test_no_document_no_article(tmp_path):
    with Queue(tmp_path / "none.queue") as q:
        q.add_claims([{"claim_id": "a", "doc_id": "d", "text": "Ships docked.", "start": 0, "end": 13}])
        assert q.article("a") is None and q.get_claim("a")["article"] is None


def test_adding_a_document_again_keeps_what_the_new_row_leaves_out(q):
    q.add_documents([(None, 1, {"doc_id": "ferry", "url": "https://news.example.org/ferry-2"})])
    art = q.article(claim_of("A second route opens in 2025.")["claim_id"])
    assert art["url"] == "https://news.example.org/ferry-2" and art["title"] == "Ferry fares to rise"
    assert art["paragraph"]["text"] == "A second route opens in 2025. Tickets go on sale next month."


@pytest.mark.parametrize("facet, expected", [
    ({"kind": "money", "value": 1200000000, "unit": "USD", "approximate": True}, "$1.2 billion, approx."),
    ({"kind": "money", "value": 75000000, "unit": "EUR"}, "€75 million"),
    ({"kind": "money", "value": 3500000, "unit": "GBP"}, "£3.5 million"),
    ({"kind": "money", "value": 250000, "unit": "RUB"}, "250,000 RUB"),
    ({"kind": "percent", "value": 3.6}, "3.6%"),
    ({"kind": "percent", "value": 40, "approximate": True}, "40%, approx."),
    ({"kind": "count", "value": 236, "unit": "political prisoners"}, "236 political prisoners"),
    ({"kind": "count", "value": 12}, "12"),
    ({"kind": "quantity", "value": 2000, "unit": "km"}, "2,000 km"),
    ({"kind": "quantity", "value": 1.25, "unit": "tonnes"}, "1.25 tonnes"),
    ({"kind": "date", "value": "2019"}, "2019"),
    ({"kind": "date", "value": "2019-08"}, "August 2019"),
    ({"kind": "date", "value": "2019-08-02"}, "2 August 2019"),
    ({"kind": "date", "value": "199X"}, "the 1990s"),
    ({"kind": "date", "value": None, "text": "last week"}, "last week (unresolved)"),
    ({"kind": "count", "value": None, "not_a_figure": True}, "not a figure"),
])
def test_figures_for_people(facet, expected):
    assert format_facet(facet) == expected


def test_the_articles_given_to_extract_are_documents_too(tmp_path):
    """queue add --docs takes the .txt files (or their folder) that extract read: the file's stem
    is the doc_id extract gave the claims, so reviewers see the paragraph."""
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ferry.txt").write_text("---\npublished: 2024-04-02\n---\n" + ARTICLE, encoding="utf-8")
    claims = tmp_path / "claims.jsonl"
    r = CliRunner().invoke(main, ["extract", str(folder), "--format", "jsonl", "-o", str(claims)])
    assert r.exit_code == 0, r.output
    for docs in (folder / "ferry.txt", folder):
        queue = tmp_path / f"{docs.name}.queue"
        r = CliRunner().invoke(main, ["queue", "add", str(queue), str(claims), "--docs", str(docs), "--json"])
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["documents"] == 1
        with Queue(queue) as q:
            first = json.loads(claims.read_text().splitlines()[0])
            art = q.article(first["claim_id"])
            assert art is not None and art["published"] == "2024-04-02"
            assert first["text"] in art["paragraph"]["text"]


def test_another_text_under_a_document_id_in_use_is_refused(q):
    stored, errors = q.add_documents([("new.jsonl", 1, {"doc_id": "ferry", "text": "A different article altogether."})])
    assert stored == 0 and len(errors) == 1 and "another text" in str(errors[0]) and errors[0].line == 1
    assert q.article(claim_of("A second route opens in 2025.")["claim_id"])["paragraph"]["text"].startswith("A second")
    same, none = q.add_documents([("again.jsonl", 1, {"doc_id": "ferry", "text": ARTICLE, "title": "Ferry fares"})])
    assert same == 1 and none == []  # the same text again (a new title) is fine
