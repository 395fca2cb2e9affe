"""Tables that pypdf's plain text reads cell by cell, put back together as rows.

Plain extraction gives every cell of a table its own line, so a contact table comes out as
"… kustannukset, rahoitusehdot / Merja Niemi / Neuvotteleva …": one row's last cell runs into the
next row's name, and a quote of it tells the reader to ask the wrong person. pypdf's layout mode
keeps the columns apart, so it shows where each cell belongs. Two shapes are regrouped:

- a table under a header of three or more columns, rows apart by blank lines: the header and
  each row become one line, cells apart by " – " ("Julkinen tuki – 80 % kustannuksista –
  280 000."). The column names are not repeated in the rows: "Organisaatio" in every row of a
  contact table would make each of them look like an answer to "which organisation…?";
- two side-by-side columns of short lines (contact cards on a slide) that plain text
  interleaves line by line: each column becomes one line, its lines joined by commas.

The plain lines are replaced only when they hold exactly the words of the table (for side-by-side
columns: interleaved, line by line); anything else is left as pypdf read it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.text import join_hyphenated

_GAP = re.compile(r" {3,}")
_ALIGN = 2  # columns of layout text a cell may sit off its header


@dataclass(frozen=True)
class _Segment:
    col: int
    text: str


@dataclass
class _Table:
    first: str  # the text of the table's first cell, where its plain lines start
    segments: list[str]  # every cell line, as plain text gives them
    lines: list[str]  # what replaces them: one line per row
    interleaved: bool = False  # plain text must hold the segments in this very order


def _segments(line: str) -> list[_Segment]:
    out, pos = [], 0
    for piece in _GAP.split(line.rstrip()):
        start = line.index(piece, pos) if piece.strip() else pos
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(_Segment(start + lead, piece.strip()))
        pos = start + len(piece)
    return out


def _column(col: int, starts: list[int]) -> int | None:
    """The last column starting at or before ``col``: numbers sit right-aligned under a header."""
    inside = [i for i, start in enumerate(starts) if start - _ALIGN <= col]
    return inside[-1] if inside else None


def _fits(segs: list[_Segment], starts: list[int]) -> bool:
    """Every piece sits in a column and ends before the next one begins (no body text)."""
    for seg in segs:
        i = _column(seg.col, starts)
        if i is None:
            return False
        if i + 1 < len(starts) and seg.col + len(seg.text) > starts[i + 1]:
            return False
    return True


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text.endswith("-"):
            text = join_hyphenated(text, part)
        else:
            text = f"{text} {part}" if text else part
    return text


CELL_SEPARATOR = " – "


def _row(cells: list[list[str]]) -> str:
    line = CELL_SEPARATOR.join(_join(c) for c in cells if c)
    return line if line.endswith(".") else line + "."


def _row_groups(
    rows: list[list[_Segment]], i: int, starts: list[int]
) -> tuple[list[list[list[_Segment]]], int]:
    """The rows of a table from line ``i``: groups of lines apart by blank lines, every piece in
    a column; a row starts with two or more cells. Also the line the table ends before."""
    groups: list[list[list[_Segment]]] = []
    blanks = 0
    while i < len(rows):
        segs = rows[i]
        if not segs:
            blanks += 1
            if blanks > 2:  # layout text spaces rows with one or two blank lines
                break
            i += 1
            continue
        new_row = blanks > 0 or not groups
        if not _fits(segs, starts) or (new_row and len(segs) < 2):
            break
        if new_row:
            groups.append([])
        groups[-1].append(segs)
        blanks = 0
        i += 1
    return groups, i


def _cells(group: list[list[_Segment]], starts: list[int]) -> list[list[str]]:
    cells: list[list[str]] = [[] for _ in starts]
    for segs in group:
        for seg in segs:
            cells[_column(seg.col, starts)].append(seg.text)  # type: ignore[index]
    return cells


def _header_table(rows: list[list[_Segment]], at: int) -> tuple[_Table, int] | None:
    header = rows[at]
    if any(ch.isdigit() for s in header for ch in s.text):
        return None  # a row of figures, not column names
    starts = [s.col for s in header]
    groups, end = _row_groups(rows, at + 1, starts)
    if len(groups) < 2:
        return None
    lines = [_row([[s.text] for s in header])] + [_row(_cells(g, starts)) for g in groups]
    segments = [s.text for s in header] + [s.text for g in groups for segs in g for s in segs]
    return _Table(header[0].text, segments, lines), end


def _side_by_side(rows: list[list[_Segment]], at: int, width: int) -> tuple[_Table, int] | None:
    first = rows[at]
    if len(first) != 2 or first[1].col < 0.45 * width:
        return None
    starts = [first[0].col, first[1].col]
    end = at
    while end < len(rows) and len(rows[end]) == 2 and _fits(rows[end], starts):
        end += 1
    if end - at < 3:
        return None
    columns = [[rows[r][c].text for r in range(at, end)] for c in (0, 1)]
    lines = [", ".join(col) + "." for col in columns]
    segments = [s.text for r in range(at, end) for s in rows[r]]
    return _Table(first[0].text, segments, lines, interleaved=True), end


def find_tables(layout_text: str) -> list[_Table]:
    lines = layout_text.splitlines()
    rows = [_segments(x) for x in lines]
    width = max((len(x.rstrip()) for x in lines), default=0)
    found, i = [], 0
    while i < len(rows):
        hit = None
        if len(rows[i]) >= 3:
            hit = _header_table(rows, i)
        elif len(rows[i]) == 2:
            hit = _side_by_side(rows, i, width)
        if hit:
            found.append(hit[0])
            i = hit[1]
        else:
            i += 1
    return found


def _words(lines: list[str]) -> Counter[str]:
    return Counter(w for x in lines for w in x.split())


def regroup_tables(plain_lines: list[str], layout_text: str) -> tuple[list[str], set[str]]:
    """``plain_lines`` with each table found in ``layout_text`` read row by row, and the rows."""
    out, rows = list(plain_lines), set()
    for table in find_tables(layout_text):
        n = len(table.segments)
        for start, line in enumerate(out):
            if line.strip() != table.first:
                continue
            window = out[start : start + n]
            if table.interleaved:
                same = [x.split() for x in window] == [x.split() for x in table.segments]
            else:  # cell by cell, in whatever order the PDF drew them
                same = _words(window) == _words(table.segments)
            if same:
                out[start : start + n] = table.lines
                rows.update(table.lines)
                break
    return out, rows
