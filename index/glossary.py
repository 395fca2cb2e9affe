"""Finnish equivalents of a Swedish or English question's funding terms (see glossary.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

GLOSSARY = Path(__file__).with_name("glossary.yaml")


@dataclass(frozen=True)
class Entry:
    fi: tuple[str, ...]
    variants: dict[str, tuple[str, ...]]  # the Swedish and English terms, as written
    patterns: dict[str, re.Pattern[str]]


def _pattern(variants: list[str]) -> re.Pattern[str]:
    """Any variant at a word start; the word may go on ("attachment" matches "attachments")."""
    alts = sorted((r"\s+".join(map(re.escape, v.split())) for v in variants), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})", re.IGNORECASE)


@lru_cache(maxsize=4)
def load(path: Path = GLOSSARY) -> tuple[Entry, ...]:
    entries = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        variants = {lang: tuple(raw[lang]) for lang in ("sv", "en") if raw.get(lang)}
        patterns = {lang: _pattern(list(v)) for lang, v in variants.items()}
        entries.append(Entry(tuple(raw["fi"]), variants, patterns))
    return tuple(entries)


@lru_cache(maxsize=4)
def glossary_words(lang: str) -> frozenset[str]:
    """The single-word Swedish or English terms of the glossary, lower case."""
    return frozenset(v.lower() for e in load() for v in e.variants.get(lang, ()) if " " not in v)


def matches(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, entry index) of the glossary terms in ``text``: longest first, no overlaps."""
    if lang == "fi":
        return []
    found = [
        (m.start(), m.end(), i)
        for i, e in enumerate(load())
        if lang in e.patterns
        for m in e.patterns[lang].finditer(text)
    ]
    taken: list[tuple[int, int, int]] = []
    for start, end, i in sorted(found, key=lambda f: f[0] - f[1]):
        if all(end <= a or start >= b for a, b, _ in taken):
            taken.append((start, end, i))
    return sorted(taken)


def finnish_equivalents(text: str, lang: str) -> list[tuple[str, ...]]:
    """For each glossary term found in ``text`` (a Swedish or English question), its Finnish words.

    Empty for Finnish text: the documents' own words need no translation.
    """
    entries = load()
    hits = sorted({i for _, _, i in matches(text, lang)})
    return [entries[i].fi for i in hits]


@lru_cache(maxsize=1)
def _finnish_groups() -> dict[str, frozenset[str]]:
    from index.analysis import terms

    out: dict[str, frozenset[str]] = {}
    for e in load():
        group = frozenset(t for w in e.fi for t in terms(w, "fi")[:1])
        for lemma in group:
            out[lemma] = out.get(lemma, frozenset()) | group
    return out


@lru_cache(maxsize=1)
def _entry_terms() -> dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]]:
    """Per entry's Finnish words: (the words' lemmas, all their terms with compound parts)."""
    from index.analysis import terms

    out = {}
    for e in load():
        lemmas = frozenset(t for w in e.fi for t in terms(w, "fi")[:1])
        out[e.fi] = (lemmas, frozenset(terms(" ".join(e.fi), "fi")))
    return out


@lru_cache(maxsize=512)
def distinctive_terms(fi: tuple[str, ...]) -> frozenset[str]:
    """The Finnish terms that identify an entry: its words' lemmas, and the compound parts no
    other entry has ("ministeriö" is part of both ministries' names, so it tells neither apart).
    """
    table = _entry_terms()
    lemmas, every = table[fi]
    elsewhere = {t for key, (_, ts) in table.items() if key != fi for t in ts}
    return lemmas | (every - lemmas - elsewhere)


def finnish_synonyms(lemma: str) -> frozenset[str]:
    """The Finnish lemmas that share a glossary entry with ``lemma`` ("käynnistyä": alkaa...)."""
    return _finnish_groups().get(lemma, frozenset())
