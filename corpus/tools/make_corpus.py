#!/usr/bin/env python3
"""Generate the Hakuapu document corpus (PDFs) into corpus/.

Run from the repository root:

    .venv/bin/python corpus/tools/make_corpus.py

Output is deterministic (reportlab invariant=1): re-running gives identical bytes.

* esr-lnp-teemaesitys.pdf  -- the real seed slide deck (/work/shared/seed/000_ac2d9d993af0fa96.txt,
  a copy of its text is kept in corpus/tools/seed_deck.txt), rendered one slide per landscape page,
  keeping the deck's line breaks.  NOT sample data.
* hakuilmoitus-*.pdf       -- call notices written by the Hakuapu team: SAMPLE DATA.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
SEED_TXT = HERE / "seed_deck.txt"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

SAMPLE_TAG = "SAMPLE DATA / esimerkkiaineisto"
SAMPLE_BANNER = (
    "ESIMERKKIAINEISTO – SAMPLE DATA: tämä asiakirja on Hakuapu-projektin itse kirjoittama "
    "esimerkki, ei virallinen hakuilmoitus."
)
CREATOR = "Hakuapu corpus/tools/make_corpus.py (reportlab)"

# --------------------------------------------------------------------------- fonts

F = "DejaVuSans"
FB = "DejaVuSans-Bold"
FI = "DejaVuSans-Oblique"
FBI = "DejaVuSans-BoldOblique"


def register_fonts() -> None:
    for name in (F, FB, FI, FBI):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(F, normal=F, bold=FB, italic=FI, boldItalic=FBI)


# --------------------------------------------------------------------------- seed deck

DECK_TITLE = (
    "Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen "
    "kohti yhdenvertaisuutta – esitys"
)
DECK_AUTHOR = "Hämeen ELY-keskus, STM, OKM"

# Slide 5 ("Kiitos!") is two side-by-side text boxes in the original deck; the text file has
# the two columns joined on one line.  Left-hand parts of those joined lines:
CONTACT_LEFT = [
    "Elina Palola",
    "Sosiaalineuvos",
    "Sosiaali- ja terveysministeriö",
    "P. 029 516 3595",
    "Elina.palola(at)gov.fi",
]


def split_slides(text: str) -> list[list[str]]:
    """Slides start at lines beginning with one space (' Teemat:', ' Toteutus:', ' Kiitos!')."""
    slides: list[list[str]] = []
    for line in text.split("\n"):
        if line.startswith(" ") and line.strip():
            slides.append([line])
        elif slides:
            slides[-1].append(line)
    for s in slides:  # drop trailing empty / whitespace-only lines
        while s and not s[-1].strip():
            s.pop()
    return slides


def make_deck(out: Path) -> int:
    text = SEED_TXT.read_text(encoding="utf-8")
    slides = split_slides(text)
    assert len(slides) == 5, len(slides)
    W, H = landscape(A4)
    c = canvas.Canvas(str(out), pagesize=(W, H), invariant=1)
    c.setTitle(DECK_TITLE)
    c.setAuthor(DECK_AUTHOR)
    c.setSubject(
        "ESR+ teema: lasten, nuorten ja perheiden palvelut; haut 2023–2025 ja yhteystiedot"
    )
    c.setKeywords("ESR+, ESF+, Hämeen ELY-keskus, STM, OKM, lapset, nuoret, perheet")
    c.setCreator(CREATOR)
    margin_x = 48
    maxw = W - 2 * margin_x
    for idx, lines in enumerate(slides):
        # decoration: top band and thin bottom rule
        c.setFillColor(colors.HexColor("#0b4f8a"))
        c.rect(0, H - 14, W, 14, stroke=0, fill=1)
        c.setStrokeColor(colors.HexColor("#0b4f8a"))
        c.setLineWidth(1)
        c.line(margin_x, 30, W - margin_x, 30)
        c.setFillColor(colors.black)

        title, body = lines[0], lines[1:]
        y = H - 70
        c.setFont(FB, 28)
        c.drawString(margin_x - 6, y, title)  # keeps the leading space of the title line
        y -= 22
        # choose body size so the slide fits
        size = 15.0
        while True:
            lead = size * 1.3
            need = sum(lead if ln.strip() else lead * 0.55 for ln in body)
            if y - need > 40 or size <= 8:
                break
            size -= 0.5
        lead = size * 1.3
        two_col = idx == 4
        for ln in body:
            if not ln.strip():
                y -= lead * 0.55
                continue
            y -= lead
            if two_col and any(ln.startswith(lft + " ") for lft in CONTACT_LEFT):
                lft = next(lft for lft in CONTACT_LEFT if ln.startswith(lft + " "))
                rgt = ln[len(lft) + 1 :]
                c.setFont(F, size)
                c.drawString(margin_x, y, lft)
                c.drawString(margin_x + maxw / 2, y, rgt)
                continue
            fs = size
            w = stringWidth(ln, F, fs)
            if w > maxw:  # autoshrink long lines (the long URLs) instead of wrapping them
                fs = fs * maxw / w
                w = stringWidth(ln, F, fs)
            c.setFont(F, fs)
            if ln.startswith("https://"):
                c.setFillColor(colors.HexColor("#1a0dab"))
                c.drawString(margin_x, y, ln)
                c.linkURL(ln, (margin_x, y - 2, margin_x + w, y + fs), relative=0)
                c.setFillColor(colors.black)
            else:
                c.drawString(margin_x, y, ln)
        c.showPage()
    c.save()
    return len(slides)


# --------------------------------------------------------------------------- call notices

PAGE_W, PAGE_H = A4
LM = RM = 22 * mm
TM = 24 * mm
BM = 22 * mm
BODY_W = PAGE_W - LM - RM
GUTTER = 8 * mm
COL_W = (BODY_W - GUTTER) / 2

ST_BODY = ParagraphStyle(
    "body", fontName=F, fontSize=10.5, leading=14.5, spaceAfter=6, alignment=TA_LEFT
)
ST_SMALL = ParagraphStyle("small", parent=ST_BODY, fontSize=9, leading=12, spaceAfter=3)
ST_CELL = ParagraphStyle("cell", parent=ST_BODY, fontSize=9.5, leading=12.5, spaceAfter=0)
ST_CELLB = ParagraphStyle("cellb", parent=ST_CELL, fontName=FB)
ST_BULLET = ParagraphStyle(
    "bullet", parent=ST_BODY, leftIndent=14, bulletIndent=3, spaceAfter=3, bulletFontName=F
)
ST_TITLE = ParagraphStyle(
    "title",
    fontName=FB,
    fontSize=17,
    leading=22,
    spaceAfter=8,
    textColor=colors.HexColor("#0b4f8a"),
)
ST_SUB = ParagraphStyle(
    "sub", fontName=F, fontSize=10.5, leading=14, spaceAfter=8, textColor=colors.HexColor("#333333")
)
ST_H = ParagraphStyle(
    "h",
    fontName=FB,
    fontSize=13.5,
    leading=17,
    spaceBefore=10,
    spaceAfter=5,
    textColor=colors.HexColor("#0b4f8a"),
)
ST_H2 = ParagraphStyle("h2", fontName=FB, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3)
ST_BANNER = ParagraphStyle(
    "banner", fontName=FB, fontSize=10, leading=13.5, textColor=colors.HexColor("#8a1010")
)


def P(text: str, style: ParagraphStyle = ST_BODY) -> Paragraph:
    return Paragraph(text, style)


def H(text: str) -> Paragraph:
    return Paragraph(text, ST_H)


def H2(text: str) -> Paragraph:
    return Paragraph(text, ST_H2)


def bullets(items: list[str], bullet: str = "•") -> list[Paragraph]:
    return [Paragraph(t, ST_BULLET, bulletText=bullet) for t in items]


def numbered(items: list[str]) -> list[Paragraph]:
    return [Paragraph(t, ST_BULLET, bulletText=f"{i}.") for i, t in enumerate(items, 1)]


def hyphenated(lines: list[str], width: float, style: ParagraphStyle = ST_BODY) -> Paragraph:
    """A paragraph with fixed line breaks; words broken across lines end with '-'.

    Asserts every line fits so reportlab does not re-wrap it (the breaks are the point)."""
    for ln in lines:
        w = stringWidth(ln.replace("&amp;", "&"), style.fontName, style.fontSize)
        assert w <= width - 1, f"line too wide ({w:.0f} > {width:.0f}): {ln!r}"
    return Paragraph("<br/>".join(lines), style)


def banner() -> Table:
    t = Table([[Paragraph(SAMPLE_BANNER, ST_BANNER)]], colWidths=[BODY_W])
    t.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#8a1010")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fff4d6")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return t


def table(
    rows: list[list[str]],
    widths: list[float],
    header: bool = True,
    right_cols: tuple[int, ...] = (),
) -> Table:
    data = []
    for r, row in enumerate(rows):
        cells = []
        for ci, cell in enumerate(row):
            st = ST_CELLB if (header and r == 0) else ST_CELL
            if ci in right_cols and not (header and r == 0):
                st = ParagraphStyle(f"r{ci}", parent=st, alignment=2)
            cells.append(Paragraph(cell, st))
        data.append(cells)
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#7a8aa0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f2")))
    t.setStyle(TableStyle(style))
    return t


def facts_box(rows: list[tuple[str, str]]) -> Table:
    t = table([[f"<b>{k}</b>", v] for k, v in rows], [45 * mm, BODY_W - 45 * mm], header=False)
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7"))]))
    return t


def contacts_table(people: list[tuple[str, str, str, str, str, str]]) -> Table:
    rows = [["Nimi ja tehtävä", "Organisaatio", "Yhteystiedot", "Kysy esimerkiksi"]]
    for name, title, org, email, phone, topic in people:
        rows.append([f"<b>{name}</b><br/>{title}", org, f"{email}<br/>puh. {phone}", topic])
    return table(rows, [43 * mm, 38 * mm, 49 * mm, BODY_W - 130 * mm])


HIETA = (
    "Antti Hieta",
    "Rahoitusasiantuntija",
    "Hämeen ELY-keskus",
    "antti.hieta@ely-keskus.fi",
    "0295 025 116",
)
PALOLA = (
    "Elina Palola",
    "Sosiaalineuvos",
    "Sosiaali- ja terveysministeriö (STM)",
    "elina.palola@gov.fi",
    "029 516 3595",
)
NIEMI = (
    "Merja Niemi",
    "Neuvotteleva virkamies",
    "Opetus- ja kulttuuriministeriö (OKM)",
    "merja.niemi@gov.fi",
    "029 533 0229",
)


def make_numbered_canvas(header_left: str, footer_left: str):
    """Canvas class that draws a running header and footer 'Sivu X / N' on every page."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._chrome(total)
                super().showPage()
            super().save()

        def _chrome(self, total: int) -> None:
            self.saveState()
            self.setStrokeColor(colors.HexColor("#0b4f8a"))
            self.setLineWidth(0.7)
            y_h = PAGE_H - 14 * mm
            self.setFont(F, 8.5)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawString(LM, y_h, header_left)
            self.setFont(FB, 8.5)
            self.setFillColor(colors.HexColor("#8a1010"))
            self.drawRightString(PAGE_W - RM, y_h, "ESIMERKKIAINEISTO / SAMPLE DATA")
            self.line(LM, y_h - 4, PAGE_W - RM, y_h - 4)
            y_f = 12 * mm
            self.line(LM, y_f + 10, PAGE_W - RM, y_f + 10)
            self.setFillColor(colors.HexColor("#333333"))
            self.setFont(F, 8.5)
            self.drawString(LM, y_f, footer_left)
            self.drawRightString(PAGE_W - RM, y_f, f"Sivu {self._pageNumber} / {total}")
            self.restoreState()

    return NumberedCanvas


def build_notice(
    out: Path, title: str, header_left: str, footer_left: str, story: list, keywords: str
) -> int:
    doc = BaseDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=LM,
        rightMargin=RM,
        topMargin=TM,
        bottomMargin=BM,
        title=title,
        author="Hakuapu-projekti (esimerkkiaineisto)",
        subject=f"{SAMPLE_TAG} – {title}",
        keywords=f"{SAMPLE_TAG}, {keywords}",
        creator=CREATOR,
        invariant=1,
    )
    one = Frame(
        LM,
        BM,
        BODY_W,
        PAGE_H - TM - BM,
        id="one",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    left = Frame(
        LM,
        BM,
        COL_W,
        PAGE_H - TM - BM,
        id="left",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    right = Frame(
        LM + COL_W + GUTTER,
        BM,
        COL_W,
        PAGE_H - TM - BM,
        id="right",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [PageTemplate(id="one", frames=[one]), PageTemplate(id="two", frames=[left, right])]
    )
    doc.build(story, canvasmaker=make_numbered_canvas(header_left, footer_left))
    return doc.page


def two_columns_start() -> list:
    return [NextPageTemplate("two"), PageBreak()]


def two_columns_end() -> list:
    return [NextPageTemplate("one"), PageBreak()]


# narrow column paragraph style for two-column pages
ST_COL = ParagraphStyle("col", parent=ST_BODY, fontSize=10, leading=13.5)
ST_COLB = ParagraphStyle("colb", parent=ST_BULLET, fontSize=10, leading=13.5)


def colbullets(items: list[str], bullet: str = "•") -> list[Paragraph]:
    return [Paragraph(t, ST_COLB, bulletText=bullet) for t in items]


# =========================================================================== content (SAMPLE DATA)
# Everything below is written by the Hakuapu team.  Facts taken from the seed deck: call periods,
# funders, amounts, target-group ages, names and contact details.  Everything else (cost models,
# minimum sizes, schedules after closing, call codes, selection criteria) is sample detail and is
# kept identical wherever it is repeated.

PROGRAMME = "Uudistuva ja osaava Suomi 2021–2027 -ohjelma, Euroopan sosiaalirahasto plus (ESR+)"
THEME_FI = (
    "Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen "
    "kohti yhdenvertaisuutta"
)


def common_ineligible() -> list:
    return bullets(
        [
            "arvonlisävero silloin, kun hakija voi vähentää sen verotuksessaan",
            "maa-alueiden ja kiinteistöjen hankinta sekä rakentaminen",
            "korot, pankkikulut ja muut rahoituskulut",
            "lahjat, edustuskulut ja alkoholijuomat",
            "kustannukset, joihin on jo saatu muuta julkista rahoitusta",
        ]
    )


def eura_steps(code: str, deadline: str, extra: str) -> list:
    return numbered(
        [
            "Kirjaudu EURA 2021 -järjestelmään osoitteessa eura2021.fi Suomi.fi-tunnistuksella.",
            "Varmista, että sinulla on Suomi.fi-valtuus asioida organisaatiosi puolesta "
            "EURA 2021 -järjestelmässä. Valtuuden myöntää organisaation nimenkirjoitusoikeudellinen henkilö.",
            f"Valitse hakemuksen alussa haku tunnuksella <b>{code}</b> ja täytä hakemuslomakkeen kaikki välilehdet.",
            extra,
            f"Lähetä hakemus viimeistään {deadline}. Järjestelmä antaa lähetetylle hakemukselle hakemustunnuksen.",
        ]
    )


# ----------------------------------------------------------------- A: autumn 2023 (OKM + STM)


def story_syksy_2023() -> list:
    s: list = []
    s.append(P("Hakuilmoitus: " + THEME_FI + " – syksyn 2023 valtakunnallinen haku", ST_TITLE))
    s.append(
        P(
            PROGRAMME + ". Hämeen ELY-keskus yhteistyössä opetus- ja kulttuuriministeriön (OKM) "
            "ja sosiaali- ja terveysministeriön (STM) kanssa.",
            ST_SUB,
        )
    )
    s.append(banner())
    s.append(Spacer(1, 8))
    s.append(
        facts_box(
            [
                ("Hakuaika", "5.10.2023–4.12.2023 (hakemukset klo 16.15 mennessä)"),
                ("Rahoittajat", "OKM ja STM"),
                ("Haettavissa", "yhteensä 9,3 miljoonaa €"),
                ("Rahoittava viranomainen", "Hämeen ELY-keskus"),
                ("Haun tunnus", "ESR-LNP-2023-1"),
            ]
        )
    )
    s.append(H("1. Haun tarkoitus"))
    s.append(
        P(
            "Haulla parannetaan lasten, nuorten ja perheiden yhdenvertaisuutta, sukupuolten tasa-arvoa, "
            "yhdenvertaisia mahdollisuuksia merkitykselliseen elämään sekä aktiivista osallisuutta "
            "yhteiskunnassa. Hankkeissa kehitetään uudenlaista arjen voimavarojen, hyvinvoinnin ja "
            "toimintavalmiuksien tukea yhdessä lasten, nuorten ja perheiden kanssa."
        )
    )
    s.append(
        P(
            "Läpileikkaavana toimintatapana on yhteistyön syventäminen eri toimijoiden ja hallinnonalojen "
            "kesken, mukaan lukien verkostoituminen, monitoimijaisuus ja monialaisuus. Haku kattaa kaikki "
            "kolme teeman alateemaa:"
        )
    )
    s += bullets(
        [
            "haavoittuvassa asemassa olevien lasten, nuorten ja perheiden tunnistaminen ja arjessa tukeminen",
            "lasten, nuorten ja perheiden kanssa työskentelevien ammattilaisten osaamisen vahvistaminen",
            "lasten, nuorten ja vanhempien tukeminen osallistumaan kulttuuri- ja liikuntapalveluihin "
            "sekä ohjattuun vapaa-ajan toimintaan",
        ]
    )
    s.append(
        P(
            "Rahoitettavat hankkeet toteutetaan valtakunnallisina hankekokonaisuuksina. Hankekokonaisuus "
            "koostuu 2–5 hankkeesta, joilla on yhteinen tavoite ja yhteinen toteutussuunnitelma. "
            "Jokainen hankekokonaisuuteen kuuluva toteuttaja jättää oman hakemuksensa."
        )
    )
    s.append(PageBreak())
    s.append(H("2. Kuka voi hakea"))
    s.append(
        P("Rahoitusta voivat hakea julkis- ja yksityisoikeudelliset oikeushenkilöt, esimerkiksi:")
    )
    s += bullets(
        [
            "kunnat ja hyvinvointialueet",
            "koulutuksen järjestäjät, oppilaitokset ja korkeakoulut",
            "rekisteröidyt yhdistykset ja säätiöt",
            "kulttuuri-, liikunta- ja nuorisoalan toimijat",
        ]
    )
    s.append(
        P(
            "Yhdistys voi toimia hakijana, kun sillä on riittävät taloudelliset ja hallinnolliset "
            "edellytykset hankkeen toteuttamiseen. Yksityishenkilöt ja rekisteröimättömät ryhmät eivät "
            "voi hakea rahoitusta."
        )
    )
    s.append(H2("Kohderyhmät"))
    s += bullets(
        [
            "haavoittuvassa asemassa olevat lapset, nuoret ja perheet",
            "työmarkkinoiden ulkopuolella olevat ja vähävaraiset perheet",
            "lasten, nuorten ja perheiden kanssa työskentelevät ammattilaiset",
        ]
    )
    s.append(H("3. Tukikelpoiset kustannukset"))
    s.append(
        P(
            "Hankkeen kustannukset esitetään kustannusmallilla <b>henkilöstökustannukset + 40 % "
            "(flat rate 40 %)</b>. Hankkeelle hyväksytään tosiasialliset henkilöstökustannukset ja "
            "niiden päälle kiinteämääräinen 40 prosentin osuus, joka kattaa kaikki muut kustannukset, "
            "kuten matkat, palvelujen ostot, vuokrat ja materiaalit."
        )
    )
    s.append(
        P(
            "Julkisen tuen osuus on enintään 80 % hankkeen tukikelpoisista kustannuksista, ja hakijan "
            "omarahoitusosuus on vähintään 20 %. Hankkeen tukikelpoisten kokonaiskustannusten tulee "
            "olla vähintään 200 000 euroa."
        )
    )
    s.append(P("Esimerkkilaskelma yhden hankkeen rahoituksesta:"))
    s.append(
        table(
            [
                ["Kustannuserä", "Peruste", "Euroa"],
                ["Henkilöstökustannukset", "tosiasialliset palkat ja sivukulut", "250 000"],
                ["Muut kustannukset", "flat rate 40 % henkilöstökustannuksista", "100 000"],
                ["<b>Kustannukset yhteensä</b>", "", "<b>350 000</b>"],
                ["Julkinen tuki", "80 % kustannuksista", "280 000"],
                ["Omarahoitus", "20 % kustannuksista", "70 000"],
            ],
            [55 * mm, 75 * mm, BODY_W - 130 * mm],
            right_cols=(2,),
        )
    )
    s.append(Spacer(1, 6))
    s.append(H2("Kustannukset, jotka eivät ole tukikelpoisia"))
    s += common_ineligible()
    s.append(PageBreak())
    s.append(H("4. Valintaperusteet"))
    s.append(
        P(
            "Hakemukset arvioidaan ohjelman yleisten valintaperusteiden ja haun erityisten "
            "valintaperusteiden perusteella. Hämeen ELY-keskus arvioi hakemukset yhdessä OKM:n ja STM:n "
            "kanssa. Kukin valintaperuste pisteytetään asteikolla 1–5."
        )
    )
    s.append(H2("Yleiset valintaperusteet"))
    s += bullets(
        [
            "hankkeen tarkoituksenmukaisuus ja vaikuttavuus",
            "toteuttamiskelpoisuus ja hakijan edellytykset",
            "kustannustehokkuus",
            "yhdenvertaisuus, sukupuolten tasa-arvo ja syrjimättömyys",
            "kestävä kehitys",
        ]
    )
    s.append(H2("Haun erityiset valintaperusteet"))
    s += bullets(
        [
            "hankekokonaisuus on valtakunnallinen ja monialainen",
            "lapset, nuoret ja perheet osallistuvat kehittämiseen",
            "hankkeen tulokset juurrutetaan pysyviksi toimintamalleiksi",
            "hanke sitoutuu yhteistyöhön teeman koordinaatiohankkeen kanssa",
        ]
    )
    s.append(H("5. Aikataulu"))
    s.append(
        table(
            [
                ["Vaihe", "Ajankohta"],
                ["Haku avautuu", "5.10.2023"],
                ["Hakuinfo (Teams)", "17.10.2023 klo 13–15"],
                ["Haku päättyy", "4.12.2023 klo 16.15"],
                ["Rahoituspäätökset", "arviolta helmikuussa 2024"],
                ["Hankkeet voivat alkaa", "aikaisintaan 1.4.2024"],
                ["Hankkeiden on päätyttävä", "viimeistään 31.3.2027"],
            ],
            [80 * mm, BODY_W - 80 * mm],
        )
    )
    s.append(Spacer(1, 4))
    s.append(P("Hankkeen kesto on enintään 36 kuukautta."))
    s.append(PageBreak())
    s.append(H("6. Hakeminen EURA 2021 -järjestelmässä"))
    s += eura_steps(
        "ESR-LNP-2023-1",
        "4.12.2023 klo 16.15",
        "Liitä hakemukseen hankekokonaisuuden yhteinen toteutussuunnitelma ja "
        "kumppaneiden sitoumukset.",
    )
    s.append(
        P("Myöhästyneitä hakemuksia ei käsitellä. Hakemuksen voi laatia suomeksi tai ruotsiksi.")
    )
    s.append(H("7. Yhteystiedot"))
    s.append(
        contacts_table(
            [
                HIETA + ("hakemusten laatiminen, EURA 2021, kustannukset",),
                PALOLA + ("STM:n hallinnonalan sisällöt",),
                NIEMI + ("OKM:n hallinnonalan sisällöt",),
            ]
        )
    )
    s.append(PageBreak())
    s.append(H("Sammanfattning på svenska"))
    s.append(
        P(
            "<b>Utveckling av tjänster för barn, unga och familjer och främjande av välbefinnande mot "
            "likabehandling – utlysningen hösten 2023</b>"
        )
    )
    s.append(
        P(
            "Utlysningen finansieras av undervisnings- och kulturministeriet (UKM) och social- och "
            "hälsovårdsministeriet (SHM). NTM-centralen i Tavastland är den finansierande myndigheten. "
            "I utlysningen finns totalt 9,3 miljoner euro."
        )
    )
    s.append(
        P(
            "Ansökningstiden är 5.10.2023–4.12.2023. Ansökan ska lämnas in senast kl. 16.15 den sista "
            "dagen i systemet EURA 2021."
        )
    )
    s.append(
        P(
            "Projekten genomförs som riksomfattande projekthelheter med 2–5 projekt. Kommuner, "
            "välfärdsområden, utbildningsanordnare, registrerade föreningar och stiftelser kan söka "
            "finansiering. Privatpersoner kan inte söka."
        )
    )
    s.append(
        P(
            "Det offentliga stödet är högst 80 procent av de stödberättigande kostnaderna. Projektets "
            "kostnader ska vara minst 200 000 euro och projektet får pågå i högst 36 månader."
        )
    )
    s.append(
        P(
            "Kontaktperson: Antti Hieta, finansieringsexpert, NTM-centralen i Tavastland, "
            "antti.hieta@ely-keskus.fi, tfn 0295 025 116."
        )
    )
    return s


# ----------------------------------------------------------------- B: winter 2024/25 parenting (STM)


def story_vanhemmuus_2024() -> list:
    s: list = []
    s.append(
        P(
            "Hakuilmoitus: Vanhemmuuden tuen ja vanhemmuustaitojen kehittäminen – "
            "talven 2024–2025 valtakunnallinen haku",
            ST_TITLE,
        )
    )
    s.append(
        P(
            PROGRAMME + ". Teema: " + THEME_FI + ". Hämeen ELY-keskus yhteistyössä sosiaali- ja "
            "terveysministeriön (STM) kanssa.",
            ST_SUB,
        )
    )
    s.append(banner())
    s.append(Spacer(1, 8))
    s.append(
        facts_box(
            [
                ("Hakuaika", "20.12.2024–28.2.2025 (hakemukset klo 16.15 mennessä)"),
                ("Rahoittaja", "STM"),
                ("Haettavissa", "7 miljoonaa €"),
                ("Rahoittava viranomainen", "Hämeen ELY-keskus"),
                ("Haun tunnus", "ESR-VANH-2024-1"),
            ]
        )
    )
    s.append(H("1. Haun tarkoitus"))
    s.append(
        P(
            "Haun tarkoituksena on vanhemmuuden tuen ja vanhemmuustaitojen systemaattinen "
            "kehittäminen osana hyvinvointialueiden toimintaa ja monialaisia tuen ja palvelujen "
            "kokonaisuuksia."
        )
    )
    # deliberately hyphenated across line breaks
    s.append(
        hyphenated(
            [
                "Vanhemmuuden tuki on tärkeä osa lasten ja nuorten hyvinvoin-",
                "tia. Hankkeissa kehitetään tukea, joka tavoittaa vanhemmat var-",
                "hain ja sovitetaan yhteen hyvinvointialueiden, kuntien, järjes-",
                "töjen ja seurakuntien palveluiden kanssa. Kehittämistyössä kuul-",
                "laan vanhempia, lapsia ja nuoria sekä hyödynnetään aiemmissa",
                "hankkeissa syntyneitä toimintamalleja.",
            ],
            BODY_W,
        )
    )
    s.append(
        P(
            "Kaikissa alakohdissa kehitetään perustason palveluja, tukea ja joustavia toimintamalleja. "
            "Haun kuusi alakohtaa on kuvattu luvussa 2."
        )
    )
    # ---- page 2: two columns, narrow lines with hyphenation
    s += two_columns_start()
    s.append(H("2. Haun kuusi alakohtaa"))
    s.append(P("Hakemuksessa valitaan yksi pääasiallinen alakohta:", ST_COL))
    s += colbullets(
        [
            "vanhempien ja perheiden asiakaslähtöisen ja monialaisen tuen yhteiskehittäminen ja "
            "yhteensovittaminen",
            "lasten ja nuorten huomiointi osana aikuisten palveluja",
            "vanhemmuuden tuki elämän muutos- tai kriisitilanteissa",
            "alueellista segregaatiokehitystä ennaltaehkäisevä kehittäminen",
            "yhteisöllisen ja vertaistuen kehittäminen",
            "perheiden monimuotoisuuden, sukupuolen moninaisuuden ja sukupuolten tasa-arvon "
            "kysymysten huomiointi vanhemmuudessa",
        ],
        bullet="–",
    )
    s.append(
        hyphenated(
            [
                "Alakohdat voivat painottua eri ta-",
                "voin eri alueilla. Hankekokonaisuus",
                "voi kattaa useamman alakohdan, kun",
                "sen osahankkeet täydentävät toisi-",
                "aan ja niillä on yhteinen arviointi-",
                "suunnitelma.",
            ],
            COL_W,
            ST_COL,
        )
    )
    s.append(H("3. Kuka voi hakea"))
    s.append(
        P(
            "Rahoitusta voivat hakea hyvinvointialueet, kunnat, rekisteröidyt yhdistykset ja "
            "säätiöt, seurakunnat sekä oppilaitokset ja korkeakoulut.",
            ST_COL,
        )
    )
    s.append(
        P(
            "<b>Hankekokonaisuudessa tulee olla mukana vähintään yksi hyvinvointialue hakijana tai "
            "osatoteuttajana.</b>",
            ST_COL,
        )
    )
    s.append(
        hyphenated(
            [
                "Hankekokonaisuus koostuu vähintään",
                "kahdesta hankkeesta. Jokainen toteut-",
                "taja jättää oman hakemuksensa, ja",
                "hakemuksissa nimetään yhteinen vas-",
                "tuutaho, joka vastaa kokonaisuuden",
                "ohjausryhmästä ja raportoinnista.",
            ],
            COL_W,
            ST_COL,
        )
    )
    s.append(
        P(
            "Yksityishenkilöt eivät voi hakea rahoitusta. Yritykset voivat osallistua hankkeisiin "
            "palveluntuottajina julkisten hankintojen kautta.",
            ST_COL,
        )
    )
    s.append(H2("Kohderyhmät"))
    s += colbullets(
        [
            "vanhemmat ja perheet, erityisesti haavoittuvassa asemassa olevat",
            "lapset ja nuoret, joiden vanhemmat käyttävät aikuisten palveluja",
            "perheiden kanssa työskentelevät ammattilaiset",
        ]
    )
    s += two_columns_end()
    # ---- page 3
    s.append(H("4. Tukikelpoiset kustannukset"))
    s.append(
        P(
            "Hankkeen kustannukset esitetään kustannusmallilla <b>henkilöstökustannukset + 40 % "
            "(flat rate 40 %)</b>: tosiasiallisten henkilöstökustannusten päälle hyväksytään "
            "kiinteämääräinen 40 prosentin osuus, joka kattaa muut kustannukset."
        )
    )
    s.append(
        P(
            "Julkisen tuen osuus on enintään 80 % hankkeen tukikelpoisista kustannuksista, ja hakijan "
            "omarahoitusosuus on vähintään 20 %. Hankkeen tukikelpoisten kokonaiskustannusten tulee olla "
            "vähintään 150 000 euroa."
        )
    )
    s.append(
        hyphenated(
            [
                "Hyvinvointialueen omarahoitusosuus voi muodostua myös hankkeeseen osoitettujen",
                "työntekijöiden työajasta. Työaika kirjataan hankkeelle työaikaseurannan perus-",
                "teella, ja se raportoidaan maksatushakemuksen yhteydessä.",
            ],
            BODY_W,
        )
    )
    s.append(H2("Kustannukset, jotka eivät ole tukikelpoisia"))
    s += common_ineligible()
    s.append(H("5. Valintaperusteet"))
    s.append(
        P(
            "Hämeen ELY-keskus arvioi hakemukset yhteistyössä STM:n kanssa. Kukin valintaperuste "
            "pisteytetään asteikolla 1–5. Yleisten valintaperusteiden lisäksi painotetaan seuraavia "
            "haun erityisiä valintaperusteita:"
        )
    )
    s += bullets(
        [
            "tuki kytketään pysyvästi hyvinvointialueen perhekeskustoimintaan",
            "vanhemmat ja lapset osallistuvat tuen kehittämiseen",
            "hanke tavoittaa myös vaikeassa asemassa olevia perheitä",
            "kehitetyt toimintamallit ovat levitettävissä muille alueille",
        ]
    )
    s.append(PageBreak())
    # ---- page 4
    s.append(H("6. Aikataulu"))
    s += bullets(
        [
            "Haku avautuu 20.12.2024.",
            "Hakuinfo verkossa (Teams) 15.1.2025 klo 9–11.",
            "Haku päättyy 28.2.2025 klo 16.15.",
            "Rahoituspäätökset arviolta kesäkuussa 2025.",
            "Hankkeet voivat alkaa aikaisintaan 1.9.2025, ja niiden on päätyttävä viimeistään 31.8.2027.",
            "Hankkeen kesto on enintään 24 kuukautta.",
        ]
    )
    s.append(H("7. Hakeminen EURA 2021 -järjestelmässä"))
    s += eura_steps(
        "ESR-VANH-2024-1",
        "28.2.2025 klo 16.15",
        "Liitä hakemukseen hyvinvointialueen sitoumus sekä hankekokonaisuuden yhteinen "
        "toteutus- ja arviointisuunnitelma.",
    )
    s.append(P("Myöhästyneitä hakemuksia ei käsitellä."))
    s.append(H("8. Yhteystiedot"))
    s.append(
        contacts_table(
            [
                HIETA + ("EURA 2021, kustannukset, rahoitusehdot",),
                PALOLA + ("haun sisällöt ja alakohdat",),
            ]
        )
    )
    s.append(PageBreak())
    # ---- page 5
    s.append(H("Sammanfattning på svenska"))
    s.append(
        P(
            "<b>Utveckling av föräldraskapsstöd och föräldrafärdigheter – utlysningen vintern "
            "2024–2025</b>"
        )
    )
    s.append(
        P(
            "Syftet med utlysningen är att systematiskt utveckla stödet för föräldraskap och "
            "föräldrafärdigheter som en del av välfärdsområdenas verksamhet. Utlysningen finansieras "
            "av social- och hälsovårdsministeriet (SHM) och omfattar 7 miljoner euro."
        )
    )
    s.append(
        P(
            "Ansökningstiden är 20.12.2024–28.2.2025. Ansökan lämnas in i systemet EURA 2021 senast "
            "kl. 16.15 den sista dagen."
        )
    )
    s.append(
        P(
            "Välfärdsområden, kommuner, föreningar, stiftelser, församlingar och läroanstalter kan söka. "
            "Varje projekthelhet ska omfatta minst ett välfärdsområde."
        )
    )
    s.append(
        P(
            "Projekten får pågå i högst 24 månader. Projektets kostnader ska vara minst 150 000 euro."
        )
    )
    s.append(
        P(
            "Kontaktpersoner: Elina Palola, social- och hälsovårdsministeriet, elina.palola@gov.fi, "
            "tfn 029 516 3595, och Antti Hieta, NTM-centralen i Tavastland, antti.hieta@ely-keskus.fi, "
            "tfn 0295 025 116."
        )
    )
    return s


# ----------------------------------------------------------------- C: spring 2025 (OKM)


def story_okm_2025() -> list:
    s: list = []
    s.append(
        P(
            "Hakuilmoitus: Nuorten harrastustoiminta sekä taide- ja kulttuuritoiminta lapsille ja "
            "nuorille – opetus- ja kulttuuriministeriön kevään 2025 haku",
            ST_TITLE,
        )
    )
    s.append(
        P(
            PROGRAMME + ". Teema: " + THEME_FI + ". Hämeen ELY-keskus yhteistyössä opetus- ja "
            "kulttuuriministeriön (OKM) kanssa.",
            ST_SUB,
        )
    )
    s.append(banner())
    s.append(Spacer(1, 8))
    s.append(
        facts_box(
            [
                ("Hakuaika", "21.3.2025–6.6.2025 (hakemukset klo 16.15 mennessä)"),
                ("Rahoittaja", "OKM"),
                ("Haettavissa", "5,75 miljoonaa €"),
                ("Rahoittava viranomainen", "Hämeen ELY-keskus"),
                ("Haun tunnus", "ESR-OKM-2025-1"),
            ]
        )
    )
    s.append(H("1. Haun tarkoitus"))
    s.append(
        hyphenated(
            [
                "Haulla rahoitetaan valtakunnallisia hankkeita, jotka lisäävät lasten ja nuor-",
                "ten yhdenvertaisia mahdollisuuksia osallistua taiteeseen, kulttuuriin ja lii-",
                "kuntaan. Tavoitteena on, että jokaisella lapsella ja nuorella on mahdollisuus",
                "mieluisaan harrastukseen perheen taloudellisesta tilanteesta tai asuinpai-",
                "kasta riippumatta.",
            ],
            BODY_W,
        )
    )
    s.append(H("2. Haun alakohdat ja määrärahat"))
    s.append(
        table(
            [
                ["Alakohta", "Kohderyhmä", "Määräraha"],
                [
                    "1. Valtakunnalliset hankkeet, joissa kehitetään ja pilotoidaan taide-, kulttuuri-, liikunta- "
                    "ja muiden alojen ohjatun vapaa-ajan harrastustoiminnan järjestämistä nuorille",
                    "15–19-vuotiaat nuoret lukiokoulutuksessa ja ammatillisessa koulutuksessa",
                    "3,5 milj. €",
                ],
                [
                    "2. Valtakunnalliset hankkeet, joissa järjestetään taide- ja kulttuuriesityksiä, -vierailuja "
                    "ja -työpajoja",
                    "7–19-vuotiaat lapset ja nuoret",
                    "2,25 milj. €",
                ],
                ["<b>Yhteensä</b>", "", "<b>5,75 milj. €</b>"],
            ],
            [78 * mm, 62 * mm, BODY_W - 140 * mm],
            right_cols=(2,),
        )
    )
    s.append(Spacer(1, 6))
    s.append(
        P(
            "Alakohdan 1 harrastustoiminnan tulee olla nuorille maksutonta, ja se järjestetään "
            "koulupäivän yhteydessä tai välittömästi sen jälkeen. Alakohdan 2 esitykset, vierailut ja "
            "työpajat toteutetaan yhteistyössä koulujen, oppilaitosten ja varhaiskasvatuksen kanssa."
        )
    )
    s.append(PageBreak())
    # ---- page 2
    s.append(H("3. Kuka voi hakea"))
    s.append(
        P(
            "Rahoitusta voivat hakea esimerkiksi koulutuksen järjestäjät, kunnat, taide- ja "
            "kulttuurilaitokset, liikunta- ja urheilujärjestöt, nuorisoalan järjestöt sekä muut "
            "rekisteröidyt yhdistykset ja säätiöt."
        )
    )
    s.append(
        P(
            "Hankkeen on oltava valtakunnallinen: toimintaa on järjestettävä vähintään kolmen "
            "maakunnan alueella. Yksityishenkilöt eivät voi hakea rahoitusta."
        )
    )
    s.append(H("4. Tukikelpoiset kustannukset"))
    s.append(
        P(
            "Haussa käytetään kustannusmallia <b>henkilöstökustannukset + 15 % (flat rate 15 %)</b>. "
            "Kiinteämääräinen 15 prosentin osuus kattaa toimisto- ja hallintokulut. Muut kustannukset "
            "esitetään tosiasiallisina kustannuksina."
        )
    )
    s.append(
        table(
            [
                ["Kustannuslaji", "Esimerkkejä", "Käsittely"],
                [
                    "Henkilöstökustannukset",
                    "hankehenkilöstön palkat ja lakisääteiset sivukulut",
                    "tosiasialliset",
                ],
                [
                    "Toimisto- ja hallintokulut",
                    "vuokrat, puhelin, tietoliikenne, kirjanpito",
                    "flat rate 15 %",
                ],
                [
                    "Ostopalvelut",
                    "taiteilijoiden ja ohjaajien palkkiot, esitysten ostot",
                    "tosiasialliset",
                ],
                ["Matkakulut", "esiintyjien ja ohjaajien matkat kouluille", "tosiasialliset"],
                [
                    "Muut kulut",
                    "harrastusvälineet, materiaalit, tilavuokrat harrastuksille",
                    "tosiasialliset",
                ],
            ],
            [45 * mm, 85 * mm, BODY_W - 130 * mm],
        )
    )
    s.append(Spacer(1, 6))
    s.append(
        P(
            "Julkisen tuen osuus on enintään 80 % hankkeen tukikelpoisista kustannuksista, ja hakijan "
            "omarahoitusosuus on vähintään 20 %. Hankkeen tukikelpoisten kokonaiskustannusten tulee olla "
            "vähintään 100 000 euroa."
        )
    )
    s.append(H2("Kustannukset, jotka eivät ole tukikelpoisia"))
    s += common_ineligible()
    s.append(PageBreak())
    # ---- page 3
    s.append(H("5. Valintaperusteet"))
    s.append(
        P(
            "Hämeen ELY-keskus arvioi hakemukset yhteistyössä OKM:n kanssa. Kukin valintaperuste "
            "pisteytetään asteikolla 1–5. Haun erityiset valintaperusteet ovat:"
        )
    )
    s += bullets(
        [
            "toiminta tavoittaa nuoria, joilla ei ole ennestään harrastusta",
            "lapset ja nuoret osallistuvat toiminnan suunnitteluun",
            "toiminta on saavutettavaa ja esteetöntä",
            "hanke tekee yhteistyötä koulujen ja oppilaitosten kanssa",
            "toimintamallit voidaan vakiinnuttaa hankkeen jälkeen",
        ]
    )
    s.append(
        hyphenated(
            [
                "Alakohdassa 2 eduksi katsotaan, että esitykset ja työpajat ulottuvat myös",
                "harvaan asutuille alueille sekä alueille, joilla kulttuuripalveluja on vähän tar-",
                "jolla.",
            ],
            BODY_W,
        )
    )
    s.append(H("6. Aikataulu"))
    s.append(
        table(
            [
                ["Vaihe", "Ajankohta"],
                ["Haku avautuu", "21.3.2025"],
                ["Hakuinfo (Teams)", "8.4.2025 klo 13–14.30"],
                ["Haku päättyy", "6.6.2025 klo 16.15"],
                ["Rahoituspäätökset", "arviolta lokakuussa 2025"],
                ["Hankkeet voivat alkaa", "aikaisintaan 1.1.2026"],
                ["Hankkeiden on päätyttävä", "viimeistään 31.12.2027"],
            ],
            [80 * mm, BODY_W - 80 * mm],
        )
    )
    s.append(PageBreak())
    # ---- page 4
    s.append(H("7. Hakeminen EURA 2021 -järjestelmässä"))
    s += eura_steps(
        "ESR-OKM-2025-1",
        "6.6.2025 klo 16.15",
        "Ilmoita hakemuksessa haettava alakohta (1 tai 2). Jos haet molemmista alakohdista, "
        "jätä kaksi erillistä hakemusta.",
    )
    s.append(
        P("Myöhästyneitä hakemuksia ei käsitellä. Hakemuksen voi laatia suomeksi tai ruotsiksi.")
    )
    s.append(H("8. Yhteystiedot"))
    s.append(
        contacts_table(
            [
                HIETA + ("EURA 2021, kustannukset, rahoitusehdot",),
                NIEMI + ("haun sisällöt ja alakohdat",),
            ]
        )
    )
    s.append(PageBreak())
    # ---- page 5
    s.append(H("Summary in English"))
    s.append(
        P(
            "<b>Leisure activities for young people and arts and culture for children and young "
            "people – Ministry of Education and Culture spring 2025 call</b>"
        )
    )
    s.append(
        P(
            "The call is funded by the Ministry of Education and Culture (OKM) from the European Social "
            "Fund Plus (ESF+). Häme ELY Centre is the funding authority. A total of 5.75 million euros "
            "is available."
        )
    )
    s.append(
        P(
            "The application period is 21 March – 6 June 2025. Applications must be submitted in the "
            "EURA 2021 system by 16:15 on the closing day."
        )
    )
    s.append(
        P(
            "Strand 1 (3.5 million euros) develops and pilots guided leisure activities in the arts, "
            "culture, sports and other fields for young people aged 15–19 in general upper secondary "
            "education and vocational education and training. The activities must be free of charge "
            "for the young people."
        )
    )
    s.append(
        P(
            "Strand 2 (2.25 million euros) funds national projects that organise arts and culture "
            "performances, visits and workshops for children and young people aged 7–19."
        )
    )
    s.append(
        P(
            "Eligible applicants include education providers, municipalities, arts and culture "
            "institutions, sports and youth organisations, and other registered associations and "
            "foundations. Private individuals cannot apply. The minimum project size is 100,000 euros "
            "and public funding covers at most 80 per cent of the eligible costs."
        )
    )
    s.append(
        P(
            "Contact: Merja Niemi, Ministerial Adviser, Ministry of Education and Culture, "
            "merja.niemi@gov.fi, tel. 029 533 0229."
        )
    )
    return s


# ----------------------------------------------------------------- D: coordination follow-up 2025


def story_koordinaatio_2025() -> list:
    s: list = []
    s.append(
        P(
            "Hakuilmoitus: Lasten, nuorten ja perheiden teeman koordinaatiohankkeen jatkohaku 2025",
            ST_TITLE,
        )
    )
    s.append(
        P(
            PROGRAMME + ". Teema: " + THEME_FI + ". Hämeen ELY-keskus yhteistyössä opetus- ja "
            "kulttuuriministeriön (OKM) ja sosiaali- ja terveysministeriön (STM) kanssa.",
            ST_SUB,
        )
    )
    s.append(banner())
    s.append(Spacer(1, 8))
    s.append(
        facts_box(
            [
                ("Hakuaika", "21.3.2025–21.4.2025 (hakemukset klo 16.15 mennessä)"),
                ("Rahoittajat", "OKM ja STM"),
                ("Haettavissa", "2,1 miljoonaa €"),
                ("Rahoitettavien hankkeiden määrä", "yksi hanke"),
                ("Haun tunnus", "ESR-KOORD-2025-1"),
            ]
        )
    )
    s.append(H("1. Haun tarkoitus"))
    s.append(
        P(
            "Hanke on jatkoa ohjelmakauden alussa toteutetulle koordinaatiohankkeelle, ja valittavan "
            "hankkeen tulee pystyä jatkamaan edeltävän koordinaatiohankkeen toimintaa saumattomasti. "
            "Edeltävä koordinaatiohanke päättyy 31.8.2025."
        )
    )
    s.append(
        P(
            "Koordinaatiohanke tukee teeman kaikkia valtakunnallisia hankekokonaisuuksia: syksyn 2023 "
            "haussa rahoitettuja 12 hankekokonaisuutta (yhteensä 30 hanketta) sekä talven 2024–2025 ja "
            "kevään 2025 hauissa rahoitettavia hankkeita."
        )
    )
    s.append(H("2. Kuka voi hakea"))
    s.append(
        P(
            "Rahoitusta voivat hakea korkeakoulut, tutkimuslaitokset, valtakunnalliset järjestöt ja muut "
            "julkis- tai yksityisoikeudelliset oikeushenkilöt, joilla on kokemusta valtakunnallisesta "
            "kehittämistyön koordinoinnista. Hanke voidaan toteuttaa yhteishankkeena, jossa on "
            "enintään kolme osatoteuttajaa."
        )
    )
    # ---- page 2: two columns
    s += two_columns_start()
    s.append(H("3. Koordinaatiohankkeen tehtävät"))
    s += colbullets(
        [
            "hankkeiden välisen yhteistyön ja verkostojen tukeminen",
            "vähintään kaksi valtakunnallista verkostotapaamista vuodessa",
            "teeman yhteinen viestintä ja verkkosivusto",
            "hankkeiden tulosten kokoaminen, levittäminen ja juurruttamisen tuki",
            "yhteistyö Hämeen ELY-keskuksen, STM:n ja OKM:n kanssa",
        ]
    )
    s.append(
        hyphenated(
            [
                "Koordinaatiohanke ei itse kehitä pal-",
                "veluja, vaan kokoaa hankkeiden tuot-",
                "tamaa tietoa ja tukee niiden yhteis-",
                "työtä. Hanke laatii vuosittain teeman",
                "tulosraportin ministeriöille.",
            ],
            COL_W,
            ST_COL,
        )
    )
    s.append(H("4. Tukikelpoiset kustannukset"))
    s.append(
        P(
            "Haussa käytetään kustannusmallia henkilöstökustannukset + 40 % (flat rate 40 %).",
            ST_COL,
        )
    )
    s.append(
        hyphenated(
            [
                "Julkisen tuen osuus on enintään 80 %",
                "hankkeen tukikelpoisista kustannuk-",
                "sista, ja omarahoitusosuus on vähin-",
                "tään 20 %.",
            ],
            COL_W,
            ST_COL,
        )
    )
    s.append(H("5. Valintaperusteet"))
    s.append(
        P(
            "Kukin valintaperuste pisteytetään asteikolla 1–5. Erityisiä valintaperusteita ovat:",
            ST_COL,
        )
    )
    s += colbullets(
        [
            "kyky jatkaa edeltävän koordinaatiohankkeen toimintaa ilman katkosta",
            "kokemus valtakunnallisten verkostojen koordinoinnista",
            "sosiaali- ja terveysalan sekä opetus- ja kulttuurialan asiantuntemus",
            "realistinen työsuunnitelma ja budjetti",
        ]
    )
    s += two_columns_end()
    # ---- page 3
    s.append(H("6. Aikataulu"))
    s.append(
        table(
            [
                ["Vaihe", "Ajankohta"],
                ["Haku avautuu", "21.3.2025"],
                ["Hakuinfo (Teams)", "28.3.2025 klo 10–11"],
                ["Haku päättyy", "21.4.2025 klo 16.15"],
                ["Rahoituspäätös", "arviolta kesäkuussa 2025"],
                ["Hanke alkaa", "1.9.2025"],
                ["Hankkeen on päätyttävä", "viimeistään 31.12.2028"],
            ],
            [80 * mm, BODY_W - 80 * mm],
        )
    )
    s.append(H("7. Hakeminen EURA 2021 -järjestelmässä"))
    s += eura_steps(
        "ESR-KOORD-2025-1",
        "21.4.2025 klo 16.15",
        "Liitä hakemukseen suunnitelma siitä, miten edeltävän koordinaatiohankkeen toiminta, "
        "verkostot ja aineistot siirretään uudelle hankkeelle.",
    )
    s.append(H("8. Yhteystiedot"))
    s.append(
        contacts_table(
            [
                HIETA + ("EURA 2021, kustannukset, rahoitusehdot",),
                PALOLA + ("STM:n hallinnonalan sisällöt",),
                NIEMI + ("OKM:n hallinnonalan sisällöt",),
            ]
        )
    )
    s.append(PageBreak())
    # ---- page 4
    s.append(H("Summary in English"))
    s.append(
        P(
            "<b>Follow-up call for the coordination project of the children, young people and "
            "families theme 2025</b>"
        )
    )
    s.append(
        P(
            "The project continues the coordination project carried out at the beginning of the "
            "programming period. The selected project must be able to continue the work of the previous "
            "coordination project seamlessly. The previous coordination project ends on 31 August 2025."
        )
    )
    s.append(
        P(
            "The application period is 21 March – 21 April 2025. A total of 2.1 million euros is "
            "available, and only one project will be selected. The call is funded by the Ministry of "
            "Education and Culture (OKM) and the Ministry of Social Affairs and Health (STM)."
        )
    )
    s.append(
        P(
            "Eligible applicants include higher education institutions, research institutes and national "
            "organisations with experience in coordinating national development work. The project may "
            "be a joint project with at most three implementing partners. It starts on 1 September 2025 "
            "and must end by 31 December 2028."
        )
    )
    s.append(
        P(
            "Applications are submitted in the EURA 2021 system using the call code ESR-KOORD-2025-1."
        )
    )
    s.append(
        P(
            "Contact: Antti Hieta, Funding Specialist, Häme ELY Centre, antti.hieta@ely-keskus.fi, "
            "tel. 0295 025 116."
        )
    )
    return s


NOTICES = [
    {
        "file": "hakuilmoitus-lnp-syksy-2023.pdf",
        "title": "Hakuilmoitus – " + THEME_FI + ", syksy 2023",
        "header": "Hämeen ELY-keskus · ESR+ hakuilmoitus · syksy 2023",
        "footer": "Lasten, nuorten ja perheiden palvelut – haku 5.10.–4.12.2023",
        "keywords": "ESR+, hakuilmoitus, OKM, STM, lapset, nuoret, perheet, 2023",
        "story": story_syksy_2023,
    },
    {
        "file": "hakuilmoitus-vanhemmuus-2024.pdf",
        "title": "Hakuilmoitus – Vanhemmuuden tuen ja vanhemmuustaitojen kehittäminen, talvi 2024–2025",
        "header": "Hämeen ELY-keskus · ESR+ hakuilmoitus · talvi 2024–2025",
        "footer": "Vanhemmuuden tuki – haku 20.12.2024–28.2.2025",
        "keywords": "ESR+, hakuilmoitus, STM, vanhemmuus, hyvinvointialueet, 2024, 2025",
        "story": story_vanhemmuus_2024,
    },
    {
        "file": "hakuilmoitus-okm-kevat-2025.pdf",
        "title": "Hakuilmoitus – Nuorten harrastustoiminta sekä taide- ja kulttuuritoiminta lapsille ja "
        "nuorille, OKM kevät 2025",
        "header": "Hämeen ELY-keskus · ESR+ hakuilmoitus · OKM kevät 2025",
        "footer": "Harrastus-, taide- ja kulttuuritoiminta – haku 21.3.–6.6.2025",
        "keywords": "ESR+, hakuilmoitus, OKM, harrastukset, taide, kulttuuri, 2025",
        "story": story_okm_2025,
    },
    {
        "file": "hakuilmoitus-koordinaatio-2025.pdf",
        "title": "Hakuilmoitus – Lasten, nuorten ja perheiden teeman koordinaatiohankkeen jatkohaku 2025",
        "header": "Hämeen ELY-keskus · ESR+ hakuilmoitus · koordinaatiohanke 2025",
        "footer": "Koordinaatiohankkeen jatkohaku – 21.3.–21.4.2025",
        "keywords": "ESR+, hakuilmoitus, koordinaatiohanke, OKM, STM, 2025",
        "story": story_koordinaatio_2025,
    },
]


def main() -> int:
    register_fonts()
    CORPUS.mkdir(exist_ok=True)
    n = make_deck(CORPUS / "esr-lnp-teemaesitys.pdf")
    print(f"esr-lnp-teemaesitys.pdf: {n} pages")
    for spec in NOTICES:
        out = CORPUS / spec["file"]
        pages = build_notice(
            out, spec["title"], spec["header"], spec["footer"], spec["story"](), spec["keywords"]
        )
        print(f"{spec['file']}: {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
