"""Readers of claim-matching sources: every format, broken rows, and bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.matching.sources import CheckedClaim, read_all, read_claims


def _claims(path) -> list:
    return list(read_claims(str(path)))


def test_jsonl_records_with_id_or_claim_id_and_verdict(tmp_path):
    p = tmp_path / "checked.jsonl"
    p.write_text(json.dumps({"id": "a1", "text": "The harbour  froze over in 1963.", "title": "Did it freeze?",
                             "rating": "true", "url": "https://checks.example.org/a1", "date": "2020-01-02"}) + "\n"
                 + json.dumps({"claim_id": "b2", "text": "Forty schools closed.", "doc_id": "d9"}) + "\n",
                 encoding="utf-8")
    a, b = _claims(p)
    assert (a.id, a.text, a.title) == ("a1", "The harbour froze over in 1963.", "Did it freeze?")
    assert a.verdict == {"rating": "true", "url": "https://checks.example.org/a1", "date": "2020-01-02"}
    assert (b.id, b.doc_id, b.verdict, b.line) == ("b2", "d9", None, 2)


def test_claim_file_from_extract_keeps_facets(tmp_path):
    from factcheck.pipeline import Extractor
    from factcheck.types import Document

    doc = Document(doc_id="story-1", text="The county said 450 homes lost power on Tuesday. It rained.")
    claims = list(Extractor("fast", all_sentences=True).extract_many([doc]))
    p = tmp_path / "claims.jsonl"
    p.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in claims), encoding="utf-8")
    read = _claims(p)
    assert [c.id for c in read] == [c.claim_id for c in claims]
    assert read[0].doc_id == "story-1" and any(f["kind"] == "count" for f in read[0].facets)


def test_csv_claim_file(tmp_path):
    p = tmp_path / "claims.csv"
    p.write_text("claim_id,doc_id,text\nx1,d1,The canal carries 30 barges a day.\n", encoding="utf-8")
    (c,) = _claims(p)
    assert (c.id, c.doc_id, c.text) == ("x1", "d1", "The canal carries 30 barges a day.")


def test_tsv_with_header_title_and_rows_broken_over_two_lines(tmp_path):
    p = tmp_path / "checked.tsv"
    p.write_text(
        "\tvclaim\ttitle\n"
        "7\tA lighthouse keeper rowed 30 miles in a storm.\tDid a Keeper Row 30 Miles?\n"
        '8\t"A mayor said ""no"" to a parade\nof tractors in 2011."\tTractor Parade Refused\n'
        "9\tA bakery gave away bread for\n"
        "a whole year.\tFree Bread for a Year\n"
        "10\tA train ran without a driver.\n",
        encoding="utf-8")
    got = _claims(p)
    assert [c.id for c in got] == ["7", "8", "9", "10"]
    assert got[1].text == 'A mayor said "no" to a parade of tractors in 2011.'
    assert got[1].title == "Tractor Parade Refused" and got[1].line == 3
    assert (got[2].text, got[2].title) == ("A bakery gave away bread for a whole year.", "Free Bread for a Year")
    assert got[3].title is None


def test_claimreview_file_written_by_export(tmp_path):
    from factcheck.export import export_queue
    from factcheck.queue import Queue

    q = Queue(tmp_path / "q.queue")
    q.add_claims([{"claim_id": "c1", "doc_id": "https://news.example.org/1", "start": 0, "end": 40,
                   "text": "The zoo counted 212 penguins last spring.", "label": "unsourced"}])
    q.add_reviewer("rita")
    q.record_verdict("c1", "rita", "mostly-true", evidence=["https://zoo.example.org/census"])
    q.close()
    out = tmp_path / "reviews.json"
    export_queue(tmp_path / "q.queue", out, fmt="claimreview", org_name="Desk", org_url="https://desk.example.org")
    (c,) = _claims(out)
    assert c.text == "The zoo counted 212 penguins last spring."
    assert c.id == "https://desk.example.org/claims/c1"
    assert c.verdict["rating"] and c.verdict["by"] == "Desk" and c.verdict["url"] == c.id
    assert c.doc_id == "https://news.example.org/1"


def test_claimreview_as_other_fact_checkers_publish(tmp_path):
    review = {"@type": "ClaimReview", "claimReviewed": "A river in the north ran backwards for a day.",
              "url": "https://other.example.net/r/1", "datePublished": "2021-05-05",
              "author": {"@type": "Organization", "name": "Other Checks"},
              "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"}}
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"@context": "https://schema.org", **review}), encoding="utf-8")
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [review]}]}),
                    encoding="utf-8")
    google = tmp_path / "google.json"
    google.write_text(json.dumps({"claims": [{"text": "A river in the north ran backwards for a day.",
                                              "claimReview": [{"url": "https://g.example.com/x", "textualRating": "False",
                                                               "publisher": {"name": "G Checks"}}]}]}), encoding="utf-8")
    for path, rating, by in ((single, "False", "Other Checks"), (feed, "False", "Other Checks"), (google, "False", "G Checks")):
        (c,) = _claims(path)
        assert c.text == "A river in the north ran backwards for a day."
        assert (c.verdict["rating"], c.verdict["by"]) == (rating, by)


def test_queue_file_gives_settled_claims_with_the_verdict_that_stands(tmp_path):
    from factcheck.queue import Queue

    q = Queue(tmp_path / "q.queue")
    q.init(reviews_per_claim=2)
    q.add_claims([{"claim_id": f"c{i}", "doc_id": "d", "start": i * 50, "end": i * 50 + 30, "text": t, "label": "unsourced"}
                  for i, t in enumerate(["The ferry carried 90 cars.", "The ferry sank in 1994.", "The ferry was blue."])])
    q.add_reviewer("rita")
    q.add_reviewer("sam")
    q.add_reviewer("ed", "editor")
    q.record_verdict("c0", "rita", "false")
    q.record_verdict("c0", "sam", "mostly-true")
    q.adjudicate("c0", "ed", "true", note="the log book says 90")
    q.record_verdict("c1", "rita", "half-true", evidence=["https://archive.example.org/ferry"])
    q.record_verdict("c1", "sam", "half-true")
    q.record_verdict("c2", "rita", "true")  # one of the two reviews: not settled
    q.close()
    got = {c.id: c for c in _claims(tmp_path / "q.queue")}
    assert set(got) == {"c0", "c1"}
    assert got["c0"].verdict["rating"] == "true" and got["c0"].verdict["by"] == "ed"
    assert got["c1"].verdict["rating"] == "half-true" and got["c1"].verdict["settled_by"] == "agreement"


def test_tsv_rows_without_the_optional_title_stay_rows_of_their_own(tmp_path):
    p = tmp_path / "checked.tsv"
    p.write_text("id\ttext\ttitle\n"
                 "t1\tThe council approved a $12 million budget for roads.\n"
                 "t2\tAcme reported revenue of $4.5 billion for 2023.\n"
                 "t3\tHealth officials counted 1,240 measles cases.\tMeasles\n"
                 "t4\tA ferry line closed after\n"
                 "forty years of service.\tFerry\n", encoding="utf-8")
    got = _claims(p)
    assert [(c.id, c.title) for c in got] == [("t1", None), ("t2", None), ("t3", "Measles"), ("t4", "Ferry")]
    assert got[3].text == "A ferry line closed after forty years of service."


def test_tsv_quote_left_open_is_reported_and_the_rows_after_it_are_kept(tmp_path):
    p = tmp_path / "checked.tsv"
    p.write_text('id\ttext\n"s1\tUnemployment rose to 8 percent.\ns2\tThe city has 500 penguins.\n'
                 "s3\tA bridge fell.\n", encoding="utf-8")
    got = _claims(p)
    errors = [g for g in got if isinstance(g, InputError)]
    assert [(e.line, "not closed" in str(e)) for e in errors] == [(2, True)]
    assert [c.id for c in got if isinstance(c, CheckedClaim)] == ["s1", "s2", "s3"]


def test_bad_rows_are_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    p = tmp_path / "q.jsonl"
    p.write_text('{"id": "1", "text": "A dam burst."}\n{"id": "2", "text": ""}\n{broken\n'
                 '{"id": "4", "text": "A bridge fell."}\n', encoding="utf-8")
    items = _claims(p)
    errors = [i for i in items if isinstance(i, InputError)]
    assert [i.id for i in items if isinstance(i, CheckedClaim)] == ["1", "4"]
    assert [(e.path, e.line) for e in errors] == [(str(p), 2), (str(p), 3)]
    assert "has no text" in str(errors[0]) and "\n" not in str(errors[0])


@pytest.mark.parametrize("content", ["", "\n\n", "id\ttext\n"])
def test_empty_source_is_one_error(tmp_path, content):
    p = tmp_path / "empty.tsv"
    p.write_text(content, encoding="utf-8")
    errors: list = []
    assert read_all([str(p)], errors) == []
    assert len(errors) == 1 and str(p) in str(errors[0]) and "no claim" in str(errors[0])


def test_unreadable_file_is_one_error_and_other_sources_still_count(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "1", "text": "A dam burst."}\n', encoding="utf-8")
    errors: list = []
    got = read_all([str(tmp_path / "missing.jsonl"), str(good)], errors)
    assert [c.id for c in got] == ["1"]
    assert len(errors) == 1 and "missing.jsonl" in str(errors[0])


def test_broken_claimreview_json_names_the_line(tmp_path):
    p = tmp_path / "r.json"
    p.write_text('[\n{"claimReviewed": "x",\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        _claims(p)
    assert str(p) in str(info.value) and info.value.line == 3


@pytest.mark.shared
def test_ct20_verified_claims_read_whole(shared):
    items = _claims(shared / "data/claim-matching/ct20/verified_claims.docs.tsv")
    assert len(items) == 10375 and all(isinstance(i, CheckedClaim) for i in items)
    assert all("\n" not in i.text for i in items)
    assert sorted(int(i.id) for i in items) == list(range(10375))


def test_an_identical_claim_matches_however_small_the_source(tmp_path):
    """BM25's idf must not vanish in a source of one or two claims: the same sentence is the same claim."""
    from factcheck.matching.matcher import Matcher

    same = "The city has 500 penguins."
    for pool in ([same], [same, "A ferry line closed."]):
        claims = [CheckedClaim(id=f"s{k}", text=t) for k, t in enumerate(pool)]
        (result,) = Matcher(claims).match([CheckedClaim(id="q", text=same)], top=2)
        best = result["matches"][0]
        assert best["id"] == "s0" and best["score"] >= 0.5, pool


def test_a_tsv_without_its_header_line_is_said_and_its_first_row_kept(tmp_path):
    p = tmp_path / "checked.tsv"
    p.write_text("s1\tUnemployment in the region rose to 8 percent.\ns2\tThe city has 500 penguins.\n",
                 encoding="utf-8")
    got = _claims(p)
    assert [(e.line, "not a header" in str(e)) for e in got if isinstance(e, InputError)] == [(1, True)]
    assert [c.id for c in got if isinstance(c, CheckedClaim)] == ["s1", "s2"]


def test_a_binary_source_is_one_error(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe\x00garbage")
    errors: list = []
    assert read_all([str(p)], errors) == []
    assert len(errors) == 1 and errors[0].path == str(p)


ARTICLE = ("The ferry carried 90 cars across the bay on Monday, the port authority said.\n\n"
           "Its owner bought the vessel in 1994 for $3 million.\n\nThe weather was lovely.\n")


def test_an_article_gives_its_check_worthy_claims_as_extract_finds_them(tmp_path):
    from factcheck import extract

    p = tmp_path / "story.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    got = _claims(p)
    want = extract(ARTICLE, doc_id="story")
    assert [c.id for c in got] == [c.claim_id for c in want] and len(got) >= 2
    assert all(c.verdict is None and c.doc_id == "story" for c in got)
    assert any(f["kind"] == "money" and f["value"] == 3_000_000 for c in got for f in c.facets)


def test_an_article_date_resolves_its_relative_dates(tmp_path):
    import datetime as dt

    p = tmp_path / "story.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    dates = lambda claims: [f["value"] for c in claims for f in c.facets if f["text"] == "Monday"]
    assert dates(list(read_claims(str(p)))) == [None]
    assert dates(list(read_claims(str(p), published=dt.date(2024, 5, 8)))) == ["2024-05-06"]


def test_a_queue_without_settled_claims_says_so(tmp_path):
    from factcheck.queue import Queue

    q = Queue(tmp_path / "new.queue")
    q.init()
    q.add_claims([{"claim_id": "c0", "doc_id": "d", "start": 0, "end": 26, "text": "The ferry carried 90 cars.",
                   "label": "unsourced"}])
    q.close()
    errors: list = []
    assert read_all([str(tmp_path / "new.queue")], errors) == []
    assert len(errors) == 1 and "no settled claim yet" in str(errors[0])


def test_a_json_array_of_claim_records_is_read_as_records(tmp_path):
    p = tmp_path / "checked.json"
    p.write_text(json.dumps([{"id": "a1", "text": "The harbour froze over in 1963.", "rating": "true"},
                             {"claim_id": "b2", "text": "Forty schools closed."}], indent=2), encoding="utf-8")
    a, b = _claims(p)
    assert (a.id, a.text, a.verdict["rating"]) == ("a1", "The harbour froze over in 1963.", "true")
    assert (b.id, b.text, b.verdict) == ("b2", "Forty schools closed.", None)
