"""Our evaluator agrees with the independent scorer, and its parts behave as the spec says."""
import json
import math
import random
import subprocess
import sys

import pytest

from factcheck.evaluate import average_precision, below_floor, score_records


def _perturbed_predictions(gold, seed):
    """Claim records made from gold sentences with random mistakes of every kind."""
    rng = random.Random(seed)
    preds = []
    for g in gold:
        if rng.random() < 0.1:
            continue  # no record at all
        labels = set(g.get("labels", []))
        for lab in ("sourced", "estimated", "contested"):
            if rng.random() < 0.2:
                labels ^= {lab}
        facets = []
        for f in g.get("facets", []):
            if rng.random() < 0.15:
                continue
            f = dict(f)
            if rng.random() < 0.1 and isinstance(f.get("value"), (int, float)):
                f["value"] = f["value"] * 1.01
            facets.append(f)
        scores = {lab: (0.8 if lab in labels else 0.2) for lab in ("sourced", "estimated", "contested")}
        label = next((lab for lab in ("contested", "estimated", "sourced") if lab in labels), "unsourced")
        source = g.get("source")
        preds.append({
            "doc_id": g["doc_id"], "start": g["start"] + rng.choice([0, 0, 3]), "end": g["end"],
            "text": g["text"], "checkworthiness": round(rng.random(), 2) if rng.random() < 0.3 else
            (0.9 if g["checkable"] else 0.1),
            "label": label, "scores": scores, "cues": [],
            "source": {"text": source, "start": 0, "end": 0} if source and rng.random() < 0.7 else None,
            "facets": facets,
        })
    return preds


@pytest.mark.shared
@pytest.mark.parametrize("which", ["seed", "news-dev"])
@pytest.mark.parametrize("seed", [0, 1])
def test_agrees_with_independent_scorer(shared, tmp_path, which, seed):
    gold_path = shared / "data" / which / "gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()]
    preds = _perturbed_predictions(gold, seed)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds))
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold_path), str(pred_path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out)
    ours = score_records(gold, preds)
    assert json.loads(json.dumps(ours)) == theirs


def test_average_precision_ties_are_pessimistic():
    assert average_precision([(0.5, True), (0.5, False)]) == 0.5
    assert average_precision([(0.9, True), (0.1, False)]) == 1.0
    assert math.isnan(average_precision([(0.3, False)]))


def test_facet_match_needs_value_and_currency():
    gold = [{"doc_id": "d", "start": 0, "end": 20, "checkable": True, "labels": [], "primary": "unsourced",
             "facets": [{"kind": "money", "value": 100, "unit": "USD", "start": 0, "end": 4},
                        {"kind": "duration", "value": None, "start": 10, "end": 17}]}]
    pred = [{"doc_id": "d", "start": 0, "end": 20, "checkworthiness": 0.9, "label": "unsourced", "scores": {},
             "facets": [{"kind": "money", "value": 100, "unit": "EUR", "start": 0, "end": 4},
                        {"kind": "count", "value": 7, "start": 10, "end": 12}]}]
    result = score_records(gold, pred)
    assert result["facets"]["money"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert result["facets"]["count"]["fp"] == 0  # overlaps a don't-care duration


def test_a_sentence_annotated_for_some_kinds_scores_only_those():
    gold = [{"doc_id": "d", "start": 0, "end": 40, "checkable": False, "labels": [], "primary": None,
             "kinds": ["date", "count"],
             "facets": [{"kind": "count", "value": 3, "unit": "polls", "start": 0, "end": 7}]}]
    pred = [{"doc_id": "d", "start": 0, "end": 40, "checkworthiness": 0.1, "label": "unsourced", "scores": {},
             "facets": [{"kind": "count", "value": 3, "unit": "polls", "start": 0, "end": 7},
                        {"kind": "percent", "value": 12, "start": 10, "end": 13},
                        {"kind": "money", "value": 5, "unit": "USD", "start": 15, "end": 17},
                        {"kind": "date", "value": "2016-05", "start": 20, "end": 23}]}]
    result = score_records(gold, pred)
    assert result["facets"]["count"]["tp"] == 1
    assert result["facets"]["date"]["fp"] == 1  # an annotated kind: a date where none is, is wrong
    assert result["facets"]["percent"] == result["facets"]["money"] == {
        "p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    # the same sentence without "kinds" counts the percent and the money as false positives
    plain = score_records([{k: v for k, v in gold[0].items() if k != "kinds"}], pred)
    assert plain["facets"]["percent"]["fp"] == plain["facets"]["money"]["fp"] == 1


def test_below_floor_names_each_miss():
    result = {"labels_macro_f1": 0.8, "checkable": {"ap": 0.9}}
    assert below_floor(result, {"labels_macro_f1": 0.85, "checkable.ap": 0.5}) == ["labels_macro_f1 0.8 < 0.85"]


def test_a_label_nobody_used_is_shown_as_such_and_counted_as_the_shared_scorer_does():
    from factcheck.evaluate import format_report

    gold = [{"doc_id": "d", "start": 0, "end": 20, "checkable": True, "labels": ["sourced"], "primary": "sourced",
             "source": "the WHO", "facets": []}]
    pred = [{"doc_id": "d", "start": 0, "end": 20, "checkworthiness": 0.9, "label": "sourced",
             "scores": {"sourced": 0.9, "estimated": 0.1, "contested": 0.1}, "source": {"text": "the WHO"},
             "facets": []}]
    result = score_records(gold, pred)
    assert result["labels_macro_f1"] == round(1 / 3, 4)  # the shared scorer's average over all three
    text = format_report(result)
    assert "estimated   n/a" in text and "counts estimated, contested as 0" in text
