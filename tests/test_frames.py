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
    with pytest.warns(UserWarning, match=r"1 row without 'body' skipped \(first: row b\)"):
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


def test_pandas_missing_values_of_every_kind_are_missing():
    """Nullable and Arrow-backed columns hold pd.NA and NaT for a missing text or date."""
    import pandas as pd
    docs = make_docs(2)
    df = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [docs[0]["text"], None, docs[1]["text"]],
                       "published": ["2024-01-05", None, None]}).convert_dtypes()
    out = factcheck.score_dataframe(df, model=FakeModel())
    assert set(out["doc_id"]) == {"a", "c"}
    stamps = pd.DataFrame({"text": ["Exports reached $80 billion last year, officials said."],
                           "published": pd.to_datetime([None])})
    [facets] = factcheck.score_dataframe(stamps, model=FakeModel(), all_sentences=True)["facets"]
    assert [f["value"] for f in facets if f["kind"] == "date"] == [None]  # no publication date: no value


def test_repeated_ids_stay_apart():
    import pandas as pd
    docs = make_docs(2)
    one = pd.DataFrame({"text": [d["text"] for d in docs]})
    out = factcheck.score_dataframe(pd.concat([one, one]), model=FakeModel())
    assert out["claim_id"].is_unique
    assert sorted(set(out["doc_id"])) == ["0", "0@row 2", "1", "1@row 3"]


def test_a_dataset_without_claims_is_an_empty_dataset_and_wrong_types_say_so():
    datasets = pytest.importorskip("datasets")
    import pandas as pd
    empty = factcheck.score_dataset(datasets.Dataset.from_dict({"text": ["No numbers at all here."]}),
                                    model=FakeModel())
    assert len(empty) == 0 and "facets" in empty.column_names
    with pytest.raises(factcheck.InputError, match="score_dataframe"):
        factcheck.score_dataset(pd.DataFrame({"text": ["x"]}), model=FakeModel())
    with pytest.raises(factcheck.InputError, match="score_dataset"):
        factcheck.score_dataframe(datasets.Dataset.from_dict({"text": ["x"]}), model=FakeModel())


@pytest.mark.parametrize("bad", [None, 123, b"Exports rose 5%."])
def test_extract_says_what_it_takes(bad):
    with pytest.raises(factcheck.InputError, match="takes a str or a Document"):
        factcheck.extract(bad)


def test_a_date_given_as_text_or_missing_is_read_as_a_date():
    import datetime as dt

    import pandas as pd

    from factcheck.facets import extract_facets
    assert factcheck.Document("x", "Prices rose last May.", "2024-06-07").published == dt.date(2024, 6, 7)
    assert factcheck.Document("x", "Prices rose last May.", pd.NaT).published is None
    assert [(f.text, f.value) for f in extract_facets("Prices rose last May.", published="2024-06-07")] == [
        ("last May", "2024-05")]


def test_a_document_without_a_date_takes_published_and_a_clash_is_refused():
    doc = factcheck.Document("d1", "Sales rose 4% last year, the company said.")
    (claim,) = factcheck.extract(doc, published="2024-02-01", model=FakeModel(), all_sentences=True)
    assert [(f.text, f.value) for f in claim.facets if f.kind == "date"] == [("last year", "2023")]
    dated = factcheck.Document("d1", "Sales rose 4% last year.", "2021-05-05")
    assert factcheck.extract(dated, published="2021-05-05", model=FakeModel(), all_sentences=True)
    with pytest.raises(factcheck.InputError, match="give one date"):
        factcheck.extract(dated, published="2024-02-01", model=FakeModel())


@pytest.mark.parametrize("threshold", ["0.5", 2, -0.1, True, None])
def test_a_threshold_that_is_no_number_from_0_to_1_is_refused(threshold):
    from factcheck.pipeline import Extractor
    with pytest.raises(factcheck.InputError, match="threshold"):
        factcheck.extract("Sales rose 4%.", model=FakeModel(), threshold=threshold)
    with pytest.raises(factcheck.InputError, match="threshold"):
        Extractor(FakeModel(), threshold=threshold)
