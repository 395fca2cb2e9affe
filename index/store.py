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
import socket
import threading
import time
import uuid
from collections.abc import Iterator
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
_LOCK_COLLECTION = "hakuapu-writelock"
_LOCK_TTL_S = 60.0  # a writer that stops renewing its server lock (killed) loses it after this


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

    def version(self) -> object:
        # mtime alone can repeat (coarse clock ticks); os.replace gives a new inode every switch.
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return 0
        return (st.st_ino, st.st_mtime_ns, st.st_size)


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
            metadatas=[{"generation": manifest.generation, "created_at": manifest.created_at}],
        )

    def version(self) -> object:
        # Generation and time: a server wiped and rebuilt restarts at generation 1.
        got = self.collection.get(ids=["current"], include=["metadatas"])
        metas = got.get("metadatas") or []
        if not metas:
            return 0
        return (int(metas[0]["generation"]), str(metas[0].get("created_at", "")))


class _ChromaLock:
    """The write lock shared through the Chroma server, for writers on different machines.

    Creating a collection is atomic on the server (its name is unique), so the writer that
    creates ``hakuapu-writelock`` holds the lock. The holder renews an expiry time in the
    collection's metadata; a lock whose holder stopped renewing (killed) is taken over after
    ``_LOCK_TTL_S``, at once when the holder was a process on this machine that is gone.
    ``held()`` is checked again right before the pointer switch.
    """

    def __init__(self, client: Any, ttl_s: float = _LOCK_TTL_S):
        self.client = client
        self.ttl_s = ttl_s
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None

    def _meta(self) -> dict:
        return {"owner": self.owner, "expires": time.time() + self.ttl_s}

    def _holder(self) -> dict | None:
        """The lock's metadata; None when nobody holds it (other errors are raised: a server
        that cannot be read must not look like a free lock)."""
        from chromadb.errors import NotFoundError

        try:
            return dict(self.client.get_collection(_LOCK_COLLECTION).metadata or {})
        except NotFoundError:
            return None

    def _create(self) -> bool:
        try:
            self.client.create_collection(_LOCK_COLLECTION, metadata=self._meta())
            return True
        except Exception:  # noqa: BLE001 - "already exists" is a plain ChromaError over HTTP
            return False

    def acquire(self) -> None:
        if not self._create():
            holder = self._holder() or {}
            if not _lock_is_stale(holder):
                raise IndexBusy(
                    f"another ingest is running (lock in the shared Chroma server held by "
                    f"{holder.get('owner', '?')}; a stopped writer's lock lapses within "
                    f"{self.ttl_s:.0f} s); try again when it has finished"
                )
            log.warning("taking over the write lock of %s (stopped)", holder.get("owner"))
            with contextlib.suppress(Exception):
                self.client.delete_collection(_LOCK_COLLECTION)
            if not self._create():
                raise IndexBusy("another ingest took the write lock; try again later")
        self._stop.clear()
        self._beat = threading.Thread(target=self._renew, name="hakuapu-lock", daemon=True)
        self._beat.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.ttl_s / 4):
            try:
                if not self.held():
                    return  # taken over: the commit check will refuse to publish
                self.client.get_collection(_LOCK_COLLECTION).modify(metadata=self._meta())
            except Exception as err:  # noqa: BLE001 - try again at the next beat
                log.warning("could not renew the write lock: %s", err)

    def held(self) -> bool:
        return (self._holder() or {}).get("owner") == self.owner

    def release(self) -> None:
        self._stop.set()
        if self._beat is not None:
            self._beat.join(timeout=5)
            self._beat = None
        if self.held():
            with contextlib.suppress(Exception):
                self.client.delete_collection(_LOCK_COLLECTION)


def _lock_is_stale(holder: dict) -> bool:
    if not holder:
        return True
    if float(holder.get("expires", 0)) < time.time():
        return True
    host, _, rest = str(holder.get("owner", "")).partition(":")
    return host == socket.gethostname() and not _pid_alive(rest.partition(":")[0])


def _pid_alive(pid: str) -> bool:
    """Whether a process of this machine still runs (unparsable ids count as alive)."""
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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

    def texts(self) -> Iterator[str]:
        """The text of every chunk in this generation."""
        for chunk in _iter_chunks(self.collection):
            yield chunk.text

    def chunk_at(self, doc_id: str, ordinal: int) -> Chunk | None:
        """The document's chunk at ``ordinal``: a neighbour of a retrieved passage."""
        if ordinal < 0:
            return None
        got = self.collection.get(
            where={"$and": [{"doc_id": doc_id}, {"ordinal": ordinal}]},
            include=["documents", "metadatas"],
            limit=1,
        )
        if not got["ids"]:
            return None
        return Chunk.from_metadata(got["ids"][0], got["documents"][0], got["metadatas"][0])


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
        self.shared = bool(chroma_url)
        self._server_lock: _ChromaLock | None = None
        self._snapshot: Snapshot | None = None
        self._snapshot_version: object = None
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
        if (folder / "ids.json").exists() and _stamp(folder) == str(collection.id):
            return KeywordIndex.load(folder)
        # Built by a process on another machine (shared Chroma server), or a leftover of a
        # crashed build of another collection with the same name: rebuild it from the chunks.
        chunks = list(_iter_chunks(collection))
        keyword = KeywordIndex.build(chunks)
        save_keyword(keyword, folder, collection.id)
        if self.shared:
            self._prune_keyword_folders()
        return keyword

    def _prune_keyword_folders(self) -> None:
        """Local keyword indexes of generations that a writer elsewhere has dropped."""
        live = {name for _, name in self._generations()}
        for folder in (self.root / "keyword").glob(f"{_PREFIX}*"):
            if folder.name not in live:
                shutil.rmtree(folder, ignore_errors=True)

    # ---- writer --------------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self):
        """One writer at a time: a file lock on this machine, plus, with a shared Chroma
        server, a lock held in the server so that writers on other machines wait too."""
        lock_path = self.root / "write.lock"
        with lock_path.open("w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise IndexBusy(
                    "another ingest is running; try again when it has finished"
                ) from err
            try:
                if self.shared:
                    server_lock = _ChromaLock(self.client)
                    server_lock.acquire()
                    self._server_lock = server_lock
                try:
                    yield
                finally:
                    if self._server_lock is not None:
                        self._server_lock.release()
                        self._server_lock = None
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _check_lock(self) -> None:
        """Before the switch: a writer whose server lock was taken over must not publish."""
        if self._server_lock is not None and not self._server_lock.held():
            raise IndexBusy("the write lock was taken over by another ingest; nothing changed")

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
        for tmp in self.root.glob(".CURRENT.json.*.tmp"):  # a switch killed half-way
            tmp.unlink(missing_ok=True)
        for tmp in (self.root / "keyword").glob(".*.tmp"):  # a keyword save killed half-way
            if not _pid_alive(tmp.name.split(".")[-3]):
                shutil.rmtree(tmp, ignore_errors=True)
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

        save_keyword(
            KeywordIndex.build(self.chunks),
            self.store.root / "keyword" / self.name,
            self.collection.id,
        )
        manifest = Manifest(
            generation=self.generation,
            collection=self.name,
            embed_model=self.store.embed_model,
            dim=self.store.dim,
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            documents={k: asdict(v) for k, v in sorted(self.documents.items())},
            chunk_count=len(self.chunks),
        )
        self.store._check_lock()
        self.store.pointer.write(manifest)  # the switch: one atomic replace
        self.store.gc(manifest)
        return manifest

    def abort(self) -> None:
        if self.store._server_lock is not None and not self.store._server_lock.held():
            return  # the name may belong to the writer that took the lock over
        self.store._drop(self.name)


def save_keyword(keyword: Any, folder: Path, collection_id: Any) -> None:
    """Write beside, then rename: a process reading the folder never sees half an index.

    The stamp names the Chroma collection it was built from (names repeat after a crash).
    """
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.{uuid.uuid4().hex[:6]}.tmp")
    keyword.save(tmp)
    (tmp / "collection.id").write_text(str(collection_id), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


def _stamp(folder: Path) -> str:
    try:
        return (folder / "collection.id").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _iter_chunks(collection: Any):
    total = collection.count()
    for offset in range(0, total, _BATCH):
        got = collection.get(limit=_BATCH, offset=offset, include=["documents", "metadatas"])
        for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
            yield Chunk.from_metadata(cid, text, meta)
