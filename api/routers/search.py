"""GET /api/search: the passages behind the answers, for people who want to read further."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.dependencies import ServicesDep, SettingsDep
from api.errors import check_call, check_question
from api.schemas import SearchHit
from hakuapu.calls import Status
from index.retriever import Filters

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=list[SearchHit])
def search(
    services: ServicesDep,
    settings: SettingsDep,
    q: Annotated[str, Query(description="What to search for.")],
    k: Annotated[int, Query(ge=1, le=20)] = 5,
    call: Annotated[list[str], Query(description="Call ids (repeatable).")] = [],  # noqa: B006
    status: Annotated[list[Literal["open", "closed", "upcoming"]], Query()] = [],  # noqa: B006
    lang: Annotated[list[Literal["fi", "sv", "en"]], Query()] = [],  # noqa: B006
) -> list[SearchHit]:
    query = check_question(q, settings.max_question_chars, ("query", "q"))
    for call_id in call:
        check_call(call_id, services, ("query", "call"))
    filters = Filters(
        call_ids=frozenset(call),
        status=frozenset(Status(s) for s in status),
        languages=frozenset(lang),
    )
    passages = services.retriever().search(query, k=k, filters=filters)
    return [
        SearchHit(
            doc_id=p.doc_id,
            title=p.title,
            page=p.page,
            url=services.document_url(p.doc_id, p.page),
            section=p.section,
            text=p.text,
            call_id=p.call_id,
            call_status=p.call_status,
            language=p.language,
            score=round(p.score, 4),
        )
        for p in passages
    ]
