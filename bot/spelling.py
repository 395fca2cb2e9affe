"""Letters a keyboard left out: "milloin haku paattyy" means "päättyy".

People type into a chat box on a foreign keyboard or a phone and leave out ä, ö and å. Such a
question finds nothing by its words and reads as full of unknown words, so it would be refused.
A question that has none of those letters gets them back, word by word, where the word as typed
is no word: Voikko decides for Finnish; for Swedish, the documents' own words, the glossary and
the function words do (no Swedish dictionary ships here).
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import re
from collections.abc import Callable, Container

from bot.intent import need_words
from index.analysis import function_words, spell, suggest, voikko_available, word_terms
from index.glossary import finnish_synonyms, load

# What a missing letter may have been, per language.
_LETTERS = {"fi": {"a": "aä", "o": "oö"}, "sv": {"a": "aäå", "o": "oö"}}
_MAX_SPELLINGS = 512  # "foraldraskapsstodet" has 108; longer words are left as they are
_TYPED_FULLY = re.compile(r"[äöåÄÖÅ]")


def restore_letters(question: str, lang: str, vocabulary: Container[str] | None) -> str:
    """The question with ä, ö and å put back into words that are no words without them.

    English questions are left as they are, and so are Swedish ones typed with the letters.
    """
    # Swedish has no dictionary here: in a question typed with the letters only a long word is
    # mended ("forsamling"), a short one may be a word the documents just do not use. A Finnish
    # word is mended only where Voikko knows no such word ("viimeisenä paivana").
    if lang not in _LETTERS:
        return question
    shortest = 7 if lang == "sv" and _TYPED_FULLY.search(question) else 0
    if lang == "fi" and not voikko_available():
        return question
    known = spell if lang == "fi" else _known_words(lang, vocabulary or set())

    def spelled(word: str) -> str | None:
        """The word as written, or with the missing letters, if that is a known word."""
        if known(word.lower()):
            return word
        return next((s for s in _spellings(word, _LETTERS[lang]) if known(s.lower())), None)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if len(word) < shortest or not word.isalpha() or not re.search("[ao]", word, re.I):
            return word
        if _name_or_part(m):
            return word
        found = spelled(word)
        if found is None and lang == "sv" and len(word) >= 8:
            # Swedish compounds the documents do not use whole: "ansokningsdag" is "ansöknings" +
            # "dag" (a linking s may join the parts).
            for i in range(3, len(word) - 2):
                head, tail = word[:i], word[i:]
                first = spelled(head) or (
                    (h := spelled(head[:-1])) and h + head[-1] if head.endswith("s") else None
                )
                second = first and spelled(tail)
                if first and second:
                    found = first + second
                    break
        return found or word

    return re.sub(r"\w+", fix, question)


# Spoken Finnish in a chat box ("onks", "millon", "mä"): the written forms Voikko and the
# documents know. Short, frequent forms are listed; the regular changes are undone by rule.
_SPOKEN = {
    "mä": "minä",
    "sä": "sinä",
    "oo": "ole",
    "oot": "olet",
    "tää": "tämä",
    "meijän": "meidän",
    "teijän": "teidän",
}


_SPOKEN_NUMBER = {"ykkös": "1", "kakkos": "2", "kolmos": "3", "nelos": "4"}
_SPOKEN_PART = re.compile(r"\b(ykkös|kakkos|kolmos|nelos)-?(alakoh\w*|alateem\w*)", re.I)
# "ykköselle" alone, in a talk about a call's strands, is strand 1 in the same case.
_BARE_PART = re.compile(r"\b(ykkö|kakko|kolmo|nelo)(nen|s(?:elle|een|essä|estä|ella|tä))\b", re.I)
_PART_CASES = {
    "nen": "alakohta",
    "selle": "alakohdalle",
    "seen": "alakohtaan",
    "sessä": "alakohdassa",
    "sestä": "alakohdasta",
    "sella": "alakohdalla",
    "stä": "alakohtaa",
}


def standard_finnish(question: str) -> str:
    """A Finnish question with spoken forms written out: the clitic "-ks" ("onks", "voiks") is
    "-ko"/"-kö", and an "i" dropped from a diphthong ("millon", "aikasintaan", "tavotetaan") is
    put back. Only words Voikko does not know change, and only into words it knows. A part
    numbered in one word is written with its number ("kakkosalakohdassa": "alakohdassa 2")."""
    question = _SPOKEN_PART.sub(lambda m: f"{m[2]} {_SPOKEN_NUMBER[m[1].lower()]}", question)
    question = _BARE_PART.sub(
        lambda m: f"{_PART_CASES[m[2].lower()]} {_SPOKEN_NUMBER[m[1].lower() + 's']}", question
    )
    if not voikko_available():
        return question

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in _SPOKEN:
            return _SPOKEN[low]
        if not word.isalpha() or len(word) < 4 or _name_or_part(m) or spell(low):
            return word
        if low.endswith("ks"):
            for clitic in ("ko", "kö") if re.search("[aou]", low[:-2]) else ("kö", "ko"):
                if spell(low[:-2] + clitic):
                    return word[:-2] + clitic
        for spelled in _with_diphthongs(low):
            if spell(spelled):
                return spelled
        return word

    return re.sub(r"\w+", fix, question)


def _with_diphthongs(word: str) -> list[str]:
    """The word with an "i" after one or two vowels of its later syllables, before a consonant."""
    spots = [
        i + 1
        for i in range(1, len(word) - 1)
        if word[i] in "aeouäö" and word[i + 1] not in "aeiouyäö"
    ]
    out = [word[:i] + "i" + word[i:] for i in spots]
    out += [
        word[:i] + "i" + word[i:j] + "i" + word[j:] for i, j in itertools.combinations(spots, 2)
    ]
    return out


def fix_typos(question: str, lang: str, vocabulary: Container[str] | None) -> str:
    """The question with one-letter slips mended ("osatoteutajaa", "deadlne", "budjettti").

    Finnish: into a word of the documents that Voikko suggests, so that a slip in a word they
    never use leaves it unknown, which is what it was. English: into a word of an English
    dictionary (pyspellchecker's), unless the documents or the glossary know the word as typed
    ("EURA", "OKM"). Swedish, which has no dictionary here: a long word neither the documents nor
    the glossary know, into the one word a slip away that they do. Names, acronyms and short
    words (where one letter makes another word) are left alone.
    """
    if not vocabulary or lang not in _LANGS or (lang == "fi" and not voikko_available()):
        return question
    if lang == "fi":
        question = _join_split_compounds(question, vocabulary)
    ours = _known_words(lang, vocabulary)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if lang == "en" and word.lower() in _CONTRACTED:
            return _CONTRACTED[word.lower()]  # "whats the call code": chat without apostrophes
        if len(word) < _MIN_TYPO_LENGTH[lang] or not word.isalpha() or _name_or_part(m):
            return word
        if lang == "fi":
            if spell(word):
                # "arvolisävero" is a word (arvo+lisä+vero), but the documents say arvonlisävero.
                return _slip_of_a_document_word(word, vocabulary) or word
            # Voikko's first guesses that are the documents' words, one slip away and with the
            # same first letter ("uusi" is no "kuusi").
            for s in suggest(word)[:5]:
                if s[:1] == word[:1] and _one_edit(word, s) and _finnish_in(s, vocabulary):
                    return s
            return word
        if ours(word):
            return word
        if lang == "sv":
            # No Swedish dictionary: a long word one slip from exactly one word the documents or
            # the glossary know ("infotilfället" is "infotillfället").
            low = word.lower()
            # A compound opening with a term ("kostnadsberäkning") is left alone, unless one slip
            # away is a whole term ("kostnadsmodel" is "kostnadsmodell").
            opening = _term_opening(low)
            found = {}  # each mending and the length of the glossary term it opens with
            for c in _edits(low):
                if c[:1] != low[:1]:
                    continue
                n = _term_opening(c)
                if (n == len(c) > opening) if opening else (n or ours(c)):
                    found[c] = n
            # The one that is more of a term wins: "förskottsbetalning", not "förskottbetalning".
            best = [c for c, n in found.items() if n == max(found.values(), default=0)]
            return word[:1] + best[0][1:] if len(best) == 1 else word
        english = _english()
        if word in english:
            return word
        return english.correction(word) or word

    return re.sub(r"\w+", fix, question)


_LANGS = ("fi", "sv", "en")
# English contractions typed without the apostrophe ("its" is a word of its own).
_CONTRACTED = {
    "whats": "what is",
    "whos": "who is",
    "wheres": "where is",
    "whens": "when is",
    "hows": "how is",
    "thats": "that is",
    "theres": "there is",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "doesnt": "does not",
    "dont": "do not",
    "didnt": "did not",
    "hasnt": "has not",
    "havent": "have not",
    "cant": "cannot",
    "couldnt": "could not",
    "shouldnt": "should not",
    "wont": "will not",
    "im": "I am",
    "ive": "I have",
    "youre": "you are",
}
# A Finnish word a slip away from another is seldom a different word when it is this long.
_MIN_SLIP_OF_A_WORD = 10


def _slip_of_a_document_word(word: str, vocabulary: Container[str]) -> str | None:
    """A long word Voikko accepts but the documents never use, one slip inside it from exactly one
    word they do use, written as that word in the same inflection when it can be."""
    if len(word) < _MIN_SLIP_OF_A_WORD:
        return None
    lemma = (word_terms(word, "fi")[:1] or [""])[0]
    if len(lemma) < _MIN_SLIP_OF_A_WORD or lemma in vocabulary:
        return None  # (its parts may all be known: "arvo", "lisä", "vero")
    found = [c for c in _edits(lemma) if c[:1] == lemma[:1] and c in vocabulary]
    if len(found) != 1:
        return None
    meant = found[0]
    # lemma = head + typed + tail, meant = head + right + tail: mend the typed word the same way.
    head = len(os.path.commonprefix([lemma, meant]))
    tail = len(os.path.commonprefix([lemma[head:][::-1], meant[head:][::-1]]))
    if head < 3 or tail < 3:
        return None  # a different ending is a different word: "ministeri", "ministeriö"
    typed, right = lemma[head : len(lemma) - tail], meant[head : len(meant) - tail]
    low = word.lower()
    if low.startswith(lemma[:head] + typed):
        return word[:head] + right + word[head + len(typed) :]
    return meant


# The second word is matched ahead, so that each word is tried with the one before it.
_TWO_WORDS = re.compile(r"\b([a-zäöå]{3,}) (?=([a-zäöå]{4,})\b)")


def _join_split_compounds(question: str, vocabulary: Container[str]) -> str:
    """A compound typed apart ("info tilaisuus" for "infotilaisuus"), whose second part alone the
    documents never use, is joined when the whole is a Finnish word that they (or the glossary,
    by a synonym they use) know."""

    def join(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        whole = first + second
        if first in function_words("fi") or _finnish_in(second, vocabulary) or not spell(whole):
            return m.group(0)
        if list(word_terms(first, "fi")[:1]) not in ([], [first]):
            return m.group(0)  # an inflected word is no compound part: "hankkeen vähimmäiskoko"
        lemma = word_terms(whole, "fi")[:1]
        synonyms = finnish_synonyms(lemma[0]) if lemma else frozenset()
        known = _finnish_in(whole, vocabulary) or any(x in vocabulary for x in synonyms)
        return first if known else m.group(0)  # the space goes: the second word follows

    return _TWO_WORDS.sub(join, question)


# Finnish words are long, and a five-letter slip is often another word ("kunta", "junta").
_MIN_TYPO_LENGTH = {"fi": 6, "en": 5, "sv": 9}


def _name_or_part(m: re.Match[str]) -> bool:
    """A name ("Mika", "Lapin"), or a part of a hyphenated word or of "USA:han": left alone."""
    text, start, end = m.string, m.start(), m.end()
    if not m.group(0).islower() and start > 0:
        return True
    return text[start - 1 : start] in ("-", ":") or text[end : end + 1] == "-"


@functools.cache
def _english():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def _finnish_in(word: str, vocabulary: Container[str]) -> bool:
    """The documents use the word: its lemma, or every part of the compound."""
    found = word_terms(word, "fi")
    if not found:
        return False
    return found[0] in vocabulary or (len(found) > 1 and all(t in vocabulary for t in found[1:]))


def _edits(word: str) -> set[str]:
    """Words one slip away: a letter left out, swapped, wrong or extra (Norvig's edits1)."""
    letters = "abcdefghijklmnopqrstuvwxyzäöå"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in letters}
        | {a + c + b for a, b in splits for c in letters}
    )


def _one_edit(a: str, b: str) -> bool:
    return b in _edits(a)


def _spellings(word: str, letters: dict[str, str]) -> list[str]:
    """Every way of writing ``word`` with the missing letters, fewest changes first."""
    options = [letters.get(ch.lower(), ch) for ch in word]
    if math.prod(len(o) for o in options) > _MAX_SPELLINGS:
        return []
    out = []
    for chars in itertools.product(*options):
        spelled = "".join(c.upper() if w.isupper() else c for c, w in zip(chars, word, strict=True))
        if spelled != word:
            out.append(spelled)
    return sorted(out, key=lambda s: sum(a != b for a, b in zip(s, word, strict=True)))


def _known_words(lang: str, vocabulary: Container[str]) -> Callable[[str], bool]:
    """A Swedish or English word the documents, the glossary (each word of its terms) or the
    function words know, in this form or another form of it."""
    glossary, stems = _glossary_words(lang)
    small = function_words(lang)

    def known(word: str) -> bool:
        if word in small or word in glossary or need_words(word):
            return True
        return any(t in vocabulary or t in stems for t in word_terms(word, lang))

    return known


def _term_opening(word: str) -> int:
    """The length of the longest one-word Swedish glossary term the word begins with (as the
    glossary matches them: "infotillfället"), 0 when none."""
    terms = _swedish_terms()
    return max((k for k in range(5, len(word) + 1) if word[:k] in terms), default=0)


@functools.cache
def _swedish_terms() -> frozenset[str]:
    return frozenset(
        v.lower() for e in load() for v in e.variants.get("sv", ()) if " " not in v and len(v) >= 5
    )


@functools.cache
def _glossary_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Each word of the glossary's terms in ``lang``, and their stems (read once: a hot path)."""
    variants = (v.lower() for e in load() for v in e.variants.get(lang, ()))
    words = frozenset(w for v in variants for w in v.split())
    return words, frozenset(t for w in words for t in word_terms(w, lang))
