"""Choosing the quotes: the lead, then sentences that score close to it."""

from __future__ import annotations

from bot.extract import (
    EVIDENCE_CLOSE,
    SHOWN_CLOSE,
    Sentence,
    _counted_lemmas,
    field_terms,
    question_concepts,
    select,
    shown_quotes,
)
from index.retriever import Passage

PASSAGE = Passage("c1", "doc", "Hakuilmoitus", "", 2, (2,), "", "", "call_notice", "fi", 1.0)


def sentence(text: str, score: float, coverage: float = 0.5, has_span: bool = False) -> Sentence:
    return Sentence(text, PASSAGE, 2, coverage, has_span, score)


def test_evidence_takes_only_close_sentences_and_what_is_shown_a_little_more():
    ranked = [
        sentence("Haku päättyy 6.6.2025 klo 16.15.", 1.0),
        sentence("Hakemus jätetään EURA 2021 -järjestelmässä.", 0.8),
        sentence("Rahoituspäätökset annetaan syksyllä 2025.", 0.7),
        sentence("Hakuinfo pidetään Teamsissa.", 0.6),
    ]
    assert SHOWN_CLOSE < EVIDENCE_CLOSE
    assert [s.score for s in select(ranked)] == [1.0, 0.8]
    assert [s.score for s in select(ranked, close=SHOWN_CLOSE)] == [1.0, 0.8, 0.7]


def test_at_most_three_quotes_no_near_duplicates_and_none_without_the_topic():
    ranked = [
        sentence("Haku päättyy 6.6.2025 klo 16.15.", 1.0),
        sentence("Haku päättyy 6.6.2025 klo 16.15 Suomen aikaa.", 0.95),  # the same again
        sentence("Hakuinfo pidetään Teamsissa.", 0.9, coverage=0.0),  # shares no topic word
        sentence("Hakemus jätetään EURA 2021 -järjestelmässä.", 0.85),
        sentence("Rahoituspäätökset annetaan syksyllä 2025.", 0.8),
        sentence("Hankkeet alkavat aikaisintaan 1.9.2025.", 0.8),
    ]
    assert [s.score for s in select(ranked, close=SHOWN_CLOSE)] == [1.0, 0.85, 0.8]


def test_the_sentence_holding_the_asked_kind_of_answer_leads_when_it_is_close():
    ranked = [
        sentence("Hakemukset jätetään sähköisesti.", 1.0),
        sentence("Haku päättyy 6.6.2025.", 0.7, has_span=True),
        sentence("Hakuaika on kaksi kuukautta.", 0.5, has_span=True),
    ]
    assert select(ranked)[0].score == 0.7


def test_a_lists_lead_in_is_shown_once_for_items_quoted_one_after_another():
    head = "Koordinaatiohankkeen tehtävät"
    items = [
        Sentence("yhteistyön tukeminen", PASSAGE, 2, 0.5, False, 1.0, f"{head} · "),
        Sentence("tulosten kokoaminen", PASSAGE, 2, 0.5, False, 0.9, f"{head} … "),
        Sentence("Haku päättyy 21.4.2025.", PASSAGE, 2, 0.5, False, 0.8),
        Sentence("yhteinen viestintä", PASSAGE, 2, 0.5, False, 0.7, f"{head} … "),
    ]
    assert shown_quotes(items) == [
        f"{head} · yhteistyön tukeminen",
        "… tulosten kokoaminen",
        "Haku päättyy 21.4.2025.",
        f"{head} … yhteinen viestintä",  # another quote came between: the reader needs it again
    ]
    # The citations keep the whole quote, lead-in included.
    assert items[1].quote == f"{head} … tulosten kokoaminen"
    # A list introduced by a sentence ending in a colon is the same list.
    colon = Sentence("kyky jatkaa", PASSAGE, 2, 0.5, False, 1.0, "Valintaperusteet ovat: ")
    later = Sentence("budjetti", PASSAGE, 2, 0.5, False, 0.9, "Valintaperusteet ovat … ")
    assert shown_quotes([colon, later]) == ["Valintaperusteet ovat: kyky jatkaa", "… budjetti"]


def test_question_words_conjunctions_and_the_rules_frame_are_no_topic():
    """ "Millaista", "jotta" and "edellytetään" say how the question is asked; a sentence need not
    hold them to answer it."""
    concepts = question_concepts(
        "Millaista kokemusta hakijalta edellytetään, jotta se voi hakea rahaa?", "fi"
    )["fi"]
    found = set().union(*concepts)
    assert {"kokemus", "hakija", "hakea"} <= found
    assert not found & {"millainen", "edellyttää", "jotta"}
    # "vai" stays: an either-or question asks which of the two.
    assert "vai" in set().union(*question_concepts("EURAssa vai sähköpostilla?", "fi")["fi"])


def test_a_compound_is_a_kind_of_its_head():
    """ "kausimaksu" is a "maksu": it is found as the glossary's "maksuton" ("Harrastustoiminnan
    tulee olla maksutonta"), as "maksu" itself would be."""
    concepts = question_concepts("Voimmeko periä osallistujilta kausimaksun?", "fi")["fi"]
    fee = next(c for c in concepts if "kausimaksu" in c)
    assert {"maksu", "maksuton"} <= fee
    # Only the head: "maksuhakemus" would be a "hakemus", not a "maksu".
    concepts = question_concepts("Milloin maksuhakemus jätetään?", "fi")["fi"]
    assert "maksuton" not in next(c for c in concepts if "maksuhakemus" in c)


def test_counted_lemmas_name_what_a_text_counts_and_no_part_number():
    assert "hanke" in _counted_lemmas("Kokonaisuuteen tulisi seitsemän erillistä hanketta.", "fi")
    assert "hankekokonaisuus" in _counted_lemmas("Two consortia would apply.", "en")
    # A strand's number is no count, nor is a Swedish article.
    assert not _counted_lemmas("Alakohdan 1 harrastustoiminta on maksutonta.", "fi")
    assert not _counted_lemmas("Vi är en kommun.", "sv")


def test_a_swedish_plural_reaches_its_glossary_entry():
    # "utbetalningsansökningar" is the plural of "utbetalningsansökan": payment claims.
    found = field_terms("Hur ofta lämnar man in utbetalningsansökningar?", "sv")
    assert any("maksatushakemus" in group for group in found), found


def test_an_acronym_before_the_asked_thing_is_skipped_but_no_lowercase_word():
    from bot.intent import asked_thing_at

    q = "which EU programme are these calls under"
    assert q[asked_thing_at(q) :].startswith("programme")
    # Only capitals make an acronym: "Mikä on …" asks no thing called "on …".
    assert asked_thing_at("Mikä on syksyn 2023 haun budjetti?") is None
    q = "Mikä organisaatio toteuttaa hanketta?"
    assert q[asked_thing_at(q) :].startswith("organisaatio")


def test_a_verb_finds_the_noun_of_its_glossary_entry():
    # What "estää" (prevents) children from a hobby are its "esteitä" (obstacles).
    concepts = question_concepts("mitkä asiat estää lapsia harrastamasta", "fi")["fi"]
    assert any({"estää", "este"} <= c for c in concepts)
