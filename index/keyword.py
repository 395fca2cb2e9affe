"""BM25 over Finnish-aware terms (bm25s), persisted beside Chroma, one per index generation."""

from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np

from index.analysis import terms
from ingest.models import Chunk


class KeywordIndex:
    def __init__(self, bm25: bm25s.BM25 | None, ids: list[str], fields: dict[str, list[str]]):
        self._bm25 = bm25
        self.ids = ids
        # Per-chunk filter fields (call_id, doc_type, language, doc_id), aligned with ``ids``.
        self.fields = {k: np.asarray(v, dtype=object) for k, v in fields.items()}

    @classmethod
    def build(cls, chunks: list[Chunk]) -> KeywordIndex:
        ids = [c.chunk_id for c in chunks]
        fields = {
            "doc_id": [c.doc_id for c in chunks],
            "call_id": [c.call_id for c in chunks],
            "doc_type": [c.doc_type for c in chunks],
            "language": [c.language for c in chunks],
        }
        if not chunks:
            return cls(None, ids, fields)
        corpus = [terms(_indexed_text(c), c.language) or ["∅"] for c in chunks]
        bm25 = bm25s.BM25(k1=1.2, b=0.75)
        bm25.index(corpus, show_progress=False)
        return cls(bm25, ids, fields)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self._bm25 is not None:
            self._bm25.save(str(folder / "bm25"), show_progress=False)
        fields = {k: v.tolist() for k, v in self.fields.items()}
        (folder / "ids.json").write_text(json.dumps({"ids": self.ids, "fields": fields}))

    @classmethod
    def load(cls, folder: Path) -> KeywordIndex:
        data = json.loads((folder / "ids.json").read_text())
        bm25 = None
        if data["ids"]:
            bm25 = bm25s.BM25.load(str(folder / "bm25"), show_progress=False, verbosity=0)
        return cls(bm25, data["ids"], data["fields"])

    def mask(self, where: dict[str, set[str]] | None) -> np.ndarray | None:
        """Boolean mask of chunks whose fields are in the allowed sets; None means all."""
        if not where:
            return None
        m = np.ones(len(self.ids), dtype=bool)
        for key, allowed in where.items():
            m &= np.isin(self.fields[key], list(allowed))
        return m

    def search(
        self, query: str, lang: str, k: int, where: dict[str, set[str]] | None = None
    ) -> list[tuple[str, float]]:
        if self._bm25 is None:
            return []
        q = terms(query, lang)
        if lang != "fi":  # cross-lingual: Finnish terms of the same words still match names, ids
            q += terms(query, "fi")
        vocab = self._bm25.vocab_dict
        q = [t for t in dict.fromkeys(q) if t in vocab]
        if not q:
            return []
        scores = self._bm25.get_scores(q)
        m = self.mask(where)
        if m is not None:
            scores = np.where(m, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]


def _indexed_text(chunk: Chunk) -> str:
    """Titles and section names are searchable words too."""
    return " ".join([chunk.title, *chunk.section, chunk.text])
