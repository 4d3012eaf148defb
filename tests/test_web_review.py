"""Issue 12 on the web: verdicts that teach (not a claim, source, facets), independent double
review, blind statistics, rulings without a default, disputes, the article around a claim,
undo that gives back what was typed, keyset pages and throttling that cannot lock anyone out."""
from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from factcheck.queue import Queue  # noqa: E402
from factcheck.web.app import create_app  # noqa: E402
from factcheck.web.auth import Throttle  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from test_web_fixtures import bearer, build_queue, login, record  # noqa: E402

# an invented article in three paragraphs, with a headline, a date and a link
ARTICLE = (
    "The river council met on Tuesday evening.\n"
    "Its chair said the new bridge will cost $1.2 billion. Builders expect work to start in spring. "
    "Neighbours asked about noise.\n"
    "The next meeting is in June."
)
BRIDGE = "Its chair said the new bridge will cost $1.2 billion."


@pytest.fixture
def wq(tmp_path):
    return build_queue(tmp_path / "review.queue", hostile=True)


@pytest.fixture
def client(wq):
    with TestClient(create_app(wq.path, secret_key="k")) as c:
        yield c


@pytest.fixture
def double(tmp_path):
    """A queue that needs two verdicts per claim, and a client on it."""
    wq = build_queue(tmp_path / "double.queue", reviews_per_claim=2)
    with TestClient(create_app(wq.path, secret_key="k")) as c:
        yield wq, c


def post_verdict(client, wq, who, cid, body):
    return client.post(f"/api/claims/{cid}/verdicts", headers=bearer(wq.secrets[who]), json=body)


# -- the verdict API ----------------------------------------------------------------------

def test_not_a_claim_is_stored_without_a_rating(client, wq):
    cid = wq.claim_ids[0]
    r = post_verdict(client, wq, "bob", cid, {"not_a_claim": True, "note": "a schedule, nothing to check"})
    assert r.status_code == 201
    v = r.json()
    assert v["not_a_claim"] is True and v["rating"] is None and v["note"] == "a schedule, nothing to check"
    with Queue(wq.path) as q:
        assert q.verdict(v["verdict_id"])["not_a_claim"] is True


@pytest.mark.parametrize("body,needle", [
    ({}, "rating"),
    ({"rating": "true", "not_a_claim": True}, "not both"),
    ({"rating": "pants-on-fire"}, "mostly-true"),
    ({"rating": "true", "evidence": ["ftp://example.org/file"]}, "http"),
    ({"rating": "true", "evidence": ["javascript:alert(document.domain)"]}, "http"),
    ({"rating": "true", "source": {"start": 5, "end": 999999}}, "inside the document"),
    ({"rating": "true", "source": {"start": 30, "end": 10}}, "source"),
    ({"rating": "true", "facets": [{"start": 0, "end": 4, "kind": "weight", "value": 3}]}, "kind"),
])
def test_refused_verdicts_are_422_and_store_nothing(client, wq, body, needle):
    cid = wq.find("1,200 passengers")
    r = post_verdict(client, wq, "bob", cid, body)
    assert r.status_code == 422, r.text
    assert needle in r.json()["error"]
    assert client.get(f"/api/claims/{cid}", headers=bearer(wq.secrets["ed"])).json()["verdicts"] == []


def test_source_correction_and_no_source(client, wq):
    cid = wq.find("1,200 passengers")
    claim = client.get(f"/api/claims/{cid}", headers=bearer(wq.secrets["ed"])).json()["claim"]
    start = claim["start"] + claim["text"].index("port authority")
    r = post_verdict(client, wq, "bob", cid, {"rating": "true", "source": {"start": start, "end": start + 14}})
    assert r.status_code == 201
    assert r.json()["source_corrected"] is True
    assert r.json()["source"] == {"start": start, "end": start + 14, "text": "port authority"}
    r = post_verdict(client, wq, "alice", cid, {"rating": "true", "source": None})
    assert r.status_code == 201 and r.json()["source_corrected"] is True and r.json()["source"] is None
    # no source key at all: no correction
    other = wq.find("Harbour Town")
    r = post_verdict(client, wq, "alice", other, {"rating": "true"})
    assert r.json()["source_corrected"] is False


# an invented notice with what JavaScript counts differently (a character outside the BMP is two
# UTF-16 units, one code point) and what the HTML parser rewrites (CR LF and a lone CR become LF)
NOTICE = ("Market day \U0001F955\U0001F955 notes.\r\n"
          "The \U0001F9D1\u200D\U0001F373 guild Oakridge Bakers said rents rose 8 percent in 2025,\r\n"
          "then fell\rby spring.")
RENTS = ("The \U0001F9D1\u200D\U0001F373 guild Oakridge Bakers said rents rose 8 percent in 2025,\r\n"
         "then fell\rby spring.")


def notice_queue(path, doc=NOTICE):
    """Return (queue, claim id) of a queue with the RENTS claim of ``doc``, whose text it holds."""
    wq = build_queue(path)
    with Queue(wq.path) as q:
        assert q.add_claims([record("notice", doc, RENTS, label="sourced")]).added == 1
        assert q.add_documents([(None, 1, {"doc_id": "notice", "text": doc})]) == (1, [])
        return wq, next(r["claim_id"] for r in q.list_items(limit=100) if r["doc_id"] == "notice")


@pytest.fixture
def notice(tmp_path):
    """Return (client, queue, claim id) for the RENTS claim of NOTICE."""
    wq, cid = notice_queue(tmp_path / "notice.queue")
    with TestClient(create_app(wq.path, secret_key="k")) as c:
        yield c, wq, cid


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("words,shift,sent", [
    ("Oakridge Bakers", 0, None),                                  # right offsets
    ("Oakridge Bakers", "utf16", None),                            # counted in UTF-16 units: 2 too far
    ("2025,\r\nthen", "utf16", "2025,\nthen"),                    # the page lost the CR of CR LF
    ("fell\rby", -1, "fell\nby"),                                  # a lone CR the page showed as LF
    ("by", "lf", None),                                            # offsets counted without the CRs
    ("Market", 0, None),
])
def test_a_picked_source_snaps_to_the_selected_words(notice, words, shift, sent):
    client, wq, cid = notice
    start = NOTICE.index(words)
    if shift == "utf16":
        given = _utf16(NOTICE[:start])
    elif shift == "lf":
        given = start - NOTICE[:start].count("\r")
    else:
        given = start + shift
    sent = sent or words
    r = post_verdict(client, wq, "bob", cid, {"rating": "true", "source": {
        "start": given, "end": given + _utf16(sent), "text": sent}})
    assert r.status_code == 201, r.text
    assert r.json()["source"] == {"start": start, "end": start + len(words), "text": words}


@pytest.mark.parametrize("source,needle", [
    ({"start": 30, "end": 45, "text": "Riverside Bakers"}, "not in the document near offset 30"),
    ({"start": 30, "end": 45, "text": " \r\n "}, "empty"),
    ({"start": 30, "end": 45, "text": ""}, "source.text"),
    ({"start": 10**30, "end": 10**30 + 8, "text": "Oakridge"}, "not in the document near offset"),
])
def test_a_picked_source_not_in_the_document_is_refused(notice, source, needle):
    client, wq, cid = notice
    r = post_verdict(client, wq, "bob", cid, {"rating": "true", "source": source})
    assert r.status_code == 422, r.text
    assert needle in r.json()["error"]
    assert client.get(f"/api/claims/{cid}", headers=bearer(wq.secrets["ed"])).json()["verdicts"] == []


def test_a_picked_source_is_never_looked_for_far_from_its_offsets(tmp_path):
    from factcheck.web.spans import NEAR

    doc = NOTICE + " " + "x" * (3 * NEAR) + " Walnut Lane."
    wq, cid = notice_queue(tmp_path / "far.queue", doc)
    client = TestClient(create_app(wq.path, secret_key="k"))
    at = doc.index("Walnut")
    r = post_verdict(client, wq, "bob", cid, {"rating": "true", "source": {"start": 0, "end": 6, "text": "Walnut"}})
    assert r.status_code == 422 and "not in the document near offset 0" in r.json()["error"]
    r = post_verdict(client, wq, "bob", cid, {"rating": "true", "source": {"start": at + 3, "end": at + 9,
                                                                        "text": "Walnut"}})
    assert r.status_code == 201 and r.json()["source"] == {"start": at, "end": at + 6, "text": "Walnut"}


def test_a_picked_source_snaps_within_the_claims_without_the_document(client, wq):
    # no document text in the queue: the page showed the claims, and the words are looked for there
    cid = wq.find("1,200 passengers")
    claim = client.get(f"/api/claims/{cid}", headers=bearer(wq.secrets["ed"])).json()["claim"]
    start = claim["start"] + claim["text"].index("port authority")
    r = post_verdict(client, wq, "bob", cid, {"rating": "true", "source": {
        "start": start + 2, "end": start + 16, "text": "port authority"}})
    assert r.status_code == 201 and r.json()["source"] == {"start": start, "end": start + 14, "text": "port authority"}
    r = post_verdict(client, wq, "alice", cid, {"rating": "true", "source": {
        "start": start, "end": start + 14, "text": "port authorities"}})
    assert r.status_code == 422 and "not in the document near offset" in r.json()["error"]


def test_a_source_without_its_words_is_stored_as_given(notice):
    # API clients that send offsets alone (scripts, other tools) keep working as before
    client, wq, cid = notice
    start = NOTICE.index("Oakridge")
    r = post_verdict(client, wq, "bob", cid, {"rating": "true", "source": {"start": start, "end": start + 8}})
    assert r.status_code == 201 and r.json()["source"]["text"] == "Oakridge"


def test_the_claim_page_keeps_every_code_point_of_the_article(notice):
    client, wq, cid = notice
    html = client.get(f"/claims/{cid}", headers=bearer(wq.secrets["alice"])).text
    passage = html[html.index('id="passage"') - 3:html.index("</p>", html.index('id="passage"'))]
    # a raw CR would reach the page's text as LF (CR LF as one LF): it is sent as a reference
    assert "\r" not in passage and passage.count("&#13;") == RENTS.count("\r") == 2
    parser = Runs()
    parser.feed(passage)
    assert len(parser.runs) >= 2
    for offset, text in parser.runs:
        assert NOTICE[offset:offset + len(text)] == text, (offset, text)


def test_facet_corrections_are_stored(client, wq):
    cid = wq.find("$40 million")
    claim = client.get(f"/api/claims/{cid}", headers=bearer(wq.secrets["ed"])).json()["claim"]
    money = next(f for f in claim["facets"] if f["kind"] == "money")
    year = next(f for f in claim["facets"] if f["kind"] == "date")
    body = {"rating": "mostly-true", "facets": [
        {"start": money["start"], "end": money["end"], "value": 42000000},
        {"start": year["start"], "end": year["end"], "not_a_figure": True}]}
    r = post_verdict(client, wq, "bob", cid, body)
    assert r.status_code == 201, r.text
    facets = sorted(r.json()["facets"], key=lambda f: f["start"])
    assert facets[0]["value"] == 42000000 and facets[0]["kind"] == "money" and not facets[0]["not_a_figure"]
    assert facets[1]["not_a_figure"] is True and facets[1]["value"] is None


def test_the_form_post_records_not_a_claim(client, wq):
    csrf = login(client, "alice", wq.secrets["alice"])
    cid = wq.claim_ids[3]
    r = client.post(f"/claims/{cid}/verdict", data={"csrf_token": csrf, "not_a_claim": "1"}, follow_redirects=False)
    assert r.status_code == 303
    mine = [v for v in client.get(f"/api/claims/{cid}").json()["verdicts"] if v["reviewer"] == "alice"]
    assert mine[-1]["not_a_claim"] is True


# -- rulings ------------------------------------------------------------------------------

def dispute(client, wq, cid):
    assert post_verdict(client, wq, "alice", cid, {"rating": "true", "note": "the port's own count",
                                                   "evidence": ["https://example.org/port"]}).status_code == 201
    assert post_verdict(client, wq, "bob", cid, {"rating": "false", "label": "contested",
                                                 "note": "the union counted fewer",
                                                 "evidence": ["https://example.org/union"]}).status_code == 201


def test_a_ruling_without_a_rating_is_refused(double):
    wq, client = double
    cid = wq.find("1,200 passengers")
    dispute(client, wq, cid)
    h = bearer(wq.secrets["ed"])
    for body in ({}, {"rating": ""}, {"rating": None, "label": "sourced"}):
        r = client.post(f"/api/claims/{cid}/adjudicate", headers=h, json=body)
        assert r.status_code == 422 and "rating" in r.json()["error"], body
    csrf = login(client, "ed", wq.secrets["ed"])
    r = client.post(f"/claims/{cid}/adjudicate", data={"csrf_token": csrf, "rating": "", "label": "sourced"})
    assert r.status_code == 422
    claim = client.get(f"/api/claims/{cid}").json()
    assert claim["status"] == "disputed" and not [v for v in claim["verdicts"] if v["kind"] == "adjudication"]


class Options(HTMLParser):
    """The options of every select named rating, per form."""

    def __init__(self):
        super().__init__()
        self.forms, self._select = [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"id": attrs.get("id"), "class": attrs.get("class"), "select": None, "options": []})
        elif tag == "select" and attrs.get("name") == "rating" and self.forms:
            self.forms[-1]["select"] = attrs
            self._select = True
        elif tag == "option" and self._select:
            self.forms[-1]["options"].append(attrs)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = False


def test_ruling_forms_start_with_no_rating(double):
    wq, client = double
    cid = wq.find("1,200 passengers")
    dispute(client, wq, cid)
    h = bearer(wq.secrets["ed"])
    for page in (f"/claims/{cid}", "/disputed"):
        parser = Options()
        parser.feed(client.get(page, headers=h).text)
        rulings = [f for f in parser.forms if f["select"] is not None]
        assert rulings, page
        for form in rulings:
            assert "required" in form["select"]
            first = form["options"][0]
            assert first.get("value") == "" and "selected" in first
            assert not [o for o in form["options"][1:] if "selected" in o]


def test_disputes_page_shows_why_both_answers_and_the_ruling(double):
    wq, client = double
    cid = wq.find("1,200 passengers")
    dispute(client, wq, cid)
    h = bearer(wq.secrets["ed"])
    listed = client.get("/api/disputed", headers=h).json()["items"]
    assert [row["claim_id"] for row in listed] == [cid]
    assert set(listed[0]["reasons"]) >= {"rating", "label"}
    html = client.get("/disputed", headers=h).text
    assert re.findall(r'<b class="reason">([^<]+)</b>', html)[:2] == ["rating", "label"]
    for text in ("the port&#39;s own count", "the union counted fewer", "https://example.org/port",
                 "https://example.org/union"):
        assert text in html
    r = client.post(f"/api/claims/{cid}/adjudicate", headers=h, json={
        "rating": "half-true", "note": "both counts have a point", "evidence": ["https://example.org/ruling"]})
    assert r.status_code == 201 and r.json()["evidence"] == ["https://example.org/ruling"]
    r = client.post(f"/api/claims/{cid}/adjudicate", headers=h, json={"rating": "true", "evidence": ["ftp://x"]})
    assert r.status_code == 422
    ruled = client.get("/disputed?status=resolved", headers=h).text
    assert "Ruling by ed" in ruled and "both counts have a point" in ruled and "https://example.org/ruling" in ruled
    assert "the union counted fewer" in ruled


# -- independent review --------------------------------------------------------------------

def test_a_reviewer_sees_no_peer_verdict_before_their_own(double):
    wq, client = double
    h_alice, h_bob = bearer(wq.secrets["alice"]), bearer(wq.secrets["bob"])
    first = client.get("/api/next", headers=h_bob).json()["claim"]["claim_id"]
    assert post_verdict(client, wq, "bob", first, {"rating": "mostly-true", "note": "bob's secret reasoning"}).status_code == 201
    leased = client.get("/api/next", headers=h_alice)
    assert leased.status_code == 200 and leased.json()["claim"]["claim_id"] == first
    for shown in (leased.text, client.get(f"/api/claims/{first}", headers=h_alice).text,
                  client.get(f"/claims/{first}", headers=h_alice).text):
        assert "bob" not in shown.replace("bob@", "") or "bob&#39;s" not in shown
        assert "secret reasoning" not in shown and "mostly-true</td>" not in shown
    assert client.get(f"/api/claims/{first}", headers=h_alice).json()["verdicts"] == []
    # once alice has given hers, she sees both; an editor sees both all along
    assert client.get(f"/api/claims/{first}", headers=bearer(wq.secrets["ed"])).json()["verdicts"][0]["reviewer"] == "bob"
    assert post_verdict(client, wq, "alice", first, {"rating": "true"}).status_code == 201
    seen = client.get(f"/api/claims/{first}", headers=h_alice).json()["verdicts"]
    assert {v["reviewer"] for v in seen} == {"alice", "bob"}
    assert "secret reasoning" in client.get(f"/claims/{first}", headers=h_alice).text


def test_blind_mode_hides_the_model_from_reviewers_statistics(tmp_path):
    wq = build_queue(tmp_path / "blind.queue", blind=True)
    client = TestClient(create_app(wq.path, secret_key="k"))
    with Queue(wq.path) as q:
        q.record_verdict(wq.claim_ids[0], "alice", "true", label="contested")
        q.record_verdict(wq.claim_ids[1], "bob", None, not_a_claim=True)
    reviewer = client.get("/api/stats", headers=bearer(wq.secrets["alice"])).json()
    assert reviewer["blind"] is True
    assert "ratings_by_label" not in reviewer and not reviewer["by_label"]
    assert "label_confusion" not in reviewer["insights"] and "not_a_claim_by_band" not in reviewer["insights"]
    page = client.get("/stats", headers=bearer(wq.secrets["alice"])).text
    assert 'id="by-label"' not in page and 'id="confusion"' not in page and 'id="by-band"' not in page
    for label in ("sourced", "estimated", "contested", "unsourced"):
        assert f">{label}<" not in page
    # blind mode hides the model everywhere: the editor's statistics too
    editor = client.get("/api/stats", headers=bearer(wq.secrets["ed"])).json()
    assert "ratings_by_label" not in editor and "label_confusion" not in editor["insights"]
    assert editor["insights"]["time_to_verdict"]["claims"] == 2


def test_model_figures_are_for_editors(client, wq):
    with Queue(wq.path) as q:
        q.record_verdict(wq.claim_ids[0], "alice", "true", label="contested")
    reviewer = client.get("/api/stats", headers=bearer(wq.secrets["bob"])).json()
    assert "ratings_by_label" not in reviewer and "label_confusion" not in reviewer["insights"]
    editor = client.get("/api/stats", headers=bearer(wq.secrets["ed"])).json()
    assert editor["ratings_by_label"] and editor["insights"]["label_confusion"]["verdicts"] == 1
    assert 'id="confusion"' in client.get("/stats", headers=bearer(wq.secrets["ed"])).text
    assert 'id="confusion"' not in client.get("/stats", headers=bearer(wq.secrets["bob"])).text


def test_stats_tell_the_editor_about_the_model(client, wq):
    with Queue(wq.path) as q:
        q.record_verdict(wq.find("1,200"), "alice", "true")                          # sourced kept
        q.record_verdict(wq.find("$40 million"), "alice", "false", label="contested")  # estimated -> contested
        q.record_verdict(wq.find("Ticket prices"), "bob", "true", label="unsourced")  # sourced -> unsourced
        q.record_verdict(wq.find("Harbour Town"), "bob", None, not_a_claim=True)      # 0.55: band 0.4-0.6
        q.record_verdict(wq.find("old pier"), "alice", None, not_a_claim=True)        # 0.3: band 0.2-0.4
    found = client.get("/api/stats", headers=bearer(wq.secrets["ed"])).json()["insights"]
    rows = found["label_confusion"]["rows"]
    assert rows["sourced"] == {"sourced": 1, "unsourced": 1} and rows["estimated"] == {"contested": 1}
    assert found["label_confusion"]["verdicts"] == 3 and found["label_confusion"]["agree"] == pytest.approx(1 / 3, abs=1e-3)
    bands = {b["band"]: b for b in found["not_a_claim_by_band"]}
    assert bands["0.4-0.6"] == {"band": "0.4-0.6", "verdicts": 1, "not_a_claim": 1, "rate": 1.0}
    assert bands["0.2-0.4"]["rate"] == 1.0 and bands["0.8-1.0"]["not_a_claim"] == 0
    assert bands["0.8-1.0"]["verdicts"] == 3
    assert found["time_to_verdict"]["claims"] == 5 and found["time_to_verdict"]["median_hours"] < 1
    backlog = found["backlog_by_day"]
    assert backlog and backlog[-1][1] == len(wq.claim_ids) - 5
    html = client.get("/stats", headers=bearer(wq.secrets["ed"])).text
    assert 'id="label-agree">33%<' in html and 'id="backlog"' in html and 'id="time-to-verdict"' in html


# -- the article -------------------------------------------------------------------------

class Runs(HTMLParser):
    """The text of every element that carries a document offset (data-o), as a browser sees it."""

    def __init__(self):
        super().__init__()
        self.runs, self._stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-o" in attrs:
            self._stack.append([int(attrs["data-o"]), ""])
        elif self._stack:
            self._stack.append(None)

    def handle_endtag(self, tag):
        if self._stack:
            top = self._stack.pop()
            if top is not None:
                self.runs.append(tuple(top))

    def handle_data(self, data):
        for entry in self._stack:  # a run's text includes the text of the marks inside it
            if entry is not None:
                entry[1] += data


def article_queue(tmp_path, *, title="River council: the bridge", url="https://news.example/bridge"):
    wq = build_queue(tmp_path / "article.queue")
    rec = record("bridge", ARTICLE, BRIDGE, label="sourced", checkworthiness=0.9,
                 cues=[("sourced", "said")], source="Its chair", facets=[("money", "$1.2 billion", 1200000000)])
    rec["facets"][0].update(approximate=True, unit="USD")
    with Queue(wq.path) as q:
        assert q.add_claims([rec]).added == 1
        stored, errors = q.add_documents([(None, 1, {"doc_id": "bridge", "text": ARTICLE, "title": title,
                                                     "published": "2026-03-04", "url": url})])
        assert stored == 1 and not errors
        cid = next(r["claim_id"] for r in q.list_items(limit=100) if r["doc_id"] == "bridge")
    return wq, cid


def test_claim_page_shows_the_paragraph_headline_date_and_link(tmp_path):
    wq, cid = article_queue(tmp_path)
    client = TestClient(create_app(wq.path, secret_key="k"))
    html = client.get(f"/claims/{cid}", headers=bearer(wq.secrets["alice"])).text
    assert '<h1 id="doc-title">River council: the bridge</h1>' in html
    assert '<time id="published" datetime="2026-03-04">2026-03-04</time>' in html
    assert 'id="article-link" href="https://news.example/bridge"' in html
    # the whole paragraph, the sentence before it and the one after it
    for text in ("Builders expect work to start in spring.", "Neighbours asked about noise.",
                 "The river council met on Tuesday evening.", "The next meeting is in June."):
        assert text in html
    # every run of article text carries the offset where the article has it
    parser = Runs()
    parser.feed(html[html.index('id="passage"') - 3:html.index("</p>", html.index('id="passage"'))])
    assert len(parser.runs) >= 4
    for offset, text in parser.runs:
        assert ARTICLE[offset:offset + len(text)] == text, (offset, text)
    assert '<mark class="facet facet-money"' in html
    assert '<td class="facet-shown">$1.2 billion, approx.</td>' in html


def test_hostile_headline_and_link_are_inert(tmp_path):
    wq, cid = article_queue(tmp_path, title="<script>alert('t')</script><img src=x onerror=alert(1)>",
                            url="javascript:alert(document.cookie)")
    client = TestClient(create_app(wq.path, secret_key="k"))
    html = client.get(f"/claims/{cid}", headers=bearer(wq.secrets["alice"])).text
    assert "<script>alert" not in html and "<img src" not in html
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in html
    assert "javascript:" not in html


# -- undo gives back what was typed ---------------------------------------------------------

def test_undo_brings_back_the_note_evidence_and_label(client, wq):
    csrf = login(client, "alice", wq.secrets["alice"])
    cid = wq.find("1,200 passengers")
    h = {"X-CSRF-Token": csrf}
    r = client.post(f"/api/claims/{cid}/verdicts", headers=h, json={
        "rating": "mostly-false", "label": "contested", "note": "line one\nline two",
        "evidence": ["https://example.org/a", "https://example.org/b"]})
    assert r.status_code == 201
    undone = client.post("/api/undo", headers=h).json()
    assert undone["kind"] == "retraction" and undone["supersedes"] == r.json()["verdict_id"]
    html = client.get(f"/claims/{cid}?restore={undone['supersedes']}").text
    assert 'id="restored"' in html
    assert re.search(r'<textarea name="note" id="note"[^>]*>line one\nline two</textarea>', html)
    assert re.search(r'<textarea name="evidence" id="evidence"[^>]*>https://example.org/a\nhttps://example.org/b</textarea>', html)
    assert '<option value="contested" selected>' in html
    assert re.search(r'value="mostly-false" data-key="4" checked', html)
    # someone else's verdict is never put into the form
    bob = post_verdict(client, wq, "bob", wq.claim_ids[0], {"rating": "true", "note": "bob's note"}).json()
    other = client.get(f"/claims/{wq.claim_ids[0]}?restore={bob['verdict_id']}").text
    assert "bob&#39;s note" not in other and 'id="restored"' not in other


# -- the queue list: keyset pages --------------------------------------------------------------

def test_keyset_pages_walk_the_whole_queue_in_order(tmp_path):
    wq = build_queue(tmp_path / "many.queue")
    docs = [{"doc_id": f"d{i // 7}", "text": f"Claim number {i} says {i % 5} things.", "start": (i % 7) * 100,
             "end": (i % 7) * 100 + len(f"Claim number {i} says {i % 5} things."),
             "checkworthiness": round((i % 13) / 13, 3), "label": "sourced"} for i in range(260)]
    with Queue(wq.path) as q:
        assert q.add_claims(docs).added == 260
        expected = [r["claim_id"] for r in q.list_items(limit=1000)]
    client = TestClient(create_app(wq.path, secret_key="k"))
    h = bearer(wq.secrets["alice"])
    seen, cursor, positions = [], None, []
    while True:
        page = client.get("/api/claims", params={"limit": 37, **({"after": cursor} if cursor else {})}, headers=h).json()
        positions.append(page["offset"])
        seen += [row["claim_id"] for row in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == expected and positions == list(range(0, len(expected), 37))
    # and back from the last page
    back = client.get("/api/claims", params={"limit": 37, "before": page["previous"]}, headers=h).json()
    assert [row["claim_id"] for row in back["items"]] == expected[positions[-2]:positions[-1]]
    assert back["offset"] == positions[-2]
    # the page links carry cursors; a broken cursor is a 422
    html = client.get("/", headers=h).text
    assert '<a href="?after=' in html and 'id="next-page"' in html
    assert client.get("/api/claims?after=bm9wZQ", headers=h).status_code == 422
    # filtered by status the walk still ends
    pending = client.get("/api/claims", params={"status": "pending", "limit": 500}, headers=h).json()
    assert pending["next"] is None and len(pending["items"]) == pending["count"]


# -- throttling ------------------------------------------------------------------------------

def test_wrong_secrets_elsewhere_never_keep_the_right_secret_out(wq):
    app = create_app(wq.path, secret_key="k")
    attacker = TestClient(app, client=("203.0.113.9", 5000))
    editor = TestClient(app, client=("198.51.100.4", 5000))
    for _ in range(30):
        r = attacker.post("/login", data={"name": "ed", "secret": "guess"}, follow_redirects=False)
        assert r.status_code in (401, 429)
    assert r.status_code == 429
    r = editor.post("/login", data={"name": "ed", "secret": wq.secrets["ed"]}, follow_redirects=False)
    assert r.status_code == 303


def test_throttle_delays_grow_and_the_right_secret_clears_them():
    now = [0.0]
    t = Throttle(limit=3, window=900, clock=lambda: now[0], base=1.0, cap=60.0)
    waits = []
    for _ in range(9):
        t.fail("c\x00ed")
        waits.append(t.retry_after("c\x00ed"))
    assert waits[:2] == [0.0, 0.0] and waits[2] > 0
    assert waits[2] < waits[3] < waits[4] < waits[5] and max(waits) <= 60.0
    now[0] = 30.0
    assert t.retry_after("c\x00ed") > 0 and t.retry_after("other\x00ed") == 0
    t.clear("c\x00ed")
    assert t.retry_after("c\x00ed") == 0
    # a count is forgotten a window after the last failure
    for _ in range(5):
        t.fail("d")
    now[0] = 30.0 + 901
    assert t.retry_after("d") == 0


def test_the_right_secret_clears_the_name_count(wq):
    app = create_app(wq.path, secret_key="k", throttle_limit=3)
    c = TestClient(app)
    for _ in range(2):
        assert c.post("/login", data={"name": "alice", "secret": "typo"}).status_code == 401
    assert c.post("/login", data={"name": "alice", "secret": wq.secrets["alice"]}, follow_redirects=False).status_code == 303
    for _ in range(2):
        assert c.post("/login", data={"name": "alice", "secret": "typo"}).status_code == 401


def test_list_counts_follow_every_write(client, wq):
    h = bearer(wq.secrets["alice"])

    def reviewed():
        return client.get("/api/claims", headers=h).json()["counts"]["reviewed"]

    assert reviewed() == 0 and reviewed() == 0  # the second answer comes from the kept counts
    with Queue(wq.path) as q:  # another connection, as the CLI would be
        q.record_verdict(wq.claim_ids[0], "bob", "true")
    assert reviewed() == 1
    assert post_verdict(client, wq, "alice", wq.claim_ids[1], {"rating": "false"}).status_code == 201
    assert reviewed() == 2
    assert client.get("/api/claims?status=reviewed", headers=h).json()["count"] == 2
