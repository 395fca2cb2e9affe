"""Slack's side of the protocol for the bot tests: a fake Web API and signed requests."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fastapi.testclient import TestClient

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-0000-test"
BOT_USER = "UBOT"
BOT_ID = "BBOT"
TEAM = "T0TEAM"
STAFF_USER = "USTAFF"
ALLOWED = "CALLOWED"  # the channel allowlist of the main bot
OTHER = "COTHER"  # a channel the main bot does not answer in


@dataclass
class ApiCall:
    method: str
    args: dict
    headers: dict = field(default_factory=dict)
    reply: dict = field(default_factory=dict)  # what the fake answered (e.g. a message's ts)

    def __getitem__(self, key):
        return self.args[key]

    def get(self, key, default=None):
        return self.args.get(key, default)

    @property
    def blocks(self) -> list[dict]:
        blocks = self.args.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks


class FakeSlack:
    """A threaded HTTP server answering like Slack's Web API; records every call."""

    def __init__(self):
        self.calls: list[ApiCall] = []
        self.failures: dict[tuple[str, str], str] = {}  # (method, channel) -> error
        self.rate_limited: dict[str, int] = {}  # method -> how many calls get HTTP 429 first
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype and raw:
                    args = json.loads(raw)
                else:
                    args = {k: v[-1] for k, v in urllib.parse.parse_qs(raw).items()}
                path = self.path.split("?")[0]
                method = path.removeprefix("/api/")
                if fake._limited(method):  # "slow down": HTTP 429 with Retry-After
                    fake._record(ApiCall(method, args, dict(self.headers), {"status": 429}))
                    out = json.dumps({"ok": False, "error": "ratelimited"}).encode()
                    self.send_response(429)
                    self.send_header("Retry-After", "0")
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(out)))
                    self.end_headers()
                    self.wfile.write(out)
                    return
                if path.startswith("/api/"):
                    method = path.removeprefix("/api/")
                    reply = fake._reply(method, args)
                    out = json.dumps(reply).encode()
                    ctype_out = "application/json"
                else:  # a response_url
                    method, args, reply = "response", {**args, "url": path}, {}
                    out, ctype_out = b"ok", "text/plain"
                fake._record(ApiCall(method, args, dict(self.headers), reply))
                self.send_response(200)
                self.send_header("Content-Type", ctype_out)
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.api_url = f"{self.url}/api/"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def _reply(self, method: str, args: dict) -> dict:
        error = self.failures.get((method, args.get("channel", "")))
        if error:
            return {"ok": False, "error": error}
        ts = f"1700000000.{next(self._ts):06d}"
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://hakuapu-test.slack.com/",
                "team": "Hakuapu test",
                "user": "hakuapu",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            return {"ok": True, "channel": args.get("channel"), "ts": ts, "message": args}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method.startswith("views."):
            return {"ok": True, "view": {"id": "V0001", **args.get("view", {})}}
        return {"ok": True}

    def _limited(self, method: str) -> bool:
        with self._cond:
            if self.rate_limited.get(method, 0) > 0:
                self.rate_limited[method] -= 1
                return True
            return False

    def _record(self, call: ApiCall) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.url}/response/{name}"

    def reset(self) -> None:
        with self._cond:
            self.calls.clear()
            self.failures.clear()
            self.rate_limited.clear()

    def posts(self, method: str | None = None) -> list[ApiCall]:
        """Everything the bot said (auth.test left out)."""
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method != "auth.test" and (method is None or c.method == method)
            ]

    def wait_for(
        self, method: str, pred: Callable[[ApiCall], bool] = lambda c: True, timeout: float = 60
    ) -> ApiCall:
        """The first matching call, waiting for it without fixed sleeps."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for c in self.calls:
                    if c.method == method and pred(c):
                        return c
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.args.get("channel")) for c in self.calls]
                    raise AssertionError(f"no {method} call within {timeout} s; calls: {seen}")
                self._cond.wait(left)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def signature(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackSender:
    """Slack's side of the HTTP protocol: signed events, slash commands and button clicks."""

    _ids = itertools.count(1)

    def __init__(self, client: TestClient, fake: FakeSlack, path: str = "/slack/events"):
        self.client = client
        self.fake = fake
        self.path = path

    def post(self, body: str, content_type: str, *, timestamp=None, secret=SECRET, headers=None):
        ts = str(int(time.time()) if timestamp is None else timestamp)
        h = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature(secret, ts, body),
            **(headers or {}),
        }
        return self.client.post(self.path, content=body.encode(), headers=h)

    def event(self, event: dict, *, event_id: str | None = None, retry: int | None = None, **kw):
        envelope = {
            "token": "legacy-unused",
            "team_id": TEAM,
            "api_app_id": "A0HAKUAPU",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        }
        headers = dict(kw.pop("headers", None) or {})
        if retry:
            headers.update(
                {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            )
        return self.post(json.dumps(envelope), "application/json", headers=headers, **kw)

    def command(self, text: str, *, user="UALICE", channel=ALLOWED, response="cmd", **kw):
        form = {
            "token": "legacy-unused",
            "team_id": TEAM,
            "team_domain": "hakuapu-test",
            "channel_id": channel,
            "channel_name": "yleinen",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/hakuapu",
            "text": text,
            "api_app_id": "A0HAKUAPU",
            "response_url": self.fake.response_url(response),
            "trigger_id": f"trig.{next(self._ids)}",
        }
        body = urllib.parse.urlencode(form)
        return self.post(body, "application/x-www-form-urlencoded", **kw)

    def click(
        self,
        action_id: str,
        value: str,
        *,
        user="UALICE",
        channel=ALLOWED,
        ephemeral=False,
        message_ts="1700000000.000001",
        thread_ts=None,
        response="click",
    ):
        container = {"type": "message", "channel_id": channel, "is_ephemeral": ephemeral}
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM, "domain": "hakuapu-test"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM},
            "api_app_id": "A0HAKUAPU",
            "token": "legacy-unused",
            "container": {**container, "message_ts": message_ts},
            "trigger_id": f"trig.{next(self._ids)}",
            "channel": {"id": channel, "name": "yleinen"},
            "response_url": self.fake.response_url(response),
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "hakuapu_answer",
                    "value": value,
                    "action_ts": str(time.time()),
                }
            ],
        }
        if not ephemeral:
            payload["message"] = {"type": "message", "ts": message_ts, "user": BOT_USER}
            if thread_ts:
                payload["message"]["thread_ts"] = thread_ts
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")
