"""The one wiring point: settings in, ready components out (cached per settings object)."""

from __future__ import annotations

import logging
from functools import cached_property

from bot.analytics import AnalyticsStore, database_url
from bot.answerer import Answerer
from bot.conversation import SharedConversationStore
from bot.generate import Generator, make_generator
from hakuapu.calls import CallsFile, load_calls
from hakuapu.settings import Settings
from index.embedding import Embedder, SentenceVectors, get_embedder
from index.retriever import Retriever
from index.store import IndexStore
from ingest.pipeline import Ingestor

log = logging.getLogger(__name__)


class Services:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._calls_cache: tuple[int, CallsFile] | None = None

    @cached_property
    def embedder(self) -> Embedder:
        return get_embedder(self.settings.embed_model, self.settings.embed_threads)

    @cached_property
    def store(self) -> IndexStore:
        return IndexStore(
            self.settings.data_dir, self.embedder.name, self.embedder.dim, self.settings.chroma_url
        )

    def calls(self) -> CallsFile | None:
        """Re-read when the file changes, so calls.yaml edits apply without a restart."""
        path = self.settings.calls_file
        try:
            stamp = path.stat().st_mtime_ns
        except FileNotFoundError:
            log.info("%s: file not found; no call metadata", path)
            return None
        if self._calls_cache is None or self._calls_cache[0] != stamp:
            self._calls_cache = (stamp, load_calls(path))
        return self._calls_cache[1]

    def document_url(self, doc_id: str, page: int) -> str:
        manifest = self.store.manifest()
        info = manifest.documents.get(doc_id) if manifest else None
        base = f"{self.settings.public_url.rstrip('/')}/api/documents/{doc_id}"
        if info is None or str(info.get("source", "")).lower().endswith(".pdf"):
            return f"{base}.pdf#page={page}"
        return base

    @cached_property
    def analytics(self) -> AnalyticsStore:
        return AnalyticsStore(database_url(self.settings.data_dir, self.settings.database_url))

    @cached_property
    def answerer(self) -> Answerer:
        return Answerer(
            retriever=self.retriever,
            calls=self.calls,
            # In the analytics database: shared by every process that shares that database.
            conversations=SharedConversationStore(
                self.analytics.engine, ttl_s=self.settings.conversation_ttl_s
            ),
            today=self.settings.today_date,
            document_url=self.document_url,
            max_question_chars=self.settings.max_question_chars,
            passages=self.settings.answer_passages,
            generator=self.generator,
            sentence_vectors=self.sentence_vectors,
        )

    @cached_property
    def sentence_vectors(self) -> SentenceVectors:
        # With a Chroma server, in a collection there: every process reads what ingest computed.
        shared = self.store.client if self.settings.chroma_url else None
        return SentenceVectors(
            self.embedder, self.settings.data_dir / "sentence-vectors.sqlite3", chroma=shared
        )

    @cached_property
    def generator(self) -> Generator | None:
        """The optional LLM rewriter (HAKUAPU_LLM); None keeps answers extractive."""
        return make_generator(self.settings)

    def ingestor(self) -> Ingestor:
        return Ingestor(
            self.settings, self.store, self.embedder, self.calls(), self.sentence_vectors
        )

    def retriever(self) -> Retriever:
        s = self.settings
        return Retriever(
            self.store,
            self.embedder,
            self.calls(),
            method=s.fusion,
            dense_weight=s.fusion_dense_weight,
            closed_penalty=s.closed_call_penalty,
            today=s.today_date(),
            embed_query=self.sentence_vectors.query,
        )
