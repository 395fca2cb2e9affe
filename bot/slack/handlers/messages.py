"""@mentions in channels, direct messages, and follow-ups in threads the bot answered in.

One user message gets at most one answer: the mention and the message event Slack sends for the
same text, and any retry of either, are claimed by (channel, ts) and client_msg_id.
"""

from __future__ import annotations

import logging

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
    if thread_ts:
        bot.threads.put(f"{channel}:{thread_ts}")
