"""Small inline SVG charts for the HTML report: no script, no fonts to fetch, every label escaped.

The web server has its own (``factcheck.web.charts``, built on markupsafe from the ``web``
extra); the report must work without that extra, so it draws with the standard library only.
"""
from __future__ import annotations

from html import escape
from typing import Mapping, Sequence

COLOURS = {"contested": "#b2182b", "estimated": "#e08214", "sourced": "#2166ac", "unsourced": "#878787"}
DEFAULT = "#4d7ea8"
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:.2f}"


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}"><title>{escape(title)}</title>{"".join(body)}</svg>')


def empty(title: str, width: int = 560) -> str:
    """Return a small SVG saying there is nothing to draw."""
    return _svg(width, 36, title, [f'<text x="6" y="22" {_FONT} fill="#666">no data</text>'])


def hbars(items: Sequence[tuple[str, float]], *, title: str, width: int = 560,
          colours: Mapping[str, str] | None = None) -> str:
    """Return horizontal bars of ``(label, value)`` pairs, in the order given, as SVG text."""
    items = [(str(k), float(v or 0)) for k, v in items]
    if not items:
        return empty(title, width)
    colours = colours or {}
    row, left, right = 22, 130, 70
    peak = max(v for _, v in items) or 1.0
    body = []
    for i, (label, value) in enumerate(items):
        y = 6 + i * row
        w = (width - left - right) * value / peak
        body.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end" {_FONT}>{escape(label[:22])}</text>'
                    f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" '
                    f'fill="{colours.get(label, DEFAULT)}"><title>{escape(label)}: {_num(value)}</title></rect>'
                    f'<text x="{left + w + 4:.1f}" y="{y + 14}" {_FONT}>{_num(value)}</text>')
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
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>',
            f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" {_FONT}>{_num(peak)}</text>']
    for i, c in enumerate(counts):
        h = plot_h * c / peak
        lo = low + (high - low) * i / len(counts)
        hi = low + (high - low) * (i + 1) / len(counts)
        body.append(f'<rect x="{left + i * bw + 1:.1f}" y="{top + plot_h - h:.1f}" width="{max(bw - 2, 1):.1f}" '
                    f'height="{h:.1f}" fill="{DEFAULT}"><title>{lo:.2f}–{hi:.2f}: {c:,}</title></rect>')
    for k in range(6):
        x = left + plot_w * k / 5
        body.append(f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" {_FONT}>'
                    f'{low + (high - low) * k / 5:.1f}</text>')
    if mark is not None and low <= mark <= high:
        x = left + plot_w * (mark - low) / (high - low)
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#b2182b" '
                    f'stroke-dasharray="4 3"><title>threshold {mark}</title></line>')
    return _svg(width, height, title, body)


def columns(items: Sequence[tuple[str, float]], *, title: str, width: int = 560, height: int = 180) -> str:
    """Return vertical bars (e.g. verdicts per day) as SVG text; labels thin out when crowded."""
    items = [(str(k), float(v or 0)) for k, v in items]
    if not items:
        return empty(title, width)
    left, bottom, top = 44, 30, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(v for _, v in items) or 1.0
    bw = plot_w / len(items)
    every = max(1, len(items) // 6)
    body = [f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" {_FONT}>{_num(peak)}</text>']
    for i, (label, value) in enumerate(items):
        h = plot_h * value / peak
        x = left + i * bw
        body.append(f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{max(bw - 2, 1):.1f}" height="{h:.1f}" '
                    f'fill="{DEFAULT}"><title>{escape(label)}: {_num(value)}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + bw / 2:.1f}" y="{height - 12}" text-anchor="middle" {_FONT}>'
                        f'{escape(label[-5:])}</text>')
    return _svg(width, height, title, body)
