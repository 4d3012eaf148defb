"""The lexical index: BM25 scores as the formula gives them, whatever the batching, and the copy
of a large index kept on disk between commands."""
from __future__ import annotations

import math

import numpy as np
import pytest

from factcheck.matching import CheckedClaim, Matcher, index_cache
from factcheck.matching.index import B, K1, TITLE_WEIGHT, LexicalIndex
from factcheck.matching.text import named_words, terms, words

TEXTS = [
    "The mayor cut the school budget by 12 percent last year.",
    "A new bridge over the river will cost the city $40 million.",
    "Unemployment in the region fell to 5 percent in March.",
    "The mayor said the school budget was never cut.",
    "Bus fares rise again as the city closes two depots.",
    "The river bridge opened two years late and over budget.",
]
TITLES = ["Did the mayor cut school funding?", None, "Regional jobless rate", "", "Fares up, depots shut", None]


def _bm25(query: str, fields: list[list[tuple[list[str], float]]]) -> list[float]:
    """BM25 of a query against each claim, written out term by term (float64): a claim is its
    fields' terms, each field's counts weighted, its length all their terms."""
    n = len(fields)
    lengths = [sum(len(t) for t, _ in doc) for doc in fields]
    avg = sum(lengths) / n
    out = []
    for doc, length in zip(fields, lengths):
        score = 0.0
        for t in set(terms(query)):
            df = sum(1 for other in fields if any(t in words for words, _ in other))
            tf = sum(w * words.count(t) for words, w in doc)
            if tf:
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))  # Lucene's idf: above zero for any df
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg))
        out.append(score)
    return out


QUERIES = ["school budget cut by the mayor", "how much will the bridge cost the city", "fares depots",
           "nothing in common here", "Unemployment fell to 5 percent"]


def test_scores_follow_the_bm25_formula():
    text, title = [terms(t) for t in TEXTS], [terms(t or "") for t in TITLES]
    index = LexicalIndex(TEXTS, TITLES)
    for query, hits in zip(QUERIES, index.search_many(QUERIES, k=len(TEXTS))):
        total = _bm25(query, [[(a, 1.0), (b, TITLE_WEIGHT)] for a, b in zip(text, title)])
        text_only = _bm25(query, [[(a, 1.0)] for a in text])
        title_only = _bm25(query, [[(b, 1.0)] for b in title])
        assert [row for row, *_ in hits] == sorted((r for r in range(len(TEXTS)) if total[r] > 0),
                                                   key=lambda r: -total[r])
        for row, both, in_text, in_title in hits:
            assert both == pytest.approx(total[row], rel=1e-5)
            assert in_text == pytest.approx(text_only[row], rel=1e-5)
            assert in_title == pytest.approx(title_only[row], rel=1e-5)
    assert list(index.search_many(["nothing in common here"])) == [[]]


def test_scores_do_not_depend_on_batching_or_on_a_reload():
    index = LexicalIndex(TEXTS, TITLES)
    whole = list(index.search_many(QUERIES, k=4))
    assert list(index.search_many(QUERIES, k=4, batch=1)) == whole
    again = LexicalIndex.from_arrays(index.arrays())
    assert list(again.search_many(QUERIES, k=4, batch=2)) == whole
    assert [again.doc_terms[r] for r in range(len(TEXTS))] == [index.doc_terms[r] for r in range(len(TEXTS))]
    assert again.doc_terms[0] == frozenset(terms(TEXTS[0])) | frozenset(terms(TITLES[0]))


def test_a_broken_index_file_is_refused():
    arrays = LexicalIndex(TEXTS, TITLES).arrays()
    arrays["both_t.indices"] = arrays["both_t.indices"] + len(TEXTS)
    with pytest.raises(ValueError):
        LexicalIndex.from_arrays(arrays)


def _pool(n: int) -> list[CheckedClaim]:
    return [CheckedClaim(id=f"c{i}", text=f"{TEXTS[i % len(TEXTS)]} Report {i}.", title=TITLES[i % len(TITLES)])
            for i in range(n)]


def test_a_large_index_is_kept_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setattr(index_cache, "MIN_CLAIMS", 10)
    pool = _pool(40) + [CheckedClaim(id="dup", text=TEXTS[0] + " Report 0.", title=TITLES[0])]
    queries = [CheckedClaim(id=f"q{i}", text=q) for i, q in enumerate(QUERIES)]
    first = list(Matcher(pool, cache_dir=tmp_path).match(queries, top=4))
    (kept,) = tmp_path.glob("*.lexical.npz")
    built = []
    monkeypatch.setattr(index_cache, "LexicalIndex", type("Never", (LexicalIndex,), {
        "__init__": lambda self, *a: built.append(a)}))
    matcher = Matcher(pool, cache_dir=tmp_path)
    assert not built  # read from the file
    assert matcher.copies == {0: (0, 40), 40: (0, 40)}
    assert list(matcher.match(queries, top=4)) == first
    # a file that does not read is rebuilt; other claims get a file of their own
    kept.write_bytes(b"not an index")
    monkeypatch.undo()
    monkeypatch.setattr(index_cache, "MIN_CLAIMS", 10)
    assert list(Matcher(pool, cache_dir=tmp_path).match(queries, top=4)) == first
    Matcher(pool[:-1], cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.lexical.npz"))) == 2


def test_a_small_index_is_not_kept(tmp_path):
    Matcher(_pool(20), cache_dir=tmp_path)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("text", ["The IMF said GDP rose 3%.", "İstanbul and Zürich: São Paulo’s rival",
                                  "ǅemal met ΣΟΦΊΑ in Köln", "straße  STRASSE\tdon’t"])
def test_words_are_the_lower_case_of_each_word(text):
    import re
    assert words(text) == [w.lower() for w in re.findall(r"[^\W_]+", text)]


@pytest.mark.parametrize("text, named", [
    ("The Senate voted. Then Congress met in Washington.", {"senate", "congress", "washington"}),
    ("Officials said:  Paris would host 2,024 athletes", {"2,024"}),
    ("Only   Berlin", {"berlin"}),
])
def test_named_words_leave_out_first_words(text, named):
    assert named_words(text) == named


def test_facts_worked_out_for_the_index_are_those_each_candidate_would_give(tmp_path, monkeypatch):
    pool = _pool(30) + [CheckedClaim(id="f", text="Officials in Ohio said on 3 May 2021 that 4,500 jobs, 12% of all, went.")]
    small = Matcher(pool, cache_dir=tmp_path)
    assert small.facts is None
    monkeypatch.setattr(index_cache, "MIN_CLAIMS", 10)
    for _ in range(2):  # built, then read back from the file
        large = Matcher(pool, cache_dir=tmp_path)
        assert large.facts is not None
        for row in range(len(pool)):
            a, b = small.side(row), large.side(row)
            assert (a.named, a.figures, a.words, a.total) == (b.named, b.figures, b.words, b.total)
    assert {f.dimension for f in large.side(len(pool) - 1).figures} >= {"date", "count", "percent"}


def test_match_command_gives_the_same_lines_with_the_index_kept(tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    monkeypatch.setattr(index_cache, "MIN_CLAIMS", 10)
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "default"))
    source = tmp_path / "checked.jsonl"
    source.write_text("".join(json.dumps({"id": c.id, "text": c.text, "title": c.title, "rating": "false"}) + "\n"
                              for c in _pool(25)), encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    queries.write_text("".join(json.dumps({"id": f"q{i}", "text": q}) + "\n" for i, q in enumerate(QUERIES)),
                       encoding="utf-8")
    args = ["match", str(queries), "--against", str(source), "--top", "3"]
    fresh = CliRunner().invoke(main, args)
    assert fresh.exit_code == 0, fresh.output
    assert len(list(tmp_path.glob("default/match/*.lexical.npz"))) == 1  # kept where $FACTCHECK_CACHE says
    runs = [CliRunner().invoke(main, [*args, "--cache", str(tmp_path / "cache")]) for _ in range(2)]
    assert len(list(tmp_path.glob("cache/*.lexical.npz"))) == 1
    assert [r.output for r in runs] == [fresh.output, fresh.output]
    # a claim about the mayor and the school budget: the one saying it was cut, or (a near tie for
    # the fast tier's static features, which cannot read the negation) the one saying it never was
    assert json.loads(fresh.output.splitlines()[0])["matches"][0]["id"] in {f"c{i}" for i in range(25) if i % 6 in (0, 3)}
