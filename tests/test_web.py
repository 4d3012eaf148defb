"""The reviewer web server: log-in, CSRF, throttling, roles, escaping, the API and its pages."""
from __future__ import annotations

import logging
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from factcheck.queue import Queue  # noqa: E402
from factcheck.web.app import create_app  # noqa: E402
sys.path.insert(0, str(Path(__file__).parent))  # the shared web fixtures, in any import mode
from test_web_fixtures import bearer, build_queue, login  # noqa: E402


@pytest.fixture
def wq(tmp_path):
    return build_queue(tmp_path / "review.queue", hostile=True)


@pytest.fixture
def app(wq):
    return create_app(wq.path, secret_key="test-key", throttle_limit=5)


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


def other_client(app):
    return TestClient(app)


PROTECTED_API = [
    ("GET", "/api/next"), ("GET", "/api/claims"), ("GET", "/api/claims/hostile-1"),
    ("POST", "/api/claims/hostile-1/verdicts"), ("POST", "/api/claims/hostile-1/adjudicate"),
    ("GET", "/api/stats"), ("GET", "/api/disputed"), ("GET", "/api/me"), ("GET", "/api/scale"),
    ("GET", "/api/no-such-route"),
]
PAGES = ["/", "/next", "/claims/hostile-1", "/disputed", "/stats"]


# -- who gets in ---------------------------------------------------------------------------

def test_healthz_needs_no_login(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


@pytest.mark.parametrize("method,path", PROTECTED_API)
def test_api_answers_401_without_or_with_wrong_credentials(client, method, path):
    for headers in ({}, bearer("not-a-secret"), {"Authorization": "Basic YWxpY2U6eA=="}):
        r = client.request(method, path, headers=headers, json={"rating": "true"})
        assert r.status_code == 401, (path, headers, r.text)
        assert set(r.json()) == {"error"}


def test_a_forged_or_tampered_cookie_is_refused(client, wq):
    login(client, "alice", wq.secrets["alice"])
    good = client.cookies.get("factcheck_session")
    payload, _, signature = good.rpartition(".")
    fresh = TestClient(client.app)
    fresh.cookies.set("factcheck_session", payload + "." + ("A" if signature[0] != "A" else "B") + signature[1:])
    assert fresh.get("/api/me").status_code == 401
    fresh.cookies.set("factcheck_session", good)
    assert fresh.get("/api/me").json()["name"] == "alice"


@pytest.mark.parametrize("path", PAGES)
def test_pages_redirect_to_login(client, path):
    r = client.get(path, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=")


def test_login_sets_a_signed_httponly_samesite_cookie(client, wq):
    r = client.post("/login", data={"name": "alice", "secret": wq.secrets["alice"], "next": "/stats"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/stats"
    cookies = r.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("factcheck_session="))
    assert "HttpOnly" in session and "samesite=strict" in session.lower()
    assert wq.secrets["alice"] not in " ".join(cookies)
    me = client.get("/api/me").json()
    assert me["name"] == "alice" and me["role"] == "reviewer" and me["via"] == "cookie"


def test_login_with_a_wrong_secret_is_401_and_sets_no_cookie(client, wq):
    r = client.post("/login", data={"name": "alice", "secret": wq.secrets["bob"]}, follow_redirects=False)
    assert r.status_code == 401
    assert "factcheck_session" not in r.headers.get("set-cookie", "")
    assert wq.secrets["bob"] not in r.text
    assert client.get("/api/me").status_code == 401


def test_login_refuses_open_redirects(client, wq):
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        c = TestClient(client.app)
        r = c.post("/login", data={"name": "ed", "secret": wq.secrets["ed"], "next": target}, follow_redirects=False)
        assert r.headers["location"] == "/"


def test_login_from_another_site_is_refused(client, wq):
    r = client.post("/login", data={"name": "alice", "secret": wq.secrets["alice"]},
                    headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
    assert r.status_code == 403
    assert "factcheck_session" not in r.headers.get("set-cookie", "")


def test_login_answers_json_to_scripts(client, wq):
    r = client.post("/login", data={"name": "ed", "secret": wq.secrets["ed"]}, headers={"Accept": "application/json"})
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "ed" and body["role"] == "editor" and len(body["csrf_token"]) >= 32


def test_wrong_secrets_are_throttled(client, wq):
    for _ in range(5):
        assert client.post("/login", data={"name": "alice", "secret": "guess"}).status_code == 401
    r = client.post("/login", data={"name": "alice", "secret": wq.secrets["alice"]}, follow_redirects=False)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert wq.secrets["alice"] not in r.text
    # guesses at alice's secret do not lock bob out
    assert client.post("/login", data={"name": "bob", "secret": wq.secrets["bob"]},
                       follow_redirects=False).status_code == 303


def test_bearer_guesses_are_throttled_per_client(client, wq):
    assert client.get("/api/me", headers=bearer(wq.secrets["ed"])).status_code == 200
    for _ in range(20):
        assert client.get("/api/me", headers=bearer("guess")).status_code == 401
    r = client.get("/api/me", headers=bearer(wq.secrets["alice"]))
    assert r.status_code == 429 and "error" in r.json() and int(r.headers["retry-after"]) > 0
    assert client.post("/login", data={"name": "bob", "secret": wq.secrets["bob"]}).status_code == 429
    # a secret verified before the lock-out keeps working
    assert client.get("/api/me", headers=bearer(wq.secrets["ed"])).json()["name"] == "ed"


def test_logout_ends_the_session(client, wq):
    csrf = login(client, "alice", wq.secrets["alice"])
    cookie = client.cookies.get("factcheck_session")
    r = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    replay = TestClient(client.app)
    replay.cookies.set("factcheck_session", cookie)
    assert replay.get("/api/me").status_code == 401


def test_no_secret_reaches_the_logs(client, wq, caplog):
    caplog.set_level(logging.DEBUG)
    login(client, "alice", wq.secrets["alice"])
    client.post("/login", data={"name": "bob", "secret": wq.secrets["bob"] + "x"})
    client.get("/api/next", headers=bearer(wq.secrets["ed"]))
    text = caplog.text
    for secret in wq.secrets.values():
        assert secret not in text


# -- CSRF ----------------------------------------------------------------------------------

def test_cookie_post_without_csrf_token_is_403(client, wq):
    csrf = login(client, "alice", wq.secrets["alice"])
    cid = wq.claim_ids[1]
    url = f"/api/claims/{cid}/verdicts"
    assert client.post(url, json={"rating": "true"}).status_code == 403
    assert client.post(url, json={"rating": "true"}, headers={"X-CSRF-Token": "0" * 64}).status_code == 403
    # the answer does not depend on the body: a broken body is still refused for the token first
    assert client.post(url, content=b"{not json", headers={"Content-Type": "application/json"}).status_code == 403
    assert client.post(f"/claims/{cid}/verdict", data={"rating": "true"}).status_code == 403
    assert client.post("/logout").status_code == 403
    assert client.get(f"/api/claims/{cid}").json()["verdicts"] == []
    r = client.post(url, json={"rating": "true"}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201


def test_form_post_with_csrf_field_records_and_moves_on(client, wq):
    csrf = login(client, "alice", wq.secrets["alice"])
    cid = wq.claim_ids[2]
    r = client.post(f"/claims/{cid}/verdict", data={"csrf_token": csrf, "rating": "false", "label": "contested",
                                                     "note": "checked the budget", "evidence": "https://example.org/b\n"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/next"
    verdict = client.get(f"/api/claims/{cid}").json()["verdicts"][-1]
    assert (verdict["rating"], verdict["label"], verdict["note"], verdict["evidence"]) == (
        "false", "contested", "checked the budget", ["https://example.org/b"])


def test_bearer_requests_need_no_csrf_token(client, wq):
    r = client.post(f"/api/claims/{wq.claim_ids[0]}/verdicts", headers=bearer(wq.secrets["bob"]),
                    json={"rating": "mostly-true", "evidence": ["https://example.org/a"]})
    assert r.status_code == 201
    body = r.json()
    assert body["reviewer"] == "bob" and body["rating"] == "mostly-true" and body["claim_id"] == wq.claim_ids[0]


# -- verdicts ------------------------------------------------------------------------------

def test_rating_off_the_scale_is_422_with_the_scale(client, wq):
    cid = wq.claim_ids[0]
    r = client.post(f"/api/claims/{cid}/verdicts", headers=bearer(wq.secrets["bob"]), json={"rating": "pants-on-fire"})
    assert r.status_code == 422
    assert "mostly-true" in r.json()["error"]
    assert client.get(f"/api/claims/{cid}", headers=bearer(wq.secrets["bob"])).json()["verdicts"] == []


@pytest.mark.parametrize("body,needle", [
    ({"rating": "true", "label": "invented"}, "label"),
    ({"rating": "true", "evidence": ["javascript:alert(1)"]}, "http"),
    ({"rating": "true", "evidence": ["data:text/html,<script>x</script>"]}, "http"),
    ({"label": "sourced"}, "rating"),
    ({"rating": "true", "evidence": "https://not-a-list.example"}, "evidence"),
    # a field the API does not take is refused, not dropped: reuse goes through /reuse
    ({"rating": "true", "reuses": 999999}, "reuses"),
    ({"rating": "true", "evidnce": ["https://a.example"]}, "evidnce"),
])
def test_bad_verdicts_are_422(client, wq, body, needle):
    r = client.post(f"/api/claims/{wq.claim_ids[0]}/verdicts", headers=bearer(wq.secrets["bob"]), json=body)
    assert r.status_code == 422
    assert needle in r.json()["error"]


def test_unknown_claim_is_404(client, wq):
    h = bearer(wq.secrets["bob"])
    assert client.get("/api/claims/nope", headers=h).status_code == 404
    assert client.post("/api/claims/nope/verdicts", headers=h, json={"rating": "true"}).status_code == 404
    assert client.get("/claims/nope", headers=h).status_code == 404


def test_next_leases_in_priority_order_then_204(client, wq):
    h = bearer(wq.secrets["alice"])
    seen = []
    while True:
        r = client.get("/api/next", headers=h)
        if r.status_code == 204:
            break
        assert r.status_code == 200
        cid = r.json()["claim"]["claim_id"]
        assert r.json()["status"] == "in_review"
        seen.append(cid)
        assert client.post(f"/api/claims/{cid}/verdicts", headers=h, json={"rating": "true"}).status_code == 201
    assert seen == wq.claim_ids and r.content == b""


def test_skip_moves_to_another_claim(client, wq):
    h = bearer(wq.secrets["alice"])
    first = client.get("/api/next", headers=h).json()["claim"]["claim_id"]
    assert client.get("/api/next", headers=h).json()["claim"]["claim_id"] == first  # the lease is kept
    second = client.get(f"/api/next?skip={first}", headers=h).json()["claim"]["claim_id"]
    third = client.get(f"/api/next?skip={second}", headers=h).json()["claim"]["claim_id"]
    assert len({first, second, third}) == 3


# -- roles -------------------------------------------------------------------------------

def dispute(client, wq, cid):
    for name, rating in (("alice", "true"), ("bob", "false")):
        r = client.post(f"/api/claims/{cid}/verdicts", headers=bearer(wq.secrets[name]), json={"rating": rating})
        assert r.status_code == 201


def test_only_editors_adjudicate(tmp_path):
    wq = build_queue(tmp_path / "two.queue", reviews_per_claim=2)
    client = TestClient(create_app(wq.path, secret_key="k"))
    cid = wq.claim_ids[0]
    r = client.post(f"/api/claims/{cid}/adjudicate", headers=bearer(wq.secrets["ed"]), json={"rating": "true"})
    assert r.status_code == 409  # not disputed yet
    dispute(client, wq, cid)
    assert client.get("/api/disputed", headers=bearer(wq.secrets["alice"])).status_code == 403
    assert client.get("/disputed", headers=bearer(wq.secrets["alice"])).status_code == 403
    r = client.post(f"/api/claims/{cid}/adjudicate", headers=bearer(wq.secrets["alice"]), json={"rating": "true"})
    assert r.status_code == 403
    listed = client.get("/api/disputed", headers=bearer(wq.secrets["ed"])).json()
    assert [row["claim_id"] for row in listed["items"]] == [cid]
    assert {v["reviewer"] for v in listed["items"][0]["verdicts"]} == {"alice", "bob"}
    page = client.get("/disputed", headers=bearer(wq.secrets["ed"]))
    assert page.status_code == 200 and f'/claims/{cid}/adjudicate' in page.text
    # the editor rules through the page's form, with the session's CSRF token
    csrf = login(client, "ed", wq.secrets["ed"])
    r = client.post(f"/claims/{cid}/adjudicate", data={"csrf_token": csrf, "rating": "half-true", "note": "both half right"},
                    follow_redirects=False)
    assert r.status_code == 303
    claim = client.get(f"/api/claims/{cid}").json()
    assert claim["status"] == "resolved"
    assert claim["verdicts"][-1]["kind"] == "adjudication" and claim["verdicts"][-1]["rating"] == "half-true"


# -- pages and escaping ---------------------------------------------------------------------

class Elements(HTMLParser):
    """Collects every element and attribute of a page, as a browser's parser would see them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict]]:
    p = Elements()
    p.feed(html)
    return p.tags


def assert_inert(html: str):
    tags = parse(html)
    scripts = [a for t, a in tags if t == "script"]
    # one script, our own; its URL names its version, so a browser never runs an older copy
    assert len(scripts) == 1 and re.fullmatch(r"/static/app\.js\?v=[0-9a-f]{12}", scripts[0]["src"])
    assert scripts[0]["defer"] is None
    assert not [t for t, _ in tags if t in ("img", "svg") and t != "svg"]
    for tag, attrs in tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for key in ("href", "src", "action"):
            assert not (attrs.get(key) or "").lower().startswith(("javascript:", "data:")), (tag, attrs)
    assert "<script>alert" not in html and "<img src" not in html


def test_claim_with_script_and_img_onerror_is_rendered_inert(client, wq):
    with Queue(wq.path) as q:
        q.record_verdict("hostile-1", "bob", "false", note="<script>alert('note')</script>",
                         evidence=["https://example.org/ok?a=1&b=<2>"])
        # a javascript: link can no longer be recorded; one written into the file by other means
        # must still show as text
        conn = q._conn()
        conn.execute("INSERT INTO verdicts (claim_id, reviewer_id, kind, rating, evidence, created_at)"
                     " SELECT 'hostile-1', reviewer_id, 'verdict', 'true', '[\"javascript:alert(1)\"]', 'x'"
                     " FROM reviewers WHERE name = 'ed'")
    login(client, "ed", wq.secrets["ed"])  # an editor sees every verdict
    html = client.get("/claims/hostile-1").text
    assert_inert(html)
    assert "alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # javascript: evidence is shown as text, never as a link; the http one is a link
    links = [a.get("href") for t, a in parse(html) if t == "a"]
    assert "https://example.org/ok?a=1&b=<2>" in links and not any("javascript" in (h or "") for h in links)
    # the queue list and the statistics show the same text escaped
    assert_inert(client.get("/").text)
    assert_inert(client.get("/stats").text)


def test_highlights_follow_offsets(client, wq):
    login(client, "alice", wq.secrets["alice"])
    html = client.get("/claims/hostile-1").text
    marks = re.findall(r'<mark class="([^"]+)" title="[^"]*">(.*?)</mark>', html)
    assert ("facet facet-percent", "75 percent") in marks
    assert ("cue cue-sourced", "said") in marks and ("source", "The minister") in marks
    # the hostile facet kind becomes a harmless class name, and its text stays escaped
    assert any(cls.startswith("facet facet--svg") and text == "&lt;script&gt;" for cls, text in marks)
    ferry = client.get(f"/claims/{wq.find('1,200 passengers')}").text
    assert '<mark class="facet facet-count" title="count: 1200">1,200 passengers</mark>' in ferry
    # the neighbouring sentences of the document appear around the claim
    assert 'class="context" data-o="0">Harbour Town opened its new ferry terminal on Monday.</span>' in ferry


def test_claim_page_shows_model_form_keys_and_verdicts(client, wq):
    with Queue(wq.path) as q:
        q.record_verdict(wq.find("1,200"), "bob", "mostly-true", note="matches the port's report")
    csrf = login(client, "alice", wq.secrets["alice"])
    html = client.get(f"/claims/{wq.find('1,200')}").text
    assert 'id="model-label">sourced</span>' in html
    # independent review: bob's verdict stays hidden until alice has given hers
    assert "matches the port" not in html and 'id="independent"' in html
    r = client.post(f"/api/claims/{wq.find('1,200')}/verdicts", json={"rating": "true"}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201
    html = client.get(f"/claims/{wq.find('1,200')}").text
    assert "matches the port&#39;s report" in html and 'id="independent"' not in html
    for key in ("<kbd>1</kbd>", "<kbd>l</kbd>", "<kbd>n</kbd>", "<kbd>s</kbd>", "<kbd>x</kbd>", "<kbd>Ctrl</kbd>+<kbd>Enter</kbd>"):
        assert key in html
    radios = [a["value"] for t, a in parse(html) if t == "input" and a.get("name") == "rating"]
    assert radios == ["true", "mostly-true", "half-true", "mostly-false", "false", "unverifiable"]
    assert f'<meta name="csrf-token" content="{client.cookies.get("factcheck_csrf")}">' in html


def test_blind_mode_hides_the_model_from_reviewers(tmp_path):
    wq = build_queue(tmp_path / "blind.queue", blind=True)
    client = TestClient(create_app(wq.path, secret_key="k"))
    cid = wq.find("1,200")
    h = bearer(wq.secrets["alice"])
    data = client.get(f"/api/claims/{cid}", headers=h).json()
    assert "model" not in data
    assert not {"label", "scores", "cues", "source", "checkworthiness"} & set(data["claim"])
    html = client.get(f"/claims/{cid}", headers=h).text
    assert "model-label" not in html and "cue-sourced" not in html and "Blind review" in html
    assert "check-worthiness" not in html
    rows = client.get("/api/claims", headers=h).json()["items"]
    assert rows and all("label" not in row and "checkworthiness" not in row for row in rows)
    assert client.get("/api/claims?label=sourced", headers=h).status_code == 403
    assert client.get("/api/claims?min_score=0.45", headers=h).status_code == 403
    editor = client.get(f"/api/claims/{cid}", headers=bearer(wq.secrets["ed"])).json()
    assert editor["model"]["label"] == "sourced"


def test_security_headers(client, wq):
    for r in (client.get("/login"), client.get("/healthz"), client.get("/api/me"), client.get("/static/app.js")):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_queue_page_is_a_view_of_the_api(client, wq):
    login(client, "alice", wq.secrets["alice"])
    for query in ("", "?label=sourced", "?min_score=0.8", "?status=pending&max_score=0.6"):
        api = client.get("/api/claims" + query).json()
        html = client.get("/" + query).text
        linked = re.findall(r'<td class="text"><a href="/claims/([^"]+)">', html)
        assert linked == [row["claim_id"] for row in api["items"]], query
        assert f"{api['count']} claim" in html
    assert client.get("/api/claims?label=sourced").json()["count"] == 3
    assert client.get("/api/claims?min_score=0.8").json()["count"] == 4
    assert client.get("/api/claims?status=reviewed").json()["count"] == 0
    for bad in ("status=done", "label=true", "min_score=2", "min_score=nan", "limit=0"):
        r = client.get("/api/claims?" + bad)
        assert r.status_code == 422 and "error" in r.json(), bad


def test_stats_page_draws_its_svg_charts(client, wq):
    with Queue(wq.path) as q:
        q.record_verdict(wq.claim_ids[1], "alice", "true")
        q.record_verdict(wq.claim_ids[1], "bob", "true")
        q.record_verdict(wq.claim_ids[2], "alice", "false", label="contested")
    login(client, "ed", wq.secrets["ed"])
    stats = client.get("/api/stats").json()
    assert stats["verdicts"] == 3 and stats["by_reviewer"] == {"alice": 2, "bob": 1}
    html = client.get("/stats").text
    assert html.count("<svg ") == 7  # four as before, and backlog, time to verdict, not-a-claim by band
    assert 'id="n-verdicts">3<' in html
    assert "<title>alice: 2</title>" in html


def test_openapi_describes_the_routes(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/next", "/api/claims/{claim_id}", "/api/claims/{claim_id}/verdicts", "/login", "/healthz"):
        assert path in paths
    assert "201" in paths["/api/claims/{claim_id}/verdicts"]["post"]["responses"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_no_cdn_and_no_docs_pages(client, wq):
    login(client, "alice", wq.secrets["alice"])
    assert client.get("/docs").status_code == 404
    for page in ("/", f"/claims/{wq.claim_ids[0]}", "/stats"):
        html = client.get(page).text
        assert not re.search(r'(src|href)="(https?:)?//', html)


def test_a_server_error_keeps_the_error_shape(wq, monkeypatch):
    app = create_app(wq.path, secret_key="k")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(app.state.queue, "stats", broken)
    client = TestClient(app, raise_server_exceptions=False)
    r = client.get("/api/stats", headers=bearer(wq.secrets["ed"]))
    assert r.status_code == 500 and r.json() == {"error": "internal error; the server log has the details"}
    assert "boom" not in r.text and r.headers["x-content-type-options"] == "nosniff"


def test_null_fields_are_accepted_as_absent(client, wq):
    r = client.post(f"/api/claims/{wq.claim_ids[0]}/verdicts", headers=bearer(wq.secrets["bob"]),
                    json={"rating": "unverifiable", "label": None, "note": None, "evidence": None})
    assert r.status_code == 201 and r.json()["evidence"] == [] and r.json()["rating"] == "unverifiable"


def test_serve_command_listens_on_localhost(wq):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", str(wq.path), "--port", str(port),
                             "--log-level", "info"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "factcheck serve did not start"
                time.sleep(0.1)
        assert r.status_code == 200
        r = httpx.get(f"http://127.0.0.1:{port}/api/next", headers=bearer(wq.secrets["alice"]))
        assert r.status_code == 200 and r.json()["claim"]["claim_id"] == wq.claim_ids[0]
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    logs = out + err
    assert b"127.0.0.1" in err and b"GET /api/next" in logs  # the access log is on, and holds no secret
    for secret in wq.secrets.values():
        assert secret.encode() not in logs


def test_a_bare_claim_record_renders(wq):
    with Queue(wq.path) as q:
        q.add_claims([{"doc_id": "bare", "text": "Nothing but text here.", "start": 0, "end": 22}])
        cid = next(r["claim_id"] for r in q.list_items(limit=100) if r["doc_id"] == "bare")
    client = TestClient(create_app(wq.path, secret_key="k"))
    h = bearer(wq.secrets["alice"])
    r = client.get(f"/claims/{cid}", headers=h)
    assert r.status_code == 200 and "Nothing but text here." in r.text
    assert client.get("/?label=", headers=h).status_code == 200


def test_odd_claim_records_render(wq):
    odd = {"doc_id": "odd", "text": "Odd record with 3 things.", "start": 5, "end": 30, "label": "sourced",
           "scores": {"sourced": 0.7}, "source": "a named source",
           "facets": [{"kind": "count", "text": "3 things", "start": "x", "end": None},
                      {"kind": None, "text": "Odd", "value": {"nested": [1]}, "start": 5, "end": 8}, "not a facet"],
           "cues": [{"label": "sourced", "text": "with", "start": 16.0, "end": 20.0}, None]}
    with Queue(wq.path) as q:
        result = q.add_claims([odd])
        assert result.added == 1, f"the queue refuses this record: {result.errors}"  # a failure, never a skip
        cid = next(r["claim_id"] for r in q.list_items(limit=100) if r["doc_id"] == "odd")
    client = TestClient(create_app(wq.path, secret_key="k"))
    r = client.get(f"/claims/{cid}", headers=bearer(wq.secrets["ed"]))
    assert r.status_code == 200
    assert '<mark class="cue cue-sourced" title="sourced cue">with</mark>' in r.text


def test_undo_retracts_the_last_verdict(client, wq):
    h = bearer(wq.secrets["alice"])
    assert client.post("/api/undo", headers=h).status_code == 204
    cid = wq.claim_ids[0]
    assert client.post(f"/api/claims/{cid}/verdicts", headers=h, json={"rating": "true"}).status_code == 201
    r = client.post("/api/undo", headers=h)
    assert r.status_code == 201 and r.json()["kind"] == "retraction" and r.json()["claim_id"] == cid
    assert not [v for v in client.get(f"/api/claims/{cid}", headers=h).json()["verdicts"]
                if v["current"] and v["kind"] == "verdict"]
    csrf = login(client, "alice", wq.secrets["alice"])
    assert client.post("/api/undo").status_code == 403
    assert client.post("/api/undo", headers={"X-CSRF-Token": csrf}).status_code == 204


def test_a_document_is_scored_with_the_servers_model_and_editors_add_its_claims(tmp_path):
    from test_batch_model import FakeModel

    wq = build_queue(tmp_path / "score.queue")
    client = TestClient(create_app(wq.path, secret_key="k", model=FakeModel()))
    text = "Officials said 300 people were evacuated in 2021. The weather was pleasant."
    reviewer, editor = bearer(wq.secrets["alice"]), bearer(wq.secrets["ed"])
    r = client.post("/api/extract", headers=reviewer, json={"text": text, "published": "2021-05-03", "doc_id": "web-1"})
    assert r.status_code == 200, r.text
    claims = r.json()["claims"]
    assert claims and all(text[c["start"]:c["end"]] == c["text"] and c["doc_id"] == "web-1" for c in claims)
    every = client.post("/api/extract", headers=reviewer, json={"text": text, "all": True}).json()["claims"]
    assert len(every) >= len(claims)
    assert client.post("/api/extract", headers=reviewer, json={"text": text, "add": True}).status_code == 403
    assert client.post("/api/extract", headers=reviewer, json={"text": text, "published": "May 3"}).status_code == 422
    before = client.get("/api/stats", headers=editor).json()["claims"]
    added = client.post("/api/extract", headers=editor, json={"text": text, "doc_id": "web-1", "add": True}).json()
    assert added["added"] == len(claims)
    assert client.get("/api/stats", headers=editor).json()["claims"] == before + len(claims)
    # the posted article is the claims' context; another text under a doc_id in use is refused
    art = client.get(f"/api/claims/{claims[0]['claim_id']}", headers=editor).json()["article"]
    assert art is not None and claims[0]["text"] in art["paragraph"]["text"]
    clash = client.post("/api/extract", headers=editor, json={"text": "Another story: 12 ships sank.", "doc_id": "web-1",
                                                               "add": True})
    assert clash.status_code == 409
    # without a doc_id each text gets its own id
    a = client.post("/api/extract", headers=editor, json={"text": "Rain fell on 40 towns in 2020.", "add": True}).json()
    b = client.post("/api/extract", headers=editor, json={"text": "Snow fell on 12 towns in 2021.", "add": True}).json()
    assert a["doc_id"] != b["doc_id"]


def test_serve_refuses_a_model_it_cannot_load_before_it_starts(tmp_path):
    from click.testing import CliRunner

    from factcheck.cli import main
    wq = build_queue(tmp_path / "m.queue")
    r = CliRunner().invoke(main, ["serve", str(wq.path), "--model", str(tmp_path / "no-such-model")])
    assert r.exit_code == 2 and "--model" in r.output


def test_a_request_body_over_the_limit_is_413_before_it_is_read(client, wq):
    from factcheck.web.auth import MAX_BODY_BYTES
    r = client.post("/api/extract", headers={**bearer(wq.secrets["alice"]), "content-length": str(MAX_BODY_BYTES + 1),
                                             "content-type": "application/json"}, content=b"{}")
    assert r.status_code == 413 and "larger than" in r.json()["error"]


def test_a_new_secret_ends_the_sessions_and_the_cached_old_secret(client, wq):
    from factcheck.queue import Queue
    old = wq.secrets["alice"]
    r = client.post("/login", data={"name": "alice", "secret": old}, headers={"accept": "application/json"})
    assert r.status_code == 200 and client.get("/api/me").status_code == 200
    assert client.get("/api/me", headers=bearer(old)).status_code == 200  # now cached
    with Queue(wq.path) as q:
        new = q.reset_secret("alice")
    assert client.get("/api/me").status_code == 401  # the session opened with the old secret is over
    assert client.get("/api/me", headers=bearer(old)).status_code == 401
    assert client.get("/api/me", headers=bearer(new)).status_code == 200
