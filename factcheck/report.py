"""``factcheck report``: one self-contained HTML page about a scored batch and/or a queue.

For people who would rather look than read: claims by label and by kind of facet, the
check-worthiness distribution, the top claims to check, reviewer progress and agreement, as
inline SVG charts. The page loads nothing from anywhere (no script, no fonts, no CDN) and every
piece of text from the data is escaped. Claim files are read in one streaming pass, so the
report of a large batch needs little memory.
"""
from __future__ import annotations

import datetime as _dt
import heapq
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Iterable

from . import charts_svg as charts
from .errors import FactcheckError, InputError
from .types import FACET_KINDS, PRIMARY_LABELS, THRESHOLD

BINS = 20


@dataclass
class BatchStats:
    """What a streaming pass over claim files found."""

    claims: int = 0
    documents: int = 0
    by_label: Counter = field(default_factory=Counter)
    facets: Counter = field(default_factory=Counter)
    label_facets: dict = field(default_factory=dict)
    hist: list = field(default_factory=lambda: [0] * BINS)
    top: list = field(default_factory=list)
    errors: int = 0
    files: list = field(default_factory=list)
    #: the rows of the claim files that could not be read or are no claim records (InputError)
    refused: list = field(default_factory=list)


def _priority(rec: dict) -> float:
    """Most check-worthy first, contested ones before the rest (as the reviewer queue orders them)."""
    scores = rec.get("scores") or {}
    return float(rec.get("checkworthiness") or 0) + float(scores.get("contested") or 0)


def _bin(score: float) -> int:
    return min(BINS - 1, max(0, int(score * BINS)))


def _score_of(value) -> float | None:
    """Return a record's check-worthiness as a float in [0, 1] (null as 0), None when it is none
    (NaN, text, a number out of range): such a row is refused, not charted."""
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if 0.0 <= value <= 1.0 else None  # NaN fails both comparisons


def batch_stats(paths: Iterable[str], top: int = 25) -> BatchStats:
    """Return counts, the score histogram and the top claims of claim files, in one pass."""
    from .io import read_record_rows

    st = BatchStats()
    docs: set = set()
    seq = 0
    for path in paths:
        if not Path(path).exists():
            raise FactcheckError(f"{path}: no such claims file; give the OUT of factcheck score or extract")
        st.files.append(str(path))
        for _, line, rec in read_record_rows(str(path)):
            if isinstance(rec, InputError):
                st.refused.append(rec)
                continue
            if "checkworthiness" not in rec or "text" not in rec:
                st.refused.append(InputError("not a claim record (no text or checkworthiness): give the OUT "
                                             "of factcheck extract or score", path=str(path), line=line))
                continue
            score = _score_of(rec.get("checkworthiness"))
            if score is None:
                st.refused.append(InputError(f"checkworthiness {rec.get('checkworthiness')!r} is not a number from "
                                             "0 to 1", path=str(path), line=line))
                continue
            st.claims += 1
            docs.add(rec.get("doc_id"))
            label = rec.get("label") or "unsourced"
            st.by_label[label] += 1
            kinds = {f.get("kind") for f in rec.get("facets") or [] if isinstance(f, dict)}
            for f in rec.get("facets") or []:
                if isinstance(f, dict):
                    st.facets[f.get("kind")] += 1
            row = st.label_facets.setdefault(label, Counter())
            for k in kinds:
                row[k] += 1
            st.hist[_bin(score)] += 1
            seq += 1
            item = (_priority(rec), -seq, {k: rec.get(k) for k in ("doc_id", "text", "label", "checkworthiness",
                                                                     "facets", "source")})
            if len(st.top) < top:
                heapq.heappush(st.top, item)
            elif item > st.top[0]:
                heapq.heapreplace(st.top, item)
        errors = Path(str(path) + ".errors.jsonl")
        if errors.exists():
            with open(errors, encoding="utf-8") as f:
                st.errors += sum(1 for line in f if line.strip())
    st.errors += len(st.refused)
    st.documents = len(docs)
    st.top = [r for _, _, r in sorted(st.top, reverse=True)]
    return st


def queue_stats(path: str, top: int = 25) -> dict:
    """Return the queue's stats, its scale, its top pending claims and its score histogram."""
    from .queue import Queue

    with Queue(path, create=False) as q:
        stats = q.stats()
        pending = q.list_items(status="pending", limit=top)
        hist = [0] * BINS
        offset, page = 0, 5000
        while True:
            items = q.list_items(limit=page, offset=offset)
            for it in items:
                hist[_bin(float(it.get("checkworthiness") or 0))] += 1
            if len(items) < page:
                break
            offset += page
        scale = q.scale.names()
    return {"stats": stats, "pending": pending, "hist": hist, "scale": scale, "path": str(path)}


# ---------------------------------------------------------------------------------------------
# HTML

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#666;font-size:.9rem}.cards{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
.card b{display:block;font-size:1.5rem}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1rem}
figure{margin:0}figcaption{font-weight:600;margin:.4rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f6f6}.num{text-align:right;white-space:nowrap}.lab{white-space:nowrap}
.contested{color:#b2182b}.estimated{color:#b35806}.sourced{color:#2166ac}.unsourced{color:#555}
"""


def _card(label: str, value) -> str:
    text = f"{value:,}" if isinstance(value, int) else escape(str(value))
    return f'<div class="card"><b>{text}</b>{escape(label)}</div>'


def _month_day(day: str) -> str:
    """The label under a column of verdicts per day: MM-DD of an ISO date."""
    return day[-5:]


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{escape(caption)}</figcaption>{svg}</figure>"


def _facet_text(facets) -> str:
    from .figures import format_facets
    return format_facets(facets)


def _top_table(rows: list[dict], *, queue: bool) -> str:
    if not rows:
        return "<p>No claims.</p>"
    head = ("<tr><th>#</th><th>score</th><th>label</th><th>claim</th><th>"
            + ("status" if queue else "facets") + "</th><th>document</th></tr>")
    body = []
    for i, r in enumerate(rows, 1):
        label = str(r.get("label") or "")
        extra = r.get("status") if queue else _facet_text(r.get("facets"))
        body.append(f'<tr><td class="num">{i}</td><td class="num">{float(r.get("checkworthiness") or 0):.2f}</td>'
                    f'<td class="lab {escape(label)}">{escape(label)}</td><td>{escape(str(r.get("text") or ""))}</td>'
                    f'<td>{escape(str(extra or ""))}</td><td>{escape(str(r.get("doc_id") or ""))}</td></tr>')
    return f"<table>{head}{''.join(body)}</table>"


def _label_facet_table(st: BatchStats) -> str:
    kinds = [k for k in FACET_KINDS if st.facets.get(k)] + sorted(k for k in st.facets if k not in FACET_KINDS and k)
    if not kinds:
        return ""
    head = "<tr><th>label</th>" + "".join(f'<th class="num">{escape(str(k))}</th>' for k in kinds) + "</tr>"
    rows = []
    for label in [lab for lab in PRIMARY_LABELS if lab in st.label_facets] + sorted(
            lab for lab in st.label_facets if lab not in PRIMARY_LABELS):
        row = st.label_facets[label]
        rows.append(f'<tr><td class="lab {escape(label)}">{escape(label)}</td>'
                    + "".join(f'<td class="num">{row.get(k, 0):,}</td>' for k in kinds) + "</tr>")
    return ("<p>Claims of each label with at least one facet of each kind:</p>"
            f"<table>{head}{''.join(rows)}</table>")


def _agreement_table(agreement: dict) -> str:
    rows = []
    for what, figures in (agreement or {}).items():
        if not isinstance(figures, dict):
            rows.append(f"<tr><td>{escape(str(what))}</td><td>{escape(str(figures))}</td></tr>")
            continue
        cells = ", ".join(f"{escape(str(k))}: {escape(_fmt(v))}" for k, v in figures.items())
        rows.append(f"<tr><td>{escape(str(what))}</td><td>{cells}</td></tr>")
    if not rows:
        return "<p>No claim has two verdicts yet.</p>"
    return f"<table><tr><th>on</th><th>agreement between reviewers</th></tr>{''.join(rows)}</table>"


def _fmt(v) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _batch_section(st: BatchStats, threshold: float) -> str:
    labels = [(lab, st.by_label.get(lab, 0)) for lab in PRIMARY_LABELS] + [
        (k, v) for k, v in st.by_label.items() if k not in PRIMARY_LABELS]
    kinds = [(k, v) for k, v in st.facets.most_common()]
    parts = ['<h2>Scored batch</h2>', f'<p class="meta">{escape(", ".join(st.files))}</p>',
             '<div class="cards">', _card("claims", st.claims), _card("documents", st.documents),
             _card("unreadable rows", st.errors)]
    parts += [_card(lab, n) for lab, n in labels if n]
    parts += ["</div>", '<div class="grid">',
              _figure("Claims by label", charts.hbars(labels, title="Claims by label", colours=charts.COLOURS)),
              _figure("Facets by kind", charts.hbars(kinds, title="Facets by kind")),
              _figure("Check-worthiness of the claims",
                      charts.histogram(st.hist, title="Check-worthiness distribution", mark=threshold)),
              "</div>", _label_facet_table(st),
              f"<h2>Top {len(st.top)} claims to check</h2>",
              "<p>Most check-worthy first; contested claims move up.</p>", _top_table(st.top, queue=False)]
    return "\n".join(parts)


def _queue_section(qs: dict, threshold: float, with_batch: bool) -> str:
    s = qs["stats"]
    status = list((s.get("by_status") or {}).items())
    reviewers = sorted((s.get("by_reviewer") or {}).items(), key=lambda kv: -kv[1])
    done = sum(n for k, n in status if k in ("reviewed", "resolved"))
    total = s.get("claims", 0) or 0
    parts = ["<h2>Reviewer queue</h2>", f'<p class="meta">{escape(qs["path"])}</p>', '<div class="cards">',
             _card("claims in the queue", total), _card("verdicts", s.get("verdicts", 0)),
             _card("reviewed or resolved", f"{done:,} ({100 * done / total:.0f}%)" if total else "0"),
             _card("disputed", (s.get("by_status") or {}).get("disputed", 0)), _card("reviewers", len(reviewers)),
             _card("settled claims", (s.get("settled") or {}).get("claims", 0)),
             _card("not-a-claim verdicts", s.get("not_a_claim", 0)),
             "</div>", '<div class="grid">',
             _figure("Claims by status", charts.hbars(status, title="Claims by status")),
             _figure("Verdicts by reviewer", charts.hbars(reviewers, title="Verdicts by reviewer")),
             _figure("Verdicts per day", charts.columns(list((s.get("verdicts_per_day") or {}).items()),
                                                        title="Verdicts per day", width=560, height=180,
                                                        ticks=6, tick_label=_month_day)),
             _figure("Queue claims by label", charts.hbars(
                 [(k, v) for k, v in (s.get("by_label") or {}).items()], title="Queue claims by label",
                 colours=charts.COLOURS))]
    if not with_batch:
        parts.append(_figure("Check-worthiness of the queue's claims",
                             charts.histogram(qs["hist"], title="Check-worthiness distribution", mark=threshold)))
    parts.append("</div>")
    parts += ["<h3>Agreement</h3>", _agreement_table(s.get("agreement") or {})]
    rbl = s.get("ratings_by_label") or {}
    if rbl:
        scale = list(qs["scale"])
        if any("not-a-claim" in counts for counts in rbl.values()):
            scale.append("not-a-claim")  # a verdict too: the sentence is nothing to check
        head = "<tr><th>model label</th>" + "".join(f'<th class="num">{escape(r)}</th>' for r in scale) + "</tr>"
        rows = "".join(f'<tr><td class="lab {escape(lab)}">{escape(lab)}</td>'
                       + "".join(f'<td class="num">{counts.get(r, 0):,}</td>' for r in scale) + "</tr>"
                       for lab, counts in rbl.items())
        parts += ["<h3>Ratings by the model's label</h3>", f"<table>{head}{rows}</table>"]
    parts += [f"<h3>Next {len(qs['pending'])} claims waiting for review</h3>", _top_table(qs["pending"], queue=True)]
    return "\n".join(parts)


def adapt_section(path: str) -> str:
    """Return the section of the learning curves written by ``scripts/bench_adapt.py``: per
    simulated newsroom, its figures on the unseen half by number of verdicts, base and adapted."""
    import json
    try:
        result = json.loads(Path(path).read_text(encoding="utf-8"))
        curves = result["curves"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FactcheckError(f"{path} is not a learning-curve file from scripts/bench_adapt.py ({exc})") from None
    parts = ["<h2>Learning from the newsroom's verdicts</h2>",
             "<p>Simulated reviewers answer with gold labels on one half of each newsroom's documents; the "
             "adapted model is scored on the other half (averaged over seeds; a refused adaptation counts as "
             "its base).</p>", '<div class="charts">']
    for curve in curves:
        pts = [p for p in curve.get("points", []) if p.get("runs")]
        for metric in sorted({k for p in pts for k in p.get("adapted", {})}):
            series = {side: [(p["verdicts"], p[side][metric]) for p in pts] for side in ("base", "adapted")}
            name = f"{curve.get('domain', '?')}: {metric.replace('_', ' ')}"
            parts.append(_figure(name, charts.lines(series, title=name, x_label="verdicts")))
    parts.append("</div>")
    return "\n".join(parts)


def build_report(*, claims: Iterable[str] = (), queue: str | None = None, title: str | None = None,
                 top: int = 25, threshold: float = THRESHOLD, adapt_curve: str | None = None,
                 errors: list | None = None) -> str:
    """Return the HTML text of the report of claim files and/or a queue (and/or a learning curve).
    Rows of the claim files that cannot be read, or are no claim records, are counted on the page
    and go to ``errors`` (InputError, naming file and line) when given; with no list to take
    them, or when no row at all is a claim record, they raise."""
    claims = list(claims)
    if not claims and not queue and not adapt_curve:
        raise FactcheckError("nothing to report on; give --claims FILE (a scored batch) and/or --queue QUEUE")
    st = batch_stats(claims, top) if claims else None
    if st is not None and st.refused:
        if errors is None:
            raise st.refused[0]
        if not st.claims:
            raise FactcheckError(f"{st.refused[0]} (and every other row: no claim record to report on)")
        errors.extend(st.refused)
    qs = queue_stats(queue, top) if queue else None
    title = title or "factcheck report"
    when = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = [f"<h1>{escape(title)}</h1>", f'<p class="meta">Made by factcheck on {when}.</p>']
    if st is not None:
        body.append(_batch_section(st, threshold))
        from .matching.conflicts import conflicts_section  # claim matching: same claim, other figures
        body.append(conflicts_section(claims))
    if qs is not None:
        body.append(_queue_section(qs, threshold, with_batch=st is not None))
    if adapt_curve:
        body.append(adapt_section(adapt_curve))
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def write_report(out, *, claims: Iterable[str] = (), queue: str | None = None, title: str | None = None,
                 top: int = 25, threshold: float = THRESHOLD, adapt_curve: str | None = None,
                 errors: list | None = None) -> Path:
    """Write the report to ``out`` (through a temporary file) and return its path (``errors``:
    as :func:`build_report`)."""
    from .io import atomic_writer

    html = build_report(claims=claims, queue=queue, title=title, top=top, threshold=threshold,
                        adapt_curve=adapt_curve, errors=errors)
    out = Path(out)
    with atomic_writer(out, "w", encoding="utf-8") as f:
        f.write(html)
    return out


def report_target(out: str, claims: list[str]) -> tuple[str, list[str]]:
    """Return (HTML path, claim files) for ``factcheck report OUT``: OUT is the page to write,
    or, when it names an existing claims file (the OUT of ``score``), that file is reported on
    and the page goes next to it as ``<OUT>.html``."""
    p = Path(out)
    if p.suffix.lower() in (".jsonl", ".csv", ".parquet", ".ndjson") and p.is_file():
        return str(p) + ".html", [str(p), *[c for c in claims if c != str(p)]]
    if p.suffix.lower() not in (".html", ".htm"):
        raise FactcheckError(f"{out}: the report is an HTML page; end OUT with .html")
    return str(p), claims

