"""Who may use the admin door: bearer tokens for the API, a signed cookie for the page.

No token configured means the admin door is off (404 with a message), never open. Tokens are
compared in constant time, and an address that sends too many wrong ones gets 429 for a while
(``HAKUAPU_ADMIN_FAILURES_PER_MINUTE``, counted across every process sharing the database). The
audit log names the token ("admin", or the name given in ``HAKUAPU_ADMIN_TOKENS``) and the client
address, never the token itself.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.ratelimit import SharedRateLimiter
from hakuapu.settings import Settings

OFF = (
    "the admin API is off: set HAKUAPU_ADMIN_TOKEN on the server to turn it on "
    "(README, section Admin)"
)
COOKIE = "hakuapu_admin"
SESSION_S = 12 * 3600


@dataclass(frozen=True)
class Admin:
    name: str  # the token's name
    client: str  # address the request came from

    @property
    def who(self) -> str:
        return f"{self.name}@{self.client}"


def tokens(settings: Settings) -> dict[str, str]:
    """Token name -> token, for every configured token."""
    out: dict[str, str] = {}
    if settings.admin_token.strip():
        out["admin"] = settings.admin_token.strip()
    for item in settings.admin_tokens:
        name, sep, token = item.partition("=")
        if sep and name.strip() and token.strip():
            out[name.strip()] = token.strip()
    return out


def identify(settings: Settings, presented: str) -> str | None:
    """The name of the token presented, or None."""
    found = None
    for name, token in tokens(settings).items():  # no early exit: same time for every name
        if hmac.compare_digest(presented.encode(), token.encode()):
            found = name
    return found


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _failures(request: Request) -> SharedRateLimiter | None:
    """Failed sign-ins per client address (None: no limit), counted in the analytics database,
    so that several workers or machines sharing it allow no more guesses than one."""
    limiter = getattr(request.app.state, "admin_failures", None)
    if limiter is None:
        per_minute = request.app.state.settings.admin_failures_per_minute
        if per_minute <= 0:
            return None
        engine = request.app.state.services.analytics.engine
        limiter = SharedRateLimiter(engine, per_minute, scope="admin-failures")
        request.app.state.admin_failures = limiter
    return limiter


def locked_out(request: Request) -> int:
    """Seconds this client must wait after too many wrong tokens (0: it may try)."""
    limiter = _failures(request)
    wait = limiter.waiting(client_of(request)) if limiter else 0.0
    return math.ceil(wait)


def count_failure(request: Request) -> None:
    limiter = _failures(request)
    if limiter is not None:
        limiter.hit(client_of(request))


def too_many(wait: int) -> HTTPException:
    return HTTPException(
        429,
        f"too many wrong admin tokens from this address; try again in {wait} s",
        headers={"Retry-After": str(wait)},
    )


# Parses the header and puts an "Authorize" button for the token on /docs; checked below.
_bearer = HTTPBearer(auto_error=False, description="HAKUAPU_ADMIN_TOKEN")


def require_admin(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Admin:
    """FastAPI dependency for every /api/admin endpoint."""
    settings: Settings = request.app.state.settings
    if not tokens(settings):
        raise HTTPException(404, OFF)
    if wait := locked_out(request):  # checked before the token: guessing gains nothing
        raise too_many(wait)
    value = credentials.credentials.strip() if credentials else ""
    name = identify(settings, value) if value else None
    if name is None:
        if value:
            count_failure(request)
        admin = getattr(request.app.state, "admin", None)
        if admin is not None:
            admin.audit.record(
                client_of(request),
                "auth",
                f"{request.method} {request.url.path}",
                "denied",
                "no bearer token" if not value else "wrong token",
            )
        raise HTTPException(
            401,
            "admin token missing or wrong: send Authorization: Bearer <HAKUAPU_ADMIN_TOKEN>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Admin(name, client_of(request))


AdminDep = Annotated[Admin, Depends(require_admin)]


# ---- the page's session cookie and form tokens ------------------------------------------------
def _mac(token: str, message: str) -> str:
    return hmac.new(token.encode(), message.encode(), hashlib.sha256).hexdigest()


def make_session(settings: Settings, name: str, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    return f"{name}|{issued}|{_mac(tokens(settings)[name], f'session|{name}|{issued}')}"


def read_session(settings: Settings, cookie: str | None) -> str | None:
    """The token name a valid, unexpired session cookie stands for."""
    if not cookie or cookie.count("|") != 2:
        return None
    name, issued, mac = cookie.split("|")
    token = tokens(settings).get(name)
    if token is None or not issued.isdigit() or time.time() - int(issued) > SESSION_S:
        return None
    if not hmac.compare_digest(mac, _mac(token, f"session|{name}|{issued}")):
        return None
    return name


def form_token(settings: Settings, cookie: str) -> str:
    """A per-session token every form posts back (cross-site forms cannot know it)."""
    name = cookie.split("|", 1)[0]
    return _mac(tokens(settings).get(name, ""), f"form|{cookie}")[:32]
