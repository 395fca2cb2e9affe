"""Deciding what to do with what Slack sends: messages, the slash command, button clicks."""

from __future__ import annotations


def register(bot) -> None:
    from bot.slack.handlers import actions, commands, messages

    messages.register(bot)
    commands.register(bot)
    actions.register(bot)
