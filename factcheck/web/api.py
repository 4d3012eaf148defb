"""The JSON API of the reviewer web server; the pages are views over the same functions.

Every route here except ``/healthz`` runs after :class:`~factcheck.web.auth.AuthMiddleware`
has identified the reviewer (and checked the CSRF token of cookie requests that change state).
"""
from __future__ import annotations

import hashlib
import math
import os
from typing import Annotated, Optional, Union

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt

from ..queue.schema import STATUSES
from ..types import PRIMARY_LABELS
from .auth import Identity
from .spans import MAX_WORDS as MAX_SOURCE_WORDS, picked_source

from ..queue.validate import MAX_EVIDENCE, MAX_NOTE, MAX_URL, check_label

MAX_PAGE = 500

# declares the bearer scheme in the OpenAPI description; the middleware does the checking
_bearer = HTTPBearer(auto_error=False, description="a reviewer's secret from `factcheck queue add-reviewer`")


class ApiError(HTTPException):
    """An error answered as ``{"error": message}`` with the given status."""


class Error(BaseModel):
    """The one error shape of the API."""

    error: str = Field(..., description="what went wrong and what to do, in one line")


ERRORS = {
    400: {"model": Error, "description": "the body cannot be parsed"},
    401: {"model": Error, "description": "no valid credentials: log in or send Authorization: Bearer SECRET"},
    403: {"model": Error, "description": "missing CSRF token on a cookie request, or an editor's action"},
    404: {"model": Error, "description": "no such claim"},
    422: {"model": Error, "description": "the request is not valid (e.g. a rating off the scale)"},
    409: {"model": Error, "description": "the claim is not disputed (adjudication)"},
    429: {"model": Error, "description": "too many wrong secrets from this client; see Retry-After"},
}


class _In(BaseModel):
    """What a client sends: a field the API does not know (a typo such as ``evidnce``, or
    ``reuses``, which only ``/reuse`` takes) is refused with 422, never dropped in silence."""

    model_config = ConfigDict(extra="forbid")


class SpanIn(_In):
    """A stretch of the document, in document offsets."""

    start: int
    end: int


class SourceIn(SpanIn):
    """A source span, with the words the reviewer selected: the span is stored where the document
    holds those words (at ``start:end``, else their nearest occurrence), and refused with 422 when
    they are not near it."""

    text: Optional[str] = Field(None, min_length=1, max_length=MAX_SOURCE_WORDS,
                                description="the selected words, as the page shows them; the claim page sends them")


class FacetIn(_In):
    """A corrected figure: its span as written, and the right value or ``not_a_figure``."""

    start: int
    end: int
    kind: Optional[str] = Field(None, max_length=40)
    value: Optional[Union[StrictInt, StrictFloat, Annotated[str, Field(max_length=200)]]] = None
    not_a_figure: bool = False


class _Corrected(_In):
    """What a reviewer may correct along with a verdict: the primary label and the source."""

    label: Optional[str] = Field(None, max_length=40, description="the corrected primary label, if it is wrong")
    source: Optional[SourceIn] = Field(None, description="the corrected source span; null: the claim has no source")

    def source_given(self, queue=None, claim_id: str | None = None):
        """Return the source as the queue takes it: UNSET when absent, None, or (start, end);
        with the selected words (and the queue), the span where the document holds them."""
        from ..queue.validate import UNSET

        if "source" not in self.model_fields_set:
            return UNSET
        if self.source is None:
            return None
        if self.source.text is not None and queue is not None:
            return picked_source(queue, claim_id, self.source.start, self.source.end, self.source.text)
        return self.source.start, self.source.end


class VerdictIn(_Corrected):
    """A reviewer's verdict on a claim: a rating, or ``"not_a_claim": true``.

    ``source`` absent keeps the model's source, ``null`` says the claim has none, a span
    corrects it. The queue checks everything (``factcheck.queue.validate``): 422 when refused.
    """

    rating: Optional[str] = Field(None, max_length=100, description="a name on the queue's rating scale")
    not_a_claim: bool = Field(False, description="the sentence is nothing a fact-checker would check (no rating)")
    facets: list[FacetIn] = Field(default_factory=list, max_length=50, description="corrected figures")
    note: Optional[str] = Field(None, max_length=MAX_NOTE)
    evidence: Optional[list[Annotated[str, Field(max_length=MAX_URL)]]] = Field(
        default_factory=list, max_length=MAX_EVIDENCE, description="http(s) URLs of the evidence")
    copies: bool = Field(False, description="give the claim's copies in other articles the same verdict too, "
                                            "each naming this one in reuses (their ids come back in copies)")


class ReuseIn(_Corrected):
    """Take over the verdict of a claim checked before this one (one the claim's page lists in
    ``checked_before``): its rating, and its evidence unless other evidence is given. Refused
    (422) when that claim's figures differ from this one's."""

    verdict_id: int = Field(..., description="the verdict_id of a checked_before match")
    copies: bool = Field(False, description="give the claim's copies in other articles the verdict too")
    note: Optional[str] = Field(None, max_length=MAX_NOTE, description="default: which verdict it reuses")
    evidence: Optional[list[Annotated[str, Field(max_length=MAX_URL)]]] = Field(
        default_factory=list, max_length=MAX_EVIDENCE, description="default: the reused verdict's evidence")


class VerdictOut(BaseModel):
    """A stored verdict, as the queue keeps it (documentation of the 201 answer)."""

    verdict_id: int
    claim_id: str
    reviewer: str
    reviewer_role: str
    kind: str = Field(..., description="verdict, adjudication or retraction")
    rating: Optional[str]
    rating_value: Optional[int]
    not_a_claim: bool
    label: Optional[str]
    source_corrected: bool
    source: Optional[dict]
    facets: list[dict]
    note: Optional[str]
    evidence: list[str]
    supersedes: Optional[int]
    blind: bool
    created_at: str
    current: bool
    reuses: Optional[int] = Field(None, description="the verdict this one took over (claim matching)")
    copies: Optional[list[int]] = Field(None, description="with copies: the verdicts given to the claim's copies")


class AdjudicationIn(_In):
    """An editor's ruling on a disputed claim. There is no default: without a rating (or
    ``"not_a_claim": true``) it is refused with 422."""

    rating: Optional[str] = Field(None, max_length=100)
    not_a_claim: bool = False
    label: Optional[str] = Field(None, max_length=40)
    note: Optional[str] = Field(None, max_length=MAX_NOTE)
    evidence: Optional[list[Annotated[str, Field(max_length=MAX_URL)]]] = Field(default_factory=list,
                                                                               max_length=MAX_EVIDENCE)


def queue_of(request: Request):
    return request.app.state.queue


def identity(request: Request, _token=Depends(_bearer)) -> Identity:
    """Return who is asking, as the middleware found it."""
    ident = getattr(request.state, "identity", None)
    if ident is None:  # only reachable if a route is wrongly marked public
        raise ApiError(401, "log in first")
    return ident


def editor(ident: Identity = Depends(identity)) -> Identity:
    """Return the identity when it is an editor's; 403 otherwise."""
    if not ident.is_editor:
        raise ApiError(403, f"{ident.name} is a reviewer; only editors adjudicate disputed claims")
    return ident


Who = Annotated[Identity, Depends(identity)]
Editor = Annotated[Identity, Depends(editor)]


def hides_model(queue, ident: Identity) -> bool:
    """Return whether this reviewer must not see what the model said (blind review)."""
    return bool(queue.blind) and not ident.is_editor


def openapi_with_scale(app, scale_names: list[str]) -> dict:
    """Return the app's OpenAPI description with the queue's ratings and the labels as enums."""
    from fastapi import FastAPI

    if app.openapi_schema:
        return app.openapi_schema
    schema = FastAPI.openapi(app)
    for component in schema.get("components", {}).get("schemas", {}).values():
        props = component.get("properties", {})
        for key, values in (("rating", scale_names), ("label", list(PRIMARY_LABELS) + [""])):
            prop = props.get(key)
            if prop is None:
                continue
            for branch in prop.get("anyOf", [prop]):
                if branch.get("type") == "string":
                    branch["enum"] = values
    app.openapi_schema = schema
    return schema


def filters(status: Optional[str], label: Optional[str], min_score, max_score) -> dict:
    """Return the queue filters from query values ('' means no filter); 422 for bad ones."""
    out: dict = {}
    if status:
        if status not in STATUSES:
            raise ApiError(422, f"status {status!r} is not one of: {', '.join(STATUSES)}")
        out["status"] = status
    if label:
        out["label"] = check_label(label)
    for key, value in (("min_score", min_score), ("max_score", max_score)):
        if value is None or value == "":
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (0.0 <= number <= 1.0):
            raise ApiError(422, f"{key} must be a number between 0 and 1")
        out[key] = number
    return out


def list_claims(queue, ident: Identity, *, status=None, label=None, min_score=None, max_score=None,
                limit: int = 50, offset: int = 0, after: str | None = None, before: str | None = None) -> dict:
    """Return a page of queue items (keyset: ``after``/``before`` a cursor) with the total and
    the count per status under the same filters."""
    from ..queue import listing

    where = filters(status, label, min_score, max_score)
    blind = hides_model(queue, ident)
    if blind and ("label" in where or "min_score" in where or "max_score" in where):
        raise ApiError(403, "the label and score filters are off in blind review (they show what the model said)")
    page = listing.page(queue, **where, limit=limit, after=after or None, before=before or None,
                        offset=None if (after or before) else offset)
    items = page["items"]
    if blind:
        items = [{k: v for k, v in row.items() if k not in ("label", "checkworthiness")} for row in items]
    counts = listing.counts(queue, **{k: v for k, v in where.items() if k != "status"})
    total = counts[where["status"]] if "status" in where else sum(counts.values())
    return {"items": items, "count": total, "counts": counts, "limit": limit, "offset": page["position"],
            "next": page["next"], "previous": page["previous"], "filters": where, "blind": blind}


def lease_next(request: Request, ident: Identity, skip: Optional[str] = None) -> dict | None:
    """Return the next claim leased to the reviewer, after giving back ``skip`` if given.

    Skipped claims are remembered per reviewer (in memory, the last 200) so that skipping
    moves on instead of handing back the claim just skipped.
    """
    queue = queue_of(request)
    skipped = request.app.state.skips.setdefault(ident.name, [])
    if skip:
        queue.release(skip, ident.name)
        if skip in skipped:
            skipped.remove(skip)
        skipped.append(skip)
        del skipped[:-200]
    item = queue.next_claim(ident.name, exclude=tuple(skipped))
    if item is None and skipped:
        # everything left was skipped once: start over on the skipped ones
        skipped.clear()
        item = queue.next_claim(ident.name)
    return item


router = APIRouter(responses=ERRORS)
#: where the pages answer with an error page (HTML) instead of JSON
PAGE_ERRORS = {status: {"description": spec["description"], "content": {"text/html": {}}}
               for status, spec in ERRORS.items() if status != 401}
public = APIRouter()


@public.get("/healthz", tags=["meta"], summary="200 when the queue file is readable",
            responses={503: {"model": Error, "description": "the queue file cannot be read"}})
def healthz(request: Request):
    queue = queue_of(request)
    if not os.access(queue.path, os.R_OK):
        raise ApiError(503, "the queue file is not readable")
    try:
        queue.reviews_per_claim
    except Exception:  # any database failure means not healthy; the message stays generic
        raise ApiError(503, "the queue file cannot be read") from None
    return {"status": "ok"}


@router.get("/api/me", tags=["meta"], summary="who is logged in, their role and CSRF token")
def me(ident: Who):
    return {"name": ident.name, "role": ident.role, "via": ident.via, "csrf_token": ident.csrf_token}


@router.get("/api/scale", tags=["meta"], summary="the queue's rating scale and the labels")
def scale(request: Request, ident: Who):
    queue = queue_of(request)
    return {"ratings": [r.to_dict() for r in queue.scale.ratings], "labels": list(PRIMARY_LABELS),
            "blind": hides_model(queue, ident), "reviews_per_claim": queue.reviews_per_claim}


@router.get("/api/next", tags=["review"], summary="lease the next claim: 200 with it, 204 when none is left",
            responses={204: {"description": "no claim is left for this reviewer"}})
def api_next(request: Request, ident: Who, skip: Annotated[Optional[str], Query(max_length=200)] = None):
    item = lease_next(request, ident, skip)
    if item is None:
        return Response(status_code=204)
    return item


@router.get("/api/claims", tags=["review"], summary="queue items with filters, the total and counts per status")
def api_claims(request: Request, ident: Who,
               status: Annotated[Optional[str], Query(json_schema_extra={"enum": list(STATUSES)})] = None,
               label: Annotated[Optional[str], Query(json_schema_extra={"enum": list(PRIMARY_LABELS)})] = None,
               min_score: Annotated[Optional[float], Query(ge=0, le=1, description="lowest check-worthiness")] = None,
               max_score: Annotated[Optional[float], Query(ge=0, le=1, description="highest check-worthiness")] = None,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
               offset: Annotated[int, Query(ge=0, le=10**9, description="old-style paging; prefer after")] = 0,
               after: Annotated[Optional[str], Query(max_length=400, description="the `next` cursor of a page")] = None,
               before: Annotated[Optional[str], Query(max_length=400, description="the `previous` cursor")] = None):
    return list_claims(queue_of(request), ident, status=status, label=label, min_score=min_score,
                       max_score=max_score, limit=limit, offset=offset, after=after, before=before)


@router.get("/api/claims/{claim_id}", tags=["review"], summary="the claim with its status, context and verdicts")
def api_claim(request: Request, claim_id: str, ident: Who):
    return queue_of(request).get_claim(claim_id, reviewer=ident.name)


def store_verdict(queue, ident: Identity, claim_id: str, body: VerdictIn) -> dict:
    """Return the stored verdict; the queue checks it (ValidationError -> 422)."""
    return queue.record_verdict(claim_id, ident.name, body.rating, label=body.label, not_a_claim=body.not_a_claim,
                                source=body.source_given(queue, claim_id),
                                facets=[f.model_dump() for f in body.facets],
                                note=body.note, evidence=body.evidence or (), copies=body.copies)


def store_reuse(queue, ident: Identity, claim_id: str, body: ReuseIn) -> dict:
    """Return the stored verdict taking over a checked-before one (which must be among the
    claim's ``checked_before`` and not on other figures: QueueError -> 422 otherwise)."""
    from ..matching.queue_index import find, reuse

    match = find(queue, claim_id, body.verdict_id)
    return reuse(queue, claim_id, ident.name, match, label=body.label, note=body.note, evidence=body.evidence or (),
                 source=body.source_given(queue, claim_id), copies=body.copies)


@router.post("/api/claims/{claim_id}/reuse", tags=["review"], status_code=201,
             responses={201: {"model": VerdictOut, "description": "the stored verdict, with reuses"}},
             summary="reuse the verdict of a claim checked before: 201 with it; 422 when its figures differ")
def api_reuse(request: Request, claim_id: str, body: ReuseIn, ident: Who):
    return store_reuse(queue_of(request), ident, claim_id, body)


@router.post("/api/claims/{claim_id}/verdicts", tags=["review"], status_code=201,
             responses={201: {"model": VerdictOut, "description": "the stored verdict"}},
             summary="record a verdict: 201 with it; 422 for a rating off the scale")
def api_verdict(request: Request, claim_id: str, body: VerdictIn, ident: Who):
    return store_verdict(queue_of(request), ident, claim_id, body)


def store_ruling(queue, ident: Identity, claim_id: str, body: AdjudicationIn) -> dict:
    """Return the stored ruling; 409 unless the claim is disputed (or already resolved), 422
    without a rating (a ruling has no default) or for anything the queue refuses."""
    status = queue.get_claim(claim_id)["status"]
    if status not in ("disputed", "resolved"):
        raise ApiError(409, f"claim {claim_id} is {status}, not disputed; only disputed claims are adjudicated")
    return queue.adjudicate(claim_id, ident.name, body.rating or None, not_a_claim=body.not_a_claim,
                            label=body.label, note=body.note, evidence=body.evidence or ())


@router.post("/api/claims/{claim_id}/adjudicate", tags=["editors"], status_code=201,
             responses={201: {"model": VerdictOut, "description": "the stored ruling"}},
             summary="an editor's ruling on a disputed claim (403 for reviewers)")
def api_adjudicate(request: Request, claim_id: str, body: AdjudicationIn, ident: Editor):
    return store_ruling(queue_of(request), ident, claim_id, body)


#: the longest document the scoring endpoint takes (characters): a long feature, not an archive
MAX_DOCUMENT = 1_000_000


class ExtractIn(_In):
    """A document to score with the server's model (``factcheck serve --model``)."""

    text: str = Field(..., max_length=MAX_DOCUMENT, description="the document's text")
    published: Optional[str] = Field(None, max_length=40, description="ISO date that resolves relative dates")
    doc_id: Optional[str] = Field(None, max_length=200, description="the document's id (default: web- and a hash of the text)")
    all: bool = Field(False, description="every sentence, not only the check-worthy ones")
    add: bool = Field(False, description="editors: also add the claims to the queue")


def extractor_of(request: Request, all_sentences: bool = False):
    """Return the app's extractor over the server's model (loaded at the first request), for
    the check-worthy sentences or for every sentence."""
    app = request.app
    with app.state.model_lock:
        if app.state.extractors is None:
            from ..pipeline import Extractor
            ex = Extractor(app.state.model)
            app.state.extractors = (ex, Extractor(ex.model, all_sentences=True))
        return app.state.extractors[bool(all_sentences)]


@router.post("/api/extract", tags=["scoring"],
             summary="the claims of a document, scored by the server's model (serve --model); "
                     "editors may add them to the queue")
def api_extract(request: Request, body: ExtractIn, ident: Who):
    from ..types import Document, parse_date

    if body.add and not ident.is_editor:
        raise ApiError(403, "only editors add claims to the queue")
    try:
        published = parse_date(body.published)
    except ValueError as exc:
        raise ApiError(422, str(exc)) from None
    queue = queue_of(request)
    doc_id = body.doc_id or ("web-" + hashlib.sha256(body.text.encode("utf-8")).hexdigest()[:12])
    if body.add:
        # a document the queue holds under this id must be this text: claims never join another article
        used, held = queue.document_in_use(doc_id)
        if used and held != body.text:
            raise ApiError(409, f"the queue already holds another document {doc_id!r}; give another doc_id")
    doc = Document(doc_id, body.text, published)
    rows = [c.to_dict() for c in extractor_of(request, body.all).extract(doc)]
    out = {"model": request.app.state.model_label, "doc_id": doc_id, "claims": rows}
    if body.add:
        queue.add_documents([("api", None, {"doc_id": doc_id, "text": body.text,
                                            "published": published.isoformat() if published else None})])
        result = queue.add_claims(rows, model=request.app.state.model_label)
        out.update(added=result.added, duplicates=result.duplicates)
    return out


@router.post("/api/undo", tags=["review"], status_code=201,
             summary="retract your last verdict: 201 with the retraction, 204 when there is none",
             responses={204: {"description": "nothing to undo"}})
def api_undo(request: Request, ident: Who):
    retraction = queue_of(request).undo_last(ident.name)
    if retraction is None:
        return Response(status_code=204)
    return retraction


@router.post("/api/claims/{claim_id}/release", tags=["review"], summary="give back a leased claim (skip)")
def api_release(request: Request, claim_id: str, ident: Who):
    return {"released": queue_of(request).release(claim_id, ident.name)}


@router.get("/api/disputed", tags=["editors"],
            summary="disputed claims, each with why, every reviewer's verdict and the ruling (editors only)")
def api_disputed(request: Request, ident: Editor, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                 offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
                 after: Annotated[Optional[str], Query(max_length=400)] = None,
                 before: Annotated[Optional[str], Query(max_length=400)] = None,
                 status: Annotated[str, Query(json_schema_extra={"enum": ["disputed", "resolved"]})] = "disputed"):
    return disputed(queue_of(request), ident, limit=limit, offset=offset, after=after, before=before, status=status)


def disputed(queue, ident: Identity, *, limit: int = 50, offset: int = 0, after=None, before=None,
             status: str = "disputed") -> dict:
    """Return the disputed (or, with ``status="resolved"``, the ruled) claims, each with
    ``reasons``, every reviewer's current verdict and the ruling (``Queue.dispute``)."""
    from ..queue import listing

    if status not in ("disputed", "resolved"):
        raise ApiError(422, "status is disputed or resolved")
    page = listing.page(queue, status=status, limit=limit, after=after or None, before=before or None,
                        offset=None if (after or before) else offset)
    items = [{**row, **queue.dispute(row["claim_id"], viewer=ident.name)} for row in page["items"]]
    return {"items": items, "count": queue.count_items(status=status), "limit": limit, "offset": page["position"],
            "next": page["next"], "previous": page["previous"], "status": status}


def stats(queue, ident: Identity) -> dict:
    """Return the queue's statistics as the viewer may see them (``Queue.stats``) and what the
    verdicts tell about the model (``insights``). The model's figures (label confusion,
    not-a-claim by check-worthiness band) follow the queue's rule for ratings by label: editors
    only, and nobody in blind review."""
    from ..queue.insights import insights

    out = queue.stats(viewer=ident.name)
    out["insights"] = insights(queue, model=ident.is_editor and not queue.blind)
    return out


@router.get("/api/stats", tags=["meta"],
            summary="counts, agreement, verdicts per day, and what the verdicts tell about the model")
def api_stats(request: Request, ident: Who):
    return stats(queue_of(request), ident)
