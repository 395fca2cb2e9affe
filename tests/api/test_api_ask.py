"""POST /api/ask: answers with citations over real HTTP, the real index and the real model."""

from __future__ import annotations

import re

from api.schemas import Answer


def test_finnish_question_gets_cited_answer_and_a_conversation_id(client, analytics):
    r = client.post(
        "/api/ask", json={"question": "Milloin haku päättyy?", "call_id": "okm-kevat-2025"}
    )
    assert r.status_code == 200, r.text
    answer = Answer.model_validate(r.json())
    assert not answer.refused
    assert answer.language == "fi"
    assert "6.6.2025" in answer.answer
    assert answer.call_id == "okm-kevat-2025"
    assert answer.call_status == "open"  # HAKUAPU_TODAY is 2025-04-01 in the tests
    assert re.fullmatch(r"[0-9a-f]{32}", answer.conversation_id or "")
    cite = answer.citations[0]
    assert re.fullmatch(r"/api/documents/hakuilmoitus-okm-kevat-2025\.pdf#page=\d+", cite.url)
    # The link opens: the cited PDF is served from the index manifest's source.
    pdf = client.get(cite.url.split("#")[0])
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # Every web answer is recorded with its latency and channel.
    row = analytics.answer_row(answer.id)
    assert row is not None
    assert row["channel"] == "web"
    assert row["latency_ms"] > 0
    assert row["citations"][0]["document_id"] == "hakuilmoitus-okm-kevat-2025"


def test_english_question_answered_in_english(client):
    r = client.post(
        "/api/ask",
        json={"question": "How much funding is available?", "call_id": "okm-kevat-2025"},
    )
    body = r.json()
    assert r.status_code == 200
    assert body["language"] == "en"
    assert not body["refused"]
    assert body["answer"].startswith("According to the documents")
    # Quotes stay in their document's language: the English summary or the Finnish notice.
    assert "5.75 million" in body["answer"] or "5,75 milj" in body["answer"]
    assert body["citations"]


def test_conversation_id_goes_in_and_comes_back(client):
    conv = "widget-test-conversation-1"
    r = client.post("/api/ask", json={"question": "Kuka voi hakea?", "conversation_id": conv})
    assert r.status_code == 200
    assert r.json()["conversation_id"] == conv


def test_off_topic_question_is_refused_and_counted(make_client):
    c = make_client()
    r = c.post("/api/ask", json={"question": "Mikä on Ranskan pääkaupunki?"})
    assert r.status_code == 200
    assert r.json()["refused"] is True
    metrics = c.get("/metrics").text
    assert 'hakuapu_refusals_total{channel="web"} 1.0' in metrics
    assert 'hakuapu_answers_total{channel="web",language="fi",refused="true"} 1.0' in metrics


def test_empty_and_blank_questions_are_422(client):
    for question in ["", "   \n "]:
        r = client.post("/api/ask", json={"question": question})
        assert r.status_code == 422
        err = r.json()["detail"][0]
        assert err["loc"] == ["body", "question"]
        assert "empty" in err["msg"]


def test_too_long_question_is_422_with_the_limit(client, corpus):
    limit = corpus.settings.max_question_chars
    r = client.post("/api/ask", json={"question": "a" * 50_000})
    assert r.status_code == 422
    err = r.json()["detail"][0]
    assert err["loc"] == ["body", "question"]
    assert f"at most {limit}" in err["msg"]
    assert "input" not in err  # 50 000 characters are not echoed back
    ok = client.post("/api/ask", json={"question": "haku " * (limit // 5)})
    assert ok.status_code == 200


def test_unknown_call_is_422_naming_it(client):
    r = client.post("/api/ask", json={"question": "Milloin haku päättyy?", "call_id": "ei-ole"})
    assert r.status_code == 422
    err = r.json()["detail"][0]
    assert err["loc"] == ["body", "call_id"]
    assert "'ei-ole'" in err["msg"]


def test_bad_json_wrong_type_and_unknown_fields_are_422(client):
    r = client.post(
        "/api/ask", content=b'{"question": "Milloin', headers={"content-type": "application/json"}
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["type"] == "json_invalid"
    assert client.post("/api/ask", json={"question": 5}).status_code == 422
    assert client.post("/api/ask", json={"kysymys": "x"}).status_code == 422
    assert client.post("/api/ask", json={"question": "x", "language": "de"}).status_code == 422
    bad_conv = client.post("/api/ask", json={"question": "x", "conversation_id": "a b"})
    assert bad_conv.status_code == 422
    # A form post (no CORS preflight) is not parsed as JSON.
    form = client.post(
        "/api/ask", content=b'{"question": "x"}', headers={"content-type": "text/plain"}
    )
    assert form.status_code == 422


def test_body_over_the_size_limit_is_413(make_client):
    c = make_client(max_request_bytes=1024)
    r = c.post("/api/ask", json={"question": "a" * 2000})
    assert r.status_code == 413
    assert c.post("/api/ask", json={"question": "Kuka voi hakea?"}).status_code == 200
