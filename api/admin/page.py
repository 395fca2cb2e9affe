"""``/admin``: the server-rendered admin page (no JavaScript needed).

Sign-in posts the admin token once; the page then keeps a signed, HttpOnly, SameSite=Strict
session cookie (12 h) that never contains the token. Every form carries a per-session form
token, so another site cannot submit them. Actions go through ``AdminService`` like the API and
redirect back with the audit entry of what happened (post/redirect/get).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from api.admin.auth import (
    COOKIE,
    SESSION_S,
    client_of,
    count_failure,
    form_token,
    identify,
    locked_out,
    make_session,
    read_session,
    tokens,
)
from api.admin.router import _received
from api.admin.service import AdminError, AdminService
from api.admin.texts import pick_language, texts_for
from hakuapu.settings import Settings

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
LANG_COOKIE = "hakuapu_admin_lang"
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
}


def _lang(request: Request) -> str:
    return pick_language(
        request.query_params.get("lang"),
        request.cookies.get(LANG_COOKIE),
        request.headers.get("accept-language", ""),
    )


def _render(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
    lang = _lang(request)
    response = TEMPLATES.TemplateResponse(
        request, name, {"t": texts_for(lang), "lang": lang, **context}, status_code=code
    )
    response.headers.update(_HEADERS)
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict")
    return response


def _back(done: int | None = None) -> RedirectResponse:
    return RedirectResponse(f"/admin?done={done}" if done else "/admin", status_code=303)


def make_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/admin", include_in_schema=False)
    upload_limit = settings.admin_max_upload_bytes

    def service(request: Request) -> AdminService:
        return request.app.state.admin

    def session(request: Request) -> tuple[str | None, str]:
        cookie = request.cookies.get(COOKIE, "")
        return read_session(request.app.state.settings, cookie), cookie

    async def checked(request: Request) -> str | Response:
        """The admin's name for a form post, or the response that refuses it."""
        app_settings = request.app.state.settings
        if not tokens(app_settings):
            return _render(request, "off.html", 404)
        name, cookie = session(request)
        if name is None:
            return RedirectResponse("/admin", status_code=303)
        form = await request.form()
        if form.get("form_token") != form_token(app_settings, cookie):
            return _render(request, "login.html", 403, error="expired")
        return name

    async def act(request: Request, action) -> Response:
        who_name = await checked(request)
        if not isinstance(who_name, str):
            return who_name
        who = f"{who_name}@{client_of(request)}"
        admin = service(request)
        try:
            await action(admin, who)
        except AdminError:
            pass  # the audit entry says why; the page shows it
        mine = [e for e in admin.audit.recent(20) if e["who"] == who]
        return _back(mine[0]["id"] if mine else None)

    @router.get("", response_class=HTMLResponse)
    def page(
        request: Request,
        days: int = Query(30, ge=1, le=3660),
        done: int | None = None,
    ) -> Response:
        app_settings = request.app.state.settings
        if not tokens(app_settings):
            return _render(request, "off.html", 404)
        name, cookie = session(request)
        if name is None:
            return _render(request, "login.html")
        admin = service(request)
        entry = None
        if done:
            entry = next((e for e in admin.audit.recent(200) if e["id"] == done), None)
        calls = None
        try:
            calls = admin.services.calls()
        except Exception:  # noqa: BLE001 - a broken calls.yaml must not hide the page
            calls = None
        return _render(
            request,
            "dashboard.html",
            user=name,
            form_token=form_token(app_settings, cookie),
            status=admin.status(),
            documents=admin.documents(),
            calls=calls.calls if calls else [],
            reports=admin.reports.all(days, 20),
            audit=admin.audit.recent(30),
            done=entry,
            days=days,
        )

    @router.post("/login", response_class=HTMLResponse)
    async def login(request: Request) -> Response:
        app_settings = request.app.state.settings
        if not tokens(app_settings):
            return _render(request, "off.html", 404)
        if wait := locked_out(request):
            response = _render(request, "login.html", 429, error="locked_out")
            response.headers["Retry-After"] = str(wait)
            return response
        form = await request.form()
        name = identify(app_settings, str(form.get("token", "")).strip())
        if name is None:
            count_failure(request)
            service(request).audit.record(
                client_of(request), "auth", "POST /admin/login", "denied", "wrong token"
            )
            return _render(request, "login.html", 401, error="wrong_token")
        response = RedirectResponse("/admin", status_code=303)
        response.set_cookie(
            COOKIE,
            make_session(app_settings, name),
            max_age=SESSION_S,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/admin",
        )
        return response

    @router.post("/logout")
    def logout() -> Response:
        response = RedirectResponse("/admin", status_code=303)
        response.delete_cookie(COOKIE, path="/admin")
        return response

    @router.post("/upload", max_body_size=upload_limit)
    async def upload(request: Request) -> Response:
        async def run(admin: AdminService, who: str) -> None:
            staged, meta = await _received_or_fail(request, admin, who, "add")
            await run_in_threadpool(admin.add, staged, meta, who)

        return await act(request, run)

    @router.post("/documents/{doc_id}/replace", max_body_size=upload_limit)
    async def replace(doc_id: str, request: Request) -> Response:
        async def run(admin: AdminService, who: str) -> None:
            staged, meta = await _received_or_fail(request, admin, who, "replace", doc_id)
            if len(staged) != 1:
                for s in staged:
                    s.discard()
                admin.audit.record(who, "replace", doc_id, "failed", "send one file or URL")
                raise AdminError(422, "send one file or URL")
            await run_in_threadpool(admin.replace, doc_id, staged[0], meta, who)

        return await act(request, run)

    @router.post("/documents/{doc_id}/remove")
    async def remove(doc_id: str, request: Request) -> Response:
        async def run(admin: AdminService, who: str) -> None:
            await run_in_threadpool(admin.remove, [doc_id], who)

        return await act(request, run)

    @router.post("/reingest")
    async def reingest(request: Request) -> Response:
        async def run(admin: AdminService, who: str) -> None:
            await run_in_threadpool(admin.reingest, who)

        return await act(request, run)

    return router


async def _received_or_fail(
    request: Request, admin: AdminService, who: str, action: str, target: str = ""
):
    """Files or URL from the form (failures are audited by ``_received``), as AdminError."""
    from fastapi import HTTPException

    try:
        staged, meta = await _received(request, admin, who, action, target)
    except HTTPException as err:
        raise AdminError(err.status_code, str(err.detail)) from err
    if not staged:
        admin.audit.record(who, action, target, "failed", "no file and no URL given")
        raise AdminError(422, "no file and no URL given")
    return staged, meta
