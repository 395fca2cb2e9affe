"""Per-client rate limit (token bucket) for the endpoints that cost work: 429 with Retry-After.

The client is the connection's address. Behind a reverse proxy, start uvicorn with
``--proxy-headers --forwarded-allow-ips=<proxy>`` so that address is the real client's.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

_MAX_CLIENTS = 10_000  # buckets kept before full ones are dropped


class RateLimiter:
    """``per_minute`` requests per client, refilled evenly, bursts up to ``per_minute``."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic):
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str) -> float:
        """Take one token; 0.0 when allowed, else the seconds until the next token."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[client] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
            if len(self._buckets) > _MAX_CLIENTS:
                self._prune(now)
        return wait

    def waiting(self, client: str) -> float:
        """Seconds until ``client`` may try again (0.0 now), without taking a token."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        full = [
            k
            for k, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.rate >= self.capacity
        ]
        for k in full:
            del self._buckets[k]


class SharedRateLimiter:
    """``RateLimiter`` with its buckets in a database table every process shares.

    For limits that must hold across workers and machines (wrong admin tokens: with N workers an
    in-process limit would allow N times the guesses). A write per ``hit``, so not for the
    per-request limit of the public API.
    """

    def __init__(self, engine, per_minute: int, scope: str):
        from sqlalchemy import Column, Float, MetaData, String, Table

        self.engine = engine
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.scope = scope
        self._lock = threading.Lock()  # SQLite allows one writer at a time
        self._t = Table(
            "rate_limits",
            MetaData(),
            Column("key", String(255), primary_key=True),  # scope:client
            Column("tokens", Float),
            Column("last", Float),  # time.time() of the last update
        )
        self._t.metadata.create_all(engine)

    def _tokens(self, conn, key: str, now: float) -> float:
        from sqlalchemy import select

        row = conn.execute(select(self._t.c.tokens, self._t.c.last).where(self._t.c.key == key))
        found = row.first()
        if found is None:
            return self.capacity
        return min(self.capacity, found.tokens + max(0.0, now - found.last) * self.rate)

    def hit(self, client: str) -> float:
        from sqlalchemy import delete, insert

        key, now = f"{self.scope}:{client}", time.time()
        with self._lock, self.engine.begin() as conn:
            tokens = self._tokens(conn, key, now)
            wait = 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate
            left = tokens - 1.0 if tokens >= 1.0 else tokens
            conn.execute(delete(self._t).where(self._t.c.key == key))
            conn.execute(insert(self._t).values(key=key, tokens=left, last=now))
        return wait

    def waiting(self, client: str) -> float:
        with self.engine.connect() as conn:
            tokens = self._tokens(conn, f"{self.scope}:{client}", time.time())
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate


class RateLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        limiter: RateLimiter,
        prefixes: tuple[str, ...],
        on_limit: Callable[[], None] | None = None,
    ):
        self.app = app
        self.limiter = limiter
        self.prefixes = prefixes
        self.on_limit = on_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] != "OPTIONS"  # CORS preflights cost nothing
            and scope["path"].startswith(self.prefixes)
        ):
            client = scope.get("client")
            wait = self.limiter.hit(client[0] if client else "unknown")
            if wait > 0:
                if self.on_limit:
                    self.on_limit()
                seconds = max(1, math.ceil(wait))
                response = JSONResponse(
                    {"detail": f"too many requests; try again in {seconds} s"},
                    status_code=429,
                    headers={"Retry-After": str(seconds)},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
