"""POST /api/feedback: thumbs up/down on an answer, stored with the answer in analytics."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from api.dependencies import MetricsDep, ServicesDep
from api.schemas import FeedbackRequest, FeedbackResponse
from bot.analytics import UnknownAnswer

router = APIRouter(prefix="/api", tags=["feedback"])


@router.post(
    "/feedback",
    response_model=FeedbackResponse,
    responses={404: {"description": "Unknown answer id"}, 429: {"description": "Too many"}},
)
def feedback(body: FeedbackRequest, services: ServicesDep, metrics: MetricsDep) -> FeedbackResponse:
    try:
        result = services.analytics.add_feedback(
            body.answer_id, body.vote, body.comment, channel="web"
        )
    except UnknownAnswer as err:
        raise HTTPException(404, f"unknown answer id {body.answer_id!r}") from err
    metrics.voted(body.vote)
    return FeedbackResponse(
        answer_id=result.answer_id,
        vote=result.vote,
        total_up=result.total_up,
        total_down=result.total_down,
    )
