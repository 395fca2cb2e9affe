"""422 errors in FastAPI's own format, for checks that need settings or data (length, call id)."""

from __future__ import annotations

from fastapi.exceptions import RequestValidationError

from hakuapu.services import Services


def invalid(loc: tuple[str, ...], msg: str, kind: str = "value_error") -> RequestValidationError:
    return RequestValidationError([{"type": kind, "loc": loc, "msg": msg}])


def check_question(text: str, max_chars: int, loc: tuple[str, ...]) -> str:
    text = text.strip()
    if not text:
        raise invalid(loc, "the question is empty", "string_too_short")
    if len(text) > max_chars:
        raise invalid(
            loc,
            f"the question is too long: {len(text)} characters, at most {max_chars}",
            "string_too_long",
        )
    return text


def check_call(call_id: str | None, services: Services, loc: tuple[str, ...]) -> None:
    if not call_id:
        return
    calls = services.calls()
    if calls is None or calls.call(call_id) is None:
        raise invalid(
            loc, f"unknown call id {call_id!r}; GET /api/calls lists the calls", "unknown_call"
        )
