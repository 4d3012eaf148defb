"""factcheck: find the checkable claims in news, label how they are attributed, review them.

    >>> import factcheck
    >>> claims = factcheck.extract("The company said sales rose 4% to $2.1 billion in 2023.",
    ...                            published="2024-02-01")
    >>> claims[0].label, [f.value for f in claims[0].facets]

Heavy parts load on first use, so ``import factcheck`` stays fast.
"""
from __future__ import annotations

from .errors import FactcheckError, InputError, ModelError, QueueError
from .types import Claim, Cue, Document, Facet, Span, Verdict

__version__ = "0.1.0"

__all__ = [
    "Claim", "Cue", "Document", "Facet", "Span", "Verdict",
    "FactcheckError", "InputError", "ModelError", "QueueError",
    "extract", "Extractor", "load_model", "read_documents", "extract_facets", "split_sentences",
    "score_dataframe", "score_dataset",
]

_LAZY = {
    "extract": "factcheck.pipeline",
    "Extractor": "factcheck.pipeline",
    "load_model": "factcheck.models",
    "read_documents": "factcheck.io",
    "extract_facets": "factcheck.facets",
    "split_sentences": "factcheck.segment",
    "score_dataframe": "factcheck.frames",
    "score_dataset": "factcheck.frames",
}


def __getattr__(name):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
