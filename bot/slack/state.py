"""The bot's small state: answers kept for "share", and the listener pool.

Events already handled and threads the bot is in are ``bot.kept.ExpiringTable`` rows, like the
answering module's conversations: Slack retries an event it got no quick answer for, and with
several bot processes behind a load balancer the retry (or a "share" click) may reach another one,
which must know the event was answered (or find the answer to share).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from bot.kept import ExpiringTable
from bot.models import Answer


class SharedAnswers:
    """Answers kept for "share in channel" (``bot/kept.py``): the click may reach another process
    than the one that answered. The question is kept redacted."""

    def __init__(self, engine, ttl_s: float):
        self._table = ExpiringTable(engine, "slack_answers", ttl_s)

    def put(self, answer: Answer) -> None:
        from bot.redact import redact

        kept = answer.model_copy(update={"question": redact(answer.question)})
        self._table.put(answer.id, kept.model_dump_json())

    def get(self, answer_id: str) -> Answer | None:
        kept = self._table.get(answer_id)
        return Answer.model_validate_json(kept) if kept else None


class TrackingExecutor(ThreadPoolExecutor):
    """Bolt's listener pool, counting work in flight so shutdown (and tests) can wait for it."""

    def __init__(self, max_workers: int):
        super().__init__(max_workers=max_workers, thread_name_prefix="hakuapu-slack")
        self._pending = 0
        self._idle = threading.Condition()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        with self._idle:
            self._pending += 1
        try:
            future = super().submit(fn, *args, **kwargs)
        except BaseException:
            self._done(None)
            raise
        future.add_done_callback(self._done)
        return future

    def _done(self, _future) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    @property
    def pending(self) -> int:
        with self._idle:
            return self._pending

    def wait_idle(self, timeout: float | None = None) -> bool:
        """True when nothing is in flight (work started by work in flight included)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)
