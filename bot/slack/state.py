"""The bot's small state: events already handled, threads it is in, recent answers.

All bounded and thread-safe (Bolt runs listeners on a thread pool). Events and threads are kept
in the analytics database (``SharedSeen``), like the answering module's conversations: Slack
retries an event it got no quick answer for, and with several bot processes behind a load balancer
the retry may reach another one, which must know the event was answered. Recent answers (for
"share in channel") stay in memory.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

V = TypeVar("V")


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


class Recent(Generic[V]):
    """The last ``max_items`` values by key."""

    def __init__(self, max_items: int):
        self.max_items = max_items
        self._items: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, key: str, value: V) -> None:
        with self._lock:
            self._items.pop(key, None)
            self._items[key] = value
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)

    def get(self, key: str) -> V | None:
        with self._lock:
            return self._items.get(key)


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
