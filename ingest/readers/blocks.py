"""Turn lines of text (per page) into paragraphs, bullets and headings with a section path."""

from __future__ import annotations

from ingest.models import Block
from ingest.text import heading_level, is_bullet, join_hyphenated, normalise_space, strip_bullet


def lines_to_blocks(pages: list[list[str]], rows: list[set[str]] | None = None) -> list[Block]:
    """``pages[i]`` are the lines of physical page ``i + 1``; ``rows[i]`` those of its lines that
    are whole table rows (ingest/readers/tables.py): each is a paragraph of its own, and none
    sets the page's width.

    A paragraph ends at a blank line, a bullet, a heading, or a short line followed by one that
    starts with a capital (table cells and list rows come out of pypdf as short lines; wrapped
    paragraph lines run close to the page's widest line). A word hyphenated across a page break
    is finished on the page where it starts (that is where a reader sees it).
    """
    blocks: list[Block] = []
    section: list[tuple[int, str]] = []
    for page_no, lines in enumerate(pages, start=1):
        text = ""
        whole = rows[page_no - 1] if rows else set()
        widest = max((len(x.strip()) for x in lines if x not in whole), default=0)
        prev_len = 0

        def flush(text: str, page_no: int = page_no) -> str:
            cleaned = normalise_space(text)
            if cleaned:
                blocks.append(Block(cleaned, page_no, tuple(t for _, t in section)))
            return ""

        for i, raw in enumerate(lines):
            line = raw.rstrip()
            if not line.strip():
                text = flush(text)
                continue
            if raw in whole:
                text = flush(text)
                flush(line)
                continue
            level = heading_level(line)
            if level and is_bullet(line) and _wraps(line, lines[i + 1 :], widest):
                level = 0  # "3. Valitse haku ja täytä" + "lomake.": a step, not a title
            if level:
                text = flush(text)
                title = normalise_space(line).rstrip(":")
                section[:] = [s for s in section if s[0] < level] + [(level, title)]
                blocks.append(Block(title, page_no, tuple(t for _, t in section), is_heading=True))
                continue
            if is_bullet(line):
                text = flush(text)
                text = strip_bullet(line)
                # A short last item does not run on into the paragraph after the list.
                prev_len = len(line.strip())
                continue
            starts_upper = line.strip()[:1].isupper()
            if text and starts_upper and (prev_len < 0.6 * widest or text.endswith((".", ":"))):
                text = flush(text)
            if text.endswith("-"):
                text = join_hyphenated(text, line.strip())
            else:
                text = f"{text} {line.strip()}" if text else line.strip()
            prev_len = len(line.strip())
        # Word split over a page break: pull its tail back onto this page.
        if text.endswith("-") and page_no < len(pages):
            nxt = pages[page_no]
            for i, candidate in enumerate(nxt):
                if candidate.strip():
                    head, _, rest = candidate.strip().partition(" ")
                    if head[:1].islower():
                        text = join_hyphenated(text, head)
                        nxt[i] = rest
                    break
        text = flush(text)
    return blocks


def _wraps(line: str, rest: list[str], widest: int) -> bool:
    """A numbered line that runs on: the next line continues it, or it is as wide as body text."""
    nxt = next((x.strip() for x in rest if x.strip()), "")
    if nxt[:1].islower() or nxt.startswith("-"):
        return True
    return widest >= 60 and len(line.strip()) >= 0.8 * widest
