"""One table of verdicts, run through every way in: `queue verdict` (CLI), the terminal screen and
the web API. Each door takes what the table says is good and refuses the rest, and a refused
verdict leaves the database as it was: the same check (factcheck.queue.validate) is behind all."""
import json
import sqlite3

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import ValidationError
from factcheck.queue import Queue
from factcheck.queue.review import ReviewSession
from factcheck.queue.validate import UNSET, check_url, parse_facet, parse_span

TEXT = ("Port news\n\nThe harbour master said 40 ships docked in March. "
        "Fees rose 3.5 percent, the council estimates.")
CLAIM_START = TEXT.index("The harbour")
CLAIM_END = TEXT.index("March.") + 6
SOURCE = (CLAIM_START, CLAIM_START + len("The harbour master"))
FIGURE = (TEXT.index("40 ships"), TEXT.index("40 ships") + 8)
MONTH = (TEXT.index("March"), TEXT.index("March") + 5)
OUTSIDE = (TEXT.index("3.5 percent"), TEXT.index("3.5 percent") + 11)  # in the document, in another sentence

# (case, verdict, refused because ... or None when it is taken, doors that can express it)
ALL, NO_SCREEN = ("cli", "screen", "web"), ("cli", "web")
CASES = [
    ("a rating", {"rating": "mostly-true"}, None, ALL),
    ("not a claim", {"not_a_claim": True}, None, ALL),
    ("a rating off the scale", {"rating": "pants-fire"}, "not on the scale", NO_SCREEN),
    ("neither rating nor not-a-claim", {}, "give a rating", NO_SCREEN),
    ("both rating and not-a-claim", {"rating": "false", "not_a_claim": True}, "not both", NO_SCREEN),
    ("a label", {"rating": "false", "label": "unsourced"}, None, ALL),
    ("a label that is none of the four", {"rating": "false", "label": "rumour"}, "label", ALL),
    ("https evidence", {"rating": "true", "evidence": ["https://port.example.org/ships"]}, None, ALL),
    ("javascript evidence", {"rating": "true", "evidence": ["javascript:alert(document.domain)"]}, "http", ALL),
    ("ftp evidence", {"rating": "true", "evidence": ["ftp://x"]}, "http", ALL),
    ("a data: link", {"rating": "true", "evidence": ["data:text/html,<b>x</b>"]}, "http", ALL),
    ("a source span", {"rating": "true", "source": SOURCE}, None, NO_SCREEN),
    ("no source", {"rating": "true", "source": None}, None, ALL),
    ("a source span backwards", {"rating": "true", "source": (SOURCE[1], SOURCE[0])}, "inside the document",
     NO_SCREEN),
    ("a source past the end", {"rating": "true", "source": (0, len(TEXT) + 5)}, "inside the document", NO_SCREEN),
    ("a corrected figure", {"rating": "true", "facets": [{"start": FIGURE[0], "end": FIGURE[1], "value": 41}]},
     None, NO_SCREEN),
    ("not a figure", {"rating": "true", "facets": [{"start": FIGURE[0], "end": FIGURE[1], "value": None,
                                                    "not_a_figure": True}]}, None, NO_SCREEN),
    ("a figure past the end", {"rating": "true", "facets": [{"start": 5, "end": len(TEXT) + 1, "value": 3}]},
     "inside the document", NO_SCREEN),
    ("a count given as a word", {"rating": "true", "facets": [{"start": FIGURE[0], "end": FIGURE[1],
                                                               "value": "banana"}]}, "a count is a number", NO_SCREEN),
    # a figure lies in the claim's own text, and a span that is none of its facets needs a kind (the
    # command line cannot give one: it corrects the claim's facets), else any text passes as a figure
    ("a figure outside the claim", {"rating": "true", "facets": [{"start": OUTSIDE[0], "end": OUTSIDE[1],
                                                                  "value": 3.6}]},
     f"not inside the claim (offsets {CLAIM_START} to {CLAIM_END})", NO_SCREEN),
    ("a figure outside the claim, with its kind", {"rating": "true", "facets": [
        {"start": OUTSIDE[0], "end": OUTSIDE[1], "kind": "percent", "value": 3.6}]}, "not inside the claim", ("web",)),
    ("a span that is none of the claim's figures", {"rating": "true", "facets": [
        {"start": SOURCE[0], "end": SOURCE[1], "value": "anything at all"}]}, "existing facet's span", NO_SCREEN),
    ("not a figure, at a span that is none", {"rating": "true", "facets": [
        {"start": SOURCE[0], "end": SOURCE[1], "value": None, "not_a_figure": True}]}, "existing facet", NO_SCREEN),
    ("a figure the model missed, with its kind", {"rating": "true", "facets": [
        {"start": MONTH[0], "end": MONTH[1], "kind": "date", "value": "2019-03"}]}, None, ("web",)),
]
ROWS = [pytest.param(door, verdict, refused, id=f"{door}: {name}")
        for name, verdict, refused, doors in CASES for door in doors]


@pytest.fixture
def qpath(tmp_path):
    path = tmp_path / "check.queue"
    with Queue(path) as q:
        q.add_claims([{"claim_id": "k1", "doc_id": "port", "text": TEXT[CLAIM_START:CLAIM_END], "start": CLAIM_START,
                       "end": CLAIM_END, "checkworthiness": 0.9, "label": "sourced",
                       "scores": {"sourced": 0.9, "estimated": 0.1, "contested": 0.0},
                       "source": {"text": "The harbour master", "start": SOURCE[0], "end": SOURCE[1]},
                       "facets": [{"kind": "count", "text": "40 ships", "value": 40, "unit": "ships",
                                   "start": FIGURE[0], "end": FIGURE[1], "approximate": False}]}])
        q.add_documents([(None, 1, {"doc_id": "port", "text": TEXT, "title": "Port news"})])
        secret = q.add_reviewer("ann")
    path.with_suffix(".secret").write_text(secret)
    return path


def stored(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT rating, not_a_claim, label, evidence, source_corrected, source_start, source_end,"
                            " facets FROM verdicts").fetchall()
    finally:
        conn.close()


def through_cli(path, verdict) -> str | None:
    args = ["queue", "verdict", str(path), "k1", "--reviewer", "ann"]
    if verdict.get("rating"):
        args += ["--rating", verdict["rating"]]
    if verdict.get("not_a_claim"):
        args += ["--not-a-claim"]
    if verdict.get("label"):
        args += ["--label", verdict["label"]]
    for url in verdict.get("evidence", ()):
        args += ["--evidence", url]
    if "source" in verdict:
        args += ["--source", "none" if verdict["source"] is None else "%d:%d" % verdict["source"]]
    for f in verdict.get("facets", ()):
        args += ["--facet", f"{f['start']}:{f['end']}=" + ("none" if f.get("not_a_figure") else str(f["value"]))]
    result = CliRunner().invoke(main, args)
    if result.exit_code == 0:
        json.loads(result.stdout)  # a pipe gets one JSON object
        return None
    assert "Traceback" not in result.output
    if bool(verdict.get("rating")) == bool(verdict.get("not_a_claim")):
        # neither flag or both: wrong usage of the command (exit 2, spec/CLI.md), its last line says why
        assert result.exit_code == 2
        return result.stderr.strip().splitlines()[-1]
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()  # one line, and it says what went wrong
    assert line.startswith("Error: ")
    return line


def through_screen(path, verdict) -> str | None:
    with Queue(path) as q:
        session = ReviewSession(q, "ann")
        try:
            session.label = verdict.get("label")
            session.evidence = list(verdict.get("evidence", ()))
            session.no_source = "source" in verdict  # the screen's one source correction: o, "no source"
            if verdict.get("not_a_claim"):
                session.not_a_claim()
            else:
                session.rate(q.scale.names().index(verdict["rating"]))
        except ValidationError as exc:
            return str(exc)
        finally:
            session.quit()
    return None


def through_web(path, verdict) -> str | None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from factcheck.web.app import create_app

    body = {k: v for k, v in verdict.items() if k != "source"}
    if "source" in verdict:
        s = verdict["source"]
        body["source"] = None if s is None else {"start": s[0], "end": s[1]}
    with TestClient(create_app(path, secret_key="k")) as client:
        secret = path.with_suffix(".secret").read_text()
        r = client.post("/api/claims/k1/verdicts", json=body, headers={"Authorization": f"Bearer {secret}"})
    if r.status_code == 201:
        return None
    assert r.status_code == 422, r.text
    return r.json()["error"]


DOORS = {"cli": through_cli, "screen": through_screen, "web": through_web}


@pytest.mark.parametrize("door, verdict, refused", ROWS)
def test_every_door_takes_and_refuses_the_same(qpath, door, verdict, refused):
    error = DOORS[door](qpath, verdict)
    rows = stored(qpath)
    if refused is None:
        assert error is None
        [(rating, nac, label, evidence, corrected, s_start, s_end, facets)] = rows
        assert (rating, bool(nac), label) == (verdict.get("rating"), bool(verdict.get("not_a_claim")),
                                              verdict.get("label"))
        assert json.loads(evidence) == verdict.get("evidence", [])
        assert bool(corrected) == ("source" in verdict)
        assert (s_start, s_end) == (tuple(verdict["source"]) if verdict.get("source") else (None, None))
        want = [(f["start"], f["end"], None if f.get("not_a_figure") else f["value"]) for f in verdict.get("facets", ())]
        assert [(f["start"], f["end"], f["value"]) for f in json.loads(facets)] == want
    else:
        assert error is not None and refused in error, error
        assert rows == []  # nothing was stored


@pytest.mark.parametrize("text, expected", [
    ("120:141", (120, 141)), ("none", None), (" 3 : 9 ", (3, 9)),
])
def test_span_option(text, expected):
    assert parse_span(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("10:20=1200000000", {"start": 10, "end": 20, "value": 1200000000, "not_a_figure": False}),
    ("10:20=3.6", {"start": 10, "end": 20, "value": 3.6, "not_a_figure": False}),
    ("10:20=2019-05", {"start": 10, "end": 20, "value": "2019-05", "not_a_figure": False}),
    ("10:20=none", {"start": 10, "end": 20, "value": None, "not_a_figure": True}),
])
def test_facet_option(text, expected):
    assert parse_facet(text) == expected


@pytest.mark.parametrize("bad", ["12", "a:b", "10:20", "10:20="])
def test_bad_span_and_facet_options_say_how(bad):
    with pytest.raises(ValidationError):
        parse_facet(bad) if bad.startswith("10:20") else parse_span(bad)


@pytest.mark.parametrize("kind, value, expected", [
    ("date", "2019-05", "2019-05"), ("date", "2016-W28", "2016-W28"), ("date", "2019-Q3", "2019-Q3"),
    ("date", "199X", "199X"), ("date", "2017-11-04/2017-11-05", "2017-11-04/2017-11-05"),
    ("date", "May 2019", ValidationError), ("date", "banana", ValidationError),
    ("money", "1,200", 1200), ("percent", 3.5, 3.5), ("count", "many", ValidationError),
])
def test_a_corrected_value_must_fit_its_kind(kind, value, expected):
    from factcheck.queue.validate import check_facets
    facet = {"start": 0, "end": 4, "kind": kind, "value": value}
    if expected is ValidationError:
        with pytest.raises(ValidationError):
            check_facets([facet], (0, 10))
    else:
        assert check_facets([facet], (0, 10))[0]["value"] == expected


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "ftp://x", "file:///etc/passwd",
                                 "http://", "https://exa mple.org", "//example.org", "https://ok.example\n"
                                 "javascript:x"])
def test_url_check_refuses(url):
    with pytest.raises(ValidationError):
        check_url(url)


def test_source_without_document_text_stays_inside_the_claims_known(tmp_path):
    with Queue(tmp_path / "nodoc.queue") as q:
        q.add_claims([{"claim_id": "k", "doc_id": "d", "text": "Ships docked.", "start": 30, "end": 43}])
        q.add_reviewer("ann")
        with pytest.raises(ValidationError, match="inside the document"):
            q.record_verdict("k", "ann", "true", source=(40, 60))
        v = q.record_verdict("k", "ann", "true", source=(30, 35))
        assert v["source"] == {"start": 30, "end": 35, "text": "Ships"}
        assert q.record_verdict("k", "ann", "true", source=UNSET)["source_corrected"] is False
