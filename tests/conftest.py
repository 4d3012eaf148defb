"""Shared fixtures: where the shared data is, and small hand-written documents."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_SHARED", REPO.parent / "shared"))


@pytest.fixture
def shared() -> Path:
    """The shared folder (spec, data, scorer); skips the test when it is absent."""
    path = shared_dir()
    if not (path / "data").is_dir():
        pytest.skip("../shared/data is not here")
    return path


def pytest_collection_modifyitems(config, items):
    if (shared_dir() / "data").is_dir():
        return
    skip = pytest.mark.skip(reason="../shared/data is not here")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fresh_batch_extractors():
    """Batch scoring caches one extractor per model name in the process; a test that swaps in a
    fake model must not leave it behind for the next test that asks for the real one."""
    yield
    import sys
    batch = sys.modules.get("factcheck.batch")
    if batch is not None:
        batch._EXTRACTORS.clear()


@pytest.fixture(autouse=True, scope="session")
def _private_match_cache(tmp_path_factory):
    """Matching keeps indexes and embeddings of large sources in a cache folder; the suite uses its
    own (shared by the session, so one test's encoding helps the next) and leaves the user's alone."""
    if os.environ.get("FACTCHECK_CACHE"):
        yield
        return
    os.environ["FACTCHECK_CACHE"] = str(tmp_path_factory.mktemp("factcheck-cache"))
    yield
    os.environ.pop("FACTCHECK_CACHE", None)
