"""Mentions, DMs and thread follow-ups, end to end: signed events in, Web API calls out."""

from __future__ import annotations

import re

from slack_fake import ALLOWED, BOT_ID, BOT_USER, OTHER

from bot.slack.config import ACTION_VOTE_DOWN, ACTION_VOTE_UP

COORD_TITLE = "Teeman koordinaatiohankkeen jatkohaku 2025"
COORD_TITLE_EN = (
    "Follow-up call for the coordination project of the children, young people and families "
    "theme 2025"
)
OKM_TITLE = "Nuorten harrastustoiminta sekä taide- ja kulttuuritoiminta – kevään 2025 haku"


def mention(text: str, ts: str, *, channel=ALLOWED, user="UALICE", thread_ts=None, **extra):
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "client_msg_id": f"cmid-{ts}",
        **extra,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(text: str, ts: str, *, channel=ALLOWED, user="UALICE", channel_type="channel", **kw):
    return {
        "type": "message",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "channel_type": channel_type,
        "client_msg_id": f"cmid-{ts}",
        **kw,
    }


def texts(blocks: list[dict]) -> str:
    out = []
    for b in blocks:
        if "text" in b:
            out.append(b["text"]["text"])
        for e in b.get("elements", []):
            t = e.get("text")
            out.append(t["text"] if isinstance(t, dict) else t)
    return "\n".join(out)


def buttons(blocks: list[dict]) -> dict[str, str]:
    return {
        e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]
    }


def test_mention_answers_in_a_thread_with_cited_pdf_pages_and_buttons(slack):
    r = slack.send.event(
        mention("How much funding is available in the coordination call?", "100.1")
    )
    assert r.status_code == 200
    post = slack.fake.wait_for("chat.postMessage")
    assert post["channel"] == ALLOWED
    assert post["thread_ts"] == "100.1"  # a thread under the question
    assert post.headers["Authorization"] == "Bearer xoxb-0000-test"
    body = texts(post.blocks)
    assert "2.1 million euros" in body
    # Citations: links to the PDF page, under the public URL, with title and page.
    links = re.findall(r"<([^|>]+)\|([^>]+)>", body)
    assert links, body
    # Pages that state the 2,1 M€: the notice (Finnish p. 1, English summary p. 4), the deck p. 4.
    assert all(u.startswith("https://hakuapu.example.fi/api/documents/") for u, _ in links)
    pages = {u.rsplit("/", 1)[1] for u, _ in links}
    stating = {
        "hakuilmoitus-koordinaatio-2025.pdf#page=1",
        "hakuilmoitus-koordinaatio-2025.pdf#page=4",
        "esr-lnp-teemaesitys.pdf#page=4",
    }
    assert pages & stating, body
    for url, label in links:
        assert label.endswith(f"p. {url.rsplit('=', 1)[1]}")
    # The call and its status (open on 1.4.2025), then the feedback buttons with the answer id.
    assert f"Call: {COORD_TITLE_EN} · open 21.3.2025–21.4.2025" in body
    ids = buttons(post.blocks)
    assert set(ids) == {ACTION_VOTE_UP, ACTION_VOTE_DOWN}
    row = slack.services.analytics.answer_row(ids[ACTION_VOTE_UP])
    assert row["channel"] == "slack" and row["refused"] is False
    assert "2.1 million euros" in post["text"]  # notification text
    slack.settle()
    assert len(slack.fake.posts()) == 1


def test_retry_of_the_same_event_posts_nothing_more(slack):
    event = mention("Kuka voi hakea koordinaatiohankkeen jatkohakua?", "101.1")
    assert slack.send.event(event, event_id="EvRETRY1").status_code == 200
    # Slack retries when it thinks the first delivery timed out: same event id, retry headers.
    again = slack.send.event(event, event_id="EvRETRY1", retry=1)
    assert again.status_code == 200
    assert slack.send.event(event, event_id="EvRETRY1", retry=2).status_code == 200
    slack.settle()
    posts = slack.fake.posts("chat.postMessage")
    assert len(posts) == 1 and posts[0]["thread_ts"] == "101.1"
    # The message event Slack sends for the same text (message.channels) is not a second
    # question either, even with another event id.
    dup = message(event["text"], "101.1")
    assert slack.send.event(dup, event_id="EvRETRY2").status_code == 200
    slack.settle()
    assert len(slack.fake.posts()) == 1


def test_a_retry_reaching_another_bot_process_posts_nothing_more(slack, another_process):
    event = mention("Kuka voi hakea koordinaatiohankkeen jatkohakua?", "119.1")
    assert slack.send.event(event, event_id="EvLB1").status_code == 200
    slack.settle()
    # The retry goes to the other process: it finds the event in the shared database.
    assert another_process.send.event(event, event_id="EvLB1", retry=1).status_code == 200
    another_process.settle()
    posts = slack.fake.posts("chat.postMessage")
    assert len(posts) == 1 and posts[0]["thread_ts"] == "119.1"
    # A thread the first process answered in is known to the second one too.
    assert f"{ALLOWED}:119.1" in another_process.bot.threads


def test_direct_message_is_answered_in_the_dm(slack):
    dm = message(
        "Kuka voi hakea koordinaatiohankkeen jatkohakua?",
        "102.1",
        channel="DALICE",
        channel_type="im",
    )
    slack.send.event(dm)
    post = slack.fake.wait_for("chat.postMessage")
    assert post["channel"] == "DALICE"
    assert "thread_ts" not in post.args  # a plain reply in the conversation
    assert "korkeakoulut" in texts(post.blocks)
    assert "hakuilmoitus-koordinaatio-2025.pdf#page=1" in texts(post.blocks)
    assert "s. 1" in texts(post.blocks)  # Finnish question, Finnish frame


def test_thread_follow_ups_use_the_threads_earlier_turns(slack):
    # Two threads, each about a different call; the same follow-up in each.
    slack.send.event(mention("Kuka voi hakea koordinaatiohankkeen jatkohakua?", "103.1"))
    slack.send.event(
        mention("Kuka voi hakea rahoitusta nuorten harrastustoiminnan hakuun?", "104.1")
    )
    slack.settle()
    follow_a = message("Entä milloin se päättyy?", "103.2", thread_ts="103.1")
    follow_b = message("Entä milloin se päättyy?", "104.2", thread_ts="104.1")
    slack.send.event(follow_a)
    slack.send.event(follow_b)
    slack.settle()
    by_thread: dict[str, list] = {}
    for p in slack.fake.posts("chat.postMessage"):
        by_thread.setdefault(p["thread_ts"], []).append(p)
    assert [len(by_thread[t]) for t in ("103.1", "104.1")] == [2, 2]
    assert COORD_TITLE in texts(by_thread["103.1"][1].blocks)
    assert OKM_TITLE in texts(by_thread["104.1"][1].blocks)
    # Asked outside those threads, the same words have no call to lean on.
    slack.send.event(mention("Entä milloin se päättyy?", "105.1"))
    fresh = slack.fake.wait_for("chat.postMessage", lambda c: c.get("thread_ts") == "105.1")
    assert COORD_TITLE not in texts(fresh.blocks) and OKM_TITLE not in texts(fresh.blocks)


def test_thread_chatter_the_bot_was_not_part_of_is_ignored(slack):
    slack.send.event(message("Kahvitauko?", "106.2", thread_ts="106.1"))  # not our thread
    slack.send.event(message("Kuka voi hakea koordinaatiohankkeen jatkohakua?", "106.3"))  # top
    slack.send.event(mention("Kuka voi hakea koordinaatiohankkeen jatkohakua?", "107.1"))
    slack.settle()
    assert len(slack.fake.posts()) == 1
    # In our thread, a message addressed to a colleague is theirs, not ours.
    slack.send.event(message("<@UBOB> katsotko tämän?", "107.2", thread_ts="107.1"))
    slack.settle()
    assert len(slack.fake.posts()) == 1


def test_own_messages_and_other_bots_are_ignored(slack):
    own = message(
        "Kuka voi hakea koordinaatiohankkeen jatkohakua?",
        "108.1",
        channel="DALICE",
        channel_type="im",
        user=BOT_USER,
        bot_id=BOT_ID,
    )
    other = message(
        "Kuka voi hakea koordinaatiohankkeen jatkohakua?",
        "108.2",
        channel="DALICE",
        channel_type="im",
        user="UOTHERBOT",
        bot_id="BOTHER",
        subtype="bot_message",
    )
    other_mention = mention("Kuka voi hakea?", "108.3", user="UOTHERBOT", bot_id="BOTHER")
    for event in (own, other, other_mention):
        assert slack.send.event(event).status_code == 200
    slack.settle()
    assert slack.fake.posts() == []


def test_channels_outside_the_allowlist_get_a_private_pointer_only(slack):
    slack.send.event(
        mention("Kuka voi hakea koordinaatiohankkeen jatkohakua?", "109.1", channel=OTHER)
    )
    note = slack.fake.wait_for("chat.postEphemeral")
    slack.settle()
    assert note["channel"] == OTHER and note["user"] == "UALICE"
    assert "En vastaa tällä kanavalla" in note["text"]
    assert slack.fake.posts("chat.postMessage") == []


def test_question_without_an_answer_is_refused_naming_the_contact(slack):
    slack.send.event(mention("Mikä on Helsingin paras pizzeria?", "110.1"))
    post = slack.fake.wait_for("chat.postMessage")
    body = texts(post.blocks)
    assert "Asiakirjoista ei löydy vastausta" in body
    assert "Antti Hieta" in body  # who to ask instead
    assert "<http" not in body  # no sources for a refusal
    answer_id = buttons(post.blocks)[ACTION_VOTE_UP]
    assert slack.services.analytics.answer_row(answer_id)["refused"] is True


def test_a_4000_character_question_gets_the_polite_too_long_reply(slack):
    question = ("Voiko hankkeessa palkata projektipäällikön ja ostaa koulutuksia? " * 70)[:4000]
    assert len(question) == 4000
    slack.send.event(mention(question, "111.1"))
    post = slack.fake.wait_for("chat.postMessage")
    body = texts(post.blocks)
    assert "liian pitkä" in body and "enintään 2000" in body
    assert post["thread_ts"] == "111.1"
