"""POST /api/feedback: votes stored with the answer (redacted), counted in /metrics."""

from __future__ import annotations


def test_feedback_is_stored_with_the_answer(make_client, analytics):
    c = make_client()
    answer = c.post("/api/ask", json={"question": "Kuka voi hakea rahoitusta?"}).json()
    r = c.post(
        "/api/feedback",
        json={"answer_id": answer["id"], "vote": 1, "comment": "Hyvä! t. matti@example.fi"},
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"answer_id": answer["id"], "vote": 1, "total_up": 1, "total_down": 0}
    r = c.post("/api/feedback", json={"answer_id": answer["id"], "vote": -1})
    assert r.json()["total_down"] == 1
    stored = analytics.feedback_for(answer["id"])
    assert [f["vote"] for f in stored] == [1, -1]
    assert all(f["channel"] == "web" for f in stored)
    assert "matti@example.fi" not in stored[0]["comment"]  # redacted before storing
    metrics = c.get("/metrics").text
    assert 'hakuapu_feedback_total{vote="up"} 1.0' in metrics
    assert 'hakuapu_feedback_total{vote="down"} 1.0' in metrics


def test_feedback_on_unknown_answer_is_404(client):
    r = client.post("/api/feedback", json={"answer_id": "ei-ole", "vote": 1})
    assert r.status_code == 404
    assert "ei-ole" in r.json()["detail"]


def test_feedback_validation(client):
    for body in [
        {"answer_id": "x", "vote": 2},
        {"answer_id": "x", "vote": "up"},
        {"answer_id": "", "vote": 1},
        {"answer_id": "x", "vote": 1, "comment": "a" * 2001},
        {"vote": 1},
    ]:
        assert client.post("/api/feedback", json=body).status_code == 422, body
