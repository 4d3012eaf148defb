"""Small inline SVG charts for the HTML report (``factcheck report``) and the reviewer web page's
statistics: no script, no fonts to fetch, nothing from a CDN, and every piece of text escaped,
since labels, names and titles come from articles and reviewers.

Standard library only, so that the report works without the ``web`` extra; the web page wraps
what these functions return in ``markupsafe.Markup``. Colours are presentation attributes rather
than ``style``, so that the page's Content-Security-Policy (no inline styles) leaves them alone.
"""
from __future__ import annotations

from html import escape
from typing import Callable, Mapping, Sequence

#: colours of the claim labels
COLOURS = {"contested": "#b2182b", "estimated": "#e08214", "sourced": "#2166ac", "unsourced": "#878787"}
DEFAULT = "#4d7ea8"
#: colours of the series of stacked bars, in turn; also the positive/negative of score bars
PALETTE = ("#1b7837", "#7fbf7b", "#c2a5cf", "#e08214", "#b2182b", "#878787", "#2166ac", "#fdb863", "#5e3c99")
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _num(x: float) -> str:
    """A number as the charts show it: integers with thousands separators, others with two decimals."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:.2f}"


def _at(v: float) -> str:
    """A coordinate or length: integers as they are, others to a tenth."""
    return f"{v:.1f}" if isinstance(v, float) else str(v)


def _text(x: float, y: float, content: str, *, anchor: str | None = None, fill: str = "#333") -> str:
    """A ``<text>`` element; ``content`` is escaped."""
    align = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{_at(x)}" y="{_at(y)}"{align} {_FONT} fill="{fill}">{escape(content)}</text>'


def _bar(x: float, y: float, w: float, h: float, fill: str, tip: str) -> str:
    """A ``<rect>`` with a tooltip; ``tip`` is escaped."""
    return (f'<rect x="{_at(x)}" y="{_at(y)}" width="{_at(w)}" height="{_at(h)}" fill="{fill}">'
            f'<title>{escape(tip)}</title></rect>')


def _line(x1: float, y1: float, x2: float, y2: float, *, stroke: str = "#999", extra: str = "",
          tip: str | None = None) -> str:
    """A ``<line>``, with an optional tooltip (escaped)."""
    head = f'<line x1="{_at(x1)}" y1="{_at(y1)}" x2="{_at(x2)}" y2="{_at(y2)}" stroke="{stroke}"{extra}'
    return head + "/>" if tip is None else f"{head}><title>{escape(tip)}</title></line>"


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}"><title>{escape(title)}</title>{"".join(body)}</svg>')


def _pairs(items: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    return [(str(k), float(v or 0)) for k, v in items]


def empty(title: str, width: int = 560) -> str:
    """Return a small SVG saying there is nothing to draw."""
    return _svg(width, 40, title, [_text(8, 24, "no data yet", fill="#555")])


def hbars(items: Sequence[tuple[str, float]], *, title: str, width: int = 560,
          colours: Mapping[str, str] | None = None) -> str:
    """Return horizontal bars of ``(label, value)`` pairs, in the order given, as SVG text."""
    items = _pairs(items)
    if not items:
        return empty(title, width)
    colours = colours or {}
    row, left, right = 22, 130, 70
    peak = max(v for _, v in items) or 1.0
    body = []
    for i, (label, value) in enumerate(items):
        y = 6 + i * row
        w = (width - left - right) * value / peak
        body.append(_text(left - 6, y + 14, label[:22], anchor="end")
                    + _bar(left, y + 3, w, row - 6, colours.get(label, DEFAULT), f"{label}: {_num(value)}")
                    + _text(left + w + 4, y + 14, _num(value)))
    return _svg(width, 12 + row * len(items), title, body)


def histogram(counts: Sequence[int], *, low: float = 0.0, high: float = 1.0, title: str, width: int = 560,
              height: int = 180, mark: float | None = None) -> str:
    """Return a histogram of counts in equal bins over ``[low, high]`` as SVG text, with an
    optional vertical line at ``mark`` (the threshold)."""
    if not counts or not any(counts):
        return empty(title, width)
    left, bottom, top = 44, 28, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(counts)
    bw = plot_w / len(counts)
    body = [_line(left, top + plot_h, left + plot_w, top + plot_h),
            _text(left - 4, top + 8, _num(peak), anchor="end")]
    for i, c in enumerate(counts):
        h = plot_h * c / peak
        lo = low + (high - low) * i / len(counts)
        hi = low + (high - low) * (i + 1) / len(counts)
        body.append(_bar(left + i * bw + 1, top + plot_h - h, max(bw - 2, 1.0), h, DEFAULT,
                         f"{lo:.2f}–{hi:.2f}: {c:,}"))
    for k in range(6):
        body.append(_text(left + plot_w * k / 5, height - 10, f"{low + (high - low) * k / 5:.1f}", anchor="middle"))
    if mark is not None and low <= mark <= high:
        x = left + plot_w * (mark - low) / (high - low)
        body.append(_line(x, top, x, top + plot_h, stroke="#b2182b", extra=' stroke-dasharray="4 3"',
                          tip=f"threshold {mark}"))
    return _svg(width, height, title, body)


def columns(items: Sequence[tuple[str, float]], *, title: str, width: int = 640, height: int = 220,
            ticks: int = 12, tick_label: Callable[[str], str] = lambda label: label[:14]) -> str:
    """Return vertical bars of ``(label, value)`` pairs (e.g. verdicts per day), in the order
    given, as SVG text. Values stand above the bars when there are 20 or fewer; about ``ticks``
    labels, shortened by ``tick_label``, are spread evenly below, so that they never crowd."""
    items = _pairs(items)
    if not items:
        return empty(title, width)
    left, bottom, top = 40, 40, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max(v for _, v in items) or 1.0
    step = plot_w / len(items)
    bar = min(max(step * 0.8, 1.0), 48.0)
    body = [_line(left, top + plot_h, width - 8, top + plot_h), _text(left - 4, top + 8, _num(peak), anchor="end")]
    every = max(1, round(len(items) / ticks))
    for i, (label, value) in enumerate(items):
        h = plot_h * value / peak
        x = left + i * step + (step - bar) / 2
        body.append(_bar(x, top + plot_h - h, bar, h, PALETTE[6], f"{label}: {_num(value)}"))
        if len(items) <= 20:
            body.append(_text(x + bar / 2, top + plot_h - h - 3, _num(value), anchor="middle"))
        if i % every == 0:
            body.append(_text(x + bar / 2, top + plot_h + 16, tick_label(label), anchor="middle"))
    return _svg(width, height, title, body)


def stacked_bars(groups: Mapping[str, Mapping[str, float]], order: Sequence[str], *, title: str,
                 width: int = 640) -> str:
    """Return horizontal stacked bars, one per group, split by ``order`` (e.g. ratings by label)."""
    groups = {str(g): {str(k): float(v or 0) for k, v in (counts or {}).items()} for g, counts in groups.items()}
    if not groups:
        return empty(title, width)
    keys = list(order) + sorted({k for c in groups.values() for k in c} - set(order))
    colour = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
    left, row, top = 110, 26, 8
    legend_y = top + row * len(groups) + 14
    height = legend_y + 14 * ((len(keys) + 3) // 4) + 8
    plot_w = width - left - 50
    peak = max(sum(c.values()) for c in groups.values()) or 1.0
    body = []
    for i, (group, counts) in enumerate(groups.items()):
        y = top + i * row
        body.append(_text(left - 6, y + 15, group[:18], anchor="end"))
        x = float(left)
        for k in keys:
            v = counts.get(k, 0.0)
            if v <= 0:
                continue
            w = plot_w * v / peak
            body.append(_bar(x, y + 2, w, row - 6, colour[k], f"{group}, {k}: {_num(v)}"))
            x += w
        body.append(_text(x + 4, y + 15, _num(sum(counts.values()))))
    for j, k in enumerate(keys):
        lx, ly = left + (j % 4) * (plot_w / 4), legend_y + 14 * (j // 4)
        body.append(f'<rect x="{_at(lx)}" y="{ly - 9}" width="10" height="10" fill="{colour[k]}"/>'
                    + _text(lx + 14, ly, k[:20]))
    return _svg(width, height, title, body)


def score_bars(items: Sequence[tuple[str, float | None]], *, title: str, width: int = 640,
               low: float = -1.0, high: float = 1.0) -> str:
    """Return horizontal bars of scores on ``[low, high]`` (agreement); None shows as n/a."""
    if not items:
        return empty(title, width)
    left, row, top = 170, 24, 8
    plot_w = width - left - 60
    height = top + row * len(items) + 20
    zero = left + plot_w * (0 - low) / (high - low)
    body = [_line(zero, top, zero, top + row * len(items))]
    for tick in (low, 0.0, high):
        body.append(_text(left + plot_w * (tick - low) / (high - low), top + row * len(items) + 14, _num(tick),
                          anchor="middle", fill="#555"))
    for i, (name, value) in enumerate(items):
        y = top + i * row
        body.append(_text(left - 6, y + 15, str(name)[:28], anchor="end"))
        if value is None:
            body.append(_text(zero + 4, y + 15, "n/a (too few items)", fill="#555"))
            continue
        v = max(low, min(high, float(value)))
        x_end = left + plot_w * (v - low) / (high - low)
        x0, w = min(zero, x_end), abs(x_end - zero)
        shown = f"{float(value):.3f}"
        body.append(_bar(x0, y + 3, max(w, 1.0), row - 8, PALETTE[0] if v >= 0 else PALETTE[4], f"{name}: {shown}")
                    + _text(max(x0 + w, zero) + 4, y + 15, shown))
    return _svg(width, height, title, body)


def lines(series: Mapping[str, Sequence[tuple[float, float]]], *, title: str, x_label: str = "",
          width: int = 640, height: int = 240) -> str:
    """Return a line chart of named series of (x, y) points (a learning curve), each series in
    the next palette colour with its points as dots carrying a tooltip, and a legend."""
    points = [p for s in series.values() for p in s]
    if not points:
        return empty(title, width)
    left, right, top, bottom = 50, 150, 10, 34
    xs, ys = [float(x) for x, _ in points], [float(y) for _, y in points]
    x0, x1 = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1
    y0, y1 = min(ys), max(ys) if max(ys) > min(ys) else min(ys) + 0.01
    pad = (y1 - y0) * 0.1
    y0, y1 = y0 - pad, y1 + pad
    pw, ph = width - left - right, height - top - bottom

    def px(x):
        return left + pw * (float(x) - x0) / (x1 - x0)

    def py(y):
        return top + ph * (1 - (float(y) - y0) / (y1 - y0))
    body = [_line(left, top + ph, left + pw, top + ph), _line(left, top, left, top + ph)]
    for tick in (y0 + pad, (y0 + y1) / 2, y1 - pad):
        body.append(_text(left - 4, py(tick) + 4, f"{tick:.3f}", anchor="end", fill="#555"))
    for x in sorted(set(xs)):
        body.append(_text(px(x), top + ph + 14, _num(x), anchor="middle", fill="#555"))
    if x_label:
        body.append(_text(left + pw / 2, height - 4, x_label, anchor="middle", fill="#555"))
    for k, (name, pts) in enumerate(series.items()):
        colour = PALETTE[(k * 3) % len(PALETTE)]
        pts = sorted((float(x), float(y)) for x, y in pts)
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            body.append(_line(px(ax), py(ay), px(bx), py(by), stroke=colour, extra=' stroke-width="2"'))
        for x, y in pts:
            body.append(f'<circle cx="{_at(px(x))}" cy="{_at(py(y))}" r="3" fill="{colour}">'
                        f'<title>{escape(f"{name}: {_num(x)} -> {y:.3f}")}</title></circle>')
        body.append(_line(left + pw + 10, top + 8 + 16 * k, left + pw + 24, top + 8 + 16 * k, stroke=colour,
                          extra=' stroke-width="2"') + _text(left + pw + 28, top + 12 + 16 * k, str(name)[:22]))
    return _svg(width, height, title, body)
