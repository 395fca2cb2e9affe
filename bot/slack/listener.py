"""Receiving from Slack: the Bolt app, its wiring to our services, and the three ways to run it.

- mounted into the FastAPI app at ``/slack/events`` (``mount``);
- on its own port (``hakuapu slack``: a small FastAPI app under uvicorn, same endpoint);
- Socket Mode with the app-level token (no public URL needed).

Events are acknowledged at once (Bolt answers 200 before the listener runs on its thread pool);
commands and buttons call ``ack()`` first and do the work after it, so Slack's 3 seconds are
never at stake. Deciding what to do lives in ``handlers/``, rendering in ``blocks.py``.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator

from fastapi import Request
from slack_bolt import App, BoltResponse
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from starlette.concurrency import run_in_threadpool

from bot.kept import ExpiringTable
from bot.models import Answer
from bot.slack.config import (
    ANSWERS_TTL_S,
    DEFAULT_PORT,
    EVENTS_PATH,
    SEEN_TTL_S,
    WORKERS,
    SlackConfig,
)
from bot.slack.state import SharedAnswers, TrackingExecutor

log = logging.getLogger(__name__)

THREAD_TTL_S = 24 * 3600  # how long the bot keeps following a thread it answered in


class SlackBot:
    """The Bolt app plus what its handlers share: services, config and bounded in-memory state."""

    def __init__(self, services, config: SlackConfig | None = None, *, verify_token: bool = False):
        from bot.slack import handlers

        self.services = services
        self.config = config or SlackConfig.from_settings(services.settings)
        cfg = self.config
        self.executor = TrackingExecutor(WORKERS)
        self.client = WebClient(token=cfg.bot_token or None, base_url=cfg.api_url)
        # Slack answers 429 with Retry-After when a method is called too often (a draft edited
        # sentence by sentence is the most calls the bot makes): wait and retry, twice at most.
        self.client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
        self.app = App(
            name="hakuapu",
            signing_secret=cfg.signing_secret,
            client=self.client,
            # auth.test at construction only when asked (the CLI): the API must start even when
            # Slack is unreachable; Bolt calls auth.test on the first request anyway.
            token_verification_enabled=verify_token,
            listener_executor=self.executor,
        )
        # Shared by every bot process using the same database (a retry may reach another one).
        engine = services.analytics.engine
        self.seen = ExpiringTable(engine, "slack_seen", SEEN_TTL_S)  # events, messages, votes
        # "channel:thread_ts" the bot answered in
        self.threads = ExpiringTable(engine, "slack_threads", THREAD_TTL_S)
        self.answers = SharedAnswers(engine, ANSWERS_TTL_S)  # for "share in channel"
        self.app.middleware(self._drop_repeats)
        handlers.register(self)
        # The language detector loads its models on first use holding the GIL (~1.5 s), which
        # would delay the first ack; load it now, off the request path.
        self.executor.submit(_load_language_detector)

    # ---- shared by the handlers -------------------------------------------------------------
    def _drop_repeats(self, body, request, next):
        """A retried event (X-Slack-Retry-Num) has the same event_id: answer it once only."""
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not self.seen.claim(f"event:{event_id}"):
            retry = (request.headers.get("x-slack-retry-num") or ["-"])[0]
            log.info("slack: event %s already handled (retry %s); dropped", event_id, retry)
            return BoltResponse(status=200, body="", headers={"x-slack-no-retry": "1"})
        return next()

    def answer(self, question: str, *, conversation_id: str | None = None, call_id=None) -> Answer:
        """The same answering module as the web API; every answer recorded as channel "slack"."""
        from bot.answerer import AnswerRequest

        started = time.perf_counter()
        answer = self.services.answerer.answer(
            AnswerRequest(question, conversation_id=conversation_id, call_id=call_id)
        )
        self._keep(answer, started)
        return answer

    @property
    def generates(self) -> bool:
        """An LLM writes the answers: they take seconds, so they are shown as they are written."""
        return self.services.answerer.generator is not None

    def stream(self, question: str, *, conversation_id: str | None = None) -> Iterator[dict]:
        """``answer`` as the answerer's events (meta, delta, reset, citations, done); the finished
        answer is recorded and kept like ``answer``'s."""
        from bot.answerer import AnswerRequest

        started = time.perf_counter()
        req = AnswerRequest(question, conversation_id=conversation_id)
        for event in self.services.answerer.stream(req):
            if event["event"] == "done":
                self._keep(Answer.model_validate(event["answer"]), started)
            yield event

    def _keep(self, answer: Answer, started: float) -> None:
        latency_ms = (time.perf_counter() - started) * 1000
        try:
            self.services.analytics.record_answer(answer, latency_ms, channel="slack")
        except Exception:  # noqa: BLE001 - a failing analytics database must not hide the answer
            log.exception("slack: could not record answer %s", answer.id)
        self.answers.put(answer)

    def call(self, call_id: str | None):
        calls = self.services.calls()
        return calls.call(call_id) if (calls is not None and call_id) else None

    def warm_up(self) -> None:
        """Load the model and open the index before the first question (``hakuapu slack``)."""
        try:
            self.services.retriever().search("haku", k=1)
        except Exception as err:  # noqa: BLE001 - no index yet is fine; answers will say so
            log.warning("slack: warm-up search failed: %s", err)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait for answers still being written (shutdown, tests)."""
        return self.executor.wait_idle(timeout)

    def close(self, timeout: float = 30.0) -> None:
        self.wait_idle(timeout)
        self.executor.shutdown(wait=False, cancel_futures=True)


def _load_language_detector() -> None:
    from ingest.language import detect_language

    detect_language("Kuka voi hakea rahoitusta tähän hakuun ja mihin mennessä se päättyy?")


# ---- ways to run it ---------------------------------------------------------------------------
def mount(app, services, *, bot: SlackBot | None = None, path: str = EVENTS_PATH) -> SlackBot:
    """Serve events, slash commands and interactivity at ``path`` of a FastAPI app.

    Requests are checked against the signing secret (401 otherwise): it and the bot token are
    required here.
    """
    config = bot.config if bot else SlackConfig.from_settings(services.settings)
    config.check("http")  # a clear error at start, not a half-working endpoint
    bot = bot or SlackBot(services, config)

    async def slack_events(request: Request):
        body = await request.body()
        # Bolt blocks until ack() (at most 3 s for commands): keep it off the event loop.
        bolt_response = await run_in_threadpool(bot.app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    app.add_api_route(path, slack_events, methods=["POST"], include_in_schema=False)
    app.state.slack = bot
    return bot


def http_app(bot: SlackBot):
    """The bot alone on its own port: ``/slack/events`` and ``/health``."""
    from contextlib import asynccontextmanager

    from fastapi import FastAPI

    @asynccontextmanager
    async def lifespan(app):
        yield
        bot.close()

    app = FastAPI(title="Hakuapu Slack bot", lifespan=lifespan, docs_url=None, redoc_url=None)

    @app.get("/health")
    def health() -> dict:
        return {"ok": True, "mode": "http"}

    mount(app, bot.services, bot=bot)
    return app


def runner(bot: SlackBot, host: str = "127.0.0.1", port: int = DEFAULT_PORT, log_level="info"):
    """What serves the bot, as the settings say: a SocketModeHandler or a uvicorn Server."""
    mode = bot.config.mode
    bot.config.check(mode)
    if mode == "socket":
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        return SocketModeHandler(bot.app, bot.config.app_token)
    import uvicorn

    return uvicorn.Server(uvicorn.Config(http_app(bot), host=host, port=port, log_level=log_level))


def serve(services, host="127.0.0.1", port: int = DEFAULT_PORT, verbose: bool = False) -> None:
    """``hakuapu slack``: check the token with Slack (auth.test), then serve until interrupted."""
    config = SlackConfig.from_settings(services.settings)
    config.check()
    bot = SlackBot(services, config, verify_token=True)
    bot.warm_up()
    run = runner(bot, host, port, log_level="info" if verbose else "warning")
    if hasattr(run, "start"):  # Socket Mode
        print("Hakuapu Slack bot: Socket Mode", file=sys.stderr)
        try:
            run.start()
        finally:
            bot.close()
    else:
        print(f"Hakuapu Slack bot: http://{host}:{port}{EVENTS_PATH}", file=sys.stderr)
        run.run()
