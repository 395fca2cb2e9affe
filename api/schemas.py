"""Request and response models of the HTTP API (the answer itself is ``bot.models.Answer``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.models import Answer, Citation

__all__ = [
    "Answer",
    "AskRequest",
    "CallOut",
    "Citation",
    "FeedbackRequest",
    "FeedbackResponse",
    "Health",
    "SearchHit",
]

# Conversation ids travel in URLs-safe form; anything else is refused before it reaches a store.
CONVERSATION_ID = r"^[A-Za-z0-9_-]{8,64}$"


class AskRequest(BaseModel):
    """A question; the length limit comes from settings and is checked in the route."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"question": "Milloin haku päättyy?", "call_id": "okm-kevat-2025"}]
        },
    )

    question: str = Field(description="The question, in Finnish, Swedish or English.")
    conversation_id: str | None = Field(
        default=None,
        pattern=CONVERSATION_ID,
        description="From an earlier answer, for follow-up questions; a new one is made if absent.",
    )
    call_id: str | None = Field(
        default=None, description="Answer from this call's documents only (see GET /api/calls)."
    )
    language: Literal["fi", "sv", "en"] | None = Field(
        default=None, description="Answer language; detected from the question when absent."
    )

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("the question is empty")
        return value


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer_id: str = Field(min_length=1, max_length=64, description="The `id` of an answer.")
    vote: Literal[1, -1] = Field(description="1 for thumbs up, -1 for thumbs down.")
    comment: str = Field(default="", max_length=2000)


class FeedbackResponse(BaseModel):
    answer_id: str
    vote: int
    total_up: int
    total_down: int


class SearchHit(BaseModel):
    doc_id: str
    title: str
    page: int
    url: str
    section: str
    text: str
    call_id: str
    call_status: str
    language: str
    score: float


class Contact(BaseModel):
    name: str
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""


class CallOut(BaseModel):
    id: str
    title: dict[str, str]
    status: Literal["upcoming", "open", "closed"]
    opens: dt.date
    closes: dt.date
    funders: list[str]
    managing_authority: str
    budget_eur: float
    target_groups: list[str]
    contacts: list[Contact]
    source_url: str
    documents: list[str]
    sample: bool


class IndexInfo(BaseModel):
    documents: int
    chunks: int
    generation: int
    created_at: str


class Health(BaseModel):
    status: Literal["ok", "no_index"]
    today: dt.date
    index: IndexInfo | None
