"""Format checks for datasets/attribution-blind (the out-of-sample attribution set).

The set was written blind to the tool's word lists; these tests only check that the
files are well formed and follow spec/CLAIMS.md section 2 mechanically (labels,
primary precedence, verbatim cues and sources). They say nothing about whether the
tool gets the rows right.
"""

import collections
import json
import pathlib
import re

import pytest

DIR = pathlib.Path(__file__).resolve().parent.parent / "datasets" / "attribution-blind"
FILES = {
    "politics.jsonl": ("politics", "pol"),
    "economy.jsonl": ("economy", "eco"),
    "business.jsonl": ("business", "bus"),
    "courts.jsonl": ("courts", "crt"),
    "international.jsonl": ("international", "int"),
    "health-science.jsonl": ("health-science", "hea"),
}
KEYS = ["id", "context", "text", "checkable", "labels", "primary", "source", "cues", "domain", "case"]
LABELS = ["sourced", "estimated", "contested"]
PRECEDENCE = ["contested", "estimated", "sourced"]
NOT_CHECKABLE_CASES = {"opinion", "rhetoric", "question", "narration", "quote-opinion"}


def load(name):
    rows = []
    with open(DIR / name, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            assert line.endswith("\n"), f"{name}:{n} has no final newline"
            rows.append((n, json.loads(line)))
    return rows


ALL = [(name, n, row) for name in FILES for n, row in load(name)]


def test_files_present():
    assert sorted(p.name for p in DIR.glob("*.jsonl")) == sorted(FILES)
    assert (DIR / "README.md").exists()


def test_size_and_balance():
    assert 650 <= len(ALL) <= 750
    per_file = collections.Counter(name for name, _, _ in ALL)
    assert all(100 <= c <= 140 for c in per_file.values()), per_file
    not_checkable = sum(1 for _, _, r in ALL if not r["checkable"])
    assert 0.05 <= not_checkable / len(ALL) <= 0.15
    primary = collections.Counter(r["primary"] for _, _, r in ALL)
    for label in ["sourced", "estimated", "contested", "unsourced"]:
        assert primary[label] >= 0.1 * len(ALL), primary


@pytest.mark.parametrize("name,n,row", ALL, ids=[r["id"] for _, _, r in ALL])
def test_row(name, n, row):
    domain, prefix = FILES[name]
    assert list(row) == KEYS
    assert re.fullmatch(rf"blind-{prefix}-\d{{4}}", row["id"])
    assert row["id"] == f"blind-{prefix}-{n:04d}"
    assert row["domain"] == domain
    assert isinstance(row["context"], str) and isinstance(row["text"], str)
    assert row["text"] and row["text"] == row["text"].strip()
    assert isinstance(row["case"], str) and re.fullmatch(r"[a-z]+(-[a-z]+)*", row["case"])
    assert isinstance(row["checkable"], bool)
    if not row["checkable"]:
        assert row["labels"] == [] and row["primary"] is None
        assert row["source"] is None and row["cues"] == []
        assert row["case"] in NOT_CHECKABLE_CASES
        return
    assert row["case"] not in NOT_CHECKABLE_CASES
    labels = row["labels"]
    assert labels == [l for l in LABELS if l in labels], "labels unknown, repeated or out of order"
    expected = next((l for l in PRECEDENCE if l in labels), "unsourced")
    assert row["primary"] == expected
    cue_labels = set()
    for cue in row["cues"]:
        assert list(cue) == ["label", "text"]
        assert cue["label"] in LABELS
        assert cue["text"] and cue["text"] in row["text"], cue
        cue_labels.add(cue["label"])
    assert cue_labels == set(labels), "every label needs a cue and every cue a label"
    if "sourced" in labels:
        src = row["source"]
        assert isinstance(src, str) and src
        assert src in row["text"] or src in row["context"]
    else:
        assert row["source"] is None


def test_ids_and_texts_unique():
    ids = [r["id"] for _, _, r in ALL]
    texts = [r["text"] for _, _, r in ALL]
    assert len(set(ids)) == len(ids)
    assert len(set(texts)) == len(texts)


def test_pronoun_sources_resolve_to_context():
    """A source found only in the context is a pronoun or agentless cue's antecedent."""
    for _, _, r in ALL:
        if r["source"] and r["source"] not in r["text"]:
            assert r["context"], r["id"]
            assert r["case"] in {"pronoun-source", "pronoun-estimate", "agentless-cue-context"}, r["id"]


def test_readme_counts_match():
    readme = (DIR / "README.md").read_text(encoding="utf-8")
    n = len(ALL)
    checkable = sum(1 for _, _, r in ALL if r["checkable"])
    assert f"rows: {n}; checkable: {checkable}; not checkable: {n - checkable}" in readme
    primary = collections.Counter(r["primary"] or "null" for _, _, r in ALL)
    for label, count in primary.items():
        name = "null (not checkable)" if label == "null" else label
        assert re.search(rf"^\| {re.escape(name)} \| {count} \|", readme, re.M), (label, count)
