"""Bad files: one clear line each, and nothing else lost (other files, previous versions)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption

from ingest.errors import IngestError
from ingest.readers import read_document

GOOD_PAGES = [
    ["1. Haun tarkoitus", "Haulla tuetaan nuorten kesätyöleirejä ja retkiä."],
    ["2. Kuka voi hakea", "Rahoitusta voivat hakea nuorisoyhdistykset."],
    ["3. Aikataulu", "Haku päättyy syyskuussa."],
]


def _truncated(path: Path, write_pdf, _) -> Path:
    good = write_pdf(path, GOOD_PAGES)
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _encrypted(path: Path, write_pdf, _) -> Path:
    return write_pdf(
        path,
        [["Salainen hakuilmoitus, jonka lukeminen vaatii salasanan."]],
        encrypt=StandardEncryption("salasana", ownerPassword="omistaja", strength=128),
    )


def _scan(path: Path, _, write_scan) -> Path:
    return write_scan(path)


def _png(path: Path, *_) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    return path


def _zip(path: Path, *_) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return path


def _empty(path: Path, *_) -> Path:
    path.write_bytes(b"")
    return path


# name -> (how to make it, words the one-line reason must contain)
BAD = {
    "truncated.pdf": (_truncated, "corrupt"),
    "locked.pdf": (_encrypted, "encrypted"),
    "scan.pdf": (_scan, "OCR"),
    "empty.pdf": (_empty, "empty"),
    "picture.pdf": (_png, "not a PDF"),
    "archive.pdf": (_zip, "not a PDF"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_pdf_gives_one_clear_line(tmp_path, name, make_pdf, make_scan_pdf):
    make, words = BAD[name]
    path = make(tmp_path / name, make_pdf, make_scan_pdf)
    with pytest.raises(IngestError) as info:
        read_document(path)
    err = info.value
    assert words in err.reason
    assert "\n" not in str(err)
    assert str(err) == f"{err.path}: {err.reason}"
    assert name in err.path
    assert "Traceback" not in str(err)


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path, make_pdf):
    path = make_pdf(
        tmp_path / "omistaja.pdf",
        [["Tämän tiedoston voi avata ilman salasanaa, vain muokkaus on estetty."]],
        encrypt=StandardEncryption("", ownerPassword="omistaja", strength=128),
    )
    [block] = read_document(path).blocks
    assert block.text.startswith("Tämän tiedoston voi avata")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("taulukko.xlsx", b"PK\x03\x04", "unsupported file type .xlsx"),
        ("ilman_paatetta", b"hei", r"unsupported file type \(none\)"),
        ("rikki.docx", b"\x00\x01 not a zip at all", "corrupt or unreadable DOCX"),
        ("binaari.txt", b"abc\x00\x01\x02def", "binary data"),
        ("tyhja.md", b"   \n\n\t\n", "no text found"),
    ],
)
def test_other_bad_files(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=words):
        read_document(path)


def test_unreadable_paths(tmp_path):
    with pytest.raises(IngestError, match="file not found"):
        read_document(tmp_path / "puuttuu.pdf")
    folder = tmp_path / "kansio.pdf"
    folder.mkdir()
    with pytest.raises(IngestError, match="cannot read the file"):
        read_document(folder)


def test_file_over_the_size_limit(tmp_path, make_pdf):
    path = make_pdf(tmp_path / "iso.pdf", GOOD_PAGES)
    with pytest.raises(IngestError, match="limit"):
        read_document(path, max_bytes=100)


def test_pdf_over_the_page_limit(tmp_path, make_pdf):
    path = make_pdf(tmp_path / "pitka.pdf", GOOD_PAGES)
    with pytest.raises(IngestError, match="3 pages; the limit is 2"):
        read_document(path, max_pages=2)


def test_bad_files_lose_nothing_else(env, make_pdf, make_scan_pdf):
    """Previous versions of files that went bad keep answering; good files still go in."""
    for name in BAD:
        make_pdf(
            env.corpus / name,
            [[f"Tiedoston {Path(name).stem} aiempi versio kertoo hakuajasta ja ehdoista."]],
        )
    first = env.ingest()
    assert first.ok and len(first.added) == len(BAD)
    before = env.services.store.manifest()

    for name, (make, _) in BAD.items():
        (env.corpus / name).unlink()
        make(env.corpus / name, make_pdf, make_scan_pdf)
    make_pdf(env.corpus / "uusi.pdf", GOOD_PAGES)
    (env.corpus / "taulukko.xlsx").write_bytes(b"PK\x03\x04")  # ignored inside a folder
    (env.corpus / "kansio.pdf").mkdir()  # a folder, not a file: ignored too

    second = env.ingest([env.corpus, env.root / "puuttuu.pdf"])
    reasons = dict(second.failed)
    assert set(reasons) == {*BAD, str(env.root / "puuttuu.pdf")}
    for name, (_, words) in BAD.items():
        assert words in reasons[name]
    assert reasons[str(env.root / "puuttuu.pdf")] == "no such file or folder"
    assert second.added == ["uusi"]
    assert not second.ok

    after = env.services.store.manifest()
    assert after.generation == before.generation + 1
    for doc_id, info in before.documents.items():
        assert after.documents[doc_id]["content_hash"] == info["content_hash"]
        assert env.chunk_ids(doc_id), doc_id
    assert "uusi" in after.documents
    [hit] = [c for c in env.chunks("locked") if "aiempi versio" in c.text]
    assert hit.text.startswith("Tiedoston locked aiempi versio")


def test_unsupported_file_named_explicitly_fails(env, make_pdf):
    path = env.corpus / "taulukko.xlsx"
    path.write_bytes(b"PK\x03\x04")
    good = make_pdf(env.corpus / "hyva.pdf", GOOD_PAGES)
    summary = env.ingest([path, good])
    assert summary.added == ["hyva"]
    [(name, reason)] = summary.failed
    assert name == "taulukko.xlsx"
    assert reason.startswith("unsupported file type .xlsx")


TOPICS = ["nuorisotyötä", "liikuntaa", "kulttuuria", "perheitä", "koulutusta", "osallisuutta"]


def _code(n: int) -> str:
    """A per-page tag without digits (running-line detection compares lines digits blanked)."""
    return "tunniste" + "".join("abcdefghij"[int(d)] for d in str(n))


@pytest.mark.slow
def test_two_hundred_page_pdf(env, make_pdf):
    pages = [[f"Aiheena {TOPICS[n % len(TOPICS)]}, {_code(n)}."] for n in range(1, 201)]
    make_pdf(
        env.corpus / "pitka.pdf",
        pages,
        header="Pitkä hakuopas 2025 — Sivu {page} / {pages}",
        footer="Hämeen ELY-keskus · testiaineisto",
    )
    summary = env.ingest()
    assert summary.ok, summary.failed
    assert env.services.store.manifest().documents["pitka"]["pages"] == 200
    chunks = env.chunks("pitka")
    for n in (1, 2, 57, 199, 200):
        tag = _code(n) + "."
        hits = [c for c in chunks if tag in c.text]  # two when it sits in an overlap
        assert 1 <= len(hits) <= 2
        for c in hits:
            assert c.page_at(c.text.index(tag)) == n
            assert n in c.pages
    text = " ".join(c.text for c in chunks)
    assert "Sivu" not in text
    assert "testiaineisto" not in text
    assert all(f"{_code(n)}." in text for n in range(1, 201))
    assert max(p for c in chunks for p in c.pages) == 200
