"""Small state every process of a deployment shares, kept in the analytics database.

Behind a load balancer a follow-up question, a Slack retry or a "share" click may reach another
process (or machine) than the one before it. With ``HAKUAPU_DATABASE_URL`` pointing every process
at one PostgreSQL (or one SQLite file on one machine) they find the same rows. Each row is
forgotten ``ttl_s`` after its last write.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Column, Float, MetaData, String, Table, Text, delete, insert, select
from sqlalchemy.exc import IntegrityError


class ExpiringTable:
    """Text values by key in one table, with the time of their last write."""

    def __init__(self, engine, name: str, ttl_s: float):
        self.engine = engine
        self.ttl_s = ttl_s
        self._lock = threading.Lock()  # SQLite allows one writer at a time
        self._t = Table(
            name,
            MetaData(),
            Column("key", String(255), primary_key=True),
            Column("at", Float, index=True),  # time.time() of the last write
            Column("value", Text),
        )
        self._t.metadata.create_all(engine)

    def get(self, key: str) -> str | None:
        """The value, or None when there is none or it expired."""
        with self.engine.connect() as conn:
            row = conn.execute(select(self._t.c.at, self._t.c.value).where(self._t.c.key == key))
            found = row.first()
        if found is None or time.time() - found.at > self.ttl_s:
            return None
        return found.value

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def put(self, key: str, value: str = "") -> None:
        self.update(key, lambda _old: value)

    def update(self, key: str, change: Callable[[str | None], str]) -> None:
        """Write ``change(old value or None)`` in one transaction (appending to a conversation)."""
        now, t = time.time(), self._t
        with self._lock, self.engine.begin() as conn:
            conn.execute(delete(t).where(t.c.at < now - self.ttl_s))
            old = conn.execute(select(t.c.value).where(t.c.key == key)).first()
            conn.execute(delete(t).where(t.c.key == key))
            conn.execute(insert(t).values(key=key, at=now, value=change(old[0] if old else None)))

    def claim(self, *keys: str | None) -> bool:
        """True only for the first caller, in any process, while none of ``keys`` is kept."""
        keys = tuple(k for k in keys if k)
        now, t = time.time(), self._t
        try:
            with self._lock, self.engine.begin() as conn:
                conn.execute(delete(t).where(t.c.at < now - self.ttl_s))
                if conn.execute(select(t.c.key).where(t.c.key.in_(keys))).first():
                    return False
                if keys:
                    conn.execute(insert(t), [{"key": k, "at": now, "value": ""} for k in keys])
        except IntegrityError:  # another process claimed one in the same instant
            return False
        return True
