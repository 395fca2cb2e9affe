"""The index on disk: Chroma collections, keyword indexes and a pointer to the live generation.

Every ingest builds a *new generation* beside the live one (unchanged documents' vectors are
copied, not re-embedded) and then switches one pointer atomically. Readers always see one whole
generation: a crash, Ctrl-C or a bad file half-way leaves the previous generation answering.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import re
import shutil
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from ingest.models import Chunk, DocumentInfo

log = logging.getLogger(__name__)

_PREFIX = "hakuapu-g"
_KEEP_OLD = 2  # generations kept after a switch, so in-flight queries finish on the old one
_BATCH = 1000


class IndexBusy(RuntimeError):
    """Another ingest holds the write lock."""


@dataclass
class Manifest:
    generation: int
    collection: str
    embed_model: str
    dim: int
    created_at: str
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    chunk_count: int = 0

    def document_infos(self) -> dict[str, DocumentInfo]:
        return {k: DocumentInfo(**v) for k, v in self.documents.items()}

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        return cls(**json.loads(text))


def _fsync_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class _FilePointer:
    """The live manifest as a file, replaced atomically (embedded Chroma, one machine)."""

    def __init__(self, root: Path):
        self.path = root / "CURRENT.json"

    def read(self) -> Manifest | None:
        try:
            return Manifest.from_json(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def write(self, manifest: Manifest) -> None:
        _fsync_write(self.path, manifest.to_json())

    def version(self) -> int:
        try:
            return self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return 0


class _ChromaPointer:
    """The live manifest stored in the Chroma server itself, so every process shares it."""

    def __init__(self, client: Any):
        self.collection = client.get_or_create_collection("hakuapu-state")

    def read(self) -> Manifest | None:
        got = self.collection.get(ids=["current"], include=["documents"])
        docs = got.get("documents") or []
        return Manifest.from_json(docs[0]) if docs else None

    def write(self, manifest: Manifest) -> None:
        self.collection.upsert(
            ids=["current"],
            documents=[manifest.to_json()],
            embeddings=[[0.0]],
            metadatas=[{"generation": manifest.generation}],
        )

    def version(self) -> int:
        got = self.collection.get(ids=["current"], include=["metadatas"])
        metas = got.get("metadatas") or []
        return int(metas[0]["generation"]) if metas else 0


def make_chroma_client(data_dir: Path, chroma_url: str = "") -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        url = urlparse(chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or 8000,
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    path = data_dir / "index" / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class Snapshot:
    """One published generation, read-only: dense and keyword search over the same chunks."""

    def __init__(self, manifest: Manifest, collection: Any, keyword: Any):
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.manifest = manifest
        self.collection = collection
        self.vector_store = ChromaVectorStore(chroma_collection=collection)
        self.keyword = keyword

    def dense(
        self, vector: np.ndarray, k: int, where: dict[str, set[str]] | None = None
    ) -> list[tuple[str, float]]:
        from llama_index.core.vector_stores.types import VectorStoreQuery

        if self.manifest.chunk_count == 0:
            return []
        k = min(k, self.manifest.chunk_count)
        result = self.vector_store.query(
            VectorStoreQuery(query_embedding=vector.tolist(), similarity_top_k=k),
            where=chroma_where(where),
        )
        # llama-index reports exp(-distance); cosine distance is 1 - cos.
        return [
            (cid, 1.0 + float(np.log(max(sim, 1e-12))))
            for cid, sim in zip(result.ids or [], result.similarities or [], strict=False)
        ]

    def chunks(self, ids: list[str]) -> dict[str, Chunk]:
        if not ids:
            return {}
        got = self.collection.get(ids=list(ids), include=["documents", "metadatas"])
        return {
            cid: Chunk.from_metadata(cid, text, meta)
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }


def chroma_where(where: dict[str, set[str]] | None) -> dict | None:
    if not where:
        return None
    clauses = [{key: {"$in": sorted(values)}} for key, values in where.items()]
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class IndexStore:
    """Owns ``<data_dir>/index``: opens snapshots for readers and builds for the writer."""

    def __init__(self, data_dir: Path, embed_model: str, dim: int, chroma_url: str = ""):
        self.root = Path(data_dir) / "index"
        self.root.mkdir(parents=True, exist_ok=True)
        self.embed_model = embed_model
        self.dim = dim
        self.client = make_chroma_client(Path(data_dir), chroma_url)
        self.pointer = _ChromaPointer(self.client) if chroma_url else _FilePointer(self.root)
        self._snapshot: Snapshot | None = None
        self._snapshot_version: int | None = None
        self._lock = threading.Lock()

    # ---- readers -------------------------------------------------------------------------
    def manifest(self) -> Manifest | None:
        return self.pointer.read()

    def snapshot(self) -> Snapshot | None:
        """The live generation; re-opened when another process or thread switched it."""
        version = self.pointer.version()
        with self._lock:
            if self._snapshot is not None and version == self._snapshot_version:
                return self._snapshot
            manifest = self.pointer.read()
            if manifest is None:
                return None
            if self._snapshot is None or self._snapshot.manifest.collection != manifest.collection:
                collection = self.client.get_collection(manifest.collection)
                keyword = self._keyword_for(manifest, collection)
                self._snapshot = Snapshot(manifest, collection, keyword)
            self._snapshot_version = version
            return self._snapshot

    def _keyword_for(self, manifest: Manifest, collection: Any):
        from index.keyword import KeywordIndex

        folder = self.root / "keyword" / manifest.collection
        if (folder / "ids.json").exists():
            return KeywordIndex.load(folder)
        # Built by a process on another machine (shared Chroma server): rebuild it here.
        chunks = list(_iter_chunks(collection))
        keyword = KeywordIndex.build(chunks)
        keyword.save(folder)
        return keyword

    # ---- writer --------------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self):
        lock_path = self.root / "write.lock"
        with lock_path.open("w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise IndexBusy(
                    "another ingest is running; try again when it has finished"
                ) from err
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def begin(self) -> Build:
        live = self.pointer.read()
        current = live  # the base whose vectors can be reused
        if current is not None and current.embed_model != self.embed_model:
            log.warning(
                "index was built with %s, now %s: every document is re-embedded",
                current.embed_model,
                self.embed_model,
            )
            current = None
        self._drop_unpublished(live)  # never the live one, even when its vectors are not reused
        generation = max([self._latest_generation(), live.generation if live else 0]) + 1
        return Build(self, current, generation)

    def _generations(self) -> list[tuple[int, str]]:
        out = []
        for col in self.client.list_collections():
            name = col if isinstance(col, str) else col.name
            m = re.fullmatch(rf"{_PREFIX}(\d+)", name)
            if m:
                out.append((int(m.group(1)), name))
        return sorted(out)

    def _latest_generation(self) -> int:
        gens = self._generations()
        return gens[-1][0] if gens else 0

    def _drop_unpublished(self, current: Manifest | None) -> None:
        """Collections newer than the live one are leftovers of a crashed build."""
        live = current.generation if current else 0
        for gen, name in self._generations():
            if gen > live:
                self._drop(name)

    def _drop(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self.client.delete_collection(name)
        shutil.rmtree(self.root / "keyword" / name, ignore_errors=True)

    def gc(self, live: Manifest) -> None:
        old = [(g, n) for g, n in self._generations() if g < live.generation]
        for _, name in old[: max(0, len(old) - _KEEP_OLD)]:
            self._drop(name)


class Build:
    """A generation under construction; invisible to readers until ``commit``."""

    def __init__(self, store: IndexStore, base: Manifest | None, generation: int):
        self.store = store
        self.base = base
        self.generation = generation
        self.name = f"{_PREFIX}{generation:06d}"
        self.collection = store.client.create_collection(
            self.name, metadata={"hnsw:space": "cosine"}
        )
        self.documents: dict[str, DocumentInfo] = {}
        self.chunks: list[Chunk] = []

    def keep(self, doc_ids: list[str]) -> None:
        """Copy unchanged documents' chunks and vectors from the live generation."""
        if not doc_ids or self.base is None:
            return
        base_docs = self.base.document_infos()
        old = self.store.client.get_collection(self.base.collection)
        for doc_id in doc_ids:
            got = old.get(
                where={"doc_id": doc_id}, include=["embeddings", "documents", "metadatas"]
            )
            if got["ids"]:
                self._add_raw(got["ids"], got["embeddings"], got["documents"], got["metadatas"])
                self.chunks.extend(
                    Chunk.from_metadata(i, t, m)
                    for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
                )
            self.documents[doc_id] = base_docs[doc_id]

    def add(self, doc: DocumentInfo, chunks: list[Chunk], vectors: np.ndarray) -> None:
        if len(chunks) != len(vectors):
            raise ValueError("one vector per chunk")
        self._add_raw(
            [c.chunk_id for c in chunks],
            np.asarray(vectors, dtype=np.float32),
            [c.text for c in chunks],
            [c.metadata() for c in chunks],
        )
        self.chunks.extend(chunks)
        self.documents[doc.doc_id] = doc

    def _add_raw(self, ids, embeddings, texts, metadatas) -> None:
        # Always our own vectors: Chroma must never embed by itself (it would try to download).
        for i in range(0, len(ids), _BATCH):
            self.collection.add(
                ids=list(ids[i : i + _BATCH]),
                embeddings=np.asarray(embeddings[i : i + _BATCH], dtype=np.float32),
                documents=list(texts[i : i + _BATCH]),
                metadatas=list(metadatas[i : i + _BATCH]),
            )

    def commit(self) -> Manifest:
        from index.keyword import KeywordIndex

        KeywordIndex.build(self.chunks).save(self.store.root / "keyword" / self.name)
        manifest = Manifest(
            generation=self.generation,
            collection=self.name,
            embed_model=self.store.embed_model,
            dim=self.store.dim,
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            documents={k: asdict(v) for k, v in sorted(self.documents.items())},
            chunk_count=len(self.chunks),
        )
        self.store.pointer.write(manifest)  # the switch: one atomic replace
        self.store.gc(manifest)
        return manifest

    def abort(self) -> None:
        self.store._drop(self.name)


def _iter_chunks(collection: Any):
    total = collection.count()
    for offset in range(0, total, _BATCH):
        got = collection.get(limit=_BATCH, offset=offset, include=["documents", "metadatas"])
        for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
            yield Chunk.from_metadata(cid, text, meta)
