"""End to end in a real browser: Debian's Chromium driven by Playwright, against uvicorn.

Logs in and reviews three claims with the keyboard alone (skipping one, undoing the last), then
checks the verdicts through the API and saves a screenshot of the claim page in ``tests/e2e/artifacts/``.
Needs ``pip install playwright`` and ``apt-get install chromium``; skipped without them.
"""
from __future__ import annotations

import os

import pytest
from browsing import ARTIFACTS, CHROMIUM, serving

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("uvicorn")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

from test_web_fixtures import bearer, build_queue  # noqa: E402


@pytest.fixture
def server(tmp_path):
    """Return (base URL, queue) of a uvicorn server on a free local port, stopped afterwards."""
    wq = build_queue(tmp_path / "e2e.queue", hostile=True)
    with serving(wq.path) as base:
        yield base, wq


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def current_claim(page) -> str:
    return page.get_attribute("#verdict-form", "data-claim-id")


def wait_for_other_claim(page, previous: str) -> str:
    page.wait_for_function(
        "prev => { const f = document.querySelector('#verdict-form'); return f && f.dataset.claimId !== prev; }",
        arg=previous)
    return current_claim(page)


def test_review_three_claims_with_the_keyboard(server, page):
    import httpx

    base, wq = server
    dialogs, console_errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    # log in with the keyboard: the name field has focus (autofocus is applied after load, so wait
    # for it rather than type into a page that has not focused it yet: CI saw that race once)
    page.goto(base + "/login")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'name'")
    page.keyboard.type("alice")
    page.keyboard.press("Tab")
    page.keyboard.type(wq.secrets["alice"])
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/")
    assert "alice" in page.inner_text("header")

    page.goto(base + "/next")
    page.wait_for_selector("#verdict-form")
    first = current_claim(page)
    # 1: rate "true" and save
    page.keyboard.press("1")
    assert page.is_checked('input[name="rating"][value="true"]')
    page.keyboard.press("Enter")
    second = wait_for_other_claim(page, first)

    # 2: rate "false", correct the label once (to the first label), write a note, leave it, save
    page.keyboard.press("5")
    page.keyboard.press("l")
    page.keyboard.press("n")
    page.keyboard.type("Checked against the council budget.")
    page.keyboard.press("Escape")
    page.keyboard.press("e")
    page.keyboard.type("https://example.org/budget")
    page.keyboard.press("Escape")
    page.keyboard.press("Enter")
    third = wait_for_other_claim(page, second)

    # 3: skip this one, then rate the next "half-true" with Ctrl+Enter from inside the note
    page.keyboard.press("s")
    fourth = wait_for_other_claim(page, third)
    page.keyboard.press("3")
    page.keyboard.press("n")
    page.keyboard.type("Roughly right.")
    page.keyboard.press("Control+Enter")
    fifth = wait_for_other_claim(page, fourth)
    assert len({first, second, third, fourth, fifth}) == 5

    # the verdicts, read back through the API with a bearer secret
    with httpx.Client(base_url=base, headers=bearer(wq.secrets["ed"])) as api:
        def mine(cid):
            return [v for v in api.get(f"/api/claims/{cid}").json()["verdicts"] if v["reviewer"] == "alice"]
        [v1], [v2], [v4] = mine(first), mine(second), mine(fourth)
        assert (v1["rating"], v1["label"], v1["note"]) == ("true", None, None)
        assert (v2["rating"], v2["label"], v2["note"], v2["evidence"]) == (
            "false", "contested", "Checked against the council budget.", ["https://example.org/budget"])
        assert (v4["rating"], v4["note"]) == ("half-true", "Roughly right.")
        assert mine(third) == []
        assert api.get("/api/stats").json()["by_reviewer"] == {"alice": 3}

    # u takes back the last verdict and returns to its claim
    page.keyboard.press("u")
    assert wait_for_other_claim(page, fifth) == fourth
    with httpx.Client(base_url=base, headers=bearer(wq.secrets["ed"])) as api:
        verdicts = api.get(f"/api/claims/{fourth}").json()["verdicts"]
        assert [v["kind"] for v in verdicts if v["reviewer"] == "alice" and v["current"]] == []
        assert verdicts[-1]["kind"] == "retraction"

    # the hostile claim is inert in a real browser too
    page.goto(base + "/claims/hostile-1")
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
    assert "<script>alert('x')</script>" in page.inner_text("#claim-sentence")

    # the screenshot of a claim page with facets and cues
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(base + f"/claims/{wq.find('$40 million')}")
    page.keyboard.press("2")
    page.screenshot(path=str(ARTIFACTS / "claim_page.png"), full_page=True)
    page.goto(base + "/stats")
    page.screenshot(path=str(ARTIFACTS / "stats_page.png"), full_page=True)
    assert dialogs == []
    assert console_errors == []  # a CSP violation would show up here
