"""The facet extractor against the gold data, scored by the official scorer."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.facets import extract_facets
from factcheck.types import parse_date

REPO = Path(__file__).resolve().parents[1]


def _eval_script():
    spec = importlib.util.spec_from_file_location("eval_facets", REPO / "scripts" / "eval_facets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(shared: Path, name: str, tmp_path: Path) -> dict:
    ev = _eval_script()
    data = shared / "data" / name
    docs = {str(d["doc_id"]): d for d in ev.read_jsonl(data / "docs.jsonl")}
    gold = ev.read_jsonl(data / "gold.jsonl")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in ev.predictions(docs, gold)), encoding="utf-8")
    done = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(data / "gold.jsonl"),
                           str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.shared
def test_seed_facets_micro_f1(shared, tmp_path):
    result = _score(shared, "seed", tmp_path)
    assert result["facets_micro_f1"] >= 0.95


@pytest.mark.shared
def test_news_dev_facets_micro_f1(shared, tmp_path):
    result = _score(shared, "news-dev", tmp_path)
    assert result["facets_micro_f1"] >= 0.92


@pytest.mark.shared
def test_seed_headline_values(shared):
    doc = json.loads((shared / "data" / "seed" / "docs.jsonl").read_text(encoding="utf-8").splitlines()[0])
    found = {(f.kind, f.text, f.value, f.unit, f.approximate)
             for f in extract_facets(doc["text"], published=parse_date(doc["published"]))}
    assert ("date", "2010", "2010", None, False) in found
    assert ("date", "2021", "2021", None, False) in found
    assert ("date", "1987", "1987", None, False) in found
    assert ("date", "August 2", "2019-08-02", None, False) in found
    assert ("count", "236 political prisoners", 236, "political prisoners", False) in found
    assert ("money", "$200 billion", 200000000000, "USD", True) in found
