"""``/api/admin/...``: documents, re-ingest, reports, audit log, retention (bearer token).

The router only translates HTTP; ``AdminService`` does the work (the CLI and the page call it
too). Ingests run in the request: the answer says what went in, or why nothing changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api.admin.auth import AdminDep
from api.admin.files import Staged
from api.admin.service import AdminError, AdminService, DocMeta
from hakuapu.services import Services
from hakuapu.settings import Settings

log = logging.getLogger(__name__)

RETENTION_EVERY_S = 24 * 3600
_MAX_FILES = 20


class UrlRequest(BaseModel):
    """JSON body of POST/PUT: a document the server downloads."""

    url: str = Field(description="http(s) URL of a PDF, DOCX, Markdown, HTML or text file")
    call_id: str | None = None
    title: str | None = None
    doc_type: str | None = None
    filename: str | None = Field(None, description="file name to store it under (sets the id)")


_BODY_DOC = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "url": {"type": "string"},
                        "call_id": {"type": "string"},
                        "title": {"type": "string"},
                        "doc_type": {"type": "string"},
                    },
                }
            },
            "application/json": {"schema": UrlRequest.model_json_schema()},
        }
    }
}


def _service(request: Request) -> AdminService:
    return request.app.state.admin


def _fail(err: AdminError) -> HTTPException:
    headers = {"Retry-After": "10"} if err.status == 409 else None
    return HTTPException(err.status, err.message, headers=headers)


async def _received(
    request: Request, service: AdminService, who: str, action: str, target: str = ""
) -> tuple[list[Staged], DocMeta]:
    """Files (multipart) or a URL (multipart field or JSON), staged and not yet checked.
    A request refused here (bad form, failed download) is audited like any other action."""
    try:
        return await _receive(request, service)
    except HTTPException as err:
        service.audit.record(who, action, target, "failed", str(err.detail))
        raise


async def _receive(request: Request, service: AdminService) -> tuple[list[Staged], DocMeta]:
    ctype = request.headers.get("content-type", "").lower()
    staged: list[Staged] = []
    try:
        if ctype.startswith("application/json"):
            try:
                body = UrlRequest.model_validate(await request.json())
            except (ValueError, ValidationError) as err:
                raise HTTPException(422, f"expected JSON {{url, call_id?, ...}}: {err}") from err
            staged.append(await run_in_threadpool(service.fetch, body.url, body.filename))
            return staged, DocMeta(body.call_id, body.title, body.doc_type)
        if not ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            raise HTTPException(
                415, "send multipart/form-data (files, call_id) or JSON {url, call_id}"
            )
        try:
            form = await request.form(max_files=_MAX_FILES, max_fields=20)
        except Exception as err:  # noqa: BLE001 - starlette's MultiPartException and friends
            raise HTTPException(400, f"unreadable form: {err}") from err
        uploads = [  # a browser sends an empty part for a file input left empty
            f
            for key in ("files", "file")
            for f in form.getlist(key)
            if isinstance(f, UploadFile) and (f.filename or f.size)
        ]
        for upload in uploads:
            staged.append(
                await run_in_threadpool(
                    service.stage_stream, upload.filename or "document", upload.file
                )
            )
        url = str(form.get("url") or "").strip()
        if url:
            staged.append(await run_in_threadpool(service.fetch, url, None))

        def field(name: str) -> str | None:
            value = form.get(name)
            return value if isinstance(value, str) else None

        return staged, DocMeta(field("call_id"), field("title"), field("doc_type"))
    except AdminError as err:
        for s in staged:
            s.discard()
        raise _fail(err) from err
    except BaseException:
        for s in staged:
            s.discard()
        raise


def make_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/api/admin", tags=["admin"])
    upload_limit = settings.admin_max_upload_bytes

    @router.get("/status")
    def status(admin: AdminDep, request: Request) -> dict[str, Any]:
        """The live generation: documents, chunks, when it was built."""
        return _service(request).status()

    @router.get("/documents")
    def documents(admin: AdminDep, request: Request) -> list[dict[str, Any]]:
        """Every indexed document: version, pages, chunks, ingested at, content hash, call."""
        return _service(request).documents()

    @router.get("/documents/{doc_id}")
    def document(doc_id: str, admin: AdminDep, request: Request) -> dict[str, Any]:
        """One document, with its version history."""
        try:
            return _service(request).document(doc_id)
        except AdminError as err:
            raise _fail(err) from err

    @router.post("/documents", status_code=201, openapi_extra=_BODY_DOC, max_body_size=upload_limit)
    async def add(admin: AdminDep, request: Request) -> dict[str, Any]:
        """Upload files (multipart ``files``) or name a ``url``, with their ``call_id``.

        All or nothing: a file that cannot be read, or an id that exists already (409: use
        PUT), and nothing is added; the index keeps answering as before."""
        service = _service(request)
        staged, meta = await _received(request, service, admin.who, "add")
        try:
            return await run_in_threadpool(service.add, staged, meta, admin.who)
        except AdminError as err:
            raise _fail(err) from err

    @router.put("/documents/{doc_id}", openapi_extra=_BODY_DOC, max_body_size=upload_limit)
    async def replace(doc_id: str, admin: AdminDep, request: Request) -> dict[str, Any]:
        """Replace a document with a new file (or URL). Until the switch the old version
        answers; from the moment this returns, only the new one does."""
        service = _service(request)
        staged, meta = await _received(request, service, admin.who, "replace", doc_id)
        if len(staged) != 1:
            for s in staged:
                s.discard()
            message = f"send exactly one file or URL, not {len(staged)}"
            service.audit.record(admin.who, "replace", doc_id, "failed", message)
            raise HTTPException(422, message)
        try:
            return await run_in_threadpool(service.replace, doc_id, staged[0], meta, admin.who)
        except AdminError as err:
            raise _fail(err) from err

    @router.delete("/documents/{doc_id}")
    def remove(doc_id: str, admin: AdminDep, request: Request) -> dict[str, Any]:
        """Withdraw a document: out of the index; its file goes to the uploads trash."""
        try:
            return _service(request).remove([doc_id], admin.who)
        except AdminError as err:
            raise _fail(err) from err

    @router.post("/reingest")
    def reingest(admin: AdminDep, request: Request) -> JSONResponse:
        """Re-ingest the corpus folder and the uploads (calls.yaml changes apply). Files that
        fail keep their previous version; the answer lists them (status 207)."""
        try:
            result = _service(request).reingest(admin.who)
        except AdminError as err:
            raise _fail(err) from err
        return JSONResponse(result, status_code=200 if not result["failed"] else 207)

    @router.get("/reports")
    def reports(
        admin: AdminDep,
        request: Request,
        days: int = Query(30, ge=1, le=3660),
        limit: int = Query(20, ge=1, le=500),
    ) -> dict[str, Any]:
        """Questions per day, refusal rate, unanswered questions grouped by similarity,
        feedback per document, answers with a thumbs-down."""
        return _service(request).reports.all(days, limit)

    @router.get("/reports/{section}")
    def report(
        section: str,
        admin: AdminDep,
        request: Request,
        days: int = Query(30, ge=1, le=3660),
        limit: int = Query(20, ge=1, le=500),
    ) -> Any:
        """One section of ``/reports``: questions_per_day, refusal_rate, unanswered,
        feedback_per_document or thumbs_down."""
        reports = _service(request).reports
        if section not in reports.SECTIONS:
            raise HTTPException(404, f"no report {section!r}; one of {', '.join(reports.SECTIONS)}")
        fn = getattr(reports, section)
        return fn(days, limit) if section in ("unanswered", "thumbs_down") else fn(days)

    @router.get("/audit")
    def audit(
        admin: AdminDep,
        request: Request,
        limit: int = Query(100, ge=1, le=1000),
        action: str | None = None,
    ) -> list[dict[str, Any]]:
        """The audit log, newest first: who, what, when, result."""
        return _service(request).audit.recent(limit, action)

    @router.post("/purge")
    def purge(
        admin: AdminDep, request: Request, days: int | None = Query(None, ge=1)
    ) -> dict[str, Any]:
        """Delete stored questions older than ``days`` (default HAKUAPU_RETENTION_DAYS)."""
        service = _service(request)
        days = days or service.settings.retention_days
        try:
            return {"deleted": service.purge(days, admin.who), "days": days}
        except AdminError as err:
            raise _fail(err) from err

    return router


async def _retention(service: AdminService) -> None:
    try:
        n = await run_in_threadpool(service.retention)
        if n:
            log.info("retention: %d old questions deleted", n)
    except Exception as err:  # noqa: BLE001 - try again next time, keep serving
        log.warning("retention purge failed: %s", err)


async def _retention_loop(service: AdminService) -> None:
    while True:
        await asyncio.sleep(RETENTION_EVERY_S)
        await _retention(service)


def mount(app: FastAPI, services: Services) -> AdminService:
    """Add the admin API and page to ``app``, and the retention schedule (at startup, then
    daily), which runs whether or not an admin token is set."""
    from api.admin import page

    service = AdminService(services, own_embedder=True)
    app.state.admin = service

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        await run_in_threadpool(service.uploads.clean_staging)
        await _retention(service)  # at startup, then daily
        task = asyncio.create_task(_retention_loop(service))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    router = make_router(app.state.settings)
    router.lifespan_context = lifespan
    app.include_router(router)
    app.include_router(page.make_router(app.state.settings))
    return service
