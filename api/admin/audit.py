"""The audit log of admin actions and the version history of documents, in the analytics
database (same SQLAlchemy ``Base`` and engine as ``bot/analytics.py``: SQLite or PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot.analytics import Base


class AuditRow(Base):
    __tablename__ = "admin_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    who: Mapped[str] = mapped_column(String(200))  # token name and client address, or cli:user
    action: Mapped[str] = mapped_column(String(32), index=True)
    target: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(16))  # ok, failed, refused, denied
    detail: Mapped[str] = mapped_column(Text, default="")
    generation: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DocumentVersionRow(Base):
    """Each content hash a document id has had in the index: version 1, 2, ..."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("doc_id", "content_hash"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    generation: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    file_name: Mapped[str] = mapped_column(String(300), default="")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(value: dt.datetime) -> str:
    if value.tzinfo is None:  # SQLite gives naive UTC back
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat(timespec="seconds")


class AuditLog:
    def __init__(self, engine):
        self.engine = engine
        Base.metadata.create_all(engine, tables=[AuditRow.__table__, DocumentVersionRow.__table__])

    def record(
        self,
        who: str,
        action: str,
        target: str = "",
        result: str = "ok",
        detail: str = "",
        generation: int | None = None,
    ) -> int:
        row = AuditRow(
            at=_now(),
            who=who[:200],
            action=action[:32],
            target=target[:4000],
            result=result[:16],
            detail=detail[:8000],
            generation=generation,
        )
        with Session(self.engine) as s:
            s.add(row)
            s.commit()
            return row.id

    def recent(self, limit: int = 100, action: str | None = None) -> list[dict]:
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if action:
            query = query.where(AuditRow.action == action)
        with Session(self.engine) as s:
            return [
                {
                    "id": r.id,
                    "at": _iso(r.at),
                    "who": r.who,
                    "action": r.action,
                    "target": r.target,
                    "result": r.result,
                    "detail": r.detail,
                    "generation": r.generation,
                }
                for r in s.scalars(query)
            ]

    def versions(self, manifest) -> dict[str, dict]:
        """Version number and first ingest time of every live document.

        A content hash not seen before (a new document, a replacement, or a changed calls.yaml
        entry) gets the next version, stamped with the generation that holds it.
        """
        if manifest is None:
            return {}
        created = dt.datetime.fromisoformat(manifest.created_at)
        out: dict[str, dict] = {}
        with Session(self.engine) as s:
            known = {
                (r.doc_id, r.content_hash): r
                for r in s.scalars(
                    select(DocumentVersionRow).where(
                        DocumentVersionRow.doc_id.in_(list(manifest.documents))
                    )
                )
            }
            latest = dict(
                s.execute(
                    select(DocumentVersionRow.doc_id, func.max(DocumentVersionRow.version))
                    .where(DocumentVersionRow.doc_id.in_(list(manifest.documents)))
                    .group_by(DocumentVersionRow.doc_id)
                ).all()
            )
            new_rows = []
            for doc_id, info in manifest.documents.items():
                row = known.get((doc_id, info["content_hash"]))
                if row is None:
                    row = DocumentVersionRow(
                        doc_id=doc_id,
                        content_hash=info["content_hash"],
                        version=int(latest.get(doc_id) or 0) + 1,
                        generation=manifest.generation,
                        ingested_at=created,
                        file_name=str(info.get("source", "")).rsplit("/", 1)[-1][:300],
                    )
                    new_rows.append(row)
                out[doc_id] = row
            if new_rows:
                s.add_all(new_rows)
                try:
                    s.commit()
                except IntegrityError:  # another process recorded them first
                    s.rollback()
                    return self.versions(manifest)
            return {
                doc_id: {
                    "version": r.version,
                    "ingested_at": _iso(r.ingested_at),
                    "generation": r.generation,
                }
                for doc_id, r in out.items()
            }

    def history(self, doc_id: str) -> list[dict]:
        with Session(self.engine) as s:
            rows = s.scalars(
                select(DocumentVersionRow)
                .where(DocumentVersionRow.doc_id == doc_id)
                .order_by(DocumentVersionRow.version)
            )
            return [
                {
                    "version": r.version,
                    "content_hash": r.content_hash,
                    "generation": r.generation,
                    "ingested_at": _iso(r.ingested_at),
                    "file_name": r.file_name,
                }
                for r in rows
            ]
