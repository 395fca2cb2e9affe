"""fi / sv / en detection of questions (real lingua)."""

from __future__ import annotations

import pytest

from ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Paljonko rahaa on haettavissa?", "fi"),
        ("Hur mycket pengar finns i utlysningen?", "sv"),
        ("When does the call close?", "en"),
        # Finnish names do not make an English question Finnish.
        ("What is Merja Niemi's phone number?", "en"),
        ("Vilket telefonnummer har Antti Hieta på Hämeen ELY-keskus?", "sv"),
        ("Mikä on Merja Niemen sähköpostiosoite?", "fi"),
    ],
)
def test_a_question_is_told_by_its_words_not_its_names(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How many projects can one project entity (hankekokonaisuus) consist of?", "en"),
        ('Vad menas med "hankekokonaisuus" och "koordinaatiohanke" i utlysningen?', "sv"),
        ("Mitä tarkoittaa (hankekokonaisuus)?", "fi"),
    ],
)
def test_a_term_quoted_from_the_documents_is_not_the_language_of_the_question(text, lang):
    assert detect_language(text) == lang
