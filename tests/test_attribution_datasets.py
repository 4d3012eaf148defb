"""Readers of attribution data: the own data set (always) and the shared public sets (marked)."""
from __future__ import annotations

import itertools
import json

import pytest

from factcheck.datasets import attribution as D
from factcheck.errors import InputError
from factcheck.types import LABELS


def test_read_own_builds_inputs_with_context(tmp_path):
    rows = [
        {"id": "a", "context": "The agency met on Monday.", "text": "It said 40 people were hurt.", "checkable": True,
         "labels": ["sourced"], "primary": "sourced", "source": "The agency", "cues": [], "domain": "x", "case": "pronoun"},
        {"id": "b", "context": "", "text": "What a day.", "checkable": False, "labels": [], "primary": None,
         "source": None, "cues": [], "domain": "x", "case": "opinion"},
    ]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = D.read_own(tmp_path)
    assert len(out) == 1
    assert out[0].input.text == "It said 40 people were hurt."
    assert out[0].input.prev_text == "The agency met on Monday."
    assert out[0].labels == (1, 0, 0)


def test_read_own_reports_file_and_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"text": "ok", "labels": ["rumour"]}\n')
    with pytest.raises(InputError, match="bad.jsonl:1"):
        D.read_own(tmp_path)


def test_brat_reader_skips_continuation_lines(tmp_path):
    (tmp_path / "a.ann").write_text("T1\tSource 0 3\tBob\nT2\tCue 4 8\tsaid\nT3\tContent 9 20;22 25\tline one\nline two\n"
                                    "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n")
    spans, events = D._brat(tmp_path / "a.ann")
    assert spans["T3"][1] == [(9, 20), (22, 25)]
    assert events[0]["Source"] == "T1"


def test_ptb_escapes_are_undone():
    assert D._unptb("The plan -LRB- 2010 -RRB- failed , critics said .") == "The plan (2010) failed, critics said."


@pytest.mark.shared
def test_polnear(shared):
    xs = list(itertools.islice(D.read_polnear(shared / "data" / "attribution" / "polnear"), 3000))
    assert xs and all(x.labels[1] is None and x.labels[2] is None for x in xs)
    assert {x.labels[0] for x in xs} >= {0, 1}
    for x in xs[:500]:
        assert x.input.text.strip()
        if x.input.prev_end is not None:
            assert x.input.prev_end <= x.input.start


@pytest.mark.shared
def test_szeged(shared):
    xs = list(D.read_szeged(shared / "data" / "hedge" / "szeged" / "factbank.xml"))
    assert len(xs) > 3000
    assert {x.labels[1] for x in xs} >= {0, 1}


@pytest.mark.shared
def test_wiki_weasel_and_emergent(shared):
    weasel = list(itertools.islice(D.read_wiki_weasel(shared / "data" / "hedge" / "wiki-weasel" / "train.csv"), 2000))
    assert weasel and not any("-LRB-" in x.input.text for x in weasel)
    emergent = list(D.read_emergent(shared / "data" / "stance" / "emergent" / "train.csv"))
    assert {x.labels[2] for x in emergent} == {0, 1}


@pytest.mark.shared
def test_gold_inputs_have_the_sentence_before(shared):
    pairs = D.read_gold(shared / "data" / "seed")
    assert pairs
    for si, rec in pairs:
        assert si.text == rec["text"]
        assert set(rec["labels"]) <= set(LABELS)


def _polnear_fixture(tmp_path):
    text = ("Prices rose 4 percent in May, the ministry said. The weather was mild. "
            "\"It was a good month,\" he said. Ana Lund wants a new tax.")
    base = tmp_path / "train"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "doc.txt").write_text(text, encoding="utf-8")

    def span(tid, kind, phrase, anchor):
        s = text.index(anchor) + anchor.index(phrase)
        return f"{tid}\t{kind} {s} {s + len(phrase)}\t{phrase}\n"

    ann = (span("T1", "Source", "the ministry", "the ministry") + span("T2", "Cue", "said", "ministry said")
           + span("T3", "Content", "Prices rose 4 percent in May", "Prices rose 4 percent in May")
           + "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n"
           + span("T4", "Source", "he", "he said") + span("T5", "Cue", "said", "he said")
           + span("T6", "Content", "It was a good month", "It was a good month")
           + "E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6\n"
           + span("T7", "Source", "Ana Lund", "Ana Lund") + span("T8", "Cue", "wants", "wants")
           + span("T9", "Content", "a new tax", "a new tax")
           + "E3\tAttribution:T8 Cue:T8 Source:T7 Content:T9\n")
    (base / "attributions" / "doc_ab12.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_polnear_source_cases_and_scores(tmp_path):
    from factcheck.attribution.evaluate import polnear_source_cases, score_sources

    cases = list(polnear_source_cases(_polnear_fixture(tmp_path), split="train"))
    kinds = [(c.kind, c.source, c.reporting) for c in cases]
    assert kinds == [("sourced", "the ministry", True), ("none", None, False), ("pronoun", "he", True),
                     ("sourced", "Ana Lund", False)]
    decisions = [(True, "the ministry"), (True, "x"), (False, None), (False, None)]
    fig = score_sources(cases, decisions)
    assert fig["reporting"] == {"sentences": 1, "sourced_recall": 1.0, "source_hit": 1.0}
    assert fig["all"]["sourced_recall"] == 0.5
    assert fig["pronoun"]["sourced_recall"] == 0.0
    assert fig["none"] == {"sentences": 1, "false_sourced": 1.0}
    # read_polnear labels sourced from the same cases: a pronoun cue is sourced (spec section 2),
    # an opinion cue unknown
    assert [e.labels[0] for e in D.read_polnear(tmp_path)] == [1, 0, 1, None]


def test_source_hit_is_the_scorers_rule():
    from factcheck.attribution.evaluate import source_hit

    assert source_hit("the Labor Department", "Labor Department")
    assert not source_hit("Roger Altman, a banker", "Roger Altman")  # 2 of 5 words
    assert not source_hit("McCain", "McCain, who runs")  # "mccain," is another word
