"""Only Slack gets in: requests are checked against the signing secret and a fresh timestamp."""

from __future__ import annotations

import json
import time

import pytest
from slack_fake import SECRET, signature
from test_slack_messages import mention

from bot.slack.config import ACTION_VOTE_UP

QUESTION = "Kuka voi hakea koordinaatiohankkeen jatkohakua?"


def test_url_verification_challenge(slack):
    body = json.dumps({"token": "x", "challenge": "c-123", "type": "url_verification"})
    r = slack.send.post(body, "application/json")
    assert r.status_code == 200 and r.json() == {"challenge": "c-123"}


@pytest.mark.parametrize(
    "forge",
    [
        {"secret": "not-the-signing-secret"},
        {"skew": -6 * 60},  # replayed: older than five minutes
        {"skew": 6 * 60},
    ],
    ids=["bad-signature", "old-timestamp", "future-timestamp"],
)
def test_forged_or_replayed_requests_get_401_and_no_answer(slack, forge):
    # The timestamp is taken now, not at collection: a slow session fixture would shrink the skew.
    forge = dict(forge)
    if "skew" in forge:
        forge["timestamp"] = int(time.time()) + forge.pop("skew")
    event = slack.send.event(mention(QUESTION, f"300.{len(str(forge))}"), **forge)
    command = slack.send.command(QUESTION, **forge)
    assert (event.status_code, command.status_code) == (401, 401)
    slack.settle()
    assert slack.fake.posts() == []
    # and no vote is stored from a forged click
    before = slack.services.analytics.counts()
    body = "payload=" + json.dumps(
        {"type": "block_actions", "actions": [{"action_id": ACTION_VOTE_UP}]}
    )
    assert slack.send.post(body, "application/x-www-form-urlencoded", **forge).status_code == 401
    assert slack.services.analytics.counts() == before


def test_signature_over_another_body_is_refused(slack):
    """A valid signature for one body does not carry over to a changed body."""
    good = json.dumps({"type": "url_verification", "challenge": "a"})
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature(SECRET, ts, good),
    }
    changed = good.replace('"a"', '"b"')
    assert (
        slack.send.client.post("/slack/events", content=changed, headers=headers).status_code == 401
    )
    assert slack.send.client.post("/slack/events", content=good, headers=headers).status_code == 200
    missing = {"Content-Type": "application/json"}
    assert slack.send.client.post("/slack/events", content=good, headers=missing).status_code == 401
