"""Dates written the ways the documents and the askers write them, in Finnish, Swedish and English.

Shared by the grounding check of generated answers (``bot/generate.py``), which compares every
date an answer states with the sources, and by the reading of a question (``bot/intent.py``,
``bot/answerer.py``), which answers "can we still apply on 10.3.2025?" for that day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "tammikuu january januari jan",
        "helmikuu february februari feb",
        "maaliskuu march mars mar",
        "huhtikuu april apr",
        "toukokuu may maj",
        "kesäkuu june juni jun",
        "heinäkuu july juli jul",
        "elokuu august augusti aug",
        "syyskuu september sep sept",
        "lokakuu october oktober oct okt",
        "marraskuu november nov",
        "joulukuu december dec",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _n

# Month names long enough to stand alone as a date ("joulukuussa"), not "mar" or "may".
FULL_MONTHS = tuple(k for k in MONTHS if len(k) > 3)


def month(word: str) -> int | None:
    """Month number of a month name in any inflection ("joulukuuta", "December", "maj")."""
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    m = re.match(r"(\w+?kuu)", w)  # Finnish: joulukuu|ta, joulukuu|n, joulukuu|ssa
    if m and m.group(1) in MONTHS:
        return MONTHS[m.group(1)]
    if len(w) > 4:
        for name, n in MONTHS.items():
            if len(name) > 4 and w.startswith(name):  # "decembers", "januaris"
                return n
    return None


_MONTH_WORD = r"[A-Za-zÅÄÖåäö]+\.?"
_PATTERNS = [
    # 2023-12-04
    (re.compile(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])"), ("y", "m", "d")),
    # 4.12.2023, 4. 12. 2023
    (re.compile(r"(?<![\d.,])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)"), ("d", "m", "y")),
    # 4/12/2023 (day first, as in Finland; checked with month first as well)
    (re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("d", "m", "y")),
    # 4.12. (no year)
    (re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?!\d)"), ("d", "m")),
    # 4. joulukuuta 2023, 4 December 2023, den 4 december, 4th of December
    (
        re.compile(
            rf"(?<![\d.,])(\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_WORD})"
            rf"(?:\s+(\d{{4}}))?(?!\d)",
            re.IGNORECASE,
        ),
        ("d", "M", "y"),
    ),
    # December 4, 2023 / December 4
    (
        re.compile(rf"({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?![\d.])"),
        ("M", "d", "y"),
    ),
    # joulukuussa 2023, December 2023
    (re.compile(rf"({_MONTH_WORD})\s+(\d{{4}})(?!\d)"), ("M", "y")),
]


class DateMention(NamedTuple):
    """A date as written, and its parts; a part the text leaves out is None."""

    text: str
    year: int | None
    month: int
    day: int | None


def find_dates(text: str) -> tuple[list[DateMention], str]:
    """The dates in ``text``, and the text with each found date blanked out (same length), so that
    a later scan for numbers does not read "4.12.2023" as three numbers.

    "4/12/2023" is given twice, day first and month first, when both read as a date.
    """
    found: list[DateMention] = []
    for pattern, order in _PATTERNS:
        for m in list(pattern.finditer(text)):
            parts = dict(zip(order, m.groups(), strict=True))
            mon = month(parts["M"]) if "M" in parts else int(parts["m"])
            day = int(parts["d"]) if parts.get("d") else None
            year = int(parts["y"]) if parts.get("y") else None
            if mon is None or not 1 <= mon <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            found.append(DateMention(m.group(0), year, mon, day))
            if "/" in m.group(0) and day is not None and day <= 12:  # 12/4/2023, month first
                found.append(DateMention(m.group(0), year, day, mon))
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return found, text


def full_dates(text: str) -> list[dt.date]:
    """Dates with day, month and year in a text ("10.3.2025", "10 mars 2025", "June 10, 2025")."""
    out = []
    for d in find_dates(text)[0]:
        if d.year and d.day:
            try:
                day = dt.date(d.year, d.month, d.day)
            except ValueError:
                continue
            if day not in out:
                out.append(day)
    return out
