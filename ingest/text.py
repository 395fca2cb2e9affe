"""Text clean-up shared by the readers: hyphenation, headings, sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from index.analysis import spell, voikko_available

# Short words after which a trailing hyphen is a suspended compound ("liikunta- ja kulttuuri").
_CONJUNCTIONS = {"ja", "tai", "sekä", "eli", "että", "och", "eller", "and", "or"}
# A dash is a bullet only before a space: "-järjestelmässä" at a line's start ends a compound
# broken before its hyphen ("EURA 2021 -järjestelmässä").
_BULLET = re.compile(r"^\s*(?:[•▪◦·*]|[\-–](?=\s)|o(?=\s)|\d{1,2}[.)](?=\s))\s*")
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.{1,90})$")
_VOWELS = "aeiouyäöå"


@lru_cache(maxsize=20000)
def _known(word: str) -> bool:
    return spell(word)


def join_hyphenated(left: str, right: str) -> str:
    """Join two lines when ``left`` ends in a hyphen at a line break.

    Finnish keeps real hyphens in compounds ("tasa-arvo", "liikunta- ja"), so the hyphen is only
    dropped when the joined word is a word and the hyphenated one is not.
    """
    m = re.search(r"(\w+)-$", left)
    right_stripped = right.lstrip()
    if not m or not right_stripped:
        return f"{left} {right_stripped}".strip()
    first = re.match(r"[\w/]+", right_stripped)
    nxt = first.group(0) if first else ""
    if not nxt or not nxt[0].isalpha() or not nxt[0].islower():
        # "siirtymä-" + "/nivelvaiheissa", "EU-" + "Rahasto": keep the hyphen, no space.
        if nxt.startswith("/") or (nxt and nxt[0].isupper()):
            return left + right_stripped
        return f"{left} {right_stripped}"
    if nxt.lower() in _CONJUNCTIONS:
        return f"{left} {right_stripped}"
    head = m.group(1)
    joined, hyphened = head + nxt, f"{head}-{nxt}"
    if voikko_available():
        if _known(hyphened) and not _known(joined):
            return left + right_stripped
        if _known(joined):
            return left[:-1] + right_stripped
    # Finnish writes a hyphen where the same vowel meets in a compound (tasa-arvo, kulttuuri-ilta).
    if head[-1].lower() in _VOWELS and head[-1].lower() == nxt[0].lower():
        return left + right_stripped
    return left[:-1] + right_stripped


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1).strip()


def heading_level(line: str) -> int:
    """0 when ``line`` is not a heading; else its depth (``2.1 Kuka voi hakea`` is 2)."""
    s = line.strip()
    if not s or len(s) > 90:
        return 0
    m = _NUMBERED_HEADING.match(s)
    if m and not s.endswith((".", ",", ";")) and m.group(2)[0].isupper():
        # "5.10.2023-4.12.2023 OKM" is a date, not a heading.
        if re.match(r"^\d{1,2}\.\d{1,2}\.\d{4}", s):
            return 0
        return m.group(1).count(".") + 1
    if s.endswith(":") and len(s.split()) <= 4 and s[0].isupper():
        return 1
    return 0


# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "esim",
    "mm",
    "ns",
    "n",
    "p",
    "puh",
    "klo",
    "kl",  # Swedish "kl. 16.15"
    "tfn",
    "inkl",
    "incl",
    "approx",
    "resp",
    "ks",
    "jne",
    "yms",
    "tms",
    "ym",
    "nk",
    "milj",
    "mrd",
    "tuh",
    "eur",
    "t",
    "s",
    "v",
    "vrt",
    "huom",
    "e",
    "g",
    "i",
    "e.g",
    "i.e",
    "etc",
    "bl",
    "a",
    "ca",
    "dvs",
    "kr",
    "nr",
    "no",
    "st",
    "tel",
    "prof",
    "dr",
    "mr",
    "mrs",
}
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-ZÅÄÖ0-9•])")


def split_sentences(text: str) -> list[str]:
    """Split on sentence ends, not after abbreviations, dates ("4.12.2023") or ordinals."""
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        candidate = text[start : m.start()].rstrip()
        last = re.search(r"(\S+)[.!?][\"”’)]?$", candidate)
        word = last.group(1).lower().rstrip(".") if last else ""
        if word in _ABBREV or re.fullmatch(r"\d{1,2}(\.\d{1,2})?", word):
            continue
        if candidate.strip():
            out.append(candidate.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


# How a quote joins the line it cannot be read without: the cell or label right above it, or a
# label some lines up.
ADJACENT = " · "
SKIPPED = " … "


def lines_in_context(lines: list[str]) -> Iterator[tuple[str, bool, str]]:
    """(context, is_label, line) for each line of a passage.

    A list item that starts in lower case ("arvonlisävero silloin, kun …") hangs from the label
    above it; a table cell or row ("ELY-keskus antti.hieta@… puh. 0295 025 116") is read with
    the short cells just before it ("Antti Hieta", "Rahoitusasiantuntija"): pypdf gives each
    cell of a table its own line.

    The context ends in how it joins the line: " · " when it stands right before it (cells, a
    label and its first item), " … " when lines were skipped (a later item of the list).
    """
    label_line = ""
    cells: list[str] = []
    previous = ""
    for i, raw in enumerate(lines):
        line = raw.strip()
        nxt = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
        lower = line[:1].islower()
        label = (
            bool(line)
            and not lower
            and (line.endswith(":") or (not line.endswith((".", "!", "?")) and nxt[:1].islower()))
        )
        cell = 0 < len(line) <= 60 and not lower and not line.endswith((".", ":", "!", "?"))
        if lower and label_line:
            # Right below its label the item reads on from it ("…ovat: kyky jatkaa…").
            if previous.rstrip(":") != label_line:
                context = label_line + SKIPPED
            else:
                context = previous + " " if previous.endswith(":") else label_line + ADJACENT
        elif cells and not line.endswith((".", "!", "?")):
            context = ADJACENT.join(cells[-3:]) + ADJACENT
        else:
            context = ""
        yield context, label, line
        if not lower:
            label_line = line.rstrip(":") if label else ""
        cells = cells + [line] if cell else []
        previous = line


def sentence_units(text: str) -> Iterator[tuple[str, bool, str]]:
    """(context, is_label, sentence) for each sentence of a chunk's text, in order: what an
    answer can quote, and what the answerer and the ingest-time sentence vectors agree on."""
    for context, label, line in lines_in_context(text.split("\n")):
        for sentence in split_sentences(line):
            yield context, label, sentence


def is_quotable(sentence: str, context: str = "") -> bool:
    """Long enough to say something, and made of words (not a page number or a table figure).

    A short table cell says something beside the cells before it ("Rahoittajat · OKM ja STM").
    """
    if not re.search(r"[A-Za-zÄÖÅäöå]{3}", sentence):
        return False
    if re.search(r"%[0-9A-F]{2}|\S{60,}", sentence):
        return False  # a web address broken over lines ("C3%A4minen+ja+hyvinvoinnin+…")
    if _header_row(sentence) or SAMPLE_NOTICE.search(sentence):
        return False
    if not context and _heading(sentence):
        return False
    return len(sentence) >= 12 or bool(context) and len(sentence) >= 3


# The notice on the first page of the project's own sample documents ("ESIMERKKIAINEISTO –
# SAMPLE DATA: …") is about the document, not what it says: no answer quotes it.
SAMPLE_NOTICE = re.compile(r"\bSAMPLE DATA\b")


def _header_row(sentence: str) -> bool:
    """A table's row of column names ("Nimi ja tehtävä – Organisaatio – Yhteystiedot"): labels
    of what the rows below say, nothing said itself."""
    cells = re.split(r"\s+[–·]\s+", sentence.rstrip("."))
    return len(cells) >= 3 and all(
        c[:1].isupper() and len(c.split()) <= 3 and not re.search(r"[\d@]", c) for c in cells
    )


def _heading(sentence: str) -> bool:
    """A heading or a list's label on its own ("Tukikelpoiset kustannukset"): it names what
    follows and says nothing itself (the items below are quoted with it)."""
    return (
        sentence[:1].isupper()
        and len(sentence.split()) <= 5
        and not re.search(r"[.!?:]$|\d", sentence)
    )


def quote_text(context: str, sentence: str) -> str:
    return f"{context}{sentence}"


def quotes(text: str) -> list[str]:
    """Every quote an answer could take from a chunk's text."""
    return [quote_text(c, s) for c, _, s in sentence_units(text) if is_quotable(s, c)]
