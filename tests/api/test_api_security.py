"""CORS allowlist, per-client rate limit, and the settings that guard them."""

from __future__ import annotations

import pydantic
import pytest

from api.ratelimit import RateLimiter
from hakuapu.settings import Settings

ALLOWED = "https://www.ely-keskus.example"  # on the allowlist of the `client` fixture
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type",
}


def test_allowed_origin_gets_cors_headers(client, allowed_origin):
    assert allowed_origin == ALLOWED
    pre = client.options("/api/ask", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == ALLOWED
    assert "POST" in pre.headers["access-control-allow-methods"]
    r = client.get("/api/calls", headers={"Origin": ALLOWED})
    assert r.headers["access-control-allow-origin"] == ALLOWED
    assert "Origin" in r.headers["vary"]


def test_other_origins_get_no_cors_headers(client):
    evil = "https://evil.example"
    pre = client.options("/api/ask", headers={"Origin": evil, **PREFLIGHT})
    assert pre.status_code == 400
    assert "access-control-allow-origin" not in pre.headers
    r = client.get("/api/calls", headers={"Origin": evil})
    assert "access-control-allow-origin" not in r.headers


def test_empty_allowlist_refuses_all_cross_origin_use(make_client):
    c = make_client(allowed_origins=[])
    pre = c.options("/api/ask", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert pre.status_code == 400
    assert "access-control-allow-origin" not in pre.headers
    r = c.get("/api/calls", headers={"Origin": ALLOWED})
    assert r.status_code == 200  # same-origin pages (the demo) still work
    assert "access-control-allow-origin" not in r.headers


def test_origins_come_from_a_comma_separated_variable(monkeypatch):
    monkeypatch.setenv("HAKUAPU_ALLOWED_ORIGINS", "https://a.example/, https://b.example:8443")
    assert Settings().allowed_origins == ["https://a.example", "https://b.example:8443"]
    monkeypatch.setenv("HAKUAPU_ALLOWED_ORIGINS", "")
    assert Settings().allowed_origins == []
    monkeypatch.setenv("HAKUAPU_ALLOWED_ORIGINS", "*")
    with pytest.raises(pydantic.ValidationError, match="not accepted"):
        Settings()


def test_rate_limit_answers_429_with_retry_after(make_client):
    c = make_client(rate_limit_per_minute=3)
    body = {"answer_id": "ei-ole", "vote": 1}
    assert [c.post("/api/feedback", json=body).status_code for _ in range(3)] == [404] * 3
    r = c.post("/api/feedback", json=body, headers={"Origin": ALLOWED})
    assert r.status_code == 429
    assert 1 <= int(r.headers["retry-after"]) <= 20  # one token per 20 s at 3 per minute
    assert "try again" in r.json()["detail"]
    # The widget on an allowed site can read the status and the wait.
    assert r.headers["access-control-allow-origin"] == ALLOWED
    assert "retry-after" in r.headers["access-control-expose-headers"].lower()
    # Asking and searching share the budget; cheap reads are not limited.
    assert c.post("/api/ask", json={"question": "Kuka voi hakea?"}).status_code == 429
    assert c.get("/api/search", params={"q": "haku"}).status_code == 429
    assert c.get("/api/calls").status_code == 200
    assert c.get("/health").status_code == 200
    metrics = c.get("/metrics").text
    assert "hakuapu_rate_limited_total 3.0" in metrics
    assert 'method="POST",route="/api/feedback",status="429"} 1.0' in metrics


def test_rate_limit_is_per_client(make_client):
    c = make_client(rate_limit_per_minute=1)
    assert c.get("/api/search", params={"q": "haku"}).status_code == 200
    assert c.get("/api/search", params={"q": "haku"}).status_code == 429
    from fastapi.testclient import TestClient

    other = TestClient(c.app, client=("192.0.2.7", 40000))
    assert other.get("/api/search", params={"q": "haku"}).status_code == 200


def test_token_bucket_refills_evenly():
    now = [0.0]
    limiter = RateLimiter(6, clock=lambda: now[0])  # one token per 10 s, bursts of 6
    assert [limiter.hit("a") for _ in range(6)] == [0.0] * 6
    assert limiter.hit("a") == pytest.approx(10.0)
    now[0] = 5.0
    assert limiter.hit("a") == pytest.approx(5.0)
    now[0] = 10.0
    assert limiter.hit("a") == 0.0
    assert limiter.hit("b") == 0.0  # another client has its own bucket
