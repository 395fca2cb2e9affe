"""Everything the Slack bot can be told, in one place.

The values come from ``hakuapu/settings.py`` (``HAKUAPU_SLACK_*``); this module turns them into
decisions (which mode, which channels, who is staff) and holds the bot's fixed names.

    HAKUAPU_SLACK_BOT_TOKEN       xoxb-… bot token (required)
    HAKUAPU_SLACK_SIGNING_SECRET  signing secret; HTTP mode checks every request with it
    HAKUAPU_SLACK_APP_TOKEN       xapp-… app-level token (connections:write); Socket Mode only
    HAKUAPU_SLACK_MODE            auto (default: Socket Mode when an app-level token is set), http,
                                  socket
    HAKUAPU_SLACK_API_URL         Web API base URL, https://slack.com/api/ (tests use a local one)
    HAKUAPU_SLACK_CHANNELS        channel ids the bot answers in, comma-separated; empty: all
    HAKUAPU_SLACK_STAFF           user ids (or channel ids) allowed /hakuapu status and reingest
    HAKUAPU_PUBLIC_URL            base of citation links; http://localhost:8000 when empty
"""

from __future__ import annotations

from dataclasses import dataclass

from hakuapu.settings import Settings

COMMAND = "/hakuapu"
EVENTS_PATH = "/slack/events"
DEFAULT_PORT = 3000
# Where citation links point when HAKUAPU_PUBLIC_URL is empty (the default `make run` server).
DEFAULT_LINK_BASE = "http://localhost:8000"

ACTION_VOTE_UP = "hakuapu_vote_up"
ACTION_VOTE_DOWN = "hakuapu_vote_down"
ACTION_SHARE = "hakuapu_share"

# State, in the shared database: events already seen (Slack retries for up to ~1 hour), threads
# the bot answered in (for follow-ups), answers kept for "share in channel".
SEEN_TTL_S = 2 * 3600
ANSWERS_TTL_S = 24 * 3600  # a private answer's "share" button works for a day
WORKERS = 8
# A generated answer is posted at once and edited (chat.update) as sentences come, at most this
# often: Slack allows about one edit a second per message.
DRAFT_UPDATE_S = 1.0


class SlackConfigError(ValueError):
    pass


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str
    signing_secret: str
    app_token: str
    api_url: str
    mode_setting: str
    channels: frozenset[str]
    staff: frozenset[str]
    link_base: str

    @classmethod
    def from_settings(cls, s: Settings) -> SlackConfig:
        api_url = s.slack_api_url or "https://slack.com/api/"
        return cls(
            bot_token=s.slack_bot_token,
            signing_secret=s.slack_signing_secret,
            app_token=s.slack_app_token,
            api_url=api_url if api_url.endswith("/") else api_url + "/",
            mode_setting=s.slack_mode,
            channels=frozenset(s.slack_channels),
            staff=frozenset(s.slack_staff),
            link_base=s.public_url or DEFAULT_LINK_BASE,
        )

    @property
    def mode(self) -> str:
        """``socket`` or ``http``: "auto" means Socket Mode exactly when an app token is given."""
        if self.mode_setting == "auto":
            return "socket" if self.app_token else "http"
        return self.mode_setting

    def check(self, mode: str | None = None) -> None:
        """Raise with every missing setting, so a misconfigured bot never half-starts."""
        mode = mode or self.mode
        missing = []
        if not self.bot_token:
            missing.append("HAKUAPU_SLACK_BOT_TOKEN")
        if mode == "socket" and not self.app_token:
            missing.append("HAKUAPU_SLACK_APP_TOKEN (Socket Mode)")
        if mode == "http" and not self.signing_secret:
            missing.append("HAKUAPU_SLACK_SIGNING_SECRET (HTTP mode)")
        if missing:
            raise SlackConfigError("Slack settings missing: " + ", ".join(missing))

    def allows_channel(self, channel: str, channel_type: str = "") -> bool:
        """Direct messages are always allowed; channels when listed (or when none are)."""
        if channel_type == "im" or channel.startswith("D"):
            return True
        return not self.channels or channel in self.channels

    def is_staff(self, user: str, channel: str = "") -> bool:
        """Staff are listed users, or anyone in a listed (staff) channel."""
        return user in self.staff or (bool(channel) and channel in self.staff)
