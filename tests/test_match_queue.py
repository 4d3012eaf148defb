"""The queue as a memory: "checked before" on a real temp queue, reuse, copies, terminal and web."""
from __future__ import annotations

import re

import pytest

from factcheck.errors import QueueError
from factcheck.matching.queue_index import reuse
from factcheck.queue import Queue

CLAIMS = [
    ("old", "doc-a", "The city zoo counted 212 penguins in its spring census."),
    ("other", "doc-b", "The city zoo counted 500 penguins in its spring census."),
    ("new", "doc-c", "In its spring census the city zoo counted 212 penguins."),
    ("copy", "doc-d", "In its spring census the city zoo counted 212 penguins."),
    ("far", "doc-e", "A ferry service to the island resumes next week."),
]


@pytest.fixture
def queue(tmp_path):
    q = Queue(tmp_path / "memory.queue")
    q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "label": "unsourced"}
                  for cid, doc, text in CLAIMS])
    q.add_reviewer("rita")
    q.add_reviewer("sam")
    q.record_verdict("old", "rita", "mostly-true", evidence=["https://zoo.example.org/census"], note="census sheet")
    yield q
    q.close()


def test_checked_before_names_the_earlier_verdict_its_evidence_and_the_figures(queue):
    got = queue.get_claim("new", reviewer="sam")
    (first, *_) = got["checked_before"]
    assert first["claim_id"] == "old" and first["figures"] == "same"
    assert first["verdict"]["rating"] == "mostly-true"
    assert first["verdict"]["evidence"] == ["https://zoo.example.org/census"]
    assert "stands" not in first["verdict"]
    assert all(m["claim_id"] != "new" for m in got["checked_before"])


def test_a_verdict_on_other_figures_is_shown_but_does_not_stand(queue):
    (first, *_) = queue.get_claim("other", reviewer="sam")["checked_before"]
    assert first["claim_id"] == "old" and first["figures"] == "different"
    assert first["verdict"]["stands"] is False
    with pytest.raises(QueueError):
        reuse(queue, "other", "sam", first)


def test_unrelated_claim_and_empty_queue_have_nothing_checked_before(queue, tmp_path):
    assert all(m["claim_id"] != "far" for m in queue.get_claim("new")["checked_before"])
    empty = Queue(tmp_path / "empty.queue")
    empty.add_claims([{"claim_id": "x", "doc_id": "d", "start": 0, "end": 10, "text": "A claim with no past.", "label": "unsourced"}])
    assert empty.get_claim("x")["checked_before"] == []
    empty.close()


def test_a_settled_claim_sharing_only_a_word_is_not_checked_before(tmp_path):
    """Among the few settled claims of a queue the re-ranker ranks some claim first whatever it
    says; one whose words lie further than the fast tier's same-claim floor is not offered."""
    with Queue(tmp_path / "small.queue") as q:
        rows = [("ferry", "A ferry service to the island resumes next week."),
                ("museum", "The island's museum reopened after two years of repairs."),
                ("ferry2", "Ferry service to the island will resume next week.")]
        q.add_claims([{"claim_id": cid, "doc_id": cid, "start": 0, "end": len(t), "text": t, "label": "unsourced"}
                      for cid, t in rows])
        q.add_reviewer("rita")
        q.record_verdict("ferry", "rita", "true")
        assert q.get_claim("museum")["checked_before"] == []
        assert [m["claim_id"] for m in q.get_claim("ferry2")["checked_before"]] == ["ferry"]


def test_a_settled_claim_the_model_does_not_take_for_the_same_claim_is_not_offered(tmp_path):
    """Two claims of one town's news share words (the mayor, the city, a figure) and pass the
    static floor, but the re-ranker does not take them for one claim: a verdict on one must not
    be offered for reuse on the other (as ``match --min-score 0.5`` would not match them)."""
    with Queue(tmp_path / "town.queue") as q:
        rows = [("harbor", "doc-a", "The city council approved a $45 million expansion of the harbor on March 3, "
                                    "according to the mayor's office."),
                ("school", "doc-b", "Mayor Jane O'Hara said the school budget rose by 12 percent in 2023.")]
        q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(t), "text": t, "label": "unsourced"}
                      for cid, doc, t in rows])
        q.add_reviewer("rita")
        q.add_reviewer("sam")
        q.record_verdict("harbor", "rita", "false")
        assert q.get_claim("school", reviewer="sam")["checked_before"] == []
        with pytest.raises(QueueError):
            from factcheck.matching.queue_index import find
            find(q, "school", 1)


def test_reuse_records_a_verdict_naming_the_one_it_reused(queue):
    match = queue.get_claim("new", reviewer="sam")["checked_before"][0]
    v = reuse(queue, "new", "sam", match)
    assert v["reuses"] == match["verdict"]["verdict_id"] and v["rating"] == "mostly-true"
    assert queue.settled("new")["rating"] == "mostly-true"
    # the settled claim now serves the next ones too
    assert {m["claim_id"] for m in queue.get_claim("copy")["checked_before"]} >= {"old", "new"}


def test_copies_in_other_documents_are_grouped(queue):
    got = queue.get_claim("new")
    assert [c["claim_id"] for c in got["copies"]] == ["copy"]
    assert queue.get_claim("far")["copies"] == []


def test_the_same_words_on_another_date_are_no_copy(tmp_path):
    """*On Monday* in articles of different weeks: the same sentence, two dates. A verdict on one
    does not settle the other (the copies' figures must be the same, as for a reused verdict)."""
    text = "The ministry said 300 people were evacuated on Monday."

    def record(cid, doc, day):
        return {"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "label": "sourced",
                "facets": [{"kind": "count", "value": 300, "unit": "people", "start": 18, "end": 28},
                           {"kind": "date", "value": day, "start": 47, "end": 53}]}

    with Queue(tmp_path / "dates.queue") as q:
        q.add_claims([record("march", "d1", "2024-03-11"), record("january", "z9", "2024-01-08"),
                      record("march2", "d2", "2024-03-11")])
        assert [c["claim_id"] for c in q.get_claim("march")["copies"]] == ["march2"]
        q.add_reviewer("ana")
        v = q.record_verdict("march", "ana", "false", copies=True)
        assert q.settled("march2") is not None and q.settled("january") is None
        assert len(v["copies"]) == 1


def test_queue_is_a_matching_source_for_the_cli(queue, tmp_path):
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    qfile = tmp_path / "q.jsonl"
    qfile.write_text(json.dumps({"id": "n1", "text": "Zoo census: 212 penguins counted this spring"}) + "\n")
    result = CliRunner().invoke(main, ["match", str(qfile), "--against", str(queue.path)])
    assert result.exit_code == 0, result.output
    (m, *_) = json.loads(result.stdout)["matches"]
    assert m["id"] == "old" and m["figures"] == "same" and m["verdict"]["rating"] == "mostly-true"


def test_terminal_screen_shows_checked_before_and_r_reuses(queue):
    from factcheck.queue.review import ReviewSession, claim_fragments

    session = ReviewSession(queue, "sam")
    while session.claim_id not in ("new", None):
        session.skip()
    assert session.claim_id == "new"
    text = "".join(t for _, t in claim_fragments(session))
    assert "Checked before: mostly-true" in text and "figures agree" in text and "[r to reuse]" in text
    verdict = session.reuse()
    assert verdict["reuses"] is not None and queue.settled("new")["rating"] == "mostly-true"


def test_web_api_claim_carries_checked_before(queue):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from factcheck.web.app import create_app

    secret = queue.add_reviewer("webby")
    with TestClient(create_app(queue.path, secret_key="k")) as client:
        r = client.get("/api/claims/new", headers={"Authorization": f"Bearer {secret}"})
    assert r.status_code == 200
    assert r.json()["checked_before"][0]["claim_id"] == "old"


# -- reuse and copies, everywhere a reviewer works ---------------------------------------------

def _web(queue, name="webby"):
    """Return (TestClient, CSRF token) of ``name`` logged in on a web app over the queue."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from factcheck.web.app import create_app

    secret = queue.add_reviewer(name)
    client = TestClient(create_app(queue.path, secret_key="k"))
    r = client.post("/login", data={"name": name, "secret": secret}, follow_redirects=False)
    assert r.status_code == 303
    return client, client.cookies.get("factcheck_csrf")


def _verdicts_on(queue, claim_id):
    return [v for v in queue.get_claim(claim_id)["verdicts"] if v["kind"] == "verdict" and v["current"]]


def test_web_page_shows_checked_before_with_evidence_figures_article_and_reuse_key(queue):
    queue.record_verdict("old", "sam", "mostly-true", note="<script>alert(1)</script>",
                         evidence=["https://zoo.example.org/census?a=1&b=2"])  # sam's verdict now counts too
    client, _ = _web(queue)
    with client:
        html = client.get("/claims/new").text
    panel = html[html.index('id="checked-before"'):]
    assert "The city zoo counted 212 penguins in its spring census." in panel and "mostly-true" in panel
    assert "figures agree" in panel and "doc-a" in panel
    assert 'href="https://zoo.example.org/census?a=1&amp;b=2"' in panel
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    button = re.search(r'<button[^>]*class="secondary reuse"[^>]*>', panel).group(0)
    assert 'data-key="r"' in button and "disabled" not in button
    assert "<kbd>r</kbd>" in html.split('id="keys-title"')[1]  # the key is in the key help
    # the copies in other articles, and the box that gives them the verdict too
    copies = html[html.index('id="copies"'):]
    assert "Also in 1 other article" in copies and "doc-d" in copies and 'name="copies"' in copies


def test_web_reuse_records_a_verdict_naming_the_reused_one_and_settles_the_copies(queue):
    client, _ = _web(queue)
    with client:
        [match] = [m for m in client.get("/api/claims/new").json()["checked_before"] if m["claim_id"] == "old"]
        reused = match["verdict"]["verdict_id"]
        r = client.post("/api/claims/new/reuse", json={"verdict_id": reused, "copies": True},
                        headers={"X-CSRF-Token": client.cookies.get("factcheck_csrf")})
    assert r.status_code == 201, r.text
    v = r.json()
    assert (v["reuses"], v["rating"], v["reviewer"]) == (reused, "mostly-true", "webby")
    assert v["evidence"] == ["https://zoo.example.org/census"]  # the reused verdict's evidence
    [copy] = _verdicts_on(queue, "copy")
    assert v["copies"] == [copy["verdict_id"]] and copy["reuses"] == v["verdict_id"]
    assert copy["rating"] == "mostly-true" and copy["reviewer"] == "webby"
    assert queue.settled("new")["rating"] == queue.settled("copy")["rating"] == "mostly-true"


def test_web_refuses_to_reuse_a_verdict_on_different_figures(queue):
    client, csrf = _web(queue)
    with client:
        html = client.get("/claims/other").text
        panel = html[html.index('id="checked-before"'):]
        button = re.search(r'<button[^>]*class="secondary reuse"[^>]*>', panel).group(0)
        assert "disabled" in button and 'data-key="r"' not in button
        assert "Cannot be reused: its figures differ" in panel
        assert "500 penguins here, 212 penguins there" in panel  # the differing values, as written
        reused = client.get("/api/claims/other").json()["checked_before"][0]["verdict"]["verdict_id"]
        r = client.post("/api/claims/other/reuse", json={"verdict_id": reused}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 422 and "other figures" in r.json()["error"]
        # the form post (no script) is refused the same way, with the page and its message
        r = client.post("/claims/other/reuse", data={"csrf_token": csrf, "reuses": str(reused)}, follow_redirects=False)
        assert r.status_code == 422 and "other figures" in r.text
        # a verdict the claim was never matched with cannot be smuggled in either
        far = queue.record_verdict("far", "rita", "true")["verdict_id"]
        r = client.post("/api/claims/new/reuse", json={"verdict_id": far}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 422 and "not among the claims checked before" in r.json()["error"]
    assert _verdicts_on(queue, "other") == [] and _verdicts_on(queue, "new") == []


def test_web_reuse_form_post_works_without_script(queue):
    client, csrf = _web(queue)
    with client:
        reused = client.get("/api/claims/new").json()["checked_before"][0]["verdict"]["verdict_id"]
        r = client.post("/claims/new/reuse", data={"csrf_token": csrf, "reuses": str(reused), "copies": "1",
                                                     "note": "same census"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/next"
    [v] = _verdicts_on(queue, "new")
    assert (v["reuses"], v["note"]) == (reused, "same census")
    assert _verdicts_on(queue, "copy")[0]["reuses"] == v["verdict_id"]


def test_checked_before_never_shows_a_peers_verdict_on_this_claim(tmp_path):
    q = Queue(tmp_path / "double.queue")
    q.init(reviews_per_claim=2)
    q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "label": "unsourced"}
                  for cid, doc, text in CLAIMS])
    for name in ("rita", "sam", "bob"):
        q.add_reviewer(name)
    for name in ("rita", "sam"):
        q.record_verdict("old", name, "mostly-true", evidence=["https://zoo.example.org/census"])
    q.record_verdict("new", "bob", "false", note="bob's own reading")
    client, _ = _web(q)
    with client:
        got = client.get("/api/claims/new").json()
        html = client.get("/claims/new").text
        copy_page = client.get("/api/claims/copy").json()
    assert [m["claim_id"] for m in got["checked_before"]] == ["old"] and got["verdicts"] == []
    assert "bob's own reading" not in html and "bob" not in html
    # the copy's page neither: a claim with one of its two verdicts is not checked yet
    assert "new" not in [m["claim_id"] for m in copy_page["checked_before"]]
    q.close()


def test_blind_review_hides_the_match_score_not_the_earlier_verdicts(tmp_path):
    q = Queue(tmp_path / "blind.queue")
    q.init(blind=True)
    q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "label": "unsourced"}
                  for cid, doc, text in CLAIMS])
    q.add_reviewer("rita")
    q.add_reviewer("ed", role="editor")
    q.record_verdict("old", "rita", "mostly-true")
    [mine] = [m for m in q.get_claim("new", reviewer="rita")["checked_before"] if m["claim_id"] == "old"]
    assert "score" not in mine and mine["verdict"]["rating"] == "mostly-true"
    assert "score" in q.get_claim("new", reviewer="ed")["checked_before"][0]
    client, _ = _web(q)
    with client:
        html = client.get("/claims/new").text
    assert 'id="checked-before"' in html and " · match " not in html
    q.close()


def test_verdict_with_copies_on_the_command_line_keeps_the_review_rules(tmp_path):
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    q = Queue(tmp_path / "cli.queue")
    q.init(reviews_per_claim=2)
    q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "label": "unsourced"}
                  for cid, doc, text in CLAIMS])
    q.add_reviewer("sam")
    q.add_reviewer("rita")
    q.close()
    run = CliRunner().invoke(main, ["queue", "verdict", str(tmp_path / "cli.queue"), "new", "--reviewer", "sam",
                                    "--rating", "true", "--evidence", "https://zoo.example.org/count", "--copies",
                                    "--json"])
    assert run.exit_code == 0, run.output
    row = json.loads(run.stdout)
    with Queue(tmp_path / "cli.queue") as q:
        [copy] = _verdicts_on(q, "copy")
        assert row["copies"] == [copy["verdict_id"]] and copy["reuses"] == row["verdict_id"]
        assert copy["evidence"] == ["https://zoo.example.org/count"]
        # two reviews a claim: one reviewer's verdict settles neither the claim nor its copy
        assert q.settled("new") is None and q.settled("copy") is None
        assert q.get_claim("copy")["status"] == "in_review"
        # a copy the reviewer already judged keeps their own verdict
        q.record_verdict("copy", "rita", "false")
        again = q.record_verdict("copy", "rita", "false", copies=True)  # its copy "new": rita has no verdict there
        assert [q.verdict(i)["claim_id"] for i in again["copies"]] == ["new"]
        q.record_verdict("new", "rita", "true", copies=True)
        assert [v["rating"] for v in _verdicts_on(q, "copy") if v["reviewer"] == "rita"] == ["false"]
        assert q.settled("new")["rating"] == "true" and q.get_claim("copy")["status"] == "disputed"


def test_terminal_keys_c_then_r_reuse_for_the_claim_and_its_copies(queue):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from factcheck.queue.review import ReviewSession, claim_fragments, run_review

    session = ReviewSession(queue, "sam")
    assert session.claim_id == "copy"  # first in the queue's order; "new" is its copy in doc-c
    text = "".join(t for _, t in claim_fragments(session))
    assert "Also in 1 other article: doc-c" in text and "[c]opies too" in text and "[r]euse" in text
    session.quit()
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("cr\x03")
        done = run_review(queue, "sam", input=inp, output=DummyOutput())
    assert done.reviewed == 1
    [v] = _verdicts_on(queue, "copy")
    [c] = _verdicts_on(queue, "new")
    assert v["reuses"] == queue.get_claim("old")["verdicts"][0]["verdict_id"] and c["reuses"] == v["verdict_id"]
    assert queue.settled("copy")["rating"] == queue.settled("new")["rating"] == "mostly-true"


def test_terminal_r_refuses_a_verdict_on_other_figures(queue):
    from factcheck.queue.review import ReviewSession, claim_fragments

    session = ReviewSession(queue, "sam")
    while session.claim_id not in ("other", None):
        session.skip()
    text = "".join(t for _, t in claim_fragments(session))
    assert "FIGURES DIFFER (500 penguins here, 212 penguins there)" in text and "[r to reuse]" not in text
    assert session.reuse() is None and "No earlier verdict" in session.message
    assert _verdicts_on(queue, "other") == []


def test_an_imported_fact_check_is_checked_before_for_a_new_claim(tmp_path):
    with Queue(tmp_path / "imported.queue") as q:
        q.add_claims([{"claim_id": "fresh", "doc_id": "today", "start": 0, "end": 60, "label": "unsourced",
                       "text": "The tram line carried 38,000 riders on its busiest day in May."}])
        result = q.import_verdicts([("checks.jsonl", 1, {
            "claim": {"claim_id": "checked", "doc_id": "archive", "start": 0, "end": 58,
                      "text": "On its busiest day in May the tram line carried 38,000 riders."},
            "verdict": {"reviewer": "import", "rating": "true", "evidence": ["https://tram.example.org/may"]}})])
        assert result.verdicts == 1
        (m, *_) = q.get_claim("fresh")["checked_before"]
        assert (m["claim_id"], m["figures"], m["reusable"]) == ("checked", "same", True)
        assert m["verdict"]["by"] == "import" and m["verdict"]["evidence"] == ["https://tram.example.org/may"]


def test_undo_takes_back_a_verdict_with_the_copies_it_was_given_to(queue):
    from factcheck.queue.review import ReviewSession

    session = ReviewSession(queue, "sam")
    assert session.claim_id == "copy" and session.toggle_copies()
    session.rate(0)
    assert len(_verdicts_on(queue, "copy")) == len(_verdicts_on(queue, "new")) == 1
    session.undo()
    assert session.claim_id == "copy"  # the claim the reviewer rated comes back, not its copy
    assert _verdicts_on(queue, "copy") == [] and _verdicts_on(queue, "new") == []
    assert queue.get_claim("new")["status"] == "pending"
    # a reuse of someone else's verdict is undone alone
    match = queue.get_claim("new")["checked_before"][0]
    reuse(queue, "new", "sam", match)
    queue.undo_last("sam")
    assert _verdicts_on(queue, "new") == [] and queue.settled("old") is not None


def test_undo_switches_copies_off_for_the_claim_that_comes_back(queue):
    from factcheck.queue.review import ReviewSession

    session = ReviewSession(queue, "sam")
    assert session.claim_id == "copy"
    session.rate(0)  # without its copies
    while session.claim_id not in ("new", None):
        session.skip()
    assert session.claim_id == "new" and session.toggle_copies()  # switched on for the claim on screen
    session.undo()
    assert session.claim_id == "copy" and session.copies is False
    session.rate(0)
    assert len(_verdicts_on(queue, "copy")) == 1 and _verdicts_on(queue, "new") == []


def test_an_imported_fact_check_stands_in_a_queue_wanting_two_reviews_until_disputed(tmp_path):
    with Queue(tmp_path / "two.queue") as q:
        q.init(reviews_per_claim=2)
        q.add_claims([{"claim_id": "fresh", "doc_id": "today", "start": 0, "end": 60, "label": "unsourced",
                       "text": "The tram line carried 38,000 riders on its busiest day in May."}])
        q.import_verdicts([("checks.jsonl", 1, {
            "claim": {"claim_id": "checked", "doc_id": "archive", "start": 0, "end": 58,
                      "text": "On its busiest day in May the tram line carried 38,000 riders."},
            "verdict": {"reviewer": "import", "rating": "true"}})])
        q.add_reviewer("ann")
        q.record_verdict("fresh", "ann", "false")  # one review of two: not settled, never checked before
        assert q.settled("checked") is None
        (m, *_) = q.get_claim("fresh")["checked_before"]
        assert (m["claim_id"], m["verdict"]["settled_by"], m["reusable"]) == ("checked", "import", True)
        q.record_verdict("checked", "ann", "false")  # a reviewer disagrees with the import: disputed
        assert q.get_claim("checked")["status"] == "disputed"
        assert all(m["claim_id"] != "checked" for m in q.get_claim("fresh")["checked_before"])
        # a verdict given in the queue is never taken for an imported one
        assert all(m["claim_id"] != "fresh" for m in q.get_claim("checked")["checked_before"])


def test_cli_reuses_is_checked_as_the_web_reuse_is(queue):
    """`queue verdict --reuses` takes the earlier rating and evidence, and is refused for a verdict
    on other figures or one not checked before the claim, as the web's Reuse is."""
    from click.testing import CliRunner
    from factcheck.cli import main
    path = str(queue.path)
    old = queue.get_claim("new", reviewer="sam")["checked_before"][0]["verdict"]["verdict_id"]
    run = CliRunner().invoke
    r = run(main, ["queue", "verdict", path, "other", "--reviewer", "sam", "--reuses", str(old)])
    assert r.exit_code == 1 and "other figures" in r.output
    r = run(main, ["queue", "verdict", path, "far", "--reviewer", "sam", "--reuses", str(old)])
    assert r.exit_code == 1 and "not among the claims checked before" in r.output
    r = run(main, ["queue", "verdict", path, "new", "--reviewer", "sam", "--reuses", str(old), "--rating", "false"])
    assert r.exit_code == 1 and "rated it mostly-true" in r.output
    r = run(main, ["queue", "verdict", path, "new", "--reviewer", "sam", "--reuses", str(old), "--not-a-claim"])
    assert r.exit_code == 2
    r = run(main, ["queue", "verdict", path, "new", "--reviewer", "sam", "--reuses", str(old), "--json"])
    assert r.exit_code == 0, r.output
    import json
    v = json.loads(r.output)
    assert (v["reuses"], v["rating"], v["evidence"]) == (old, "mostly-true", ["https://zoo.example.org/census"])


def test_an_agreed_claim_brings_every_reviewers_evidence_and_notes(tmp_path):
    """Two reviewers agree; only one cites a source. Checked before, and a reuse, carry what both
    found, not only the verdict that happened to settle it."""
    from factcheck.matching.queue_index import find
    with Queue(tmp_path / "two.queue") as q:
        q.init(reviews_per_claim=2)
        q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text,
                       "label": "unsourced"} for cid, doc, text in CLAIMS])
        for name in ("rita", "sam", "tom"):
            q.add_reviewer(name)
        q.record_verdict("old", "rita", "false", evidence=["https://zoo.example.org/census"], note="census sheet")
        q.record_verdict("old", "sam", "false")
        (first, *_) = q.get_claim("new", reviewer="tom")["checked_before"]
        assert first["claim_id"] == "old"
        assert first["verdict"]["evidence"] == ["https://zoo.example.org/census"]
        assert first["verdict"]["note"] == "census sheet" and first["verdict"]["by"] == "sam, rita"
        v = reuse(q, "new", "tom", find(q, "new", first["verdict"]["verdict_id"]))
        assert v["evidence"] == ["https://zoo.example.org/census"]


def test_copies_settled_by_agreement_are_left_alone(tmp_path, monkeypatch):
    """A copy two reviewers agreed on is settled: a third reviewer's verdict given with --copies
    would make it disputed and drop it from ClaimReview, so it goes to the unsettled copies only."""
    import json

    from click.testing import CliRunner

    from factcheck.cli import main
    from factcheck.export import export_queue

    text = "The harbour authority logged 340 cargo ships in the first quarter."
    path = tmp_path / "agreed.queue"
    q = Queue(path)
    q.init(reviews_per_claim=2)
    q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "label": "unsourced"}
                  for cid, doc in (("agreed", "doc-1"), ("open", "doc-2"), ("fresh", "doc-3"))])
    for name in ("ana", "ben", "cleo"):
        q.add_reviewer(name)
    q.record_verdict("agreed", "ana", "true")
    q.record_verdict("agreed", "ben", "true")
    assert q.settled("agreed")["rating"] == "true"
    q.close()
    monkeypatch.setattr("factcheck.commands.queue._wants_json", lambda as_json: as_json)  # the terminal's line
    run = CliRunner().invoke(main, ["queue", "verdict", str(path), "open", "--reviewer", "cleo", "--rating", "false",
                                    "--copies"])
    assert run.exit_code == 0, run.output
    assert run.output.rstrip().endswith("1 copies in other documents got it too: fresh")
    with Queue(path) as q:
        assert q.settled("agreed")["rating"] == "true" and q.get_claim("agreed")["status"] == "reviewed"
        assert [v["reviewer"] for v in _verdicts_on(q, "agreed")] == ["ana", "ben"]
        assert [v["reviewer"] for v in _verdicts_on(q, "fresh")] == ["cleo"]
    export_queue(path, tmp_path / "reviews.json", fmt="claimreview", org_name="Check",
                 org_url="https://check.example.org")
    [published] = json.loads((tmp_path / "reviews.json").read_text())
    assert published["url"].endswith("/claims/agreed") and published["reviewRating"]["ratingValue"] == 5
