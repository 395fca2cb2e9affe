"""PDF reading through pypdf: pages, running headers/footers, hyphenation, numbered headings."""

from __future__ import annotations

import re

import pytest

from ingest.chunker import chunk_document
from ingest.models import DocumentInfo
from ingest.readers import read_document

HEADER = "Hakuilmoitus 2025 — Sivu {page} / {pages}"
FOOTER = "Hämeen ELY-keskus · ESR+ hakuilmoitus · testihaku 2025"

PAGES = [
    [
        "1. Haun tarkoitus",
        "Haulla rahoitetaan metsäretkiä ja luontoleirejä nuorille.",
        "Rahoitettavien hank-",
        "keiden tulee edistää sukupuolten tasa-",
        "arvoa ja tukea nuoria siirtymä-",
        "/nivelvaiheissa koulutuksesta työelämään.",
    ],
    [
        "2. Kuka voi hakea",
        "Rahoitusta voivat hakea rekisteröidyt yhdistykset ja säätiöt.",
        "Yksityishenkilöt eivät voi hakea rahoitusta.",
    ],
    [
        "3. Aikataulu",
        "Haku päättyy torstaina 12.6.2025 kello 16.15.",
        "Myöhästyneitä hakemuksia ei käsitellä.",
    ],
]


@pytest.fixture
def notice(tmp_path, make_pdf):
    return make_pdf(
        tmp_path / "hakuilmoitus.pdf",
        PAGES,
        header=HEADER,
        footer=FOOTER,
        title="Hakuilmoitus – testihaku 2025",
    )


def _doc(**kw) -> DocumentInfo:
    base = dict(doc_id="d", title="T", source="d.pdf", content_hash="0" * 64)
    base.update(kw)
    return DocumentInfo(**base)


def test_blocks_carry_their_physical_page(notice):
    parsed = read_document(notice)
    assert parsed.page_count == 3
    assert parsed.title == "Hakuilmoitus – testihaku 2025"
    pages_of = {b.text: b.page for b in parsed.blocks}
    assert pages_of["2. Kuka voi hakea"] == 2
    assert pages_of["3. Aikataulu"] == 3
    by_word = {
        word: {b.page for b in parsed.blocks if word in b.text}
        for word in ("metsäretkiä", "yhdistykset", "12.6.2025")
    }
    assert by_word == {"metsäretkiä": {1}, "yhdistykset": {2}, "12.6.2025": {3}}


def test_running_header_and_footer_are_dropped(notice):
    parsed = read_document(notice)
    text = "\n".join(b.text for b in parsed.blocks)
    assert "Sivu" not in text
    assert not re.search(r"\d / 3", text)
    assert "ESR+ hakuilmoitus" not in text
    assert "Hakuilmoitus 2025" not in text
    # ...while the body of every page is still there.
    assert "metsäretkiä" in text and "säätiöt" in text and "Myöhästyneitä" in text


def test_two_page_pdf_keeps_its_header_lines(tmp_path, make_pdf):
    """Too few pages to tell a running header from content: nothing is dropped."""
    path = make_pdf(
        tmp_path / "kaksi.pdf",
        [["Ensimmäisen sivun teksti on tässä."], ["Toisen sivun teksti on tässä."]],
        header="Otsikkorivi",
    )
    text = " ".join(b.text for b in read_document(path).blocks)
    assert "Ensimmäisen" in text and "Toisen" in text


def test_hyphenation_across_line_breaks(notice):
    text = " ".join(b.text for b in read_document(notice).blocks)
    # a word split by the layout is joined...
    assert "hankkeiden" in text
    assert "hank-" not in text and "hank keiden" not in text
    # ...a real hyphen in a compound is kept...
    assert "tasa-arvoa" in text
    assert "tasaarvoa" not in text
    # ...and a hyphen before a slash alternative stays, with no space.
    assert "siirtymä-/nivelvaiheissa" in text


def test_numbered_headings_become_the_section_path(notice):
    parsed = read_document(notice)
    headings = [b.text for b in parsed.blocks if b.is_heading]
    assert headings == ["1. Haun tarkoitus", "2. Kuka voi hakea", "3. Aikataulu"]
    section_of = {b.text.split()[0]: b.section for b in parsed.blocks if not b.is_heading}
    assert section_of["Haulla"] == ("1. Haun tarkoitus",)
    assert section_of["Rahoitusta"] == ("2. Kuka voi hakea",)
    assert section_of["Haku"] == ("3. Aikataulu",)


def test_nested_numbered_headings(tmp_path, make_pdf):
    path = make_pdf(
        tmp_path / "sisakkaiset.pdf",
        [
            [
                "2. Kuka voi hakea",
                "Rahoitusta voivat hakea yhdistykset.",
                "2.1 Yhteishankkeet",
                "Yhteishankkeessa on enintään kolme toteuttajaa.",
                "3. Aikataulu",
                "Haku päättyy keväällä.",
            ]
        ],
    )
    parsed = read_document(path)
    section = {b.text.split()[0]: b.section for b in parsed.blocks if not b.is_heading}
    assert section["Rahoitusta"] == ("2. Kuka voi hakea",)
    assert section["Yhteishankkeessa"] == ("2. Kuka voi hakea", "2.1 Yhteishankkeet")
    assert section["Haku"] == ("3. Aikataulu",)


def test_wrapped_numbered_steps_are_list_items_not_headings(tmp_path, make_pdf):
    path = make_pdf(
        tmp_path / "vaiheet.pdf",
        [
            [
                "7. Hakeminen",
                "1. Kirjaudu järjestelmään osoitteessa eura2021.fi Suomi.fi-tunnistuksella.",
                "2. Valitse hakemuksen alussa haku tunnuksella ESR-TESTI-1 ja täytä",
                "hakemuslomakkeen kaikki välilehdet.",
                "3. Liitä hakemukseen hyvinvointialueen sitoumus",
                "sekä yhteinen toteutussuunnitelma.",
                "8. Yhteystiedot",
                "Kysy lisää rahoitusasiantuntijalta.",
            ]
        ],
    )
    parsed = read_document(path)
    assert [b.text for b in parsed.blocks if b.is_heading] == ["7. Hakeminen", "8. Yhteystiedot"]
    steps = [b.text for b in parsed.blocks if not b.is_heading]
    assert (
        "Valitse hakemuksen alussa haku tunnuksella ESR-TESTI-1 ja täytä hakemuslomakkeen kaikki "
        "välilehdet." in steps
    )
    attach = "Liitä hakemukseen hyvinvointialueen sitoumus sekä yhteinen toteutussuunnitelma."
    assert attach in steps
    assert {b.section for b in parsed.blocks if not b.is_heading} == {
        ("7. Hakeminen",),
        ("8. Yhteystiedot",),
    }


def test_a_short_last_bullet_does_not_run_into_the_paragraph_after_the_list(tmp_path, make_pdf):
    path = make_pdf(
        tmp_path / "hakijat.pdf",
        [
            [
                "Rahoitusta voivat hakea julkis- ja yksityisoikeudelliset henkilöt, esimerkiksi:",
                "• kunnat ja hyvinvointialueet",
                "• kulttuuri-, liikunta- ja nuorisoalan toimijat",
                "Yhdistys voi toimia hakijana, kun sillä on riittävät taloudelliset ja muut",
                "edellytykset hankkeen toteuttamiseen. Yksityishenkilöt eivät voi hakea.",
                "• pitkä luettelon kohta, joka jatkuu seuraavalle riville niin kuin leipäteksti",
                "jatkuu, ja päättyy vasta täällä.",
            ]
        ],
    )
    texts = [b.text for b in read_document(path).blocks]
    assert "kulttuuri-, liikunta- ja nuorisoalan toimijat" in texts, texts
    assert any(t.startswith("Yhdistys voi toimia hakijana") for t in texts), texts
    # A wrapped item still reads on.
    assert texts[-1].endswith("niin kuin leipäteksti jatkuu, ja päättyy vasta täällä."), texts


def test_chunks_carry_pages_and_sections(notice, embedder):
    parsed = read_document(notice)
    # Small chunks, so every heading is a cut (a tiny section is merged into the next one).
    chunks = chunk_document(_doc(), parsed.blocks, embedder.token_count, 80, 20)
    where = {
        word: [(c.pages, c.section) for c in chunks if word in c.text]
        for word in ("metsäretkiä", "säätiöt", "Myöhästyneitä")
    }
    assert where["metsäretkiä"] == [((1,), ("1. Haun tarkoitus",))]
    assert where["säätiöt"] == [((2,), ("2. Kuka voi hakea",))]
    assert where["Myöhästyneitä"] == [((3,), ("3. Aikataulu",))]
    assert all(c.page == c.pages[0] for c in chunks)


def test_paragraph_over_a_page_break_lists_both_pages(tmp_path, make_pdf, embedder):
    path = make_pdf(
        tmp_path / "jatkuu.pdf",
        [
            ["Ensimmäinen virke kertoo leirikoulusta.", "Toinen virke jatkuu vielä."],
            ["Kolmas virke on jo toisella sivulla.", "Neljäs virke päättää kappaleen."],
        ],
    )
    parsed = read_document(path)
    [chunk] = chunk_document(_doc(), parsed.blocks, embedder.token_count, 220, 40)
    assert chunk.pages == (1, 2)
    at = chunk.text.index("Kolmas")
    assert chunk.page_at(0) == 1
    assert chunk.page_at(at) == 2
    assert chunk.page_at(at - 2) == 1


def test_word_hyphenated_over_a_page_break_is_finished_on_its_first_page(tmp_path, make_pdf):
    path = make_pdf(
        tmp_path / "sivunvaihto.pdf",
        [
            ["Tämä kappale kertoo valtakunnallisista hank-"],
            ["keista, jotka alkavat syksyllä.", "Toinen kappale on tässä."],
        ],
    )
    blocks = read_document(path).blocks
    assert blocks[0].page == 1
    assert blocks[0].text.endswith("valtakunnallisista hankkeista,")
    assert any(b.page == 2 and b.text.startswith("jotka alkavat") for b in blocks)


def test_corpus_pdfs_have_no_running_lines_in_chunks(corpus):
    """The corpus notices carry a four-line running footer and 'Sivu X / N' on every page."""
    manifest = corpus.services.store.manifest()
    bad = []
    for doc_id in manifest.documents:
        for c in corpus.chunks(doc_id):
            if re.search(r"Sivu \d+ / \d+|ESR\+ hakuilmoitus ·|ESIMERKKIAINEISTO / SAMPLE", c.text):
                bad.append((doc_id, c.pages, c.text[-120:]))
    assert not bad, bad[:3]


def test_corpus_seed_deck_hyphenation(corpus):
    text = " ".join(c.text for c in corpus.chunks("esr-lnp-teemaesitys"))
    assert "tasa-arvoa" in text
    assert "siirtymä-/nivelvaiheissa" in text
    assert "liikunta- ja muiden" in text


def test_corpus_numbered_heading_is_the_section(corpus):
    chunks = corpus.chunks("hakuilmoitus-lnp-syksy-2023")
    [hit] = [c for c in chunks if "julkis- ja yksityisoikeudelliset oikeushenkilöt" in c.text]
    assert hit.section[-1] == "2. Kuka voi hakea"
    assert hit.pages == (2,)


def test_a_line_starting_with_a_hyphenated_word_is_no_list_item(tmp_path, make_pdf):
    # "EURA 2021 -järjestelmässä" broken before its hyphen, and a suspended compound's parts.
    path = make_pdf(
        tmp_path / "eura.pdf",
        [
            [
                "Varmista, että sinulla on valtuus asioida organisaatiosi puolesta EURA 2021",
                "-järjestelmässä. Valtuuden myöntää organisaation nimenkirjoitusoikeudellinen",
                "henkilö. Hankkeissa järjestetään taide- ja kulttuuriesityksiä,",
                "-vierailuja ja -työpajoja kouluissa.",
                "- oikea luettelon kohta",
            ]
        ],
    )
    texts = [b.text for b in read_document(path).blocks]
    assert any("EURA 2021 -järjestelmässä. Valtuuden myöntää" in t for t in texts), texts
    assert any("kulttuuriesityksiä, -vierailuja ja -työpajoja" in t for t in texts), texts
    assert texts[-1] == "oikea luettelon kohta", texts
