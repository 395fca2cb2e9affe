"""With an LLM configured: the answer is posted as a draft at once and edited as checked sentences
come (chat.update), the way the web widget streams it. The model is a real HTTP server speaking
the OpenAI chat API (``chat_server``), the index is the corpus's, Slack is the fake Web API."""

from __future__ import annotations

import threading

from slack_fake import ALLOWED
from test_slack_commands import ack_text
from test_slack_messages import buttons, mention, texts

from bot.slack.config import ACTION_VOTE_UP
from bot.slack.handlers import messages

QUESTION = "Mikä on Antti Hiedan puhelinnumero?"  # stable evidence: the contact line of every call
PHONE = "0295 025 116"
GROUNDED = f"Antti Hiedan puhelinnumero on {PHONE}."
SECOND = "Hänelle voi myös lähettää sähköpostia."
WRITING = "Kirjoitan vastausta asiakirjojen pohjalta…"


def updates(fake) -> list:
    return fake.posts("chat.update")


def test_a_generated_answer_is_posted_at_once_and_edited_sentence_by_sentence(writer, chat_server):
    chat_server.reply = f"{GROUNDED} {SECOND}"
    chat_server.hold = threading.Event()
    chat_server.hold_after = len(GROUNDED) + 10  # the model stops after a word of the second
    writer.send.event(mention(QUESTION, "300.1"))

    draft = writer.fake.wait_for("chat.postMessage")
    assert draft["thread_ts"] == "300.1"
    assert texts(draft.blocks) == f"_{WRITING}_" and not buttons(draft.blocks)
    # The first sentence replaces nothing but the wait: it is shown while the model is held.
    first = writer.fake.wait_for("chat.update", lambda c: GROUNDED in texts(c.blocks))
    assert not chat_server.hold.is_set()
    assert first["ts"] == draft.reply["ts"]
    assert WRITING in texts(first.blocks) and not buttons(first.blocks)

    chat_server.hold.set()
    final = writer.fake.wait_for("chat.update", lambda c: bool(buttons(c.blocks)))
    writer.settle()
    assert not chat_server.held_out
    assert final["ts"] == draft.reply["ts"]
    body = texts(final.blocks)
    assert body.startswith(f"{GROUNDED} {SECOND}") and WRITING not in body
    assert "/api/documents/" in body  # the sources, linked to their pages
    assert set(buttons(final.blocks)) >= {ACTION_VOTE_UP}
    assert len(writer.fake.posts("chat.postMessage")) == 1  # one message, edited in place
    # Recorded like any Slack answer: the button's id is the analytics answer id.
    answer_id = buttons(final.blocks)[ACTION_VOTE_UP]
    row = writer.services.analytics.answer_row(answer_id)
    assert row is not None and row["channel"] == "slack"


def test_a_sentence_taken_back_disappears_from_the_draft(writer, chat_server):
    chat_server.reply = f"{GROUNDED} Hakemukset on jätettävä 31.12.2099 mennessä. Kiitos."
    writer.send.event(mention(QUESTION, "301.1"))
    writer.settle()

    shown = [texts(u.blocks) for u in updates(writer.fake)]
    first = next(i for i, t in enumerate(shown) if GROUNDED in t)
    # Then the draft is emptied (the "reset"), before the extractive answer replaces it.
    assert shown[first + 1] == f"_{WRITING}_"
    final = shown[-1]
    assert "2099" not in final and GROUNDED not in final
    assert PHONE in final and "“" in final  # the quoted sentences, extractive
    assert all("2099" not in t for t in shown)  # never shown, not even for a moment


def test_a_draft_that_cannot_be_edited_is_answered_anew(writer, chat_server):
    chat_server.reply = GROUNDED
    writer.fake.failures[("chat.update", ALLOWED)] = "message_not_found"  # someone deleted it
    writer.send.event(mention(QUESTION, "302.1"))
    writer.settle()

    first, again = writer.fake.posts("chat.postMessage")
    assert texts(first.blocks) == f"_{WRITING}_"
    assert texts(again.blocks).startswith(GROUNDED) and buttons(again.blocks)
    assert again["thread_ts"] == "302.1"
    assert not writer.fake.posts("chat.delete")  # nothing left to delete


def test_a_rate_limited_edit_waits_and_is_made(writer, chat_server):
    chat_server.reply = GROUNDED
    writer.fake.rate_limited["chat.update"] = 1  # Slack answers 429, Retry-After: 0
    writer.send.event(mention(QUESTION, "305.1"))
    writer.settle()

    limited, retried, *_, final = updates(writer.fake)
    assert limited.reply == {"status": 429} and retried.reply["ok"]
    assert retried.args == limited.args  # the same edit, made once Slack allowed it
    assert final["ts"] == limited["ts"]
    assert texts(final.blocks).startswith(GROUNDED) and buttons(final.blocks)
    assert len(writer.fake.posts("chat.postMessage")) == 1  # the draft became the answer


def test_a_draft_that_will_not_take_the_answer_is_deleted_and_answered_anew(writer, chat_server):
    chat_server.reply = GROUNDED
    writer.fake.failures[("chat.update", ALLOWED)] = "msg_blocks_too_long"
    writer.send.event(mention(QUESTION, "306.1"))
    writer.settle()

    draft, again = writer.fake.posts("chat.postMessage")
    (deleted,) = writer.fake.posts("chat.delete")
    assert deleted["ts"] == draft.reply["ts"]  # no half-written answer stays in the thread
    assert texts(again.blocks).startswith(GROUNDED) and buttons(again.blocks)


def test_a_refusal_is_posted_once_without_a_draft(writer, chat_server):
    writer.send.event(mention("Mikä on Ranskan pääkaupunki?", "303.1"))
    writer.settle()

    (post,) = writer.fake.posts("chat.postMessage")
    assert WRITING not in texts(post.blocks) and buttons(post.blocks)
    assert not updates(writer.fake) and not chat_server.requests  # the model was not asked


def test_a_failing_model_server_still_gets_the_extractive_answer(writer, chat_server, monkeypatch):
    monkeypatch.setattr(messages, "DRAFT_UPDATE_S", 1.0)  # the pacing the bot runs with
    chat_server.status = 500
    writer.send.event(mention(QUESTION, "304.1"))
    writer.settle()

    # The extractive answer comes a word at a time within the second: no edit per word, one
    # edit with the finished answer.
    (final,) = updates(writer.fake)
    assert PHONE in texts(final.blocks) and buttons(final.blocks)
    assert len(writer.fake.posts("chat.postMessage")) == 1


def test_slash_command_says_at_once_that_the_answer_is_being_written(writer, chat_server):
    chat_server.reply = GROUNDED
    r = writer.send.command("Mikä on Antti Hiedan puhelinnumero?")
    assert ack_text(r) == WRITING
    note = writer.fake.wait_for("chat.postEphemeral")
    assert texts(note.blocks).startswith(GROUNDED)
