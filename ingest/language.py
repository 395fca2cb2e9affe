"""fi / sv / en detection for chunks and questions (offline, lingua)."""

from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = ("fi", "sv", "en")

# Cheap hints that settle short questions lingua may get wrong.
_HINTS = {
    "fi": {
        "mikä",
        "mitä",
        "kuka",
        "milloin",
        "paljonko",
        "voiko",
        "saako",
        "onko",
        "miten",
        "haku",
        "hakea",
        "mihin",
        "kenelle",
        "keneen",
        "entä",
        "kuinka",
        "ja",
        "on",
    },
    "sv": {
        "vad",
        "vem",
        "när",
        "hur",
        "mycket",
        "kan",
        "får",
        "är",
        "och",
        "utlysningen",
        "ansöka",
        "söka",
        "vilka",
        "finns",
        "det",
        "för",
    },
    "en": {
        "what",
        "who",
        "when",
        "how",
        "much",
        "can",
        "is",
        "the",
        "and",
        "apply",
        "call",
        "does",
        "which",
        "are",
        "funding",
        "deadline",
    },
}


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.FINNISH, Language.SWEDISH, Language.ENGLISH
    ).build()


def detect_language(text: str, default: str = "fi") -> str:
    words = re.findall(r"\w+", text.lower())
    if not words:
        return default
    if len(words) <= 6:
        hits = {lang: sum(w in hint for w in words) for lang, hint in _HINTS.items()}
        best = max(hits, key=hits.get)
        if hits[best] and list(hits.values()).count(hits[best]) == 1:
            return best
    if len(words) <= 80:
        # A term quoted from the documents ("one project entity (hankekokonaisuus)") is not the
        # language of the question: it is told by the words around it, when enough are left.
        rest = re.sub(r'\([^()]*\)|"[^"]*"|“[^”]*”', " ", text)
        if len(re.findall(r"\w+", rest)) >= 3:
            text = rest
            words = re.findall(r"\w+", text.lower())
    if len(words) <= 30:
        # Names are in no language ("What is Merja Niemi's phone number?" reads as Finnish
        # with them): a question is told by its other words, when enough are left.
        rest = re.sub(r"(?<=[\s(])[A-ZÅÄÖ][\w'’-]*", " ", text)
        if len(re.findall(r"\w+", rest)) >= 3:
            text = rest
    lang = _detector().detect_language_of(text[:2000])
    if lang is None:
        return default
    return {"FINNISH": "fi", "SWEDISH": "sv", "ENGLISH": "en"}[lang.name]
