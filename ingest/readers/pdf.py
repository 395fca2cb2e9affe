"""PDF text with the physical page of every paragraph, via pypdf."""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

from ingest.errors import IngestError
from ingest.models import ParsedDocument
from ingest.readers.blocks import lines_to_blocks
from ingest.readers.tables import regroup_tables

log = logging.getLogger(__name__)
logging.getLogger("pypdf").setLevel(logging.ERROR)


_ENCRYPTED = "PDF is encrypted with a password; upload an unlocked copy"


def _norm_margin(line: str) -> str:
    """Header/footer lines differ only by page numbers: compare them with digits blanked."""
    return re.sub(r"\d+", "#", line.strip().lower())


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines that repeat at the top or bottom of most pages (running headers, footers).

    A running block can be deeper than the two lines looked at (title, SAMPLE DATA line, date
    line, "Sivu X / N"): the margins are peeled again until no repeating line is left.
    """
    if len(pages) < 3:
        return pages
    for _ in range(5):
        pages, dropped = _peel_running_lines(pages)
        if not dropped:
            break
    return pages


def _peel_running_lines(pages: list[list[str]]) -> tuple[list[list[str]], bool]:
    depth = 2
    counts: Counter[str] = Counter()
    for lines in pages:
        margin = {_norm_margin(x) for x in lines[:depth] + lines[-depth:] if x.strip()}
        counts.update(margin)
    threshold = max(2, int(0.5 * len(pages)))
    running = {k for k, n in counts.items() if n >= threshold}

    def keep(chunk: list[str]) -> list[str]:
        return [x for x in chunk if _norm_margin(x) not in running]

    out = []
    for lines in pages:
        cut = max(depth, len(lines) - depth)
        out.append(keep(lines[:depth]) + lines[depth:cut] + keep(lines[cut:]))
    return out, bool(running)


def _may_hold_table(lines: list[str]) -> bool:
    """Six short lines in a row: cells, which are worth pypdf's slower layout pass."""
    run = 0
    for line in lines:
        run = run + 1 if 0 < len(line.strip()) <= 45 else 0
        if run >= 6:
            return True
    return False


def _page_lines(page) -> tuple[list[str], set[str]]:
    """The page's lines, tables read row by row, and those rows."""
    lines = (page.extract_text() or "").splitlines()
    if not _may_hold_table(lines):
        return lines, set()
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception as err:  # noqa: BLE001 - layout mode is an extra; plain text stands
        log.debug("layout text failed (%s); keeping plain text", type(err).__name__)
        return lines, set()
    return regroup_tables(lines, layout)


def read_pdf(path: Path, max_pages: int = 2000) -> ParsedDocument:
    with path.open("rb") as fh:
        magic = fh.read(1024)
    if b"%PDF-" not in magic:
        raise IngestError(path.name, "not a PDF file (no %PDF header); check the file type")
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = bool(reader.decrypt(""))
            except (FileNotDecryptedError, NotImplementedError, PyPdfError):
                unlocked = False
            if not unlocked:
                raise IngestError(path.name, _ENCRYPTED)
        n_pages = len(reader.pages)
        if n_pages == 0:
            raise IngestError(path.name, "PDF has no pages")
        if n_pages > max_pages:
            raise IngestError(path.name, f"PDF has {n_pages} pages; the limit is {max_pages}")
        read = [_page_lines(page) for page in reader.pages]
        raw_pages = [lines for lines, _ in read]
        rows = [r for _, r in read]
        info = reader.metadata or {}
        meta = {k.lstrip("/").lower(): str(v) for k, v in dict(info).items() if v is not None}
    except IngestError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as err:
        raise IngestError(path.name, f"corrupt or unreadable PDF ({type(err).__name__})") from err

    if sum(len(x.strip()) for lines in raw_pages for x in lines) < 20:
        raise IngestError(
            path.name, "PDF has no text layer (scanned?); run OCR on it first, then upload again"
        )
    pages = _drop_running_lines(raw_pages)
    blocks = lines_to_blocks(pages, rows)
    title = meta.get("title", "").strip()
    return ParsedDocument(blocks=blocks, page_count=n_pages, title=title, metadata=meta)
