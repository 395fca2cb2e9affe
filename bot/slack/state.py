"""The bot's small state: events already handled, threads it is in, recent answers.

All thread-safe (Bolt runs listeners on a thread pool) and kept in the analytics database, like
the answering module's conversations: Slack retries an event it got no quick answer for, and with
several bot processes behind a load balancer the retry (or a "share" click) may reach another one,
which must know the event was answered (or find the answer to share).
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from bot.models import Answer


class SharedSeen:
    """Keys seen within ``ttl_s``, in a database table every process shares; ``claim`` is true
    only for the first caller, in any process."""

    def __init__(self, engine, ttl_s: float, table: str = "slack_seen"):
        from sqlalchemy import Column, Float, MetaData, String, Table

        self.engine = engine
        self.ttl_s = ttl_s
        self._lock = threading.Lock()  # SQLite allows one writer at a time
        self._t = Table(
            table,
            MetaData(),
            Column("key", String(255), primary_key=True),
            Column("at", Float, index=True),  # time.time() when claimed or marked
        )
        self._t.metadata.create_all(engine)

    def claim(self, *keys: str | None) -> bool:
        from sqlalchemy import delete, insert, select
        from sqlalchemy.exc import IntegrityError

        keys = tuple(k for k in keys if k)
        now, t = time.time(), self._t
        try:
            with self._lock, self.engine.begin() as conn:
                conn.execute(delete(t).where(t.c.at < now - self.ttl_s))
                if conn.execute(select(t.c.key).where(t.c.key.in_(keys))).first():
                    return False
                if keys:
                    conn.execute(insert(t), [{"key": k, "at": now} for k in keys])
        except IntegrityError:  # another process claimed it in the same instant
            return False
        return True

    def mark(self, key: str) -> None:
        from sqlalchemy import delete, insert

        with self._lock, self.engine.begin() as conn:
            conn.execute(delete(self._t).where(self._t.c.key == key))
            conn.execute(insert(self._t).values(key=key, at=time.time()))

    def __contains__(self, key: str) -> bool:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(select(self._t.c.at).where(self._t.c.key == key)).first()
        return row is not None and time.time() - row.at <= self.ttl_s


class SharedAnswers:
    """Answers kept for "share in channel", in a table every bot process shares: the click may
    reach another process than the one that answered. The question is kept redacted."""

    def __init__(self, engine, ttl_s: float):
        from sqlalchemy import Column, Float, MetaData, String, Table, Text

        self.engine = engine
        self.ttl_s = ttl_s
        self._lock = threading.Lock()  # SQLite allows one writer at a time
        self._t = Table(
            "slack_answers",
            MetaData(),
            Column("id", String(64), primary_key=True),
            Column("at", Float, index=True),
            Column("answer", Text),  # Answer as JSON
        )
        self._t.metadata.create_all(engine)

    def put(self, answer: Answer) -> None:
        from sqlalchemy import delete, insert

        from bot.redact import redact

        kept = answer.model_copy(update={"question": redact(answer.question)})
        now, t = time.time(), self._t
        with self._lock, self.engine.begin() as conn:
            conn.execute(delete(t).where((t.c.at < now - self.ttl_s) | (t.c.id == answer.id)))
            conn.execute(insert(t).values(id=answer.id, at=now, answer=kept.model_dump_json()))

    def get(self, answer_id: str) -> Answer | None:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(
                select(self._t.c.at, self._t.c.answer).where(self._t.c.id == answer_id)
            ).first()
        if row is None or time.time() - row.at > self.ttl_s:
            return None
        return Answer.model_validate_json(row.answer)


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
