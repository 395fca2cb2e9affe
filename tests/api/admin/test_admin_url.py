"""Documents by URL: the server downloads them from a real local HTTP server; scheme, size,
time and type are checked, and a refused download changes nothing."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from admin_data import AUTH

MIB = 1024 * 1024


class Site:
    """Paths -> (status, headers, body or callable) served on 127.0.0.1."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.delay_s: dict[str, float] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # no length needed: the body ends with the connection

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                time.sleep(site.delay_s.get(self.path, 0))
                status, headers, body = site.routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(
        self,
        path: str,
        body: bytes,
        ctype: str,
        status: int = 200,
        length: bool = True,
        **headers: str,
    ) -> None:
        if ctype:
            headers["Content-Type"] = ctype
        if length:
            headers["Content-Length"] = str(len(body))
        self.routes[path] = (status, headers, body)


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.server.shutdown()


@pytest.fixture
def notice_pdf(make_pdf, tmp_path) -> bytes:
    path = make_pdf(
        tmp_path / "n.pdf",
        [["1. Kuka voi hakea", "Rahoitusta voivat hakea kalastusseurat ja saaristokunnat."]],
        title="Kalastushaku",
    )
    return path.read_bytes()


def test_pdf_by_url_is_added(make_admin, site, notice_pdf):
    adm = make_admin()
    site.add("/haut/kalastus.pdf", notice_pdf, "application/pdf")
    site.add("/download?id=7", notice_pdf, "application/pdf")  # no file name: named by type
    r = adm.client.post(
        "/api/admin/documents",
        headers=AUTH,
        json={"url": f"{site.url}/haut/kalastus.pdf", "call_id": "kesa-2025"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["added"] == ["kalastus"]
    docs = {d["doc_id"]: d for d in adm.client.get("/api/admin/documents", headers=AUTH).json()}
    assert (
        docs["kalastus"]["call_id"] == "kesa-2025" and docs["kalastus"]["title"] == "Kalastushaku"
    )
    [entry] = adm.client.get("/api/admin/audit?action=add", headers=AUTH).json()
    assert entry["target"] == f"{site.url}/haut/kalastus.pdf"

    r = adm.client.post(
        "/api/admin/documents", headers=AUTH, data={"url": f"{site.url}/download?id=7"}
    )
    assert r.status_code == 201, r.text
    assert r.json()["added"] == ["download"]
    assert (adm.env.settings.uploads_path / "download.pdf").read_bytes() == notice_pdf


def test_replace_by_url(make_admin, site):
    adm = make_admin()
    site.add(
        "/ohje.md",
        b"# Maksatusohje\n\nMaksatusta haetaan kerran kuussa.\n",
        "text/markdown; charset=utf-8",
    )
    r = adm.client.put(
        "/api/admin/documents/ohje", headers=AUTH, json={"url": f"{site.url}/ohje.md"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["current"]["version"] == 2
    assert "kerran kuussa" in (adm.corpus / "ohje.md").read_text()


def test_refused_downloads_change_nothing(make_admin, site, notice_pdf):
    adm = make_admin(max_file_bytes=MIB, admin_fetch_timeout_s=1.0)
    before = adm.generation()
    site.add("/kirjaudu.pdf", b"<html><body>Kirjaudu sisaan</body></html>", "text/html")
    site.add("/naamio.pdf", b"<html>ei pdf</html>", "application/octet-stream")
    site.add("/iso.pdf", b"%PDF-1.4\n" + b"0" * (2 * MIB), "application/pdf")
    site.add("/virta.pdf", b"%PDF-1.4\n" + b"0" * (2 * MIB), "application/pdf", length=False)
    site.add("/hidas.pdf", notice_pdf, "application/pdf")
    site.delay_s["/hidas.pdf"] = 3
    site.add("/kuva.png", b"\x89PNG\r\n", "image/png")
    site.add("/ftp", b"", "", status=302, Location="ftp://127.0.0.1/x.pdf")
    site.add("/silmukka", b"", "", status=302, Location="/silmukka")
    site.add("/jotain", b"abc", "")
    cases = [
        ("/kirjaudu.pdf", "the server sent text/html for a PDF file"),
        ("/naamio.pdf", "not a PDF file"),
        ("/iso.pdf", "the file is 2 MiB; the limit is 1 MiB"),
        ("/virta.pdf", "larger than the limit of 1 MiB"),
        ("/hidas.pdf", "no answer within 1 s"),
        ("/kuva.png", "the server sent image/png"),
        ("/ftp", "only http and https"),
        ("/silmukka", "too many redirects"),
        ("/puuttuu.pdf", "the server answered HTTP 404"),
        ("/jotain", "cannot tell the file type"),
    ]
    for path, reason in cases:
        r = adm.client.post("/api/admin/documents", headers=AUTH, json={"url": site.url + path})
        assert r.status_code == 422, (path, r.text)
        assert reason in r.json()["detail"], (path, r.json())
    for url, reason in [
        ("ftp://127.0.0.1/x.pdf", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http://", "no host name"),
        ("http://127.0.0.1:9/x.pdf", "download failed"),  # nothing listens on the discard port
    ]:
        r = adm.client.post("/api/admin/documents", headers=AUTH, json={"url": url})
        assert r.status_code == 422 and reason in r.json()["detail"], (url, r.text)
    assert adm.generation() == before
    uploads = adm.env.settings.uploads_path
    assert [p.name for p in uploads.iterdir() if not p.name.startswith(".")] == []
    assert list((uploads / ".staging").iterdir()) == []
    r = adm.client.post("/api/admin/documents", headers=AUTH, json={"call_id": "x"})
    assert r.status_code == 422
    audit = adm.client.get("/api/admin/audit?action=add", headers=AUTH).json()
    assert len(audit) == len(cases) + 5 and {e["result"] for e in audit} == {"failed"}
    assert audit[-1]["detail"].endswith("the server sent text/html for a PDF file")
