"""The answer contract shared by the web API, the widget and the Slack bot."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Citation(BaseModel):
    document_id: str
    title: str
    page: int
    url: str
    quote: str


class Answer(BaseModel):
    id: str
    question: str
    answer: str
    language: str
    refused: bool
    call_id: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    conversation_id: str | None = None
    call_status: str | None = None
    mode: str = "extractive"  # or "generative"
