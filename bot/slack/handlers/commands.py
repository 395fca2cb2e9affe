"""``/hakuapu``: a private answer (optionally within one call), help, and two staff commands."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

from bot.slack.blocks import status_text
from bot.slack.config import COMMAND
from bot.slack.formatting import clean_question, escape
from bot.slack.handlers.common import render, tell_privately
from bot.slack.texts import st
from ingest.language import detect_language

log = logging.getLogger(__name__)

# One word, in any of the three languages, makes a command; anything else is a question.
_WORDS = {
    "help": ("help", "en"),
    "ohje": ("help", "fi"),
    "apua": ("help", "fi"),
    "hjälp": ("help", "sv"),
    "status": ("status", "en"),
    "tila": ("status", "fi"),
    "läge": ("status", "sv"),
    "reingest": ("reingest", "en"),
    "päivitä": ("reingest", "fi"),
    "uppdatera": ("reingest", "sv"),
}
_CALL_FILTER = re.compile(r"(?<!\S)(?:haku|call|utlysning):(\S+)", re.IGNORECASE)


@dataclass
class Command:
    kind: str  # "question", "help", "status" or "reingest"
    text: str = ""  # the question, without the call filter
    call_id: str | None = None
    language: str | None = None  # of the command word; a question's is detected by the answerer


def parse_command(text: str) -> Command:
    """``status`` / ``tila`` / ``läge`` …, or a question with an optional ``haku:<call-id>``."""
    text = (text or "").strip()
    if not text:
        return Command("help", language="fi")
    word = text.lower()
    if word in _WORDS:
        kind, lang = _WORDS[word]
        return Command(kind, language=lang)
    call_id = None
    found = _CALL_FILTER.search(text)
    if found:
        call_id = found.group(1).strip("<>.,;").lower()
        text = (text[: found.start()] + " " + text[found.end() :]).strip()
        text = re.sub(r"\s+", " ", text)
    return Command("question", text=text, call_id=call_id)


def register(bot) -> None:
    reingesting = threading.Lock()

    @bot.app.command(COMMAND)
    def on_command(ack, command, respond, client):
        handle_command(bot, command, ack, respond, client, reingesting)


def handle_command(bot, command: dict, ack, respond, client, reingesting: threading.Lock) -> None:
    # Slack sends the text with &, < and > escaped (and mentions as <@U…> when so configured).
    cmd = parse_command(clean_question(command.get("text", "")))
    user, channel = command["user_id"], command["channel_id"]
    calls = bot.services.calls()

    if cmd.kind == "help":
        known = ", ".join(f"`{c.id}`" for c in calls.calls) if calls else "-"
        ack(text=st("help", cmd.language, calls=known), response_type="ephemeral")
        return
    if cmd.kind in ("status", "reingest") and not bot.config.is_staff(user, channel):
        ack(
            text=st("staff_only", cmd.language, command=command.get("text", "").strip(), user=user),
            response_type="ephemeral",
        )
        return
    if cmd.kind == "status":
        ack(text=staff_status(bot, cmd.language), response_type="ephemeral")
        return
    if cmd.kind == "reingest":
        reingest(bot, cmd.language, ack, respond, client, user, channel, reingesting)
        return

    # A question, answered privately with a button to share it. Ack first: even detecting the
    # language can take a second the first time (the detector loads its models). A model's
    # answer takes seconds and a private message cannot be edited: the ack says it is coming.
    if bot.generates and cmd.text:
        lang = detect_language(cmd.text)
        ack(text=st("writing", lang), response_type="ephemeral")
    else:
        ack()
        lang = detect_language(cmd.text) if cmd.text else "fi"
    if cmd.call_id and calls is not None and calls.call(cmd.call_id) is None:
        known = ", ".join(f"`haku:{c.id}`" for c in calls.calls)
        text = st("unknown_call", lang, call=f"`{cmd.call_id}`", known=known)
        tell_privately(client, channel=channel, user=user, respond=respond, text=text)
        return
    try:
        answer = bot.answer(cmd.text, call_id=cmd.call_id)
    except Exception:  # noqa: BLE001 - the user hears that it failed; the log says why
        log.exception("slack: answering /hakuapu failed")
        tell_privately(client, channel=channel, user=user, respond=respond, text=st("error", lang))
        return
    may_share = bot.config.allows_channel(channel)
    tell_privately(
        client, channel=channel, user=user, respond=respond, **render(bot, answer, share=may_share)
    )


def staff_status(bot, lang: str) -> str:
    services = bot.services
    try:
        counts = services.analytics.counts()
    except Exception:  # noqa: BLE001 - the index status is still worth showing
        log.exception("slack: analytics counts failed")
        counts = {}
    return status_text(
        lang,
        manifest=services.store.manifest(),
        calls=services.calls(),
        today=services.settings.today_date(),
        counts=counts,
    )


def reingest(bot, lang, ack, respond, client, user, channel, lock: threading.Lock) -> None:
    """The admin re-ingest (corpus folder and uploads), audited like the web admin's; the
    summary is posted privately when done."""
    # The one admin service both doors use: same folders, same audit log, same write lock.
    from api.admin.service import AdminError, AdminService

    if not lock.acquire(blocking=False):
        ack(text=st("reingest_busy", lang), response_type="ephemeral")
        return
    try:
        corpus = bot.services.settings.corpus_dir
        ack(text=st("reingest_started", lang, path=f"`{corpus}`"), response_type="ephemeral")
        try:
            result = AdminService(bot.services, own_embedder=True).reingest(who=f"slack:{user}")
            text = st("reingest_done", lang, summary=result["line"])
            for failure in result["failed"]:
                text += f"\n• `{escape(failure['name'])}`: {escape(failure['reason'])}"
        except AdminError as err:  # e.g. 409: another ingest holds the write lock
            text = st("reingest_failed", lang, error=err.message)
        except Exception as err:  # noqa: BLE001 - reported to the user, logged in full
            log.exception("slack: re-ingest failed")
            text = st("reingest_failed", lang, error=f"{type(err).__name__}: {err}")
    finally:
        lock.release()
    tell_privately(client, channel=channel, user=user, respond=respond, text=text)
