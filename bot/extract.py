"""Extractive answering: pick the sentences of the retrieved passages that answer the question."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.intent import (
    BOUND_DIRECTION,
    CUES,
    DECISION_ASKED,
    DECISION_NAMED,
    GETS_MONEY,
    LANGUAGE_ASKED,
    LANGUAGE_NAMED,
    NAMING_CUES,
    NEED_CUES,
    NEED_LEMMAS,
    NEW_ASKED,
    POINTS_ASKED,
    PREVIOUS_NAMED,
    SHARE_ASKED,
    SPAN_PATTERNS,
    SUM_NOUNS,
    Need,
    asked_thing_at,
    bound_direction,
    counted_word,
    is_definition,
    need_words,
)
from index.analysis import (
    acting_lemmas,
    analyze,
    function_words,
    is_partitive,
    is_verb,
    noun_case,
    suggest,
    terms,
    word_terms,
    words,
)
from index.glossary import (
    distinctive_terms,
    finnish_equivalents,
    finnish_synonyms,
    glossary_words,
    matches,
)
from index.glossary import load as load_glossary
from index.retriever import Passage
from ingest.language import detect_language
from ingest.models import page_at
from ingest.text import is_quotable, quote_text, sentence_units


@dataclass
class Sentence:
    text: str
    passage: Passage
    page: int
    coverage: float  # share of the question's content terms found in the sentence
    has_span: bool
    score: float
    context: str = ""  # the lead-in a list item hangs from, or the table cells beside a cell
    similarity: float = 0.0  # cosine with the question, when sentence meaning is used
    named: bool = False  # a naming cue says it is of the thing asked about, in other words

    @property
    def quote(self) -> str:
        """The sentence after what it cannot be read without ("… eivät ole tukikelpoisia")."""
        return quote_text(self.context, self.text)


Concepts = list[frozenset[str]]

# Verbs that carry no topic: "saivat rahoitusta" is about rahoitus, not about getting.
WEAK_LEMMAS = {
    "saada",
    "tulla",
    "haluta",
    "tarvita",
    "tehdä",
    "käydä",
    "mennä",
    "löytyä",
    "kannattaa",
    "kelvata",  # "kelpaako", "sopiiko": whether the situation fits is the question, not its topic
    "sopia",
}
# Nouns that frame a rule ("vähimmäisvaatimus", "edellytys") or a role ("mikä sen rooli on" asks
# what it does) rather than name its topic.
WEAK_LEMMAS |= {"vaatimus", "edellytys", "ehto", "kriteeri", "pakko", "velvoite", "velvollisuus"}
WEAK_LEMMAS |= {"vaatia", "edellyttää"}  # "Mitä hakijalta edellytetään?" asks for the rule
WEAK_LEMMAS |= {"rooli"}

# "minun", "meille": no topic; nor is "tällainen" or "näin", which point back at the situation.
_PRONOUNS = {"minä", "sinä", "hän", "me", "te", "he", "tämä", "tällainen", "sellainen", "näin"}
# Nor do question words that inflect ("Millaista kokemusta…", "Mistä…", "Kenen…").
_PRONOUNS |= {"millainen", "minkälainen", "kumpi", "mikä", "ken", "kuka"}

MEANING_WEIGHT = 1.0  # score per unit of sentence cosine (bench/answers.py set it)


# "Haemme sekä alakohdasta 1 että 2", "both strands", "båda delområdena".
_BOTH = re.compile(r"\bsekä\b[^?.]*\bettä\b|\bmolem\w*|\bkumpaankin\b|\bboth\b|\bbåda\b", re.I)
_BOTH_TERMS = frozenset({"molempi", "kumpikin"})


def question_concepts(
    question: str, lang: str, ignore: set[str] | None = None, call_named: bool = False
) -> dict[str, Concepts]:
    """The question's topic words, each as the set of terms that would match it, per text language.

    A word counts as found when any of its terms is (a lemma or a compound part), so
    "vanhemmuushakuun" is matched by text about "haku". Words that only name the kind of answer
    ("paljonko", "phone number") are left out: the answer is recognised by its shape instead, and
    so are words in ``ignore`` (those naming a call already settled by a filter). Against Finnish
    text a Swedish or English question can only match names, acronyms and numbers word for word.
    With ``call_named``, a glossary term that names the call ("parenting support": tuki) is no
    topic either (for judging the evidence; ranking keeps it, as the sv/en words are kept).
    """
    skip = need_words(question)
    ignore = ignore or set()
    tokens = [w for w in words(question) if w.lower() not in skip]

    def build(text_lang: str, keep) -> Concepts:
        out: Concepts = []
        for i, w in enumerate(tokens):
            if not keep(i, w):
                continue
            t = frozenset(word_terms(w, text_lang))
            lemma = word_terms(w, text_lang)[:1]
            if text_lang == "fi" and t:
                # "rahamäärä" only names the kind of answer; "maksimisivumäärä" is about pages;
                # "kokonaismääräraha" is a sum ("kokonais" is no topic).
                if lemma and (m := _BOUND.match(lemma[0])) and len(m.group(1)) >= 5:
                    rest = set(word_terms(m.group(1), "fi"))
                    t = frozenset(rest | {lemma[0]})
                parts = t - set(lemma)
                if set(lemma) & (NEED_LEMMAS | WEAK_LEMMAS | _PRONOUNS) or (
                    parts and parts <= NEED_LEMMAS or _conjunction(w)
                ):
                    continue  # "minun" is a pronoun ("minä") whatever its case
                t = t - (parts & NEED_LEMMAS)
            if not t or (lemma and lemma[0] in ignore) or (len(t) > 1 and t - set(lemma) <= ignore):
                continue  # the word names the call ("vanhemmuushakuun"), settled by the filter
            t = frozenset(t - ignore)
            if text_lang == "fi" and lemma and len(lemma[0]) >= 5:
                t |= {"~" + _stem(lemma[0])}
            if text_lang == "fi" and lemma:
                t |= finnish_synonyms(lemma[0]) - ignore  # "käynnistyä" is found as "alkaa"
                # A compound is a kind of its head: "kausimaksu" is a "maksu", found as "maksuton".
                head = max(
                    (p for p in t if p != lemma[0] and p[:1] != "~" and lemma[0].endswith(p)),
                    key=len,
                    default=None,
                )
                if head and len(head) >= 4:
                    t |= finnish_synonyms(head) - ignore
            if t not in out:
                out.append(t)
        return out

    concepts = {"fi": build("fi", lambda i, w: lang == "fi" or _shared(i, w))}
    if _BOTH.search(question) and _BOTH_TERMS not in concepts["fi"]:
        concepts["fi"].append(_BOTH_TERMS)  # "sekä 1 että 2" is what "molemmista" says
    if lang != "fi":
        concepts[lang] = build(lang, lambda i, w: True)
        # The field's terms in Finnish ("VAT" is arvonlisävero): one concept per glossary entry.
        for finnish in finnish_equivalents(question, lang):
            if call_named and any(set(word_terms(w, "fi")[:1]) & ignore for w in finnish):
                continue  # "parenting support": "tuki" names the call, settled by the filter
            t = distinctive_terms(finnish) - ignore - NEED_LEMMAS
            if t and t not in concepts["fi"]:
                concepts["fi"].append(t)
    return concepts


def _conjunction(word: str) -> bool:
    """Conjunctions ("jotta", "koska", "vaikka") join clauses and name no topic; the index keeps
    them. "vai" stays: an either-or question ("EURAssa vai sähköpostilla?") asks which, and a
    timetable that matches its other words does not say (without it, two such were answered)."""
    if word.lower() == "vai":
        return False
    found = analyze(word.lower())
    return bool(found) and all(a.get("CLASS") == "sidesana" for a in found)


# A question's subject is a noun in the nominative, partitive or genitive ("lausunto",
# "ennakkoa", "linkin"); nouns in other cases are often adverbs ("lopulta", "samalla", "jaossa").
_SUBJECT_CASES = {"nimento", "osanto", "omanto"}
# A bound is a kind of answer, not a topic: "vähimmäiskoko" is answered by "vähintään 200 000 €".
_BOUND = re.compile(r"^(?:vähimmäis|enimmäis|maksimi|minimi|kokonais)(\w{3,})$")


# A genitive before these is part of an adverbial phrase, not the subject of the question.
_POSTPOSITIONS = set(
    "päällä päälle päältä aikana jälkeen kanssa takia vuoksi avulla kautta sijaan puolesta "
    "lisäksi alla alle ohella tasalla".split()
)


def absent_subjects(question: str, vocabulary, ignore: set[str] | None = None) -> list[str]:
    """Nouns of a Finnish question that the documents never use, not even as a compound part.

    "Mikä on ELY-keskuksen käyntiosoite?": no document mentions a visiting address, so whatever
    the best sentence says about the ELY centre, it does not answer this.
    """
    unknown = unknown_words(question, vocabulary, ignore, subjects_only=True)
    tokens = [w.lower() for w in words(question)]
    return [w for w in unknown if not _alternative_of_known(w.lower(), tokens, unknown)]


_OR = {"tai", "vai"}


def _alternative_of_known(word: str, tokens: list[str], unknown: list[str]) -> bool:
    """One alternative the documents use is enough ("tunnuksen tai kuittauksen")."""
    lowered = {u.lower() for u in unknown}
    for i, t in enumerate(tokens):
        if t != word:
            continue
        for j, k in ((i - 1, i - 2), (i + 1, i + 2)):
            if 0 <= k < len(tokens) and tokens[j] in _OR and tokens[k] not in lowered:
                if noun_case(tokens[k]) is not None:
                    return True
    return False


def unknown_words(
    question: str, vocabulary, ignore: set[str] | None = None, subjects_only: bool = False
) -> list[str]:
    """Topic words of a Finnish question that no document uses, in any form.

    Verbs are left out (they paraphrase freely: "käynnistyä" for "alkaa"), and so are names,
    words naming the kind of answer or the call, and words whose stem the documents use in
    another word class ("liite" beside "liittää").
    """
    ignore = ignore or set()
    skip = need_words(question) | function_words("fi")  # "näissä hauissa": no topic in "näissä"
    out = []
    tokens = words(question)
    for i, w in enumerate(tokens):
        if w.lower() in skip or w[:1].isupper() and w != question.split()[0]:
            continue  # names and acronyms are matched word for word elsewhere
        if subjects_only and not _only_subject(w) and not _misspelt_subject(w):
            continue
        if i + 1 < len(tokens) and tokens[i + 1].lower() in _POSTPOSITIONS:
            continue  # "paikan päällä" (on site), "ajan tasalla": an adverb, no thing asked of
        if is_verb(w):
            continue
        t = set(word_terms(w, "fi"))
        lemma = word_terms(w, "fi")[:1]
        parts = t - set(lemma)
        named = NEED_LEMMAS | WEAK_LEMMAS | _PRONOUNS | ignore
        if not t or set(lemma) & named or (parts and parts <= named):
            continue  # names the kind of answer ("rahamäärä") or the call ("vanhemmuushaun")
        rest = {m.group(1) for x in t if (m := _BOUND.match(x))}  # "vähimmäiskoko" is a koko
        if rest and rest <= NEED_LEMMAS | WEAK_LEMMAS:
            continue  # "vähimmäismäärä": a bound on the asked kind of answer, no topic
        t |= rest
        synonyms = finnish_synonyms(lemma[0]) if lemma else set()
        t |= synonyms  # "porukka" is a word for "ryhmä"
        # A glossary synonym the documents use ("omavastuuosuus": omarahoitusosuus) makes the
        # word known whatever its parts are.
        head_unknown = _unknown_head(w, lemma, vocabulary)
        if any(x in vocabulary for x in t - NEED_LEMMAS) and (
            any(x in vocabulary for x in synonyms)
            or not _unknown_modifier(lemma, t, vocabulary)
            and not head_unknown
            and (rest or not _unknown_chain(w, lemma, vocabulary))
        ):
            continue
        if lemma and _stem(lemma[0]) in _stems(vocabulary) and not head_unknown:
            continue
        out.append(w)
    return out


def _only_subject(word: str) -> bool:
    """A noun in a subject's case in every reading: "käytöstä" is also "käyttö" in the elative
    ("hallin käytöstä maksettavat maksut"), so it may be no subject."""
    readings = analyze(word.lower())
    return noun_case(word) in _SUBJECT_CASES and all(
        a.get("SIJAMUOTO") in _SUBJECT_CASES for a in readings
    )


def _misspelt_subject(word: str) -> bool:
    """A word Voikko does not know whose likeliest spelling is a subject noun: "enakkomaksua"
    (for "ennakkomaksua", "emakkomaksua" both) is a thing asked about, which no spelling mender
    could place in the documents."""
    if len(word) < 6 or not word.isalpha() or not word.islower() or analyze(word):
        return False
    best = next(iter(suggest(word)), "")
    return " " not in best and noun_case(best) in _SUBJECT_CASES


def _unknown_modifier(lemma: list[str], t: set[str], vocabulary) -> bool:
    """A compound the documents never use whose first part they never use either:
    "loppuraportti" is a kind of report they say nothing of, though they know "raportti".
    Only the first part: Voikko's middle parts are unreliable ("elinkeino" is elin + keino). A
    first part that names the kind of answer ("numerotunnus" is a tunnus) is no such kind."""
    if not lemma or lemma[0] in vocabulary:
        return False
    whole = lemma[0]
    modifiers = [x for x in t - {whole} - NEED_LEMMAS if len(x) >= 4 and not whole.endswith(x)]
    return any(
        x not in vocabulary and _stem(x) not in _stems(vocabulary) and whole.startswith(x)
        for x in modifiers
    )


# "alaraja", "kattosumma": a bound on the asked figure, whatever the documents call it.
_BOUND_HEADS = {"raja", "katto", "minimi", "maksimi"}


def _unknown_head(word: str, lemma: list[str], vocabulary) -> bool:
    """A compound the documents never use whose last part they never use either:
    "budjettipohja" is a template, whatever they say of the budget."""
    if not lemma or lemma[0] in vocabulary:
        return False
    parts = word_terms(word, "fi")[1:]
    # The part the compound ends in, not another reading's last part ("tietosuojaseloste":
    # "seloste", though Voikko lists "suoda" for "suoja" after it).
    ends = [p for p in parts if lemma[0].endswith(p) and p != lemma[0]]
    if len(parts) < 2 or not ends or len(head := max(ends, key=len)) < 4:
        return False
    known = vocabulary.__contains__
    return not (
        known(head)
        or head in NEED_LEMMAS | WEAK_LEMMAS | _BOUND_HEADS
        or _stem(head) in _stems(vocabulary)
        or any(map(known, finnish_synonyms(head)))
    )


def _unknown_chain(word: str, lemma: list[str], vocabulary) -> bool:
    """A compound whose whole modifier the documents never use: "vapaaehtoistyö" is work of a
    kind (voluntary) they never mention, though "vapaa", "ehto" and "työ" are all theirs."""
    if not lemma or lemma[0] in vocabulary:
        return False
    for reading in analyze(word.lower())[:1]:
        chunks = re.findall(r"\+([^+(]*)(\(([^)]*)\))?", reading.get("WORDBASES", ""))
        # Surface pieces, and whether each is a derivational ending ("us" of "kokonaisuus").
        pieces = [(surface, base.startswith("+")) for surface, _, base in chunks if surface]
        heads = [i for i, (_, ending) in enumerate(pieces) if not ending]
        if len(heads) < 2:
            return False
        modifier = "".join(surface for surface, _ in pieces[: heads[-1]]).lower()
        if set(word_terms(modifier, "fi")[:1]) & NEED_LEMMAS:
            return False  # "numerotunnus": the modifier names the kind of answer
        return len(modifier) >= 6 and not _has_prefix(vocabulary, modifier[:-1])
    return False


_sorted_cache: list = [None, []]


def _has_prefix(vocabulary, prefix: str) -> bool:
    """Some term of the documents starts with ``prefix``."""
    if _sorted_cache[0] is not vocabulary:
        _sorted_cache[:] = [vocabulary, sorted(vocabulary)]
    terms_ = _sorted_cache[1]
    i = bisect.bisect_left(terms_, prefix)
    return i < len(terms_) and terms_[i].startswith(prefix)


def _stem(word: str) -> str:
    return word[: min(5, max(4, len(word) - 1))]


_stem_cache: list = [None, set()]


def _stems(vocabulary) -> set[str]:
    if _stem_cache[0] is not vocabulary:
        _stem_cache[:] = [vocabulary, _prefixes(vocabulary)]
    return _stem_cache[1]


def _prefixes(terms_: set[str] | dict, mark: str = "") -> set[str]:
    """Every 4- and 5-letter start of the terms: what a ``_stem`` can be compared with."""
    return {mark + t[:k] for t in terms_ for k in (4, 5) if len(t) > k}


def unexplained_words(
    question: str, lang: str, vocabulary, ignore: set[str] | None = None
) -> tuple[list[str], int]:
    """Content words of a Swedish or English question that neither the documents (their sv/en
    pages, names) nor the glossary know, and the number of content words.

    "Can you recommend a good restaurant in Hämeenlinna?" knows only the town.
    """
    ignore = ignore or set()
    skip = need_words(question) | function_words(lang)
    # A glossary term explains a word only when the documents use its Finnish equivalent:
    # "advance payment" (ennakko) is a term of the field that these documents never mention.
    entries = load_glossary()
    covered = [(a, b) for a, b, i in matches(question, lang) if _used(entries[i], vocabulary)]
    left, content = [], 0
    for m in re.finditer(r"\w+", question):
        w = m.group(0)
        own = word_terms(w, lang)
        if w.lower() in skip or not own:
            continue
        content += 1
        if any(a <= m.start() < b for a, b in covered):
            continue
        if any(t in vocabulary or t in ignore for t in (*own, *word_terms(w, "fi"))):
            continue
        if _compound_of_known(w.lower(), lang):
            continue  # "vårutlysning", "koordinationsprojektet": a known term at its end
        if _bound_of_known(w.lower(), lang, vocabulary):
            continue  # "minimibeloppet": a bound on an amount
        left.append(w)
    return left, content


# The thing a Swedish or English question asks about: "Is there a page limit for…", "Who is the
# director of…", "Finns det en svenskspråkig kontaktperson…". Bound words name the kind of answer.
_ASKED_THING = re.compile(
    r"\b(?:is there|are there|was there|were there|what (?:is|was|are|were) the|"
    # "Vem är det som betalar": a cleft asks who does something, not about a thing.
    r"who (?:is|was|are|were) the|finns det|fanns det|vad (?:är|var)(?! det som\b)|"
    r"vem (?:är|var)(?! det som\b))\s+"
    r"(?:(?:an?|any|the|en|ett|någon|något|några|den|det)\s+)?"
    r"(?!att\b|to\b)((?:[^\W\d]+[\s-]){0,2}?[^\W\d]+?)"
    r"(?=\s+(?:for|of|in|on|at|to|per|that|which|with|från|för|av|i|på|till|som|med|vid)\b|"
    r"\s*[?,.]|$)",
    re.I,
)
_KIND_WORDS = set(
    "maximum minimum max min total limit amount number size deadline date kind type "
    "högsta lägsta största minsta maximala minimala antal belopp storlek gräns allowed "
    "permitted eligible tillåten tillåtna tillåtet sammanlagt totalt altogether overall "
    "share proportion percentage percent andel andelen procent procentandel "
    # Which end of a range: "the final date", "den nedre gränsen".
    "final last latest first earliest lower upper nedre övre sista första".split()
)


def unknown_asked_thing(question: str, lang: str, vocabulary) -> list[str]:
    """Words of the thing a Swedish or English question asks about that nothing explains: the
    counterpart of ``absent_subjects`` ("Who is the director of the ELY Centre?")."""
    m = _ASKED_THING.search(question)
    if not m or lang == "fi":
        return []
    thing = m.group(1)
    left, _ = unexplained_words(thing, lang, vocabulary)
    return [w for w in left if w.lower() not in _KIND_WORDS and not w[:1].isupper()]


# "Vi är en förening i Vasa – när …", "I work at a school in Oulu and wonder …": a situation
# clause before the question proper, whose place names are no topic.
_SITUATION_CLAUSE = re.compile(
    r"^\s*(?:hej\w*[,!]?\s*|hei[,!]?\s*|moi\w*[,!]?\s*|hi[,!]?\s*|hello[,!]?\s*)?"
    r"(?:vi är|vi har|jag är|jag jobbar|jag arbetar|we are|we're|we have|i am|i'm|i work|"
    r"olemme|olen|meillä on|edustan|työskentelen|toimin)\b"
    r"[^?]*?(?:\s[–-]\s|,\s*(?:och|and|ja)\s|\s(?:och undrar|and (?:would like to )?(?:know|ask|"
    r"wonder)|ja (?:mietin|haluaisin|kysyisin|haluan)))",
    re.I,
)


def unknown_names(question: str, lang: str, vocabulary) -> list[str]:
    """Names in a question that no document uses and no glossary term
    explains: a place or body the documents never mention ("Åland", "Estonian", "Business
    Finland"), whose rules they cannot give. Sentence-initial words, "I" and two-letter
    acronyms ("EU") are no names here; nor is a place in the situation told before asking."""
    text = _SITUATION_CLAUSE.sub(" ", question)
    covered = [(a, b) for a, b, _ in matches(text, lang)]
    out = []
    for m in re.finditer(r"\w[\w+]*", text):
        w = m.group(0)
        before = text[: m.start()].rstrip()
        if not w[:1].isupper() or not before or before[-1] in ".?!:–-" or w == "I":
            continue
        if w.isupper() and len(w) <= 2 or any(a <= m.start() < b for a, b in covered):
            continue
        if not _known_name(w, lang, vocabulary) and not _place_of(text, m, authority=False):
            out.append(w)
    return out


def _known_name(word: str, lang: str, vocabulary) -> bool:
    """The documents use the name in some form (a lemma, or a Swedish genitive's base)."""
    found = {
        word.lower(),
        word.lower().rstrip("+"),
        *word_terms(word, lang),
        *word_terms(word, "fi"),
    }
    if lang == "sv" and word.endswith("s"):
        found |= set(word_terms(word[:-1], "fi"))  # a Swedish genitive: "Niemis" is Niemi's
    return any(t in vocabulary for t in found)


def _place_of(text: str, m: re.Match[str], authority: bool) -> bool:
    """The name at ``m`` is a place (Voikko knows it as one, hyphenated parts included) named as
    an authority's ("Pohjois-Pohjanmaan ELY-keskus", "Uusimaa ELY Centre") or, with
    ``authority`` False, as where someone works or acts ("activities in Uusimaa only", which the
    rule for where projects run answers)."""
    whole = re.match(r"[\w-]+", text[m.start() :])
    token = whole.group(0) if whole else m.group(0)
    readings = analyze(token)
    # As an authority's, a proper noun will do ("Pohjois-Pohjanmaa"); as a home, only what
    # Voikko calls a place ("Uusimaa"): a body's name ("Business Finland") is not where one works.
    if not any(
        r.get("CLASS") == "paikannimi" or authority and r.get("BASEFORM", "")[:1].isupper()
        for r in readings
    ):
        return False
    after = text[m.start() + len(token) :].lstrip(" -")
    return bool(_AUTHORITY.match(after)) == authority


_AUTHORITY = re.compile(r"(ELY|NTM|AVI)\b|\w*(keskus|virasto|ministeriö|centr|central)", re.I)


def unknown_authorities(question: str, vocabulary) -> list[str]:
    """Places the documents never name, named in a Finnish question as an authority's:
    "Pohjois-Pohjanmaan ELY-keskuksen yhteyshenkilö" is someone the documents cannot give, while
    "Voiko Tampereen kaupunki hakea?" is answered by the rule for municipalities. (Other unknown
    names in Finnish questions are left to the other checks: refusing them lost answers.)"""
    out = []
    for name in unknown_names(question, "fi", vocabulary):
        m = re.search(rf"(?<![\w-])[\w-]*{re.escape(name)}", question)
        if m and _place_of(question, m, authority=True):
            out.append(name)
    # A sentence may open with the place ("Uudenmaan ELY:n alueellinen haku…").
    for m in re.finditer(r"(?<![\w-])[A-ZÅÄÖ]\w+", question):
        before = question[: m.start()].rstrip()
        if before and before[-1] not in ".?!:–" or m.group(0) in out:
            continue
        if not _known_name(m.group(0), "fi", vocabulary) and _place_of(question, m, authority=True):
            out.append(m.group(0))
    return out


# "Pitääkö hakemukseen liittää …": asks whether a document goes with the application.
_ATTACH_ASKED = re.compile(r"\bliit(?:tä|ä|et|te|e\b)\w*", re.I)
# Kinds of document an application may carry; a compound of one names a document of its own.
_DOCUMENT_HEADS = (
    "suunnitelma selvitys todistus vahvistus sitoumus lausunto sopimus kirje kuvaus laskelma ote"
).split()


def unlisted_documents(asked: str, said: list[str]) -> list[str]:
    """Documents a Finnish question asks whether to attach that no quoted sentence names:
    "tasa-arvosuunnitelma" is not on a list of attachments that names "toteutussuunnitelma"
    (the list answers for what it names; what else is needed, it does not say)."""
    if not _ATTACH_ASKED.search(asked):
        return []
    named = {t[0] for text in said for w in words(text) if (t := word_terms(w, "fi"))}
    out = []
    for w in words(asked):
        lemma = (word_terms(w, "fi") or ("",))[0]
        head = next((h for h in _DOCUMENT_HEADS if lemma.endswith(h)), None)
        if head and len(lemma) > len(head) + 2 and lemma not in named:
            out.append(w)
    return out


def absent_terms(question: str, lang: str, vocabulary) -> list[str]:
    """Terms of the field in a Swedish or English question that the documents never use in
    Finnish: "advance payment" (ennakko), "auditor" (tilintarkastaja). The Finnish
    counterpart of ``absent_subjects``."""
    entries = load_glossary()
    return [
        question[a:b] for a, b, i in matches(question, lang) if not _used(entries[i], vocabulary)
    ]


def absent_finnish_terms(question: str, vocabulary) -> list[str]:
    """Words of a Finnish question for a term of the field the documents never use
    ("ulkomainen", "tilintarkastaja"): the Finnish side of ``absent_terms``."""
    unused = {
        lemma
        for e in load_glossary()
        if not _used(e, vocabulary)
        for w in e.fi
        for lemma in word_terms(w, "fi")[:1]
    }
    return [w for w in words(question) if set(word_terms(w, "fi")[:1]) & unused]


# What may end a glossary term written out whole: plural and definite endings ("styrgruppen",
# "partners"). "lokala" (local) is not "lokal" (premises), nor "latest" "late".
_WHOLE_TERM_END = re.compile(r"(?:s|es|n|en|et|na|er|ar|or|erna|arna|orna|ens)?(?!\w)", re.I)


def field_terms(question: str, lang: str) -> list[frozenset[str]]:
    """The field's terms a question names, each as the Finnish lemmas of its glossary entry:
    a Finnish noun of the glossary ("ohjausryhmässä"), or a Swedish or English glossary term
    written out whole ("styrgrupp", "VAT")."""
    if lang == "fi":
        found = []
        for w in words(question):
            lemma = word_terms(w, "fi")[:1]
            if lemma and noun_case(w) and (group := finnish_synonyms(lemma[0])):
                found.append(group | set(lemma))
        return found
    entries = load_glossary()
    return [
        frozenset(t for w in entries[i].fi for t in word_terms(w, "fi")[:1])
        for _, end, i in matches(question, lang)
        if _WHOLE_TERM_END.match(question, end)
    ]


def _used(entry, vocabulary) -> bool:
    """The documents use one of a glossary entry's Finnish terms: each of its words, in some form
    ("maksatus" in "maksatushakemus"), not merely a part of it ("työ" of "vapaaehtoistyö")."""

    def known(w: str) -> bool:
        lemma = next(iter(word_terms(w, "fi")), w.lower())
        # A short word has no room for an ending: "loma" is not in "lomake".
        return lemma in vocabulary or (
            len(lemma) > 4 and _has_prefix(vocabulary, lemma[: max(4, len(lemma) - 1)])
        )

    return any(all(known(w) for w in re.findall(r"\w+", term)) for term in entry.fi)


def _known_heads(word: str, lang: str) -> list[str]:
    """Glossary words inside a Swedish (or English) compound after its first part: "vårutlysning"
    holds "utlysning", "vårutlysningen" too (an ending may follow)."""
    return [
        v
        for v in glossary_words(lang)
        if len(v) >= 5 and word != v and v in word[1:] and not word.startswith(v)
    ]


def _compound_of_known(word: str, lang: str) -> bool:
    """Swedish (and some English) compounds end in a word the glossary knows."""
    return bool(_known_heads(word, lang))


def unknown_kinds(question: str, lang: str, vocabulary) -> list[str]:
    """Swedish compounds of a known term whose first part nothing explains: "slutrapporten" is a
    kind of report (a final one) that the documents never speak of, like "loppuraportti"."""
    if lang != "sv":
        return []
    known = glossary_words(lang)
    out = []
    for w in re.findall(r"\w+", question):
        word = w.lower()
        if word in known or any(t in vocabulary for t in word_terms(word, lang)):
            continue
        ends = _known_heads(word, lang)
        if not ends:
            continue
        modifier = word[: word.index(max(ends, key=len))]
        if not any(_known_swedish(m, vocabulary) for m in (modifier, modifier.removesuffix("s"))):
            out.append(w)
    return out


_SV_BOUNDS = {"minimi", "maximi", "min", "max", "minsta", "största", "högsta", "lägsta", "total"}


def _bound_of_known(word: str, lang: str, vocabulary) -> bool:
    """A Swedish compound of a bound and a known word ("minimibeloppet", "maxbudgeten")."""
    if lang != "sv":
        return False
    for bound in sorted(_SV_BOUNDS, key=len, reverse=True):
        rest = word.removeprefix(bound)
        if rest != word and len(rest) >= 4:
            return bool(
                _MONEY.search(rest)
                or need_words(rest)
                or any(t in vocabulary for t in word_terms(rest, lang))
                or _compound_of_known(rest, lang)
            )
    return False


def _known_swedish(word: str, vocabulary) -> bool:
    """A word of the glossary (or the start of one), a function word, or a word of the documents."""
    if len(word) < 3:
        return True  # too short to tell ("del", "år" are covered by the glossary or too vague)
    return (
        word in _SV_BOUNDS  # "minimibudgeten" is a bound on the budget, no kind of budget
        or word in function_words("sv")
        or any(t in vocabulary for t in word_terms(word, "sv"))
        or any(g.startswith(word) for g in glossary_words("sv"))
    )


_MONEY = re.compile(
    r"(budjet|raha|rahoitu|funding|finansiering|euro|money|budget|pengar|summa|€|kronor|belopp|"
    r"grant|" + SUM_NOUNS + r")",
    re.I,
)
# A table's last cell, in the unit its header names ("Kustannukset yhteensä – 350 000." under
# "Euroa"): a sum to a question about the worked example the table is.
_TABLE_SUM = re.compile(r"(?<= – )\d{1,3}(?:\s\d{3})+(?=\.?$)")
_EXAMPLE = re.compile(r"esimerk(?!iksi)|laskelm|(?<!for )\bexample|(?<!till )exemp(?:el|l)", re.I)
# The whole sum asked for ("kaikkiaan jaossa"), not a part of it.
_TOTAL_ASKED = re.compile(
    r"\b(kaikkiaan|yhteensä|kaiken kaikkiaan|in total|altogether|overall|totalt|sammanlagt|"
    r"allt som allt|total)\b",
    re.I,
)
# Asked for itself; "350 000 euron hankkeelle" gives a figure, it does not ask for one.
_SUM_ASKED = re.compile(
    r"\b(raha\w*|rahoitu\w*|funding|finansiering\w*|budjet\w*|money|budget\w*|pengar|summa\w*|"
    r"belopp\w*)",
    re.I,
)


def _numbers(text: str) -> set[str]:
    """The numbers in a text, digits only ("250 000" and "250,000" are both "250000")."""
    found = re.findall(r"\d{1,3}(?:[,\s]\d{3})+(?!\d)|\d+(?:[.,]\d+)?", text)
    return {re.sub(r"[,\s]", "", n) if re.search(r"[,\s]\d{3}$", n) else n for n in found}


_CONDITION = re.compile(r"\s*(jos|mikäli|if|om)\b", re.I)
_BOUND_BEFORE = re.compile(
    r"\b(vähintään|enintään|korkeintaan|at least|at most|up to|minst|högst|max|min)\s*$", re.I
)
_ASKS_LIMIT = re.compile(
    r"\b(voi\w*|saa\w*|mahtu\w*|pitää|täyty\w*|tulee|vähintään|enintään|korkeintaan|vähimmäis\w*|"
    r"enimmäis\w*|maksimi\w*|minimi\w*|can|may|must|need|allowed|at least|at most|maximum|max|"
    r"ha(ve|s) to|required|obliged|"
    r"minimum|kan|får|måste|ska|minst|högst|\w+tt[aä]v[aä])\b",  # "on järjestettävä": must
    re.I,
)


_TIMES = {"kerta", "kerrata", "time", "gång", "\0"}  # "kuinka monta kertaa" counts no thing
_APPLIED = re.compile(r"^(hak(i|ivat|enut|eneet|eneitä)|applied|(an)?sök(te|t))$", re.I)
_APPLICATIONS = {
    "fi": "hakemus hakija",
    "sv": "ansökan ansökningar sökande",
    "en": "application applications applicant applicants",
}


def _counted_terms(question: str, lang: str) -> dict[str, set[str]]:
    """Terms of the thing a count question counts, as the documents' languages write it.

    The counted phrase may open with modifiers ("nationwide network meetings", "valtakunnallista
    verkostotapaamista"): any of its words may name what the sentence counts.
    """
    phrase = counted_phrase(question, lang)
    if not phrase:
        return {}
    if _APPLIED.match(phrase[0]):
        # "Kuinka moni haki?", "how many applied": the applications or applicants are counted.
        return {x: set(terms(_APPLICATIONS[x], x)) for x in {lang, "fi"}}
    if lang == "fi":
        return {lang: {t for w in phrase for t in word_terms(w, lang)}}
    # "delprojekt" is counted as a projekt, and in Finnish as a hanke; "sub-areas" and
    # "implementing partners" as wholes.
    joined = re.search(r"[\s-]+".join(map(re.escape, phrase)), question)
    whole = [joined.group(0)] if joined and len(phrase) > 1 else []
    phrase = phrase + [v for w in phrase for v in _known_ends(w.lower(), lang)] + whole
    fi = {t for w in phrase for e in finnish_equivalents(w, lang) for t in terms(" ".join(e))}
    # Without a Finnish equivalent no Finnish sentence can count it (the marker matches none).
    return {lang: {t for w in phrase for t in word_terms(w, lang)}, "fi": fi or {"\0"}}


def _counted_synonyms(question: str, lang: str) -> frozenset[str]:
    """Glossary synonyms of a Finnish question's counted words, to be matched whole
    ("kumppani": "osatoteuttaja"; not "maakunta": the "alue" of "hyvinvointialue")."""
    if lang != "fi":
        return frozenset()
    lemmas = [t for w in counted_phrase(question, lang) for t in word_terms(w, "fi")[:1]]
    return frozenset().union(*(finnish_synonyms(t) for t in lemmas))


_HOW_MUCH_OF = re.compile(
    r"\b(?:paljonko|kuinka paljon|how much|hur mycket)\s+(\w+)", re.IGNORECASE
)
# Money itself is what any amount measures: it names no row of a table.
_PLAIN_MONEY = re.compile(r"^(raha\w*|rahoitu\w*|money|funding|pengar|finansiering)$", re.I)


def _measured_terms(question: str, lang: str) -> dict[str, set[str]]:
    """Terms of what an amount question measures ("how much public aid": julkinen tuki), as
    the documents' languages write it; empty when it measures plain money."""
    m = _HOW_MUCH_OF.search(question)
    return _phrase_terms(question, m.start(1), lang) if m else {}


def _which_terms(question: str, lang: str) -> dict[str, set[str]]:
    """Terms of the thing a "which thing" question asks for ("millä kustannusmallilla"), as the
    documents' languages write it."""
    start = asked_thing_at(question)
    # The whole word: a "kustannusmalli" is no "kokonaiskustannus".
    return _phrase_terms(question, start, lang, parts=False) if start is not None else {}


def _phrase_terms(question: str, start: int, lang: str, parts: bool = True) -> dict[str, set[str]]:
    """The terms of the phrase at ``start``, per language (with compound parts, or without);
    empty for plain money."""
    phrase = _phrase_from(question, start, lang)
    if all(_PLAIN_MONEY.match(w) for w in phrase):
        return {}
    # "EU-ohjelman" is an "ohjelma" too.
    whole = re.match(r"[\w-]+", question[start:])
    if whole and "-" in whole.group(0).strip("-"):
        phrase = [*phrase, whole.group(0).rsplit("-", 1)[1]]
    own = {t for w in phrase for t in word_terms(w, lang)[: None if parts else 1]}
    if lang == "fi":
        # "millä skaalalla" is answered by "asteikolla 1–5": the glossary's synonyms name it too.
        return {lang: own | {x for t in own for x in finnish_synonyms(t)}}
    fi = {t for e in finnish_equivalents(" ".join(phrase), lang) for t in distinctive_terms(e)}
    return {lang: own, "fi": fi or {"\0"}}


def _phrase_from(question: str, start: int, lang: str) -> list[str]:
    """Up to three words from ``start``: up to a function word (English, Swedish) or while in
    the first word's case (Finnish)."""
    after = words(question[start:])
    # "co-implementers" is one word here, which ``words`` splits at the hyphen.
    whole = re.match(r"\w+(?:-\w+)+", question[start:])
    skip = len(whole.group(0).split("-")) if whole else 1
    out = [whole.group(0) if whole else after[0]]
    case = noun_case(after[0]) if lang == "fi" else None
    for w in after[skip : skip + 2]:
        if lang == "fi":
            if case is None or noun_case(w) != case:
                break
        elif w.lower() in function_words(lang):
            break
        out.append(w)
    return out


def counted_phrase(question: str, lang: str) -> list[str]:
    """The counted word and the modifiers before it: up to three words after "how many", up to
    a function word (English, Swedish) or while in the first word's case (Finnish)."""
    word = counted_word(question)
    if not word:
        return []
    phrase = _phrase_from(question, question.find(word), lang)
    if lang == "fi" and len(phrase) == 1 and is_partitive(word):
        # "yhteistä tapaamista": an adjective and its noun, both in the partitive.
        rest = words(question[question.find(word) + len(word) :])[:2]
        phrase += list(itertools.takewhile(is_partitive, rest))
    return phrase


@lru_cache(maxsize=50_000)
def _glossary_finnish(text: str, lang: str) -> frozenset[str]:
    """Finnish lemmas of the glossary's entries found in a Swedish or English text (not their
    parts: "månader" is kesto or hankeaika, which is no hanke)."""
    return frozenset(
        t for e in finnish_equivalents(text, lang) for w in e for t in terms(w, "fi")[:1]
    )


def _counted_lemmas(text: str, lang: str) -> frozenset[str]:
    """What a text counts ("seitsemän erillistä hanketta": erillinen, hanke; "two consortia":
    hankekokonaisuus), as Finnish lemmas. A Swedish article ("en kommun") counts nothing."""
    out: set[str] = set()
    for m in SPAN_PATTERNS[Need.COUNT].finditer(text):
        if lang == "sv" and m.group(0).split()[0].lower() in ("en", "ett"):
            continue
        if re.search(rf"{_PART}\s*$", text[: m.start()], re.I):
            continue  # "alakohdan 1 harrastustoiminta" is strand 1's, no count
        for w in filter(None, (m.group("counted"), m.group("counted2"))):
            out |= set(word_terms(w, "fi")[:1]) if lang == "fi" else _glossary_finnish(w, lang)
    return frozenset(out)


def _counted_as(word: str, lang: str) -> set[str]:
    """What a counted word counts: its lemma, or the head of a compound ("12
    hankekokonaisuutta" counts project packages, not projects)."""
    if lang != "fi":
        return set(word_terms(word, lang))
    out: set[str] = set()
    for reading in analyze(word.lower()):
        lemma = reading.get("BASEFORM", "").lower()
        out.add(lemma)
        parts = re.findall(r"\+([^+(]*)\(([^)]*)\)", reading.get("WORDBASES", ""))
        stems = [surface for surface, base in parts if not base.startswith("+")]
        prefix = "".join(stems[:-1]).lower()
        if len(stems) > 1 and lemma.startswith(prefix):
            # "osahanke" is a hanke, "hankekokonaisuus" a kokonaisuus (a derived head).
            out.add(lemma[len(prefix) :])
    return out - {""} or set(word_terms(word, lang))


def _known_ends(word: str, lang: str) -> list[str]:
    """Glossary words a Swedish (or English) compound ends in: "delprojekt" -> "projekt"."""
    return [v for v in _known_heads(word, lang) if word.endswith(v)]


_NAME_CLASSES = {"nimi", "etunimi", "sukunimi", "paikannimi"}
_NOT_NAMES = set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def names_in(sentence: str, question: str, known: set[str]) -> list[str]:
    """Proper names in a sentence that are neither in the question nor in calls.yaml: a funded
    project's or a chosen organisation's name. Capitalised words Voikko reads as names, or does
    not know; acronyms too."""
    asked = {w.lower() for w in words(question)}
    sentence = SPAN_PATTERNS[Need.CODE].sub(" ", sentence)  # "ESR-KOORD-2025-1" names no one
    out = []
    for i, w in enumerate(words(sentence)):
        if i == 0 or not w[:1].isupper() or w.lower() in asked | known | _NOT_NAMES:
            continue
        readings = analyze(w)
        if w.isupper() or not readings or any(r.get("CLASS") in _NAME_CLASSES for r in readings):
            out.append(w)
    return out


def person_named(sentence: str) -> bool:
    """A first name and a surname ("Antti Hieta"), not a title-case phrase ("Social Affairs")."""
    return any(
        any(r.get("CLASS") == "etunimi" for r in analyze(m.group(1)))
        for m in re.finditer(r"\b([A-ZÅÄÖ][a-zåäö]+) [A-ZÅÄÖ][a-zåäö]+\b", sentence)
    )


def _shared(i: int, w: str) -> bool:
    """Names, acronyms and numbers: the same in every language."""
    return (w[:1].isupper() and (i > 0 or w.isupper())) or any(ch.isdigit() for ch in w)


# A field term of the asked sentence that few chunks hold is its topic ("VAT", "pankkikulut"):
# a sentence naming it beats one matching only the common words ("eligible costs").
RARE_TOPIC_CHUNKS = 4
RARE_TOPIC_WEIGHT = 0.15


def coverage(concepts: Concepts, text_terms: set[str]) -> float:
    """Share of the concepts found in the text: by a term, or by a Finnish word's stem
    ("liitteitä" is found in "Liitä hakemukseen", "raportoida" in "tulosraportti")."""
    if not concepts:
        return 0.0
    found = set(text_terms)
    if any(t.startswith("~") for c in concepts for t in c):
        found |= _prefixes(text_terms, "~")
    return sum(1 for c in concepts if c & found) / len(concepts)


def rank_sentences(
    question: str,
    lang: str,
    need: Need,
    passages: list[Passage],
    ignore: set[str] | None = None,
    focus: tuple[str, set[str], set[str], set[str]] | None = None,
    meaning: Callable[[list[str]], Sequence[float]] | None = None,
    strict_from: int | None = None,
    text_before: Callable[[Passage], str] | None = None,
    asked: str | None = None,
    rare: tuple[frozenset[str], ...] = (),
) -> list[Sentence]:
    """Score every sentence of the passages by term coverage, answer-type match and passage rank.

    ``focus`` is (call id, words naming the call, words naming only it, words naming only other
    calls): in documents shared by all calls, a sentence that names the call asked about
    ("Koordinaatiohankkeen jatkohaku | … | 2,1 milj. €") beats the same kind of sentence about
    another call, and one that names only another call is not quoted for this one. From passage
    rank ``strict_from`` on (a search widened past its usual depth), a shared document's sentence
    must name the call when one is asked about. ``text_before`` gives the chunk before a passage,
    for a passage that starts below the line naming its call. ``rare`` are the asked field
    terms that few chunks hold: the question's topic, beside its common words.
    """
    q = _Asked(
        concepts=question_concepts(question, lang, ignore),
        # The asking sentence's own words, apart from the situation told before it.
        asked_concepts=question_concepts(asked, lang, ignore)
        if asked and asked != question
        else None,
        span=SPAN_PATTERNS.get(need),
        cues=[want for asks, want in CUES if asks.search(question)]
        + ([NEED_CUES[need]] if need in NEED_CUES else []),
        naming=[want for asks, want in NAMING_CUES if asks.search(question)],
        definition=is_definition(question),
        focus=focus,
        need=need,
        counted=_counted_terms(question, lang),
        counted_entries=_glossary_finnish(" ".join(counted_phrase(question, lang)), lang)
        if lang != "fi"
        else frozenset(),
        counted_synonyms=_counted_synonyms(question, lang),
        # "Kelpaako kuuden hankkeen kokonaisuus?": a rule counting projects answers it.
        stated_counts=_counted_lemmas(question, lang)
        if need in (Need.GENERAL, Need.ELIGIBILITY)
        else frozenset(),
        measured=_measured_terms(question, lang) if need is Need.AMOUNT else {},
        # "Mitkä ministeriöt rahoittavat…" asks for the funders, which a contact's ministry is not;
        # "Which organisations are eligible" for kinds of applicants, which no "organisaatio" is.
        thing=_which_terms(question, lang) if need not in (Need.FUNDER, Need.ELIGIBILITY) else {},
        language=bool(LANGUAGE_ASKED.search(question)),
        decision=bool(DECISION_ASKED.search(asked or question)),
        limit_ok=bool(_ASKS_LIMIT.search(question)),
        direction=bound_direction(question),
        money=bool(_MONEY.search(question) or GETS_MONEY.search(question))
        and not SHARE_ASKED.search(question),
        sum_asked=bool(_SUM_ASKED.search(question)),
        total_asked=need is Need.AMOUNT
        and bool(_TOTAL_ASKED.search(question))
        and not names_a_part(question),
        example=bool(_EXAMPLE.search(question)),
        given=(given := _numbers(question)),
        stated={n for n in given if len(n) >= 3 and n not in (ignore or set())},
        years={n for n in given | (ignore or set()) if re.fullmatch(r"(1[5-9]|20)\d\d", n)},
        new_asked=bool(NEW_ASKED.search(question)),
        points=bool(POINTS_ASKED.search(question)),
        part=asked_part_number(question),
        acts=_asked_acts(asked or question, lang),
        subjects=_subjects(asked or question, lang, ignore),
        asker=_asker_kind(question[: len(question) - len(asked)], lang)
        if asked and _asks_of_us(asked, lang)
        else frozenset(),
        text_before=text_before,
        rare=rare,
    )
    out: list[Sentence] = []
    top_score = passages[0].score if passages else 1.0
    for rank, passage in enumerate(passages):
        prior = (passage.score / top_score if top_score > 0 else 0.0) / (1 + 0.15 * rank)
        offset = 0
        for ordinal, (context, label, sent) in enumerate(sentence_units(passage.text)):
            start = passage.text.find(sent, offset)
            offset = start + len(sent) if start >= 0 else offset
            if not is_quotable(sent, context):
                continue
            about = q.which_call(sent, passage, start)
            if about == "other" or (
                about is None and strict_from is not None and rank >= strict_from
            ):
                continue
            score, cov, has_span, named = q.score(
                sent, context, label, ordinal, passage, prior, start
            )
            page = page_at(passage.page, passage.page_spans, max(start, 0))
            out.append(Sentence(sent, passage, page, cov, has_span, score, context, named=named))
    if (
        need is Need.DATE
        and not any(w[:1].isupper() for w in words(asked or question)[1:])
        and any(s.has_span and s.coverage > 0 for s in out)
    ):
        # A date beside something the question names ("Hakuinfo … 15.1.2025") goes before a
        # date beside nothing it names ("Ansökningstiden är …" for the info session). A Swedish
        # compound is matched by its part: "ansökning" names "Ansökningstiden". Not when the
        # question names a name: "Zack" is matched word for word, and "Zachary" is no match.
        stems = {t for cs in q.concepts.values() for c in cs for t in c if len(t) >= 5}
        for s in out:
            if s.has_span and s.coverage == 0 and not any(t in s.quote.lower() for t in stems):
                s.score -= 0.15
    if meaning is not None and out:
        # Meaning beside word overlap: the only signal when the question's language differs
        # from the document's. Cosines of E5 sit in a narrow band around 0.8.
        for s, sim in zip(out, meaning([s.quote for s in out]), strict=True):
            s.similarity = float(sim)
            s.score += MEANING_WEIGHT * (s.similarity - 0.8)
    out.sort(key=lambda s: -s.score)
    return out


# Numbered parts of a theme or a call: "Alateema 1", "alakohdan 2", "Strand 1", "delområde 2".
_PART = r"(?:alateem\w*|alakoh\w*|sub-?themes?|strands?|sub-?areas?|delområde\w*|undertema\w*)"
_PART_NUMBER = re.compile(rf"\b{_PART}\s+(\d)\b", re.IGNORECASE)
_ORDINALS = {
    "1": r"ensimmäi\w*|first|första",
    "2": r"toi(?:nen|sen|sessa|seen|sella|selle|sesta)|second|andra",
    "3": r"kolma\w*|third|tredje",
}
_ORDINAL_PART = [
    (n, re.compile(rf"\b(?:{words})\s+{_PART}", re.IGNORECASE)) for n, words in _ORDINALS.items()
]


def asked_part_number(question: str) -> str | None:
    """The number of the sub-theme or strand a question asks about, by digit or ordinal."""
    return _part_number(question) or next(
        (n for n, pattern in _ORDINAL_PART if pattern.search(question)), None
    )


def only_a_part(question: str, lang: str, besides: set[str]) -> str | None:
    """The number of the part a follow-up names when it names nothing else but words in
    ``besides``: "entä alakohtaan 2?", "And strand 2?"."""
    number = asked_part_number(question)
    if number is None:
        return None
    rest = _PART_NUMBER.sub(" ", question)
    for _, pattern in _ORDINAL_PART:
        rest = pattern.sub(" ", rest)
    return None if set(terms(rest, lang)) - besides else number


_PART_WORD = {"fi": "alakohta", "sv": "delområde", "en": "strand"}


def part_named(question: str, lang: str) -> str | None:
    """The words that name a numbered part ("alakohdan 1", "strand 2"), as the question has
    them, or else in the question's language ("toinen alakohta": "alakohta 2")."""
    if m := _PART_NUMBER.search(question):
        return m.group(0)
    number = asked_part_number(question)
    return f"{_PART_WORD.get(lang, 'alakohta')} {number}" if number else None


def with_part_number(question: str, number: str) -> str | None:
    """The question asked of another numbered part ("paljonko alakohtaan 1…" → "…2…"); None
    when it names no part by its number."""
    if not _PART_NUMBER.search(question):
        return None
    return _PART_NUMBER.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + number, question)


def _part_number(text: str) -> str | None:
    m = _PART_NUMBER.search(text)
    return m.group(1) if m else None


# A part named in any words: "alakohdalle", "strand", "OKM:n ykköskohdassa".
_PART_WORD = re.compile(rf"\b{_PART}|\b\w*kohda\w*", re.IGNORECASE)
_NUMBERED_ROW = re.compile(r"^\s*\d\.\s")


def names_a_part(text: str) -> bool:
    return bool(_PART_WORD.search(text))


def of_a_part(s: Sentence) -> bool:
    """The sentence speaks of one part: names one, is a numbered row of the parts' table ("2.
    Valtakunnalliset hankkeet … 2,25 milj. €"), or stands under a part's heading."""
    return (
        names_a_part(f"{s.context} {s.text}")
        or bool(_NUMBERED_ROW.match(s.text))
        or part_heading(s) is not None
    )


def part_heading(s: Sentence) -> str | None:
    """The line naming a part ("Alateema 2: …") that a sentence stands under, if any."""
    start = s.passage.text.find(s.text)
    heading = _heading_above(s.passage, start) if start >= 0 else ""
    return heading if _PART_NUMBER.match(heading) else None


def _heading_above(passage: Passage, start: int) -> str:
    """The nearest line above ``start`` that opens with a part ("Alateema 2: …"), else the
    passage's heading."""
    for line in passage.text[: max(start, 0)].split("\n")[::-1]:
        if _PART_NUMBER.match(line.strip()):
            return line.strip()
    return passage.section.split(">")[-1].strip()


def _part_above(passage: Passage, start: int) -> str | None:
    """The part a sentence stands under."""
    return _part_number(_heading_above(passage, start))


# The kinds of answer that belong to a thing the question names.
_OF_THE_NAMED = {Need.FREQUENCY, Need.DURATION, Need.BOUND, Need.LINK, Need.SHARE, Need.VENUE}
# The kinds of answer that are one call's own figures, and what ends the clause holding one.
_FIGURES_OF_A_CALL = {Need.COUNT, Need.AMOUNT, Need.DATE, Need.DURATION}
_CLAUSE_ENDS = (":", ";", ",", " sekä ", " samt ", " as well as ")


@dataclass
class _Asked:
    """What the question asks for, in the form the sentence scorer needs it."""

    concepts: dict[str, Concepts]
    asked_concepts: dict[str, Concepts] | None
    span: re.Pattern[str] | None
    cues: list[re.Pattern[str]]
    naming: list[re.Pattern[str]]  # of NAMING_CUES, those the question's words call up
    definition: bool
    focus: tuple[str, set[str], set[str], set[str]] | None
    need: Need
    counted: dict[str, set[str]]  # terms of what a count question counts, per text language
    counted_entries: frozenset[str]  # its glossary entries' Finnish lemmas (sv/en questions)
    decision: bool  # when the askers hear whether they got the money
    measured: dict[str, set[str]]  # and of what an amount question measures
    thing: dict[str, set[str]]  # and of the thing a "which thing" question asks for
    limit_ok: bool  # the question asks for a limit ("saa olla", "vähintään"), not a total
    direction: str | None  # a least or a most value, for bound questions
    money: bool  # the question is about a sum of money, not a share
    sum_asked: bool  # the question asks for a sum of money itself ("paljonko rahaa", "budget")
    example: bool  # it asks about a worked example ("esimerkkilaskelmassa")
    given: set[str]  # numbers the question states: a figure it already knows is no answer
    stated: set[str]  # the same, less years of the call and small numbers ("alakohta 1")
    years: set[str]  # the years the question or the asked call's name holds
    new_asked: bool = False  # the question asks about a new thing ("the new project")
    points: bool = False  # the question bounds points ("pienin pistemäärä"), not money
    total_asked: bool = False  # a whole sum ("kaikkiaan", "in total") and no part named
    counted_synonyms: frozenset[str] = frozenset()  # glossary synonyms of a Finnish counted word
    stated_counts: frozenset[str] = frozenset()  # what a yes/no question counts itself
    language: bool = False  # the question asks about a language ("written in English?")
    part: str | None = None  # the numbered sub-theme or strand asked about ("alateema 1")
    acts: frozenset[str] = frozenset()  # what "who does it" asks the doer of ("kuka arvioi")
    subjects: frozenset[str] = frozenset()  # lemmas of the asked sentence's subject nouns
    asker: frozenset[str] = frozenset()  # what the asker says they are ("yritys")
    rare: tuple[frozenset[str], ...] = ()  # the asked field terms that few chunks hold ("alv")
    text_before: Callable[[Passage], str] | None = None
    # Per passage: does it hold every stated figure? (Read once, not once per sentence.)
    _states: dict[str, bool] = field(default_factory=dict)

    def _holds_stated(self, passage: Passage) -> bool:
        if passage.chunk_id not in self._states:
            self._states[passage.chunk_id] = self.stated <= _numbers(passage.text)
        return self._states[passage.chunk_id]

    def _new_figure(self, m: re.Match[str]) -> bool:
        """A span that holds a number the question does not already state: "kuinka moni 32
        hankekokonaisuudesta sai rahoitusta?" is not answered by "32 hankekokonaisuutta".

        Only counts and dates: a figure in a share or sum question names what is asked about
        ("what does the 15 % flat rate cover?")."""
        numbers = _numbers(m.group(0))
        return not numbers or not numbers <= self.given

    def _counts_the_asked(self, sent: str, lang: str) -> bool:
        """ "66 hakemusta" for "montako hakemusta": the counted word is the question's own.

        A question that names nothing to count ("montako?") takes any count.
        """
        wanted = self.counted.get(lang, self.counted.get("fi", set()))
        # "Jos haet molemmista alakohdista, jätä kaksi erillistä hakemusta" is a rule too.
        rule = bool(_CONDITION.match(sent))
        if not self.limit_ok and rule:
            return False
        for m in self.span.finditer(sent):
            if not self._new_figure(m):
                continue
            bound = _BOUND_BEFORE.search(sent[max(0, m.start() - 20) : m.start()])
            if not self.limit_ok and bound:
                continue  # "vähintään yksi hyvinvointialue" is a rule, not how many there are
            if self.direction and not (
                bound and bound.group(1).lower() in BOUND_DIRECTION[self.direction]
            ):
                continue  # "the maximum number of projects" wants "enintään viisi", not "32"
            if not wanted:
                return True
            for word in (m.group("counted"), m.group("counted2")):
                if not word:
                    continue
                if wanted & _counted_as(word, lang):
                    return True
                if lang == "fi" and self.counted_synonyms & set(word_terms(word, "fi")[:1]):
                    # "Montako kumppania" is answered by "kolme osatoteuttajaa", a synonym whole;
                    # "hyvinvointialue" is no "maakunta" for sharing the head "alue" with it.
                    return True
                third = lang not in self.counted
                if third and self.counted_entries & _glossary_finnish(word, lang):
                    # A third language (the English summary for a Swedish question) counts the
                    # same glossary entry: "one project" is "projekt", but no "projekthelhet".
                    return True
        return False

    def which_call(self, sent: str, passage: Passage, start: int) -> str | None:
        """In a document shared by all calls: "mine" for a sentence about the asked call,
        "other" for one about only another call, None when it names none.

        A sentence names a call itself ("Syksyn 2023 haun perusteella käynnissä on 12
        hankekokonaisuutta") or through a line above it (a slide "Vanhemmuuden tuen haku" and
        then "Hakuun saatiin 66 hakemusta"). A sentence about another call is not quoted in an
        answer about this one. Without a call asked about, or in a call's own document: "mine".
        """
        if self.focus is None or passage.call_id:
            return "mine"
        _, _, mine, others = self.focus
        lines = [sent] + passage.text[: max(start, 0)].split("\n")[::-1]
        for line in self._lines_up(lines, passage):
            t = set(terms(line, passage.language))
            # By the larger number of naming words: compound parts name calls loosely
            # ("toimintamalleja" holds the "toiminta" of "harrastustoiminta").
            ours, theirs = len(mine & t), len(others & t)
            if ours or theirs:
                return "mine" if ours >= theirs else "other"
        return None

    def _lines_up(self, lines: list[str], passage: Passage) -> Iterator[str]:
        """The lines from a sentence upwards, into the chunk before when this one has no say."""
        yield from lines
        if self.text_before is not None:
            yield from self.text_before(passage).split("\n")[::-1]

    def _of_other_call(self, sent: str, m: re.Match[str], lang: str, passage, at: int) -> bool:
        """The clause that holds the figure names only another call than the one asked about;
        in a shared document, a clause that names none is read with the lines above it ("Käynnissä
        12 hankekokonaisuutta, sekä koordinaatiohanke" counts the autumn call's projects)."""
        _, _, mine, others = self.focus
        begin = max(sent.rfind(c, 0, m.start()) for c in _CLAUSE_ENDS) + 1
        ends = [i for c in _CLAUSE_ENDS if (i := sent.find(c, m.end())) >= 0]
        clause = sent[begin : min(ends, default=len(sent))]
        found = set(terms(clause, lang))
        if mine & found or others & found or passage.call_id:
            return bool(others & found) and not mine & found
        return self.which_call(clause, passage, at) == "other"

    def _sums(self, sent: str, passage: Passage, has_span: bool) -> list[re.Match[str]]:
        """The sums in the sentence that may answer an amount question."""
        sums = list(self.span.finditer(sent)) if has_span else []
        if self.example or self.stated and self._holds_stated(passage):
            sums += _TABLE_SUM.finditer(sent)
        if not self.limit_ok:
            # "Mikä on haun budjetti?" is not answered by "vähintään 200 000 euroa", a rule.
            sums = [
                m
                for m in sums
                if not _BOUND_BEFORE.search(sent[max(0, m.start() - 20) : m.start()])
            ]
        if self.stated:
            # "Palkat on 250 000 €, paljonko kokonaiskustannukset?": not the row of that 250 000.
            sums = [m for m in sums if not _numbers(m.group(0)) <= self.stated]
        if self.sum_asked:
            # "Paljonko rahaa", "how large a budget": euros, not "flat rate 40 %".
            sums = [
                m for m in sums if m.re is _TABLE_SUM or not re.match(r"%|pro", m.group(1), re.I)
            ]
        return sums

    def _right_bound(self, m: re.Match[str]) -> bool:
        if self.direction and m.group(1).lower() not in BOUND_DIRECTION[self.direction]:
            return False
        if self.need is Need.BOUND_AMOUNT and self.money:
            return not re.match(r"%|pro|per", m.group(m.lastindex or 0), re.I)
        return True

    def score(
        self, sent, context, label, ordinal, passage, prior, start
    ) -> tuple[float, float, bool, bool]:
        """The sentence's score, its coverage of the question, whether it holds the asked kind of
        answer, and whether it names the asked thing in other words (a naming cue's, or a count
        of what the asker counts: "kuusi hanketta – käykö?", "koostuu 2–5 hankkeesta")."""
        lang = _sentence_language(sent, passage.language)
        s_terms = set(terms(sent, lang))
        if context:
            s_terms |= set(terms(context, lang))
        cov = coverage(self.concepts.get(lang, self.concepts["fi"]), s_terms)
        if self.asked_concepts:
            own = self.asked_concepts.get(lang, self.asked_concepts["fi"])
            cov = max(cov, coverage(own, s_terms))
        has_span = bool(self.span and self.span.search(sent))
        cued = any(c.search(f"{context} {sent}") for c in self.naming)
        if has_span and cov == 0 and self.need in _OF_THE_NAMED and not cued:
            # "Kuinka usein maksatushakemuksia jätetään?" is not answered by how often the
            # network meets: a frequency, a duration, a bound or a link is of something the
            # question names ("hakemuksen minimipisteet" is no "vähintään kahdesta hankkeesta",
            # the info session's Teams link no "osoitteessa eura2021.fi"). A cue names it in
            # other words: "paljonko maksamme itse" is "omarahoitusosuus on vähintään 20 %".
            has_span = not self.concepts.get(lang, self.concepts["fi"])
        if has_span and self.focus is not None and self.need in _FIGURES_OF_A_CALL:
            # "…: syksyn 2023 haussa rahoitettuja 12 hankekokonaisuutta" in the coordination
            # call's notice counts another call's projects.
            has_span = any(
                not self._of_other_call(sent, m, lang, passage, start)
                for m in self.span.finditer(sent)
            )
        if self.need is Need.FREQUENCY and has_span and self.counted:
            # "Montako esitystä vuodessa?" is not answered by how often the network meets.
            wanted = self.counted.get(lang, self.counted.get("fi", set()))
            has_span = bool(wanted & s_terms) or not wanted - _TIMES
        if self.need is Need.COUNT and has_span:
            # "Kaksi erillistä hakemusta" does not say how many projects are funded.
            has_span = self._counts_the_asked(sent, lang)
        if self.need in (Need.BOUND, Need.BOUND_AMOUNT) and has_span:
            # "suurin sallittu budjetti" is answered neither by "vähintään 100 000 euroa" nor by
            # "enintään 80 %".
            has_span = any(self._right_bound(m) for m in self.span.finditer(sent))
            # "the minimum score" is not "vähintään 20 %": a bound on points names points.
            has_span = has_span and (not self.points or bool(POINTS_ASKED.search(sent)))
        if self.need is Need.DATE and has_span:
            # "When's the deadline for the spring 2025 call?" is not answered by "2025", nor is
            # any date question by the years in the call's name ("utlysningen vintern 2024–2025").
            has_span = any(
                self._new_figure(m) and not (m.group(0).isdigit() and m.group(0) in self.years)
                for m in self.span.finditer(sent)
            )
        if self.need is Need.AMOUNT:
            has_span = bool(self._sums(sent, passage, has_span))
        if self.need is Need.FUNDER and has_span and "@" in sent and not _FUNDING.search(sent):
            # A contact's ministry ("Elina Palola – STM – elina.palola@gov.fi") funds nothing.
            has_span = False
        score = 0.5 * cov + 0.3 * prior + (0.35 if has_span else 0.0)
        if self.need is Need.COUNT and has_span:
            score += 0.2
        if (
            self.total_asked
            and has_span
            and (names_a_part(f"{context} {sent}") or _NUMBERED_ROW.match(sent))
        ):
            score -= 0.3  # "kaikkiaan jaossa": the call's whole sum, not a strand's row
        if self.measured and has_span:
            # "how much public aid": the row "Julkinen tuki – 80 % – 280 000", not the row
            # beside it with another sum.
            wanted = self.measured.get(lang, self.measured.get("fi", set()))
            if wanted & s_terms:
                score += 0.1
        if self.thing and self.thing.get(lang, self.thing.get("fi", set())) & {
            t.lstrip("-")
            for t in s_terms  # "-ohjelmaan" of "… 2021–2027 -ohjelmaan"
        }:
            score += 0.2  # "millä kustannusmallilla": the sentence that names a cost model
        if any(c.search(sent) or context and c.search(context) for c in self.cues):
            score += 0.15
            if self.need is Need.FUNDER and NEED_CUES[Need.FUNDER].search(f"{context} {sent}"):
                # "Vem betalar?": "Rahoittajat · OKM ja STM", not the ministries named as the
                # project's partners ("yhteistyö … STM:n ja OKM:n kanssa").
                score += 0.15
        if cued:
            # On top of the cue's own 0.15 just above (NAMING_CUES are among CUES): named in
            # other words, "lähetetään määräajan jälkeen" is "myöhästynyt".
            score += 0.15
        if self.need is Need.DATE and self.decision and DECISION_NAMED.search(f"{context} {sent}"):
            score += 0.3  # "Milloin saamme tietää, saimmeko tukea?": "Rahoituspäätökset arviolta …"
        if self.language and LANGUAGE_NAMED.search(sent):
            score += 0.2  # "Can it be written in English?": the sentence that names languages
        if self.definition and ordinal == 0 and passage.ordinal == 0 and cov > 0:
            score += 0.15
        if self.part is not None and self.need is Need.GENERAL:
            # "Mitä toisessa alakohdassa tehdään?": a sentence under strand 2, not strand 1.
            # (An age or a date of strand 2 stands in its table row, which names no strand.)
            under = _part_number(f"{context} {sent}") or _part_above(passage, start)
            if under is not None:
                score += 0.2 if under == self.part else -0.2
        if (
            self.rare
            and (self.span is None or has_span)
            and any(
                g & (s_terms if lang == "fi" else s_terms | _glossary_finnish(sent, lang))
                for g in self.rare
            )
        ):
            # "Is VAT an eligible cost?": the sentence on "arvonlisävero" before the summary's
            # "eligible costs"; but not above the sentences holding the asked kind of answer.
            score += RARE_TOPIC_WEIGHT
        if self.asker and self.asker & s_terms:
            score += 0.2  # "Olemme yritys. Voimmeko hakea?": "Yritykset voivat osallistua …"
        elif self.subjects and self.subjects & s_terms:
            score += 0.1  # "Voiko seurakunta hakea?": the sentence naming "seurakunnat"
        if self.acts and lang == "fi" and any(_does(w, self.acts) for w in words(sent)):
            score += 0.2  # "Kuka arvioi hakemukset?": "ELY-keskus arvioi", not "arvioidaan"
        if self.new_asked and PREVIOUS_NAMED.search(sent):
            score -= 0.3  # "the new project" is not answered by what the previous one does
        counts_stated = bool(
            self.stated_counts and self.stated_counts & _counted_lemmas(sent, lang)
        )
        if counts_stated:
            score += 0.2  # "seitsemän hanketta – sallittu?": "koostuu 2–5 hankkeesta"
        if self.stated and self._holds_stated(passage):
            score += 0.15  # "a project with 250 000 euros of staff costs": the passage with that
        if self.focus is not None:
            call_id, names, _, _ = self.focus
            if passage.call_id == call_id:
                score += 0.1
            elif not passage.call_id:
                score += 0.03 * min(4, len(names & s_terms))
        # A label ("Kustannukset, jotka eivät ole tukikelpoisia") says nothing on its own.
        if label:
            score -= 0.2
        if len(sent) > 400:
            score -= 0.05
        return score, cov, has_span, cued or counts_stated


_WHO = re.compile(r"\b(kuka|ketkä)\b", re.I)
_WHO_OTHER = re.compile(r"\b(vem|who)\b", re.I)
# Verbs that say nothing of the act: "kuka voi myöntää" asks who grants. "Antaa" is said of
# anything ("järjestelmä antaa hakemustunnuksen").
_AUXILIARIES = {"voida", "pitää", "täytyä", "olla", "joutua", "antaa"} | WEAK_LEMMAS


def _subjects(question: str, lang: str, ignore: set[str] | None) -> frozenset[str]:
    """Lemmas of the nouns in the nominative of a Finnish question: what it is about
    ("seurakunta" in "Voiko seurakunta olla hakijana?")."""
    if lang != "fi":
        return frozenset()
    skip = NEED_LEMMAS | WEAK_LEMMAS | _PRONOUNS | (ignore or set())
    out = set()
    for w in words(question):
        if w.islower() and noun_case(w) == "nimento":
            lemma = word_terms(w, "fi")[:1]
            if lemma and lemma[0] not in skip:
                out.add(lemma[0])
    return frozenset(out)


# "Olemme pieni osakeyhtiö, joka …", "Kuoromme on …", "Our choir is …": the organisation that
# asks, up to the clause end. Not "I'm the family ministry coordinator": a person's role is no
# kind of applicant.
_ASKER = {
    "fi": re.compile(r"\bolemme\s+([^,.;:?!–]+)|\b\w+mme\s+on\s+([^,.;:?!–]+)", re.I),
    "sv": re.compile(r"\bvi är\s+([^,.;:?!–]+)|\bvår[at]?\s+\w+\s+är\s+([^,.;:?!–]+)", re.I),
    "en": re.compile(
        r"\b(?:we are|we're)\s+([^,.;:?!–]+)|\bour\s+(?:\w+\s+){1,2}?(?:is|are)\s+([^,.;:?!–]+)",
        re.I,
    ),
}
_ASKER_CLAUSE_END = re.compile(
    r"\s(?:ja|joka|jolla|jonka|eikä|emmekä|och|som|med|and|that|who|with|which)\s", re.I
)
_US = re.compile(r"\b(vi|we)\b", re.I)


def _asks_of_us(asked: str, lang: str) -> bool:
    """The question is about the askers ("Voimmeko hakea?", "Can we apply?"), not about a thing
    ("– kan projektet starta då?"), so what they are decides the answer."""
    if _US.search(asked):
        return True
    return lang == "fi" and any(
        a.get("PERSON") == "1" and a.get("NUMBER") == "plural"
        for w in words(asked)
        for a in analyze(w.lower())
    )


def _asker_kind(situation: str, lang: str) -> frozenset[str]:
    """What the asker says they are, in the situation told before the question, as Finnish lemmas
    with the glossary's synonyms: "Olemme osakeyhtiö" and "We're a small private company" ask
    as a company ("Yritykset voivat osallistua …")."""
    m = _ASKER[lang].search(situation) if lang in _ASKER else None
    if not m:
        return frozenset()
    clause = _ASKER_CLAUSE_END.split(next(g for g in m.groups() if g))[0]
    if lang != "fi":
        return _glossary_finnish(clause, lang)
    out: set[str] = set()
    for w in words(clause):
        if w.islower() and noun_case(w) == "nimento":
            lemma = word_terms(w, "fi")[:1]
            if lemma and lemma[0] not in NEED_LEMMAS | WEAK_LEMMAS | _PRONOUNS:
                out |= {lemma[0]} | finnish_synonyms(lemma[0])
    return frozenset(out)


def _verb_lemmas(ws) -> set[str]:
    """Lemmas of the verbs among ``ws`` that say what is done ("myöntää", not "voida")."""
    return {
        a["BASEFORM"]
        for w in ws
        for a in analyze(w)
        if a.get("CLASS") == "teonsana" and a.get("BASEFORM") not in _AUXILIARIES
    }


def _asked_acts(question: str, lang: str) -> frozenset[str]:
    """The verbs after "kuka"/"ketkä" in a Finnish question: what the asked doer does. In a
    Swedish or English one ("Vem beviljar…", "Who grants…"), the Finnish verbs of the glossary
    term right after the question word."""
    m = (_WHO if lang == "fi" else _WHO_OTHER).search(question)
    if not m:
        return frozenset()
    if lang != "fi":
        entries = load_glossary()
        return frozenset(
            _verb_lemmas(
                w
                for start, _, i in matches(question, lang)
                if not question[m.end() : start].strip()
                for w in entries[i].fi
            )
        )
    out = _verb_lemmas(w for w in words(question[m.end() :]) if w.islower())  # "Suomi.fi"
    return frozenset(out | {x for v in out for x in finnish_synonyms(v)})


def _does(word: str, acts: frozenset[str]) -> bool:
    """The word is one of ``acts`` done by someone named (active, third person), not passive
    ("arvioidaan") nor an instruction ("Varmista")."""
    return word.islower() and bool(acting_lemmas(word) & acts)


_FUNDING = re.compile(r"rahoitta|rahoittaj|finansier|fund", re.I)


@lru_cache(maxsize=50_000)  # the same sentences come back question after question
def _sentence_language(sentence: str, chunk_language: str) -> str:
    """A chunk is labelled by its main language; a Swedish or English one may still hold a
    Finnish line (a contact table before the summary in English), to be read as Finnish."""
    if chunk_language == "fi" or len(sentence.split()) < 4:
        return chunk_language
    return detect_language(sentence)


# A supporting quote scores at least this share of the best sentence: as evidence (whether to
# answer at all) and, looser, as what is shown beside the lead (the right sentence is often a
# close second; bench/answers.py chose both).
EVIDENCE_CLOSE = 0.75
SHOWN_CLOSE = 0.65


def select(
    sentences: list[Sentence], max_quotes: int = 3, close: float = EVIDENCE_CLOSE
) -> list[Sentence]:
    """The lead sentence, then supporting ones that score close to it (no near-duplicates)."""
    if not sentences:
        return []
    top = sentences[0]
    lead = top
    # Lead with the sentence that holds what was asked for (an amount, a date...), if one is close.
    if not lead.has_span:
        lead = next(
            (s for s in sentences if s.has_span and s.score >= 0.6 * top.score),
            top,
        )
    chosen = [lead]
    for s in sentences:
        if len(chosen) >= max_quotes:
            break
        if s is lead or s.score < close * top.score or s.coverage == 0:
            continue
        if any(_similar(s.quote, c.quote) for c in chosen):  # what the reader sees twice
            continue
        chosen.append(s)
    return chosen


def shown_quotes(chosen: list[Sentence]) -> list[str]:
    """The quotes as the reader sees them: a list's lead-in once, not before every item
    (“Kohderyhmät … A” [1] “… B” [2], not “Kohderyhmät … B” [2])."""
    out: list[str] = []
    head = ""
    for s in chosen:
        lead = s.context.rstrip(" …·:")
        if lead and lead == head:
            out.append(f"… {s.text}")
        else:
            out.append(s.quote)
        head = lead
    return out


def _similar(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.7
