"""Keyword terms that survive Finnish inflection and compounding.

Finnish words become Voikko lemmas plus their compound parts ("hankehakuun" -> hankehaku, hanke,
haku); words Voikko does not know, and Swedish and English text, go through a Snowball stemmer.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

import Stemmer

log = logging.getLogger(__name__)

_STOP = {
    "fi": set(
        "ja tai sekä on ovat oli olla ei se ne että kuin jos kun myös mutta niin nyt vain "
        "tämä tämän nämä joka jotka jonka mikä mitä missä mihin kuka ketkä milloin miten kuinka "
        "paljonko "
        "onko voiko saako olen olet olemme ette he hän me te minä sinä sen niiden siitä sitä "
        "kanssa mukaan kautta noin eli esim mm".split()
    ),
    "sv": set(
        "och eller är var vara inte det den de som att än om när hur vad vem vilka vilken "
        "kan får ska för på i av till med från en ett man finns har måste jag vi du ni vid mitt "
        "min vår er".split()
    ),
    "en": set(
        "the a an and or is are was were be been not it its this that these those of in on to "
        "for with from by at as what who when how which much many can does do did i you we "
        "have has had should must will would could my our your there about".split()
    ),
}
STOPWORDS = _STOP

_SNOWBALL = {"fi": "finnish", "sv": "swedish", "en": "english"}
# A case ending after a colon ("OKM:n", "2023:ssa", "15 %:iin") is no word of its own; "16:15"
# keeps both.
_WORD = re.compile(r"\b(?<![\w%]:)\w+|(?<=\d:)\d+", re.UNICODE)
_warned = False


@lru_cache(maxsize=1)
def _voikko():
    global _warned
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception as err:  # noqa: BLE001 - any failure means "no Voikko here"
        if not _warned:
            log.warning("Voikko unavailable (%s); Finnish keywords use the Snowball stemmer", err)
            _warned = True
        return None


@lru_cache(maxsize=3)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_SNOWBALL.get(lang, "finnish"))


_voikko_lock = threading.Lock()  # one Voikko handle must not be used by two threads at once


def analyze(word: str) -> list[dict]:
    """Voikko's readings of ``word`` ([] without Voikko); safe from any thread."""
    v = _voikko()
    if v is None:
        return []
    with _voikko_lock:
        return v.analyze(word)


def spell(word: str) -> bool:
    """Voikko knows ``word`` as written (False without Voikko)."""
    v = _voikko()
    if v is None or not word:
        return False
    with _voikko_lock:
        return bool(v.spell(word))


def suggest(word: str) -> list[str]:
    """Voikko's spellings for a misspelt ``word``, best first ([] without Voikko)."""
    v = _voikko()
    if v is None or not word:
        return []
    with _voikko_lock:
        return list(v.suggest(word))


def voikko_available() -> bool:
    return _voikko() is not None


@lru_cache(maxsize=200_000)
def _finnish_terms(word: str, readings: int = 2) -> tuple[str, ...]:
    analyses = analyze(word) if not word.isdigit() else []
    if not analyses:
        return (_stemmer("fi").stemWord(word),)
    terms: list[str] = []
    for a in analyses[:readings]:
        base = a.get("BASEFORM", "").lower()
        if base and base not in terms:
            terms.append(base)
        parts = re.findall(r"\(([^)]+)\)", a.get("WORDBASES", ""))
        parts = [p.lower() for p in parts if len(p) > 2 and p.isalpha()]
        if len(parts) > 1:
            terms.extend(p for p in parts if p not in terms)
    return tuple(terms)


@lru_cache(maxsize=50_000)
def noun_case(word: str) -> str | None:
    """Voikko's case name when every reading of ``word`` is a common noun, else None.

    "lausunto" -> "nimento"; "maksaa" -> None (also the verb "to pay"); "samalla" -> "ulkoolento".
    """
    analyses = analyze(word.lower())
    if not analyses or any(a.get("CLASS") != "nimisana" for a in analyses):
        return None
    return analyses[0].get("SIJAMUOTO")


def is_partitive(word: str) -> bool:
    """Any reading of ``word`` is in the partitive ("tapaamista", "yhteistä")."""
    return any(a.get("SIJAMUOTO") == "osanto" for a in analyze(word.lower()))


@lru_cache(maxsize=50_000)
def is_verb(word: str) -> bool:
    """Any reading of ``word`` is a verb ("käynnistyä", "vaaditaan", "maksaa")."""
    return any(a.get("CLASS") == "teonsana" for a in analyze(word.lower()))


@lru_cache(maxsize=50_000)
def acting_lemmas(word: str) -> frozenset[str]:
    """Lemmas of the readings of ``word`` that are a verb done by someone named: active, third
    person, indicative ("arvioi", "myöntävät"; not "arvioidaan", not "Varmista")."""
    return frozenset(
        a["BASEFORM"]
        for a in analyze(word.lower())
        if a.get("PERSON") == "3" and a.get("MOOD") == "indicative" and "BASEFORM" in a
    )


# Lemmas of auxiliary verbs: inflected forms ("piti", "voidaan") slip past the surface stop list.
_STOP_LEMMAS = {"olla", "voida", "pitää", "täytyä", "ei"}


def word_terms(word: str, lang: str = "fi") -> tuple[str, ...]:
    """One word's terms: Finnish lemma + compound parts, else a Snowball stem; () for stop words."""
    word = word.lower()
    if word in _STOP.get(lang, set()) or (len(word) < 2 and not word.isdigit()):
        return ()
    if lang == "fi":
        found = _finnish_terms(word)
        return () if found and found[0] in _STOP_LEMMAS else found
    return (_stemmer(lang).stemWord(word),)


def first_reading_terms(text: str) -> list[str]:
    """Finnish terms of each word's first reading only: a name's words ("nuorille") should
    not name a call by a rarer reading ("nuora", a rope)."""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        if word in _STOP["fi"] or (len(word) < 2 and not word.isdigit()):
            continue
        found = _finnish_terms(word, readings=1)
        if not (found and found[0] in _STOP_LEMMAS):
            out.extend(found)
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def terms(text: str, lang: str = "fi") -> list[str]:
    """Index terms for ``text``; the same function serves chunks and queries."""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        out.extend(word_terms(word, lang))
    return out


# Question words that say nothing of the topic beside NLTK's lists: auxiliaries and quantifiers.
_MORE_FUNCTION_WORDS = {
    "sv": set(
        "kunna kommer få får fått nya ny nytt flera ofta mest typ typer slags sorts fanns "
        # "När det gäller…", "beträffande": what follows is the topic, these words are not.
        "tar hela helt hel gäller gälla gällande beträffande angående".split()
    ),
    "en": set(
        "get gets got new kind kinds type types sort whole entire regarding concerning "
        # "Is it supposed to happen…": how a rule is asked about, not what it is about.
        "supposed happen happens".split()
    ),
    "fi": set("sama samaa saman samassa samat samoja samoissa muu muuta muussa muissa".split()),
}
_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}


@lru_cache(maxsize=4)
def function_words(lang: str) -> frozenset[str]:
    """Words that carry no topic in a question ("if", "inom", "kunna"): NLTK's stop word lists, as
    llama-index ships them (offline), and the keyword stop words. Not used for indexing, where the
    short lists above keep "under" and "after" searchable."""
    out = set(_STOP.get(lang, set())) | _MORE_FUNCTION_WORDS.get(lang, set())
    try:
        import llama_index.core as li

        path = Path(li.__file__).parent / "_static/nltk_cache/corpora/stopwords" / _NAMES[lang]
        out |= set(path.read_text(encoding="utf-8").split())
    except (ImportError, KeyError, OSError):
        log.warning("NLTK stop words for %s not found; using the short list", lang)
    return frozenset(out)
