"""Slack as the bot sees it, for real: signed HTTP requests in, Web API calls out.

- ``FakeSlack`` plays Slack's Web API (and response_url endpoints) on a local port; the bot's
  ``WebClient(base_url=...)`` talks to it (HAKUAPU_SLACK_API_URL) and every call is recorded.
- ``SlackSender`` signs requests with the signing secret (HMAC SHA256 over ``v0:{ts}:{body}``)
  and posts them over HTTP to the FastAPI app the bot is mounted in.
- The answers come from the real index of corpus/ (session fixture ``corpus``), real model.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from slack_fake import ALLOWED, BOT_TOKEN, SECRET, STAFF_USER, FakeSlack, SlackSender

from bot.slack import SlackBot, mount
from bot.slack.handlers import messages
from hakuapu.services import Services


def slack_settings(settings, fake: FakeSlack, data_dir, **extra):
    """The session's corpus settings plus Slack ones, with an analytics database of our own."""
    update = {
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.api_url,
        "slack_staff": [STAFF_USER],
        "database_url": f"sqlite:///{data_dir / 'slack-analytics.db'}",
        "public_url": "https://hakuapu.example.fi",
        **extra,
    }
    return settings.model_copy(update=update)


@dataclass
class SlackRig:
    fake: FakeSlack
    bot: SlackBot
    send: SlackSender
    services: Services

    def settle(self) -> None:
        """Every answer the bot started is posted (no fixed sleeps)."""
        assert self.bot.wait_idle(120), "the bot is still busy"


@pytest.fixture(scope="session")
def fake_slack():
    fake = FakeSlack()
    yield fake
    fake.close()


def _rig(fake, settings) -> tuple[SlackRig, TestClient]:
    services = Services(settings)
    app = FastAPI()
    bot = mount(app, services)
    client = TestClient(app)
    return SlackRig(fake, bot, SlackSender(client, fake), services), client


@pytest.fixture(scope="session")
def _slack_session(corpus, fake_slack, tmp_path_factory):
    data = tmp_path_factory.mktemp("slack")
    settings = slack_settings(corpus.settings, fake_slack, data, slack_channels=[ALLOWED])
    rig, client = _rig(fake_slack, settings)
    with client:
        yield rig
    rig.bot.close()


@pytest.fixture
def slack(_slack_session):
    """The bot over the corpus index, mounted in FastAPI; Web API calls start empty each test."""
    _slack_session.settle()
    _slack_session.fake.reset()
    yield _slack_session
    _slack_session.settle()


@pytest.fixture
def another_process(slack):
    """A second bot process over the same settings and database (behind a load balancer)."""
    rig, client = _rig(slack.fake, slack.services.settings)
    with client:
        yield rig
    rig.settle()
    rig.bot.close()


@pytest.fixture
def make_slack(fake_slack):
    """A bot over another installation (``make_env``), e.g. to re-ingest without touching corpus."""
    made = []

    def make(env, **extra) -> SlackRig:
        fake_slack.reset()
        settings = slack_settings(env.settings, fake_slack, env.root, **extra)
        rig, client = _rig(fake_slack, settings)
        made.append((rig, client))
        return rig

    yield make
    for rig, client in made:
        rig.settle()
        rig.bot.close()
        client.close()


@pytest.fixture
def writer(corpus, fake_slack, chat_server, tmp_path, monkeypatch):
    """A bot whose answers an LLM writes; every sentence shown as it comes (no edit pacing)."""
    monkeypatch.setattr(messages, "DRAFT_UPDATE_S", 0.0)
    chat_server.requests.clear()
    chat_server.status, chat_server.hold, chat_server.held_out = 200, None, False
    settings = slack_settings(
        corpus.settings,
        fake_slack,
        tmp_path,
        slack_channels=[ALLOWED],
        llm="openai",
        llm_url=chat_server.url,
    )
    fake_slack.reset()
    rig, client = _rig(fake_slack, settings)
    with client:
        yield rig
        if chat_server.hold is not None:
            chat_server.hold.set()
        rig.settle()
    rig.bot.close()
