"""Checks on the project's own labelled attribution data set (datasets/attribution/*.jsonl).

The rules are those of spec/CLAIMS.md section 2 as far as they can be checked mechanically.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "datasets" / "attribution"
LABELS = ("sourced", "estimated", "contested")
PRECEDENCE = ("contested", "estimated", "sourced")
DOMAINS = {"politics", "economy", "business", "courts", "international", "health", "energy"}
REQUIRED = {"id", "context", "text", "checkable", "labels", "primary", "source", "cues", "domain", "case"}


def _load() -> list[tuple[str, int, dict]]:
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                assert line.strip(), f"{path.name}:{n} is blank"
                rows.append((path.name, n, json.loads(line)))
    return rows


ROWS = _load()


def _where(f, n, r):
    return f"{f}:{n} ({r.get('id')})"


def test_enough_rows():
    assert len(ROWS) >= 1500


def test_required_fields_and_types():
    for f, n, r in ROWS:
        w = _where(f, n, r)
        assert REQUIRED <= set(r), f"{w} misses {REQUIRED - set(r)}"
        assert isinstance(r["text"], str) and r["text"].strip() == r["text"] and r["text"], w
        assert isinstance(r["context"], str), w
        assert isinstance(r["checkable"], bool), w
        assert isinstance(r["labels"], list) and isinstance(r["cues"], list), w
        assert r["domain"] in DOMAINS, w
        assert isinstance(r["case"], str) and r["case"], w
        assert re.fullmatch(r"[a-z]{3}-\d{4}", r["id"]), w


def test_labels_valid_and_ordered():
    for f, n, r in ROWS:
        w = _where(f, n, r)
        assert set(r["labels"]) <= set(LABELS), w
        assert len(set(r["labels"])) == len(r["labels"]), w
        assert r["labels"] == [l for l in LABELS if l in r["labels"]], w


def test_primary_follows_precedence():
    for f, n, r in ROWS:
        w = _where(f, n, r)
        if not r["checkable"]:
            assert r["primary"] is None and r["labels"] == [] and r["cues"] == [], w
            continue
        expected = next((l for l in PRECEDENCE if l in r["labels"]), "unsourced")
        assert r["primary"] == expected, w


def test_source_iff_sourced_and_verbatim():
    for f, n, r in ROWS:
        w = _where(f, n, r)
        if "sourced" in r["labels"]:
            assert isinstance(r["source"], str) and r["source"], w
            assert r["source"] in r["text"] or r["source"] in r["context"], w
        else:
            assert r["source"] is None, w


def test_cues_verbatim_and_cover_labels():
    for f, n, r in ROWS:
        w = _where(f, n, r)
        for cue in r["cues"]:
            assert set(cue) == {"label", "text"}, w
            assert cue["label"] in r["labels"], w
            assert cue["text"] and cue["text"] in r["text"], f"{w}: cue {cue['text']!r}"
        assert {c["label"] for c in r["cues"]} == set(r["labels"]), f"{w}: every label needs a cue"


def test_ids_unique():
    ids = [r["id"] for _, _, r in ROWS]
    assert len(ids) == len(set(ids))


def test_no_sentence_duplicated():
    seen = {}
    for f, n, r in ROWS:
        key = " ".join(r["text"].lower().split())
        assert key not in seen, f"{_where(f, n, r)} repeats {seen.get(key)}"
        seen[key] = r["id"]


def test_label_mix_is_balanced():
    checkable = [r for _, _, r in ROWS if r["checkable"]]
    share = lambda p: sum(1 for r in checkable if r["primary"] == p) / len(ROWS)
    for p in ("contested", "estimated", "sourced", "unsourced"):
        assert share(p) >= 0.10, p
    assert sum(1 for _, _, r in ROWS if not r["checkable"]) / len(ROWS) >= 0.05


def _shared_dir() -> Path | None:
    env = os.environ.get("FACTCHECK_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared")
    for c in candidates:
        if (c / "data").is_dir():
            return c / "data"
    return None


def _shingles(text: str, n: int = 8) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.shared
def test_no_sentence_taken_from_shared_gold():
    data = _shared_dir()
    if data is None:
        pytest.skip("shared data not found (set FACTCHECK_SHARED)")
    gold_texts = []
    for path in data.glob("**/gold.jsonl"):
        with path.open(encoding="utf-8") as fh:
            gold_texts += [json.loads(l)["text"] for l in fh if l.strip()]
    if not gold_texts:
        pytest.skip("no gold.jsonl under shared data")
    norm = lambda t: " ".join(t.lower().split())
    gold = {norm(t) for t in gold_texts}
    gold_shingles = set().union(*(_shingles(t) for t in gold_texts))
    for f, n, r in ROWS:
        w = _where(f, n, r)
        assert norm(r["text"]) not in gold, f"{w} is a gold sentence"
        assert norm(r["context"]) not in gold or not r["context"], f"{w}: context is a gold sentence"
        shared = _shingles(r["text"]) & gold_shingles
        assert not shared, f"{w} shares word run(s) with gold: {sorted(shared)[:2]}"
