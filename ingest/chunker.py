"""Cut blocks into chunks on sentence and heading boundaries, sized in model tokens."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.models import Block, Chunk, DocumentInfo
from ingest.text import split_sentences


@dataclass(frozen=True)
class _Unit:
    text: str
    page: int
    section: tuple[str, ...]
    tokens: int


def _units(blocks: list[Block], count: Callable[[str], int], limit: int) -> list[_Unit | None]:
    """Sentences with their page; ``None`` marks a heading (a preferred place to cut)."""
    out: list[_Unit | None] = []
    for block in blocks:
        if block.is_heading:
            out.append(None)
            continue
        for sent in split_sentences(block.text):
            n = count(sent)
            if n <= limit:
                out.append(_Unit(sent, block.page, block.section, n))
                continue
            # One over-long "sentence" (a table row run): cut by words, each piece filled up to
            # the limit as the model counts it (a URL or a code costs many tokens per word).
            piece: list[str] = []
            for word in (w for long in sent.split() for w in _cut_word(long, count, limit)):
                if piece and count(" ".join([*piece, word])) > limit:
                    text = " ".join(piece)
                    out.append(_Unit(text, block.page, block.section, count(text)))
                    piece = []
                piece.append(word)
            if piece:
                text = " ".join(piece)
                out.append(_Unit(text, block.page, block.section, count(text)))
    return out


def _cut_word(word: str, count: Callable[[str], int], limit: int) -> list[str]:
    """A single "word" over the limit (a long URL): cut it into character runs that fit."""
    if count(word) <= limit:
        return [word]
    out: list[str] = []
    while word:
        size = len(word)
        while size > 1 and count(word[:size]) > limit:
            size = size * 3 // 4
        out.append(word[:size])
        word = word[size:]
    return out


def chunk_document(
    doc: DocumentInfo,
    blocks: list[Block],
    count_tokens: Callable[[str], int],
    max_tokens: int = 220,
    overlap_tokens: int = 40,
    language_of: Callable[[str], str] | None = None,
) -> list[Chunk]:
    units = _units(blocks, count_tokens, max_tokens)
    groups: list[list[_Unit]] = []
    current: list[_Unit] = []
    size = 0
    min_fill = max_tokens // 4
    for unit in units:
        if unit is None:  # heading: cut here unless the chunk is still tiny
            if size >= min_fill:
                groups.append(current)
                current, size = [], 0
            continue
        if current and size + unit.tokens > max_tokens:
            groups.append(current)
            tail: list[_Unit] = []
            kept = 0
            for prev in reversed(current):
                if kept + prev.tokens > overlap_tokens or prev.section != unit.section:
                    break
                tail.insert(0, prev)
                kept += prev.tokens
            while tail and kept + unit.tokens > max_tokens:  # the overlap must not overfill it
                kept -= tail.pop(0).tokens
            current, size = tail, kept
        current.append(unit)
        size += unit.tokens
    if current:
        groups.append(current)
    groups = _fit(groups, count_tokens, max_tokens)

    chunks = []
    for ordinal, group in enumerate(groups):
        text = "\n".join(u.text for u in group)
        pages = tuple(sorted({u.page for u in group}))
        spans: list[tuple[int, int]] = []
        offset = 0
        for u in group:
            if not spans or spans[-1][1] != u.page:
                spans.append((offset, u.page))
            offset += len(u.text) + 1
        section = group[-1].section if group[0].section != group[-1].section else group[0].section
        lang = language_of(text) if language_of else doc.language
        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        chunks.append(
            Chunk(
                chunk_id=f"{doc.doc_id}:{doc.content_hash[:10]}:{ordinal:04d}:{digest}",
                doc_id=doc.doc_id,
                title=doc.title,
                text=text,
                pages=pages,
                page_spans=tuple(spans),
                section=section,
                call_id=doc.call_id,
                doc_type=doc.doc_type,
                language=lang,
                content_hash=doc.content_hash,
                ordinal=ordinal,
            )
        )
    return chunks


def _fit(groups: list[list[_Unit]], count: Callable[[str], int], limit: int) -> list[list[_Unit]]:
    """Sentence counts only add up to about the joined text's count (tokens merge or split at
    the joins), so check each chunk as a whole and move trailing sentences on when it is over."""
    out: list[list[_Unit]] = []
    queue = list(groups)
    while queue:
        group = queue.pop(0)
        spill: list[_Unit] = []
        while len(group) > 1 and count("\n".join(u.text for u in group)) > limit:
            spill.insert(0, group.pop())
        out.append(group)
        if spill:
            queue.insert(0, spill)
    return out


def slugify(name: str) -> str:
    """Stable document id from a file name: lowercase ASCII, hyphens."""
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a"})
    s = name.translate(table).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "document"
