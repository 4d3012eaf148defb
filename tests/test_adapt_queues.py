"""``train --from-queue``: where it writes, which verdicts it reads (once, settled) and adapting
an adapted model, on temporary queues of hand-written harbour reports."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from factcheck.cli import main as cli

PLACES = ["Northport", "Eastwick", "Saltmarsh", "Greyhaven", "Brindle Bay", "Kestrel Point", "Oldquay",
          "Marram Sands", "Pike Harbour", "Westerly"]
SCENES = ["Gulls circled over the quay all morning.", "The meeting room smelled of diesel and coffee.",
          "A light drizzle fell as the boats came in.", "Someone had left a bicycle leaning by the door.",
          "The harbourmaster wore his usual yellow coat.", "Fog hid the lighthouse until noon.",
          "Two dogs slept under the bench outside.", "The radio in the office played old songs."]


def _doc(d: int) -> str:
    p = PLACES[d]
    return (f"The {p} ferry carried {d + 3},400 passengers in {2015 + d}, the port authority said. "
            f"{SCENES[d % 8]} "
            f"Harbour fees in {p} rose {d + 4} percent last year, according to the finance office. "
            f"{SCENES[(d + 3) % 8]} "
            f"Dredging the {p} channel could cost about ${d + 2} million, engineers estimate.")


def _run(*args, ok=True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(autouse=True)
def no_public_check(monkeypatch):
    """The public dev sets are not what these tests check: leave them out, so each adaptation
    takes a second or two."""
    from factcheck.adapt import guard
    monkeypatch.setattr(guard, "shared_data", lambda: None)


@pytest.fixture(scope="module")
def records():
    """The claim records of ten harbour reports, every sentence, as the fast model gives them."""
    from factcheck.pipeline import Extractor
    from factcheck.types import Document
    docs = (Document(f"port-{d}", _doc(d)) for d in range(len(PLACES)))
    return [c.to_dict() for c in Extractor("fast", all_sentences=True).extract_many(docs)]


def _queue(path: Path, records, *, reviews: int = 1, reviewers=("ana", "ben", "eve")):
    from factcheck.queue.store import Queue
    with Queue(path) as q:
        q.init(reviews_per_claim=reviews)
        q.add_claims(records, model="fast")
        for name in reviewers:
            q.add_reviewer(name, "editor" if name == "eve" else "reviewer")
    return path


def _review(path: Path, records, who="ana"):
    """Answer every record as a reviewer would: scene-setting is not a claim, the rest is rated."""
    from factcheck.queue.store import Queue
    with Queue(path) as q:
        for r in records:
            if r["text"] in SCENES:
                q.record_verdict(r["claim_id"], who, None, not_a_claim=True)
            else:
                q.record_verdict(r["claim_id"], who, "mostly-true")


def _docs(records, *docs):
    return [r for r in records if r["doc_id"] in {f"port-{d}" for d in docs}]


def _snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


# -- 1. the shipped models are never written ------------------------------------------------------

def test_out_in_the_shipped_models_folder_is_refused_before_any_work(tmp_path, monkeypatch, records):
    """On a copy of the shipped fast model standing in for the models folder: OUT that is the
    folder, a shipped model or anything inside it (also through a symlink) is refused with one
    line, before the queue is even read, and nothing there changes."""
    from factcheck import models
    shipped = tmp_path / "models"
    shutil.copytree(models.resolve("fast"), shipped / "fast")
    monkeypatch.setattr(models, "models_dir", lambda: shipped)
    (tmp_path / "link").symlink_to(shipped)
    before = _snapshot(shipped)
    queue = _queue(tmp_path / "q.queue", _docs(records, 0, 1))
    _review(queue, _docs(records, 0, 1))
    empty = _queue(tmp_path / "empty.queue", [])
    for out in (shipped / "fast", shipped / "fast" / "newsroom", shipped, shipped / "newsroom",
                tmp_path / "link" / "fast"):
        for q in (queue, empty):  # an empty queue would be an error too, later: OUT is checked first
            result = _run("train", "--from-queue", q, "-o", out, ok=False)
            assert result.exit_code == 1, result.output
            assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
            assert "shipped models folder" in result.output
    assert _snapshot(shipped) == before
    assert not (shipped / "newsroom").exists()


# -- 2. a folder that is not an adapted model is never mixed with one -----------------------------

@pytest.mark.parametrize("manifest", [{"name": "notes", "version": "1"},
                                      {"name": "m", "version": "1", "tier": "adapted", "adapted_from": "fast"}])
def test_a_folder_that_is_no_adapted_model_is_refused_and_left_alone(tmp_path, records, manifest):
    """notes.txt with someone's manifest.json (even one that says "adapted": the folder holds
    more than an adapted model) is refused, one line, and not touched."""
    queue = _queue(tmp_path / "q.queue", _docs(records, 0, 1))
    _review(queue, _docs(records, 0, 1))
    out = tmp_path / "notes"
    out.mkdir()
    (out / "notes.txt").write_text("call the harbourmaster back\n", encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = _snapshot(out)
    result = _run("train", "--from-queue", queue, "-o", out, ok=False)
    assert result.exit_code == 1 and result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "no model folder written by 'factcheck train --from-queue'" in result.output
    assert _snapshot(out) == before


def test_an_adapted_model_folder_is_replaced_whole(tmp_path, records):
    """A model written earlier by --from-queue is replaced, not mixed: a file left in it is gone,
    nothing is left beside it, and the new model loads; an empty folder is taken too."""
    queue = _queue(tmp_path / "q.queue", _docs(records, 0, 1, 2))
    _review(queue, _docs(records, 0, 1, 2))
    out = tmp_path / "newsroom-model"
    out.mkdir()  # empty: fine
    _run("train", "--from-queue", queue, "-o", out)
    assert json.loads((out / "manifest.json").read_text())["tier"] == "adapted"
    (out / "checkworthy" / "stale.json").write_text("{}", encoding="utf-8")
    (out / "attribution" / "base" / "old-weights.npz").write_bytes(b"")
    _run("train", "--from-queue", queue, "-o", out)
    assert not (out / "checkworthy" / "stale.json").exists()
    assert not (out / "attribution" / "base" / "old-weights.npz").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newsroom-model", "q.queue"]
    from factcheck.models import load_model
    assert load_model(out).name == "newsroom-model"


# -- 3. adapting an adapted model -----------------------------------------------------------------

def test_a_layer_over_an_adapted_part_is_saved_as_one_layer_over_its_base(tmp_path):
    """Both parts: a layer fitted over an adapted part scores as it is saved and loaded, and the
    saved part sits on the first base (last month's layer folded in), so months never nest."""
    from factcheck.adapt.attribution import AdaptedAttribution, targets
    from factcheck.adapt.checkworthy import AdaptedCheckworthy
    from factcheck.models import load_component, resolve
    from factcheck.types import SentenceInput
    fast = resolve("fast")
    texts = [_doc(d).split(". ") for d in range(len(PLACES))]
    X = [SentenceInput.from_text(t.rstrip(".") + ".", doc_id=f"port-{d}") for d, doc in enumerate(texts) for t in doc]
    y = np.array([int(x.text not in SCENES) for x in X])
    Y = np.array([targets(None if not c else "sourced" if "said" in x.text or "according" in x.text else "estimated")
                  for x, c in zip(X, y)])
    first, second = slice(0, 25), slice(25, None)

    m1 = AdaptedCheckworthy(base=str(fast / "checkworthy"), l2=(1.0, 1.0), shift=0.25).fit(X[first], y[first])
    m1.remember([x.text for x in X[first]], y[first]).save(tmp_path / "m1cw")
    m1 = load_component(tmp_path / "m1cw")
    m1.directory_ = tmp_path / "m1cw"
    m2 = AdaptedCheckworthy(base=m1, l2=(1.0, 0.3), shift=-0.25).fit(X[second], 1 - y[second])
    assert set(m1.exceptions_) <= set(m2.exceptions_)  # last month's answers stay
    m2.save(tmp_path / "m2cw")
    flat = load_component(tmp_path / "m2cw")
    assert json.loads((tmp_path / "m2cw" / "base" / "config.json").read_text())["type"] == "checkworthy-linear"
    np.testing.assert_allclose(flat.decision_function(X), m2.decision_function(X), atol=1e-9)
    np.testing.assert_allclose(flat.predict_proba(X), m2.predict_proba(X), atol=1e-12)
    assert not np.allclose(m2.decision_function(X), m1.decision_function(X))

    a1 = AdaptedAttribution(base=str(fast / "attribution"), l2=(1.0, 1.0), shifts=(0.25, 0.0, -0.25))
    a1.fit(X[first], Y[first]).remember(X[:2], Y[:2], [False, None]).save(tmp_path / "m1at")
    a1 = load_component(tmp_path / "m1at")
    a1.directory_ = tmp_path / "m1at"
    a2 = AdaptedAttribution(base=a1, l2=(1.0, 0.3), shifts=(-0.5, 0.25, 0.0)).fit(X[second], Y[second])
    a2.save(tmp_path / "m2at")
    flat = load_component(tmp_path / "m2at")
    assert json.loads((tmp_path / "m2at" / "base" / "config.json").read_text())["type"] == "attribution-linear"
    np.testing.assert_allclose(flat._decision(X)[1], a2._decision(X)[1], atol=1e-9)
    np.testing.assert_allclose(flat.predict_proba(X), a2.predict_proba(X), atol=1e-12)
    assert flat.exceptions_ == a2.exceptions_ and set(a1.exceptions_) <= set(flat.exceptions_)
    assert [a.source for a in flat.predict(X)] == [a.source for a in a2.predict(X)]


def test_an_adapted_model_adapts_again_from_new_verdicts_and_keeps_the_old(tmp_path, records):
    """The monthly loop: last month's model is the base; only the verdicts it has not learned
    are learned, its answers stick, the new ones too; with nothing new it says so."""
    queue = _queue(tmp_path / "q.queue", records)
    month1, month2 = _docs(records, 0, 1, 2, 3, 4, 5), _docs(records, 6, 7, 8, 9)
    _review(queue, month1)
    flip = next(r for r in month1 if r["label"] == "sourced")
    from factcheck.queue.store import Queue
    with Queue(queue) as q:
        q.record_verdict(flip["claim_id"], "ana", "true", label="unsourced", source=None)
    _run("train", "--from-queue", queue, "-o", tmp_path / "m1")
    _review(queue, month2)
    late = next(r for r in month2 if r["label"] == "estimated")
    with Queue(queue) as q:
        q.record_verdict(late["claim_id"], "ana", "true", label="contested")
    _run("train", "--from-queue", queue, "--base", tmp_path / "m1", "-o", tmp_path / "m2")
    card = (tmp_path / "m2" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert f"{len(month1)} reviewed claims that {tmp_path / 'm1'} had already learned from were not learned" in card
    assert f"{len(month2)} verdicts on {len(month2)} claims in 4 documents" in card
    assert "was itself adapted from **fast**" in card
    base_part = json.loads((tmp_path / "m2" / "attribution" / "base" / "config.json").read_text())
    assert base_part["type"] == "attribution-linear"  # one layer over the shipped part, not two
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"doc_id": f"port-{d}", "text": _doc(d)}) + "\n"
                            for d in range(len(PLACES))), encoding="utf-8")
    out = _run("extract", docs, "--model", tmp_path / "m2", "--all", "--format", "jsonl").stdout
    got = {json.loads(line)["claim_id"]: json.loads(line) for line in out.splitlines()}
    assert got[flip["claim_id"]]["label"] == "unsourced" and got[flip["claim_id"]]["source"] is None
    assert got[late["claim_id"]]["label"] == "contested"
    for r in records:
        assert (got[r["claim_id"]]["checkworthiness"] < 0.5) == (r["text"] in SCENES), r["text"]
    # the same model again, with no new verdict: nothing to learn, one line
    again = _run("train", "--from-queue", queue, "--base", tmp_path / "m2", "-o", tmp_path / "m2", ok=False)
    assert again.exit_code == 1 and "already learned every verdict" in again.output
    assert again.output.count("\n") == 1


# -- 4. the same verdicts read twice count once ---------------------------------------------------

def test_the_same_verdicts_in_two_queue_files_count_once(tmp_path, records):
    """A backup copy named beside its queue adds nothing: one example per claim, held out by
    document across the files; where the copy has a later verdict, the later one speaks."""
    from dataclasses import replace

    from factcheck.adapt import guard, read_examples
    from factcheck.queue.store import Queue
    rows = _docs(records, 0, 1, 2, 3)
    queue = _queue(tmp_path / "q.queue", rows)
    _review(queue, rows)
    with Queue(queue) as q:
        q.backup(tmp_path / "backup.queue")
    examples = read_examples([queue, tmp_path / "backup.queue"])
    assert len(examples) == len(rows) and len({e.claim_id for e in examples}) == len(rows)
    # the same document in two files is one group of the hold-out
    mixed = [replace(e, queue="other.queue") if i % 2 else e for i, e in enumerate(examples)]
    assert guard.groups_of(mixed) == guard.groups_of(examples)
    _run("train", "--from-queue", queue, "--from-queue", tmp_path / "backup.queue", "-o", tmp_path / "m")
    card = (tmp_path / "m" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert f"- {len(rows)} verdicts on {len(rows)} claims in 4 documents" in card
    assert f"{len(rows)} claims met again in another queue file" in card
    # a reviewer changed their mind in the copy: its later verdict is the one used
    scene = next(r for r in rows if r["text"] in SCENES)
    with Queue(tmp_path / "backup.queue") as q:
        q.record_verdict(scene["claim_id"], "ana", "true")
    again = read_examples([queue, tmp_path / "backup.queue"])
    assert len(again) == len(rows)
    assert next(e for e in again if e.claim_id == scene["claim_id"]).checkworthy == 1
    from factcheck.adapt.examples import read_queues
    assert read_queues([queue, tmp_path / "backup.queue"]).repeated == len(rows)


# -- 5. a disputed label or source teaches nothing until it is settled ----------------------------

def test_a_disputed_label_or_source_is_left_out_until_settled(tmp_path, records):
    from factcheck.adapt import adapt_from_queues, read_examples
    from factcheck.queue.store import Queue
    rows = _docs(records, 0, 1, 2)
    queue = _queue(tmp_path / "q.queue", rows, reviews=2)
    _review(queue, rows, "ana")
    _review(queue, rows, "ben")
    sourced = [r for r in rows if r["label"] == "sourced"]
    label_fight, source_fight, agreed = sourced[0], sourced[1], sourced[2]
    with Queue(queue) as q:
        q.record_verdict(label_fight["claim_id"], "ana", "mostly-true", label="estimated")
        q.record_verdict(label_fight["claim_id"], "ben", "mostly-true", label="contested")  # the last word
        q.record_verdict(source_fight["claim_id"], "ana", "mostly-true", source=None)
        q.record_verdict(agreed["claim_id"], "ana", "mostly-true", label="unsourced", source=None)
        q.record_verdict(agreed["claim_id"], "ben", "mostly-true", label="unsourced", source=None)
    by_id = {e.claim_id: e for e in read_examples([queue])}
    assert by_id[label_fight["claim_id"]].primary is None and not by_id[label_fight["claim_id"]].label_corrected
    assert not by_id[source_fight["claim_id"]].source_corrected
    assert by_id[source_fight["claim_id"]].primary == "sourced"  # the label itself is not disputed
    assert by_id[agreed["claim_id"]].primary == "unsourced" and by_id[agreed["claim_id"]].source_corrected
    adapt_from_queues([queue], tmp_path / "m", shared=None)
    card = (tmp_path / "m" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "Disputed corrections left out" in card and ": 1 label, 1 source." in card
    # an editor rules: the ruling's label is the one learned
    with Queue(queue) as q:
        q.adjudicate(label_fight["claim_id"], "eve", "mostly-true", label="estimated")
    ruled = {e.claim_id: e for e in read_examples([queue])}
    assert ruled[label_fight["claim_id"]].primary == "estimated" and ruled[label_fight["claim_id"]].label_corrected
    from factcheck.adapt.examples import read_queues
    assert read_queues([queue]).disputed_labels == 0


# -- 6. the model card says what happened, in plain words -----------------------------------------

def test_the_card_says_plainly_when_nothing_was_held_out(tmp_path, records):
    one = [r for r in _docs(records, 0) if r["text"] not in SCENES][:1]
    queue = _queue(tmp_path / "q.queue", one)
    _review(queue, one)
    result = _run("train", "--from-queue", queue, "-o", tmp_path / "m")
    card = (tmp_path / "m" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "- 1 verdict on 1 claim in 1 document: 1 rated" in card
    assert "0 claims (whole documents" not in card and "had to do at least as well" not in card
    assert "Nothing was held out" in card and "No layer was learned" in card
    assert "ana (1 claim)" in card and "1 queue file:" in card
    assert "1 reviewed claim in 1 document is too few to learn from" in result.stderr


def test_the_card_counts_every_label_the_reviewers_gave(tmp_path, records):
    """Confirmed labels (rated, no correction) count with the corrected ones."""
    rows = _docs(records, 0, 1, 2, 3)
    queue = _queue(tmp_path / "q.queue", rows)
    _review(queue, rows)
    flip = next(r for r in rows if r["label"] == "estimated")
    from factcheck.queue.store import Queue
    with Queue(queue) as q:
        q.record_verdict(flip["claim_id"], "ana", "true", label="contested")
    _run("train", "--from-queue", queue, "-o", tmp_path / "m")
    card = (tmp_path / "m" / "MODEL_CARD.md").read_text(encoding="utf-8")
    rated = sum(r["text"] not in SCENES for r in rows)
    line = next(line for line in card.splitlines() if line.startswith("- Labels the reviewers gave"))
    assert line.endswith(f"({rated} claims).") and rated > 1, line
    assert "1 corrected label, 0 corrected sources" in card
