"""GET /api/calls: every call in calls.yaml with its status today."""

from __future__ import annotations

from fastapi import APIRouter

from api.dependencies import ServicesDep, SettingsDep
from api.schemas import CallOut

router = APIRouter(prefix="/api", tags=["calls"])


@router.get("/calls", response_model=list[CallOut])
def calls(services: ServicesDep, settings: SettingsDep) -> list[CallOut]:
    registry = services.calls()
    if registry is None:
        return []
    today = settings.today_date()
    return [
        CallOut(
            id=c.id,
            title={k: v for k, v in c.title.model_dump().items() if v},
            status=c.status(today).value,
            opens=c.opens,
            closes=c.closes,
            funders=c.funders,
            managing_authority=c.managing_authority,
            budget_eur=c.budget_eur,
            target_groups=c.target_groups,
            contacts=[x.model_dump() for x in c.contacts],
            source_url=c.source_url,
            documents=c.documents,
            sample=c.sample,
        )
        for c in registry.calls
    ]
