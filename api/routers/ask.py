"""POST /api/ask (JSON) and POST /api/ask/stream (server-sent events)."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.dependencies import MetricsDep, ServicesDep, SettingsDep
from api.errors import check_call, check_question
from api.metrics import Metrics
from api.schemas import Answer, AskRequest
from bot.answerer import AnswerRequest
from hakuapu.services import Services
from hakuapu.settings import Settings

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["answers"])

CHANNEL = "web"
KEEPALIVE = ": keep-alive\n\n"

_ERRORS = {
    422: {"description": "Empty or too long question, unknown call id, bad JSON"},
    413: {"description": "Request body too large"},
    429: {"description": "Too many requests (see Retry-After)"},
}


def answer_request(body: AskRequest, services: Services, settings: Settings) -> AnswerRequest:
    question = check_question(body.question, settings.max_question_chars, ("body", "question"))
    check_call(body.call_id, services, ("body", "call_id"))
    return AnswerRequest(
        question,
        conversation_id=body.conversation_id or uuid.uuid4().hex,
        call_id=body.call_id,
        language=body.language,
    )


def record(services: Services, metrics: Metrics, answer: Answer, seconds: float) -> None:
    """Analytics and metrics; a failing database must not cost the asker the answer."""
    metrics.answered(answer.language, answer.refused, seconds, CHANNEL)
    try:
        services.analytics.record_answer(answer, seconds * 1000.0, CHANNEL)
    except Exception:  # noqa: BLE001
        log.exception("could not record answer %s", answer.id)


@router.post("/ask", response_model=Answer, responses=_ERRORS)
def ask(
    body: AskRequest, services: ServicesDep, settings: SettingsDep, metrics: MetricsDep
) -> Answer:
    """The answer with citations, as one JSON object.

    A sync route: FastAPI runs it in a worker thread, so embedding and search never block the
    event loop.
    """
    req = answer_request(body, services, settings)
    started = time.perf_counter()
    answer = services.answerer.answer(req)
    record(services, metrics, answer, time.perf_counter() - started)
    return answer


@router.post(
    "/ask/stream",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "Events `meta` (with `generating`), `delta`* (answer pieces), `reset`, "
            "`citations`, `done` (the whole answer); `error` if answering failed; `: keep-alive` "
            "comments between.",
        },
        **_ERRORS,
    },
)
async def ask_stream(
    body: AskRequest, services: ServicesDep, settings: SettingsDep, metrics: MetricsDep
) -> StreamingResponse:
    """The same answer as server-sent events, so the widget can show it as it arrives."""
    req = await run_in_threadpool(answer_request, body, services, settings)
    events = sse_events(services, metrics, req, settings.sse_keepalive_s)
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def encode(event: dict) -> str:
    data = {k: v for k, v in event.items() if k != "event"}
    return f"event: {event['event']}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def sse_events(
    services: Services, metrics: Metrics, req: AnswerRequest, keepalive_s: float
) -> AsyncIterator[str]:
    """Pull the answerer's sync stream in worker threads; a comment every ``keepalive_s``."""
    started = time.perf_counter()
    stream: Iterator[dict] = services.answerer.stream(req)

    def step() -> dict | None:
        try:
            event = next(stream)
        except StopIteration:
            return None
        if event["event"] == "done":
            answer = Answer.model_validate(event["answer"])
            record(services, metrics, answer, time.perf_counter() - started)
        return event

    task = asyncio.ensure_future(run_in_threadpool(step))
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=keepalive_s)
            if not done:
                yield KEEPALIVE
                continue
            try:
                event = task.result()
            except Exception:  # noqa: BLE001
                log.exception("streamed answer failed")
                yield encode({"event": "error", "detail": "the answer could not be made"})
                return
            if event is None:
                return
            yield encode(event)
            task = asyncio.ensure_future(run_in_threadpool(step))
    finally:
        if not task.done():
            task.cancel()  # the client left; the thread finishes its step and is dropped
