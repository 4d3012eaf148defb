"""factcheck score with the real pipeline and the shipped model, on the shared news-dev articles."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def fast_model():
    from factcheck.models import load_model  # a model that fails to load fails the tests

    return load_model("fast")


@pytest.fixture
def news(shared, tmp_path):
    """The first 40 news-dev articles plus a broken row, in a temporary table."""
    lines = (shared / "data/news-dev/docs.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines[:20] + ["{not json"] + lines[20:]) + "\n", encoding="utf-8")
    return path


def test_score_with_two_workers_equals_extract(fast_model, news, tmp_path):
    out = tmp_path / "claims.jsonl"
    r = CliRunner().invoke(main, ["score", str(news), "-o", str(out), "--workers", "2", "--chunk-size", "8"])
    assert r.exit_code == 0, r.output
    assert "scored 40 documents" in r.output and "errors: 1" in r.output
    r = CliRunner().invoke(main, ["extract", str(news), "--format", "jsonl"])
    assert r.exit_code == 1  # extract reports the broken row with exit 1; score records it and goes on
    want = [line for line in r.stdout.splitlines() if line.startswith("{")]
    got = out.read_text(encoding="utf-8").splitlines()
    assert len(got) > 40 and got == want
    err = json.loads((tmp_path / "claims.jsonl.errors.jsonl").read_text())
    assert err["line"] == 21 and err["file"] == str(news)


def test_dask_local_cluster_loads_the_named_model_and_matches(fast_model, news, tmp_path):
    pytest.importorskip("distributed")
    local, remote = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    r = CliRunner().invoke(main, ["score", str(news), "-o", str(local), "--chunk-size", "8"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["score", str(news), "-o", str(remote), "--engine", "dask", "--workers", "2",
                                  "--chunk-size", "8"])
    assert r.exit_code == 0, r.output
    import pandas as pd
    assert pd.read_parquet(local).equals(pd.read_parquet(remote))
