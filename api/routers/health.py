"""GET /health (is the index there?) and GET /metrics (Prometheus)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from api.dependencies import MetricsDep, ServicesDep, SettingsDep
from api.metrics import CONTENT_TYPE_LATEST
from api.schemas import Health, IndexInfo

router = APIRouter(tags=["operations"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(services: ServicesDep, settings: SettingsDep):
    """200 with index figures, or 503 while no index has been built (run `hakuapu ingest`)."""
    manifest = services.store.manifest()
    today = settings.today_date()
    if manifest is None:
        body = Health(status="no_index", today=today, index=None)
        return JSONResponse(body.model_dump(mode="json"), status_code=503)
    info = IndexInfo(
        documents=len(manifest.documents),
        chunks=manifest.chunk_count,
        generation=manifest.generation,
        created_at=manifest.created_at,
    )
    return Health(status="ok", today=today, index=info)


@router.get("/metrics", response_class=Response)
def metrics(metrics: MetricsDep) -> Response:
    return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)
