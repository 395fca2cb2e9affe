"""Letters and slips mended before a question is read (real Voikko and pyspellchecker)."""

from __future__ import annotations

import pytest

from bot.spelling import fix_typos, restore_letters, standard_finnish
from index.analysis import voikko_available, word_terms

needs_voikko = pytest.mark.skipif(not voikko_available(), reason="Voikko not installed")

# What the index would know of a Swedish summary page.
SV_VOCAB = {
    t for w in "ansökan föräldraskapsstöd utlysningen stödet".split() for t in word_terms(w, "sv")
}


@needs_voikko
def test_finnish_letters_come_back_where_the_word_needs_them():
    assert restore_letters("milloin syksyn 2023 haku paattyy", "fi", set()) == (
        "milloin syksyn 2023 haku päättyy"
    )
    assert restore_letters("okm haku hakemusten maara", "fi", set()) == "okm haku hakemusten määrä"


@needs_voikko
def test_names_words_with_the_letters_and_english_are_left_as_typed():
    # "Mika" is a name, not "mikä"; "USA:han" ends in a case ending, not "hän".
    assert restore_letters("Milloin Mika Waltari syntyi?", "fi", set()) == (
        "Milloin Mika Waltari syntyi?"
    )
    assert restore_letters("Milloin Havaiji liitettiin USA:han?", "fi", set()) == (
        "Milloin Havaiji liitettiin USA:han?"
    )
    # A question with one "ä" was typed with them: "vaara" stays "vaara".
    assert restore_letters("Onko tämä vaara?", "fi", set()) == "Onko tämä vaara?"
    assert restore_letters("Can a charity apply?", "en", set()) == "Can a charity apply?"


def test_swedish_letters_come_back_from_the_documents_and_the_glossary():
    assert restore_letters("nar stanger ansokan for foraldraskapsstodet", "sv", SV_VOCAB) == (
        "när stänger ansökan för föräldraskapsstödet"
    )
    # A compound the documents do not use whole, from its parts and a linking s.
    assert restore_letters("nar stanger foraldraskapsutlysningen", "sv", SV_VOCAB) == (
        "när stänger föräldraskapsutlysningen"
    )
    # Typed with the letters, only a long word is mended: a short one may be a word the
    # documents do not use ("for" in a Swedish question is no "för" to be sure of).
    assert restore_letters("kan en forsamling söka for oss", "sv", SV_VOCAB) == (
        "kan en församling söka for oss"
    )


@needs_voikko
def test_finnish_slips_are_mended_only_into_words_the_documents_use():
    vocab = {"osatoteuttaja", "budjetti", "maksu"}
    assert fix_typos("Montako osatoteutajaa voi olla?", "fi", vocab) == (
        "Montako osatoteuttajaa voi olla?"
    )
    assert fix_typos("Mikä on haun budjettti?", "fi", vocab) == "Mikä on haun budjetti?"
    # Voikko's best guess "emakkomaksua" (a sow payment) is no word of the documents.
    assert fix_typos("Voiko saada enakkomaksua?", "fi", vocab) == "Voiko saada enakkomaksua?"


@needs_voikko
def test_a_long_word_that_is_a_word_but_a_slip_from_the_documents_is_mended_in_its_case():
    vocab = {"arvonlisävero", "arvo", "lisä", "vero", "tulos", "palkkio", "terveysministeriö"}
    # "arvolisävero" is a Finnish compound (arvo+lisä+vero), yet a letter short of theirs.
    assert fix_typos("Onko arvolisävero tukikelpoinen?", "fi", vocab) == (
        "Onko arvonlisävero tukikelpoinen?"
    )
    assert fix_typos("Kuuluuko arvolisäveroon tuki?", "fi", vocab) == (
        "Kuuluuko arvonlisäveroon tuki?"
    )
    # A word no slip away from theirs stays unknown, and so its subject stays unmentioned.
    assert fix_typos("Onko tulospalkkio tukikelpoinen?", "fi", vocab) == (
        "Onko tulospalkkio tukikelpoinen?"
    )
    # A slip at the end makes another word: the minister is no ministry.
    assert fix_typos("Kuka on terveysministeri?", "fi", vocab) == "Kuka on terveysministeri?"


@needs_voikko
def test_a_finnish_word_without_its_letters_is_mended_in_a_question_typed_with_them():
    assert restore_letters("mihin kellonaikaan viimeisenä paivana?", "fi", None) == (
        "mihin kellonaikaan viimeisenä päivänä?"
    )
    # A word that is a word as typed stays ("sata" is a word, "säätä" another).
    assert restore_letters("säätiö voi hakea sata euroa", "fi", None) == (
        "säätiö voi hakea sata euroa"
    )


@needs_voikko
def test_a_compound_typed_apart_is_joined_when_the_documents_know_the_whole():
    vocab = {"hakuinfo", "info", "hanke", "vähimmäiskoko", "haku"}
    # "infotilaisuus" is the glossary's word for the documents' "hakuinfo".
    assert fix_typos("milloin on haun info tilaisuus?", "fi", vocab) == (
        "milloin on haun infotilaisuus?"
    )
    # An inflected first word is no compound part, and a known second word stays apart.
    assert fix_typos("hankkeen vähimmäiskoko?", "fi", vocab) == "hankkeen vähimmäiskoko?"
    assert fix_typos("info haku", "fi", vocab) == "info haku"


def test_english_slips_are_mended_but_the_documents_words_are_kept():
    # Words of the documents that an English dictionary would "mend" ("payola", "eurasia").
    vocab = {t for w in "elina palola eurassa".split() for t in word_terms(w, "en")}
    assert fix_typos("When are the funding decisons expected?", "en", vocab) == (
        "When are the funding decisions expected?"
    )
    assert fix_typos("what is the deadlne to apply in eurassa", "en", vocab) == (
        "what is the deadline to apply in eurassa"
    )
    assert fix_typos("what is elina palola's number", "en", vocab) == (
        "what is elina palola's number"
    )


def test_a_long_swedish_word_is_mended_into_the_one_glossary_or_document_word_a_slip_away():
    assert fix_typos("När är infotilfället?", "sv", SV_VOCAB) == "När är infotillfället?"
    # Two mendings open with "förskott"; the one that is a whole term of the glossary wins.
    assert fix_typos("kan man få förskotsbetalning", "sv", SV_VOCAB) == (
        "kan man få förskottsbetalning"
    )
    # One slip only: the ö comes back ("ansökning" is a term), the doubled g stays.
    assert fix_typos("nar ar sista ansokningsdagg", "sv", SV_VOCAB) == (
        "nar ar sista ansökningsdagg"
    )
    # A compound opening with a term ("kostnad") stays, unless a slip away is a whole term.
    assert fix_typos("Och vilken kostnadsmodel används?", "sv", SV_VOCAB) == (
        "Och vilken kostnadsmodell används?"
    )
    assert fix_typos("Hur går kostnadsberäkningen till?", "sv", SV_VOCAB) == (
        "Hur går kostnadsberäkningen till?"
    )
    # A word the glossary does not know, and short words, stay as typed.
    assert fix_typos("Måste vi ha en styrgrupp?", "sv", SV_VOCAB) == "Måste vi ha en styrgrupp?"
    assert fix_typos("Hur mycket stöd får vi?", "sv", SV_VOCAB) == "Hur mycket stöd får vi?"


def test_a_part_numbered_in_one_word_is_written_with_its_number():
    assert standard_finnish("Kenelle ykkösalakohta on tarkoitettu?") == (
        "Kenelle alakohta 1 on tarkoitettu?"
    )
    assert standard_finnish("Minkä ikäisille Kakkosalakohdassa?") == (
        "Minkä ikäisille alakohdassa 2?"
    )


@needs_voikko
def test_spoken_finnish_is_written_out():
    assert standard_finnish("onks okm:n haussa plussaa jos tavotetaan nuoria") == (
        "onko okm:n haussa plussaa jos tavoitetaan nuoria"
    )
    assert standard_finnish("millon aikasintaan hankkeet voi alkaa") == (
        "milloin aikaisintaan hankkeet voi alkaa"
    )
    assert standard_finnish("pitääks mä liittää sitoumus") == "pitääkö minä liittää sitoumus"
    # Written words, names and words Voikko does not know in any form stay as typed.
    assert (
        standard_finnish("Milloin Pirkanmaan haku päättyy?") == "Milloin Pirkanmaan haku päättyy?"
    )
    assert standard_finnish("zxqv vaan") == "zxqv vaan"


def test_a_strand_named_by_its_spoken_number_alone_is_the_strand():
    assert standard_finnish("Ja paljonko ykköselle on varattu?") == (
        "Ja paljonko alakohdalle 1 on varattu?"
    )
    assert standard_finnish("Entä kakkoseen?") == "Entä alakohtaan 2?"
    assert standard_finnish("Onko ykkönen maksuton?") == "Onko alakohta 1 maksuton?"
    # A word that only starts like one is no strand.
    assert standard_finnish("Kakkosvaihtoehto käy.") == "Kakkosvaihtoehto käy."
