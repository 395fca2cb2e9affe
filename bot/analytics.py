"""Questions, answers and feedback in a database (SQLAlchemy: SQLite by default, PostgreSQL by URL).

Every question is redacted (e-mail, phone, henkilötunnus) before it is stored. The web widget and
the Slack bot write to the same store, so feedback from both lands on the same answer ids.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    func,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from bot.models import Answer
from bot.redact import redact


class Base(DeclarativeBase):
    pass


class AnswerRow(Base):
    __tablename__ = "answers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    question: Mapped[str] = mapped_column(Text)  # redacted
    language: Mapped[str] = mapped_column(String(8))
    refused: Mapped[bool] = mapped_column(Boolean, index=True)
    latency_ms: Mapped[float] = mapped_column(Float)
    call_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    citations: Mapped[str] = mapped_column(Text)  # JSON list of {document_id, page}
    channel: Mapped[str] = mapped_column(String(16))


class FeedbackRow(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[str] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    vote: Mapped[int] = mapped_column(Integer)  # +1 / -1
    comment: Mapped[str] = mapped_column(Text, default="")  # redacted
    channel: Mapped[str] = mapped_column(String(16))


class UnknownAnswer(LookupError):
    pass


@dataclass
class FeedbackResult:
    answer_id: str
    vote: int
    total_up: int
    total_down: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def database_url(data_dir: Path, url: str = "") -> str:
    if url:
        return url
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(data_dir / 'hakuapu.db').resolve()}"


class AnalyticsStore:
    def __init__(self, url: str):
        kwargs = {"connect_args": {"check_same_thread": False}} if url.startswith("sqlite") else {}
        self.engine = create_engine(url, pool_pre_ping=True, **kwargs)
        Base.metadata.create_all(self.engine)
        self._lock = threading.Lock()  # SQLite allows one writer at a time

    def record_answer(self, answer: Answer, latency_ms: float, channel: str = "web") -> None:
        cites = [{"document_id": c.document_id, "page": c.page} for c in answer.citations]
        row = AnswerRow(
            id=answer.id,
            created_at=_now(),
            question=redact(answer.question)[:4000],
            language=answer.language,
            refused=answer.refused,
            latency_ms=latency_ms,
            call_id=answer.call_id,
            citations=json.dumps(cites),
            channel=channel,
        )
        with self._lock, Session(self.engine) as s:
            s.merge(row)
            s.commit()

    def add_feedback(self, answer_id: str, vote: int, comment: str = "", channel: str = "web"):
        if vote not in (1, -1):
            raise ValueError("vote must be 1 or -1")
        with self._lock, Session(self.engine) as s:
            if s.get(AnswerRow, answer_id) is None:
                raise UnknownAnswer(answer_id)
            s.add(
                FeedbackRow(
                    answer_id=answer_id,
                    created_at=_now(),
                    vote=vote,
                    comment=redact(comment or "")[:2000],
                    channel=channel,
                )
            )
            s.commit()
            up = s.scalar(
                select(func.count()).where(
                    FeedbackRow.answer_id == answer_id, FeedbackRow.vote == 1
                )
            )
            down = s.scalar(
                select(func.count()).where(
                    FeedbackRow.answer_id == answer_id, FeedbackRow.vote == -1
                )
            )
        return FeedbackResult(answer_id, vote, int(up or 0), int(down or 0))

    def feedback_for(self, answer_id: str) -> list[dict]:
        with Session(self.engine) as s:
            rows = s.scalars(select(FeedbackRow).where(FeedbackRow.answer_id == answer_id)).all()
            return [{"vote": r.vote, "comment": r.comment, "channel": r.channel} for r in rows]

    def answer_row(self, answer_id: str) -> dict | None:
        with Session(self.engine) as s:
            r = s.get(AnswerRow, answer_id)
            if r is None:
                return None
            return {
                "id": r.id,
                "question": r.question,
                "language": r.language,
                "refused": r.refused,
                "latency_ms": r.latency_ms,
                "call_id": r.call_id,
                "citations": json.loads(r.citations),
                "channel": r.channel,
                "created_at": r.created_at.isoformat(),
            }

    def counts(self) -> dict[str, int]:
        with Session(self.engine) as s:
            return {
                "answers": int(s.scalar(select(func.count()).select_from(AnswerRow)) or 0),
                "refused": int(s.scalar(select(func.count()).where(AnswerRow.refused)) or 0),
                "feedback_up": int(
                    s.scalar(select(func.count()).where(FeedbackRow.vote == 1)) or 0
                ),
                "feedback_down": int(
                    s.scalar(select(func.count()).where(FeedbackRow.vote == -1)) or 0
                ),
            }

    def purge(self, older_than_days: int) -> int:
        """Retention: delete questions (and their feedback) older than N days."""
        cutoff = _now() - dt.timedelta(days=older_than_days)
        with self._lock, Session(self.engine) as s:
            old = select(AnswerRow.id).where(AnswerRow.created_at < cutoff)
            s.execute(delete(FeedbackRow).where(FeedbackRow.answer_id.in_(old)))
            n = s.execute(delete(AnswerRow).where(AnswerRow.created_at < cutoff)).rowcount
            s.commit()
        return int(n or 0)
