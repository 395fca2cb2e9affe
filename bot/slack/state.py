"""The bot's small in-memory state: events already handled, threads it is in, recent answers.

All bounded and thread-safe (Bolt runs listeners on a thread pool). Lost on restart, like the
answering module's conversations, which is what follow-ups depend on anyway.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

V = TypeVar("V")


class Seen:
    """Keys seen within ``ttl_s``; ``claim`` is true only for the first caller."""

    def __init__(self, ttl_s: float, max_items: int):
        self.ttl_s = ttl_s
        self.max_items = max_items
        self._items: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def claim(self, *keys: str | None) -> bool:
        keys = tuple(k for k in keys if k)
        now = time.monotonic()
        with self._lock:
            while self._items:
                key, at = next(iter(self._items.items()))
                if now - at <= self.ttl_s and len(self._items) <= self.max_items:
                    break
                del self._items[key]
            if any(k in self._items for k in keys):
                return False
            for k in keys:
                self._items[k] = now
            return True

    def mark(self, key: str) -> None:
        """Remember ``key`` from now on (refreshes its time)."""
        with self._lock:
            self._items.pop(key, None)
            self._items[key] = time.monotonic()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            at = self._items.get(key)
            return at is not None and time.monotonic() - at <= self.ttl_s


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
