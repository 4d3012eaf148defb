"""Krippendorff's alpha and Cohen's kappa against values computed by hand."""
import pytest

from factcheck.queue.agreement import agreement, cohen_kappa, coincidences, krippendorff_alpha


def test_alpha_two_coders_three_units_by_hand():
    # units (a,a), (a,b), (b,b): o_aa=2, o_ab=o_ba=1, o_bb=2; n_a=n_b=3, n=6
    # D_o = 2/6; D_e = 2*3*3 / (6*5) = 0.6; alpha = 1 - (1/3)/0.6 = 4/9
    units = [("a", "a"), ("a", "b"), ("b", "b")]
    assert coincidences(units) == {("a", "a"): 2.0, ("a", "b"): 1.0, ("b", "a"): 1.0, ("b", "b"): 2.0}
    assert krippendorff_alpha(units) == pytest.approx(4 / 9)


def test_kappa_two_coders_by_hand():
    # p_o = 2/3; A says a,a,b and B says a,b,b: p_e = 2/3*1/3 + 1/3*2/3 = 4/9; kappa = (2/9)/(5/9)
    assert cohen_kappa([("a", "a"), ("a", "b"), ("b", "b")]) == pytest.approx(0.4)


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 coders x 12 units
# example with missing values; the paper gives nominal 0.743, ordinal 0.815, interval 0.849.
K2011 = [
    [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, None, 3, None],
]


@pytest.mark.parametrize("metric, expected", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_alpha_krippendorff_2011_example(metric, expected):
    assert krippendorff_alpha(K2011, metric) == pytest.approx(expected, abs=0.0005)


def test_perfect_agreement_with_variation_is_one_and_kappa_one():
    units = [("x", "x"), ("y", "y"), ("x", "x")]
    assert krippendorff_alpha(units) == pytest.approx(1.0)
    assert cohen_kappa(units) == pytest.approx(1.0)


def test_undefined_cases_are_none():
    assert krippendorff_alpha([("a",), ("b",)]) is None  # nothing pairable
    assert krippendorff_alpha([("a", "a"), ("a", "a")]) is None  # no variation: D_e = 0
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a")]) is None  # p_e = 1


def test_systematic_disagreement_is_negative():
    assert krippendorff_alpha([("a", "b"), ("b", "a"), ("a", "b"), ("b", "a")]) < 0


def test_agreement_gives_kappa_only_for_two_coders():
    two = {"u1": {"ann": "a", "bo": "a"}, "u2": {"ann": "a", "bo": "b"}, "u3": {"ann": "b", "bo": "b"},
           "u4": {"ann": "a"}}
    out = agreement(two)
    assert out["items"] == 3
    assert out["cohen_kappa"] == pytest.approx(0.4)
    assert out["krippendorff_alpha"] == pytest.approx(4 / 9, abs=1e-6)
    three = dict(two, u5={"ann": "a", "bo": "a", "cy": "a"})
    assert agreement(three)["cohen_kappa"] is None
