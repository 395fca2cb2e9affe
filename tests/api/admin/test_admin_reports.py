"""Reports over the analytics database: questions per day, refusal rate, unanswered questions
grouped by meaning (real embeddings), feedback per document, thumbs-down answers; retention."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from admin_data import AUTH
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.app import create_app
from bot.analytics import AnswerRow, FeedbackRow

NOW = dt.datetime.now(dt.UTC)


def _row(analytics, question, *, days_ago=0.0, refused=False, docs=(), lang="fi", votes=()):
    answer_id = uuid.uuid4().hex
    with Session(analytics.engine) as s:
        s.add(
            AnswerRow(
                id=answer_id,
                created_at=NOW - dt.timedelta(days=days_ago),
                question=question,
                language=lang,
                refused=refused,
                latency_ms=12.0,
                call_id=None,
                citations=json.dumps([{"document_id": d, "page": 1} for d in docs]),
                channel="web",
            )
        )
        for vote, comment in votes:
            s.add(
                FeedbackRow(
                    answer_id=answer_id,
                    created_at=NOW - dt.timedelta(days=days_ago),
                    vote=vote,
                    comment=comment,
                    channel="web",
                )
            )
        s.commit()
    return answer_id


def _fill(analytics) -> None:
    r = lambda *a, **k: _row(analytics, *a, **k)  # noqa: E731
    # today: 3 answered, 4 refused
    r("Miten maksatusta haetaan?", docs=["ohje"], votes=[(1, "")])
    r("Milloin maksatusta voi hakea?", docs=["ohje"], votes=[(-1, "Vanha tieto")])
    r("Ketkä voivat hakea talvirahoitusta?", docs=["talvi", "ohje"])
    r("Voiko pysäköintimaksut sisällyttää hankkeen kustannuksiin?", refused=True)
    r("Voiko pysäköintimaksuja sisällyttää hankkeen kuluihin?", refused=True)
    r("voiko pysäköintimaksut sisällyttää hankkeen kustannuksiin", refused=True)
    r("Mikä on ELY-keskuksen puhelinnumero?", refused=True, votes=[(-1, "")])
    # two days ago: 1 answered, 2 refused
    r("Miten otan yhteyttä ELY-keskukseen puhelimitse?", days_ago=2, refused=True)
    r("Are parking fees eligible costs?", days_ago=2, refused=True, lang="en")
    r("Miten maksatusta haetaan?", days_ago=2, docs=["ohje"], votes=[(-1, "Ei auttanut")])
    # outside a 7-day window
    r("Onko kissoilla yhdeksän henkeä?", days_ago=20, refused=True)


def test_reports_over_stored_questions(adm):
    _fill(adm.services.analytics)
    r = adm.client.get("/api/admin/reports", headers=AUTH, params={"days": 7})
    assert r.status_code == 200, r.text
    rep = r.json()
    today, two_ago = NOW.date().isoformat(), (NOW - dt.timedelta(days=2)).date().isoformat()
    assert rep["questions_per_day"] == [
        {"day": two_ago, "questions": 3, "refused": 2, "refusal_rate": 0.667},
        {"day": today, "questions": 7, "refused": 4, "refusal_rate": 0.571},
    ]
    assert rep["refusal_rate"] == {"questions": 10, "refused": 6, "refusal_rate": 0.6}

    groups = [(g["count"], g["question"]) for g in rep["unanswered"]]
    assert groups[0] == (3, "Voiko pysäköintimaksut sisällyttää hankkeen kustannuksiin?")
    assert rep["unanswered"][0]["variants"] == [
        "Voiko pysäköintimaksut sisällyttää hankkeen kustannuksiin?",
        "Voiko pysäköintimaksuja sisällyttää hankkeen kuluihin?",
    ]
    assert groups[1][0] == 2 and "puhelin" in groups[1][1]  # the two phone questions
    assert {q for _, q in groups[2:]} == {"Are parking fees eligible costs?"}
    assert all("kissoilla" not in q for _, q in groups)  # older than the window

    per_doc = {f["doc_id"]: f for f in rep["feedback_per_document"]}
    assert per_doc["ohje"] == {
        "doc_id": "ohje",
        "title": "Maksatusohje",
        "in_index": True,
        "cited": 4,
        "up": 1,
        "down": 2,
    }
    assert per_doc["talvi"]["cited"] == 1 and per_doc["talvi"]["down"] == 0
    down = rep["thumbs_down"]
    assert [a["question"] for a in down][:1] and {a["question"] for a in down} == {
        "Milloin maksatusta voi hakea?",
        "Mikä on ELY-keskuksen puhelinnumero?",
        "Miten maksatusta haetaan?",
    }
    assert {c for a in down for c in a["comments"]} == {"Vanha tieto", "Ei auttanut"}

    one = adm.client.get("/api/admin/reports/unanswered", headers=AUTH, params={"days": 30})
    assert [g["count"] for g in one.json()] == [3, 2, 1, 1]  # now with the cat question
    strict = adm.admin.reports.unanswered(days=7, threshold=0.999)
    assert [g["count"] for g in strict] == [2, 1, 1, 1, 1]  # only identical wordings merge
    assert adm.client.get("/api/admin/reports/nope", headers=AUTH).status_code == 404


def test_reports_from_real_answers_and_feedback(adm):
    refused = adm.ask("Voiko leirille ottaa lemmikkikissan? Vastaa osoitteeseen liisa@example.fi")
    assert refused["refused"]
    answered = adm.ask("Miten maksatusta haetaan?")
    assert not answered["refused"]
    r = adm.client.post(
        "/api/feedback",
        json={"answer_id": answered["id"], "vote": -1, "comment": "Soita 040 1234567"},
    )
    assert r.status_code == 200
    rep = adm.client.get("/api/admin/reports", headers=AUTH).json()
    assert rep["refusal_rate"] == {"questions": 2, "refused": 1, "refusal_rate": 0.5}
    [group] = rep["unanswered"]
    assert "[email]" in group["question"] and "liisa@example.fi" not in json.dumps(rep)
    [down] = rep["thumbs_down"]
    assert down["answer_id"] == answered["id"] and down["comments"] == ["Soita [phone]"]
    cited = {c["document_id"] for c in answered["citations"]}
    per_doc = {f["doc_id"]: f for f in rep["feedback_per_document"]}
    assert cited and all(per_doc[d]["down"] == 1 for d in cited)


def test_purge_by_api_and_retention_at_startup(make_admin):
    adm = make_admin(retention_days=30)
    analytics = adm.services.analytics
    old = _row(analytics, "Vanha kysymys", days_ago=400, refused=True, votes=[(-1, "x")])
    mid = _row(analytics, "Keski-ikäinen kysymys", days_ago=45)
    new = _row(analytics, "Uusi kysymys")
    r = adm.client.post("/api/admin/purge", headers=AUTH, params={"days": 365})
    assert r.json() == {"deleted": 1, "days": 365}
    assert analytics.answer_row(old) is None and analytics.feedback_for(old) == []
    assert analytics.answer_row(mid) is not None
    [entry] = adm.client.get("/api/admin/audit?action=purge", headers=AUTH).json()
    assert entry["who"] == "admin@testclient" and entry["detail"] == "1 questions deleted"

    # A server starting up applies HAKUAPU_RETENTION_DAYS (30) at once (then daily).
    with TestClient(create_app(adm.env.settings, services=adm.services)):
        pass
    assert analytics.answer_row(mid) is None and analytics.answer_row(new) is not None
    entries = adm.client.get("/api/admin/audit?action=purge", headers=AUTH).json()
    assert entries[0]["who"] == "retention" and entries[0]["target"] == "older than 30 days"
