"""Tables read row by row: a contact table's cells must not run into the next person's row."""

from __future__ import annotations

from pathlib import Path

from ingest.readers.pdf import read_pdf
from ingest.readers.tables import find_tables, regroup_tables

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

HEADER = ["Nimi ja tehtävä", "Organisaatio", "Yhteystiedot", "Kysy esimerkiksi"]
ROWS = [
    [
        ["Antti Hieta", "Rahoitusasiantuntija"],
        ["Hämeen", "ELY-keskus"],
        ["antti.hieta@ely-keskus.fi", "puh. 0295 025 116"],
        ["EURA 2021,", "kustannukset,", "rahoitusehdot"],
    ],
    [
        ["Merja Niemi", "Neuvotteleva", "virkamies"],
        ["Opetus- ja", "kulttuuriministeriö", "(OKM)"],
        ["merja.niemi@gov.fi", "puh. 029 533 0229"],
        ["haun sisällöt ja", "alakohdat"],
    ],
]


def _table_pdf(path: Path) -> Path:
    """Cells drawn one after another, as word processors do: plain text reads cell by cell."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    xs = [56, 190, 300, 450]
    y = 780
    c.drawString(56, y, "8. Yhteystiedot")
    y -= 30
    for x, label in zip(xs, HEADER, strict=True):
        c.drawString(x, y, label)
    y -= 30
    for row in ROWS:
        for x, cell in zip(xs, row, strict=True):
            for n, line in enumerate(cell):
                c.drawString(x, y - 12 * n, line)
        y -= 12 * max(len(cell) for cell in row) + 20
    c.drawString(56, y - 20, "Myöhästyneitä hakemuksia ei käsitellä.")
    c.showPage()
    c.save()
    return path


def _text(blocks) -> list[str]:
    return [b.text for b in blocks]


def test_a_contact_table_is_read_one_person_per_line(tmp_path):
    doc = read_pdf(_table_pdf(tmp_path / "yhteystiedot.pdf"))
    texts = _text(doc.blocks)
    antti = next(t for t in texts if "Antti Hieta" in t)
    merja = next(t for t in texts if "Merja Niemi" in t)
    assert antti == (
        "Antti Hieta Rahoitusasiantuntija – Hämeen ELY-keskus – "
        "antti.hieta@ely-keskus.fi puh. 0295 025 116 – EURA 2021, kustannukset, rahoitusehdot."
    )
    assert "Merja" not in antti and "rahoitusehdot" not in merja
    assert "– Opetus- ja kulttuuriministeriö (OKM) –" in merja
    assert "Nimi ja tehtävä – Organisaatio – Yhteystiedot – Kysy esimerkiksi." in texts
    assert "Myöhästyneitä hakemuksia ei käsitellä." in texts  # text after the table stays text


def test_the_notices_contact_tables_keep_each_row_together():
    for name in ("hakuilmoitus-okm-kevat-2025.pdf", "hakuilmoitus-lnp-syksy-2023.pdf"):
        texts = _text(read_pdf(CORPUS / name).blocks)
        antti = next(t for t in texts if "antti.hieta@" in t)
        assert "Antti Hieta" in antti and "0295 025 116" in antti
        assert "Merja Niemi" not in antti and "Elina Palola" not in antti


def test_right_aligned_figures_stay_in_their_column():
    """The cost table of the 2023 notice: amounts sit right-aligned under "Euroa"."""
    texts = _text(read_pdf(CORPUS / "hakuilmoitus-lnp-syksy-2023.pdf").blocks)
    assert "Julkinen tuki – 80 % kustannuksista – 280 000." in texts
    assert "Kustannukset yhteensä – 350 000." in texts  # an empty cell adds no separator


def test_contact_cards_side_by_side_on_a_slide_are_read_card_by_card():
    texts = _text(read_pdf(CORPUS / "esr-lnp-teemaesitys.pdf").blocks)
    merja = next(t for t in texts if t.startswith("Merja Niemi"))
    assert "029 533 0229" in merja and "029 516 3595" not in merja
    assert "Elina" not in merja


def test_plain_text_that_reads_columns_already_is_left_alone():
    """A page set in two columns: plain text reads them one after the other, which is right."""
    layout = "\n".join(
        [
            "2. Haun alakohdat                                   •  lapset ja nuoret, joiden",
            "Hakemuksessa valitaan yksi                          vanhemmat käyttävät",
            "pääasiallinen alakohta:                             •  perheiden kanssa",
        ]
    )
    plain = [
        "2. Haun alakohdat",
        "Hakemuksessa valitaan yksi",
        "pääasiallinen alakohta:",
        "• lapset ja nuoret, joiden",
        "vanhemmat käyttävät",
        "• perheiden kanssa",
    ]
    assert find_tables(layout)  # it looks like two columns …
    assert regroup_tables(plain, layout) == (plain, set())  # … but plain text kept them apart


def test_a_header_of_figures_is_no_header():
    layout = "\n".join(
        [
            " Henkilöstökustannukset     palkat           250 000",
            "",
            " Muut kustannukset          flat rate        100 000",
            "",
            " Yhteensä                                    350 000",
        ]
    )
    assert find_tables(layout) == []
