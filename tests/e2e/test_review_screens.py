"""Issue 12 in a real browser (Debian's Chromium, Playwright), each test at 1280 and at 390 px:
every page fits the screen, the ratings come first on a phone, Enter adds a line and Ctrl+Enter
saves, undo gives back what was typed, the not-a-claim key, the source picked by clicking or
selecting words or dragging the mouse (document offsets, whatever characters the article holds),
facet corrections, a ruling form with no default, hostile
article text inert and a peer's verdict hidden until one's own."""
from __future__ import annotations

import httpx
import pytest
from browsing import ARTIFACTS, serving
from test_web_fixtures import DOC, bearer, build_queue, record

from factcheck.queue import Queue

pytestmark = pytest.mark.browser

ARTICLE = (
    "The river council met on Tuesday evening to discuss the crossing and its cost overruns in detail.\n"
    "Its chair said the new bridge will cost $1.2 billion. Builders expect work to start in spring. "
    "Neighbours asked about noise.\n"
    "The next meeting is in June."
)
BRIDGE = "Its chair said the new bridge will cost $1.2 billion."
LONG_URL = "https://example.org/" + "a-very-long-path-segment-without-breaks-" * 6
TICKETS = "Ticket prices rose 12 percent last year, according to the city's transport office."


@pytest.fixture
def site(tmp_path):
    """Return (base URL, queue, claim ids by name) over a queue needing two verdicts a claim,
    with an article, a dispute with long notes and links, and bob's verdict on the tickets claim."""
    wq = build_queue(tmp_path / "screens.queue", reviews_per_claim=2, hostile=True)
    rec = record("bridge", ARTICLE, BRIDGE, label="sourced", checkworthiness=0.9, cues=[("sourced", "said")],
                 source="Its chair", facets=[("money", "$1.2 billion", 1200000000)])
    rec["facets"][0].update(approximate=True, unit="USD")
    with Queue(wq.path) as q:
        assert q.add_claims([rec]).added == 1
        stored, errors = q.add_documents([(None, 1, {
            "doc_id": "bridge", "text": ARTICLE, "published": "2026-03-04", "url": "https://news.example/bridge",
            "title": "River council weighs the cost of a bridge that the city has debated for a decade"})])
        assert stored == 1 and not errors
        ids = {row["text"]: row["claim_id"] for row in q.list_items(limit=100)}
        claims = {"bridge": ids[BRIDGE], "tickets": ids[TICKETS],
                  "ferry": wq.find("1,200 passengers"), "budget": wq.find("$40 million"),
                  "pier": wq.find("old pier"), "hostile": "hostile-1"}
        q.record_verdict(claims["ferry"], "alice", "true", note="The port's count " * 20, evidence=[LONG_URL])
        q.record_verdict(claims["ferry"], "bob", "false", label="contested", note="The union's count " * 20,
                         evidence=[LONG_URL + "b"])
        q.record_verdict(claims["tickets"], "bob", "mostly-true", note="bob checked the fare table")
    with serving(wq.path) as base:
        yield base, wq, claims


@pytest.fixture
def alice(site, screen):
    """Return (base URL, queue, claim ids, page) with alice logged in on the screen under test."""
    base, wq, claims = site
    page = screen[0]
    log_in(page, base, wq, "alice")
    return base, wq, claims, page


def log_in(page, base, wq, name):
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#secret", wq.secrets[name])
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")


def my_verdicts(base, wq, cid, name):
    with httpx.Client(base_url=base, headers=bearer(wq.secrets["ed"])) as api:
        return [v for v in api.get(f"/api/claims/{cid}").json()["verdicts"]
                if v["reviewer"] == name and v["current"] and v["kind"] == "verdict"]


def open_claim(page, base, cid):
    page.goto(base + "/claims/" + cid)
    page.wait_for_selector("#verdict-form")


def saved_and_moved_on(page, cid):
    page.wait_for_function("prev => { const f = document.querySelector('#verdict-form');"
                           " return (f && f.dataset.claimId !== prev) || document.querySelector('#done'); }", arg=cid)


def test_every_page_fits_the_screen(site, screen):
    base, wq, claims = site
    page, name, width = screen
    page.goto(base + "/login")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "login"
    log_in(page, base, wq, "ed")
    pages = ["/", "/?status=pending", f"/claims/{claims['bridge']}", f"/claims/{claims['ferry']}",
             f"/claims/{claims['hostile']}", "/stats", "/disputed", "/disputed?status=resolved"]
    for path in pages:
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        logout = page.locator("form.logout button")
        box = logout.bounding_box()
        assert logout.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= width, path
    ARTIFACTS.mkdir(exist_ok=True)
    for path, shot in ((f"/claims/{claims['bridge']}", "claim"), ("/", "queue"), ("/stats", "stats"),
                       ("/disputed", "disputed")):
        page.goto(base + path)
        page.screenshot(path=str(ARTIFACTS / f"{shot}_{name}.png"), full_page=True)
    # log out is reachable and works
    page.click("form.logout button")
    page.wait_for_url(base + "/login")


def test_the_ratings_come_before_the_model_details(site, screen):
    base, wq, claims = site
    page, name, width = screen
    log_in(page, base, wq, "alice")
    open_claim(page, base, claims["bridge"])
    ratings = page.locator("fieldset.ratings").bounding_box()
    model = page.locator("#model-details").bounding_box()
    assert ratings["y"] + ratings["height"] <= model["y"]
    assert ratings["x"] >= 0 and ratings["x"] + ratings["width"] <= width
    # the headline, date, link and the whole paragraph around the claim are there
    assert "River council weighs" in page.inner_text("#doc-title")
    assert page.get_attribute("#article-link", "href") == "https://news.example/bridge"
    passage = page.inner_text("#passage")
    assert "Builders expect work to start in spring." in passage and "The next meeting is in June." in passage
    assert "$1.2 billion, approx." in page.inner_text("#facets")


def test_enter_adds_a_line_and_ctrl_enter_saves(alice):
    base, wq, claims, page = alice
    cid = claims["bridge"]
    open_claim(page, base, cid)
    page.keyboard.press("2")
    page.keyboard.press("n")
    page.keyboard.type("first line")
    page.keyboard.press("Enter")
    page.keyboard.type("second line")
    assert page.input_value("#note") == "first line\nsecond line"
    assert page.get_attribute("#verdict-form", "data-claim-id") == cid  # Enter did not save
    assert my_verdicts(base, wq, cid, "alice") == []
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, cid)
    [v] = my_verdicts(base, wq, cid, "alice")
    assert (v["rating"], v["note"]) == ("mostly-true", "first line\nsecond line")


def test_undo_brings_back_what_was_typed(alice):
    base, wq, claims, page = alice
    cid = claims["budget"]
    open_claim(page, base, cid)
    page.keyboard.press("4")
    page.select_option("#label", "contested")
    page.fill("#note", "The budget line says otherwise.\nSee page 4.")
    page.fill("#evidence", "https://example.org/budget\nhttps://example.org/page4")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, cid)
    assert my_verdicts(base, wq, cid, "alice")[0]["label"] == "contested"
    page.keyboard.press("u")
    page.wait_for_function("cid => { const f = document.querySelector('#verdict-form'); "
                           "return f && f.dataset.claimId === cid; }", arg=cid)
    assert page.input_value("#note") == "The budget line says otherwise.\nSee page 4."
    assert page.input_value("#evidence") == "https://example.org/budget\nhttps://example.org/page4"
    assert page.input_value("#label") == "contested"
    assert page.is_checked('input[name="rating"][value="mostly-false"]')
    assert my_verdicts(base, wq, cid, "alice") == []
    # saving again needs nothing retyped
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, cid)
    [v] = my_verdicts(base, wq, cid, "alice")
    assert (v["rating"], v["label"], v["note"], v["evidence"]) == (
        "mostly-false", "contested", "The budget line says otherwise.\nSee page 4.",
        ["https://example.org/budget", "https://example.org/page4"])


def test_not_a_claim_by_key_and_by_button(alice):
    base, wq, claims, page = alice
    open_claim(page, base, claims["pier"])
    page.keyboard.press("x")
    saved_and_moved_on(page, claims["pier"])
    [v] = my_verdicts(base, wq, claims["pier"], "alice")
    assert v["not_a_claim"] is True and v["rating"] is None
    open_claim(page, base, claims["bridge"])
    page.click("#not-a-claim")
    saved_and_moved_on(page, claims["bridge"])
    assert my_verdicts(base, wq, claims["bridge"], "alice")[0]["not_a_claim"] is True


WORD_BOX = """([word, nth]) => {
  // the box of the nth occurrence of a word in the claim sentence
  const root = document.getElementById('claim-sentence');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node, seen = 0;
  while ((node = walker.nextNode())) {
    let at = -1;
    while ((at = node.data.indexOf(word, at + 1)) >= 0) {
      if (seen++ === nth) {
        const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + word.length);
        const b = r.getBoundingClientRect();
        return {x: b.x + b.width / 2, y: b.y + b.height / 2};
      }
    }
  }
  return null;
}"""


def test_the_source_is_picked_by_clicking_words(alice):
    base, wq, claims, page = alice
    cid = claims["tickets"]
    open_claim(page, base, cid)
    # bob's verdict on this claim stays hidden until alice gives hers
    assert "fare table" not in page.content() and page.is_visible("#independent")
    page.keyboard.press("o")
    assert page.get_attribute("#pick-source", "aria-pressed") == "true"
    page.locator("#claim-sentence").scroll_into_view_if_needed()
    first = page.evaluate(WORD_BOX, ["the", 0])
    last = page.evaluate(WORD_BOX, ["office", 0])
    page.mouse.click(first["x"], first["y"])
    page.mouse.click(last["x"], last["y"])
    assert "the city's transport office" in page.inner_text("#source-text")
    page.keyboard.press("Escape")
    page.keyboard.press("1")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, cid)
    [v] = my_verdicts(base, wq, cid, "alice")
    start = DOC.index("the city's transport office")
    assert v["source_corrected"] is True
    assert v["source"] == {"start": start, "end": start + len("the city's transport office"),
                           "text": "the city's transport office"}
    # now alice has given hers, bob's shows
    open_claim(page, base, cid)
    assert "bob checked the fare table" in page.inner_text("#verdicts")


def test_the_source_is_picked_by_selecting_words_or_set_to_none(alice):
    base, wq, claims, page = alice
    cid = claims["bridge"]
    open_claim(page, base, cid)
    page.click("#pick-source")
    page.evaluate("""() => {
      const root = document.getElementById('claim-sentence');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node; while ((node = walker.nextNode()) && node.data.indexOf('the new bridge') < 0) {}
      const at = node.data.indexOf('the new bridge');
      const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 'the new bridge'.length);
      const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
      document.getElementById('passage').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""")
    assert "the new bridge" in page.inner_text("#source-text")
    page.keyboard.press("3")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, cid)
    [v] = my_verdicts(base, wq, cid, "alice")
    start = ARTICLE.index("the new bridge")
    assert (v["source"]["start"], v["source"]["end"]) == (start, start + len("the new bridge"))
    # "No source" records that the claim has none
    open_claim(page, base, claims["pier"])
    page.click("#no-source")
    page.keyboard.press("5")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, claims["pier"])
    [v] = my_verdicts(base, wq, claims["pier"], "alice")
    assert v["source_corrected"] is True and v["source"] is None


def test_a_facet_is_corrected_or_marked_not_a_figure(alice):
    base, wq, claims, page = alice
    cid = claims["budget"]
    open_claim(page, base, cid)
    rows = page.locator("tr.facet-row")
    money = rows.filter(has_text="$40 million")
    year = rows.filter(has_text="2026")
    money.locator(".facet-value").fill("42000000")
    year.locator(".facet-none").check()
    page.keyboard.press("Escape")
    page.locator("#claim-status").click()
    page.keyboard.press("3")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, cid)
    [v] = my_verdicts(base, wq, cid, "alice")
    facets = {f["kind"]: f for f in v["facets"]}
    assert facets["money"]["value"] == 42000000 and not facets["money"]["not_a_figure"]
    assert facets["date"]["not_a_figure"] is True


def test_a_ruling_starts_with_no_rating(site, screen):
    base, wq, claims = site
    page, _, _ = screen
    log_in(page, base, wq, "ed")
    page.goto(base + "/disputed")
    form = page.locator("article.dispute form.ruling").first
    select = form.locator("select[name=rating]")
    assert select.input_value() == ""
    # "why": the dispute's reasons, and both reviewers' notes side by side
    reasons = page.locator("article.dispute .reason").all_inner_texts()
    assert "rating" in reasons and "label" in reasons
    assert page.locator("article.dispute .side-by-side .verdict").count() == 2
    form.locator("button[type=submit]").click()
    assert page.url == base + "/disputed"  # the browser refused the empty ruling
    assert select.evaluate("el => el.validity.valueMissing") is True
    with httpx.Client(base_url=base, headers=bearer(wq.secrets["ed"])) as api:
        assert api.get(f"/api/claims/{claims['ferry']}").json()["status"] == "disputed"
    select.select_option("half-true")
    form.locator("textarea[name=note]").fill("Both counts have a point.")
    form.locator("textarea[name=evidence]").fill("https://example.org/ruling")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#no-disputes")
    with httpx.Client(base_url=base, headers=bearer(wq.secrets["ed"])) as api:
        claim = api.get(f"/api/claims/{claims['ferry']}").json()
    ruling = [v for v in claim["verdicts"] if v["kind"] == "adjudication"][-1]
    assert (ruling["rating"], ruling["note"], ruling["evidence"]) == (
        "half-true", "Both counts have a point.", ["https://example.org/ruling"])
    assert claim["status"] == "resolved"


def test_hostile_article_text_stays_text(alice):
    base, wq, claims, page = alice
    open_claim(page, base, claims["hostile"])
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.evaluate("document.querySelectorAll('main img, main iframe, main svg').length") == 0
    assert "<script>alert('x')</script>" in page.inner_text("#claim-sentence")
    page.goto(base + "/")
    assert page.evaluate("document.querySelectorAll('main img, main iframe, main svg').length") == 0


# Characters that JavaScript and Python count differently, or that the HTML parser rewrites: a
# character outside the BMP (two UTF-16 units, one code point), an emoji ZWJ sequence, CR LF and
# a lone CR (the parser turns both into LF), a combining accent and a line separator.
HARVEST = (
    "Harvest fair \U0001F33D\U0001F33D recap.\r\n"
    "The \U0001F469\u200D\U0001F33E co-op Greenfield Growers said the cafe\u0301 sold 4,000 pies in 2024,\r\n"
    "more than the \U0001F967 stall\u2028managed in a\rweek.\r\n"
    "Next year\u2019s fair \U0001F3AA opens in May."
)
PIES = ("The \U0001F469\u200D\U0001F33E co-op Greenfield Growers said the cafe\u0301 sold 4,000 pies in 2024,\r\n"
        "more than the \U0001F967 stall\u2028managed in a\rweek.")

SELECT_WORDS = """([first, last]) => {
  // select from the first occurrence of one word in the passage to the end of the next occurrence
  // of another (in the same or a later text node), as a reviewer's drag would, then let go
  const root = document.getElementById('passage');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const r = document.createRange();
  let node, started = false;
  while ((node = walker.nextNode())) {
    let from = 0;
    if (!started) {
      const at = node.data.indexOf(first);
      if (at < 0) continue;
      r.setStart(node, at); started = true; from = at;
    }
    const end = node.data.indexOf(last, from);
    if (end >= 0) { r.setEnd(node, end + last.length); break; }
  }
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
  root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
}"""


@pytest.fixture
def harvest(site):
    """Return the id of a claim whose article holds emoji, CR LF, a lone CR and a line separator."""
    base, wq, claims = site
    with Queue(wq.path) as q:
        assert q.add_claims([record("harvest", HARVEST, PIES, label="sourced", checkworthiness=0.9)]).added == 1
        stored, errors = q.add_documents([(None, 1, {"doc_id": "harvest", "text": HARVEST})])
        assert stored == 1 and not errors
        return next(r["claim_id"] for r in q.list_items(limit=100) if r["text"] == PIES)


@pytest.mark.parametrize("first,last,words", [
    ("Greenfield", "Growers", "Greenfield Growers"),        # after a ZWJ sequence
    ("cafe", "cafe\u0301", "cafe\u0301"),                    # a combining accent
    ("2024", "more", "2024,\r\nmore"),                       # across a CR LF
    ("managed", "managed", "managed"),                       # after CR LF, an emoji and U+2028
    ("week", "week", "week"),                                # after a lone CR
    ("recap", "recap", "recap"),                             # in the sentence before, after two emoji
    ("May", "May", "May"),                                   # in the sentence after, after an emoji
])
def test_a_picked_source_is_in_document_offsets_whatever_the_characters(alice, harvest, first, last, words):
    base, wq, claims, page = alice
    open_claim(page, base, harvest)
    page.keyboard.press("o")
    page.evaluate(SELECT_WORDS, [first, last])
    start = HARVEST.index(words)
    end = start + len(words)
    assert page.get_attribute("#verdict-form", "data-source") == f"{start}:{end}"
    shown = " ".join(words.split())
    assert page.inner_text("#source-text") == f"\u201c{shown}\u201d ({start}\u2013{end})"
    page.keyboard.press("3")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, harvest)
    [v] = my_verdicts(base, wq, harvest, "alice")
    assert v["source"] == {"start": start, "end": end, "text": words}
    assert HARVEST[v["source"]["start"]:v["source"]["end"]] == words


def test_a_source_picked_by_clicking_words_after_emoji(alice, harvest):
    base, wq, claims, page = alice
    open_claim(page, base, harvest)
    page.keyboard.press("o")
    page.locator("#claim-sentence").scroll_into_view_if_needed()
    first = page.evaluate(WORD_BOX, ["Greenfield", 0])
    last = page.evaluate(WORD_BOX, ["Growers", 0])
    page.mouse.click(first["x"], first["y"])
    page.mouse.click(last["x"], last["y"])
    start = HARVEST.index("Greenfield Growers")
    assert page.inner_text("#source-text") == f"\u201cGreenfield Growers\u201d ({start}\u2013{start + 18})"
    page.keyboard.press("2")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, harvest)
    [v] = my_verdicts(base, wq, harvest, "alice")
    assert v["source"] == {"start": start, "end": start + 18, "text": "Greenfield Growers"}


def test_every_run_of_the_page_holds_the_document_text(alice, harvest):
    base, wq, claims, page = alice
    open_claim(page, base, harvest)
    runs = page.evaluate("""() => Array.from(document.querySelectorAll('#passage [data-o]'))
      .map(el => [parseInt(el.dataset.o, 10), el.textContent])""")
    assert len(runs) >= 3
    for offset, text in runs:
        # Python slices code points; the browser's string is UTF-16, which Playwright hands back as str
        assert HARVEST[offset:offset + len(text)] == text, (offset, text)
    # a selection over the gap between two passages holds words the document does not have there
    page.keyboard.press("o")
    page.evaluate(SELECT_WORDS, ["recap", "Greenfield"])
    assert page.get_attribute("#verdict-form", "data-source") == ""
    assert "inside one passage" in page.inner_text("#form-error")
    page.evaluate(SELECT_WORDS, ["Greenfield", "Growers"])
    assert page.is_hidden("#form-error")
    start = HARVEST.index("Greenfield Growers")
    assert page.get_attribute("#verdict-form", "data-source") == f"{start}:{start + 18}"


WORD_EDGES = """([word]) => {
  // the left and right edge of a word in the claim sentence, and its middle height
  const walker = document.createTreeWalker(document.getElementById('claim-sentence'), NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(word);
    if (at < 0) continue;
    const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + word.length);
    const b = r.getBoundingClientRect();
    return {left: b.left, right: b.right, y: b.y + b.height / 2};
  }
  return null;
}"""


def test_a_source_picked_by_dragging_the_mouse(alice, harvest):
    # a real drag: the click that ends it must not replace the selection by the word under the pointer
    base, wq, claims, page = alice
    open_claim(page, base, harvest)
    page.keyboard.press("o")
    page.locator("#claim-sentence").scroll_into_view_if_needed()
    first, last = page.evaluate(WORD_EDGES, ["more"]), page.evaluate(WORD_EDGES, ["stall"])
    page.mouse.move(first["left"] + 1, first["y"])
    page.mouse.down()
    page.mouse.move(last["right"] - 1, last["y"], steps=8)
    page.mouse.up()
    words = "more than the \U0001F967 stall"
    start = HARVEST.index(words)
    assert page.get_attribute("#verdict-form", "data-source") == f"{start}:{start + len(words)}"
    page.keyboard.press("4")
    page.keyboard.press("Control+Enter")
    saved_and_moved_on(page, harvest)
    [v] = my_verdicts(base, wq, harvest, "alice")
    assert v["source"] == {"start": start, "end": start + len(words), "text": words}
