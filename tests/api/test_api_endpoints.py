"""Search, calls, documents, health, metrics, OpenAPI and the widget's files."""

from __future__ import annotations

import re

import pytest

from api.app import create_app
from hakuapu.settings import Settings


def test_search_returns_passages_with_page_links(client):
    r = client.get("/api/search", params={"q": "Kuka voi hakea rahoitusta?", "k": 3})
    assert r.status_code == 200
    hits = r.json()
    assert 1 <= len(hits) <= 3
    for hit in hits:
        assert hit["text"] and hit["page"] >= 1
        assert hit["url"].startswith(f"/api/documents/{hit['doc_id']}")


def test_search_filters_by_call_and_status(client):
    r = client.get("/api/search", params={"q": "budjetti", "call": "vanhemmuus-2024", "k": 10})
    assert r.status_code == 200
    assert {h["call_id"] for h in r.json()} <= {"vanhemmuus-2024"}
    r = client.get("/api/search", params={"q": "haku päättyy", "status": "open", "k": 10})
    assert r.status_code == 200
    hits = r.json()
    assert hits and {h["call_status"] for h in hits} == {"open"}


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x", "call": "ei-ole"},
        {"q": "x", "k": 0},
        {"q": "x", "k": 21},
        {"q": "x", "lang": "de"},
        {"q": "x", "status": "maybe"},
        {},
    ],
)
def test_search_rejects_bad_parameters(client, params):
    assert client.get("/api/search", params=params).status_code == 422


def test_calls_with_status_today(client):
    r = client.get("/api/calls")
    assert r.status_code == 200
    status = {c["id"]: c["status"] for c in r.json()}
    assert status == {
        "lnp-syksy-2023": "closed",
        "vanhemmuus-2024": "closed",
        "okm-kevat-2025": "open",
        "koordinaatio-2025": "open",
    }
    okm = next(c for c in r.json() if c["id"] == "okm-kevat-2025")
    assert okm["opens"] == "2025-03-21" and okm["closes"] == "2025-06-06"
    assert okm["contacts"][0]["name"] == "Antti Hieta"


def test_pdf_document_is_served_inline_with_ranges(client):
    r = client.get("/api/documents/esr-lnp-teemaesitys.pdf")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"].startswith("inline")
    part = client.get("/api/documents/esr-lnp-teemaesitys.pdf", headers={"Range": "bytes=0-3"})
    assert part.status_code == 206 and part.content == b"%PDF"


def test_markdown_document_is_served_as_plain_text(client):
    r = client.get("/api/documents/teemakuvaus-lnp")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "teemakuvaus" in r.text
    # It is not a PDF, so the .pdf URL does not pretend it is.
    assert client.get("/api/documents/teemakuvaus-lnp.pdf").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/documents/ei-ole.pdf",
        "/api/documents/ei-ole",
        "/api/documents/..%2F..%2Fcalls.yaml",
        "/api/documents/%2Fetc%2Fpasswd",
    ],
)
def test_only_indexed_documents_are_served(client, path):
    r = client.get(path)
    assert r.status_code == 404


def test_health_reports_the_index(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["today"] == "2025-04-01"
    assert body["index"]["documents"] == 6 and body["index"]["chunks"] > 0


def test_health_without_an_index_is_503(tmp_path, corpus):
    settings = Settings(data_dir=tmp_path / "empty", corpus_dir=corpus.corpus)
    from hakuapu.services import Services

    services = Services(settings)
    services.__dict__["embedder"] = corpus.services.embedder  # share the loaded model
    from fastapi.testclient import TestClient

    r = TestClient(create_app(settings, services=services)).get("/health")
    assert r.status_code == 503
    assert r.json()["status"] == "no_index"


def test_metrics_count_requests_by_route_template(make_client):
    c = make_client()
    c.get("/api/documents/esr-lnp-teemaesitys.pdf")
    c.get("/api/documents/teemakuvaus-lnp")
    c.get("/api/calls")
    r = c.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert re.search(
        r'hakuapu_http_requests_total\{method="GET",route="/api/documents/\{name\}",'
        r'status="200"\} 2\.0',
        text,
    )
    assert 'hakuapu_http_request_duration_seconds_count{route="/api/calls"} 1.0' in text


def test_openapi_docs_list_every_endpoint(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in [
        "/api/ask",
        "/api/ask/stream",
        "/api/search",
        "/api/calls",
        "/api/documents/{name}",
        "/api/feedback",
        "/health",
        "/metrics",
    ]:
        assert path in paths
    assert "text/event-stream" in paths["/api/ask/stream"]["post"]["responses"]["200"]["content"]


def test_widget_script_and_demo_page(client):
    js = client.get("/widget.js")
    assert js.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert "attachShadow" in js.text
    assert ".innerHTML" not in js.text  # answers are rendered as text only
    page = client.get("/")
    assert page.status_code == 200
    assert '<script src="/widget.js"' in page.text
