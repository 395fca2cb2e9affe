"""The managed uploads folder, and checks on the files admins send.

Uploaded files live in ``<uploads_dir>`` (default ``<data_dir>/uploads``), beside the corpus
folder rather than in it: the corpus folder is curated by hand (and under git here), the uploads
folder is owned by the admin service. Hidden folders inside it are skipped by ingestion:
``.staging/`` (files being checked), ``.trash/`` (withdrawn and replaced versions, kept so an
admin can restore them) and ``.admin/`` (the lock and what admins stated about each file).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import re
import shutil
import threading
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ingest.readers import SUPPORTED

# What a server may say it sends, and the file type it stands for ("" = decide by the name).
CONTENT_TYPES = {
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/plain": ".txt",
    "application/octet-stream": "",
}
_TEXT = {".md", ".markdown", ".txt", ".html", ".htm"}
_KIND = {".pdf": "PDF", ".docx": "DOCX", ".htm": "HTML", ".html": "HTML"}


class AdminBusy(RuntimeError):
    """Another admin action holds the uploads folder."""


@dataclass
class Staged:
    """A file received (upload, download or CLI path), copied into ``.staging`` for checks."""

    path: Path  # .staging/<random>/<safe name>
    original_name: str
    source: str = "upload"  # "upload", a URL, or a local path

    @property
    def name(self) -> str:
        return self.path.name

    def discard(self) -> None:
        shutil.rmtree(self.path.parent, ignore_errors=True)


def safe_name(name: str) -> str:
    """A file name without folders, control characters or a leading dot (hidden files are
    never ingested); letters such as ä, ö, å stay."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-._")[:120] or "document"
    suffix = re.sub(r"[^\w]+", "", suffix).lower()
    return f"{stem}.{suffix}" if suffix else stem


def kind(suffix: str) -> str:
    return _KIND.get(suffix, "text" if suffix in _TEXT else suffix.lstrip(".").upper())


def check_content(path: Path) -> str | None:
    """Why the bytes are not what the file name says, or None when they are."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        return f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUPPORTED)}"
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head:
        return "file is empty"
    if suffix == ".pdf":
        return None if b"%PDF-" in head[:1024] else "not a PDF file (no %PDF- header)"
    if suffix == ".docx":
        try:
            with zipfile.ZipFile(path) as zf:
                if "word/document.xml" not in zf.namelist():
                    return "not a DOCX file (a zip without word/document.xml)"
        except zipfile.BadZipFile:
            return "not a DOCX file (not a zip archive)"
        return None
    if head.startswith(b"%PDF-"):
        return f"the file is a PDF, not {kind(suffix)}; name it .pdf"
    if head.startswith(b"PK\x03\x04"):
        return f"the file is a zip archive (DOCX?), not {kind(suffix)}"
    if b"\x00" in head:
        return f"binary data in a {kind(suffix)} file; check the file type"
    return None


class Uploads:
    """The folder and its bookkeeping; every method is safe to call under ``lock()``."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.staging = self.root / ".staging"
        self.trash = self.root / ".trash"
        self.meta = self.root / ".admin"
        for folder in (self.root, self.staging, self.trash, self.meta):
            folder.mkdir(parents=True, exist_ok=True)
        self._thread_lock = threading.Lock()

    @contextlib.contextmanager
    def lock(self):
        """One admin action at a time, across threads and processes sharing this folder."""
        if not self._thread_lock.acquire(blocking=False):
            raise AdminBusy("another admin action is running; try again when it has finished")
        try:
            with (self.meta / "lock").open("w") as fh:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError as err:
                    raise AdminBusy(
                        "another admin action is running; try again when it has finished"
                    ) from err
                try:
                    yield
                finally:
                    fcntl.flock(fh, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

    # ---- staging ---------------------------------------------------------------------------
    def stage(self, name: str, source: str = "upload") -> Staged:
        """An empty staged file to write into (the caller copies the bytes)."""
        folder = self.staging / uuid.uuid4().hex
        folder.mkdir(parents=True)
        return Staged(folder / safe_name(name), name, source)

    def clean_staging(self, older_than_s: float = 3600) -> None:
        """Leftovers of requests that died half-way."""
        cutoff = dt.datetime.now().timestamp() - older_than_s
        for folder in self.staging.iterdir():
            with contextlib.suppress(OSError):
                if folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)

    # ---- what admins stated about files (call id, title, type), by file name ----------------
    def overrides(self) -> dict[str, dict[str, str]]:
        try:
            return json.loads((self.meta / "overrides.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def save_overrides(self, data: dict[str, dict[str, str]]) -> None:
        path = self.meta / "overrides.json"
        tmp = path.with_name(f".overrides.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
        os.replace(tmp, path)

    # ---- files ------------------------------------------------------------------------------
    def to_trash(self, path: Path) -> Path:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.trash / f"{stamp}-{path.name}"
        shutil.move(str(path), target)
        return target


def move(src: Path, dst: Path) -> None:
    """Into place in one step when both are on one file system (readers never see half)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(src, dst)
    except OSError:  # another file system: copy beside, then rename
        tmp = dst.with_name(f".{dst.name}.{uuid.uuid4().hex[:6]}.tmp")
        shutil.copy2(src, tmp)
        os.replace(tmp, dst)
        src.unlink(missing_ok=True)
