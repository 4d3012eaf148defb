"""Claim matching in a real browser (Debian's Chromium, Playwright), at 1280 and at 390 px: the
"checked before" panel on the claim page, the r key that reuses an earlier verdict (and, with the
c key, gives the claim's copies in other articles the verdict too), and a match on other figures
that the key refuses."""
from __future__ import annotations

import httpx
import pytest
from browsing import serving
from test_web_fixtures import bearer

from factcheck.queue import Queue

pytestmark = pytest.mark.browser

# invented sentences: a settled claim, the same figure said otherwise, its copy in a third
# article, and the claim with another figure
CLAIMS = [
    ("old", "harbour-weekly", "The harbour authority logged 4,310 ship calls during the last winter season."),
    ("new", "coast-daily", "During the last winter season the harbour authority logged 4,310 ship calls."),
    ("copy", "port-news", "During the last winter season the harbour authority logged 4,310 ship calls."),
    ("other", "bay-herald", "The harbour authority logged 2,950 ship calls during the last winter season."),
]


@pytest.fixture
def site(tmp_path):
    path = tmp_path / "reuse.queue"
    secrets = {}
    with Queue(path) as q:
        q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text,
                       "label": "sourced", "checkworthiness": 0.9} for cid, doc, text in CLAIMS])
        for name, role in (("rita", "reviewer"), ("alice", "reviewer"), ("ed", "editor")):
            secrets[name] = q.add_reviewer(name, role)
        q.record_verdict("old", "rita", "mostly-true", evidence=["https://harbour.example.org/winter-report"])
        reused = q.get_claim("old")["verdicts"][0]["verdict_id"]
    with serving(path) as base:
        yield base, secrets, reused


def log_in(page, base, secrets, name):
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#secret", secrets[name])
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")


def current(base, secrets, cid):
    with httpx.Client(base_url=base, headers=bearer(secrets["ed"])) as api:
        return [v for v in api.get(f"/api/claims/{cid}").json()["verdicts"] if v["current"] and v["kind"] == "verdict"]


def test_r_reuses_the_verdict_checked_before_and_c_settles_the_copy(site, screen):
    base, secrets, reused = site
    page, name, width = screen
    log_in(page, base, secrets, "alice")
    page.goto(base + "/claims/new")
    panel = page.locator("#checked-before")
    panel.wait_for()
    text = panel.inner_text()
    assert "mostly-true" in text and "4,310 ship calls" in text and "figures agree" in text and "harbour-weekly" in text
    assert page.get_attribute("#checked-before a", "href") == "https://harbour.example.org/winter-report"
    assert "Also in 1 other article" in page.inner_text("#copies")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.keyboard.press("c")
    assert page.is_checked("#apply-copies")
    page.keyboard.press("r")
    page.wait_for_function("() => { const f = document.querySelector('#verdict-form');"
                           " return (f && f.dataset.claimId !== 'new') || document.querySelector('#done'); }")
    [v] = current(base, secrets, "new")
    assert (v["reviewer"], v["rating"], v["reuses"]) == ("alice", "mostly-true", reused)
    assert v["evidence"] == ["https://harbour.example.org/winter-report"]
    [c] = current(base, secrets, "copy")
    assert (c["reviewer"], c["rating"], c["reuses"]) == ("alice", "mostly-true", v["verdict_id"])


def test_r_refuses_a_verdict_on_other_figures(site, screen):
    base, secrets, _ = site
    page, name, width = screen
    log_in(page, base, secrets, "alice")
    page.goto(base + "/claims/other")
    page.locator("#checked-before").wait_for()
    assert "2,950 ship calls here, 4,310 ship calls there" in page.inner_text("#checked-before")
    assert page.is_disabled("#checked-before button.reuse")
    assert "Cannot be reused" in page.inner_text("#checked-before")
    page.keyboard.press("r")
    page.wait_for_selector("#form-error:not([hidden])")
    assert "No earlier verdict with the same figures" in page.inner_text("#form-error")
    assert page.get_attribute("#verdict-form", "data-claim-id") == "other"
    assert current(base, secrets, "other") == []
