"""factcheck export: every format written, read back, and holding the same verdicts."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

TEXTS = [
    ("The port authority said 12 ships docked in 2019.", "sourced", {"sourced": 0.91, "estimated": 0.1, "contested": 0.02},
     {"text": "The port authority", "start": 0, "end": 18},
     [{"kind": "count", "text": "12 ships", "value": 12, "start": 24, "end": 32, "approximate": False, "unit": "ships"},
      {"kind": "date", "text": "2019", "value": "2019", "start": 43, "end": 47, "approximate": False}]),
    ("Roughly $3.5 million was spent on the bridge.", "estimated", {"sourced": 0.1, "estimated": 0.88, "contested": 0.05},
     None, [{"kind": "money", "text": "$3.5 million", "value": 3500000, "start": 8, "end": 20, "approximate": True,
             "unit": "USD"}]),
    ("The mayor denies that 40 jobs were lost.", "contested", {"sourced": 0.3, "estimated": 0.1, "contested": 0.93},
     None, []),
    ("Unemployment fell to 3.6 percent last year.", "unsourced", {"sourced": 0.2, "estimated": 0.2, "contested": 0.1},
     None, [{"kind": "percent", "text": "3.6 percent", "value": 3.6, "start": 21, "end": 32, "approximate": False}]),
]


def claim_records() -> list[dict]:
    out = []
    for k, (text, label, scores, source, facets) in enumerate(TEXTS):
        out.append({"claim_id": f"c{k}", "doc_id": f"https://news.example.org/a{k}" if k == 0 else f"doc{k}",
                    "text": text, "start": 0, "end": len(text), "checkworthiness": 0.6 + k / 10, "label": label,
                    "scores": scores, "cues": [], "source": source, "facets": facets})
    return out


def build_queue(path: Path):
    """A queue with four claims, two reviewers and an editor: a correction, a dispute settled by
    the editor, an unverifiable rating, and a claim with no verdict."""
    from factcheck.queue import Queue
    q = Queue(path)
    q.init(reviews_per_claim=2)
    q.add_claims(claim_records(), model="fake", model_version="1")
    for name, role in (("alice", "reviewer"), ("bob", "reviewer"), ("ed", "editor")):
        q.add_reviewer(name, role)
    q.record_verdict("c0", "alice", "true", note="matches the port's yearly report",
                     evidence=["https://port.example.org/2019"])
    q.record_verdict("c0", "bob", "true")
    q.record_verdict("c1", "alice", "mostly-false", label="unsourced", note="no estimate in the source")
    q.record_verdict("c1", "bob", "false")
    q.record_verdict("c2", "alice", "unverifiable")
    return q


@pytest.fixture
def queue_path(tmp_path) -> Path:
    path = tmp_path / "newsroom.queue"
    q = build_queue(path)
    q.close()
    return path


def verdicts(path) -> list[dict]:
    from factcheck.queue import Queue
    with Queue(path) as q:
        return list(q.verdict_rows())


def key(row) -> tuple:
    return (row["claim_id"], row["reviewer"], row["rating"], row["label"] or None, row["note"] or None,
            tuple(row["evidence"]), row["created_at"])


def none(value):
    return None if value is None or value != value else value


def export(queue_path, fmt, out, *extra):
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", fmt, "-o", str(out), *extra])
    assert r.exit_code == 0, r.output
    return r


def test_jsonl_round_trip(queue_path, tmp_path):
    out = tmp_path / "v.jsonl"
    r = export(queue_path, "jsonl", out)
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    want = verdicts(queue_path)
    assert [key(x) for x in rows] == [key(x) for x in want] and len(rows) == 5
    assert "wrote 5 verdicts" in r.output and "--since" in r.output
    first = rows[0]
    assert first["model_label"] == "sourced" and first["model_scores"]["sourced"] == 0.91
    assert first["model_facets"][0]["value"] == 12 and first["source"]["text"] == "The port authority"
    assert first["facets"] == [] and first["settled"] is True and first["not_a_claim"] is False
    assert rows[2]["label"] == "unsourced" and rows[2]["model_label"] == "estimated"


def test_csv_and_parquet_round_trip_with_pandas(queue_path, tmp_path):
    import pandas as pd
    want = [key(x) for x in verdicts(queue_path)]
    export(queue_path, "csv", tmp_path / "v.csv")
    df = pd.read_csv(tmp_path / "v.csv", keep_default_na=False)
    got = [(r.claim_id, r.reviewer, r.rating, r.label or None, r.note or None, tuple(json.loads(r.evidence)),
            r.created_at) for r in df.itertuples()]
    assert got == want
    assert json.loads(df.loc[0, "model_scores"])["sourced"] == 0.91
    export(queue_path, "parquet", tmp_path / "v.parquet")
    df = pd.read_parquet(tmp_path / "v.parquet")
    # pandas reads a missing string as NaN
    got = [(r["claim_id"], r["reviewer"], r["rating"], none(r["label"]), none(r["note"]), tuple(r["evidence"]),
            r["created_at"]) for r in df.to_dict("records")]
    assert got == want
    assert df.loc[0, "model_scores"]["sourced"] == 0.91 and df.loc[0, "model_facets"][1]["value"] == "2019"
    assert pd.isna(df.loc[4, "rating_value"]) and df.loc[0, "rating_value"] == 5


def test_hf_dataset_has_class_labels_and_a_card(queue_path, tmp_path):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "hf"
    export(queue_path, "hf", out)
    ds = datasets.load_from_disk(str(out))
    want = verdicts(queue_path)
    ratings = ds.features["rating"]
    assert isinstance(ratings, datasets.ClassLabel) and ratings.names[0] == "true"
    assert isinstance(ds.features["label"], datasets.ClassLabel)
    assert [ratings.int2str(x) for x in ds["rating"]] == [w["rating"] for w in want]
    labels = ds.features["label"]
    assert [labels.int2str(x) if x is not None else None for x in ds["label"]] == [w["label"] for w in want]
    assert ds["evidence"][0] == ["https://port.example.org/2019"] and ds["reviewer"] == [w["reviewer"] for w in want]
    card = (out / "README.md").read_text()
    for needle in ("verdicts: 5", "| alice | 3 |", "| bob | 2 |", "## Agreement", "| unverifiable |  | Unverifiable |",
                   "verdicts on settled claims: 2", "not-a-claim verdicts: 0"):
        assert needle in card
    # exporting again replaces the folder whole
    export(queue_path, "hf", out)
    assert len(datasets.load_from_disk(str(out))) == 5
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".hf.")]


def test_hf_export_of_nothing_new_is_an_empty_set_that_loads(queue_path, tmp_path):
    """The usual incremental run with no verdict since the last: an empty data set with every
    column, not a traceback."""
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "hf"
    r = export(queue_path, "hf", out, "--since", "2099-01-01")
    assert "wrote 0 verdicts" in r.output
    ds = datasets.load_from_disk(str(out))
    assert ds.num_rows == 0 and "rating" in ds.features and (out / "README.md").exists()


def test_hf_export_never_replaces_a_file_with_a_folder(queue_path, tmp_path):
    pytest.importorskip("datasets")
    out = tmp_path / "v.jsonl"
    export(queue_path, "jsonl", out)
    before = out.read_bytes()
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", "hf", "-o", str(out)])
    assert r.exit_code == 1 and "is a file" in r.output and "Traceback" not in r.output
    assert out.read_bytes() == before


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "claimreview"])
def test_a_file_export_to_a_folder_is_one_line_and_writes_nothing(queue_path, tmp_path, fmt):
    folder = tmp_path / "exports"
    folder.mkdir()
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", fmt, "-o", str(folder)])
    assert r.exit_code == 1 and "is a folder" in r.output and r.exception is None or isinstance(r.exception, SystemExit)
    assert len(r.output.strip().splitlines()) == 1
    assert list(folder.iterdir()) == [] and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


REQUIRED = ("@context", "@type", "url", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed")


def settle_the_rest(queue_path):
    """Rule on the disputed c1 and give c2 its second verdict, so c0, c1 and c2 are settled."""
    from factcheck.queue import Queue
    with Queue(queue_path) as q:
        q.adjudicate("c1", "ed", "false", note="the bridge cost is on record")
        q.record_verdict("c2", "bob", "unverifiable")


def test_claimreview_has_the_required_fields(queue_path, tmp_path):
    settle_the_rest(queue_path)
    out = tmp_path / "reviews.json"
    export(queue_path, "claimreview", out, "--org-name", "Example Checks", "--org-url", "https://checks.example.org/")
    reviews = json.loads(out.read_text())
    assert [r["url"] for r in reviews] == [f"https://checks.example.org/claims/c{k}" for k in (0, 1, 2)]
    for r in reviews:
        assert all(k in r for k in REQUIRED) and r["@type"] == "ClaimReview"
        assert r["author"] == {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example.org/"}
        rating = r["reviewRating"]
        assert rating["bestRating"] == 5 and rating["worstRating"] == 1 and rating["alternateName"]
        assert r["itemReviewed"]["@type"] == "Claim" and r["itemReviewed"]["appearance"]
        assert len(r["datePublished"]) == 10
    by_url = {r["url"].rsplit("/", 1)[1]: r for r in reviews}
    assert by_url["c0"]["reviewRating"]["ratingValue"] == 5 and by_url["c0"]["claimReviewed"] == TEXTS[0][0]
    assert by_url["c0"]["itemReviewed"]["appearance"][0]["url"] == "https://news.example.org/a0"
    # the claim's source is its author; the agreeing reviewer's note is the review's body
    assert by_url["c0"]["itemReviewed"]["author"] == {"@type": "Organization", "name": "The port authority"}
    assert by_url["c0"]["reviewBody"] == "matches the port's yearly report"
    assert by_url["c1"]["reviewBody"] == "the bridge cost is on record" and "author" not in by_url["c1"]["itemReviewed"]
    assert by_url["c1"]["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                                           "alternateName": "False"}  # the editor's ruling
    assert "ratingValue" not in by_url["c2"]["reviewRating"]  # unverifiable has no value
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", "claimreview", "-o", str(out)])
    assert r.exit_code == 1 and "--org-name" in r.output


def test_since_exports_only_newer_verdicts_and_bad_inputs_fail_cleanly(queue_path, tmp_path):
    from factcheck.queue import Queue
    rows = verdicts(queue_path)
    cut = rows[2]["created_at"]
    out = tmp_path / "inc.jsonl"
    export(queue_path, "jsonl", out, "--since", cut)
    assert [json.loads(x)["verdict_id"] for x in out.read_text().splitlines()] == [r["verdict_id"] for r in rows[3:]]
    with Queue(queue_path) as q:
        q.record_verdict("c3", "bob", "half-true")
    export(queue_path, "jsonl", out, "--since", rows[-1]["created_at"])
    assert [json.loads(x)["claim_id"] for x in out.read_text().splitlines()] == ["c3"]
    export(queue_path, "jsonl", out, "--since", "2999-01-01")
    assert out.read_text() == ""
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", "csv", "-o", str(out), "--since", "soon"])
    assert r.exit_code == 1 and r.output.startswith("Error: --since 'soon' is not a time")
    r = CliRunner().invoke(main, ["export", str(tmp_path / "nope.queue"), "--format", "csv", "-o", str(out)])
    assert r.exit_code == 1 and "Error:" in r.output and not (tmp_path / "nope.queue").exists()
    r = CliRunner().invoke(main, ["export", "--help"])
    assert r.output.rstrip().splitlines()[-1].strip().startswith("factcheck export")


def test_a_failed_write_leaves_the_old_file_whole(queue_path, tmp_path, monkeypatch):
    import factcheck.export as ex
    out = tmp_path / "v.jsonl"
    out.write_text("old\n")

    def broken(row, *_):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ex, "export_row", broken)
    with pytest.raises(RuntimeError):
        ex.export_queue(queue_path, out, fmt="jsonl")
    assert out.read_text() == "old\n" and [p.name for p in tmp_path.iterdir() if p.name.startswith(".v.")] == []


def test_claimreview_dates_the_claim_when_the_queue_knows_its_publication():
    from factcheck.export import claim_review
    from factcheck.queue import RatingScale
    row = {"claim_id": "c9", "doc_id": "d", "text": "Exports rose 4% in 2019.", "rating": "mostly-true",
           "created_at": "2024-05-02T10:00:00.000000Z", "published": "2024-04-30"}
    review = claim_review(row, RatingScale.default(), "Org", "https://org.example")
    assert review["itemReviewed"]["datePublished"] == "2024-04-30"
    assert review["reviewRating"]["ratingValue"] == 4 and review["datePublished"] == "2024-05-02"
    assert "datePublished" not in claim_review({**row, "published": None}, RatingScale.default(), "O",
                                               "https://o.example")["itemReviewed"]


def test_claimreview_takes_date_and_url_from_the_documents_table(queue_path, tmp_path):
    settle_the_rest(queue_path)
    docs = tmp_path / "articles.jsonl"
    docs.write_text(json.dumps({"doc_id": "doc1", "published": "2024-03-15", "url": "https://news.example.org/budget",
                                "text": "..."}) + "\n" + json.dumps({"doc_id": "doc2", "text": "..."}) + "\n")
    out = tmp_path / "reviews.json"
    export(queue_path, "claimreview", out, "--org-name", "Checks", "--org-url", "https://checks.example.org",
           "--docs", str(docs))
    reviews = {r["url"].rsplit("/", 1)[-1]: r for r in json.loads(out.read_text())}
    assert reviews["c1"]["itemReviewed"]["datePublished"] == "2024-03-15"
    assert reviews["c1"]["itemReviewed"]["appearance"][0]["url"] == "https://news.example.org/budget"
    assert "datePublished" not in reviews["c2"]["itemReviewed"]  # doc2 has no date: none is guessed


def test_claimreview_publishes_only_web_links_as_where_a_claim_appeared(queue_path, tmp_path):
    """A documents table is not ours: a ``javascript:`` or ``file:`` link in its url column is
    left out of ``appearance`` (the check evidence passes), an http(s) one is kept."""
    settle_the_rest(queue_path)
    docs = tmp_path / "articles.jsonl"
    docs.write_text(json.dumps({"doc_id": "doc1", "url": "javascript:alert(1)", "text": "..."}) + "\n"
                    + json.dumps({"doc_id": "doc2", "url": "file:///etc/passwd", "text": "..."}) + "\n")
    out = tmp_path / "reviews.json"
    export(queue_path, "claimreview", out, "--org-name", "Checks", "--org-url", "https://checks.example.org",
           "--docs", str(docs))
    reviews = {r["url"].rsplit("/", 1)[-1]: r for r in json.loads(out.read_text())}
    assert reviews["c1"]["itemReviewed"]["appearance"] == [{"@type": "CreativeWork", "name": "doc1"}]
    assert "url" not in reviews["c2"]["itemReviewed"]["appearance"][0]
    assert reviews["c0"]["itemReviewed"]["appearance"][0]["url"] == "https://news.example.org/a0"


@pytest.mark.parametrize("org_url", ["https://a.example.org/base/?q=1#frag", "https://a.example.org/base?q=1",
                                     "https://a.example.org/base/#top", "https://a.example.org/?"])
def test_claimreview_refuses_an_organisation_url_with_a_query_or_fragment(queue_path, tmp_path, org_url):
    """Each review's url is ORG_URL/claims/CLAIM_ID: after a query or fragment that path would be
    part of them, so such an --org-url is refused in one line and nothing is written."""
    out = tmp_path / "reviews.json"
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", "claimreview", "-o", str(out),
                                  "--org-name", "A", "--org-url", org_url])
    assert r.exit_code == 1 and not out.exists(), r.output
    assert r.output.startswith("Error: --org-url") and "query or fragment" in r.output
    assert len(r.output.strip().splitlines()) == 1
    export(queue_path, "claimreview", out, "--org-name", "A", "--org-url", "https://a.example.org/base/")
    assert json.loads(out.read_text())[0]["url"] == "https://a.example.org/base/claims/c0"


# -- what is published and what is settled, state by state ------------------------------------

def claimreview_ids(path, tmp_path) -> list[str]:
    out = tmp_path / "cr.json"
    export(path, "claimreview", out, "--org-name", "Checks", "--org-url", "https://checks.example.org")
    return [r["url"].rsplit("/", 1)[-1] for r in json.loads(out.read_text())]


def settled_column(path, tmp_path) -> dict:
    out = tmp_path / "rows.jsonl"
    export(path, "jsonl", out)
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    return {r["claim_id"]: r["settled"] for r in rows}


STATES = [
    # (name, agree_within, verdicts as (reviewer, rating or "n/a" for not a claim, label), ruling, published rating)
    ("one of two verdicts", 0, [("alice", "false", None)], None, None),
    ("two that agree", 0, [("alice", "false", None), ("bob", "false", None)], None, "false"),
    ("two that differ", 0, [("alice", "true", None), ("bob", "false", None)], None, None),
    ("a ruling on a dispute", 0, [("alice", "true", None), ("bob", "false", None)], "half-true", "half-true"),
    ("within the tolerance", 1, [("alice", "true", None), ("bob", "mostly-true", None)], None, "mostly-true"),
    ("beyond the tolerance", 1, [("alice", "true", None), ("bob", "half-true", None)], None, None),
    ("both say not a claim", 0, [("alice", "n/a", None), ("bob", "n/a", None)], None, None),
    ("not a claim against a rating", 0, [("alice", "n/a", None), ("bob", "false", None)], None, None),
    ("agreed rating, labels differ", 0, [("alice", "false", "sourced"), ("bob", "false", "unsourced")], None,
     "false"),
]


@pytest.mark.parametrize("name, within, given, ruling, published", STATES, ids=[s[0] for s in STATES])
def test_export_publishes_settled_claims_only(tmp_path, name, within, given, ruling, published):
    from factcheck.queue import Queue
    path = tmp_path / "state.queue"
    with Queue(path) as q:
        q.init(reviews_per_claim=2, agree_within=within)
        q.add_claims(claim_records()[3:])
        for who, role in (("alice", "reviewer"), ("bob", "reviewer"), ("ed", "editor")):
            q.add_reviewer(who, role)
        for who, rating, label in given:
            if rating == "n/a":
                q.record_verdict("c3", who, not_a_claim=True)
            else:
                q.record_verdict("c3", who, rating, label=label)
        if ruling:
            q.adjudicate("c3", "ed", ruling)
        settled = q.settled("c3")
    ids = claimreview_ids(path, tmp_path)
    assert ids == (["c3"] if published else [])
    if published:
        review = json.loads((tmp_path / "cr.json").read_text())[0]
        assert review["reviewRating"]["alternateName"] == RatingScale_default().get(published).alternate_name
    nac = name == "both say not a claim"
    assert (settled is not None) == bool(published or nac)
    assert settled_column(path, tmp_path) == {"c3": bool(published or nac)}


def RatingScale_default():
    from factcheck.queue import RatingScale
    return RatingScale.default()


def test_data_set_rows_carry_the_corrections(tmp_path):
    from factcheck.queue import Queue
    path = tmp_path / "teach.queue"
    with Queue(path) as q:
        q.add_claims(claim_records())
        q.add_reviewer("alice")
        q.record_verdict("c0", "alice", "true", source=None, facets=[{"start": 24, "end": 32, "value": 13}])
        q.record_verdict("c1", "alice", not_a_claim=True)
        q.record_verdict("c3", "alice", "false", source=(0, 12))
    out = tmp_path / "rows.jsonl"
    export(path, "jsonl", out)
    rows = {r["claim_id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["c0"]["source_corrected"] is True and rows["c0"]["source"] is None
    assert rows["c0"]["model_source"]["text"] == "The port authority"
    assert rows["c0"]["facets"] == [{"start": 24, "end": 32, "kind": "count", "value": 13, "not_a_figure": False}]
    assert rows["c1"]["not_a_claim"] is True and rows["c1"]["rating"] is None and rows["c1"]["settled"] is True
    assert rows["c3"]["source"] == {"start": 0, "end": 12, "text": "Unemployment"}
    assert rows["c3"]["reuses"] is None and rows["c3"]["source_corrected"] is True
    export(path, "parquet", tmp_path / "rows.parquet")
    import pandas as pd
    df = pd.read_parquet(tmp_path / "rows.parquet").set_index("claim_id")
    assert bool(df.loc["c1", "not_a_claim"]) and df.loc["c3", "source"]["text"] == "Unemployment"
    assert df.loc["c0", "facets"][0]["value"] == "13" and not df.loc["c0", "facets"][0]["not_a_figure"]
    # a claim settled as not a claim is never published
    assert claimreview_ids(path, tmp_path) == ["c0", "c3"]


def test_claimreview_since_takes_claims_settled_after_it(queue_path, tmp_path):
    from factcheck.queue import Queue
    first = claimreview_ids(queue_path, tmp_path)
    assert first == ["c0"]  # c1 is disputed, c2 has one of its two verdicts
    with Queue(queue_path) as q:
        cut = max(r["created_at"] for r in q.verdict_rows())
        q.record_verdict("c2", "bob", "unverifiable")
    out = tmp_path / "inc.json"
    export(queue_path, "claimreview", out, "--org-name", "Checks", "--org-url", "https://checks.example.org",
           "--since", cut)
    assert [r["url"].rsplit("/", 1)[-1] for r in json.loads(out.read_text())] == ["c2"]


def test_claimreview_refuses_an_organisation_url_that_is_no_web_link(queue_path, tmp_path):
    from click.testing import CliRunner

    from factcheck.cli import main

    out = tmp_path / "reviews.json"
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", "claimreview", "-o", str(out),
                                  "--org-name", "A", "--org-url", "javascript:alert(1)"])
    assert r.exit_code == 2 and "--org-url" in r.output and not out.exists()


def test_history_keeps_the_verdict_a_later_one_superseded(tmp_path):
    """The data set holds the verdicts that stand; --history every verdict ever recorded."""
    import pyarrow.parquet as pq
    from click.testing import CliRunner

    from factcheck.cli import main
    from factcheck.queue import Queue

    path = tmp_path / "h.queue"
    with Queue(path) as q:
        q.add_claims([{"claim_id": "k1", "doc_id": "d", "start": 0, "end": 12, "text": "Ships docked.",
                       "label": "unsourced"}])
        q.add_reviewer("ann")
        first = q.record_verdict("k1", "ann", "true")
        second = q.record_verdict("k1", "ann", "false")
    runner = CliRunner()
    out = tmp_path / "now.jsonl"
    assert runner.invoke(main, ["export", str(path), "--format", "jsonl", "-o", str(out)]).exit_code == 0
    assert [json.loads(x)["rating"] for x in out.read_text().splitlines()] == ["false"]
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"all.{fmt}"
        r = runner.invoke(main, ["export", str(path), "--format", fmt, "-o", str(out), "--history"])
        assert r.exit_code == 0, r.output
        if fmt == "jsonl":
            rows = [json.loads(x) for x in out.read_text().splitlines()]
        elif fmt == "csv":
            import csv
            rows = list(csv.DictReader(out.open()))
            rows = [{**r, "supersedes": int(r["supersedes"]) if r["supersedes"] else None,
                     "current": r["current"] == "True"} for r in rows]
        else:
            rows = pq.read_table(out).to_pylist()
        assert [(r["rating"], r["supersedes"], r["current"]) for r in rows] == [
            ("true", None, False), ("false", first["verdict_id"], True)], fmt
    r = runner.invoke(main, ["export", str(path), "--format", "claimreview", "-o", str(tmp_path / "c.json"),
                             "--org-name", "A", "--org-url", "https://a.example", "--history"])
    assert r.exit_code == 1 and "--history" in r.output
    assert second["verdict_id"] > first["verdict_id"]


@pytest.mark.parametrize("fmt, suffix", [("jsonl", ".jsonl"), ("csv", ".csv"), ("parquet", ".parquet")])
def test_a_link_is_written_through_not_replaced(queue_path, tmp_path, fmt, suffix):
    real = tmp_path / f"real{suffix}"
    real.write_text("")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(real)
    export(queue_path, fmt, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.stat().st_size > 100
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_fifo_is_written_in_place(queue_path, tmp_path, fmt):
    import threading
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    export(queue_path, fmt, fifo)
    reader.join(timeout=30)
    assert fifo.exists() and not fifo.is_file()  # still the FIFO, not a file put in its place
    if fmt == "jsonl":
        assert len(got[0].decode().splitlines()) == 5
    else:
        assert got[0][:4] == b"PAR1"


def test_dash_is_standard_output_for_text_formats_only(queue_path, tmp_path):
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", "jsonl", "-o", "-"])
    assert r.exit_code == 0, r.output
    assert len([line for line in r.stdout.splitlines() if line.startswith("{")]) == 5
    assert "wrote 5 verdicts" not in r.stdout and "wrote 5 verdicts" in r.stderr
    assert not Path("-").exists()
    r = CliRunner().invoke(main, ["export", str(queue_path), "--format", "parquet", "-o", "-"])
    assert r.exit_code == 1 and "not '-'" in r.output


@pytest.mark.parametrize("source, kind", [
    ("Council member Luis Ortega", "Person"), ("The governor", "Person"), ("a company spokeswoman", "Person"),
    ("head of the statistics office", "Person"), ("Mayor Ana Ruiz", "Person"),
    ("the Labor Department", "Organization"), ("Statistics Bureau", "Organization"), ("NASA", "Organization"),
    ("Acme Corp", "Organization"), ("Officials", "Organization"), ("Local residents", "Organization"),
    ("Analysts", "Organization"), ("the port authority", "Organization"),
])
def test_claim_author_is_a_person_or_an_organisation_by_the_head_of_its_name(source, kind):
    from factcheck.export import claim_author
    assert claim_author({"text": source}) == {"@type": kind, "name": source}


def test_an_author_the_agreeing_reviewers_dispute_is_not_published(tmp_path):
    """Both reviewers rate the claim false (settled), but one says it names no source: the
    ClaimReview carries no author rather than one reviewer's side; with both keeping it, it does."""
    from factcheck.queue import Queue

    def author(name, alice_source):
        path = tmp_path / f"{name}.queue"
        with Queue(path) as q:
            q.init(reviews_per_claim=2)
            q.add_claims(claim_records()[:1])
            for who in ("alice", "bob"):
                q.add_reviewer(who)
            q.record_verdict("c0", "alice", "false", **alice_source)
            q.record_verdict("c0", "bob", "false")
        (out := tmp_path / name).mkdir()
        assert claimreview_ids(path, out) == ["c0"]
        return json.loads((out / "cr.json").read_text())[0]["itemReviewed"].get("author")

    assert author("disputed", {"source": None}) is None
    assert author("agreed", {}) == {"@type": "Organization", "name": "The port authority"}
