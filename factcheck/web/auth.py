"""Who is asking: signed session cookies, bearer secrets, CSRF tokens and throttling.

A session cookie holds only the reviewer's name and a random session id, signed with the
server's key (itsdangerous), so it cannot be forged; the CSRF token is an HMAC of the session id,
so it needs no storage. Secrets never leave this module: they are checked by the queue (which
stores them hashed) and are never logged, echoed or put in a URL.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qs, quote

SESSION_COOKIE = "factcheck_session"
CSRF_COOKIE = "factcheck_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: paths anyone may reach: the log-in page, the health check, the page assets and the API description
PUBLIC_PATHS = frozenset({"/login", "/healthz", "/openapi.json"})
PUBLIC_PREFIXES = ("/static/",)
MAX_FORM_BYTES = 1 << 20
#: the largest request body the API reads (a document of a million characters, as JSON)
MAX_BODY_BYTES = 8 << 20

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


@dataclass(frozen=True)
class Identity:
    """The reviewer behind a request and how they proved it (``cookie`` or ``bearer``)."""

    name: str
    role: str
    via: str
    csrf_token: str | None = None
    session_id: str | None = None

    @property
    def is_editor(self) -> bool:
        return self.role == "editor"


class Throttle:
    """Growing delays after wrong secrets, per key (a client, or a client and a name).

    The first ``limit`` wrong secrets of a key cost nothing; from then on each one makes the key
    wait ``base * 2 ** (n - limit)`` seconds from that failure (n failures so far), at most
    ``cap``. A key's count is forgotten ``window`` seconds after its last failure, or when the
    right secret is given (:meth:`clear`). Keys never share counts, so failures from one client
    never delay another.
    """

    def __init__(self, limit: int = 5, window: float = 900.0, clock=time.monotonic, *, base: float = 1.0,
                 cap: float = 600.0):
        self.limit, self.window, self.clock = limit, window, clock
        self.base, self.cap = base, min(cap, window)
        self._fails: dict[str, tuple[int, float]] = {}  # key -> (failures, time of the last)
        self._lock = threading.Lock()

    def _state(self, key: str, now: float) -> tuple[int, float]:
        count, last = self._fails.get(key, (0, 0.0))
        if count and now - last >= self.window:
            del self._fails[key]
            return 0, 0.0
        return count, last

    def delay(self, failures: int) -> float:
        """Return the wait that ``failures`` wrong secrets in a row earn (0 up to the limit)."""
        if failures < self.limit:
            return 0.0
        return min(self.base * 2.0 ** min(failures - self.limit, 40), self.cap)

    def retry_after(self, key: str) -> float:
        """Return the seconds until ``key`` may try again, 0 when it may try now."""
        with self._lock:
            now = self.clock()
            count, last = self._state(key, now)
            wait = last + self.delay(count) - now
            return max(wait, 0.5) if count >= self.limit and wait > 0 else 0.0

    def fail(self, key: str) -> None:
        """Record one wrong secret from ``key``."""
        with self._lock:
            now = self.clock()
            count, _ = self._state(key, now)
            self._fails[key] = (count + 1, now)
            if len(self._fails) > 100_000:  # bound memory under a flood of client addresses
                for k in list(self._fails)[:50_000]:
                    del self._fails[k]

    def clear(self, key: str) -> None:
        """Forget the failures of ``key`` (the right secret was given)."""
        with self._lock:
            self._fails.pop(key, None)


class Sessions:
    """Issues and reads signed session cookies; logging out revokes the session id."""

    def __init__(self, secret_key: str | bytes, max_age: int = 12 * 3600):
        from itsdangerous import URLSafeTimedSerializer

        self._key = secret_key.encode() if isinstance(secret_key, str) else secret_key
        self._signer = URLSafeTimedSerializer(self._key, salt="factcheck-session")
        self.max_age = max_age
        self._revoked: dict[str, float] = {}
        self._lock = threading.Lock()

    def csrf_for(self, sid: str) -> str:
        """Return the CSRF token of a session: an HMAC of its id under the server key."""
        return hmac.new(self._key, b"csrf:" + sid.encode(), hashlib.sha256).hexdigest()

    def issue(self, name: str, stamp: str | None = None) -> tuple[str, str]:
        """Return a new session's cookie value and its CSRF token; ``stamp`` (the reviewer's
        secret's fingerprint) ties the session to the secret it was opened with."""
        sid = secrets.token_urlsafe(18)
        return self._signer.dumps({"n": name, "s": sid, "k": stamp}), self.csrf_for(sid)

    def read(self, cookie: str | None) -> tuple[str, str, str | None] | None:
        """Return ``(name, session id, secret stamp)`` of a valid, unexpired, unrevoked cookie, else None."""
        if not cookie:
            return None
        from itsdangerous import BadData

        try:
            data = self._signer.loads(cookie, max_age=self.max_age)
        except BadData:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("n"), str) or not isinstance(data.get("s"), str):
            return None
        with self._lock:
            if data["s"] in self._revoked:
                return None
        return data["n"], data["s"], data.get("k")

    def revoke(self, sid: str) -> None:
        """Make a session id unusable (log-out); entries expire with the cookies they revoke."""
        with self._lock:
            now = time.time()
            self._revoked[sid] = now + self.max_age
            if len(self._revoked) > 10_000:
                self._revoked = {k: t for k, t in self._revoked.items() if t > now}


class Authenticator:
    """Checks secrets against the queue with throttling, and reads sessions.

    Wrong secrets are counted twice: per client and name (log-in; ``name_throttle``), so that
    guessing one reviewer's secret slows down after a few tries without delaying the others, and
    per client (log-in and bearer; ``client_throttle``), so that trying many names is capped too.
    Both keys hold the client, so nobody elsewhere can keep a reviewer out by guessing at their
    name: the reviewer's own client is never delayed by failures it did not make. The right
    secret clears the count of its (client, name).
    """

    def __init__(self, queue, sessions: Sessions, name_throttle: Throttle, client_throttle: Throttle):
        self.queue, self.sessions = queue, sessions
        self.name_throttle, self.client_throttle = name_throttle, client_throttle
        # a verified bearer secret is remembered (by its SHA-256, never in clear) so that scripts
        # do not pay the queue's slow password hash on every request, and keep working while
        # their address is throttled for someone else's wrong guesses
        self._bearer_cache: dict[bytes, tuple[str, float]] = {}
        self._cache_ttl = 3600.0
        self._lock = threading.Lock()

    def _keys(self, client: str, name: str | None):
        keys = [(self.client_throttle, client)]
        if name is not None:
            keys.append((self.name_throttle, f"{client}\x00{name}"))
        return keys

    def failed(self, client: str, name: str | None = None) -> None:
        """Count one wrong secret (or a malformed credential) from ``client``."""
        for throttle, key in self._keys(client, name):
            throttle.fail(key)

    def check_secret(self, client: str, secret: str, name: str | None = None):
        """Return the queue's Reviewer for a secret; None when wrong; raise Throttled when locked."""
        wait = max(throttle.retry_after(key) for throttle, key in self._keys(client, name))
        if wait:
            raise Throttled(wait)
        reviewer = None
        if secret and len(secret) <= 1024:
            reviewer = self.queue.authenticate(secret, name)
        if reviewer is None:
            self.failed(client, name)
        elif name is not None:
            self.name_throttle.clear(f"{client}\x00{name}")
        return reviewer

    def bearer(self, client: str, secret: str) -> Identity | None:
        """Return the identity of a bearer secret, or None (the failure is counted)."""
        digest = hashlib.sha256(secret.encode("utf-8", "surrogatepass")).digest()
        now = time.monotonic()
        with self._lock:
            hit = self._bearer_cache.get(digest)
        if hit and hit[1] > now and self.queue.secret_stamp(hit[0]) == hit[2]:
            who = self._reviewer(hit[0])  # the role is read afresh; a removed reviewer is out
            if who is not None:
                return Identity(who.name, who.role, "bearer")
        reviewer = self.check_secret(client, secret)
        if reviewer is None:
            return None
        with self._lock:
            if len(self._bearer_cache) > 10_000:
                self._bearer_cache.clear()
            self._bearer_cache[digest] = (reviewer.name, now + self._cache_ttl, self.queue.secret_stamp(reviewer.name))
        return Identity(reviewer.name, reviewer.role, "bearer")

    def cookie(self, value: str | None) -> Identity | None:
        """Return the identity of a session cookie whose reviewer still exists, else None."""
        found = self.sessions.read(value)
        if found is None:
            return None
        who = self._reviewer(found[0])
        if who is None or self.queue.secret_stamp(who.name) != found[2]:
            return None  # a reviewer given a new secret: sessions of the old one end
        return Identity(who.name, who.role, "cookie", self.sessions.csrf_for(found[1]), found[1])

    def _reviewer(self, name: str):
        from ..errors import NotFoundError

        try:
            return self.queue.reviewer(name)
        except NotFoundError:
            return None


class Throttled(Exception):
    """Too many wrong secrets from this client; ``retry_after`` seconds to wait."""

    def __init__(self, retry_after: float):
        super().__init__(f"too many wrong secrets; try again in {int(retry_after) + 1} s")
        self.retry_after = retry_after


def client_key(scope) -> str:
    """Return the key wrong secrets are counted under: the client's address."""
    client = scope.get("client")
    return client[0] if client else "unknown"


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def safe_next(target: str | None) -> str:
    """Return ``target`` when it is a path on this site, else ``/`` (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target or any(
            ord(ch) < 32 for ch in target):
        return "/"
    return target


class AuthMiddleware:
    """ASGI middleware: security headers on every answer; identity and CSRF before any route.

    Checking here, before routing and body validation, makes the answers depend on who asks
    first: 401 (or a redirect to /login for pages), then 403 for a missing CSRF token, and only
    then 404 or 422. The identity is left in ``scope["state"]["identity"]``.
    """

    def __init__(self, app, authenticator: Authenticator):
        self.app = app
        self.auth = authenticator

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dict(SECURITY_HEADERS)]
                headers.extend(SECURITY_HEADERS)
                if not scope["path"].startswith("/static/"):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        path = scope["path"]
        if is_public(path):
            return await self.app(scope, receive, send_with_headers)

        from starlette.concurrency import run_in_threadpool
        from starlette.datastructures import Headers

        headers = Headers(scope=scope)
        method = scope["method"].upper()
        if method not in SAFE_METHODS:
            # a body too large is refused before it is read into memory (or as soon as it passes the limit)
            length = headers.get("content-length")
            if length is not None:
                if not length.isdigit() or int(length) > MAX_BODY_BYTES:
                    return await _error(scope, send_with_headers, 413,
                                        f"the request is larger than {MAX_BODY_BYTES >> 20} MB")
            else:
                body = await _read_body(receive, MAX_BODY_BYTES)
                if body is None:
                    return await _error(scope, send_with_headers, 413,
                                        f"the request is larger than {MAX_BODY_BYTES >> 20} MB")
                receive = _replay(body, receive)
        identity = None
        authz = headers.get("authorization")
        try:
            if authz is not None:
                scheme, _, secret = authz.partition(" ")
                if scheme.lower() == "bearer" and secret.strip():
                    identity = await run_in_threadpool(self.auth.bearer, client_key(scope), secret.strip())
                else:
                    self.auth.failed(client_key(scope))
            else:
                from starlette.requests import HTTPConnection

                cookie = HTTPConnection(scope).cookies.get(SESSION_COOKIE)
                if cookie:
                    identity = await run_in_threadpool(self.auth.cookie, cookie)
        except Throttled as exc:
            return await _error(scope, send_with_headers, 429, str(exc),
                                extra=[(b"retry-after", str(int(exc.retry_after) + 1).encode())])

        if identity is None:
            if path.startswith("/api/"):
                return await _error(scope, send_with_headers, 401,
                                    "log in first: send Authorization: Bearer SECRET or the session cookie from POST /login",
                                    extra=[(b"www-authenticate", b'Bearer realm="factcheck"')])
            target = path + ("?" + scope["query_string"].decode("latin-1") if scope.get("query_string") else "")
            location = "/login?next=" + quote(safe_next(target), safe="")
            return await _redirect(send_with_headers, location)

        if identity.via == "cookie" and method not in SAFE_METHODS:
            token = headers.get(CSRF_HEADER)
            if not (token and hmac.compare_digest(token, identity.csrf_token or "")):
                ctype = headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype == "application/x-www-form-urlencoded":
                    body = await _read_body(receive)
                    if body is None:
                        return await _error(scope, send_with_headers, 413, "the form is too large")
                    fields = parse_qs(body.decode("utf-8", "replace"))
                    token = (fields.get(CSRF_FIELD) or [None])[0]
                    receive = _replay(body, receive)
                if not (token and hmac.compare_digest(token, identity.csrf_token or "")):
                    return await _error(scope, send_with_headers, 403,
                                        "missing or wrong CSRF token: send the X-CSRF-Token header or the csrf_token form field")

        scope.setdefault("state", {})["identity"] = identity
        return await self.app(scope, receive, send_with_headers)


async def _read_body(receive, limit: int = MAX_FORM_BYTES) -> bytes | None:
    """Return the request's body, or None once it passes ``limit`` bytes."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _error(scope, send, status: int, message: str, extra=()):
    """Send the one error shape: JSON ``{"error": ...}`` for the API, plain text for pages."""
    import json

    if scope["path"].startswith("/api/") or _wants_json(scope):
        body = json.dumps({"error": message}).encode()
        ctype = b"application/json"
    else:
        body = f"<!doctype html><title>Error {status}</title><p>{_html(message)}</p>".encode()
        ctype = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


async def _redirect(send, location: str):
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})


def _wants_json(scope) -> bool:
    for k, v in scope.get("headers", []):
        if k == b"accept":
            return b"application/json" in v and b"text/html" not in v
    return False


def _html(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
