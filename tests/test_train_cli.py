"""`factcheck train --backend transformers` end to end on a tiny BERT the test builds, then
`extract --model OUT` with the result: nothing downloads."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytestmark = pytest.mark.slow

ROWS = [
    ("The finance ministry said exports rose 4 percent in May.", ["sourced"], "the finance ministry", [("sourced", "said")]),
    ("Output could fall by about 2 percent next year.", ["estimated"], None, [("estimated", "could")]),
    ("The company denied the alleged payments of $3 million.", ["contested"], None, [("contested", "denied")]),
    ("The central bank raised its main rate to 5 percent on Tuesday.", [], None, []),
]


@pytest.fixture
def tiny_bert(tmp_path):
    from tinybert import write_tiny_bert

    words = sorted({w.strip(".,$").lower() for text, *_ in ROWS for w in text.split()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "$"] + words
    d = tmp_path / "tiny-bert"
    d.mkdir()
    return write_tiny_bert(d, vocab)


@pytest.fixture
def own_data(tmp_path):
    d = tmp_path / "own"
    d.mkdir()
    with open(d / "tiny.jsonl", "w", encoding="utf-8") as f:
        for i, (text, labels, source, cues) in enumerate(ROWS):
            primary = next((p for p in ("contested", "estimated", "sourced") if p in labels), "unsourced")
            f.write(json.dumps({"id": f"t-{i}", "context": "", "text": text, "checkable": True, "labels": labels,
                                "primary": primary, "source": source and text[:len(source)],
                                "cues": [{"label": lab, "text": c} for lab, c in cues],
                                "domain": "economy", "case": "test"}) + "\n")
    return d


def test_train_transformers_then_extract_with_it(tiny_bert, own_data, tmp_path):
    out = tmp_path / "my-model"
    runner = CliRunner()
    result = runner.invoke(main, ["train", "--backend", "transformers", "--base-model", str(tiny_bert),
                                  "--own-data", str(own_data), "--epochs", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "manifest.json").exists() and list((out / "attribution").glob("*.safetensors"))
    article = tmp_path / "a.txt"
    article.write_text("The finance ministry said exports rose 4 percent in May. Output could fall next year.")
    result = runner.invoke(main, ["extract", str(article), "--all", "--format", "jsonl", "--model", str(out),
                                  "--published", "2024-06-01"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    for r in records:
        assert set(r["scores"]) == {"sourced", "estimated", "contested"}
        assert all(0.0 <= v <= 1.0 for v in r["scores"].values())


def test_transformers_backend_needs_a_base_model(tmp_path):
    result = CliRunner().invoke(main, ["train", "--backend", "transformers", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--base-model" in result.output
