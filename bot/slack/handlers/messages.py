"""@mentions in channels, direct messages, and follow-ups in threads the bot answered in.

One user message gets at most one answer: the mention and the message event Slack sends for the
same text, and any retry of either, are claimed by (channel, ts) and client_msg_id.
"""

from __future__ import annotations

import logging
import time

from slack_sdk.errors import SlackApiError

from bot.models import Answer
from bot.slack.blocks import draft_message
from bot.slack.config import DRAFT_UPDATE_S
from bot.slack.formatting import clean_question, mentions
from bot.slack.handlers.common import conversation_id, render, tell_privately
from bot.slack.texts import st
from ingest.language import detect_language

log = logging.getLogger(__name__)

# Message subtypes that are still a person writing; edits, joins, bot posts and the like are not.
_PERSON_SUBTYPES = {None, "thread_broadcast", "file_share"}


def register(bot) -> None:
    @bot.app.event("app_mention")
    def on_mention(event, context, client):
        handle_mention(bot, event, context.bot_user_id, client)

    @bot.app.event("message")
    def on_message(event, context, client):
        handle_message(bot, event, context.bot_user_id, client)


def _from_person(event: dict) -> bool:
    return (
        event.get("subtype") in _PERSON_SUBTYPES
        and not event.get("bot_id")
        and bool(event.get("user"))
    )


def _claim(bot, event: dict) -> bool:
    return bot.seen.claim(
        f"msg:{event.get('channel')}:{event.get('ts')}",
        f"cmid:{event['client_msg_id']}" if event.get("client_msg_id") else None,
    )


def handle_mention(bot, event: dict, bot_user_id: str | None, client) -> None:
    if not _from_person(event):
        return
    channel, user = event["channel"], event["user"]
    question = clean_question(event.get("text", ""), bot_user_id)
    if not bot.config.allows_channel(channel, event.get("channel_type", "")):
        if _claim(bot, event):
            lang = detect_language(question) if question else "fi"
            tell_privately(client, channel=channel, user=user, text=st("not_here", lang))
        return
    if not _claim(bot, event):
        return
    thread_ts = event.get("thread_ts") or event["ts"]
    answer_in(bot, client, channel, thread_ts, question, conversation_id(channel, thread_ts))


def handle_message(bot, event: dict, bot_user_id: str | None, client) -> None:
    if not _from_person(event):
        return
    channel = event.get("channel", "")
    text = event.get("text") or ""
    thread_ts = event.get("thread_ts")
    if event.get("channel_type") == "im":
        if not _claim(bot, event):
            return
        question = clean_question(text, bot_user_id)
        answer_in(bot, client, channel, thread_ts, question, conversation_id(channel, thread_ts))
        return
    # In channels, only follow-ups in a thread the bot answered in, not addressed to someone
    # else; a message that mentions the bot is answered through its app_mention event.
    if not thread_ts or thread_ts == event.get("ts"):
        return
    named = mentions(text)
    if named:
        return
    if f"{channel}:{thread_ts}" not in bot.threads:
        return
    if not bot.config.allows_channel(channel, event.get("channel_type", "")):
        return
    if not _claim(bot, event):
        return
    question = clean_question(text, bot_user_id)
    answer_in(bot, client, channel, thread_ts, question, conversation_id(channel, thread_ts))


def answer_in(bot, client, channel: str, thread_ts: str | None, question: str, conv: str) -> None:
    """Answer and post in the thread (top level of a DM when ``thread_ts`` is None)."""
    where = {"thread_ts": thread_ts} if thread_ts else {}
    if bot.generates:
        posted = write_in(bot, client, channel, where, question, conv)
    else:
        try:
            answer = bot.answer(question, conversation_id=conv)
        except Exception:  # noqa: BLE001 - the user hears that it failed; the log says why
            log.exception("slack: answering failed in %s", channel)
            lang = detect_language(question) if question else "fi"
            client.chat_postMessage(channel=channel, text=st("error", lang), **where)
            return
        client.chat_postMessage(
            channel=channel, unfurl_links=False, unfurl_media=False, **where, **render(bot, answer)
        )
        posted = True
    if posted and thread_ts:
        bot.threads.put(f"{channel}:{thread_ts}")


def write_in(bot, client, channel: str, where: dict, question: str, conv: str) -> bool:
    """A generated answer, as the web widget shows it: a draft is posted as soon as the model
    starts, edited as checked sentences come (emptied again when the model's text is taken
    back), and replaced by the finished answer with its sources and buttons."""
    draft = _Draft(client, channel, where)
    lang = None
    try:
        for event in bot.stream(question, conversation_id=conv):
            kind = event["event"]
            if kind == "meta":
                lang = event["language"]
                if event.get("generating"):
                    draft.start(lang)
            elif kind == "delta":
                draft.add(event["text"])
            elif kind == "reset":
                draft.take_back()
            elif kind == "done":
                draft.finish(render(bot, Answer.model_validate(event["answer"])))
                return True
    except Exception:  # noqa: BLE001 - the user hears that it failed; the log says why
        log.exception("slack: answering failed in %s", channel)
        lang = lang or (detect_language(question) if question else "fi")
        draft.finish({"text": st("error", lang)})
    return False


class _Draft:
    """One message edited in place. If it was deleted, the finished answer is posted anew; if it
    will not take the answer, it is deleted first, so no half answer stays in the thread."""

    def __init__(self, client, channel: str, where: dict):
        self.client, self.channel, self.where = client, channel, where
        self.ts: str | None = None
        self.lang = "fi"
        self.text = self.shown = ""
        self.edited = 0.0

    def start(self, lang: str) -> None:
        self.lang = lang
        try:
            reply = self.client.chat_postMessage(
                channel=self.channel, **self.where, **draft_message("", lang)
            )
            self.ts = reply["ts"]
        except SlackApiError as err:
            log.info("slack: draft in %s failed: %s", self.channel, err.response.get("error"))
        self.edited = time.monotonic()

    def add(self, text: str) -> None:
        self.text += text
        if time.monotonic() - self.edited >= DRAFT_UPDATE_S:
            self._show()

    def take_back(self) -> None:
        self.text = ""
        self._show()

    def _show(self) -> None:
        if self.ts is None or self.text == self.shown:
            return
        if self._edit(draft_message(self.text, self.lang)):
            self.shown = self.text
        self.edited = time.monotonic()

    def finish(self, message: dict) -> None:
        message = {"unfurl_links": False, "unfurl_media": False, **message}
        if self.ts is not None and self._edit(message):
            return
        if self.ts is not None:  # still there but not editable now: no half answer left behind
            try:
                self.client.chat_delete(channel=self.channel, ts=self.ts)
            except SlackApiError as err:
                log.info("slack: deleting draft %s failed: %s", self.ts, err.response.get("error"))
        self.client.chat_postMessage(channel=self.channel, **self.where, **message)

    def _edit(self, message: dict) -> bool:
        try:
            self.client.chat_update(channel=self.channel, ts=self.ts, **message)
            return True
        except SlackApiError as err:
            error = err.response.get("error")
            log.info("slack: editing %s in %s failed: %s", self.ts, self.channel, error)
            if error in _GONE:
                self.ts = None
            return False


# chat.update errors after which the draft is no more (deleted, or no longer the bot's to edit).
_GONE = {"message_not_found", "cant_update_message", "channel_not_found", "is_archived"}
