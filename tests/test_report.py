"""factcheck report: one self-contained HTML page of a batch and a queue, with inline SVG charts."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from click.testing import CliRunner

from factcheck.cli import main
from test_export import build_queue, claim_records


class Collect(HTMLParser):
    """Gathers tags, the text of the page and any reference to something outside it."""

    def __init__(self):
        super().__init__()
        self.tags, self.text, self.external = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.external.append(value)

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Collect:
    c = Collect()
    c.feed(html)
    return c


def claims_file(tmp_path):
    rows = claim_records()
    rows.append({**rows[2], "claim_id": "evil", "doc_id": "d9",
                 "text": "<script>alert(1)</script> 5 of 6 officials denies it.", "checkworthiness": 0.99})
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "claims.jsonl.errors.jsonl").write_text('{"file": "x", "line": 3, "reason": "broken"}\n')
    return path


def test_report_of_a_batch_and_a_queue(tmp_path):
    q = build_queue(tmp_path / "q.queue")
    q.close()
    path = claims_file(tmp_path)
    out = tmp_path / "report.html"
    r = CliRunner().invoke(main, ["report", str(out), "--claims", str(path), "--queue", str(tmp_path / "q.queue"),
                                  "--top", "3"])
    assert r.exit_code == 0, r.output
    html = out.read_text()
    page = parse(html)
    assert page.external == [] and "script" not in page.tags  # self-contained, nothing runs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert page.tags.count("svg") >= 6
    text = " ".join(page.text)
    for needle in ("Claims by label", "Facets by kind", "Check-worthiness", "Top 3 claims to check",
                   "Verdicts by reviewer", "Agreement", "Claims by status"):
        assert needle in text
    # the top claim is the most check-worthy contested one; counts are right
    first_row = re.search(r"<tr><td class=\"num\">1</td>.*?</tr>", html).group(0)
    assert "alert(1)" in first_row and "contested" in first_row
    assert re.search(r"<b>5</b>claims", html) and re.search(r"<b>1</b>unreadable rows", html)
    assert re.search(r"<b>5</b>verdicts", html)


def test_report_of_a_claims_file_alone_and_errors(tmp_path):
    path = claims_file(tmp_path)
    r = CliRunner().invoke(main, ["report", str(path)])
    assert r.exit_code == 0, r.output
    html = (tmp_path / "claims.jsonl.html").read_text()
    assert "Reviewer queue" not in html and "Scored batch" in html
    r = CliRunner().invoke(main, ["report", str(tmp_path / "r.html")])
    assert r.exit_code == 1 and r.output.startswith("Error: nothing to report on")
    r = CliRunner().invoke(main, ["report", str(tmp_path / "r.pdf"), "--claims", str(path)])
    assert r.exit_code == 1 and ".html" in r.output
    r = CliRunner().invoke(main, ["report", "--help"])
    assert r.output.rstrip().splitlines()[-1].strip().startswith("factcheck report")


def test_queue_only_report_shows_pending_claims(tmp_path):
    q = build_queue(tmp_path / "q.queue")
    q.close()
    out = tmp_path / "q.html"
    r = CliRunner().invoke(main, ["report", str(out), "--queue", str(tmp_path / "q.queue")])
    assert r.exit_code == 0, r.output
    html = out.read_text()
    assert "waiting for review" in html and "Unemployment fell to 3.6 percent" in html
    assert "Check-worthiness distribution" in html and "Scored batch" not in html


def test_a_broken_row_is_named_counted_and_the_rest_reported(tmp_path):
    path = claims_file(tmp_path)
    lines = path.read_text().splitlines(keepends=True)
    lines.insert(2, '{"claim_id": "cut", "text": \n')
    path.write_text("".join(lines))
    (tmp_path / "claims.jsonl.errors.jsonl").unlink()
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["report", str(out), "--claims", str(path)])
    assert r.exit_code == 1
    assert f"{path}:3: broken JSON" in r.stderr
    html = out.read_text()
    assert _card(html, "unreadable rows") == 1
    assert _card(html, "claims") == len(claim_records()) + 1  # every other row is reported


@pytest.mark.parametrize("bad", ["NaN", '"high"', "1.5", "-0.2", "true"])
def test_a_row_whose_score_is_no_number_from_0_to_1_is_named_and_the_rest_reported(tmp_path, bad):
    path = claims_file(tmp_path)
    lines = path.read_text().splitlines(keepends=True)
    lines.insert(1, '{"claim_id": "odd", "doc_id": "d", "text": "A claim.", "checkworthiness": %s}\n' % bad)
    path.write_text("".join(lines))
    (tmp_path / "claims.jsonl.errors.jsonl").unlink()
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["report", str(out), "--claims", str(path)])
    assert r.exit_code == 1 and r.exception is None or isinstance(r.exception, SystemExit)
    assert f"{path}:2: checkworthiness" in r.stderr
    assert _card(out.read_text(), "claims") == len(lines) - 1  # every row but the odd one


def _card(html: str, label: str) -> int:
    return int(re.search(rf"<b>([\d,]+)</b>{label}<", html).group(1).replace(",", ""))


def test_a_file_of_documents_is_no_claims_file(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"doc_id": "a", "text": "Ten people died."}\n{"doc_id": "b", "text": "Rain fell."}\n')
    r = CliRunner().invoke(main, ["report", str(tmp_path / "r.html"), "--claims", str(docs)])
    assert r.exit_code == 1
    assert "docs.jsonl:1: not a claim record" in r.stderr
    assert not (tmp_path / "r.html").exists()


def test_queue_report_counts_not_a_claim_verdicts_as_stats_does(tmp_path):
    from factcheck.queue import Queue
    path = tmp_path / "n.queue"
    with Queue(path) as q:
        q.add_claims(claim_records())
        q.add_reviewer("ann")
        ids = [r["claim_id"] for r in claim_records()]
        q.record_verdict(ids[0], "ann", not_a_claim=True)
        q.record_verdict(ids[1], "ann", "true")
        stats = q.stats()
    assert {"not-a-claim": 1} in stats["ratings_by_label"].values() or any(
        "not-a-claim" in c for c in stats["ratings_by_label"].values())
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["report", str(out), "--queue", str(path)])
    assert r.exit_code == 0, r.output
    html = out.read_text()
    assert _card(html, "not-a-claim verdicts") == stats["not_a_claim"] == 1
    assert _card(html, "settled claims") == stats["settled"]["claims"]
    assert ">not-a-claim</th>" in html
