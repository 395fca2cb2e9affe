"""Keyword terms: Voikko lemmas and compound parts for Finnish, Snowball for Swedish and English."""

from __future__ import annotations

import pytest

from index.analysis import terms, voikko_available


def test_voikko_is_available():
    """Without it Finnish keywords silently degrade to the stemmer (make system-deps)."""
    assert voikko_available(), "libvoikko1 and voikko-fi are not installed"


def test_compound_gives_lemma_and_parts():
    got = terms("hankehakuun")
    assert {"hankehaku", "hanke", "haku"} <= set(got)
    assert got[0] == "hankehaku"


@pytest.mark.parametrize(
    ("words", "lemma"),
    [
        (["hakemus", "hakemuksen", "hakemukset", "hakemuksia"], "hakemus"),
        (["haku", "haun", "hakuun", "haussa"], "haku"),
        (["rahoitus", "rahoitusta", "rahoituksen"], "rahoitus"),
    ],
)
def test_inflected_forms_meet_at_the_lemma(words, lemma):
    for word in words:
        assert lemma in terms(word), word


def test_query_and_passage_share_terms():
    """A question in one form finds a passage in another: that is the point of lemmas."""
    passage = set(
        terms("Rahoitusta voivat hakea rekisteröidyt yhdistykset ja kesäleirien järjestäjät.")
    )
    query = set(terms("Voiko yhdistys hakea rahoitusta kesäleirille?"))
    assert {"rahoitus", "hakea", "yhdistys", "kesäleiri", "leiri"} <= passage & query


def test_stop_words_and_single_letters_are_dropped_numbers_kept():
    assert terms("mikä on haun kesto") == ["haku", "kesto"]
    assert terms("a b 7") == ["7"]
    assert terms("EURA 2021") == ["eura", "2021"]


def test_unknown_finnish_word_falls_back_to_the_stemmer():
    got = terms("xyzzyplorkin")
    assert got and got[0].startswith("xyzzyplork")


def test_swedish_stemming():
    assert terms("ansökningarna", "sv") == terms("ansökning", "sv")
    assert terms("utlysningen", "sv") == terms("utlysningar", "sv") == ["utlysning"]
    assert terms("vad är det", "sv") == []  # stop words


def test_english_stemming():
    assert terms("applications", "en") == terms("application", "en")
    assert terms("the deadline of the call", "en") == ["deadlin", "call"]
    assert terms("Funding", "en") == terms("funding", "en") == ["fund"]


def test_a_case_ending_after_a_colon_is_no_word():
    # "15 %:iin" is "into 15 %": "iin" would be a topic word no passage holds.
    assert terms("OKM:n haku sisältyykö 15 %:iin", "fi") == ["okm", "haku", "sisältyä", "15"]
    assert terms("klo 16:15", "fi") == ["klo", "16", "15"]
