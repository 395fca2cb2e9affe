"""Typed records that flow from file readers to the index."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or list item, with the physical page it sits on (1-based)."""

    text: str
    page: int
    section: tuple[str, ...] = ()
    is_heading: bool = False


@dataclass
class ParsedDocument:
    """What a reader returns: the text as blocks, plus what the file says about itself."""

    blocks: list[Block]
    page_count: int
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentInfo:
    """A source document as the index knows it."""

    doc_id: str
    title: str
    source: str  # file name inside the corpus folder
    content_hash: str
    call_id: str = ""
    doc_type: str = "document"
    language: str = "fi"
    pages: int = 1
    sample: bool = False


@dataclass(frozen=True)
class Chunk:
    """A searchable piece of a document; ``pages`` lists every page its text touches."""

    chunk_id: str
    doc_id: str
    title: str
    text: str
    pages: tuple[int, ...]
    section: tuple[str, ...]
    call_id: str
    doc_type: str
    language: str
    content_hash: str  # of the document, so a changed document replaces all its chunks
    ordinal: int = 0
    # (character offset, page) where the text moves to another page; citations of one sentence
    # inside a chunk that spans two pages open the right one.
    page_spans: tuple[tuple[int, int], ...] = ()

    @property
    def page(self) -> int:
        return self.pages[0]

    def page_at(self, offset: int) -> int:
        return page_at(self.page, self.page_spans, offset)

    def metadata(self) -> dict[str, str | int]:
        """Flat metadata for Chroma (scalars only)."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "page": self.page,
            "pages": ",".join(str(p) for p in self.pages),
            "section": " > ".join(self.section),
            "call_id": self.call_id,
            "doc_type": self.doc_type,
            "language": self.language,
            "content_hash": self.content_hash,
            "ordinal": self.ordinal,
            "page_spans": ",".join(f"{o}:{p}" for o, p in self.page_spans),
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict) -> Chunk:
        section = tuple(s for s in str(meta.get("section", "")).split(" > ") if s)
        pages = tuple(int(p) for p in str(meta.get("pages", meta.get("page", 1))).split(",") if p)
        return cls(
            chunk_id=chunk_id,
            doc_id=str(meta["doc_id"]),
            title=str(meta.get("title", "")),
            text=text,
            pages=pages or (1,),
            section=section,
            call_id=str(meta.get("call_id", "")),
            doc_type=str(meta.get("doc_type", "document")),
            language=str(meta.get("language", "fi")),
            content_hash=str(meta.get("content_hash", "")),
            ordinal=int(meta.get("ordinal", 0)),
            page_spans=tuple(
                (int(o), int(p))
                for o, p in (x.split(":") for x in str(meta.get("page_spans", "")).split(",") if x)
            ),
        )


def page_at(first_page: int, spans: tuple[tuple[int, int], ...], offset: int) -> int:
    """The page of the character at ``offset`` in a text whose page changes at ``spans``."""
    page = first_page
    for start, p in spans:
        if start <= offset:
            page = p
    return page
