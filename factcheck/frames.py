"""Claims of pandas DataFrames and Hugging Face datasets: ``factcheck.score_dataframe(df)``.

Both take a table of documents (a text column, optionally ``doc_id`` (or ``id``) and ``published``) and
give back a table of claim rows with the columns of spec/CLAIMS.md section 4, one row per
claim, in document order. pandas and datasets are imported only when called.
"""
from __future__ import annotations

import warnings
from typing import Any, Iterable, Iterator

from .errors import InputError
from .types import DOC_ID_COLUMNS, LABELS, PRIMARY_LABELS, THRESHOLD, Document, given_doc_id, is_missing, parse_date

COLUMNS = ("claim_id", "doc_id", "text", "start", "end", "checkworthiness", "label", "scores", "cues",
           "source", "facets")


def _id_text(value: Any) -> str:
    """A doc_id as text: an integral float (a pandas integer column with a gap) without ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _documents(records: Iterable[tuple[Any, dict]], text_column: str, published) -> Iterator[Document]:
    """Yield a Document per row; rows with no text (None, NaN, pandas' NA) have nothing to score
    and are skipped, with one warning that counts them and names the first. A doc_id that an earlier row already took (two frames concatenated, a repeated
    index) becomes ``ID@row N`` (N the row's position), so that documents and claim ids stay apart."""
    from .io import DocIds

    default_pub = parse_date(published) if published is not None else None
    ids = DocIds()
    skipped: list = []
    for n, (key, row) in enumerate(records):
        text = row.get(text_column)
        if is_missing(text):
            skipped.append(key)
            continue
        if not isinstance(text, str):
            raise InputError(f"row {key}: {text_column!r} must be text, not {type(text).__name__}")
        doc_id = given_doc_id(row)
        doc_id = _id_text(key if doc_id is None else doc_id)
        doc_id = ids.claim(doc_id, f"{doc_id}@row {n}")  # as a file's repeated ids are kept apart
        try:
            pub = parse_date(row.get("published"))
        except ValueError as exc:
            raise InputError(f"row {key}: {exc}") from None
        yield Document(doc_id, text, pub or default_pub)
    if skipped:
        warnings.warn(f"{len(skipped)} row{'s' if len(skipped) != 1 else ''} without {text_column!r} skipped "
                      f"(first: row {skipped[0]})", stacklevel=3)


def _extractor(model, threshold, all_sentences):
    if isinstance(model, str):  # a named model loads once per process, however often this is called
        from .batch import ModelSpec, _extractor as cached
        return cached(ModelSpec(model, threshold, all_sentences))
    from .pipeline import Extractor
    return Extractor(model, threshold=threshold, all_sentences=all_sentences)


def score_dataframe(df, *, model: Any = "fast", text_column: str = "text", all_sentences: bool = False,
                    threshold: float = THRESHOLD, published=None):
    """Return a pandas DataFrame of the claims in ``df``'s documents, one row per claim.

    ``doc_id`` comes from a ``doc_id`` column, else an ``id`` column, else the row's index; ``published`` from a
    ``published`` column, else the ``published`` argument. Rows whose text is missing give no
    claims. Nested fields (scores, cues, source, facets) are Python dicts and lists."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"score_dataframe takes a pandas DataFrame, not {type(df).__name__}"
                         + ("; use score_dataset for a Hugging Face dataset" if hasattr(df, "column_names") else ""))
    if text_column not in df.columns:
        raise InputError(f"no {text_column!r} column (columns: {', '.join(map(str, df.columns))}); "
                         "name the document column with text_column=")
    ex = _extractor(model, threshold, all_sentences)
    cols = [c for c in (text_column, *DOC_ID_COLUMNS, "published") if c in df.columns]
    records = ((key, dict(zip(cols, values))) for key, values in zip(df.index, df[cols].itertuples(index=False)))
    rows = [c.to_dict() for c in ex.extract_many(_documents(records, text_column, published))]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def claim_features():
    """Return the ``datasets.Features`` of claim rows: ClassLabel labels, nested cues and facets
    (a facet's ``value`` as text: ``2019-08``, ``3.6``, ``200000000000``; ``number`` as float64
    for numeric values, see :mod:`factcheck.claim_table`)."""
    from datasets import ClassLabel, Features, List, Value

    span = {"text": Value("string"), "start": Value("int64"), "end": Value("int64")}
    return Features({
        "claim_id": Value("string"), "doc_id": Value("string"), "text": Value("string"),
        "start": Value("int64"), "end": Value("int64"), "checkworthiness": Value("float64"),
        "label": ClassLabel(names=list(PRIMARY_LABELS)),
        "scores": {lab: Value("float64") for lab in LABELS},
        "cues": List({"label": Value("string"), **span}),
        "source": span,
        "facets": List({"kind": Value("string"), "text": Value("string"), "value": Value("string"),
                        "number": Value("float64"), "start": Value("int64"), "end": Value("int64"),
                        "approximate": Value("bool"), "unit": Value("string")}),
    })


def _dataset_row(d: dict) -> dict:
    from .claim_table import facet_cells
    d = dict(d)
    d["facets"] = [facet_cells(f) for f in d["facets"]]
    return d


def score_dataset(ds, *, model: Any = "fast", text_column: str = "text", all_sentences: bool = False,
                  threshold: float = THRESHOLD, published=None, batch_size: int = 256):
    """Return a ``datasets.Dataset`` of the claims in ``ds``'s documents (a DatasetDict gives a
    DatasetDict of the same splits), with the features of :func:`claim_features`.

    ``label`` is a ``ClassLabel``, as data sets for training keep classes: a row holds its index
    (``2``), and ``out.features["label"].int2str(row["label"])`` gives the name (``"sourced"``);
    ``out.to_pandas()`` keeps the index too, while :func:`score_dataframe` gives the names."""
    import datasets

    if not isinstance(ds, (datasets.Dataset, datasets.DatasetDict)):
        raise InputError(f"score_dataset takes a datasets.Dataset or DatasetDict, not {type(ds).__name__}"
                         + ("; use score_dataframe for a pandas DataFrame" if hasattr(ds, "columns") else ""))
    if isinstance(ds, datasets.DatasetDict):
        return datasets.DatasetDict({name: score_dataset(split, model=model, text_column=text_column,
                                                         all_sentences=all_sentences, threshold=threshold,
                                                         published=published, batch_size=batch_size)
                                     for name, split in ds.items()})
    if text_column not in ds.column_names:
        raise InputError(f"no {text_column!r} column (columns: {', '.join(ds.column_names)}); "
                         "name the document column with text_column=")
    ex = _extractor(model, threshold, all_sentences)
    cols = [c for c in (text_column, *DOC_ID_COLUMNS, "published") if c in ds.column_names]

    def records():
        n = 0
        for batch in ds.select_columns(cols).iter(batch_size=batch_size):
            for k in range(len(batch[text_column])):
                yield n, {c: batch[c][k] for c in cols}
                n += 1

    rows = [_dataset_row(c.to_dict()) for c in ex.extract_many(_documents(records(), text_column, published))]
    features = claim_features()
    if not rows:  # no claim: an empty table of the same columns
        return datasets.Dataset.from_dict({name: [] for name in features}, features=features)
    return datasets.Dataset.from_list(rows, features=features)
