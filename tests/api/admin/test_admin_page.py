"""/admin: the server-rendered page. Token sign-in, session cookie, form tokens, and the same
actions as the API, through real HTTP."""

from __future__ import annotations

import re

from admin_data import DEADLINE_Q, NOTICE_V1, NOTICE_V2, TOKEN


def _login(adm) -> str:
    r = adm.client.post("/admin/login", data={"token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303, r.text
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie
    page = adm.client.get("/admin")
    assert page.status_code == 200
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page.text).group(1)


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr data-doc="([^"]+)"', html)


def test_sign_in_and_out(adm):
    page = adm.client.get("/admin")
    assert page.status_code == 200 and 'name="token"' in page.text and "Kirjaudu" in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    r = adm.client.post("/admin/login", data={"token": "arvaus"})
    assert r.status_code == 401 and "Tunnus on väärä." in r.text
    assert "hakuapu_admin" not in adm.client.cookies

    _login(adm)
    page = adm.client.get("/admin")
    assert _rows(page.text) == ["ohje", "talvi"]
    assert 'class="badge closed">päättynyt' in page.text  # talvi-2024 has closed
    assert 'class="badge open">avoinna' in page.text
    assert adm.client.get("/admin?lang=en").text.count("Re-ingest") >= 1

    adm.client.cookies.clear()
    adm.client.cookies.set("hakuapu_admin", "admin|9999999999|" + "0" * 64)
    assert 'name="token"' in adm.client.get("/admin").text  # a forged cookie is no session
    adm.client.cookies.clear()
    _login(adm)
    adm.client.post("/admin/logout")
    assert 'name="token"' in adm.client.get("/admin").text
    denied = [e for e in adm.admin.audit.recent() if e["result"] == "denied"]
    assert [e["target"] for e in denied] == ["POST /admin/login"]


def test_actions_from_the_page(adm):
    form = _login(adm)
    r = adm.client.post(
        "/admin/upload",
        data={"form_token": form, "call_id": "kesa-2025"},
        files={"files": ("purjehdus.md", NOTICE_V1.encode())},
    )
    assert r.status_code == 200 and r.url.path == "/admin" and "done=" in str(r.url)
    assert "Valmis" in r.text and "purjehdus" in _rows(r.text)
    assert "15.5.2025" in " ".join(c["quote"] for c in adm.ask(DEADLINE_Q)["citations"])

    r = adm.client.post(
        "/admin/documents/purjehdus/replace",
        data={"form_token": form},
        files={"file": ("uusi.md", NOTICE_V2.encode())},
    )
    assert "Valmis" in r.text and "version 1 -&gt; 2" in r.text
    assert "30.9.2025" in " ".join(c["quote"] for c in adm.ask(DEADLINE_Q)["citations"])

    r = adm.client.post("/admin/documents/talvi/remove", data={"form_token": form})
    assert "Valmis" in r.text and "talvi" not in _rows(r.text)

    r = adm.client.post(
        "/admin/upload",
        data={"form_token": form},
        files={"files": ("rikki.pdf", b"%PDF-1.4 rikki")},
    )
    assert "Ei onnistunut" in r.text and "corrupt or unreadable PDF" in r.text
    assert _rows(r.text) == ["ohje", "purjehdus"]

    r = adm.client.post("/admin/reingest", data={"form_token": form})
    assert "Valmis" in r.text and "unchanged 2" in r.text

    # A file input left empty arrives as an empty part: not a file (a URL may come instead).
    r = adm.client.post(
        "/admin/upload", data={"form_token": form, "url": ""}, files={"files": ("", b"")}
    )
    assert "Ei onnistunut" in r.text and "no file and no URL given" in r.text


def test_forms_need_the_session_form_token(adm):
    _login(adm)
    before = adm.generation()
    for data in ({}, {"form_token": "0" * 32}):
        r = adm.client.post("/admin/documents/ohje/remove", data=data)
        assert r.status_code == 403 and "Lomake vanheni" in r.text
    adm.client.cookies.clear()
    r = adm.client.post("/admin/reingest", data={}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/admin"
    assert adm.generation() == before and "ohje" in adm.ids()


def test_reports_on_the_page(adm):
    adm.ask("Miten maksatusta haetaan?")
    refused = adm.ask("Saako leirillä pitää lemmikkikissaa?")
    assert refused["refused"]
    adm.client.post(
        "/api/feedback",
        json={"answer_id": refused["id"], "vote": -1, "comment": "Tähän tarvitaan vastaus"},
    )
    _login(adm)
    page = adm.client.get("/admin?days=7").text
    assert "2 kysymystä, joista 1 jäi vaille vastausta (50.0 %)." in page
    unanswered = page[page.index('id="unanswered"') : page.index('id="feedback"')]
    assert "Saako leirillä pitää lemmikkikissaa?" in unanswered
    thumbs = page[page.index('id="thumbs-down"') : page.index('id="audit"')]
    assert "Tähän tarvitaan vastaus" in thumbs
