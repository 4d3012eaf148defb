"""Adaptation to newsroom verdicts: the layer, the refusal, a real slice, the learn order."""
from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from factcheck.adapt import AdaptationRefused, adapt_parts
from factcheck.adapt.card import card_text
from factcheck.adapt import guard
from factcheck.adapt.ask import teaching_scores
from factcheck.adapt.logistic import choose_l2, fit_offset, group_folds, log_loss
from factcheck.models import load_model
from factcheck.types import NewsroomExample, SentenceInput

THINGS = ["road repairs", "school meals", "street lights", "bus shelters", "park benches", "flood barriers"]
MOODS = ["The rain kept everyone indoors.", "It was a quiet afternoon at the hall.",
         "Nobody looked forward to the session.", "The coffee machine was broken again.",
         "Several people arrived late.", "The room smelled of fresh paint."]


def _newsroom(n_docs=12, inverted=lambda doc: False):
    """Hand-made council reports: figure sentences (check-worthy) and scene-setting (not),
    with the answers of documents for which ``inverted(doc)`` holds turned round."""
    out = []
    for d in range(n_docs):
        doc = f"report-{d}"
        for k in range(6):
            if k % 2 == 0:
                text = f"The county spent ${3 + d + k}.{k} million on {THINGS[k]} in {2015 + d % 8}, the auditor said."
                label = 1
            else:
                text = MOODS[(d + k) % len(MOODS)]
                label = 0
            if inverted(doc):
                label = 1 - label
            out.append(NewsroomExample(claim_id=f"{doc}-{k}", doc_id=doc, input=SentenceInput.from_text(text, doc_id=doc),
                                       checkworthy=label, primary="sourced" if label else None, reviewers=("alice",),
                                       verdict_ids=(d * 10 + k,), queue="q"))
    return out


@pytest.fixture(scope="module")
def fast():
    return load_model("fast")


def test_prior_at_infinity_is_the_base_and_a_weak_prior_moves():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] > 0).astype(float)
    offset = np.zeros(200)
    assert np.all(fit_offset(X, offset, y, np.ones(200), float("inf")) == 0)
    strong = fit_offset(X, offset, y, np.ones(200), 1000.0)
    weak = fit_offset(X, offset, y, np.ones(200), 0.1)
    assert abs(weak[0]) > abs(strong[0]) > 0
    assert weak[0] > 1.0


def test_group_folds_keep_groups_whole_and_cv_prefers_the_base_on_noise():
    groups = [i // 5 for i in range(60)]
    folds = group_folds(groups, 4)
    for g in set(groups):
        assert len({f for f, gg in zip(folds, groups) if gg == g}) == 1
    # predictions that do not depend on the prior: every strength ties, the strongest wins
    chosen, scores = choose_l2(groups, lambda l2, tr, te: np.zeros(te.sum()), lambda p: 0.5)
    assert chosen[0] == float("inf") and len(set(scores.values())) == 1


def test_the_layer_reads_the_cue_features_as_the_base_scales_them(fast):
    """cue_features already caps counts and scales each column to at most 1: the layer must not
    scale them again (a saturated count like four opinion words stays at 1, not 1/3)."""
    from factcheck.adapt.checkworthy import AdaptedCheckworthy
    from factcheck.checkworthy import CUE_FEATURES, cue_features
    X = ["I think the new ferry timetable is a terrible, horrible, sad mess for us and our kids.",
         "We cut the harbour budget by 12 percent in 2021, to $3 million from $3.4 million."]
    layer = AdaptedCheckworthy(base=fast.checkworthy)
    zb = np.zeros(len(X))
    dense = layer._design(X, zb)[:, -(len(CUE_FEATURES) + 2):-2].toarray()
    expected = cue_features(X)
    assert np.allclose(dense, expected)
    opinion, first = CUE_FEATURES.index("opinion"), CUE_FEATURES.index("first_person")
    assert dense[0, opinion] == 1.0 and dense[0, first] > 0.5
    assert dense.max() <= 1.0 and dense[1].max() == 1.0


def test_repeated_folds_keep_groups_whole_and_differ_and_oof_is_kept():
    groups = [i // 4 for i in range(48)]
    a, b = group_folds(groups, 5), group_folds(groups, 5, seed=1)
    for folds in (a, b):
        for g in set(groups):
            assert len({f for f, gg in zip(folds, groups) if gg == g}) == 1
        assert np.bincount(folds).max() - np.bincount(folds).min() <= 4
    assert not np.array_equal(a, b)
    oof: dict = {}
    y = np.array([g % 2 for g in groups], dtype=float)
    # a "layer" that learns the class of each group's parity from the training rows: the weak
    # prior predicts the held-out rows well, the infinite prior (no layer) predicts 0.5
    def fit_predict(l2, tr, te):
        return np.zeros(te.sum()) if l2 == (float("inf"),) else np.where(y[te] == 1, 2.0, -2.0)
    chosen, scores = choose_l2(groups, fit_predict, lambda z: -log_loss(y, z), grid=[(float("inf"),), (1.0,)],
                               oof=oof)
    assert chosen == (1.0,) and scores[(1.0,)] > scores[(float("inf"),)]
    assert len(oof[(1.0,)]) == 3 and all(len(p) == len(y) for p in oof[(1.0,)])


def test_holdout_takes_whole_groups():
    groups = guard.groups_of(_newsroom())
    hold = guard.holdout_mask(groups)
    assert 0 < hold.sum() < len(groups)
    assert {g for g, h in zip(groups, hold) if h}.isdisjoint({g for g, h in zip(groups, hold) if not h})


def test_adapted_model_worse_than_its_base_is_refused(fast):
    held = {g.split("\x1f")[0] for g, h in zip(guard.groups_of(_newsroom()), guard.holdout_mask(guard.groups_of(_newsroom()))) if h}
    # reviewers answer the training documents the wrong way round and the held-out ones rightly
    examples = _newsroom(inverted=lambda doc: doc not in held)
    messages = []
    adapted = adapt_parts(examples, fast.checkworthy, fast.attribution, shared=None, progress=messages.append)
    refusal = adapted.figures["checkworthy"]["refused"]
    assert "worse than its base on the held-out verdicts" in refusal and refusal in messages
    # the worse layer is not what was written: it was backed off until the held-out slice is no worse
    held_out = adapted.figures["checkworthy"]["held_out"]
    assert held_out["after"][held_out["metric"]] >= held_out["before"][held_out["metric"]]
    card = card_text(base="fast", base_manifest={}, queues=["newsroom.queue"], examples=examples, adapted=adapted)
    assert refusal in card


def test_consistent_verdicts_are_learned_and_stick(fast):
    examples = _newsroom()
    adapted = adapt_parts(examples, fast.checkworthy, fast.attribution, shared=None)
    X = [e.input for e in examples]
    y = np.array([e.checkworthy for e in examples])
    assert np.mean((adapted.checkworthy.predict_proba(X)[:, 1] >= 0.5) == y) >= 0.9
    assert adapted.figures["corrected"]["checkworthy"]["after"]["accuracy"] >= 0.9


def test_teaching_scores_prefer_uncertain_and_new_claims():
    reviewed = ["The county spent $4 million on road repairs in 2019, the auditor said."]
    texts = [reviewed[0], "Ferry tickets to the island cost twice as much as last summer.", reviewed[0]]
    s = teaching_scores(texts, [0.9, 0.9, 0.5], reviewed)
    assert s[1] > s[0]  # new beats already reviewed
    assert s[2] > s[0]  # uncertain beats sure


@pytest.mark.shared
def test_adapting_to_a_real_debate_slice_raises_f1_on_unseen_debates(shared, fast):
    """CLEF-2019 debate lines (never used to train the fast model) as a newsroom: 1,000 verdicts
    from nine debates; F1 of the check-worthy class measured on the ten other debates."""
    rows = list(csv.DictReader(open(shared / "data" / "checkworthy" / "clef2019" / "train.csv", encoding="utf-8")))
    debates = sorted({r["file_name"] for r in rows})
    train_debates, test_debates = set(debates[:9]), set(debates[9:])

    def examples(keep):
        out, prev = [], {}
        for r in rows:
            if r["file_name"] in keep:
                si = SentenceInput.from_text(r["text"], prev_text=prev.get(r["file_name"], ""), doc_id=r["file_name"])
                out.append(NewsroomExample(claim_id=r["line_number"], doc_id=r["file_name"], input=si,
                                           checkworthy=int(r["label"])))
            prev[r["file_name"]] = r["text"]
        return out

    pool = examples(train_debates)
    rng = np.random.default_rng(0)
    newsroom = [pool[i] for i in sorted(rng.choice(len(pool), 1000, replace=False))]
    test = examples(test_debates)
    adapted = adapt_parts(newsroom, fast.checkworthy, fast.attribution, shared=None)
    from factcheck.checkworthy import binary_scores
    X, y = [e.input for e in test], [e.checkworthy for e in test]
    from factcheck.adapt.logistic import log_loss, logit
    p0, p1 = fast.checkworthy.predict_proba(X)[:, 1], adapted.checkworthy.predict_proba(X)[:, 1]
    before, after = binary_scores(y, p0)["f1"], binary_scores(y, p1)["f1"]
    loss_before, loss_after = log_loss(y, logit(p0)), log_loss(y, logit(p1))
    print(json.dumps({"before": before, "after": after, "log_loss_before": loss_before, "log_loss_after": loss_after}))
    # on unseen debates the adapted model ranks and calibrates better: F1 up, log-loss down
    assert after > before and loss_after < loss_before - 0.005


def _sourced_newsroom(verb: str, speakers, docs, *, primary="sourced"):
    """Hand-made sentences where a speaker reports a figure with ``verb`` (a reporting verb the
    rules do not know), each with the reviewers' primary label and source."""
    from factcheck.types import Span
    out = []
    for k, (speaker, doc) in enumerate(zip(speakers, docs)):
        text = f"{speaker} {verb} that the harbour fund grew by {10 + k} percent last year."
        si = SentenceInput.from_text(text, doc_id=doc)
        src = Span(speaker, 0, len(speaker)) if primary == "sourced" else None
        out.append(NewsroomExample(claim_id=f"{doc}-{k}", doc_id=doc, input=si, checkworthy=1, primary=primary,
                                   label_corrected=True, source_corrected=True, source=src, model_label="unsourced",
                                   reviewers=("alice",), queue="q"))
    return out


SPEAKERS = ["Councillor Mara Quill", "Mayor Ines Darrow", "Treasurer Abel Voss", "Senator Lena Okafor"]


def test_a_reporting_verb_the_rules_miss_is_learned_from_reviewers_sources(fast):
    from factcheck.adapt.attribution import AdaptedAttribution, targets
    examples = _sourced_newsroom("posited", SPEAKERS, ["a", "b", "c", "d"])
    new = SentenceInput.from_text("Alderman Rufus Penn posited that ferry fares rose by 8 percent in March.")
    assert fast.attribution.predict([new])[0].source is None  # the rules alone miss it
    att = AdaptedAttribution(base=fast.attribution, l2=(10.0, 10.0)).fit(
        [e.input for e in examples], [targets(e.primary, True, True) for e in examples],
        primaries=[e.primary for e in examples], sources=[e.source for e in examples])
    assert att.source_cues_ == [("before", "posited")]
    got = att.predict([new])[0]
    assert got.source is not None and got.source.text == "Alderman Rufus Penn"
    assert got.scores["sourced"] >= 0.5 and any(c.text == "posited" for c in got.cues)
    # the reviewed sentences themselves name the learned cue too, and their score is the layer's own
    # (not pinned to the threshold) where the layer scores them higher
    raw = att.predict_proba([e.input for e in examples])[:, 0]
    for e, r in zip(examples, att.predict([e.input for e in examples])):
        assert r.source.text == e.source.text and any(c.text == "posited" for c in r.cues)
    assert (raw > 0.5).all()


def test_a_cue_seen_in_one_document_or_wrong_more_often_is_not_learned(fast):
    from factcheck.adapt.attribution import AdaptedAttribution, targets
    one_doc = _sourced_newsroom("posited", SPEAKERS, ["a"] * 4)
    mixed = _sourced_newsroom("mused", SPEAKERS[:2], ["a", "b"]) + \
        _sourced_newsroom("mused", SPEAKERS, ["c", "d", "e", "f"], primary="unsourced")
    for examples in (one_doc, mixed):
        att = AdaptedAttribution(base=fast.attribution, l2=(10.0, 10.0)).fit(
            [e.input for e in examples], [targets(e.primary, True, e.source is not None) for e in examples],
            primaries=[e.primary for e in examples], sources=[e.source for e in examples])
        assert att.source_cues_ == []


def test_learned_cues_are_saved_and_loaded(fast, tmp_path):
    from factcheck.adapt.attribution import AdaptedAttribution, targets
    from factcheck.models import resolve
    examples = _sourced_newsroom("posited", SPEAKERS, ["a", "b", "c", "d"])
    att = AdaptedAttribution(base=str(resolve("fast") / "attribution"), l2=(10.0, 10.0)).fit(
        [e.input for e in examples], [targets(e.primary, True, True) for e in examples],
        primaries=[e.primary for e in examples], sources=[e.source for e in examples])
    loaded = AdaptedAttribution.load(att.save(tmp_path / "attribution"))
    new = SentenceInput.from_text("Alderman Rufus Penn posited that ferry fares rose by 8 percent in March.")
    assert loaded.source_cues_ == att.source_cues_
    assert loaded.predict([new])[0].source.text == "Alderman Rufus Penn"


def test_the_base_setting_changes_no_unseen_prediction_even_with_a_learnable_cue(fast):
    """The back-off's last step (every prior infinite) must be a true no-op: a cue the reviewers'
    sources would teach is not applied, so an unseen sentence scores and reads as in the base."""
    from factcheck.adapt.attribution import AdaptedAttribution, targets
    from factcheck.adapt.newsroom import BASE_L2
    examples = _sourced_newsroom("posited", SPEAKERS, ["a", "b", "c", "d"])
    att = AdaptedAttribution(base=fast.attribution, l2=BASE_L2).fit(
        [e.input for e in examples], [targets(e.primary, True, True) for e in examples],
        primaries=[e.primary for e in examples], sources=[e.source for e in examples])
    assert att.source_cues_ == []
    new = [SentenceInput.from_text("Alderman Rufus Penn posited that ferry fares rose by 8 percent in March."),
           SentenceInput.from_text("Harbour officials said 40 boats were moored there on Friday.")]
    assert np.allclose(att.predict_proba(new), fast.attribution.predict_proba(new))
    assert [a.source for a in att.predict(new)] == [a.source for a in fast.attribution.predict(new)]


def test_attribution_shifts_move_the_cued_scores_and_are_saved(fast, tmp_path):
    from factcheck.adapt.attribution import AdaptedAttribution, targets
    from factcheck.models import resolve
    examples = _sourced_newsroom("said", SPEAKERS, ["a", "b", "c", "d"])
    args = ([e.input for e in examples], [targets(e.primary, True, True) for e in examples])
    base_dir = str(resolve("fast") / "attribution")
    plain = AdaptedAttribution(base=base_dir, l2=(10.0, 10.0)).fit(*args)
    lowered = AdaptedAttribution(base=base_dir, l2=(10.0, 10.0), shifts=(-1.0, 0.0, 0.0)).fit(*args)
    new = [SentenceInput.from_text("Mayor Ines Darrow said the ferry lost 3 percent of its riders in 2024.")]
    p, q = plain.predict_proba(new), lowered.predict_proba(new)
    from factcheck.adapt.logistic import logit
    assert p[0, 0] > 0.5 and abs(logit(q[0, 0]) - (logit(p[0, 0]) - 1.0)) < 1e-6  # one unit of log-odds lower
    assert np.allclose(p[0, 1:], q[0, 1:])
    loaded = AdaptedAttribution.load(lowered.save(tmp_path / "attribution"))
    assert loaded.shifts_ == (-1.0, 0.0, 0.0) and np.allclose(loaded.predict_proba(new), q)


def test_attribution_operating_points_are_chosen_on_out_of_fold_scores():
    from factcheck.adapt.attribution import choose_shifts
    from factcheck.attribution.features import featurize
    X = [SentenceInput.from_text(f"{s} said the harbour fund grew by {k + 4} percent.") for k, s in enumerate(SPEAKERS)]
    analyses = featurize(X, 16)[0]
    assert all(a.fired("sourced") for a in analyses)
    Y = np.array([[0, 0, 0]] * 4)
    # the out-of-fold scores call them sourced, a little above 0.5; the reviewers say unsourced
    P = np.array([[0.6, 0.1, 0.1], [0.62, 0.1, 0.1], [0.58, 0.1, 0.1], [0.9, 0.1, 0.1]])
    shifts = choose_shifts([P], analyses, Y, ["unsourced"] * 4)
    assert shifts[0] == -0.5 and shifts[1:] == (0.0, 0.0)  # the smallest move that fixes the three
    assert choose_shifts([P], analyses, Y, ["sourced"] * 4) == (0.0, 0.0, 0.0)


def test_the_operating_point_moves_only_when_choosing_it_validates():
    from factcheck.adapt.checkworthy import choose_shift, f1_at_zero, validated_shift
    from factcheck.adapt.logistic import fold_assignments
    y = np.array([1, 1, 1, 0, 0, 0, 0, 0])
    z = np.array([-0.7, -0.6, -0.4, -1.5, -1.7, -2.0, -2.4, -3.0])  # right order, too low a cut
    assert choose_shift(y, [z]) == 0.75
    assert choose_shift(y, [z, z - 0.1]) == 1.0  # the one right for both fold assignments
    # the same pattern in every group: a shift chosen on the other groups is right on each
    groups = [i // 8 for i in range(48)]
    ys, zs = np.tile(y, 6), np.tile(z, 6)
    assert validated_shift(ys, [zs], fold_assignments(groups)[:1]) == 0.75
    # groups alike but for one sentence just under the cut, a positive in half of them and a
    # negative in the others: a shift wins on all of them together, but what the other groups
    # teach is wrong on each one, so the base's operating point stays
    ys = np.array([1, 1, 0, 1, 0, 0] * 3)
    zs = np.array([2.0, -0.5, -3.0] * 6)
    assert choose_shift(ys, [zs]) == 0.5 and f1_at_zero(ys, zs + 0.5) > f1_at_zero(ys, zs)
    assert validated_shift(ys, [zs], fold_assignments([i // 3 for i in range(18)])[:1]) == 0.0
