"""The HTML pages: each renders data from the same functions as its JSON twin in ``api.py``.

Templates autoescape everything; the only markup not written in a template comes from
``highlight.py`` and ``factcheck.charts_svg``, which escape every piece of text they place.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Annotated, Optional
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from markupsafe import Markup

from .. import charts_svg as charts
from ..errors import NotFoundError, QueueError
from ..queue.schema import STATUSES
from ..types import PRIMARY_LABELS
from . import api
from .api import ApiError, Editor, Who
from .auth import CSRF_COOKIE, SESSION_COOKIE, Throttled, client_key, safe_next
from .highlight import claim_in_context

HERE = Path(__file__).parent
router = APIRouter(responses=api.PAGE_ERRORS)
HTML = {"response_class": HTMLResponse, "tags": ["pages"]}
_SCORE = r"^(|0(\.[0-9]+)?|1(\.0+)?|\.[0-9]+)$"  # what a number field of the filter form sends
#: the ruling menu's choice for "not a claim" (a rating name no scale file can hold: it has spaces)
NOT_A_CLAIM = "(not a claim)"


def _safe_url(url) -> str | None:
    """Return ``url`` if it may be a link (http or https), else None: evidence is shown as text."""
    try:
        scheme = urlsplit(str(url)).scheme.lower()
    except ValueError:
        return None
    return str(url) if scheme in ("http", "https") else None


def _quote(claim_id) -> str:
    """Return a claim id as one path segment (a '/' or '?' in an id cannot change the route)."""
    return quote(str(claim_id), safe="")


def _score(x) -> str:
    """Return a score with two decimals, or '' for anything that is not a number."""
    return f"{x:.2f}" if isinstance(x, (int, float)) and not isinstance(x, bool) else ""


def _facet_display(facet) -> str:
    """Return a facet's value as people write it (``$1.2 billion, approx.``), by the one display
    function the terminal screen uses too."""
    from ..queue.display import format_facet

    try:
        return format_facet(facet)
    except (TypeError, ValueError, AttributeError):  # an odd record must not break the page
        value = facet.get("value") if isinstance(facet, dict) else None
        return "—" if value is None else str(value)


def environment():
    """Return the Jinja2 environment of the pages, with autoescaping on for every template."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = _safe_url
    env.filters["idq"] = _quote
    env.filters["score"] = _score
    env.filters["facet_display"] = _facet_display
    env.globals["labels"] = PRIMARY_LABELS
    env.globals["NOT_A_CLAIM"] = NOT_A_CLAIM
    env.globals["static_version"] = _static_version()
    return env


def _static_version() -> str:
    """Return a short hash of the page's script and style, added to their URLs: a browser that
    kept an older ``app.js`` (one that counted offsets in UTF-16 units) loads the new one."""
    import hashlib

    digest = hashlib.sha256()
    for name in ("app.js", "style.css"):
        digest.update((HERE / "static" / name).read_bytes())
    return digest.hexdigest()[:12]


def render(request: Request, template_name: str, status: int = 200, **context) -> HTMLResponse:
    """Return a page: the template with who is logged in and their CSRF token."""
    ident = getattr(request.state, "identity", None)
    template = request.app.state.templates.get_template(template_name)
    html = template.render(me=ident, csrf_token=getattr(ident, "csrf_token", None), path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


# -- logging in and out -------------------------------------------------------------------

@router.get("/login", **HTML, summary="the log-in page")
def login_page(request: Request, next: Annotated[Optional[str], Query(max_length=2000)] = None):
    return render(request, "login.html", next=safe_next(next), error=None, name="")


@router.post("/login", tags=["pages"], summary="log in with name and secret: a session cookie, then a redirect",
             responses={303: {"description": "logged in; the session cookie is set"},
                        401: {"description": "wrong name or secret"}, 429: {"description": "too many wrong secrets"}})
def login(request: Request, name: Annotated[str, Form(max_length=200)] = "",
          secret: Annotated[str, Form(max_length=1024)] = "",
          next: Annotated[Optional[str], Form(max_length=2000)] = None):
    target = safe_next(next)
    if request.headers.get("sec-fetch-site") == "cross-site":
        # a page elsewhere must not log a reviewer in under someone else's account
        return _login_error(request, 403, "log in from this site's own log-in page", name, target)
    auth = request.app.state.auth
    try:
        reviewer = auth.check_secret(client_key(request.scope), secret, name.strip() or None)
    except Throttled as exc:
        return _login_error(request, 429, str(exc), name, target, {"Retry-After": str(int(exc.retry_after) + 1)})
    if reviewer is None:
        return _login_error(request, 401, "wrong name or secret", name, target)
    cookie, csrf = request.app.state.sessions.issue(reviewer.name, auth.queue.secret_stamp(reviewer.name))
    if _wants_json(request):
        response = JSONResponse({"name": reviewer.name, "role": reviewer.role, "csrf_token": csrf})
    else:
        response = RedirectResponse(target, status_code=303)
    secure = request.app.state.cookie_secure
    max_age = request.app.state.sessions.max_age
    response.set_cookie(SESSION_COOKIE, cookie, max_age=max_age, httponly=True, samesite="strict", secure=secure)
    # readable by the page's script, which sends it back as X-CSRF-Token; useless to other sites
    response.set_cookie(CSRF_COOKIE, csrf, max_age=max_age, httponly=False, samesite="strict", secure=secure)
    return response


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _login_error(request, status, message, name, target, headers=None):
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    response = render(request, "login.html", status=status, next=target, error=message, name=name)
    if headers:
        response.headers.update(headers)
    return response


@router.post("/logout", tags=["pages"], summary="end the session", responses={303: {"description": "logged out"}})
def logout(request: Request, ident: Who):
    if ident.session_id:
        request.app.state.sessions.revoke(ident.session_id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    response.delete_cookie(CSRF_COOKIE)
    return response


# -- the queue ----------------------------------------------------------------------------

@router.get("/", **HTML, summary="the queue, with filters and counts (JSON twin: /api/claims)")
def queue_page(request: Request, ident: Who,
               status: Annotated[Optional[str], Query(json_schema_extra={"enum": [""] + list(STATUSES)})] = None,
               label: Annotated[Optional[str], Query(json_schema_extra={"enum": [""] + list(PRIMARY_LABELS)})] = None,
               min_score: Annotated[Optional[str], Query(max_length=40, pattern=_SCORE)] = None,
               max_score: Annotated[Optional[str], Query(max_length=40, pattern=_SCORE)] = None,
               offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
               after: Annotated[Optional[str], Query(max_length=400)] = None,
               before: Annotated[Optional[str], Query(max_length=400)] = None):
    page = api.list_claims(request.app.state.queue, ident, status=status, label=label, min_score=min_score,
                           max_score=max_score, limit=50, offset=offset, after=after, before=before)
    query = dict(page["filters"])

    def link(**change):
        """Return this page's query string with some filters changed (None drops one)."""
        return "?" + urlencode({k: v for k, v in {**query, **change}.items() if v not in (None, "")})

    here = {"after": after, "before": before} if (after or before) else {"offset": offset or None}
    return render(request, "queue.html", page=page, link=link, json_link="/api/claims" + link(**here),
                  statuses=list(page["counts"]))


@router.get("/next", **HTML, summary="lease the next claim and go to its page",
            responses={303: {"description": "to the claim page"}})
def next_page(request: Request, ident: Who, skip: Annotated[Optional[str], Query(max_length=200)] = None):
    item = api.lease_next(request, ident, skip)
    if item is None:
        return render(request, "done.html")
    return RedirectResponse(f"/claims/{_quote(item['claim'].get('claim_id'))}", status_code=303)


# -- one claim ----------------------------------------------------------------------------

def _form_of(verdict: dict) -> dict:
    """Return the claim form filled with a verdict's answers (after an undo, or a refused save)."""
    source = verdict.get("source")
    return {"rating": verdict.get("rating") or "", "label": verdict.get("label") or "",
            "note": verdict.get("note") or "", "evidence": "\n".join(verdict.get("evidence") or ()),
            "not_a_claim": bool(verdict.get("not_a_claim")),
            "source": (f"{source['start']}:{source['end']}" if source else "none") if verdict.get("source_corrected") else "",
            "source_text": (source or {}).get("text") or "",
            "facets": {(f.get("start"), f.get("end")): f for f in verdict.get("facets") or () if isinstance(f, dict)}}


def _restorable(queue, ident, claim_id: str, verdict_id) -> dict | None:
    """Return the viewer's own verdict ``verdict_id`` on this claim, for the form after an undo."""
    try:
        verdict = queue.verdict(int(verdict_id))
    except (NotFoundError, TypeError, ValueError):
        return None
    if verdict.get("reviewer") != ident.name or verdict.get("claim_id") != claim_id or verdict.get("kind") == "retraction":
        return None
    return verdict


def claim_view(request: Request, ident, claim_id: str, *, error: str | None = None, form: dict | None = None,
               status: int = 200, restore=None) -> HTMLResponse:
    """Return the claim page: the claim in its article, the form, then what the model said
    (unless blind) and the verdicts the viewer may see."""
    queue = request.app.state.queue
    item = queue.get_claim(claim_id, reviewer=ident.name)
    claim = item["claim"]
    mine = [v for v in item["verdicts"] if v.get("reviewer") == ident.name and v.get("current")
            and v.get("kind") == "verdict"]
    restored = _restorable(queue, ident, claim_id, restore) if restore is not None and form is None else None
    if restored is not None:
        form = _form_of(restored)
    model = item.get("model")
    from ..matching.queue_index import figures_phrase, first_reusable

    best = first_reusable(item.get("checked_before") or [])
    return render(request, "claim.html", status=status, item=item, claim=claim, figures_phrase=figures_phrase,
                  reuse_key=(best.get("verdict") or {}).get("verdict_id") if best else None,
                  context=claim_in_context(item, show_model=model is not None), scale=queue.scale.ratings,
                  model=model, mine=mine[-1] if mine else None, restored=restored is not None,
                  error=error, form=form or {}, claim_id=claim_id, claim_path=_quote(claim_id),
                  can_adjudicate=ident.is_editor and item["status"] in ("disputed", "resolved"))


@router.get("/claims/{claim_id}", **HTML, summary="the review page of a claim (JSON twin: /api/claims/{claim_id})")
def claim_page(request: Request, claim_id: str, ident: Who,
               restore: Annotated[Optional[int], Query(ge=1, description="after an undo: the verdict taken back, "
                                                       "whose answers fill the form")] = None):
    return claim_view(request, ident, claim_id, restore=restore)


@router.post("/claims/{claim_id}/verdict", tags=["pages"], summary="record a verdict from the page's form",
             responses={303: {"description": "recorded; on to the next claim"}})
def claim_form(request: Request, claim_id: str, ident: Who,
               rating: Annotated[str, Form(max_length=100)] = "",
               not_a_claim: Annotated[str, Form(max_length=5)] = "",
               label: Annotated[str, Form(max_length=40)] = "",
               note: Annotated[str, Form(max_length=api.MAX_NOTE)] = "",
               evidence: Annotated[str, Form(max_length=api.MAX_EVIDENCE * (api.MAX_URL + 2))] = "",
               copies: Annotated[str, Form(max_length=5)] = ""):
    form = {"rating": rating, "label": label, "note": note, "evidence": evidence, "not_a_claim": bool(not_a_claim),
            "copies": bool(copies)}
    body = api.VerdictIn(rating=None if not_a_claim else (rating or None), not_a_claim=bool(not_a_claim),
                         label=label or None, note=note, evidence=evidence.splitlines(), copies=bool(copies))
    return _record_or_show(request, ident, claim_id, form, lambda: api.store_verdict(
        request.app.state.queue, ident, claim_id, body))


@router.post("/claims/{claim_id}/reuse", tags=["pages"], summary="reuse a checked-before verdict from the page's form",
             responses={303: {"description": "recorded; on to the next claim"}})
def reuse_form(request: Request, claim_id: str, ident: Who,
               reuses: Annotated[int, Form(ge=1)],
               label: Annotated[str, Form(max_length=40)] = "",
               note: Annotated[str, Form(max_length=api.MAX_NOTE)] = "",
               evidence: Annotated[str, Form(max_length=api.MAX_EVIDENCE * (api.MAX_URL + 2))] = "",
               copies: Annotated[str, Form(max_length=5)] = ""):
    """The Reuse button: the verdict form posted here with the reused verdict's id (no script needed)."""
    form = {"label": label, "note": note, "evidence": evidence, "copies": bool(copies)}
    body = api.ReuseIn(verdict_id=reuses, label=label or None, note=note or None, evidence=evidence.splitlines(),
                       copies=bool(copies))
    return _record_or_show(request, ident, claim_id, form, lambda: api.store_reuse(
        request.app.state.queue, ident, claim_id, body))


def _record_or_show(request: Request, ident, claim_id: str, form: dict | None, record, then: str = "/next"):
    """Record what a form posted and go on (to the next claim); or show the claim again with the
    reviewer's input kept and the reason it was refused."""
    try:
        record()
    except (ApiError, QueueError) as exc:
        status, message = _form_failure(exc)
        return claim_view(request, ident, claim_id, error=message, form=form, status=status)
    return RedirectResponse(then, status_code=303)


def _form_failure(exc) -> tuple[int, str]:
    """Return (status, message) of a refused form; an unknown claim is re-raised as the 404 page."""
    if isinstance(exc, NotFoundError):
        raise exc
    if isinstance(exc, ApiError):
        return exc.status_code, str(exc.detail)
    return 422, str(exc)


@router.post("/claims/{claim_id}/adjudicate", tags=["pages"], summary="an editor's ruling from the page's form",
             responses={303: {"description": "recorded; back to the disputed list"}})
def adjudicate_form(request: Request, claim_id: str, ident: Editor,
                    rating: Annotated[str, Form(max_length=100)] = "",
                    label: Annotated[str, Form(max_length=40)] = "",
                    note: Annotated[str, Form(max_length=api.MAX_NOTE)] = "",
                    evidence: Annotated[str, Form(max_length=api.MAX_EVIDENCE * (api.MAX_URL + 2))] = ""):
    not_a_claim = rating == NOT_A_CLAIM
    body = api.AdjudicationIn(rating=None if not_a_claim else (rating or None), not_a_claim=not_a_claim,
                              label=label or None, note=note, evidence=evidence.splitlines())
    return _record_or_show(request, ident, claim_id, None, lambda: api.store_ruling(
        request.app.state.queue, ident, claim_id, body), then="/disputed")


# -- editors and statistics ---------------------------------------------------------------

@router.get("/disputed", **HTML, summary="disputed claims to rule on (editors; JSON twin: /api/disputed)")
def disputed_page(request: Request, ident: Editor, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
                  after: Annotated[Optional[str], Query(max_length=400)] = None,
                  before: Annotated[Optional[str], Query(max_length=400)] = None,
                  status: Annotated[str, Query(pattern="^(disputed|resolved)$")] = "disputed"):
    queue = request.app.state.queue
    page = api.disputed(queue, ident, limit=50, offset=offset, after=after, before=before, status=status)
    for row in page["items"]:
        for v in [*row["verdicts"], row.get("ruling") or {}]:
            v["source_shown"] = _span_text(row, v.get("source"))
    return render(request, "disputed.html", page=page, scale=queue.scale.ratings, listing=status)


def _span_text(row: dict, span) -> str:
    """Return the words of a source span when they lie in the claim sentence, else its offsets."""
    if isinstance(span, dict):
        span = (span.get("start"), span.get("end"))
    if not span:
        return "none"
    s, e = span[0], span[1]
    text, start = row.get("text") or "", row.get("start")
    if isinstance(start, int) and isinstance(s, int) and isinstance(e, int) and start <= s < e <= start + len(text):
        return f"“{text[s - start:e - start]}”"
    return f"{s}–{e}"


def _days(per_day: dict) -> list[tuple[str, int]]:
    """Return (day, count) for every day from the first to the last verdict, gaps as 0."""
    days = sorted(per_day)
    if not days:
        return []
    try:
        first, last = _dt.date.fromisoformat(days[0]), _dt.date.fromisoformat(days[-1])
    except ValueError:
        return [(d, per_day[d]) for d in days]
    if (last - first).days > 400:
        return [(d, per_day[d]) for d in days]
    out = []
    day = first
    while day <= last:
        out.append((day.isoformat(), per_day.get(day.isoformat(), 0)))
        day += _dt.timedelta(days=1)
    return out


@router.get("/stats", **HTML, summary="statistics with charts (JSON twin: /api/stats)")
def stats_page(request: Request, ident: Who):
    queue = request.app.state.queue
    stats = api.stats(queue, ident)
    agreement = stats.get("agreement") or {}
    found = stats["insights"]
    rows = []
    for what in ("rating", "label"):
        a = agreement.get(what) or {}
        rows.append((f"{what}: Krippendorff's alpha", a.get("krippendorff_alpha")))
        rows.append((f"{what}: Cohen's kappa", a.get("cohen_kappa")))
    figures = {  # the chart functions escape every label, so their SVG goes into the page as it is
        "per_day": charts.columns(_days(stats.get("verdicts_per_day") or {}), title="Verdicts per day"),
        "agreement": charts.score_bars(rows, title="Agreement between reviewers"),
        "throughput": charts.columns(sorted((stats.get("by_reviewer") or {}).items()),
                                     title="Verdicts per reviewer"),
        "backlog": charts.columns(found["backlog_by_day"], title="Claims waiting at the end of each day"),
        "time": charts.columns(found["time_to_verdict"]["buckets"], title="Time from added to first verdict"),
    }
    if "ratings_by_label" in stats:
        figures["by_label"] = charts.stacked_bars(stats.get("ratings_by_label") or {}, queue.scale.names(),
                                                  title="Ratings by the model's label")
    if "not_a_claim_by_band" in found:
        figures["by_band"] = charts.score_bars(
            [(f"{b['band']} ({b['verdicts']:,})", b["rate"]) for b in found["not_a_claim_by_band"]],
            title="Share of verdicts saying not a claim, by check-worthiness", low=0.0)
    figures = {name: Markup(svg) for name, svg in figures.items()}
    return render(request, "stats.html", stats=stats, figures=figures, agreement=agreement, found=found)
