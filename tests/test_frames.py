"""factcheck.score_dataframe and score_dataset: tables of documents in, tables of claims out."""
from __future__ import annotations

import pytest

import factcheck
from test_batch_model import FakeModel, make_docs


def expected(docs):
    from factcheck.pipeline import Extractor
    from factcheck.types import Document
    ex = Extractor(FakeModel())
    return [c.to_dict() for d in docs for c in ex.extract(Document.from_dict(d))]


def test_score_dataframe_rows_are_the_claims():
    import pandas as pd
    docs = make_docs(4)
    df = pd.DataFrame(docs)
    out = factcheck.score_dataframe(df, model=FakeModel())
    assert out.to_dict("records") == expected(docs)
    assert list(out.columns)[:3] == ["claim_id", "doc_id", "text"]


def test_score_dataframe_index_as_doc_id_custom_column_and_missing_text():
    import pandas as pd
    docs = make_docs(3)
    df = pd.DataFrame({"body": [docs[0]["text"], None, docs[2]["text"]]}, index=["a", "b", "c"])
    out = factcheck.score_dataframe(df, model=FakeModel(), text_column="body", all_sentences=True)
    assert set(out["doc_id"]) == {"a", "c"}
    assert (out["checkworthiness"] < 0.5).any()
    with pytest.raises(factcheck.InputError, match="no 'text' column"):
        factcheck.score_dataframe(df, model=FakeModel())
    empty = factcheck.score_dataframe(pd.DataFrame({"text": ["No numbers at all here."]}), model=FakeModel())
    assert len(empty) == 0 and "claim_id" in empty.columns


def test_score_dataset_has_class_labels_and_round_trips(tmp_path):
    datasets = pytest.importorskip("datasets")
    docs = make_docs(5)
    ds = factcheck.score_dataset(datasets.Dataset.from_list(docs), model=FakeModel())
    want = expected(docs)
    assert len(ds) == len(want)
    names = ds.features["label"].names
    assert [names[i] for i in ds["label"]] == [w["label"] for w in want]
    assert ds[0]["claim_id"] == want[0]["claim_id"] and ds[0]["scores"] == want[0]["scores"]
    ds.save_to_disk(str(tmp_path / "claims"))
    back = datasets.load_from_disk(str(tmp_path / "claims"))
    assert back["claim_id"] == [w["claim_id"] for w in want]
    split = factcheck.score_dataset(datasets.DatasetDict({"train": datasets.Dataset.from_list(docs[:2])}),
                                    model=FakeModel())
    assert len(split["train"]) == len(expected(docs[:2]))
