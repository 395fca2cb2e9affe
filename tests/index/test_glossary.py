"""The fi/sv/en glossary: Swedish and English funding terms reach the Finnish documents."""

from __future__ import annotations

from index.glossary import finnish_equivalents, load
from index.keyword import KeywordIndex


def test_every_entry_has_finnish_words_and_another_language():
    entries = load()
    assert len(entries) >= 50
    assert all(e.fi and e.patterns for e in entries)


def test_terms_are_found_in_swedish_and_english_longest_first():
    en = finnish_equivalents("How much own funding does the applicant need?", "en")
    assert any("omarahoitusosuus" in fi for fi in en)
    assert not any("määräraha" in fi for fi in en)  # "own funding" is not also "funding"
    sv = finnish_equivalents("Vilka bilagor ska fogas till ansökan?", "sv")
    assert any("liite" in fi for fi in sv) and any("hakemus" in fi for fi in sv)
    assert finnish_equivalents("Paljonko omarahoitusta tarvitaan?", "fi") == []
    assert finnish_equivalents("Can you recommend a good restaurant?", "en") == []


def test_keyword_search_of_an_english_question_adds_the_finnish_terms():
    q = KeywordIndex(None, [], {}).query_terms("Is VAT an eligible cost?", "en")
    assert "arvonlisävero" in q and "tukikelpoinen" in q


def test_finnish_synonyms_share_a_glossary_entry():
    from index.glossary import finnish_synonyms

    assert "alkaa" in finnish_synonyms("käynnistyä")
    assert "käynnistyä" in finnish_synonyms("alkaa")
    assert finnish_synonyms("kissa") == frozenset()


def test_a_compound_part_two_entries_share_identifies_neither():
    from index.glossary import distinctive_terms

    stm = next(e.fi for e in load() if "STM" in e.fi)
    okm = next(e.fi for e in load() if "OKM" in e.fi)
    assert "ministeriö" not in distinctive_terms(stm) | distinctive_terms(okm)
    assert {"terveysministeriö", "stm"} <= distinctive_terms(stm)
    assert "kulttuuriministeriö" in distinctive_terms(okm)


def test_a_swedish_stem_matches_its_inflected_forms():
    from index.glossary import matches

    assert matches("Vilka bilagor behövs?", "sv")  # "bilag": bilaga, bilagor, bilagan


def test_everyday_swedish_names_the_finnish_term():
    # "Hur värderas…", "vilken kunskap", "en fast procentsats": not the documents' own words.
    assert any("valintaperuste" in fi for fi in finnish_equivalents("Hur värderas ansökan?", "sv"))
    assert any("osaaminen" in fi for fi in finnish_equivalents("Vilken kunskap ska stärkas?", "sv"))
    assert any(
        "flat rate" in fi
        for fi in finnish_equivalents("Hur stor är den fasta procentsatsen?", "sv")
    )


def test_what_a_swedish_question_is_about_is_not_the_words_that_introduce_it():
    from index.analysis import function_words

    # "När det gäller projektets planering och ekonomi": the topic is the plan and the budget.
    assert {"gäller", "beträffande"} <= function_words("sv")
    assert "regarding" in function_words("en")
    found = finnish_equivalents("Vad bedöms när det gäller planering och ekonomi?", "sv")
    assert any("työsuunnitelma" in fi for fi in found) and any("budjetti" in fi for fi in found)


def test_where_something_official_is_published_reaches_the_finnish_words():
    from index.analysis import function_words

    found = finnish_equivalents("Var är den officiella temabeskrivningen publicerad?", "sv")
    assert any("virallinen" in fi for fi in found)
    assert {"supposed", "happen"} <= function_words("en")  # "Is it supposed to happen…?"


def test_weights_of_criteria_are_a_term_the_documents_never_use():
    # The notices say which criteria are emphasised ("painotetaan"), never by what weight.
    found = finnish_equivalents("How are the criteria weighted against each other?", "en")
    assert any("painoarvo" in fi for fi in found)
    assert not any("painoarvo" in fi for fi in finnish_equivalents("Is extra weight given?", "en"))
