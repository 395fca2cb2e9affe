"""Earlier turns of a conversation, kept for a limited time in the database every process
shares."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class Turn:
    question: str
    search_query: str
    call_id: str | None
    refused: bool
    # The contact person the answer named first, whom "Vilket telefonnummer har han?" means.
    person: str | None = None


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None


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
            "person": turn.person,
        }

        def append(old: str | None) -> str:
            turns = json.loads(old) if old else []
            return json.dumps((turns + [stored])[-self.max_turns :])

        self._table.update(conversation_id, append)
