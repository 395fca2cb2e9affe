"""The Slack door: staff ask in channels, DMs and threads, with citations and feedback.

``mount(app, services)`` serves it inside the FastAPI app at ``/slack/events``;
``hakuapu slack`` runs it on its own port or over Socket Mode (see ``listener.py``).
"""

from bot.slack.listener import SlackBot, mount, runner, serve

__all__ = ["SlackBot", "mount", "runner", "serve"]
