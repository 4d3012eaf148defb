"""Parts of the web page that need no server: highlighting, throttling, sessions (charts: test_charts_svg.py)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from factcheck.web.auth import Sessions, Throttle, safe_next
from factcheck.web.highlight import claim_in_context, highlight


def _unmark(html: str) -> str:
    import html as h
    import re

    return h.unescape(re.sub(r"</?mark[^>]*>", "", html))


@pytest.mark.parametrize("text,offset,spans,expected", [
    ("Prices rose 5%.", 0, [{"start": 12, "end": 14, "classes": ("facet",), "title": "percent"}],
     'Prices rose <mark class="facet" title="percent">5%</mark>.'),
    # offsets are absolute: the sentence starts at 100 in its document
    ("Prices rose 5%.", 100, [{"start": 112, "end": 114, "classes": ("facet",), "title": "t"}],
     'Prices rose <mark class="facet" title="t">5%</mark>.'),
    # a span outside the sentence, an empty one and one with text offsets are dropped
    ("abc", 0, [{"start": 5, "end": 9, "classes": ("x",)}, {"start": 1, "end": 1, "classes": ("x",)},
                {"start": "1", "end": "2", "classes": ("x",)}], "abc"),
    # overlapping spans split into segments carrying both classes
    ("abcdef", 0, [{"start": 0, "end": 4, "classes": ("facet",), "title": "f"},
                   {"start": 2, "end": 6, "classes": ("cue",), "title": "c"}],
     '<mark class="facet" title="f">ab</mark><mark class="facet cue" title="f; c">cd</mark>'
     '<mark class="cue" title="c">ef</mark>'),
    # text and titles are escaped; class names keep only safe characters
    ("<b>x</b>", 0, [{"start": 3, "end": 4, "classes": ('a" onclick="y',), "title": '"><script>'}],
     '&lt;b&gt;<mark class="a--onclick--y" title="&#34;&gt;&lt;script&gt;">x</mark>&lt;/b&gt;'),
])
def test_highlight(text, offset, spans, expected):
    out = highlight(text, offset, spans)
    assert isinstance(out, Markup)
    assert str(out) == expected


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6))
def test_highlight_keeps_the_text_and_never_lets_markup_through(text, pairs):
    spans = [{"start": a, "end": b, "classes": ("facet",), "title": text} for a, b in pairs]
    out = str(highlight(text, 0, spans))
    assert _unmark(out) == text
    stripped = out.replace('<mark class="facet" title="', "").replace("</mark>", "")
    assert "<" not in stripped.replace('">', "")


def test_claim_in_context_escapes_neighbours():
    item = {"claim": {"text": "Two <i>cats</i>.", "start": 10, "end": 26, "facets": [
        {"kind": "count", "text": "Two", "value": 2, "unit": "cats", "start": 10, "end": 13}]},
        "context": {"before": [{"text": "<script>x</script>"}], "after": [{"text": "A & B."}]}}
    out = str(claim_in_context(item))
    assert out.startswith('<span class="context">&lt;script&gt;x&lt;/script&gt;</span> ')
    assert '<mark class="facet facet-count" title="count: 2 cats">Two</mark> &lt;i&gt;cats&lt;/i&gt;.' in out
    assert out.endswith('<span class="context">A &amp; B.</span>')


def test_throttle_blocks_after_the_limit_and_forgets_after_the_window():
    now = [0.0]
    t = Throttle(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert t.retry_after("1.2.3.4") == 0
        t.fail("1.2.3.4")
    assert t.retry_after("1.2.3.4") > 0
    assert t.retry_after("5.6.7.8") == 0
    now[0] = 61.0
    assert t.retry_after("1.2.3.4") == 0


def test_sessions_are_signed_expire_and_revoke():
    s = Sessions("key-one", max_age=100)
    cookie, csrf = s.issue("alice")
    name, sid, _stamp = s.read(cookie)
    assert name == "alice" and s.csrf_for(sid) == csrf
    assert Sessions("key-two").read(cookie) is None
    assert s.read(cookie[:-2] + "xx") is None
    s.revoke(sid)
    assert s.read(cookie) is None


@pytest.mark.parametrize("target,expected", [
    ("/claims/a?x=1", "/claims/a?x=1"), ("//evil.example", "/"), ("https://evil.example", "/"),
    ("/\\evil", "/"), (None, "/"), ("/a\nb", "/"),
])
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_serve_help_and_missing_queue(tmp_path):
    from click.testing import CliRunner

    from factcheck.cli import main

    runner = CliRunner()
    r = runner.invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "127.0.0.1" in r.output and "factcheck serve" in r.output
    r = runner.invoke(main, ["serve", str(tmp_path / "none.queue")])
    assert r.exit_code == 1 and "Error:" in r.output and "queue init" in r.output
