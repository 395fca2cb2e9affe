"""Markdown, HTML, DOCX and plain text: one logical page each, headings as the section path."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ingest.errors import IngestError
from ingest.models import Block, ParsedDocument
from ingest.readers.blocks import lines_to_blocks
from ingest.text import normalise_space


class _Sections:
    """Builds blocks while tracking the heading path."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.path: list[tuple[int, str]] = []

    def heading(self, level: int, text: str) -> None:
        text = normalise_space(text)
        if not text:
            return
        self.path = [p for p in self.path if p[0] < level] + [(level, text)]
        self.blocks.append(Block(text, 1, self.section, is_heading=True))

    def text(self, text: str) -> None:
        text = normalise_space(text)
        if text:
            self.blocks.append(Block(text, 1, self.section))

    @property
    def section(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.path)


def _front_matter(text: str) -> tuple[dict, str]:
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, flags=re.S)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), text[m.end() :]


def read_markdown(path: Path) -> ParsedDocument:
    from markdown_it import MarkdownIt

    raw = _decode(path)
    meta, body = _front_matter(raw)
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    out = _Sections()
    level = 0
    row: list[str] | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            level = int(tok.tag[1])
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            out.text(" | ".join(row))  # a table row is one line, as a reader sees it
            row = None
        elif tok.type == "inline" and row is not None:
            row.append(_plain(tok).strip())
        elif tok.type == "inline":
            prev = tokens[i - 1].type if i else ""
            if prev == "heading_open":
                out.heading(level, _plain(tok))
            else:
                out.text(_plain(tok))
    title = str(meta.get("title") or next((b.text for b in out.blocks if b.is_heading), ""))
    return ParsedDocument(out.blocks, 1, title, {k: str(v) for k, v in meta.items()})


def _plain(inline) -> str:
    """What a reader of the rendered page sees: no "**" or "`" marks, a link as its text, an
    image as its description. Quotes are the document's words, not its markup. Raw HTML stays
    as the characters written: it is text to us, and every door escapes it."""
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "image", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def read_html(path: Path) -> ParsedDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_decode(path), "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "noscript"]):
        tag.decompose()
    out = _Sections()
    for el in soup.find_all(
        ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dd", "dt"]
    ):
        if el.name.startswith("h"):
            out.heading(int(el.name[1]), el.get_text(" "))
        elif not el.find(["p", "li"]):
            out.text(el.get_text(" "))
    title = soup.title.get_text(strip=True) if soup.title else ""
    return ParsedDocument(out.blocks, 1, title or _first_heading(out), {})


def read_docx(path: Path) -> ParsedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as err:
        raise IngestError(path.name, "corrupt or unreadable DOCX file") from err
    out = _Sections()
    for para in document.paragraphs:
        style = (para.style.name or "").lower() if para.style is not None else ""
        m = re.match(r"heading (\d)", style)
        if m or style == "title":
            out.heading(int(m.group(1)) if m else 1, para.text)
        else:
            out.text(para.text)
    for table in document.tables:
        for row in table.rows:
            out.text(" | ".join(cell.text.strip() for cell in row.cells))
    title = document.core_properties.title or _first_heading(out)
    return ParsedDocument(out.blocks, 1, title, {})


def read_text(path: Path) -> ParsedDocument:
    pages = [p.splitlines() for p in _decode(path).split("\f")]
    blocks = lines_to_blocks(pages)
    return ParsedDocument(blocks, len(pages), _first_heading_of(blocks), {})


def _first_heading(out: _Sections) -> str:
    return _first_heading_of(out.blocks)


def _first_heading_of(blocks: list[Block]) -> str:
    return next((b.text for b in blocks if b.is_heading), blocks[0].text[:80] if blocks else "")


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise IngestError(path.name, "binary data in a text file; check the file type")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise IngestError(path.name, "text is not UTF-8 or Windows-1252")
