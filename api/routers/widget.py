"""The widget script (``/widget.js``) and the demo call page that embeds it (``/``)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

WIDGET_DIR = Path(__file__).resolve().parents[1] / "widget"

router = APIRouter(include_in_schema=False)


@router.get("/")
def demo_page() -> FileResponse:
    return FileResponse(WIDGET_DIR / "index.html", media_type="text/html; charset=utf-8")


@router.get("/widget.js")
def widget_js() -> FileResponse:
    return FileResponse(
        WIDGET_DIR / "widget.js",
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )
