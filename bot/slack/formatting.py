"""Slack mrkdwn in and out: escaping, links, cleaning incoming message text, splitting long text.

Pure functions, no Slack client: ``blocks.py`` and the handlers build on them.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Slack's three control characters; everything else in mrkdwn is plain text.
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

# <@U123>, <@U123|name>, <#C123|name>, <!here>, <https://x|label>, <mailto:a@b|a@b>
_ANGLE = re.compile(r"<([^<>]*)>")


def escape(text: str) -> str:
    """Quoted document text must never open a link, mention or @channel."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def absolute_url(url: str, base: str) -> str:
    """Citation urls are relative unless HAKUAPU_PUBLIC_URL is set; Slack needs absolute ones."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE) or not base:
        return url
    return f"{base.rstrip('/')}/{url.lstrip('/')}"


def link(url: str, label: str) -> str:
    """``<url|label>`` with the characters that would end the link escaped."""
    safe_url = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    safe_url = safe_url.replace("&", "&amp;")
    safe_label = escape(label.replace("|", "/"))
    return f"<{safe_url}|{safe_label}>"


def clean_question(text: str, bot_user_id: str | None = None) -> str:
    """The question as the user meant it: our mention removed, Slack's markup made plain."""

    def plain(m: re.Match[str]) -> str:
        inner = m.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            if bot_user_id and target[1:] == bot_user_id:
                return ""
            return f"@{label or target[1:]}"
        if target.startswith("#"):
            return f"#{label or target[1:]}"
        if target.startswith("!"):
            return f"@{label.lstrip('@')}" if label else ""
        return label or target.removeprefix("mailto:")

    text = _ANGLE.sub(plain, text)
    return re.sub(r"\s+", " ", unescape(text)).strip()


def mentions(text: str) -> set[str]:
    """User ids mentioned in a message (``<@U123>``)."""
    return set(re.findall(r"<@([A-Z0-9]+)(?:\|[^>]*)?>", text))


def split_text(text: str, limit: int = 3000) -> list[str]:
    """Pieces under Slack's section limit, cut at paragraph, line or sentence ends when possible."""
    out: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = max(window.rfind(". "), window.rfind("” "))
            cut = cut + 1 if cut >= limit // 2 else -1
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        # never cut inside an escape such as &amp;
        amp = window.rfind("&", 0, cut)
        if amp != -1 and ";" not in window[amp:cut] and cut - amp < 5:
            cut = amp
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not out:
        out.append(rest)
    return out


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
