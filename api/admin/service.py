"""Admin actions: add, replace, remove, re-ingest, purge; shared by the API, the page and the CLI.

Every action that changes the index goes through ``Ingestor.run``, which builds a new generation
beside the live one and switches atomically, so nothing answers from a half-built index. Files
are put in place before the ingest and taken back when it fails, so the folders always match
the live index and a later re-ingest cannot bring back a state that was refused. Every action
is written to the audit log, whatever its result.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from api.admin.audit import AuditLog
from api.admin.fetch import FetchError, download
from api.admin.files import AdminBusy, Staged, Uploads, check_content, move
from hakuapu.calls import CallsFile, CallsFileError
from hakuapu.services import Services
from index.embedding import Embedder, get_embedder
from index.store import IndexBusy
from ingest.chunker import slugify
from ingest.errors import IngestError
from ingest.pipeline import DocumentOverride, Ingestor, IngestSummary, collect_files
from ingest.readers import SUPPORTED, read_document

log = logging.getLogger(__name__)


class AdminError(Exception):
    """An action refused or failed; ``status`` is the HTTP status, the message one line."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class DocMeta:
    """What the admin states about a file; None = not stated (calls.yaml or the file decides)."""

    call_id: str | None = None
    title: str | None = None
    doc_type: str | None = None

    def given(self) -> dict[str, str]:
        return {k: v.strip() for k, v in asdict(self).items() if v is not None and v.strip()}


# In a server, one extra embedding handle per process for ingests: the model's C engine takes
# one caller at a time, so an ingest on the query handle would hold questions up for seconds
# per batch. (Same model and settings, so the vectors are the same.)
_INGEST_EMBEDDERS: dict[tuple[str, int], Embedder] = {}
_EMBEDDERS_LOCK = threading.Lock()


def _own_embedder(model: str, threads: int) -> Embedder:
    with _EMBEDDERS_LOCK:
        key = (model, threads)
        if key not in _INGEST_EMBEDDERS:
            _INGEST_EMBEDDERS[key] = get_embedder.__wrapped__(model, threads)  # not the cached one
        return _INGEST_EMBEDDERS[key]


def summary_dict(summary: IngestSummary) -> dict[str, Any]:
    return {
        "added": summary.added,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "failed": [{"name": n, "reason": r} for n, r in summary.failed],
        "chunks": summary.chunks,
        "embedded_chunks": summary.embedded_chunks,
        "generation": summary.generation,
        "seconds": round(summary.seconds, 2),
        "line": summary.line(),
    }


class AdminService:
    def __init__(self, services: Services, own_embedder: bool = False):
        """``own_embedder``: ingest with a second model handle (servers, where questions are
        answered while an ingest runs); the CLI shares the one it has."""
        self.services = services
        self.own_embedder = own_embedder
        self.settings = services.settings
        self.uploads = Uploads(self.settings.uploads_path)
        self.audit = AuditLog(services.analytics.engine)
        self._reports = None

    @property
    def reports(self):
        from api.admin.reports import Reports

        if self._reports is None:
            self._reports = Reports(self.services)
        return self._reports

    # ---- reading -------------------------------------------------------------------------
    def calls(self) -> CallsFile | None:
        try:
            return self.services.calls()
        except CallsFileError as err:
            raise AdminError(422, f"calls.yaml: {err}; nothing changed") from err

    def status(self) -> dict[str, Any]:
        manifest = self.services.store.manifest()
        if manifest is None:
            return {"generation": 0, "documents": 0, "chunks": 0, "created_at": None}
        return {
            "generation": manifest.generation,
            "documents": len(manifest.documents),
            "chunks": manifest.chunk_count,
            "created_at": manifest.created_at,
            "embed_model": manifest.embed_model,
        }

    def documents(self) -> list[dict[str, Any]]:
        snap = self.services.store.snapshot()
        if snap is None:
            return []
        manifest = snap.manifest
        versions = self.audit.versions(manifest)
        counts = Counter(snap.keyword.fields["doc_id"].tolist()) if snap.keyword.ids else {}
        try:
            calls = self.services.calls()
        except CallsFileError:
            calls = None
        today = self.settings.today_date()
        out = []
        for doc_id, info in sorted(manifest.documents.items()):
            call = calls.call(info["call_id"]) if calls and info.get("call_id") else None
            source = Path(str(info.get("source", "")))
            out.append(
                {
                    "doc_id": doc_id,
                    "title": info["title"],
                    "call_id": info.get("call_id", ""),
                    "call_status": call.status(today).value if call else None,
                    "doc_type": info.get("doc_type", ""),
                    "language": info.get("language", ""),
                    "pages": info.get("pages", 0),
                    "chunks": int(counts.get(doc_id, 0)),
                    "content_hash": info["content_hash"],
                    "sample": bool(info.get("sample")),
                    "file": source.name,
                    "location": self._location(source),
                    "url": self.services.document_url(doc_id, 1),
                    **versions.get(doc_id, {}),
                }
            )
        return out

    def document(self, doc_id: str) -> dict[str, Any]:
        for doc in self.documents():
            if doc["doc_id"] == doc_id:
                return {**doc, "history": self.audit.history(doc_id)}
        raise AdminError(404, f"{doc_id}: no such document in the index")

    # ---- receiving files -----------------------------------------------------------------
    def stage_stream(self, name: str, stream: IO[bytes], source: str = "upload") -> Staged:
        """Copy an upload into the staging folder (never straight into the uploads folder)."""
        staged = self.uploads.stage(name, source)
        limit = self.settings.max_file_bytes
        size = 0
        try:
            with staged.path.open("wb") as fh:
                while block := stream.read(1 << 16):
                    size += len(block)
                    if size > limit:
                        raise AdminError(
                            413, f"{name}: the file is larger than {limit // 2**20} MiB"
                        )
                    fh.write(block)
        except BaseException:
            staged.discard()
            raise
        return staged

    def stage_path(self, path: Path) -> Staged:
        if not path.is_file():
            raise AdminError(404, f"{path}: no such file")
        with path.open("rb") as fh:
            return self.stage_stream(path.name, fh, source=str(path))

    def fetch(self, url: str, name: str | None = None) -> Staged:
        try:
            return download(
                url,
                self.uploads,
                self.settings.max_file_bytes,
                self.settings.admin_fetch_timeout_s,
                name,
            )
        except FetchError as err:
            raise AdminError(422, f"{url}: {err}") from err

    # ---- actions -------------------------------------------------------------------------
    def add(self, staged: list[Staged], meta: DocMeta, who: str) -> dict[str, Any]:
        """New documents. All or nothing: one bad file and none of them goes in."""
        target = ", ".join(s.source if s.source != "upload" else s.original_name for s in staged)
        with self._audited(who, "add", target) as entry:
            try:
                with self._locked():
                    result = self._add(staged, meta)
            finally:
                for s in staged:
                    s.discard()
            entry.update(detail=result["line"], generation=result["generation"])
            return result

    def replace(self, doc_id: str, staged: Staged, meta: DocMeta, who: str) -> dict[str, Any]:
        """A new version of a document; the old one answers until the switch, never after."""
        source = staged.source if staged.source != "upload" else staged.original_name
        with self._audited(who, "replace", f"{doc_id} <- {source}") as entry:
            try:
                with self._locked():
                    result = self._replace(doc_id, staged, meta)
            finally:
                staged.discard()
            entry.update(detail=result["line"], generation=result["generation"])
            return result

    def remove(self, doc_ids: list[str], who: str) -> dict[str, Any]:
        """Withdraw documents: out of the index, and their files into the trash folder, so a
        re-ingest does not bring them back."""
        with self._audited(who, "remove", ", ".join(doc_ids)) as entry, self._locked():
            result = self._remove(doc_ids)
            entry.update(detail=result["line"], generation=result["generation"])
            return result

    def reingest(self, who: str, paths: list[Path] | None = None) -> dict[str, Any]:
        """Everything again (the corpus folder and the uploads); files that fail keep their
        previous version, and calls.yaml changes apply."""
        folders = paths or [self.settings.corpus_dir, self.uploads.root]
        with self._audited(who, "reingest", ", ".join(map(str, folders))) as entry:
            with self._locked():
                summary = self._run(folders, prune=True)
            result = summary_dict(summary)
            entry.update(
                detail=result["line"] + _failures(summary),
                generation=summary.generation,
                result="ok" if summary.ok else "failed",
            )
            return result

    def purge(self, days: int, who: str) -> int:
        """Retention: questions (and their feedback) older than ``days`` are deleted."""
        if days <= 0:
            raise AdminError(422, "days must be at least 1")
        with self._audited(who, "purge", f"older than {days} days") as entry:
            n = self.services.analytics.purge(days)
            entry.update(detail=f"{n} questions deleted")
            return n

    def retention(self) -> int:
        """The scheduled purge (HAKUAPU_RETENTION_DAYS); logged only when it deleted something."""
        days = self.settings.retention_days
        if days <= 0:
            return 0
        n = self.services.analytics.purge(days)
        if n:
            self.audit.record(
                "retention", "purge", f"older than {days} days", "ok", f"{n} questions deleted"
            )
        return n

    # ---- watch mode ------------------------------------------------------------------------
    def watch(
        self,
        folder: Path,
        who: str,
        stop: threading.Event | None = None,
        debounce_ms: int = 1500,
        on_result: Callable[[dict[str, Any] | AdminError], None] | None = None,
    ) -> None:
        """Ingest ``folder`` now and again whenever a document (or calls.yaml) in it changes;
        an ingest refused as busy is retried on the next quiet moment."""
        from watchfiles import watch

        report = on_result or (lambda r: None)
        folder = folder.resolve()
        wanted = {".yaml", ".yml", *SUPPORTED}

        def relevant(_change, path: str) -> bool:
            p = Path(path)
            rel = p.relative_to(folder).parts if p.is_relative_to(folder) else ()
            hidden = any(part.startswith((".", "_")) for part in rel)
            return not hidden and p.suffix.lower() in wanted

        def once() -> bool:
            try:
                report(self.reingest(who, [folder]))
                return True
            except AdminError as err:
                report(err)
                return err.status != 409  # busy: try again

        # The first ingest runs inside the loop, once the watcher is listening: a file changed
        # while that ingest runs is then seen, not lost in the gap before watching starts.
        pending = True
        for changes in watch(
            folder,
            watch_filter=relevant,
            debounce=debounce_ms,
            stop_event=stop,
            rust_timeout=max(1000, debounce_ms * 2),
            yield_on_timeout=True,
        ):
            if changes or pending:
                pending = not once()

    # ---- internals ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self):
        try:
            with self.uploads.lock():
                yield
        except AdminBusy as err:
            raise AdminError(409, str(err)) from err

    @contextlib.contextmanager
    def _audited(self, who: str, action: str, target: str) -> Iterator[dict[str, Any]]:
        entry: dict[str, Any] = {"result": "ok", "detail": "", "generation": None}
        try:
            yield entry
        except AdminError as err:
            self.audit.record(who, action, target, "failed", err.message)
            raise
        except Exception as err:
            self.audit.record(who, action, target, "failed", f"{type(err).__name__}: {err}")
            raise
        self.audit.record(
            who, action, target, entry["result"], entry["detail"], entry["generation"]
        )

    def _location(self, source: Path) -> str:
        for name, folder in (("uploads", self.uploads.root), ("corpus", self.settings.corpus_dir)):
            if source.is_relative_to(folder.resolve()):
                return name
        return "elsewhere"

    def _managed(self, source: Path) -> bool:
        return self._location(source) != "elsewhere"

    def _live(self) -> dict[str, dict]:
        manifest = self.services.store.manifest()
        return dict(manifest.documents) if manifest else {}

    def _ids_on_disk(self) -> dict[str, Path]:
        files, _, _ = collect_files(
            [p for p in (self.settings.corpus_dir, self.uploads.root) if p.is_dir()]
        )
        return {slugify(f.stem): f for f in files}

    def _ingestor(self) -> Ingestor:
        s = self.settings
        embedder = (
            _own_embedder(s.embed_model, s.embed_threads)
            if self.own_embedder
            else self.services.embedder
        )
        return Ingestor(s, self.services.store, embedder, self.calls())

    def _run(
        self, paths: list[Path], remove: list[str] | None = None, prune: bool = False
    ) -> IngestSummary:
        overrides = {
            name: DocumentOverride(**entry) for name, entry in self.uploads.overrides().items()
        }
        try:
            return self._ingestor().run(
                paths, overrides=overrides, remove=remove, prune=prune, progress=False
            )
        except IndexBusy as err:
            raise AdminError(409, f"{err}; nothing changed") from err

    def _check(self, staged: Staged) -> None:
        """Type by content, then a full read: a file that cannot be read is refused before
        anything moves."""
        reason = check_content(staged.path)
        if reason:
            raise AdminError(422, f"{staged.original_name}: {reason}")
        try:
            read_document(staged.path, self.settings.max_file_bytes, self.settings.max_pdf_pages)
        except IngestError as err:
            raise AdminError(422, f"{staged.original_name}: {err.reason}") from err

    def _check_call(self, meta: DocMeta) -> None:
        if not meta.call_id:
            return
        calls = self.calls()
        if calls is None or calls.call(meta.call_id) is None:
            known = ", ".join(c.id for c in calls.calls) if calls else "none"
            raise AdminError(422, f"unknown call id {meta.call_id!r} (calls.yaml has: {known})")

    def _add(self, staged: list[Staged], meta: DocMeta) -> dict[str, Any]:
        if not staged:
            raise AdminError(422, "no file and no URL given")
        self._check_call(meta)
        live, on_disk = self._live(), self._ids_on_disk()
        seen: dict[str, str] = {}
        for s in staged:
            self._check(s)
            doc_id = slugify(s.path.stem)
            if doc_id in live or doc_id in on_disk or (self.uploads.root / s.name).exists():
                raise AdminError(
                    409,
                    f"{s.original_name}: document {doc_id!r} already exists; "
                    f"replace it with PUT /api/admin/documents/{doc_id}",
                )
            if doc_id in seen:
                raise AdminError(
                    422, f"{s.original_name} and {seen[doc_id]} give the same id {doc_id!r}"
                )
            seen[doc_id] = s.original_name

        overrides = self.uploads.overrides()
        before = dict(overrides)
        placed: list[Path] = []

        def undo() -> None:
            for p in placed:
                p.unlink(missing_ok=True)
            self.uploads.save_overrides(before)

        try:
            for s in staged:
                dst = self.uploads.root / s.name
                move(s.path, dst)
                placed.append(dst)
                if meta.given():
                    overrides[s.name] = meta.given()
            self.uploads.save_overrides(overrides)
            summary = self._run(placed)
        except BaseException:
            undo()
            raise
        names = {p.name for p in placed}
        failed = [(n, r) for n, r in summary.failed if Path(n).name in names]
        if failed:
            undo()
            if summary.added:  # all or nothing: take back the ones that went in
                self._run([], remove=summary.added)
            raise AdminError(
                422,
                "; ".join(f"{n}: {r}" for n, r in failed) + "; nothing was added",
            )
        return summary_dict(summary)

    def _replace(self, doc_id: str, staged: Staged, meta: DocMeta) -> dict[str, Any]:
        live = self._live()
        info = live.get(doc_id)
        if info is None:
            raise AdminError(404, f"{doc_id}: no such document in the index; add it with POST")
        self._check_call(meta)
        self._check(staged)
        old = self.audit.versions(self.services.store.manifest()).get(doc_id, {})
        src = Path(str(info["source"]))
        folder = src.parent if self._managed(src) else self.uploads.root
        target = folder / f"{src.stem}{staged.path.suffix.lower()}"  # same stem: same id

        overrides = self.uploads.overrides()
        before = dict(overrides)
        entry = dict(overrides.pop(src.name, {}))
        entry.update(meta.given())
        # Unless the admin says otherwise, the new version keeps the call and type the document
        # has now; they are pinned only where calls.yaml would not give them to the new file
        # (another file type, an upload made through another server, a stated call).
        calls = self.calls()
        if "call_id" not in entry:
            by_yaml = calls.call_for_document(target.name) if calls else ""
            if str(info.get("call_id", "")) != by_yaml:
                entry["call_id"] = str(info.get("call_id", ""))
        if "doc_type" not in entry and not (calls and calls.document_meta(target.name)):
            if info.get("doc_type") not in (None, "", "document"):
                entry["doc_type"] = str(info["doc_type"])
        if entry:
            overrides[target.name] = entry
        trashed: Path | None = None

        def undo() -> None:
            target.unlink(missing_ok=True)
            if trashed is not None:
                move(trashed, src)
            self.uploads.save_overrides(before)

        try:
            if self._managed(src) and src.exists():
                trashed = self.uploads.to_trash(src)
            move(staged.path, target)
            self.uploads.save_overrides(overrides)
            summary = self._run([target])
        except BaseException:
            undo()
            raise
        failed = [(n, r) for n, r in summary.failed if Path(n).name == target.name]
        if failed:
            undo()
            raise AdminError(
                422,
                "; ".join(f"{staged.original_name}: {r}" for _, r in failed)
                + "; the previous version keeps answering",
            )
        result = summary_dict(summary)
        new_info = self._live().get(doc_id, {})
        new = self.audit.versions(self.services.store.manifest()).get(doc_id, {})
        result.update(
            doc_id=doc_id,
            previous={"content_hash": info["content_hash"], "version": old.get("version")},
            current={"content_hash": new_info.get("content_hash"), "version": new.get("version")},
        )
        result["line"] += f"; {doc_id} version {old.get('version')} -> {new.get('version')}"
        return result

    def _remove(self, doc_ids: list[str]) -> dict[str, Any]:
        if not doc_ids:
            raise AdminError(422, "no document id given")
        live = self._live()
        missing = [d for d in doc_ids if d not in live]
        if missing:
            raise AdminError(404, "; ".join(f"{d}: no such document in the index" for d in missing))
        overrides = self.uploads.overrides()
        before = dict(overrides)
        trashed: list[tuple[Path, Path]] = []

        def undo() -> None:
            for src, dst in reversed(trashed):
                move(dst, src)
            self.uploads.save_overrides(before)

        try:
            for d in dict.fromkeys(doc_ids):
                src = Path(str(live[d]["source"]))
                overrides.pop(src.name, None)
                if self._managed(src) and src.exists():
                    trashed.append((src, self.uploads.to_trash(src)))
            self.uploads.save_overrides(overrides)
            summary = self._run([], remove=list(dict.fromkeys(doc_ids)))
        except BaseException:
            undo()
            raise
        if summary.failed:
            undo()
            raise AdminError(422, _failures(summary).lstrip("; ") + "; nothing was removed")
        result = summary_dict(summary)
        result["trash"] = [str(dst) for _, dst in trashed]
        return result


def _failures(summary: IngestSummary) -> str:
    return "".join(f"; {name}: {reason}" for name, reason in summary.failed)
