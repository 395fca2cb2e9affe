"""Button clicks: 👍 / 👎 feedback (same store as the web widget) and "share in channel"."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.analytics import UnknownAnswer
from bot.slack.config import ACTION_SHARE, ACTION_VOTE_DOWN, ACTION_VOTE_UP
from bot.slack.handlers.common import render, tell_privately
from bot.slack.texts import st

log = logging.getLogger(__name__)


def register(bot) -> None:
    @bot.app.action(ACTION_VOTE_UP)
    def on_up(ack, body, action, respond, client):
        ack()
        handle_vote(bot, body, action, +1, respond, client)

    @bot.app.action(ACTION_VOTE_DOWN)
    def on_down(ack, body, action, respond, client):
        ack()
        handle_vote(bot, body, action, -1, respond, client)

    @bot.app.action(ACTION_SHARE)
    def on_share(ack, body, action, respond, client):
        ack()
        handle_share(bot, body, action, respond, client)


def _language(bot, answer_id: str) -> str:
    cached = bot.answers.get(answer_id)
    if cached is not None:
        return cached.language
    try:
        row = bot.services.analytics.answer_row(answer_id)
    except Exception:  # noqa: BLE001
        row = None
    return row["language"] if row else "fi"


def _reply(bot, body: dict, respond, client, text: str) -> None:
    """A private note to whoever clicked, under the message they clicked on."""
    user = body["user"]["id"]
    channel = (body.get("channel") or {}).get("id") or body.get("container", {}).get("channel_id")
    container = body.get("container") or {}
    if container.get("is_ephemeral") or not channel:
        respond(text=text, response_type="ephemeral", replace_original=False)
        return
    thread_ts = (body.get("message") or {}).get("thread_ts")
    tell_privately(
        client, channel=channel, user=user, respond=respond, thread_ts=thread_ts, text=text
    )


def handle_vote(bot, body: dict, action: dict, vote: int, respond, client) -> None:
    answer_id = action.get("value", "")
    user = body["user"]["id"]
    lang = _language(bot, answer_id)
    if not bot.seen.claim(f"vote:{answer_id}:{user}"):
        _reply(bot, body, respond, client, st("already_voted", lang))
        return
    try:
        bot.services.analytics.add_feedback(answer_id, vote, channel="slack")
        text = st("thanks", lang)
    except UnknownAnswer:
        text = st("feedback_failed", lang)
    _reply(bot, body, respond, client, text)


def handle_share(bot, body: dict, action: dict, respond, client) -> None:
    """Post a private answer in the channel for everyone, then remove the private copy."""
    answer = bot.answers.get(action.get("value", ""))
    user = body["user"]["id"]
    if answer is None:
        lang = _language(bot, action.get("value", ""))
        respond(text=st("share_expired", lang), response_type="ephemeral", replace_original=False)
        return
    channel = (body.get("channel") or {}).get("id")
    try:
        client.chat_postMessage(
            channel=channel,
            unfurl_links=False,
            unfurl_media=False,
            **render(bot, answer, shared_by=user, show_question=True),
        )
    except SlackApiError as err:
        log.info("slack: sharing in %s failed: %s", channel, err.response.get("error"))
        text = st("share_failed", answer.language)
        respond(text=text, response_type="ephemeral", replace_original=False)
        return
    respond(delete_original=True)
