"""Analytics reports for staff: what is asked, what is refused, what the feedback says.

Everything is read from the analytics tables (``bot/analytics.py``); questions there are already
redacted. Unanswered questions are grouped by meaning: each one is embedded with the query model
and joins the first group whose leading question is at least ``report_group_similarity`` alike
(cosine), so "Milloin haku päättyy?" and "Mihin mennessä hakemus pitää jättää?" count together.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections import Counter, defaultdict
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.analytics import AnswerRow, FeedbackRow
from hakuapu.services import Services

_MAX_REFUSED = 5000  # newest refused questions grouped per report


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip("?!. ").casefold()


class Reports:
    def __init__(self, services: Services):
        self.services = services
        self.engine = services.analytics.engine
        self._vectors: dict[str, np.ndarray] = {}  # question -> embedding (the model is fixed)
        self._lock = threading.Lock()

    def _since(self, days: int) -> dt.datetime:
        return dt.datetime.now(dt.UTC) - dt.timedelta(days=max(1, days))

    # ---- questions per day and refusal rate ---------------------------------------------
    def questions_per_day(self, days: int = 30) -> list[dict[str, Any]]:
        since = self._since(days)
        per_day: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        with Session(self.engine) as s:
            rows = s.execute(
                select(AnswerRow.created_at, AnswerRow.refused).where(AnswerRow.created_at >= since)
            )
            for created, refused in rows:
                day = per_day[_utc(created).date().isoformat()]
                day[0] += 1
                day[1] += int(bool(refused))
        return [
            {
                "day": day,
                "questions": n,
                "refused": r,
                "refusal_rate": round(r / n, 3) if n else 0.0,
            }
            for day, (n, r) in sorted(per_day.items())
        ]

    def refusal_rate(self, days: int = 30) -> dict[str, Any]:
        per_day = self.questions_per_day(days)
        n = sum(d["questions"] for d in per_day)
        r = sum(d["refused"] for d in per_day)
        return {"questions": n, "refused": r, "refusal_rate": round(r / n, 3) if n else 0.0}

    # ---- unanswered questions, grouped by meaning ------------------------------------------
    def unanswered(
        self, days: int = 30, limit: int = 20, threshold: float | None = None
    ) -> list[dict[str, Any]]:
        threshold = (
            self.services.settings.report_group_similarity if threshold is None else threshold
        )
        with Session(self.engine) as s:
            rows = s.execute(
                select(AnswerRow.question, AnswerRow.language, AnswerRow.created_at)
                .where(AnswerRow.refused, AnswerRow.created_at >= self._since(days))
                .order_by(AnswerRow.created_at.desc())
                .limit(_MAX_REFUSED)
            ).all()
        # Same words first (cheap), then meaning.
        same: dict[str, dict[str, Any]] = {}
        for question, language, created in rows:
            key = _normal(question)
            if not key:
                continue
            g = same.setdefault(
                key,
                {"text": question.strip(), "count": 0, "languages": Counter(), "last": None},
            )
            g["count"] += 1
            g["languages"][language] += 1
            g["last"] = max(g["last"] or _utc(created), _utc(created))
        distinct = sorted(same.values(), key=lambda g: (-g["count"], -g["last"].timestamp()))
        if not distinct:
            return []
        vectors = self._embed([g["text"] for g in distinct])
        leaders: list[int] = []
        members: dict[int, list[int]] = {}
        for i in range(len(distinct)):
            if leaders:
                sims = vectors[leaders] @ vectors[i]
                best = int(np.argmax(sims))
                if sims[best] >= threshold:
                    members[leaders[best]].append(i)
                    continue
            leaders.append(i)
            members[i] = [i]
        groups = []
        for lead in leaders:
            items = [distinct[i] for i in members[lead]]
            languages: Counter = Counter()
            for g in items:
                languages.update(g["languages"])
            groups.append(
                {
                    "question": distinct[lead]["text"],
                    "count": sum(g["count"] for g in items),
                    "variants": [g["text"] for g in items[:6]],
                    "languages": dict(languages.most_common()),
                    "last_asked": max(g["last"] for g in items).isoformat(timespec="seconds"),
                }
            )
        groups.sort(key=lambda g: g["last_asked"], reverse=True)  # then by count, stable
        groups.sort(key=lambda g: -g["count"])
        return groups[:limit]

    def _embed(self, texts: list[str]) -> np.ndarray:
        embedder = self.services.embedder
        out = []
        for text in texts:
            with self._lock:
                vec = self._vectors.get(text)
            if vec is None:
                vec = np.asarray(embedder.embed_query(text), dtype=np.float32)
                vec = vec / (np.linalg.norm(vec) or 1.0)
                with self._lock:
                    if len(self._vectors) > 50_000:
                        self._vectors.clear()
                    self._vectors[text] = vec
            out.append(vec)
        return np.vstack(out)

    # ---- feedback -------------------------------------------------------------------------
    def feedback_per_document(self, days: int = 30) -> list[dict[str, Any]]:
        since = self._since(days)
        stats: dict[str, dict[str, int]] = defaultdict(lambda: {"cited": 0, "up": 0, "down": 0})
        with Session(self.engine) as s:
            cited_in: dict[str, set[str]] = {}
            for answer_id, citations in s.execute(
                select(AnswerRow.id, AnswerRow.citations).where(AnswerRow.created_at >= since)
            ):
                docs = {c.get("document_id") for c in json.loads(citations or "[]")}
                docs.discard(None)
                cited_in[answer_id] = docs
                for doc in docs:
                    stats[doc]["cited"] += 1
            for answer_id, vote in s.execute(
                select(FeedbackRow.answer_id, FeedbackRow.vote).where(
                    FeedbackRow.answer_id.in_(list(cited_in))
                )
            ):
                for doc in cited_in.get(answer_id, ()):
                    stats[doc]["up" if vote > 0 else "down"] += 1
        manifest = self.services.store.manifest()
        docs = manifest.documents if manifest else {}
        out = [
            {
                "doc_id": doc,
                "title": docs.get(doc, {}).get("title", ""),
                "in_index": doc in docs,
                **st,
            }
            for doc, st in stats.items()
        ]
        out.sort(key=lambda d: (-d["down"], -d["cited"], d["doc_id"]))
        return out

    def thumbs_down(self, days: int = 30, limit: int = 50) -> list[dict[str, Any]]:
        since = self._since(days)
        with Session(self.engine) as s:
            rows = s.execute(
                select(AnswerRow, FeedbackRow)
                .join(FeedbackRow, FeedbackRow.answer_id == AnswerRow.id)
                .where(FeedbackRow.vote < 0, AnswerRow.created_at >= since)
                .order_by(FeedbackRow.created_at.desc())
            ).all()
            out: dict[str, dict[str, Any]] = {}
            for answer, fb in rows:
                item = out.get(answer.id)
                if item is None:
                    if len(out) >= limit:
                        continue
                    item = out[answer.id] = {
                        "answer_id": answer.id,
                        "asked_at": _utc(answer.created_at).isoformat(timespec="seconds"),
                        "question": answer.question,
                        "language": answer.language,
                        "refused": answer.refused,
                        "call_id": answer.call_id,
                        "channel": answer.channel,
                        "documents": sorted(
                            {c.get("document_id", "") for c in json.loads(answer.citations)}
                        ),
                        "comments": [],
                        "votes_down": 0,
                    }
                item["votes_down"] += 1
                if fb.comment:
                    item["comments"].append(fb.comment)
        return list(out.values())

    # ---- everything ---------------------------------------------------------------------------
    def all(self, days: int = 30, limit: int = 20) -> dict[str, Any]:
        return {
            "days": days,
            "refusal_rate": self.refusal_rate(days),
            "questions_per_day": self.questions_per_day(days),
            "unanswered": self.unanswered(days, limit),
            "feedback_per_document": self.feedback_per_document(days),
            "thumbs_down": self.thumbs_down(days, limit),
        }

    SECTIONS = (
        "questions_per_day",
        "refusal_rate",
        "unanswered",
        "feedback_per_document",
        "thumbs_down",
    )
