"""The one wiring point: settings in, ready components out (cached per settings object)."""

from __future__ import annotations

import logging
from functools import cached_property

from hakuapu.calls import CallsFile, CallsFileError, load_calls
from hakuapu.settings import Settings
from index.embedding import Embedder, get_embedder
from index.retriever import Retriever
from index.store import IndexStore
from ingest.pipeline import Ingestor

log = logging.getLogger(__name__)


class Services:
    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def embedder(self) -> Embedder:
        return get_embedder(self.settings.embed_model, self.settings.embed_threads)

    @cached_property
    def store(self) -> IndexStore:
        return IndexStore(
            self.settings.data_dir, self.embedder.name, self.embedder.dim, self.settings.chroma_url
        )

    def calls(self) -> CallsFile | None:
        """Read on every use, so calls.yaml edits apply without a restart."""
        try:
            return load_calls(self.settings.calls_file)
        except CallsFileError as err:
            if self.settings.calls_file.exists():
                raise
            log.info("%s", err)
            return None

    def ingestor(self) -> Ingestor:
        return Ingestor(self.settings, self.store, self.embedder, self.calls())

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
        )
