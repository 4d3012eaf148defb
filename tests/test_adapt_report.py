"""The learning-curve chart of the HTML report (``factcheck report --adapt-curve``)."""
from __future__ import annotations

import json

import pytest

from factcheck import charts_svg
from factcheck.errors import FactcheckError
from factcheck.report import build_report


def test_lines_chart_draws_each_series_and_escapes_names():
    svg = charts_svg.lines({"base": [(25, 0.80), (150, 0.80)], "<b>adapted</b>": [(25, 0.80), (150, 0.86)]},
                           title="t", x_label="verdicts")
    assert svg.count("<circle") == 4
    assert "<b>" not in svg and "&lt;b&gt;adapted" in svg
    assert "150 -&gt; 0.860" in svg


def test_report_plots_the_curve_file(tmp_path):
    curve = {"curves": [{"domain": "transcripts", "points": [
        {"verdicts": 25, "runs": 3, "base": {"checkworthy_f1": 0.8}, "adapted": {"checkworthy_f1": 0.81}},
        {"verdicts": 400, "runs": 0, "note": "more verdicts than the pool half holds"},
        {"verdicts": 150, "runs": 3, "base": {"checkworthy_f1": 0.8}, "adapted": {"checkworthy_f1": 0.85}}]}]}
    path = tmp_path / "curve.json"
    path.write_text(json.dumps(curve), encoding="utf-8")
    html = build_report(adapt_curve=str(path))
    assert "transcripts: checkworthy f1" in html
    assert html.count("<circle") == 4  # two sizes with runs, base and adapted


def test_report_refuses_a_file_that_is_not_a_curve(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(FactcheckError, match="not a learning-curve file"):
        build_report(adapt_curve=str(path))
