"""Hybrid search: dense (Chroma + E5) and Finnish-aware BM25, fused, filtered, status-aware."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hakuapu.calls import CallsFile, Status
from index.embedding import Embedder
from index.fusion import fuse
from index.store import IndexStore
from ingest.language import detect_language


@dataclass(frozen=True)
class Filters:
    call_ids: frozenset[str] = frozenset()
    status: frozenset[Status] = frozenset()
    doc_types: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()


@dataclass
class Passage:
    chunk_id: str
    doc_id: str
    title: str
    text: str
    page: int
    pages: tuple[int, ...]
    section: str
    call_id: str
    doc_type: str
    language: str
    score: float
    call_status: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    page_spans: tuple[tuple[int, int], ...] = ()
    ordinal: int = 0  # position of the chunk in its document


# Words that show the asker wants past calls too ("what did the 2023 call fund").
_PAST = re.compile(
    r"\b(20[12]\d|päätty\w*|mennyt|menneet|edelli\w*|aiemp\w*|vanh\w*|suljettu\w*|closed|past|"
    r"previous|earlier|tidigare|stängd\w*|avslut\w*|syksy\w*|talv\w*|kevä\w*|hösten|vintern|"
    r"våren|autumn|winter|spring)\b",
    re.IGNORECASE,
)


class Retriever:
    def __init__(
        self,
        store: IndexStore,
        embedder: Embedder,
        calls: CallsFile | None = None,
        method: str = "coverage",
        dense_weight: float = 0.925,
        closed_penalty: float = 0.85,
        today: dt.date | None = None,
        embed_query: Callable[[str], Any] | None = None,
    ):
        self.store = store
        self.embedder = embedder
        self.calls = calls
        self.method = method
        self.dense_weight = dense_weight
        self.closed_penalty = closed_penalty
        self.today = today
        # A shared cache of query embeddings (SentenceVectors.query): the answerer embeds the
        # same question to weigh its sentences, and may search twice.
        self._embed_query = embed_query or embedder.embed_query

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def call_status(self, call_id: str) -> str:
        call = self.calls.call(call_id) if (self.calls and call_id) else None
        return call.status(self._today()).value if call else ""

    def _where(self, filters: Filters | None) -> dict[str, set[str]] | None:
        if filters is None:
            return None
        where: dict[str, set[str]] = {}
        calls = set(filters.call_ids)
        if filters.status:
            by_status = {
                c.id
                for c in (self.calls.calls if self.calls else [])
                if c.status(self._today()) in filters.status
            }
            calls = (calls & by_status) if calls else by_status
            calls = calls or {"\u0000none"}  # a status nobody has: match nothing
        if calls:
            where["call_id"] = calls
        if filters.doc_types:
            where["doc_type"] = set(filters.doc_types)
        if filters.languages:
            where["language"] = set(filters.languages)
        return where or None

    def text_before(self, passage: Passage) -> str:
        """The text of the chunk before a passage in its document ("" for the first): the slide
        title or heading a passage that starts mid-section falls under."""
        snap = self.store.snapshot()
        chunk = snap.chunk_at(passage.doc_id, passage.ordinal - 1) if snap is not None else None
        return chunk.text if chunk is not None else ""

    def search(
        self,
        query: str,
        k: int = 5,
        filters: Filters | None = None,
        method: str | None = None,
        candidates: int = 30,
        dense_query: str | None = None,
    ) -> list[Passage]:
        """``dense_query`` is embedded instead of ``query`` when given: keyword cues added to the
        query ("vähintään") need not cost a second embedding of a long question."""
        snap = self.store.snapshot()
        if snap is None or not query.strip():
            return []
        method = method or self.method
        where = self._where(filters)
        lang = detect_language(query)
        dense = keyword = []
        if method != "keyword":
            dense = snap.dense(self._embed_query(dense_query or query), candidates, where)
        if method != "dense":
            keyword = snap.keyword.search(query, lang, candidates, where)
        coverage: dict[str, float] = {}
        if method == "coverage":
            pool = list(dict.fromkeys([cid for cid, _ in dense] + [cid for cid, _ in keyword]))
            coverage = snap.keyword.coverage(query, lang, pool)
        fused = fuse(method, dense, keyword, self.dense_weight, coverage)
        chunks = snap.chunks([cid for cid, _ in fused[: max(k * 3, k)]])
        d_scores, k_scores = dict(dense), dict(keyword)
        wants_past = bool(_PAST.search(query)) or bool(
            filters and (filters.call_ids or filters.status)
        )
        passages = []
        for cid, score in fused[: max(k * 3, k)]:
            c = chunks.get(cid)
            if c is None:
                continue
            status = self.call_status(c.call_id)
            if status == Status.CLOSED and not wants_past:
                score *= self.closed_penalty
            passages.append(
                Passage(
                    chunk_id=cid,
                    doc_id=c.doc_id,
                    title=c.title,
                    text=c.text,
                    page=c.page,
                    pages=c.pages,
                    section=" > ".join(c.section),
                    call_id=c.call_id,
                    doc_type=c.doc_type,
                    language=c.language,
                    score=float(score),
                    call_status=status,
                    scores={
                        "dense": d_scores.get(cid, 0.0),
                        "keyword": k_scores.get(cid, 0.0),
                        **({"coverage": coverage[cid]} if cid in coverage else {}),
                    },
                    page_spans=c.page_spans,
                    ordinal=c.ordinal,
                )
            )
        passages.sort(key=lambda p: -p.score)
        return passages[:k]
