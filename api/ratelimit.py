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
            tokens = self._refilled(self._buckets.get(client), now)
            self._buckets[client] = (tokens - 1.0 if tokens >= 1.0 else tokens, now)
            if len(self._buckets) > _MAX_CLIENTS:
                self._prune(now)
        return self._wait(tokens)

    def waiting(self, client: str) -> float:
        """Seconds until ``client`` may try again (0.0 now), without taking a token."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(client)
        return self._wait(self._refilled(bucket, now))

    def _refilled(self, bucket: tuple[float, float] | None, now: float) -> float:
        """A bucket's tokens (bucket: tokens, time of last update) by ``now``; a new one is full."""
        tokens, last = bucket or (self.capacity, now)
        return min(self.capacity, tokens + max(0.0, now - last) * self.rate)

    def _wait(self, tokens: float) -> float:
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        full = [
            k
            for k, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.rate >= self.capacity
        ]
        for k in full:
            del self._buckets[k]


class SharedRateLimiter(RateLimiter):
    """``RateLimiter`` with its buckets in the database every process shares (``bot/kept.py``).

    For limits that must hold across workers and machines (wrong admin tokens: with N workers an
    in-process limit would allow N times the guesses). A write per ``hit``, so not for the
    per-request limit of the public API.
    """

    def __init__(self, engine, per_minute: int, scope: str):
        from bot.kept import ExpiringTable

        super().__init__(per_minute, clock=time.time)
        self.scope = scope
        # A bucket untouched for a minute is full again, so its row may go then.
        self._table = ExpiringTable(engine, "rate_buckets", 60.0)

    @staticmethod
    def _bucket(value: str | None) -> tuple[float, float] | None:
        if not value:
            return None
        tokens, last = value.split()
        return float(tokens), float(last)

    def hit(self, client: str) -> float:
        now, wait = self.clock(), 0.0

        def take(old: str | None) -> str:
            nonlocal wait
            tokens = self._refilled(self._bucket(old), now)
            wait = self._wait(tokens)
            return f"{tokens - 1.0 if tokens >= 1.0 else tokens} {now}"

        self._table.update(f"{self.scope}:{client}", take)
        return wait

    def waiting(self, client: str) -> float:
        bucket = self._bucket(self._table.get(f"{self.scope}:{client}"))
        return self._wait(self._refilled(bucket, self.clock()))


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
