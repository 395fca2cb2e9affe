"""BM25 over Finnish-aware terms (bm25s), persisted beside Chroma, one per index generation."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import bm25s
import numpy as np

from index.analysis import terms
from index.glossary import finnish_equivalents
from ingest.models import Chunk

# bm25s sets its own logger to DEBUG on import: every ingest would print "Building index from
# tokens" on stderr, past the CLI's log level.
logging.getLogger("bm25s").setLevel(logging.WARNING)


class KeywordIndex:
    def __init__(self, bm25: bm25s.BM25 | None, ids: list[str], fields: dict[str, list[str]]):
        self._bm25 = bm25
        self.ids = ids
        # Per-chunk filter fields (call_id, doc_type, language, doc_id), aligned with ``ids``.
        self.fields = {k: np.asarray(v, dtype=object) for k, v in fields.items()}
        self._row = {cid: i for i, cid in enumerate(ids)}

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

    def vocabulary(self) -> dict[str, int]:
        return self._bm25.vocab_dict if self._bm25 is not None else {}

    def calls_using(self, any_of: set[str]) -> list[str]:
        """The call id ("" for a shared document) of each chunk that holds any of the terms."""
        vocab = self.vocabulary()
        known = [t for t in any_of if t in vocab]
        if not known:
            return []
        present = np.zeros(len(self.ids), dtype=bool)
        for t in known:
            present |= self._bm25.get_scores([t]) > 0
        return self.fields["call_id"][present].tolist()

    def mask(self, where: dict[str, set[str]] | None) -> np.ndarray | None:
        """Boolean mask of chunks whose fields are in the allowed sets; None means all."""
        if not where:
            return None
        m = np.ones(len(self.ids), dtype=bool)
        for key, allowed in where.items():
            m &= np.isin(self.fields[key], list(allowed))
        return m

    def query_terms(self, query: str, lang: str) -> list[str]:
        """The question's distinct terms, known to the index or not."""
        q = terms(query, lang)
        if lang != "fi":  # cross-lingual: Finnish terms of the same words still match names, ids
            q += terms(query, "fi")
            for finnish in finnish_equivalents(query, lang):  # and the field's terms, translated
                q += terms(" ".join(finnish), "fi")
        return list(dict.fromkeys(q))

    def coverage(self, query: str, lang: str, ids: list[str]) -> dict[str, float]:
        """How much of the question each chunk in ``ids`` contains, from 0 to 1.

        The IDF-weighted share of the question's terms that occur in the chunk (occurrence, not
        count). Unlike a BM25 score it means the same for every question (1 = every term is there),
        so it can be mixed with a cosine without normalising per question. A term the index has
        never seen counts with the highest IDF: when the question's words are not in the corpus,
        coverage is low everywhere and the dense side decides.
        """
        if self._bm25 is None or not ids:
            return {}
        q = self.query_terms(query, lang)
        if not q:
            return {cid: 0.0 for cid in ids}
        ids = [cid for cid in ids if cid in self._row]
        rows = np.array([self._row[cid] for cid in ids], dtype=np.int64)
        n = len(self.ids)
        vocab = self._bm25.vocab_dict
        total = np.zeros(len(rows))
        weight_sum = 0.0
        for t in q:
            present = self._bm25.get_scores([t]) > 0 if t in vocab else None
            df = int(present.sum()) if present is not None else 0
            idf = float(np.log(1 + (n - df + 0.5) / (df + 0.5)))  # BM25's own IDF
            weight_sum += idf
            if present is not None:
                total += idf * present[rows]
        return {cid: float(v / weight_sum) for cid, v in zip(ids, total, strict=True)}

    def search(
        self, query: str, lang: str, k: int, where: dict[str, set[str]] | None = None
    ) -> list[tuple[str, float]]:
        if self._bm25 is None:
            return []
        vocab = self._bm25.vocab_dict
        q = [t for t in self.query_terms(query, lang) if t in vocab]
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
