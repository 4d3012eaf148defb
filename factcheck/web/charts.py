"""Small SVG charts drawn on the server: no script, no CDN, every label escaped.

Colours are presentation attributes rather than ``style`` so that the page's
Content-Security-Policy (no inline styles) leaves them alone.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from markupsafe import Markup

PALETTE = ("#1b7837", "#7fbf7b", "#c2a5cf", "#e08214", "#b2182b", "#878787", "#2166ac", "#fdb863", "#5e3c99")
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _num(x: float) -> str:
    """A number as the chart labels show it: integers plain, others with two decimals."""
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    return f"{x:.2f}"


def _svg(width: int, height: int, title: str, body: list) -> Markup:
    head = Markup('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
                  'viewBox="0 0 {w} {h}" width="{w}" height="{h}"><title>{t}</title>').format(w=width, h=height, t=title)
    return head + Markup("").join(body) + Markup("</svg>")


def _empty(title: str, width: int) -> Markup:
    return _svg(width, 40, title, [Markup('<text x="8" y="24" {f} fill="#555">no data yet</text>').format(f=Markup(_FONT))])


def bar_chart(items: Sequence[tuple[str, float]], *, title: str, width: int = 640, height: int = 220) -> Markup:
    """Return a vertical bar chart of ``(label, value)`` pairs, in the given order, as SVG."""
    items = [(str(k), float(v or 0)) for k, v in items]
    if not items:
        return _empty(title, width)
    left, bottom, top = 40, 40, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max(v for _, v in items) or 1.0
    step = plot_w / len(items)
    bar = min(max(step * 0.8, 1.0), 48.0)
    body = [Markup('<line x1="{x}" y1="{y}" x2="{x2}" y2="{y}" stroke="#999"/>').format(x=left, x2=width - 8, y=top + plot_h),
            Markup('<text x="{x}" y="{y}" {f} text-anchor="end" fill="#333">{v}</text>').format(
                x=left - 4, y=top + 8, f=Markup(_FONT), v=_num(peak))]
    # label every bar when few, else about a dozen evenly spread, so labels never overlap
    every = max(1, round(len(items) / 12))
    for i, (label, value) in enumerate(items):
        h = plot_h * value / peak
        x = left + i * step + (step - bar) / 2
        body.append(Markup('<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{c}">'
                           '<title>{label}: {v}</title></rect>').format(
            x=x, y=top + plot_h - h, w=bar, h=h, c=PALETTE[6], label=label, v=_num(value)))
        if len(items) <= 20:
            body.append(Markup('<text x="{x:.1f}" y="{y:.1f}" {f} text-anchor="middle" fill="#333">{v}</text>').format(
                x=x + bar / 2, y=top + plot_h - h - 3, f=Markup(_FONT), v=_num(value)))
        if i % every == 0:
            body.append(Markup('<text x="{x:.1f}" y="{y}" {f} text-anchor="middle" fill="#333">{label}</text>').format(
                x=x + bar / 2, y=top + plot_h + 16, f=Markup(_FONT), label=label[:14]))
    return _svg(width, height, title, body)


def stacked_bars(groups: Mapping[str, Mapping[str, float]], order: Sequence[str], *, title: str,
                 width: int = 640) -> Markup:
    """Return horizontal stacked bars, one per group, split by ``order`` (e.g. ratings by label)."""
    groups = {str(g): {str(k): float(v or 0) for k, v in (counts or {}).items()} for g, counts in groups.items()}
    if not groups:
        return _empty(title, width)
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
        body.append(Markup('<text x="{x}" y="{y}" {f} text-anchor="end" fill="#333">{g}</text>').format(
            x=left - 6, y=y + 15, f=Markup(_FONT), g=group[:18]))
        x = float(left)
        for k in keys:
            v = counts.get(k, 0.0)
            if v <= 0:
                continue
            w = plot_w * v / peak
            body.append(Markup('<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" fill="{c}">'
                               '<title>{g}, {k}: {v}</title></rect>').format(
                x=x, y=y + 2, w=w, h=row - 6, c=colour[k], g=group, k=k, v=_num(v)))
            x += w
        body.append(Markup('<text x="{x:.1f}" y="{y}" {f} fill="#333">{t}</text>').format(
            x=x + 4, y=y + 15, f=Markup(_FONT), t=_num(sum(counts.values()))))
    for j, k in enumerate(keys):
        lx, ly = left + (j % 4) * (plot_w / 4), legend_y + 14 * (j // 4)
        body.append(Markup('<rect x="{x:.1f}" y="{y}" width="10" height="10" fill="{c}"/>'
                           '<text x="{tx:.1f}" y="{ty}" {f} fill="#333">{k}</text>').format(
            x=lx, y=ly - 9, c=colour[k], tx=lx + 14, ty=ly, f=Markup(_FONT), k=k[:20]))
    return _svg(width, height, title, body)


def score_bars(items: Sequence[tuple[str, float | None]], *, title: str, width: int = 640,
               low: float = -1.0, high: float = 1.0) -> Markup:
    """Return horizontal bars of scores on ``[low, high]`` (agreement); None shows as n/a."""
    if not items:
        return _empty(title, width)
    left, row, top = 170, 24, 8
    plot_w = width - left - 60
    height = top + row * len(items) + 20
    zero = left + plot_w * (0 - low) / (high - low)
    body = [Markup('<line x1="{x:.1f}" y1="{y1}" x2="{x:.1f}" y2="{y2}" stroke="#999"/>').format(
        x=zero, y1=top, y2=top + row * len(items))]
    for tick in (low, 0.0, high):
        tx = left + plot_w * (tick - low) / (high - low)
        body.append(Markup('<text x="{x:.1f}" y="{y}" {f} text-anchor="middle" fill="#555">{t}</text>').format(
            x=tx, y=top + row * len(items) + 14, f=Markup(_FONT), t=_num(tick)))
    for i, (name, value) in enumerate(items):
        y = top + i * row
        body.append(Markup('<text x="{x}" y="{y}" {f} text-anchor="end" fill="#333">{n}</text>').format(
            x=left - 6, y=y + 15, f=Markup(_FONT), n=str(name)[:28]))
        if value is None:
            body.append(Markup('<text x="{x:.1f}" y="{y}" {f} fill="#555">n/a (too few items)</text>').format(
                x=zero + 4, y=y + 15, f=Markup(_FONT)))
            continue
        v = max(low, min(high, float(value)))
        x_end = left + plot_w * (v - low) / (high - low)
        x0, w = min(zero, x_end), abs(x_end - zero)
        body.append(Markup('<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{h}" fill="{c}"><title>{n}: {v}</title></rect>'
                           '<text x="{tx:.1f}" y="{ty}" {f} fill="#333">{v}</text>').format(
            x=x0, y=y + 3, w=max(w, 1.0), h=row - 8, c=PALETTE[0] if v >= 0 else PALETTE[4], n=str(name),
            v=f"{float(value):.3f}", tx=max(x0 + w, zero) + 4, ty=y + 15, f=Markup(_FONT)))
    return _svg(width, height, title, body)

