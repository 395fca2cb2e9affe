"""Readers: one function per file type, all returning a ``ParsedDocument``."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.errors import IngestError
from ingest.models import ParsedDocument
from ingest.readers.markup import read_docx, read_html, read_markdown, read_text
from ingest.readers.pdf import read_pdf

READERS = {
    ".pdf": read_pdf,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".txt": read_text,
}
SUPPORTED = tuple(sorted(READERS))


def read_document(
    path: Path, max_bytes: int = 100 * 1024 * 1024, max_pages: int = 2000
) -> ParsedDocument:
    """Read any supported file; every failure is an ``IngestError`` with a one-line reason."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise IngestError(
            path.name,
            f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUPPORTED)}",
        )
    if not path.exists():
        raise IngestError(str(path), "file not found")
    if not os.access(path, os.R_OK) or path.is_dir():
        raise IngestError(str(path), "cannot read the file (permissions or not a file)")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(path.name, "file is empty")
    if size > max_bytes:
        raise IngestError(
            path.name, f"file is {size // 2**20} MiB; the limit is {max_bytes // 2**20} MiB"
        )
    try:
        doc = read_pdf(path, max_pages) if suffix == ".pdf" else READERS[suffix](path)
    except IngestError:
        raise
    except PermissionError as err:
        raise IngestError(str(path), "cannot read the file (permission denied)") from err
    if not any(b.text.strip() for b in doc.blocks):
        raise IngestError(path.name, "no text found in the file")
    return doc


__all__ = ["read_document", "SUPPORTED", "IngestError"]
