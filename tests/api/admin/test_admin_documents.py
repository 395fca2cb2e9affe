"""/api/admin/documents: upload, list, replace, remove, re-ingest, through real HTTP, real
Chroma and the real model. A refused or failed action leaves the previous state answering."""

from __future__ import annotations

import re

from admin_data import AUTH, DEADLINE_Q, NOTICE_V1, NOTICE_V2


def _upload(adm, files: dict[str, bytes], **fields):
    return adm.client.post(
        "/api/admin/documents",
        headers=AUTH,
        files=[("files", (name, data)) for name, data in files.items()],
        data=fields,
    )


def _quotes(answer: dict) -> str:
    return " ".join(c["quote"] for c in answer["citations"])


def test_upload_lists_and_answers(adm, make_pdf, tmp_path):
    pdf = make_pdf(
        tmp_path / "Purjehdus Haku.pdf",
        [["1. Kuka voi hakea", "Rahoitusta voivat hakea purjehdusseurat ja meripartiolaiset."]],
        title="Purjehdushaku",
    )
    before = adm.generation()
    r = _upload(adm, {pdf.name: pdf.read_bytes()}, call_id="kesa-2025", doc_type="call_notice")
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == ["purjehdus-haku"] and body["failed"] == []
    assert body["generation"] == before + 1

    docs = {d["doc_id"]: d for d in adm.client.get("/api/admin/documents", headers=AUTH).json()}
    d = docs["purjehdus-haku"]
    assert d["call_id"] == "kesa-2025" and d["call_status"] == "open"
    assert d["doc_type"] == "call_notice" and d["title"] == "Purjehdushaku"
    assert d["pages"] == 1 and d["chunks"] >= 1 and d["version"] == 1
    assert re.fullmatch(r"[0-9a-f]{64}", d["content_hash"])
    assert d["ingested_at"] and d["location"] == "uploads" and d["file"] == "Purjehdus-Haku.pdf"
    assert docs["ohje"]["location"] == "corpus"  # the corpus documents are listed too

    answer = adm.ask("Ketkä voivat hakea rahoitusta purjehdukseen?")
    assert not answer["refused"]
    assert "purjehdus-haku" in {c["document_id"] for c in answer["citations"]}
    assert (adm.env.settings.uploads_path / "Purjehdus-Haku.pdf").is_file()
    served = adm.client.get("/api/documents/purjehdus-haku.pdf")
    assert served.status_code == 200 and served.content == pdf.read_bytes()

    [entry] = adm.client.get("/api/admin/audit?action=add", headers=AUTH).json()
    assert entry["who"] == "admin@testclient" and entry["result"] == "ok"
    assert entry["target"] == "Purjehdus Haku.pdf" and entry["generation"] == before + 1


def test_uploads_larger_than_the_api_body_limit_are_accepted(adm, tmp_path):
    """The public API refuses bodies over 64 KiB; the admin upload has its own limit."""
    big = ("# Iso ohje\n\n" + "Tämä rivi kertoo leirien turvallisuudesta.\n" * 10).encode()
    big += b"<!--" + b"x" * 120_000 + b"-->\n"
    assert len(big) > adm.env.settings.max_request_bytes
    r = _upload(adm, {"iso.md": big})
    assert r.status_code == 201, r.text
    small_limit = adm.client.post("/api/feedback", content=big, headers={"Content-Type": "x"})
    assert small_limit.status_code == 413


def test_refused_uploads_change_nothing(adm, tmp_path):
    before, ids = adm.generation(), adm.ids()
    cases = [
        ({"rikki.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog"}, {}, 422, "rikki.pdf: corrupt"),
        ({"sivu.pdf": b"<html><body>Kirjaudu</body></html>"}, {}, 422, "not a PDF"),
        ({"ohjelma.exe": b"MZ\x90\x00"}, {}, 422, "unsupported file type .exe"),
        ({"tyhja.md": b""}, {}, 422, "file is empty"),
        ({"teksti.md": b"%PDF-1.7 ..."}, {}, 422, "the file is a PDF"),
        (
            {"uusi.md": "# Uusi\n\nTekstiä.\n".encode()},
            {"call_id": "ei-ole"},
            422,
            "unknown call id",
        ),
        ({"ohje.md": b"# Toinen ohje\n\nEri teksti.\n"}, {}, 409, "PUT /api/admin/documents/ohje"),
        # all or nothing: the good file does not go in either
        (
            {"hyva.md": "# Hyva\n\nHyvä teksti.\n".encode(), "paha.docx": b"PK\x03\x04xx"},
            {},
            422,
            "DOCX",
        ),
    ]
    for files, fields, status, reason in cases:
        r = _upload(adm, files, **fields)
        assert r.status_code == status, (files.keys(), r.text)
        assert reason in r.json()["detail"], r.json()
    assert adm.generation() == before and adm.ids() == ids
    uploads = adm.env.settings.uploads_path
    assert [p.name for p in uploads.iterdir() if not p.name.startswith(".")] == []
    assert list((uploads / ".staging").iterdir()) == []
    failed = adm.client.get("/api/admin/audit?action=add", headers=AUTH).json()
    assert len(failed) == len(cases) and {e["result"] for e in failed} == {"failed"}


def test_upload_needs_a_file_or_url(adm):
    r = adm.client.post("/api/admin/documents", headers=AUTH, data={"call_id": "kesa-2025"})
    assert r.status_code == 422 and "no file and no URL" in r.json()["detail"]
    r = adm.client.post("/api/admin/documents", headers=AUTH, content=b"x")
    assert r.status_code == 415


def test_replace_switches_answers_to_the_new_version(adm):
    assert (
        _upload(adm, {"purjehdus.md": NOTICE_V1.encode()}, call_id="kesa-2025").status_code == 201
    )
    first = adm.ask(DEADLINE_Q)
    assert "15.5.2025" in _quotes(first) and "30.9.2025" not in _quotes(first)
    [old] = [
        d
        for d in adm.client.get("/api/admin/documents", headers=AUTH).json()
        if d["doc_id"] == "purjehdus"
    ]

    r = adm.client.put(
        "/api/admin/documents/purjehdus",
        headers=AUTH,
        files={"file": ("korjattu-ilmoitus.md", NOTICE_V2.encode())},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["updated"] == ["purjehdus"]
    assert body["previous"]["version"] == 1 and body["current"]["version"] == 2
    assert body["previous"]["content_hash"] == old["content_hash"]
    assert body["current"]["content_hash"] != old["content_hash"]

    for _ in range(3):  # from the moment PUT returned, only the new version answers
        answer = adm.ask(DEADLINE_Q)
        assert "30.9.2025" in _quotes(answer) and "15.5.2025" not in _quotes(answer)
    snap = adm.services.store.snapshot()
    texts = snap.collection.get(where={"doc_id": "purjehdus"}, include=["documents"])["documents"]
    assert texts and all("15.5.2025" not in t for t in texts)
    doc = adm.client.get("/api/admin/documents/purjehdus", headers=AUTH).json()
    assert doc["version"] == 2 and doc["call_id"] == "kesa-2025"  # the stated call stays
    assert [h["version"] for h in doc["history"]] == [1, 2]
    assert adm.client.get("/api/documents/purjehdus").text == NOTICE_V2
    trash = adm.env.settings.uploads_path / ".trash"
    assert [p.read_text() for p in trash.iterdir()] == [NOTICE_V1]


def test_replace_of_a_corpus_file_with_another_type(adm, make_pdf, tmp_path):
    """ohje.md (call from calls.yaml) replaced by a PDF: same id, same call, old file retired."""
    pdf = make_pdf(tmp_path / "x.pdf", [["Maksatusohje", "Maksatusta haetaan kerran vuodessa."]])
    r = adm.client.put(
        "/api/admin/documents/ohje", headers=AUTH, files={"file": ("x.pdf", pdf.read_bytes())}
    )
    assert r.status_code == 200, r.text
    assert not (adm.corpus / "ohje.md").exists() and (adm.corpus / "ohje.pdf").is_file()
    doc = adm.client.get("/api/admin/documents/ohje", headers=AUTH).json()
    assert doc["call_id"] == "kesa-2025" and doc["file"] == "ohje.pdf" and doc["version"] == 2
    # a re-ingest keeps it that way (no duplicate id, call kept)
    r = adm.client.post("/api/admin/reingest", headers=AUTH)
    assert r.status_code == 200 and r.json()["unchanged"] and not r.json()["failed"], r.text
    assert adm.client.get("/api/admin/documents/ohje", headers=AUTH).json()["version"] == 2


def test_failed_replace_keeps_the_old_version(adm):
    assert _upload(adm, {"purjehdus.md": NOTICE_V1.encode()}).status_code == 201
    before = adm.services.store.manifest().documents["purjehdus"]
    for files, reason in [
        ({"file": ("p.pdf", b"%PDF-1.4 broken")}, "corrupt or unreadable PDF"),
        ({"file": ("p.md", b"\n\n  \n")}, "no text"),
        ({"file": ("p.xls", b"\xd0\xcf\x11\xe0")}, "unsupported file type"),
    ]:
        r = adm.client.put("/api/admin/documents/purjehdus", headers=AUTH, files=files)
        assert r.status_code == 422 and reason in r.json()["detail"], r.text
    assert adm.services.store.manifest().documents["purjehdus"] == before
    assert (adm.env.settings.uploads_path / "purjehdus.md").read_text() == NOTICE_V1
    assert "15.5.2025" in _quotes(adm.ask(DEADLINE_Q))

    r = adm.client.put(
        "/api/admin/documents/ei-ole", headers=AUTH, files={"file": ("a.md", b"# A\n\nB.\n")}
    )
    assert r.status_code == 404
    two = [("file", ("a.md", b"# A\n\nB.\n")), ("file", ("b.md", b"# B\n\nC.\n"))]
    r = adm.client.put("/api/admin/documents/purjehdus", headers=AUTH, files=two)
    assert r.status_code == 422 and "exactly one" in r.json()["detail"]


def test_remove_withdraws_for_good(adm):
    r = adm.client.delete("/api/admin/documents/talvi", headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["removed"] == ["talvi"]
    assert "talvi" not in adm.ids()
    assert not (adm.corpus / "talvi.md").exists()
    hits = adm.client.get("/api/search", params={"q": "hiihtoseurat luistelukoulut"}).json()
    assert hits and all(h["doc_id"] != "talvi" for h in hits)
    # a re-ingest does not bring it back
    assert adm.client.post("/api/admin/reingest", headers=AUTH).status_code == 200
    assert "talvi" not in adm.ids()
    r = adm.client.delete("/api/admin/documents/talvi", headers=AUTH)
    assert r.status_code == 404 and "no such document" in r.json()["detail"]


def test_reingest_applies_calls_yaml_without_restart(adm):
    assert adm.client.get("/api/admin/documents/talvi", headers=AUTH).json()["call_id"] == (
        "talvi-2024"
    )
    calls = adm.corpus / "calls.yaml"
    calls.write_text(
        calls.read_text()
        .replace("documents: [talvi.md]", "documents: []")
        .replace("documents: [ohje.md]", "documents: [ohje.md, talvi.md]")
    )
    r = adm.client.post("/api/admin/reingest", headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["updated"] == ["talvi"]
    doc = adm.client.get("/api/admin/documents/talvi", headers=AUTH).json()
    assert doc["call_id"] == "kesa-2025" and doc["call_status"] == "open" and doc["version"] == 2
    hits = adm.client.get("/api/search", params={"q": "hiihtoseurat", "call": "kesa-2025"})
    assert "talvi" in {h["doc_id"] for h in hits.json()}


def test_reingest_with_a_broken_file_keeps_its_previous_version(adm):
    (adm.corpus / "talvi.md").write_bytes(b"\x00\x01 binary")
    (adm.corpus / "uusi.md").write_text("# Uusi\n\nUusi ohje kertoo kesäleireistä.\n")
    r = adm.client.post("/api/admin/reingest", headers=AUTH)
    assert r.status_code == 207, r.text
    body = r.json()
    assert body["added"] == ["uusi"]
    assert body["failed"] == [
        {"name": "talvi.md", "reason": "binary data in a text file; check the file type"}
    ]
    assert "talvi" in adm.ids()
    answer = adm.ask("Ketkä voivat hakea rahoitusta talviharrastuksiin?")
    assert "talvi" in {c["document_id"] for c in answer["citations"]}
    [entry] = adm.client.get("/api/admin/audit?action=reingest", headers=AUTH).json()
    assert entry["result"] == "failed" and "talvi.md: binary data" in entry["detail"]


def test_closed_calls_stay_searchable_and_are_labelled(adm):
    answer = adm.ask("Ketkä voivat hakea talviharrastusten rahoitusta?")
    assert not answer["refused"]
    assert answer["call_id"] == "talvi-2024" and answer["call_status"] == "closed"
    docs = {d["doc_id"]: d for d in adm.client.get("/api/admin/documents", headers=AUTH).json()}
    assert docs["talvi"]["call_status"] == "closed" and docs["ohje"]["call_status"] == "open"


def test_busy_index_or_admin_is_409_and_changes_nothing(adm):
    before = adm.generation()
    with adm.services.store.write_lock():  # an ingest elsewhere (CLI, another process)
        r = _upload(adm, {"uusi.md": b"# Uusi\n\nTeksti.\n"})
        assert r.status_code == 409 and "another ingest is running" in r.json()["detail"]
        assert r.headers["retry-after"]
        r = adm.client.post("/api/admin/reingest", headers=AUTH)
        assert r.status_code == 409
    with adm.admin.uploads.lock():
        r = adm.client.delete("/api/admin/documents/ohje", headers=AUTH)
        assert r.status_code == 409 and "another admin action" in r.json()["detail"]
    assert adm.generation() == before and "ohje" in adm.ids()
    assert not (adm.env.settings.uploads_path / "uusi.md").exists()
