"""The SVG charts shared by ``factcheck report`` and the reviewer web page."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from factcheck import charts_svg as charts

HOSTILE = "<script>alert(1)</script>"
NS = "{http://www.w3.org/2000/svg}"

EVERY_CHART = {
    "hbars": lambda label: charts.hbars([(label, 3), ("b", 1)], title=label, colours={label: "#b2182b"}),
    "histogram": lambda label: charts.histogram([1, 2, 0, 4], title=label, mark=0.5),
    "columns": lambda label: charts.columns([(label, 4), ("b", 2)], title=label),
    "columns_report": lambda label: charts.columns([(label, 4)], title=label, width=560, height=180, ticks=6,
                                                   tick_label=lambda s: s[-5:]),
    "stacked_bars": lambda label: charts.stacked_bars({label: {label: 3, "false": 1}}, ["true", label], title=label),
    "score_bars": lambda label: charts.score_bars([(label, 0.5), ("kappa", None)], title=label),
    "empty": lambda label: charts.empty(label),
}


@pytest.mark.parametrize("name", sorted(EVERY_CHART))
def test_every_chart_escapes_hostile_labels_and_is_well_formed_svg(name):
    svg = EVERY_CHART[name](HOSTILE)
    assert "<script" not in svg and 'style=' not in svg
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in svg
    root = ET.fromstring(svg)  # escaped properly, the markup parses and the label is text again
    assert root.tag == f"{NS}svg" and root.find(f"{NS}title").text == HOSTILE
    assert not root.findall(f".//{NS}script")


def test_quotes_and_ampersands_in_labels_are_escaped():
    svg = charts.hbars([('a "b" & \'c\'', 1)], title="t")
    assert 'a &quot;b&quot; &amp; &#x27;c&#x27;' in svg
    ET.fromstring(svg)


def test_columns_scale_bars_and_show_values_when_few():
    svg = charts.columns([("<script>", 4), ("b", 2)], title="<t>")
    assert "&lt;script&gt;" in svg and "<title>&lt;t&gt;</title>" in svg and 'class="chart"' in svg
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert heights[0] == pytest.approx(2 * heights[1])
    assert ">4</text>" in svg and ">2</text>" in svg
    many = charts.columns([(f"2024-05-{d:02d}", d) for d in range(1, 31)], title="days", ticks=6,
                          tick_label=lambda s: s[-5:])
    ticks = re.findall(r">(\d\d-\d\d)</text>", many)
    assert ticks[0] == "05-01" and 5 <= len(ticks) <= 8  # about six labels, shortened
    assert ">30</text>" in many and ">29</text>" not in many  # no values over 20 bars, only the peak


def test_stacked_score_and_number_formats():
    stacked = charts.stacked_bars({"sourced": {"true": 3, "false": 1}}, ["true", "false"], title="r")
    assert "<title>sourced, true: 3</title>" in stacked
    scores = charts.score_bars([("alpha", 0.5), ("kappa", None)], title="a")
    assert "0.500" in scores and "n/a" in scores
    assert ">1,234</text>" in charts.hbars([("x", 1234)], title="t")
    assert ">0.25</text>" in charts.hbars([("x", 0.25)], title="t")


def test_nothing_to_draw_says_so():
    for svg in (charts.columns([], title="x"), charts.hbars([], title="x"), charts.histogram([0, 0], title="x"),
                charts.stacked_bars({}, [], title="x"), charts.score_bars([], title="x")):
        assert "no data yet" in svg and "<rect" not in svg
