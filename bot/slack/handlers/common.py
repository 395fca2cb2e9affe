"""Posting helpers shared by the handlers."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.models import Answer
from bot.slack.blocks import answer_blocks, fallback_text

log = logging.getLogger(__name__)


def conversation_id(channel: str, thread_ts: str | None) -> str:
    """A Slack thread is one conversation; a DM outside threads is one too."""
    return f"slack:{channel}:{thread_ts}" if thread_ts else f"slack:{channel}"


def render(bot, answer: Answer, **kw) -> dict:
    return {
        "text": fallback_text(answer),
        "blocks": answer_blocks(
            answer, call=bot.call(answer.call_id), link_base=bot.config.link_base, **kw
        ),
    }


def tell_privately(client, *, channel: str, user: str, respond=None, thread_ts=None, **message):
    """An ephemeral message; through the response_url when the bot may not post in the channel
    (a slash command in a channel it was never invited to, a DM between two people)."""
    try:
        kwargs = {"thread_ts": thread_ts} if thread_ts else {}
        client.chat_postEphemeral(channel=channel, user=user, **kwargs, **message)
        return
    except SlackApiError as err:
        if respond is None:
            log.warning("slack: chat.postEphemeral in %s failed: %s", channel, err.response)
            return
        log.info(
            "slack: chat.postEphemeral in %s failed (%s); using response_url",
            channel,
            err.response.get("error"),
        )
    respond(response_type="ephemeral", replace_original=False, **message)
