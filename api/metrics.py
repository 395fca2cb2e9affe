"""Prometheus metrics: requests, latency, answers and refusals, feedback (``GET /metrics``).

Each app gets its own registry, so tests can build several apps in one process. With several
uvicorn workers each process counts for itself; scrape them one by one or run one worker.
"""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CONTENT_TYPE_LATEST", "Metrics", "MetricsMiddleware"]

_SECONDS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "hakuapu_http_requests", "HTTP requests", ["method", "route", "status"], registry=r
        )
        self.latency = Histogram(
            "hakuapu_http_request_duration_seconds",
            "Time from request to the last byte of the response",
            ["route"],
            buckets=_SECONDS,
            registry=r,
        )
        self.answers = Counter(
            "hakuapu_answers", "Answers given", ["channel", "language", "refused"], registry=r
        )
        self.refusals = Counter(
            "hakuapu_refusals",
            "Answers that refused (no evidence, off topic...)",
            ["channel"],
            registry=r,
        )
        self.answer_latency = Histogram(
            "hakuapu_answer_duration_seconds",
            "Time to compute an answer",
            ["channel"],
            buckets=_SECONDS,
            registry=r,
        )
        self.feedback = Counter("hakuapu_feedback", "Feedback votes", ["vote"], registry=r)
        self.rate_limited = Counter("hakuapu_rate_limited", "Requests refused with 429", registry=r)

    def answered(self, language: str, refused: bool, seconds: float, channel: str = "web"):
        self.answers.labels(channel, language, str(refused).lower()).inc()
        if refused:
            self.refusals.labels(channel).inc()
        self.answer_latency.labels(channel).observe(seconds)

    def voted(self, vote: int) -> None:
        self.feedback.labels("up" if vote > 0 else "down").inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


class MetricsMiddleware:
    """Counts every request by route template (not raw path: ids would explode the labels)."""

    def __init__(self, app: ASGIApp, metrics: Metrics, paths: frozenset[str] = frozenset()):
        self.app = app
        self.metrics = metrics
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        except Exception as err:
            status = getattr(err, "status_code", 500)
            raise
        finally:
            route = getattr(scope.get("route"), "path", None)
            if route is None:
                route = scope["path"] if scope["path"] in self.paths else "other"
            self.metrics.requests.labels(scope["method"], route, str(status)).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - started)
