"""Fixtures of the browser tests: Debian's Chromium driven by Playwright (skipped without them),
and a page per screen size."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browsing import CHROMIUM, VIEWPORTS  # noqa: E402


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("uvicorn")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, browser):
    """Return (page, viewport name, width) in a fresh browser context of that size; the page
    fails the test on any script dialog or console error (a CSP violation shows up as one)
    other than those a ``console_allows`` marker expects."""
    context = browser.new_context(viewport=VIEWPORTS[request.param], is_mobile=request.param == "phone",
                                  has_touch=request.param == "phone")
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
    page.on("console", lambda m: problems.append("console: " + m.text) if m.type == "error" else None)
    yield page, request.param, VIEWPORTS[request.param]["width"]
    context.close()
    allowed = [m.args[0] for m in request.node.iter_markers("console_allows")]
    assert [p for p in problems if not any(a in p for a in allowed)] == []
