"""Files -> chunks -> vectors -> a new index generation, switched in atomically.

Unchanged files (same content hash) cost a copy of their vectors, not an embedding run; a file
that fails keeps its previous version in the index and is reported with a one-line reason.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from hakuapu.calls import CallsFile
from hakuapu.settings import Settings
from index.embedding import Embedder, SentenceVectors
from index.store import IndexStore
from ingest.chunker import chunk_document, slugify
from ingest.errors import IngestError
from ingest.language import detect_language
from ingest.models import Chunk, DocumentInfo
from ingest.readers import SUPPORTED, read_document
from ingest.text import quotes

log = logging.getLogger(__name__)
_PIPELINE_VERSION = "14"  # bump when chunking changes, so every document is re-chunked


@dataclass
class DocumentOverride:
    """What an admin states about an uploaded file (wins over calls.yaml and file metadata)."""

    call_id: str | None = None
    title: str | None = None
    doc_type: str | None = None


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0
    embedded_chunks: int = 0
    seconds: float = 0.0
    generation: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def line(self) -> str:
        return (
            f"added {len(self.added)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, removed {len(self.removed)}, "
            f"failed {len(self.failed)}; {self.chunks} chunks "
            f"({self.embedded_chunks} embedded) in {self.seconds:.1f} s"
        )


def collect_files(paths: list[Path]) -> tuple[list[Path], list[Path], list[tuple[str, str]]]:
    """Files to ingest, folders they came from (for pruning), and paths that cannot be read."""
    files: list[Path] = []
    folders: list[Path] = []
    bad: list[tuple[str, str]] = []
    for p in paths:
        if p.is_dir():
            folders.append(p.resolve())
            files.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in SUPPORTED and not _hidden(f, p)
            )
        elif p.exists():
            files.append(p)
        else:
            bad.append((str(p), "no such file or folder"))
    return files, folders, bad


def _hidden(f: Path, root: Path) -> bool:
    rel = f.relative_to(root).parts
    return any(part.startswith((".", "_")) for part in rel) or rel[0] in {"tools", "README.md"}


def _file_hash(path: Path, settings: Settings, extra: str) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    h.update(
        f"|{_PIPELINE_VERSION}|{settings.chunk_tokens}|{settings.chunk_overlap_tokens}|{extra}".encode()
    )
    return h.hexdigest()


class Ingestor:
    def __init__(
        self,
        settings: Settings,
        store: IndexStore,
        embedder: Embedder,
        calls: CallsFile | None = None,
        sentence_vectors: SentenceVectors | None = None,
    ):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.calls = calls
        self.sentence_vectors = sentence_vectors

    def describe(self, path: Path, override: DocumentOverride | None = None) -> tuple[str, dict]:
        """doc id and the metadata that calls.yaml (or the admin) gives the file."""
        override = override or DocumentOverride()
        meta: dict = {}
        if self.calls is not None:
            dm = self.calls.document_meta(path.name)
            if dm is not None:
                meta = {
                    "title": dm.title,
                    "doc_type": dm.type,
                    "language": dm.language,
                    "sample": dm.sample,
                }
            meta["call_id"] = self.calls.call_for_document(path.name)
        if override.call_id is not None:
            meta["call_id"] = override.call_id
        if override.title:
            meta["title"] = override.title
        if override.doc_type:
            meta["doc_type"] = override.doc_type
        return slugify(path.stem), meta

    def run(
        self,
        paths: list[Path],
        overrides: dict[str, DocumentOverride] | None = None,
        remove: list[str] | None = None,
        prune: bool = True,
        progress: bool | None = None,
    ) -> IngestSummary:
        started = time.perf_counter()
        overrides = overrides or {}
        summary = IngestSummary()
        files, folders, bad = collect_files(paths)
        summary.failed.extend(bad)
        show = sys.stderr.isatty() if progress is None else progress

        with self.store.write_lock():
            live = self.store.manifest()
            live_docs = live.document_infos() if live else {}
            if live and live.embed_model != self.store.embed_model:
                live_docs = {}

            plan: list[tuple[Path, str, dict, str]] = []
            seen: dict[str, Path] = {}
            for f in files:
                doc_id, meta = self.describe(f, overrides.get(f.name))
                if doc_id in seen:
                    summary.failed.append(
                        (f.name, f"same document id {doc_id!r} as {seen[doc_id].name}")
                    )
                    continue
                seen[doc_id] = f
                try:
                    digest = _file_hash(f, self.settings, repr(sorted(meta.items())))
                except OSError as err:
                    summary.failed.append((str(f), f"cannot read the file ({err.strerror})"))
                    continue
                plan.append((f, doc_id, meta, digest))

            to_remove = set(remove or [])
            if prune:
                for doc_id, info in live_docs.items():
                    src = Path(info.source)
                    if doc_id not in seen and any(src.is_relative_to(d) for d in folders):
                        to_remove.add(doc_id)
            unknown = to_remove - set(live_docs)
            for doc_id in sorted(unknown):
                summary.failed.append((doc_id, "no such document in the index"))
            to_remove &= set(live_docs)

            changed = [
                p
                for p in plan
                if live_docs.get(p[1]) is None or live_docs[p[1]].content_hash != p[3]
            ]
            unchanged_ids = [p[1] for p in plan if p not in changed]
            summary.unchanged = unchanged_ids
            if not changed and not to_remove:
                summary.chunks = live.chunk_count if live else 0
                summary.generation = live.generation if live else 0
                summary.seconds = time.perf_counter() - started
                return summary

            build = self.store.begin()
            try:
                keep = [
                    d for d in live_docs if d not in to_remove and d not in {p[1] for p in changed}
                ]
                build.keep(keep)
                # Small documents are embedded together: the model is faster on full batches.
                pending: list[tuple[DocumentInfo, list[Chunk]]] = []

                def flush() -> None:
                    if not pending:
                        return
                    all_chunks = [c for _, chunks in pending for c in chunks]
                    vectors = self.embed(all_chunks, show)
                    if self.sentence_vectors is not None:
                        # Answers weigh each sentence's meaning: embed them now, not per question.
                        self.sentence_vectors.warm([q for c in all_chunks for q in quotes(c.text)])
                    start = 0
                    for doc, chunks in pending:
                        build.add(doc, chunks, vectors[start : start + len(chunks)])
                        start += len(chunks)
                        summary.embedded_chunks += len(chunks)
                        bucket = summary.updated if doc.doc_id in live_docs else summary.added
                        bucket.append(doc.doc_id)
                    pending.clear()

                for f, doc_id, meta, digest in tqdm(
                    changed, desc="documents", disable=not show, unit="doc"
                ):
                    try:
                        doc, chunks = self.parse(f, doc_id, meta, digest)
                    except (IngestError, Exception) as err:  # noqa: BLE001 - one bad file only
                        reason = (
                            err.reason
                            if isinstance(err, IngestError)
                            else (f"could not be read ({type(err).__name__}: {err})")
                        )
                        if not isinstance(err, IngestError):
                            log.warning("%s: %s", f.name, reason, exc_info=err)
                        summary.failed.append((f.name, reason))
                        if doc_id in live_docs:
                            build.keep([doc_id])  # the previous version keeps answering
                        continue
                    pending.append((doc, chunks))
                    if sum(len(c) for _, c in pending) >= 32:
                        flush()
                flush()
                summary.removed = sorted(to_remove)
                manifest = build.commit()
            except BaseException:
                build.abort()
                raise
            self._prune_sentence_vectors()
        summary.chunks = manifest.chunk_count
        summary.generation = manifest.generation
        summary.seconds = time.perf_counter() - started
        return summary

    def _prune_sentence_vectors(self) -> None:
        """Sentences of removed or changed documents leave the vector file with them."""
        snap = self.store.snapshot()
        if self.sentence_vectors is None or snap is None:
            return
        try:
            gone = self.sentence_vectors.prune([q for text in snap.texts() for q in quotes(text)])
        except Exception as err:  # noqa: BLE001 - a stale row costs disk, never an answer
            log.warning("could not prune sentence vectors: %s", err)
            return
        if gone:
            log.info("pruned %d stale sentence vectors", gone)

    def parse(
        self, path: Path, doc_id: str, meta: dict, digest: str
    ) -> tuple[DocumentInfo, list[Chunk]]:
        parsed = read_document(path, self.settings.max_file_bytes, self.settings.max_pdf_pages)
        sample = meta.get("sample")
        if sample is None:  # front matter "sample: true" says so; else any mention of sample data
            flag = parsed.metadata.get("sample", "").strip().lower()
            if flag in {"true", "yes", "false", "no"}:
                sample = flag in {"true", "yes"}
            else:
                sample = "sample" in " ".join(parsed.metadata.values()).lower()
        doc = DocumentInfo(
            doc_id=doc_id,
            title=meta.get("title") or parsed.title or path.stem,
            source=str(path.resolve()),
            content_hash=digest,
            call_id=meta.get("call_id") or parsed.metadata.get("call_id", ""),
            doc_type=meta.get("doc_type") or parsed.metadata.get("type", "document"),
            language=meta.get("language")
            or detect_language(" ".join(b.text for b in parsed.blocks[:40])),
            pages=parsed.page_count,
            sample=bool(sample),
        )
        chunks = chunk_document(
            doc,
            parsed.blocks,
            self.embedder.token_count,
            self.settings.chunk_tokens,
            self.settings.chunk_overlap_tokens,
            language_of=detect_language,
        )
        if not chunks:
            raise IngestError(path.name, "no text found in the file")
        return doc, chunks

    def embed(self, chunks: list[Chunk], show: bool):
        import numpy as np

        texts = [embedding_text(c) for c in chunks]
        out = []
        batch = 16
        for i in tqdm(
            range(0, len(texts), batch), desc="embedding", disable=not show or len(texts) <= batch
        ):
            out.append(self.embedder.embed_passages(texts[i : i + batch]))
        return np.vstack(out)


def embedding_text(chunk: Chunk) -> str:
    """The title and section path travel with the text: a chunk alone often lacks its subject."""
    head = " – ".join(x for x in (chunk.title, *chunk.section[-2:]) if x)
    return f"{head}\n{chunk.text}" if head else chunk.text
