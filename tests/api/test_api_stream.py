"""POST /api/ask/stream: events in order, keep-alive comments, errors before the stream."""

from __future__ import annotations

import json
import time

from fastapi.testclient import TestClient

from api.app import create_app
from hakuapu.services import Services


def parse_sse(text: str) -> list[tuple[str, object]]:
    """[(event, data)] with comments as ("comment", text), in wire order."""
    out: list[tuple[str, object]] = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        event, data = "message", []
        for line in block.split("\n"):
            if line.startswith(":"):
                out.append(("comment", line[1:].strip()))
            elif line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if data:
            out.append((event, json.loads("\n".join(data))))
    return out


def test_events_arrive_in_order_and_add_up_to_the_answer(client, analytics):
    with client.stream(
        "POST",
        "/api/ask/stream",
        json={"question": "Kuka voi hakea rahoitusta?", "call_id": "okm-kevat-2025"},
    ) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        assert r.headers["cache-control"] == "no-cache"
        events = parse_sse(r.read().decode())
    names = [e for e, _ in events if e != "comment"]
    assert names[0] == "meta"
    assert names[-2:] == ["citations", "done"]
    assert set(names[1:-2]) == {"delta"} and len(names) > 5
    data = {e: d for e, d in events}
    answer = data["done"]["answer"]
    text = "".join(d["text"] for e, d in events if e == "delta")
    assert text == answer["answer"]
    assert "Rahoitusta voivat hakea" in text
    assert data["citations"]["citations"] == answer["citations"]
    assert all("#page=" in c["url"] for c in answer["citations"])
    assert data["meta"]["id"] == answer["id"]
    assert len(data["meta"]["conversation_id"]) == 32
    assert data["meta"]["generating"] is False  # no LLM configured: extractive, at once
    assert analytics.answer_row(answer["id"])["channel"] == "web"


def test_keep_alive_comments_while_the_answer_is_computed(make_client, corpus, monkeypatch):
    # The real answer, made to take 100 ms (a generated one takes seconds; a cached extractive one
    # can take under 5 ms, which made this test depend on the machine): comments must come first.
    prepare = corpus.services.answerer._prepare

    def slow(req):
        time.sleep(0.1)
        return prepare(req)

    monkeypatch.setattr(corpus.services.answerer, "_prepare", slow)
    c = make_client(sse_keepalive_s=0.005)
    with c.stream("POST", "/api/ask/stream", json={"question": "Kuka voi hakea?"}) as r:
        events = parse_sse(r.read().decode())
    assert events[0] == ("comment", "keep-alive")
    first_event = next(i for i, (e, _) in enumerate(events) if e != "comment")
    assert events[first_event][0] == "meta"
    assert events[-1][0] == "done"


def test_no_keep_alive_at_the_default_interval_for_a_quick_answer(client, corpus):
    assert corpus.settings.sse_keepalive_s == 15.0
    with client.stream("POST", "/api/ask/stream", json={"question": "Kuka voi hakea?"}) as r:
        events = parse_sse(r.read().decode())
    assert not [e for e in events if e[0] == "comment"]


def test_invalid_question_is_422_json_not_a_stream(client):
    r = client.post("/api/ask/stream", json={"question": " "})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/json"
    r = client.post("/api/ask/stream", json={"question": "x", "call_id": "ei-ole"})
    assert r.status_code == 422


def test_a_generated_sentence_taken_back_reaches_the_client_as_reset(corpus, chat_server):
    """Through real HTTP twice: the LLM server streams to the answerer, the API to the client."""
    good = "Antti Hiedan puhelinnumero on 0295 025 116."
    chat_server.reply = f"{good} Hakemukset on jätettävä 31.12.2099 mennessä. Kiitos."
    chat_server.status, chat_server.hold = 200, None
    settings = corpus.settings.model_copy(
        update={"llm": "openai", "llm_url": chat_server.url, "rate_limit_per_minute": 0}
    )
    with TestClient(create_app(settings, services=Services(settings))) as c:
        question = {"question": "Mikä on Antti Hiedan puhelinnumero?"}
        with c.stream("POST", "/api/ask/stream", json=question) as r:
            events = [(e, d) for e, d in parse_sse(r.read().decode()) if e != "comment"]
    names = [e for e, _ in events]
    assert names[:3] == ["meta", "delta", "reset"] and events[1][1]["text"] == good
    assert events[0][1]["generating"] is True
    answer = events[-1][1]["answer"]
    assert answer["mode"] == "extractive" and "0295 025 116" in answer["answer"]
    after = "".join(d["text"] for e, d in events[3:] if e == "delta")
    assert after == answer["answer"]
