"""Answer -> Block Kit. Pure: no Slack client, no services; tested on its own.

Layout: the answer (mrkdwn-escaped), the numbered sources as links to the PDF page, the call and
its status, then 👍 / 👎 (and "share in channel" for private answers). Button values carry the
answer id, which is the key of the analytics store shared with the web widget.
"""

from __future__ import annotations

import datetime as dt

from bot.models import Answer
from bot.slack.config import ACTION_SHARE, ACTION_VOTE_DOWN, ACTION_VOTE_UP
from bot.slack.formatting import absolute_url, escape, link, shorten, split_text
from bot.slack.texts import st
from bot.texts import fmt_date
from hakuapu.calls import Call, Status

SECTION_LIMIT = 3000
FALLBACK_LIMIT = 1000


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def citation_lines(answer: Answer, link_base: str) -> list[str]:
    lines = []
    for i, c in enumerate(answer.citations, 1):
        label = f"{c.title}, {st('page', answer.language, page=c.page)}"
        lines.append(f"[{i}] {link(absolute_url(c.url, link_base), label)}")
    return lines


def call_line(answer: Answer, call: Call | None, today: dt.date | None = None) -> str | None:
    """ "Call: title · open 21.3.2025–6.6.2025", from calls.yaml; None without a call."""
    if call is None:
        if answer.call_id and answer.call_status:
            return escape(f"{answer.call_id} · {answer.call_status}")
        return None
    status = answer.call_status or (call.status(today).value if today else None)
    if status is None:
        return None
    key = {
        Status.OPEN.value: "call_open",
        Status.UPCOMING.value: "call_upcoming",
        Status.CLOSED.value: "call_closed",
    }[status]
    return st(
        key,
        answer.language,
        title=escape(call.title.get(answer.language)),
        opens=fmt_date(call.opens),
        closes=fmt_date(call.closes),
    )


def vote_buttons(answer: Answer) -> list[dict]:
    lang = answer.language
    return [
        {
            "type": "button",
            "action_id": ACTION_VOTE_UP,
            "text": {"type": "plain_text", "text": "👍", "emoji": True},
            "value": answer.id,
            "accessibility_label": st("helpful", lang),
        },
        {
            "type": "button",
            "action_id": ACTION_VOTE_DOWN,
            "text": {"type": "plain_text", "text": "👎", "emoji": True},
            "value": answer.id,
            "accessibility_label": st("not_helpful", lang),
        },
    ]


def answer_blocks(
    answer: Answer,
    *,
    call: Call | None = None,
    link_base: str = "",
    share: bool = False,
    shared_by: str | None = None,
    show_question: bool = False,
) -> list[dict]:
    """The message for one answer. ``share`` adds the "share in channel" button (private answers);
    ``shared_by`` and ``show_question`` frame an answer someone shared into a channel."""
    lang = answer.language
    blocks: list[dict] = []
    if show_question:
        question = escape(shorten(answer.question, 500))
        blocks.append(_context(st("asked", lang, question=question)))
    for piece in split_text(escape(answer.answer), SECTION_LIMIT):
        blocks.append(_section(piece))
    lines = citation_lines(answer, link_base)
    if lines:
        header = f"*{st('sources', lang)}*"
        chunk: list[str] = [header]
        for line in lines:
            if sum(len(x) + 1 for x in chunk) + len(line) > SECTION_LIMIT:
                blocks.append(_section("\n".join(chunk)))
                chunk = []
            chunk.append(line)
        blocks.append(_section("\n".join(chunk)))
    status = call_line(answer, call)
    if status:
        blocks.append(_context(status))
    if shared_by:
        blocks.append(_context(st("shared_by", lang, user=shared_by)))
    elements = vote_buttons(answer)
    if share:
        elements.append(
            {
                "type": "button",
                "action_id": ACTION_SHARE,
                "text": {"type": "plain_text", "text": st("share", lang)},
                "value": answer.id,
                "style": "primary",
            }
        )
    blocks.append(
        {"type": "actions", "block_id": f"hakuapu_answer_{answer.id}", "elements": elements}
    )
    return blocks


def draft_message(text: str, lang: str) -> dict:
    """A generated answer while it is being written: the sentences so far, checked, and a line
    saying more is coming. No sources or buttons yet: the finished answer replaces it."""
    writing = f"_{st('writing', lang)}_"
    pieces = split_text(escape(text.strip()), SECTION_LIMIT) if text.strip() else []
    blocks = [_section(p) for p in pieces] + [_context(writing)]
    fallback = pieces[0][: FALLBACK_LIMIT - 1] if pieces else st("writing", lang)
    return {"text": fallback, "blocks": blocks}


def fallback_text(answer: Answer) -> str:
    """The notification / screen-reader text that goes with the blocks."""
    pieces = split_text(escape(answer.answer), FALLBACK_LIMIT - 1)
    return pieces[0] + ("…" if len(pieces) > 1 else "")


def status_text(lang: str, *, manifest, calls, today: dt.date, counts: dict) -> str:
    """``/hakuapu status``: what is indexed, when, what is open today, how answers are rated."""
    open_calls = []
    if calls is not None:
        for c in calls.calls:
            if c.status(today) is Status.OPEN:
                title = escape(c.title.get(lang))
                open_calls.append(st("open_until", lang, title=title, closes=fmt_date(c.closes)))
    return st(
        "status",
        lang,
        documents=len(manifest.documents) if manifest else 0,
        chunks=manifest.chunk_count if manifest else 0,
        ingested=manifest.created_at if manifest else st("never", lang),
        generation=manifest.generation if manifest else 0,
        answers=counts.get("answers", 0),
        refused=counts.get("refused", 0),
        up=counts.get("feedback_up", 0),
        down=counts.get("feedback_down", 0),
        today=fmt_date(today),
        open="; ".join(open_calls) if open_calls else st("none", lang),
    )
