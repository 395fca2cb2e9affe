"""Chunks: sized in model tokens, overlapping, cut at headings, fully labelled."""

from __future__ import annotations

import pytest

from ingest.chunker import chunk_document, slugify
from ingest.language import detect_language
from ingest.models import Block, Chunk, DocumentInfo
from ingest.text import split_sentences

DOC = DocumentInfo(
    doc_id="hakuilmoitus-testi",
    title="Hakuilmoitus – testi",
    source="/x/hakuilmoitus-testi.pdf",
    content_hash="ab" * 32,
    call_id="testihaku-2025",
    doc_type="call_notice",
    language="fi",
    pages=3,
)


def _sentences(n: int, word: str) -> str:
    return " ".join(f"{word.capitalize()} numero {i} kuvaa hankkeen vaihetta." for i in range(n))


LONG = (
    "Tämä poikkeuksellisen pitkä virke kertoo "
    + ", ".join(f"hankkeen {i}. vaiheen tavoitteista ja mitattavista tuloksista" for i in range(18))
    + "."
)


@pytest.fixture
def blocks() -> list[Block]:
    return [
        Block("1. Tavoitteet", 1, ("1. Tavoitteet",), is_heading=True),
        Block(_sentences(25, "tavoite"), 1, ("1. Tavoitteet",)),
        Block(LONG, 2, ("1. Tavoitteet",)),  # short sentences, then one near the limit
        Block(_sentences(12, "välitavoite"), 2, ("1. Tavoitteet",)),
        Block("2. Aikataulu", 3, ("2. Aikataulu",), is_heading=True),
        Block(_sentences(20, "aikataulu"), 3, ("2. Aikataulu",)),
    ]


@pytest.mark.parametrize(("limit", "overlap"), [(220, 40), (80, 20), (40, 10)])
def test_chunks_respect_the_token_limit(blocks, embedder, limit, overlap):
    chunks = chunk_document(DOC, blocks, embedder.token_count, limit, overlap)
    assert len(chunks) > 2
    sizes = [embedder.token_count(c.text) for c in chunks]
    assert max(sizes) <= limit, sizes
    # nothing lost: every sentence is in some chunk (one over the limit is cut into pieces)
    joined = "\n".join(c.text for c in chunks)
    words = set(joined.split())
    for b in blocks:
        for sent in split_sentences(b.text) if not b.is_heading else []:
            if embedder.token_count(sent) <= limit:
                assert sent in joined
            else:
                assert set(sent.split()) <= words


def test_over_long_sentence_with_uneven_words_is_cut_under_the_limit(embedder):
    """A table run: many short words, then codes that cost many tokens each."""
    text = " ".join(["ja"] * 150 + ["Xq7Zp9Wv3Lk8Rt2Yb6Nm4Hj1Gf5Dc0"] * 20)
    chunks = chunk_document(DOC, [Block(text, 1)], embedder.token_count, 100, 20)
    sizes = [embedder.token_count(c.text) for c in chunks]
    assert max(sizes) <= 100, sizes
    assert sum(c.text.count("Xq7Zp9Wv3Lk8Rt2Yb6Nm4Hj1Gf5Dc0") for c in chunks) >= 20


def test_neighbouring_chunks_overlap_within_a_section(embedder):
    text = _sentences(40, "lause")
    chunks = chunk_document(DOC, [Block(text, 1, ("1. Osio",))], embedder.token_count, 80, 25)
    assert len(chunks) >= 4
    for a, b in zip(chunks, chunks[1:], strict=False):
        a_sents, b_sents = split_sentences(a.text), split_sentences(b.text)
        shared = [s for s in b_sents if s in a_sents]
        assert shared, (a.text, b.text)
        # the shared part is a's tail and b's head, and fits the overlap budget
        assert a_sents[-len(shared) :] == shared == b_sents[: len(shared)]
        assert sum(embedder.token_count(s) for s in shared) <= 25


def test_no_overlap_across_a_heading(embedder):
    blocks = [
        Block(_sentences(12, "ensimmäinen"), 1, ("1. Eka",)),
        Block("2. Toka", 1, ("2. Toka",), is_heading=True),
        Block(_sentences(12, "toinen"), 1, ("2. Toka",)),
    ]
    chunks = chunk_document(DOC, blocks, embedder.token_count, 400, 40)
    assert [c.section for c in chunks] == [("1. Eka",), ("2. Toka",)]
    assert "Toinen" not in chunks[0].text
    assert "Ensimmäinen" not in chunks[1].text


def test_every_chunk_is_fully_labelled(blocks, embedder):
    chunks = chunk_document(DOC, blocks, embedder.token_count, 120, 20, language_of=detect_language)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    for c in chunks:
        assert c.doc_id == "hakuilmoitus-testi"
        assert c.title == "Hakuilmoitus – testi"
        assert c.call_id == "testihaku-2025"
        assert c.doc_type == "call_notice"
        assert c.content_hash == DOC.content_hash
        assert c.language == "fi"
        assert c.pages and set(c.pages) <= {1, 2, 3}
        assert c.section in {("1. Tavoitteet",), ("2. Aikataulu",)}
        assert c.chunk_id.startswith(f"hakuilmoitus-testi:{DOC.content_hash[:10]}:")
        # what Chroma stores comes back as the same chunk
        assert Chunk.from_metadata(c.chunk_id, c.text, c.metadata()) == c
    assert {p for c in chunks for p in c.pages} == {1, 2, 3}
    assert any(c.section == ("2. Aikataulu",) and c.pages == (3,) for c in chunks)


def test_language_is_detected_per_chunk(embedder):
    blocks = [
        Block("1. Tiivistelmä", 1, ("1. Tiivistelmä",), is_heading=True),
        Block(
            "Haulla rahoitetaan hankkeita, jotka tukevat lasten ja nuorten hyvinvointia. "
            "Hakemukset jätetään sähköisesti, ja haku päättyy kesäkuussa.",
            1,
            ("1. Tiivistelmä",),
        ),
        Block("2. Sammanfattning", 2, ("2. Sammanfattning",), is_heading=True),
        Block(
            "Utlysningen finansierar projekt som stöder barns och ungas välbefinnande. "
            "Ansökningarna lämnas in elektroniskt och ansökningstiden går ut i juni.",
            2,
            ("2. Sammanfattning",),
        ),
        Block("3. Summary", 3, ("3. Summary",), is_heading=True),
        Block(
            "The call funds projects that support the well-being of children and young "
            "people. Applications are submitted online and the call closes in June.",
            3,
            ("3. Summary",),
        ),
    ]
    chunks = chunk_document(DOC, blocks, embedder.token_count, 60, 10, language_of=detect_language)
    assert [(c.pages, c.language) for c in chunks] == [((1,), "fi"), ((2,), "sv"), ((3,), "en")]


def test_chunk_ids_change_with_content():
    count = len
    a = chunk_document(DOC, [Block("Ensimmäinen versio tekstistä.", 1)], count, 220, 40)
    b = chunk_document(DOC, [Block("Toinen versio tekstistä.", 1)], count, 220, 40)
    assert a[0].chunk_id != b[0].chunk_id
    again = chunk_document(DOC, [Block("Ensimmäinen versio tekstistä.", 1)], count, 220, 40)
    assert again[0].chunk_id == a[0].chunk_id


def test_no_text_no_chunks(embedder):
    assert chunk_document(DOC, [], embedder.token_count) == []
    heading_only = [Block("1. Otsikko", 1, ("1. Otsikko",), is_heading=True)]
    assert chunk_document(DOC, heading_only, embedder.token_count) == []


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Hakuilmoitus OKM kevät 2025", "hakuilmoitus-okm-kevat-2025"),
        ("Ärsyttävä_ÅÖ--tiedosto", "arsyttava-ao-tiedosto"),
        ("!!!", "document"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_corpus_chunks_are_sized_and_labelled(corpus, embedder):
    manifest = corpus.services.store.manifest()
    limit = corpus.settings.chunk_tokens
    assert set(manifest.documents) == {
        "esr-lnp-teemaesitys",
        "hakuilmoitus-koordinaatio-2025",
        "hakuilmoitus-lnp-syksy-2023",
        "hakuilmoitus-okm-kevat-2025",
        "hakuilmoitus-vanhemmuus-2024",
        "teemakuvaus-lnp",
    }  # corpus/README.md is not a document
    total = 0
    for doc_id, doc in manifest.documents.items():
        chunks = corpus.chunks(doc_id)
        total += len(chunks)
        assert [c.ordinal for c in chunks] == list(range(len(chunks)))
        for c in chunks:
            assert embedder.token_count(c.text) <= limit, (doc_id, c.ordinal)
            assert c.doc_id == doc_id and c.title == doc["title"]
            assert c.content_hash == doc["content_hash"]
            assert c.call_id == doc["call_id"]
            assert c.language in {"fi", "sv", "en"}
            assert c.pages and all(1 <= p <= doc["pages"] for p in c.pages)
        # every page with text is covered by some chunk
        assert {p for c in chunks for p in c.pages} == set(range(1, doc["pages"] + 1))
    assert total == manifest.chunk_count
    assert manifest.documents["hakuilmoitus-okm-kevat-2025"]["call_id"] == "okm-kevat-2025"
    assert manifest.documents["teemakuvaus-lnp"]["call_id"] == ""  # shared by all calls
    langs = {c.language for c in corpus.chunks("hakuilmoitus-lnp-syksy-2023")}
    assert langs == {"fi", "sv"}  # page 5 is a Swedish summary


def test_quotes_carry_their_list_label_and_table_row():
    from ingest.text import quotes

    text = "\n".join(
        [
            "Kustannukset, jotka eivät ole tukikelpoisia",
            "arvonlisävero silloin, kun hakija voi vähentää sen verotuksessaan",
            "korot ja pankkikulut",
            "Antti Hieta",
            "Rahoitusasiantuntija",
            "Hämeen ELY-keskus antti.hieta@ely-keskus.fi puh. 0295 025 116",
            "Hakemukset käsitellään kesäkuussa.",
        ]
    )
    got = quotes(text)
    # The first item stands right below its label; the second is a line further down.
    assert (
        "Kustannukset, jotka eivät ole tukikelpoisia · arvonlisävero silloin, kun hakija voi "
        "vähentää sen verotuksessaan" in got
    )
    assert "Kustannukset, jotka eivät ole tukikelpoisia … korot ja pankkikulut" in got
    assert (
        "Antti Hieta · Rahoitusasiantuntija · Hämeen ELY-keskus antti.hieta@ely-keskus.fi "
        "puh. 0295 025 116" in got
    )
    assert "Hakemukset käsitellään kesäkuussa." in got  # a sentence of its own needs no context


def test_a_short_table_cell_is_quoted_with_its_row():
    from ingest.text import is_quotable, quotes

    got = quotes(
        "Hakuaika 21.3.2025–21.4.2025\nRahoittajat\nOKM ja STM\nHaettavissa 2,1 miljoonaa €"
    )
    assert any(q.endswith("Rahoittajat · OKM ja STM") for q in got), got
    assert not is_quotable("OKM ja STM")  # alone it says nothing
    assert not is_quotable("12", context="Sivu")  # a figure is no quote, even in a row


def test_a_tables_row_of_column_names_is_no_quote():
    from ingest.text import is_quotable, quotes

    for header in (
        "Nimi ja tehtävä – Organisaatio – Yhteystiedot – Kysy esimerkiksi.",
        "Kustannuserä – Peruste – Euroa.",
        "Alakohta · Kohderyhmä · Määräraha",
    ):
        assert not is_quotable(header), header
    # The rows under it are quoted as before: they say something.
    row = "Antti Hieta – Hämeen ELY-keskus – antti.hieta@ely-keskus.fi – Maksatus."
    assert is_quotable(row)
    assert is_quotable("Henkilöstökulut – Palkat – 250 000.")
    assert is_quotable("Hakija – Organisaatio – Kunta tai yhdistys hakee rahoitusta itse.")
    got = quotes("Nimi ja tehtävä – Organisaatio – Yhteystiedot.\n" + row)
    assert got == [row], got


def test_a_heading_alone_and_the_sample_data_notice_are_no_quotes():
    from ingest.text import is_quotable, quotes

    assert not is_quotable("Tukikelpoiset kustannukset")  # names what follows, says nothing
    assert not is_quotable("Summary in English")
    # The label of a list is quoted with its items, not alone.
    got = quotes("Koordinaatiohankkeen tehtävät\nhankkeiden välisen yhteistyön tukeminen")
    assert got == ["Koordinaatiohankkeen tehtävät · hankkeiden välisen yhteistyön tukeminen"]
    # A short sentence is still a sentence; a short line with a figure says something.
    assert is_quotable("Haku on auki.")
    assert is_quotable("Haettavissa 2,1 miljoonaa €")
    notice = "ESIMERKKIAINEISTO – SAMPLE DATA: tämä asiakirja on esimerkki, ei hakuilmoitus."
    assert not is_quotable(notice)


def test_a_swedish_time_is_no_sentence_end_and_a_broken_web_address_no_quote():
    from ingest.text import is_quotable

    assert split_sentences("Ansökan lämnas in senast kl. 16.15 den sista dagen. Nästa.") == [
        "Ansökan lämnas in senast kl. 16.15 den sista dagen.",
        "Nästa.",
    ]
    assert not is_quotable("C3%A4minen+ja+hyvinvoinnin+edist%C3%A4minen+kohti.pdf?t=1661846675325")
    assert is_quotable("Hakemuksen voi laatia suomeksi tai ruotsiksi.")
