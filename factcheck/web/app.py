"""The reviewer web server: a FastAPI app over one queue file.

    from factcheck.web.app import create_app
    app = create_app("newsroom.queue")        # then: uvicorn.run(app, host="127.0.0.1")

The JSON API (``api.py``) and the pages (``pages.py``) share one set of functions, so every page
is a view over data the API serves. ``auth.py`` decides who is asking before any route runs.
"""
from __future__ import annotations

import logging
import os
import secrets
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AuthError, FactcheckError, NotFoundError
from .auth import SECURITY_HEADERS, AuthMiddleware, Authenticator, Sessions, Throttle

HERE = Path(__file__).parent
log = logging.getLogger("factcheck.web")


def _status_of(exc: FactcheckError) -> int:
    """Return the HTTP status of a library error: unknown 404, not allowed 403, else 422 (bad input)."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, AuthError):
        return 403
    return 422


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/healthz" or "application/json" in request.headers.get("accept", "") \
        and "text/html" not in request.headers.get("accept", "")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        if err.get("type") == "string_pattern_mismatch" and where.startswith("evidence"):
            parts.append(f"{where}: evidence must be http:// or https:// URLs")
            continue
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "the request is not valid"


def create_app(queue_path, *, secret_key: str | bytes | None = None, cookie_secure: bool = False,
               throttle_limit: int = 5, client_limit: int = 20, throttle_window: float = 900.0,
               session_max_age: int = 12 * 3600, model=None) -> FastAPI:
    """Return the reviewer web app over the queue file at ``queue_path``.

    ``secret_key`` signs the session cookies; without one a random key is made, so sessions end
    when the server stops. ``cookie_secure`` marks cookies Secure (serve behind HTTPS).
    Wrong secrets are throttled with growing delays (:class:`~factcheck.web.auth.Throttle`):
    after ``throttle_limit`` for one name from one client, or ``client_limit`` from one client in
    all, each further one makes that client wait 1, 2, 4 ... seconds (at most 10 minutes; 429
    with Retry-After meanwhile); the count is forgotten ``throttle_window`` seconds after the last
    wrong secret. Other clients are never delayed. Sessions and bearer secrets already verified
    keep working. ``model`` (a name such as ``fast``, a directory from ``factcheck train``, or a
    model object) scores documents sent to ``POST /api/extract``; loaded at the first such request.
    """
    import threading

    from ..queue import Queue
    from . import api, pages

    queue = Queue(queue_path, create=False)  # migrated: the keyset indexes of the queue list come with schema v5

    @asynccontextmanager
    async def lifespan(app):
        yield
        queue.close()

    app = FastAPI(lifespan=lifespan, title="factcheck reviewer", version="1",
                  description="Review the claims of a factcheck queue. Log in with `POST /login` (cookie session; "
                              "send the CSRF token as `X-CSRF-Token` on changes) or send "
                              "`Authorization: Bearer SECRET`. Errors are `{\"error\": \"...\"}`.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")  # the docs pages would load a CDN
    app.state.queue = queue
    app.state.sessions = Sessions(secret_key or secrets.token_bytes(32), max_age=session_max_age)
    app.state.auth = Authenticator(queue, app.state.sessions, Throttle(throttle_limit, throttle_window),
                                   Throttle(client_limit, throttle_window))
    app.state.cookie_secure = cookie_secure
    app.state.skips = {}
    app.state.templates = pages.environment()
    app.state.model = model if model is not None else "fast"
    app.state.model_label = (app.state.model if isinstance(app.state.model, str)
                             else os.fspath(app.state.model) if hasattr(app.state.model, "__fspath__")
                             else type(app.state.model).__name__)
    app.state.model_lock = threading.Lock()
    app.state.extractors = None

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path}"
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # runs outside the auth middleware, so it sets the security headers itself; the
        # traceback goes to the server log, never to the client
        log.error("error serving %s %s: %s", request.method, request.url.path, type(exc).__name__)
        response = JSONResponse({"error": "internal error; the server log has the details"}, status_code=500)
        for key, value in SECURITY_HEADERS:
            response.headers[key.decode()] = value.decode()
        return response

    @app.exception_handler(FactcheckError)
    async def queue_error(request: Request, exc: FactcheckError):
        return error_response(request, _status_of(exc), str(exc))

    app.openapi = lambda: api.openapi_with_scale(app, queue.scale.names())
    app.include_router(api.public)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(AuthMiddleware, authenticator=app.state.auth)
    return app


def error_response(request: Request, status: int, message: str, headers=None):
    """Return the one error shape: ``{"error": ...}`` for the API, the error page for pages."""
    if _is_api(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    templates = request.app.state.templates
    ident = getattr(request.state, "identity", None)
    html = templates.get_template("error.html").render(status=status, message=message, me=ident,
                                                      csrf_token=getattr(ident, "csrf_token", None))
    return HTMLResponse(html, status_code=status, headers=headers)
