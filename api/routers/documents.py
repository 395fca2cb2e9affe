"""GET /api/documents/{id}.pdf (and /api/documents/{id} for other files): the cited sources.

Only files named in the live index manifest are served, so a path in the URL can't reach
anything else on disk. Non-PDF sources (Markdown, HTML, text) are sent as plain text.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from api.dependencies import ServicesDep

router = APIRouter(prefix="/api", tags=["documents"])

_TEXT = {".md", ".markdown", ".txt", ".html", ".htm"}
_NOSNIFF = {"X-Content-Type-Options": "nosniff"}


@router.get(
    "/documents/{name}",
    response_class=FileResponse,
    responses={
        200: {"content": {"application/pdf": {}, "text/plain": {}}},
        404: {"description": "No such document, or its file is not on this server"},
    },
)
def document(name: str, services: ServicesDep) -> FileResponse:
    """``{id}.pdf`` for PDF sources (citation links add ``#page=N``), ``{id}`` for the rest."""
    manifest = services.store.manifest()
    docs = manifest.documents if manifest else {}
    doc_id, want_pdf = (name[:-4], True) if name.lower().endswith(".pdf") else (name, False)
    if doc_id not in docs and name in docs:  # an id that itself ends in ".pdf"
        doc_id, want_pdf = name, False
    info = docs.get(doc_id)
    if info is None:
        raise HTTPException(404, f"no document {doc_id!r} in the index")
    path = Path(str(info.get("source", "")))
    if not path.is_file():
        raise HTTPException(404, f"the file of document {doc_id!r} is not on this server")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return FileResponse(
            path,
            media_type="application/pdf",
            filename=f"{doc_id}.pdf",
            content_disposition_type="inline",
            headers=_NOSNIFF,
        )
    if want_pdf:
        raise HTTPException(404, f"document {doc_id!r} is not a PDF; see /api/documents/{doc_id}")
    if suffix in _TEXT:
        return FileResponse(
            path,
            media_type="text/plain; charset=utf-8",
            filename=path.name,
            content_disposition_type="inline",
            headers=_NOSNIFF,
        )
    return FileResponse(path, filename=path.name, headers=_NOSNIFF)
