"""Admin access: off without a token (never open), bearer tokens, named tokens, denied
attempts in the audit log, and no way in for another site's page."""

from __future__ import annotations

import pytest
from admin_data import AUTH, TOKEN

ENDPOINTS = [
    ("GET", "/api/admin/status"),
    ("GET", "/api/admin/documents"),
    ("GET", "/api/admin/documents/ohje"),
    ("POST", "/api/admin/documents"),
    ("PUT", "/api/admin/documents/ohje"),
    ("DELETE", "/api/admin/documents/ohje"),
    ("POST", "/api/admin/reingest"),
    ("GET", "/api/admin/reports"),
    ("GET", "/api/admin/reports/unanswered"),
    ("GET", "/api/admin/audit"),
    ("POST", "/api/admin/purge"),
]


@pytest.fixture(scope="module")
def off_client(corpus):
    """The session's corpus served with no admin token."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    settings = corpus.settings.model_copy(update={"admin_token": "", "admin_tokens": []})
    return TestClient(create_app(settings, services=corpus.services))


def test_no_token_configured_means_off(off_client, corpus):
    before = corpus.services.store.manifest()
    for method, path in ENDPOINTS:
        for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer x"}):
            r = off_client.request(method, path, headers=headers)
            assert r.status_code == 404, (method, path, r.text)
            assert "admin API is off" in r.json()["detail"]
    page = off_client.get("/admin")
    assert page.status_code == 404 and "HAKUAPU_ADMIN_TOKEN" in page.text
    login = off_client.post("/admin/login", data={"token": ""})
    assert login.status_code == 404 and "set-cookie" not in login.headers
    assert corpus.services.store.manifest() == before


def test_missing_or_wrong_token_is_401_and_audited(adm):
    for headers in (
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": TOKEN},  # no scheme
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN}x"},
    ):
        for method, path in ENDPOINTS:
            r = adm.client.request(method, path, headers=headers)
            assert r.status_code == 401, (headers, method, path, r.text)
            assert r.headers["www-authenticate"] == "Bearer"
    assert adm.ids() == ["ohje", "talvi"]
    denied = adm.client.get("/api/admin/audit?action=auth&limit=1000", headers=AUTH).json()
    assert len(denied) == 5 * len(ENDPOINTS)
    assert {d["result"] for d in denied} == {"denied"}
    assert {d["who"] for d in denied} == {"testclient"}  # the client address
    assert {d["detail"] for d in denied} == {"no bearer token", "wrong token"}
    assert all(TOKEN not in d["target"] + d["detail"] for d in denied)


def test_too_many_wrong_tokens_lock_the_address_out(make_admin):
    adm = make_admin("lockout", admin_failures_per_minute=3)
    for _ in range(3):
        r = adm.client.get("/api/admin/status", headers={"Authorization": "Bearer guess"})
        assert r.status_code == 401
    # Now even the right token waits: guessing on gains nothing.
    r = adm.client.get("/api/admin/status", headers=AUTH)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1, r.text
    assert "too many wrong admin tokens" in r.json()["detail"]
    page = adm.client.post("/admin/login", data={"token": TOKEN}, follow_redirects=False)
    assert page.status_code == 429 and "Retry-After" in page.headers
    assert "Too many wrong tokens" in page.text or "Liian monta" in page.text


def test_wrong_tokens_count_across_processes_sharing_the_database(make_admin):
    """With two workers an in-process count would allow twice the guesses."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from hakuapu.services import Services

    adm = make_admin("lockout-shared", admin_failures_per_minute=3)
    with TestClient(create_app(adm.env.settings, services=Services(adm.env.settings))) as other:
        for client in (adm.client, other, adm.client):  # three guesses over two processes
            r = client.get("/api/admin/status", headers={"Authorization": "Bearer guess"})
            assert r.status_code == 401
        r = other.get("/api/admin/status", headers=AUTH)
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1, r.text


def test_named_tokens_are_who_in_the_audit_log(make_admin):
    adm = make_admin(admin_token="", admin_tokens=["liisa=liisan-pitka-tunnus-123"])
    assert adm.client.get("/api/admin/documents", headers=AUTH).status_code == 401
    auth = {"Authorization": "Bearer liisan-pitka-tunnus-123"}
    r = adm.client.delete("/api/admin/documents/talvi", headers=auth)
    assert r.status_code == 200, r.text
    [entry] = adm.client.get("/api/admin/audit?action=remove", headers=auth).json()
    assert entry["who"] == "liisa@testclient" and entry["target"] == "talvi"
    assert entry["result"] == "ok" and entry["generation"] == adm.generation()


def test_other_sites_cannot_use_the_admin_api(make_admin):
    """CORS never lets a browser send the Authorization header cross-origin."""
    adm = make_admin(allowed_origins=["https://www.ely-keskus.example"])
    r = adm.client.options(
        "/api/admin/documents/ohje",
        headers={
            "Origin": "https://www.ely-keskus.example",
            "Access-Control-Request-Method": "DELETE",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert r.status_code == 400
    assert "authorization" not in r.headers.get("access-control-allow-headers", "").lower()
