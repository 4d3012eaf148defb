"""Output shapes tools expect: nested Parquet and HF columns queried without JSON parsing,
figures that keep their currency, no stray temporary files."""
import json

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.figures import format_facet
from factcheck.io import read_records

ARTICLE = ("The ministry said the bridge cost €75 million in 2019. "
           "About 40% of the 1,200 workers were hired locally, officials estimated.")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _facets_by_text(table) -> dict:
    flat = pc.list_flatten(table.column("facets"))
    return {t: (v, n, u) for t, v, n, u in zip(pc.struct_field(flat, "text").to_pylist(),
                                                pc.struct_field(flat, "value").to_pylist(),
                                                pc.struct_field(flat, "number").to_pylist(),
                                                pc.struct_field(flat, "unit").to_pylist())}


@pytest.mark.parametrize("command", ["extract", "score"])
def test_parquet_facets_value_is_a_nested_column(command, article, tmp_path):
    out = tmp_path / f"{command}.parquet"
    args = [command, str(article), "-o", str(out), "--all", "--published", "2020-01-10"]
    result = CliRunner().invoke(main, args + (["--no-progress"] if command == "score" else []))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    schema = table.schema
    assert str(schema.field("facets").type) == ("list<element: struct<kind: string, text: string, value: string, "
                                                "number: double, start: int64, end: int64, approximate: bool, "
                                                "unit: string>>")
    assert str(schema.field("source").type) == "struct<text: string, start: int64, end: int64>"
    assert str(schema.field("scores").type) == "struct<sourced: double, estimated: double, contested: double>"
    facets = _facets_by_text(table)  # read with pyarrow alone: no JSON anywhere
    assert facets["€75 million"] == ("75000000", 75000000.0, "EUR")
    assert facets["2019"] == ("2019", None, None)
    assert [n for t, (v, n, u) in facets.items() if t.endswith("40%")] == [40.0]
    sources = pc.struct_field(table.column("source"), "text").to_pylist()
    assert "The ministry" in sources
    # read back into the spec's records, values typed again
    records = list(read_records(str(out)))
    money = [f for r in records for f in r["facets"] if f["kind"] == "money"][0]
    assert money["value"] == 75000000 and isinstance(money["value"], int) and "number" not in money
    date = [f for r in records for f in r["facets"] if f["kind"] == "date"][0]
    assert date["value"] == "2019" and "unit" not in date
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_duckdb_style_query_through_pandas(article, tmp_path):
    import pandas as pd
    out = tmp_path / "c.parquet"
    CliRunner().invoke(main, ["extract", str(article), "-o", str(out), "--all"])
    df = pd.read_parquet(out).explode("facets").dropna(subset=["facets"])
    values = [f["value"] for f in df["facets"]]
    assert "75000000" in values


def test_hf_export_facets_are_nested_and_quiet(tmp_path):
    datasets = pytest.importorskip("datasets")
    from test_export import build_queue
    q = build_queue(tmp_path / "q.queue")
    q.close()
    out = tmp_path / "hf"
    result = CliRunner().invoke(main, ["export", str(tmp_path / "q.queue"), "--format", "hf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "%|" not in result.stderr and "it/s" not in result.stderr  # no progress bar off a terminal
    ds = datasets.load_from_disk(str(out))
    table = ds.data.table
    facets = pc.list_flatten(table.column("model_facets"))
    assert "number" in [f.name for f in facets.type]
    assert all(isinstance(v, str) for v in pc.struct_field(facets, "value").to_pylist() if v is not None)


@pytest.mark.parametrize("facet,shown", [
    ({"kind": "money", "value": 75000000, "unit": "EUR"}, "money=€75 million"),
    ({"kind": "money", "value": 200000000000, "unit": "USD", "approximate": True}, "money=~$200 billion"),
    ({"kind": "money", "value": 3500000, "unit": "CHF"}, "money=CHF 3.5 million"),
    ({"kind": "money", "value": 450, "unit": "GBP"}, "money=£450"),
    ({"kind": "percent", "value": 3.6}, "percent=3.6%"),
    ({"kind": "count", "value": 1200, "unit": "workers"}, "count=1,200 workers"),
    ({"kind": "quantity", "value": 2000, "unit": "km"}, "quantity=2,000 km"),
    ({"kind": "date", "value": "2019-08"}, "date=2019-08"),
    ({"kind": "date", "value": None}, "date=?"),
])
def test_figures_keep_currency_and_unit(facet, shown):
    assert format_facet(facet) == shown


def test_report_shows_money_with_its_currency(article, tmp_path):
    claims = tmp_path / "c.jsonl"
    result = CliRunner().invoke(main, ["extract", str(article), "-o", str(claims), "--all"])
    assert result.exit_code == 0, result.output
    page = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(page), "--claims", str(claims)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "€75 million" in html and "75000000" not in html
    assert json.loads(claims.read_text().splitlines()[0])["facets"]  # the data itself keeps the number
