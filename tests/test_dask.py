"""factcheck score --engine dask: the same claims as the local engine, on a LocalCluster."""
from __future__ import annotations

import json
import sys

import pytest

from test_batch_model import fake_model, make_docs

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """A two-process LocalCluster; the fake model travels by value to its spawned workers."""
    import cloudpickle
    from distributed import LocalCluster
    cloudpickle.register_pickle_by_value(sys.modules["test_batch_model"])
    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    yield c
    c.close()


def test_dask_engine_gives_the_local_claims_parquet_partitions_and_hf(tmp_path, cluster):
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
    datasets = pytest.importorskip("datasets")
    from factcheck.batch import errors_path, score_files

    docs = make_docs(23)
    # a Parquet file with four row groups (partitions), one row without text
    table_rows = docs[:10] + [{"doc_id": "empty", "text": None, "published": None}] + docs[10:15]
    pq.write_table(pa.Table.from_pylist(table_rows), tmp_path / "a.parquet", row_group_size=4)
    with open(tmp_path / "b.jsonl", "w") as f:
        for d in docs[15:19]:
            f.write(json.dumps(d) + "\n")
        f.write("{broken\n")
    datasets.Dataset.from_list(docs[19:]).save_to_disk(str(tmp_path / "hf"))
    inputs = [str(tmp_path / "a.parquet"), str(tmp_path / "b.jsonl"), str(tmp_path / "hf")]

    local = tmp_path / "local.parquet"
    score_files(inputs, local, model=fake_model, chunk_docs=3, progress=False)
    remote = tmp_path / "dask.parquet"
    summary = score_files(inputs, remote, model=fake_model, engine="dask", scheduler=cluster.scheduler_address,
                          chunk_docs=3, progress=False)
    a, b = pd.read_parquet(local), pd.read_parquet(remote)
    assert len(a) > 40 and a.equals(b)
    assert set(a["doc_id"]) == {d["doc_id"] for d in docs}
    assert errors_path(local).read_text() == errors_path(remote).read_text()
    errors = [json.loads(x) for x in errors_path(remote).read_text().splitlines()]
    assert [(e["file"].rsplit("/", 1)[-1], e["line"]) for e in errors] == [("a.parquet", 11), ("b.jsonl", 5)]
    assert summary.documents == 23 and summary.errors == 2
