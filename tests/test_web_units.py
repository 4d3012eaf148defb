"""Parts of the web page that need no server: highlighting, throttling, sessions (charts: test_charts_svg.py)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from factcheck.web.auth import Sessions, Throttle, safe_next
from factcheck.web.highlight import claim_in_context, highlight, page_text
from factcheck.web.spans import nearest, words_pattern


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
    assert _unmark(out) == text.replace("\x00", "\ufffd")  # a NUL, which the browser would drop, shows as U+FFFD
    stripped = out.replace('<mark class="facet" title="', "").replace("</mark>", "")
    assert "<" not in stripped.replace('">', "")


@pytest.mark.parametrize("text,expected", [
    # the HTML parser turns a raw CR LF or CR into LF, and drops NUL: a CR goes as a reference,
    # NUL and a lone surrogate (UTF-8 cannot carry one) as U+FFFD, so the page keeps every offset
    ("a\r\nb\rc", "a&#13;\nb&#13;c"),
    ("x\x00y\ud83dz", "x\ufffdy\ufffdz"),
    ("\U0001F680 <b>&\u2028\u0301", "\U0001F680 &lt;b&gt;&amp;\u2028\u0301"),
])
def test_page_text(text, expected):
    assert str(page_text(text)) == expected


def test_runs_keep_a_cr_as_a_reference():
    item = {"claim": {"text": "Rents rose\r\n8 percent.", "start": 7, "end": 30},
            "context": {"before": [{"text": "Intro.\r", "start": 0}], "after": []}}
    out = str(claim_in_context(item))
    assert "\r" not in out
    assert '<span class="context" data-o="0">Intro.&#13;</span>' in out
    assert "Rents rose&#13;\n8 percent." in out


@pytest.mark.parametrize("pieces,start,words,expected", [
    ([(0, "ab ab ab")], 3, "ab", (3, 5)),                   # at the offsets sent
    ([(0, "ab ab ab")], 4, "ab", (3, 5)),                   # the nearest
    ([(0, "ab..ab")], 2, "ab", (0, 2)),                     # as near: the earlier
    ([(10, "x\r\ny")], 10, "x\ny", (10, 14)),              # the page showed CR LF as LF
    ([(10, "x\ry")], 11, "x\ny", (10, 13)),                 # and a lone CR as LF
    ([(0, "a\x00b")], 0, "a\ufffdb", (0, 3)),               # a NUL shown as U+FFFD
    ([(0, "one"), (20, "two words")], 18, "two", (20, 23)),  # claims shown without their document
    ([(0, "a+b (c)")], 0, "(c)", (4, 7)),                   # words are not a pattern
    ([(0, "abc")], 0, "abd", None),
])
def test_nearest(pieces, start, words, expected):
    assert nearest(pieces, start, words) == expected


_SHOWN_AS = str.maketrans({"\x00": "\ufffd"})


def _shown(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_SHOWN_AS)


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\r", "\n", "\x00", "\U0001F680", "\u200d",
                                         "\u0301", "\u2028"]), min_size=1, max_size=40),
       st.data())
def test_nearest_finds_the_words_as_the_page_shows_them(text, data):
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    shift = data.draw(st.integers(-6, 6))
    words = _shown(text[s:e])  # what a page that rewrote line ends would send
    span = nearest([(0, text)], s + shift, words)
    assert span is not None and _shown(text[span[0]:span[1]]) == words
    assert abs(span[0] - (s + shift)) <= abs(shift)
    assert words_pattern(text[s:e]).match(text, s)  # the document's own words always match where they are


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
