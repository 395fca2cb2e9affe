"""``create_app(settings)``: the one place where the web API is wired together.

Tests call ``create_app(Settings(...))``; ``hakuapu serve`` runs ``create_app()`` under uvicorn.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware

from api.metrics import Metrics, MetricsMiddleware
from api.ratelimit import RateLimiter, RateLimitMiddleware
from api.routers import ask, calls, documents, feedback, health, search, widget
from hakuapu.services import Services
from hakuapu.settings import Settings

log = logging.getLogger(__name__)

# Endpoints that cost work (embedding, search, a database write) are rate limited.
LIMITED = ("/api/ask", "/api/search", "/api/feedback")
ROUTERS = (ask, search, calls, documents, feedback, health, widget)


def _version() -> str:
    try:
        return version("hakuapu")
    except PackageNotFoundError:
        return "0"


def _warm_up(services: Services) -> None:
    """Load the model and open the index before the first question, not during it."""
    try:
        services.retriever().search("haku", k=1)
    except Exception as err:  # noqa: BLE001 - no index yet is fine; /health says so
        log.warning("warm-up search failed: %s", err)


def create_app(settings: Settings | None = None, *, services: Services | None = None) -> FastAPI:
    """Build the app. ``services`` reuses components already built (same index and model);
    the API's own options (origins, limits, keep-alive) still come from ``settings``."""
    if services is None:
        services = Services(settings or Settings())
    settings = settings or services.settings
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(_warm_up, services)
        yield

    app = FastAPI(
        title="Hakuapu API",
        version=_version(),
        description="Answers about Finnish ESF+ funding calls, with citations to the documents.",
        lifespan=lifespan,
        max_body_size=settings.max_request_bytes,
    )
    app.state.services = services
    app.state.settings = settings
    app.state.metrics = metrics

    for module in (ask, search, calls, documents, feedback, health, widget):
        app.include_router(module.router)
    from api.admin import mount as mount_admin  # /api/admin, /admin page, retention schedule

    mount_admin(app, services)

    # ---- Slack bot: bot/slack mounts its endpoint (/slack/events) here -----------------------
    if getattr(settings, "slack_signing_secret", ""):
        from bot.slack import mount  # optional door, imported only when configured

        mount(app, services)
    # -------------------------------------------------------------------------------------------

    # Middleware, innermost first: rate limit, then CORS (so a 429 is readable cross-origin),
    # then metrics around everything.
    if settings.rate_limit_per_minute > 0:
        app.add_middleware(
            RateLimitMiddleware,
            limiter=RateLimiter(settings.rate_limit_per_minute),
            prefixes=LIMITED,
            on_limit=metrics.rate_limited.inc,
        )
    # An empty allowlist refuses every cross-origin request (preflights get 400, no
    # Access-Control-Allow-Origin anywhere); "*" is rejected by Settings.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        expose_headers=["Retry-After"],
        max_age=600,
    )
    # Route templates, so a request refused before routing (429) is still counted by its route.
    paths = frozenset(r.path for m in ROUTERS for r in m.router.routes)
    app.add_middleware(MetricsMiddleware, metrics=metrics, paths=paths)
    return app
