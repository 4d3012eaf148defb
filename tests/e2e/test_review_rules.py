"""Issue 12's review rules in a real browser, at 1280 and at 390 px: a reviewer never sees a
peer's verdict before giving their own; evidence is checked as on the CLI; a claim becomes
settled only by agreeing verdicts; wrong secrets slow a name down without locking its owner out;
the editor's statistics page says how the model does, and blind review hides the model there too."""
from __future__ import annotations

import time

import httpx
import pytest
from browsing import serving
from test_review_screens import TICKETS, log_in, open_claim, saved_and_moved_on
from test_web_fixtures import bearer, build_queue, record

from factcheck.queue import Queue

pytestmark = pytest.mark.browser

SCHOOL_DOC = "The school board said 40 teachers were hired this year. Parents welcomed the news."
SCHOOL = "The school board said 40 teachers were hired this year."


@pytest.fixture
def double(tmp_path):
    """Return (base URL, queue, claim ids) over a queue needing two verdicts a claim, where bob
    has rated the tickets claim."""
    wq = build_queue(tmp_path / "rules.queue", reviews_per_claim=2)
    with Queue(wq.path) as q:
        assert q.add_claims([record("tickets", TICKETS, TICKETS, label="sourced", checkworthiness=0.8,
                                    cues=[("sourced", "according to")])]).added == 1
        assert q.add_claims([record("school", SCHOOL_DOC, SCHOOL, label="sourced", checkworthiness=0.7,
                                    cues=[("sourced", "said")], facets=[("count", "40 teachers", 40)])]).added == 1
        ids = {row["text"]: row["claim_id"] for row in q.list_items(limit=100)}
        q.record_verdict(ids[TICKETS], "bob", "mostly-true", note="bob checked the fare table",
                         evidence=["https://example.org/fares"])
    with serving(wq.path) as base:
        yield base, wq, {"tickets": ids[TICKETS], "school": ids[SCHOOL]}


def api_claim(base, wq, cid):
    with httpx.Client(base_url=base, headers=bearer(wq.secrets["ed"])) as api:
        return api.get(f"/api/claims/{cid}").json()


def rate(page, rating, note=""):
    page.check(f"input[name=rating][value={rating}]")
    if note:
        page.fill("#note", note)
    page.click("#submit")


def test_a_peer_verdict_stays_hidden_until_ones_own(double, screen):
    base, wq, claims = double
    page = screen[0]
    log_in(page, base, wq, "alice")
    cid = claims["tickets"]
    open_claim(page, base, cid)
    body = page.inner_text("body")
    assert "bob checked the fare table" not in body and "mostly-true" not in page.inner_text("section.verdicts")
    assert page.locator("#independent").is_visible()
    assert "example.org/fares" not in page.content()
    # nor through the API that the page itself calls
    with httpx.Client(base_url=base, headers=bearer(wq.secrets["alice"])) as api:
        assert "bob" not in api.get(f"/api/claims/{cid}").text
    rate(page, "half-true", "alice read the fare table too")
    saved_and_moved_on(page, cid)
    open_claim(page, base, cid)  # her own verdict given: now she may see bob's
    assert "bob checked the fare table" in page.inner_text("#verdicts")


@pytest.mark.console_allows("status of 422")
def test_evidence_that_is_not_a_web_link_is_refused(double, screen):
    base, wq, claims = double
    page = screen[0]
    log_in(page, base, wq, "alice")
    cid = claims["school"]
    open_claim(page, base, cid)
    page.check("input[name=rating][value=true]")
    page.fill("#evidence", "javascript:alert(document.domain)")
    page.click("#submit")
    error = page.locator("#form-error")
    error.wait_for(state="visible")
    assert "http" in error.inner_text()
    assert [v for v in api_claim(base, wq, cid)["verdicts"] if v["reviewer"] == "alice"] == []
    page.fill("#evidence", "https://example.org/board-minutes")
    page.click("#submit")
    saved_and_moved_on(page, cid)
    mine = [v for v in api_claim(base, wq, cid)["verdicts"] if v["reviewer"] == "alice"]
    assert [v["evidence"] for v in mine] == [["https://example.org/board-minutes"]]


def test_a_claim_is_settled_only_when_two_verdicts_agree(double, screen):
    base, wq, claims = double
    page = screen[0]
    cid = claims["school"]
    log_in(page, base, wq, "alice")
    open_claim(page, base, cid)
    rate(page, "true")
    saved_and_moved_on(page, cid)
    assert api_claim(base, wq, cid)["settled"] is None
    open_claim(page, base, cid)
    assert page.inner_text("#settled") == "not settled yet"
    page.click("form.logout button")
    log_in(page, base, wq, "bob")
    open_claim(page, base, cid)
    rate(page, "true")
    saved_and_moved_on(page, cid)
    page.click("form.logout button")
    log_in(page, base, wq, "ed")
    open_claim(page, base, cid)
    assert page.inner_text("#settled") == "settled by agreement: true"
    assert api_claim(base, wq, cid)["settled"]["rating"] == "true"


@pytest.mark.console_allows("status of 401")
@pytest.mark.console_allows("status of 429")
def test_wrong_secrets_slow_a_name_down_but_never_lock_it_out(double, screen):
    base, wq, _ = double
    page = screen[0]
    told_to_wait = False
    for _ in range(12):
        log_in_attempt(page, base, "alice", "not-her-secret")
        text = page.inner_text("main").lower()
        if "wait" in text or "try again" in text:
            told_to_wait = True
            break
    assert told_to_wait, "wrong secrets were never slowed down"
    # the right secret still works once the (growing, short at first) delay has passed
    deadline = time.monotonic() + 20
    while True:
        log_in_attempt(page, base, "alice", wq.secrets["alice"])
        if page.url == base + "/":
            break
        assert time.monotonic() < deadline, "the right secret stayed locked out"
        time.sleep(1)
    # and bob, from the same browser, was never slowed down by alice's name
    page.click("form.logout button")
    log_in(page, base, wq, "bob")


def log_in_attempt(page, base, name, secret):
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#secret", secret)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_stats_page_tells_the_editor_about_the_model(double, screen):
    base, wq, claims = double
    page, _, width = screen
    with Queue(wq.path) as q:
        q.record_verdict(claims["school"], "alice", "true", label="estimated")
        q.record_verdict(claims["school"], "bob", None, not_a_claim=True)
    log_in(page, base, wq, "ed")
    page.goto(base + "/stats")
    confusion = page.locator("#confusion table.confusion")
    assert confusion.is_visible()
    assert "sourced" in confusion.inner_text() and "estimated" in confusion.inner_text()
    for figure in ("#by-band", "#time-to-verdict", "#backlog"):
        assert page.locator(figure).count() == 1, figure
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_blind_review_hides_the_model_on_the_stats_page(tmp_path, screen):
    page = screen[0]
    wq = build_queue(tmp_path / "blind.queue", blind=True)
    with Queue(wq.path) as q:
        q.record_verdict(wq.claim_ids[0], "bob", "false")
    with serving(wq.path) as base:
        log_in(page, base, wq, "alice")
        page.goto(base + "/stats")
        assert page.locator("#stats-blind").is_visible()
        assert page.locator("#confusion").count() == 0 and page.locator("#by-label").count() == 0
        open_claim(page, base, wq.claim_ids[1])
        assert "Blind review" in page.inner_text("#model-details")
        assert page.locator("mark.cue").count() == 0 and page.locator("mark.source").count() == 0
