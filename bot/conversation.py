"""Earlier turns of a conversation, kept for a limited time: in memory, or in the database
every process shares."""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field


@dataclass
class Turn:
    question: str
    search_query: str
    call_id: str | None
    refused: bool


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)
    touched: float = field(default_factory=time.monotonic)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None


class ConversationStore:
    """Thread-safe, expiring, bounded: a conversation idle longer than ``ttl_s`` is forgotten."""

    def __init__(self, ttl_s: float = 1800, max_conversations: int = 10_000, max_turns: int = 10):
        self.ttl_s = ttl_s
        self.max_conversations = max_conversations
        self.max_turns = max_turns
        self._items: OrderedDict[str, Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conversation_id: str) -> Conversation | None:
        with self._lock:
            self._expire()
            conv = self._items.get(conversation_id)
            return conv

    def add(self, conversation_id: str, turn: Turn) -> None:
        with self._lock:
            self._expire()
            conv = self._items.pop(conversation_id, None) or Conversation()
            conv.turns = (conv.turns + [turn])[-self.max_turns :]
            conv.touched = time.monotonic()
            self._items[conversation_id] = conv
            while len(self._items) > self.max_conversations:
                self._items.popitem(last=False)

    def _expire(self) -> None:
        now = time.monotonic()
        while self._items:
            key, conv = next(iter(self._items.items()))
            if now - conv.touched <= self.ttl_s:
                break
            del self._items[key]


class SharedConversationStore:
    """Conversations in the database every process of a deployment shares (``bot/kept.py``):
    the follow-up "entä sen budjetti?" may reach another API process than the question before
    it. Questions are stored redacted, as the analytics store keeps them: the turns only steer
    retrieval."""

    def __init__(self, engine, ttl_s: float = 1800, max_turns: int = 10):
        from bot.kept import ExpiringTable

        self.max_turns = max_turns
        self._table = ExpiringTable(engine, "conversations", ttl_s)

    def get(self, conversation_id: str) -> Conversation | None:
        kept = self._table.get(conversation_id)
        if kept is None:
            return None
        return Conversation(turns=[Turn(**t) for t in json.loads(kept)])

    def add(self, conversation_id: str, turn: Turn) -> None:
        from bot.redact import redact

        stored = {
            "question": redact(turn.question),
            "search_query": redact(turn.search_query),
            "call_id": turn.call_id,
            "refused": turn.refused,
        }

        def append(old: str | None) -> str:
            turns = json.loads(old) if old else []
            return json.dumps((turns + [stored])[-self.max_turns :])

        self._table.update(conversation_id, append)
