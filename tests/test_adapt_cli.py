"""``factcheck train --from-queue`` end to end on a temporary queue, through the real CLI."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from factcheck.cli import main as cli

# Hand-written newsroom copy: a council beat. Each document mixes checkable statements with
# scene-setting the reviewers will call not a claim.
DOCS = [
    ("council-1", "The council met on Tuesday evening in the old library. Spending on road repairs rose "
                  "to $4.2 million in 2025, the treasurer said. It was a long night for everyone. "
                  "Residents filed 312 complaints about potholes last year, according to the city clerk. "
                  "The mood in the room was tense."),
    ("council-2", "Rain fell on the square all afternoon. The bus depot employs 180 drivers, the transit "
                  "chief told members. Nobody expected the vote to run so late. Fares climbed 12 percent "
                  "since 2023, council records show. Coffee ran out before nine."),
    ("council-3", "The chamber was half empty by the end. Water bills doubled between 2019 and 2024, "
                  "according to the utility's annual report. Several members left early. The library lost "
                  "40,000 visitors in 2024, its director said. Everyone agreed the chairs were uncomfortable."),
    ("council-4", "Snow delayed the start of the meeting. The school district cut 35 teaching posts this "
                  "spring, the superintendent said. It felt like the longest session in memory. Parking "
                  "revenue fell to $900,000 in 2024, the finance office reported. The lights flickered twice."),
]
SCENE = ("evening", "long night", "mood", "rain fell", "expected the vote", "coffee", "half empty",
         "left early", "chairs", "snow", "longest session", "lights")


def _run(*args, ok=True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def reviewed(tmp_path: Path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"doc_id": d, "text": t}) + "\n" for d, t in DOCS), encoding="utf-8")
    claims = tmp_path / "claims.jsonl"
    _run("extract", docs, "--all", "--format", "jsonl", "-o", claims)
    queue = tmp_path / "newsroom.queue"
    _run("queue", "add", queue, claims)
    _run("queue", "add-reviewer", queue, "alice")
    _run("queue", "add-reviewer", queue, "bob")
    records = [json.loads(line) for line in claims.read_text(encoding="utf-8").splitlines()]
    used = []
    for i, rec in enumerate(records):
        who = "alice" if i % 2 else "bob"
        if any(w in rec["text"].lower() for w in SCENE):
            _run("queue", "verdict", queue, rec["claim_id"], "--reviewer", who, "--not-a-claim")
        else:
            _run("queue", "verdict", queue, rec["claim_id"], "--reviewer", who, "--rating", "mostly-true")
        used.append(rec)
    return tmp_path, queue, records


def test_train_from_queue_writes_a_model_extract_loads(reviewed):
    tmp, queue, records = reviewed
    out = tmp / "adapted"
    result = _run("train", "--from-queue", queue, "--base", "fast", "-o", out)
    assert f"wrote {out}" in result.output
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    # four articles are too few to hold one out and learn a layer: the command says so, not only the card
    learned = "exceptions only" not in card
    assert ("too few to learn from" in result.stderr) != learned, (result.stderr, card)
    assert "Adapted from **fast**" in card
    assert "alice" in card and "bob" in card
    assert f"{len(records)} verdicts on {len(records)} claims" in card
    from factcheck.queue.store import Queue
    with Queue(queue) as q:
        ids = [row["verdict_id"] for row in q.verdict_rows()]
    assert all(f"newsroom.queue#{v}" in card for v in ids)  # the card lists every verdict it used
    _assert_answers_stick(tmp, out, records)


def _assert_answers_stick(tmp: Path, model: Path, records) -> None:
    """Every answer the reviewers gave sticks on the sentence they gave it for, when the
    articles are extracted again with the adapted ``model``."""
    claims = tmp / f"again-{model.name}.jsonl"
    _run("extract", tmp / "docs.jsonl", "--model", model, "--all", "--format", "jsonl", "-o", claims)
    got = {json.loads(line)["text"]: json.loads(line)["checkworthiness"] for line in claims.read_text().splitlines()}
    for rec in records:
        scene = any(w in rec["text"].lower() for w in SCENE)
        assert (got[rec["text"]] < 0.5) == scene, rec["text"]


def test_train_from_queue_adapts_the_finetuned_accurate_tier(reviewed):
    """The accurate tier's fine-tuned check-worthiness is a base like the fast one: the adapted
    folder names it, scores through it, and keeps the reviewers' answers."""
    pytest.importorskip("torch")
    pytest.importorskip("safetensors")
    tmp, queue, records = reviewed
    out = tmp / "adapted-accurate"
    _run("train", "--from-queue", queue, "--base", "accurate", "-o", out)
    assert "Adapted from **accurate**" in (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    _assert_answers_stick(tmp, out, records)


def test_corrected_label_and_source_stick(reviewed, tmp_path):
    tmp, queue, records = reviewed
    target = next(r for r in records if "transit chief" in r["text"])
    doc = dict(DOCS)["council-2"]
    s = doc.index("the transit chief")
    _run("queue", "verdict", queue, target["claim_id"], "--reviewer", "alice", "--rating", "true",
         "--label", "sourced", "--source", f"{s}:{s + len('the transit chief')}")
    flip = next(r for r in records if "council records" in r["text"])
    _run("queue", "verdict", queue, flip["claim_id"], "--reviewer", "bob", "--rating", "true", "--label", "unsourced",
         "--source", "none")
    out = tmp / "adapted"
    _run("train", "--from-queue", queue, "-o", out)
    claims = tmp / "again.jsonl"
    _run("extract", tmp / "docs.jsonl", "--model", out, "--all", "--format", "jsonl", "-o", claims)
    rows = {json.loads(line)["claim_id"]: json.loads(line) for line in claims.read_text().splitlines()}
    assert rows[target["claim_id"]]["source"]["text"] == "the transit chief"
    assert rows[target["claim_id"]]["label"] == "sourced"
    assert rows[flip["claim_id"]]["label"] == "unsourced" and rows[flip["claim_id"]]["source"] is None


def test_queue_without_usable_verdicts_is_a_one_line_error(tmp_path):
    queue = tmp_path / "empty.queue"
    _run("queue", "init", queue)
    result = _run("train", "--from-queue", queue, "-o", tmp_path / "out", ok=False)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "no verdict to learn from" in result.output
    assert not (tmp_path / "out").exists()


def test_queue_next_learn_and_stats_count_what_training_would_use(tmp_path):
    from factcheck.adapt.ask import learn_order, teaching_scores
    from factcheck.queue.store import Queue
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"doc_id": d, "text": t}) + "\n" for d, t in DOCS), encoding="utf-8")
    claims = tmp_path / "claims.jsonl"
    _run("extract", docs, "--all", "--format", "jsonl", "-o", claims)
    queue = tmp_path / "q.queue"
    _run("queue", "add", queue, claims)
    _run("queue", "add-reviewer", queue, "alice")
    records = [json.loads(line) for line in claims.read_text(encoding="utf-8").splitlines()]
    for rec in records[:3]:
        _run("queue", "verdict", queue, rec["claim_id"], "--reviewer", "alice", "--rating", "true")
    _run("queue", "verdict", queue, records[3]["claim_id"], "--reviewer", "alice", "--not-a-claim")
    from factcheck.commands.queue import _stats_text
    stats = json.loads(_run("queue", "stats", queue, "--json").output)
    assert stats["for_training"] == {"verdicts": 4, "claims": 4}
    assert "verdicts the next retraining would use: 4 (on 4 claims" in _stats_text(stats)  # the terminal table

    with Queue(queue) as q:
        order = learn_order(q)
        open_items = [r for r in records[4:]]
        top = max(open_items, key=lambda r: (r["checkworthiness"], ""))
        assert order[0] == top["claim_id"]  # the most check-worthy first ...
        teach = teaching_scores([r["text"] for r in open_items], [r["checkworthiness"] for r in open_items],
                                [r["text"] for r in records[:4]])
        best = open_items[int(np.argmax(teach))]["claim_id"]
        assert best in order[:2]  # ... then the one whose verdict would teach most
    got = json.loads(_run("queue", "next", queue, "--reviewer", "alice", "--order", "learn").output)
    assert got["claim"]["claim_id"] == order[0]
