"""How the bot runs: Socket Mode or HTTP as the settings say; ``hakuapu slack`` on its own port."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fastapi import FastAPI
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_fake import BOT_TOKEN, BOT_USER, SECRET, signature
from test_slack_messages import texts

from bot.slack import SlackBot, mount, runner
from bot.slack.config import SlackConfig, SlackConfigError
from hakuapu.cli import main
from hakuapu.services import Services
from hakuapu.settings import Settings


def settings(tmp_path, **kw) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus", **kw)


@pytest.mark.parametrize(
    ("app_token", "mode", "chosen"),
    [
        ("xapp-1-A", "auto", "socket"),
        ("", "auto", "http"),
        ("xapp-1-A", "http", "http"),
        ("xapp-1-A", "socket", "socket"),
    ],
)
def test_mode_follows_the_settings(tmp_path, app_token, mode, chosen):
    s = settings(tmp_path, slack_app_token=app_token, slack_mode=mode)
    assert SlackConfig.from_settings(s).mode == chosen


def test_missing_settings_are_named(tmp_path):
    with pytest.raises(SlackConfigError, match="HAKUAPU_SLACK_APP_TOKEN"):
        SlackConfig.from_settings(settings(tmp_path, slack_mode="socket")).check()
    with pytest.raises(SlackConfigError, match="BOT_TOKEN.*SIGNING_SECRET"):
        SlackConfig.from_settings(settings(tmp_path)).check()
    no_secret = settings(tmp_path, slack_bot_token=BOT_TOKEN)
    with pytest.raises(SlackConfigError, match="SIGNING_SECRET"):
        mount(FastAPI(), Services(no_secret))
    no_token = settings(tmp_path, slack_signing_secret=SECRET)
    with pytest.raises(SlackConfigError, match="HAKUAPU_SLACK_BOT_TOKEN"):
        mount(FastAPI(), Services(no_token))


def test_socket_mode_runner_uses_the_app_token_and_our_web_api(tmp_path, fake_slack):
    s = settings(
        tmp_path,
        slack_bot_token=BOT_TOKEN,
        slack_app_token="xapp-1-A0-123",
        slack_api_url=fake_slack.api_url,
    )
    bot = SlackBot(Services(s))
    handler = runner(bot)
    try:
        assert isinstance(handler, SocketModeHandler)
        assert handler.app is bot.app
        assert handler.client.app_token == "xapp-1-A0-123"
        assert handler.client.web_client.base_url == fake_slack.api_url
    finally:
        handler.close()
        bot.close()


def test_http_runner_serves_on_the_given_port(tmp_path, fake_slack):
    s = settings(
        tmp_path,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SECRET,
        slack_app_token="xapp-ignored",
        slack_mode="http",
        slack_api_url=fake_slack.api_url,
    )
    bot = SlackBot(Services(s))
    server = runner(bot, port=3456)
    assert type(server).__name__ == "Server" and server.config.port == 3456
    bot.close()


def test_env_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("HAKUAPU_SLACK_CHANNELS", "C01, C02,G03")
    monkeypatch.setenv("HAKUAPU_SLACK_STAFF", "U01")
    s = Settings()
    assert s.slack_channels == ["C01", "C02", "G03"] and s.slack_staff == ["U01"]
    config = SlackConfig.from_settings(s)
    assert config.allows_channel("C02") and not config.allows_channel("C09")
    assert config.allows_channel("D09", "im")  # DMs always
    assert config.is_staff("U01") and not config.is_staff("U02", "C01")
    assert SlackConfig.from_settings(Settings(slack_staff=["C77"])).is_staff("U02", "C77")


def test_cli_refuses_to_start_half_configured(monkeypatch, capsys):
    for key in list(os.environ):
        if key.startswith("HAKUAPU_SLACK_"):
            monkeypatch.delenv(key)
    assert main(["slack"]) == 2
    assert "HAKUAPU_SLACK_BOT_TOKEN" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, log, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise AssertionError(f"hakuapu slack exited: {log.read()}")
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("hakuapu slack did not start")


def _post(url: str, body: str, secret: str = SECRET) -> tuple[int, str]:
    ts = str(int(time.time()))
    req = urllib.request.Request(
        url,
        data=body.encode(),
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature(secret, ts, body),
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.mark.slow
def test_hakuapu_slack_serves_signed_events_on_its_own_port(corpus, fake_slack, tmp_path):
    """The real command in its own process, over TCP: auth.test at start, a DM answered."""
    fake_slack.reset()
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HAKUAPU_")},
        "HAKUAPU_DATA_DIR": str(corpus.settings.data_dir),  # read only: nothing is ingested
        "HAKUAPU_CORPUS_DIR": str(corpus.settings.corpus_dir),
        "HAKUAPU_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "HAKUAPU_TODAY": "2025-04-01",
        "HAKUAPU_SLACK_BOT_TOKEN": BOT_TOKEN,
        "HAKUAPU_SLACK_SIGNING_SECRET": SECRET,
        "HAKUAPU_SLACK_API_URL": fake_slack.api_url,
    }
    log = open(tmp_path / "slack.log", "w+")  # noqa: SIM115 - read back at the end
    proc = subprocess.Popen(
        [sys.executable, "-m", "hakuapu.cli", "slack", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/health", proc, log)
        assert fake_slack.wait_for("auth.test")  # the token was checked at start
        challenge = json.dumps({"type": "url_verification", "challenge": "c-9"})
        status, body = _post(f"{base}/slack/events", challenge)
        assert (status, json.loads(body)) == (200, {"challenge": "c-9"})
        assert _post(f"{base}/slack/events", challenge, secret="wrong")[0] == 401
        event = {
            "type": "event_callback",
            "team_id": "T0TEAM",
            "event_id": "EvCLI1",
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": "DCLI",
                "user": "UALICE",
                "text": "How much funding is available in the coordination call?",
                "ts": "500.1",
            },
        }
        assert _post(f"{base}/slack/events", json.dumps(event))[0] == 200
        post = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == "DCLI")
        assert "2.1 million euros" in texts(post.blocks)
        # HAKUAPU_PUBLIC_URL is empty: links point at the default local server.
        assert (
            "<http://localhost:8000/api/documents/hakuilmoitus-koordinaatio-2025.pdf#page=4|"
            in (texts(post.blocks))
        )
        assert BOT_USER not in post["text"]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    log.seek(0)
    output = log.read()
    log.close()
    assert proc.returncode == 0, output
    assert f"http://127.0.0.1:{port}/slack/events" in output


def test_manifest_points_everything_at_the_one_endpoint():
    import yaml

    from bot.slack.config import COMMAND, EVENTS_PATH

    repo = Path(__file__).resolve().parents[3]
    manifest = yaml.safe_load((repo / "bot" / "manifest.yaml").read_text(encoding="utf-8"))
    settings_ = manifest["settings"]
    urls = {
        settings_["event_subscriptions"]["request_url"],
        settings_["interactivity"]["request_url"],
        *(c["url"] for c in manifest["features"]["slash_commands"]),
    }
    assert urls == {f"https://YOUR-HOST{EVENTS_PATH}"}
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [COMMAND]
    assert settings_["interactivity"]["is_enabled"] is True
    events = set(settings_["event_subscriptions"]["bot_events"])
    assert {"app_mention", "message.im", "message.channels"} <= events
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {
        "app_mentions:read",
        "chat:write",
        "im:history",
        "commands",
        "channels:history",
    } <= scopes


def test_the_web_api_serves_the_bot_when_a_signing_secret_is_set(slack, tmp_path):
    """api/app.py ``create_app`` mounts the bot at /slack/events (and only when configured)."""
    from fastapi.testclient import TestClient
    from slack_fake import SlackSender

    from api.app import create_app

    app = create_app(slack.services.settings, services=slack.services)
    send = SlackSender(TestClient(app), slack.fake)
    assert send.event({"type": "app_mention"}, secret="forged").status_code == 401
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "DAPI",
        "user": "UALICE",
        "text": "How much funding is available in the coordination call?",
        "ts": "600.1",
    }
    assert send.event(dm).status_code == 200
    post = slack.fake.wait_for("chat.postMessage", lambda c: c["channel"] == "DAPI")
    assert "hakuilmoitus-koordinaatio-2025.pdf#page=4" in texts(post.blocks)
    app.state.slack.close()

    plain = create_app(settings(tmp_path))
    assert "/slack/events" not in {getattr(r, "path", "") for r in plain.routes}
