"""``/hakuapu``: private answers with a share button, call filters, feedback, staff commands."""

from __future__ import annotations

import json
import time

from slack_fake import ALLOWED, OTHER, STAFF_USER
from test_slack_messages import COORD_TITLE, OKM_TITLE, buttons, texts

from bot.slack.config import ACTION_SHARE, ACTION_VOTE_DOWN, ACTION_VOTE_UP


def ack_text(response) -> str:
    """The immediate reply to a slash command: private (ephemeral) and in the response body."""
    assert response.status_code == 200, response.text
    body = json.loads(response.text)
    assert body["response_type"] == "ephemeral"
    return body["text"]


def test_slash_question_is_answered_privately_with_a_share_button(slack):
    started = time.monotonic()
    r = slack.send.command("How much funding is available in the coordination call?")
    assert r.status_code == 200 and time.monotonic() - started < 3  # acknowledged in time
    note = slack.fake.wait_for("chat.postEphemeral")
    assert note["channel"] == ALLOWED and note["user"] == "UALICE"
    body = texts(note.blocks)
    assert "2.1 million euros" in body
    assert "hakuilmoitus-koordinaatio-2025.pdf#page=4|" in body
    ids = buttons(note.blocks)
    assert set(ids) == {ACTION_VOTE_UP, ACTION_VOTE_DOWN, ACTION_SHARE}
    assert len(set(ids.values())) == 1  # all carry the answer id
    slack.settle()
    assert slack.fake.posts("chat.postMessage") == []  # nothing public


def test_call_filter_limits_the_answer_to_that_call(slack):
    slack.send.command("haku:okm-kevat-2025 Kuka voi hakea rahoitusta?")
    note = slack.fake.wait_for("chat.postEphemeral")
    body = texts(note.blocks)
    assert OKM_TITLE in body and COORD_TITLE not in body
    answer_id = buttons(note.blocks)[ACTION_VOTE_UP]
    row = slack.services.analytics.answer_row(answer_id)
    assert row["call_id"] == "okm-kevat-2025"
    assert row["citations"] and all(
        c["document_id"]
        in {"hakuilmoitus-okm-kevat-2025", "esr-lnp-teemaesitys", "teemakuvaus-lnp"}
        for c in row["citations"]
    )
    assert "Kuka voi hakea rahoitusta?" == row["question"]  # the filter is not part of it
    # The same question under the other call's filter quotes the other call.
    slack.fake.reset()
    slack.send.command("Kuka voi hakea rahoitusta? haku:koordinaatio-2025")
    other = slack.fake.wait_for("chat.postEphemeral")
    assert COORD_TITLE in texts(other.blocks) and OKM_TITLE not in texts(other.blocks)


def test_unknown_call_filter_lists_the_known_calls(slack):
    before = slack.services.analytics.counts()["answers"]
    slack.send.command("haku:ei-ole-olemassa Kuka voi hakea rahoitusta?")
    slack.settle()
    [note] = slack.fake.posts()
    assert note.method == "chat.postEphemeral" and note["user"] == "UALICE"
    assert note["text"].startswith("Tuntematon haku `ei-ole-olemassa`")
    assert "haku:okm-kevat-2025" in note["text"]
    assert slack.services.analytics.counts()["answers"] == before  # nothing was answered


def test_answer_goes_through_response_url_where_the_bot_cannot_post(slack):
    slack.fake.failures[("chat.postEphemeral", "CNOTIN")] = "channel_not_found"
    slack.send.command(
        "Kuka voi hakea koordinaatiohankkeen jatkohakua?", channel="CNOTIN", response="r-notin"
    )
    reply = slack.fake.wait_for("response")
    assert reply["url"] == "/response/r-notin"
    assert reply["response_type"] == "ephemeral"
    assert "korkeakoulut" in texts(reply.blocks)
    # Outside the allowlist the bot may not post publicly, so there is nothing to share.
    assert ACTION_SHARE not in buttons(reply.blocks)


def test_share_posts_the_answer_in_the_channel_and_removes_the_private_copy(slack):
    # Slack escapes &, < and > in command text; they must come out escaped again.
    slack.send.command(
        "Kuka voi hakea koordinaatiohankkeen jatkohakua? &lt;liite&gt; &amp; muut",
    )
    note = slack.fake.wait_for("chat.postEphemeral")
    answer_id = buttons(note.blocks)[ACTION_SHARE]
    slack.settle()
    r = slack.send.click(ACTION_SHARE, answer_id, ephemeral=True, response="r-share")
    assert r.status_code == 200
    shared = slack.fake.wait_for("chat.postMessage")
    deleted = slack.fake.wait_for("response", lambda c: c["url"] == "/response/r-share")
    assert shared["channel"] == ALLOWED
    body = texts(shared.blocks)
    assert "Jakoi <@UALICE>" in body
    assert "&lt;liite&gt; &amp; muut" in body and "<liite>" not in body
    assert "korkeakoulut" in body
    assert buttons(shared.blocks) == {ACTION_VOTE_UP: answer_id, ACTION_VOTE_DOWN: answer_id}
    assert deleted["delete_original"] is True


def test_share_clicked_on_another_bot_process_posts_the_answer(slack, another_process):
    slack.send.command("Kuka voi hakea koordinaatiohankkeen jatkohakua? Soita 040 123 4567")
    answer_id = buttons(slack.fake.wait_for("chat.postEphemeral").blocks)[ACTION_SHARE]
    slack.settle()
    # The click reaches the other process: the answer is in the shared database.
    r = another_process.send.click(ACTION_SHARE, answer_id, ephemeral=True, response="r-lb")
    assert r.status_code == 200
    shared = slack.fake.wait_for("chat.postMessage")
    body = texts(shared.blocks)
    assert "Jakoi <@UALICE>" in body and "koordinaatiohankkeen jatkohakua" in body
    assert "040 123 4567" not in body and "[phone]" in body  # the question was kept redacted


def test_share_of_a_forgotten_answer_says_so(slack):
    slack.send.click(ACTION_SHARE, "0" * 32, ephemeral=True, response="r-old")
    reply = slack.fake.wait_for("response")
    assert "vanhentunut" in reply["text"]  # no answer to take the language from: Finnish
    slack.settle()
    assert slack.fake.posts("chat.postMessage") == []


def test_feedback_buttons_store_votes_in_the_shared_analytics(slack):
    slack.send.command("How much funding is available in the coordination call?")
    answer_id = buttons(slack.fake.wait_for("chat.postEphemeral").blocks)[ACTION_VOTE_UP]
    slack.settle()
    slack.fake.reset()
    # A click on a channel message (thread 200.1): a private thanks in that thread.
    r = slack.send.click(ACTION_VOTE_UP, answer_id, thread_ts="200.1")
    assert r.status_code == 200
    thanks = slack.fake.wait_for("chat.postEphemeral")
    assert thanks["text"] == "Thanks for the feedback!" and thanks["thread_ts"] == "200.1"
    assert thanks["user"] == "UALICE"
    # The same person again: not counted twice. Someone else: counted.
    slack.send.click(ACTION_VOTE_UP, answer_id)
    slack.send.click(ACTION_VOTE_DOWN, answer_id, user="UBOB", ephemeral=True, response="r-bob")
    slack.settle()
    votes = slack.services.analytics.feedback_for(answer_id)
    assert sorted(v["vote"] for v in votes) == [-1, 1]
    assert {v["channel"] for v in votes} == {"slack"}
    notes = [c["text"] for c in slack.fake.posts("chat.postEphemeral")]
    assert "Your feedback on this answer is already saved." in notes
    bob = slack.fake.wait_for("response", lambda c: c["url"] == "/response/r-bob")
    assert bob["text"] == "Thanks for the feedback!"


def test_feedback_for_an_unknown_answer_is_not_stored(slack):
    slack.send.click(ACTION_VOTE_DOWN, "f" * 32)
    note = slack.fake.wait_for("chat.postEphemeral")
    assert "ei voitu tallentaa" in note["text"]
    assert slack.services.analytics.feedback_for("f" * 32) == []


def test_help_lists_usage_and_calls(slack):
    text = ack_text(slack.send.command(""))
    assert "/hakuapu haku:" in text and "koordinaatio-2025" in text
    assert ack_text(slack.send.command("help")).startswith("*Usage:*")


def test_status_for_staff(slack):
    text = ack_text(slack.send.command("status", user=STAFF_USER))
    manifest = slack.services.store.manifest()
    assert f"Documents: {len(manifest.documents)}" in text
    assert f"Chunks: {manifest.chunk_count}" in text
    assert manifest.created_at in text
    # On 1.4.2025 the spring 2025 call and the coordination call are open, the others closed.
    open_line = text.split("Open today (1.4.2025):")[1]
    # In English, the calls' English titles.
    coordination = "coordination project of the children, young people and families theme 2025"
    assert f"{coordination} (until 21.4.2025)" in open_line
    assert "Ministry of Education and Culture spring 2025 call (until 6.6.2025)" in open_line
    assert "autumn 2023" not in open_line
    assert "Tekstikappaleita" in ack_text(slack.send.command("tila", user=STAFF_USER))
    slack.settle()
    assert slack.fake.posts() == []


def test_staff_commands_refuse_others_clearly(slack):
    for word in ("status", "reingest", "päivitä"):
        text = ack_text(slack.send.command(word, user="UALICE", channel=OTHER))
        assert "UALICE" in text and "HAKUAPU_SLACK_STAFF" in text
    assert "vain henkilökunnalle" in ack_text(slack.send.command("tila"))
    slack.settle()
    assert slack.fake.posts() == []


def test_reingest_runs_the_admin_ingest_and_posts_the_summary(make_env, make_slack, make_pdf):
    env = make_env("reingest")
    rig = make_slack(env)
    assert "Documents: 0" in ack_text(rig.send.command("status", user=STAFF_USER))
    make_pdf(
        env.corpus / "ohje.pdf",
        [["Hakuohje", "Hakemukset jätetään EURA 2021 -järjestelmässä 30.9.2025 mennessä."]],
        title="Hakuohje",
    )
    # Refused first: nothing is ingested.
    rig.send.command("reingest", user="UALICE")
    rig.settle()
    assert env.services.store.manifest() is None
    started = ack_text(rig.send.command("reingest", user=STAFF_USER, response="r-ingest"))
    assert started.startswith("Re-ingest started")
    done = rig.fake.wait_for("chat.postEphemeral", timeout=120)
    assert done["user"] == STAFF_USER
    assert done["text"].startswith("Re-ingest done: added 1, updated 0, unchanged 0")
    rig.settle()
    assert "Documents: 1" in ack_text(rig.send.command("status", user=STAFF_USER))
    # Audited like the web admin's re-ingest, with who asked.
    from api.admin.audit import AuditLog

    (entry,) = AuditLog(rig.bot.services.analytics.engine).recent(action="reingest")
    assert entry["who"] == f"slack:{STAFF_USER}" and entry["result"] == "ok"
    assert str(env.corpus) in entry["target"]
