"""The pages for staff: the form, its live check and preview, opening and saving YAML, downloads.

Every action is a plain form submission (open, save, download), so it works with the keyboard and
even without the script; the script (``static/app.js``) adds the live part: it posts the form to
``/form/check`` a moment after each change and shows the errors beside their fields and the
pages of the PDF. The form's data goes through exactly what a YAML file goes through:
:func:`minutes.dump.dumps` writes it as YAML, :func:`minutes.validate.validate_text` checks it,
:func:`minutes.loads` and the renderer make the files, in the worker processes of
:mod:`minutes.web.work` (:mod:`minutes.web.jobs`). The event loop only moves bytes: the form's
fields become data and the page is drawn in threads.

Every form route checks the session's token (:func:`minutes.web.guard.csrf_token`) that the page
carries in a hidden field: a form that was not served by this app is answered with the page
again, the data it held kept in the boxes, and nothing made.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from minutes.dump import HEADER, dumps
from minutes.files import safe_output_name
from minutes.i18n import _
from minutes.load import Limits, parse
from minutes.paths import field_tuple
from minutes.profiles import looks_like_file, profile_names
from minutes.resources import DOCS
from minutes.starter import starter
from minutes.web import jobs
from minutes.web.api import MEDIA_TYPES, content_disposition
from minutes.web.form import FormData, from_form
from minutes.web.form_view import tidy
from minutes.web.guard import CSRF_COOKIE, CSRF_FIELD, csrf_ok, csrf_token
from minutes.web.html_fields import form_fields
from minutes.web.jobs import FORM_SOURCE, Checked, NotSetUp, problem_text
from minutes.web.work import Deadline, TooSlow, WorkerDied, WorkPool, worker_died_message

__all__ = ["FORM_SOURCE", "Checked", "make_router", "placed", "problem_text"]

MAX_FIELDS = 50_000
"""Fields one form may send: a thousand attendees (the loader's limit) at four boxes each, and
more, fit; the body limit bounds the bytes."""


def placed(checked: Checked, form: FormData, names: FormData) -> dict[str, list[str]]:
    """The problems of ``checked`` (of the boxes of ``form``, as the clerk sent them) by the box
    they show beside on the page drawn again from the data, whose boxes are ``names`` (that page's
    own boxes read back: the page is the one description of which box shows which field, so no
    second one is kept here). The page a failed download gives back must show them without the
    script."""
    rows = {row: index for index, (row, *_rest) in enumerate(form.data_rows)}
    errors: dict[str, list[str]] = {}
    for name, message in form.problems:  # a named-value row: ``data._n9.key``
        row, _dot, box = name.rpartition(".")
        if row in rows:
            errors.setdefault(f"data._{rows[row] + 1}.{box}", []).append(message)
    for problem in checked.problems:
        shown = names.name_of(field_tuple(problem.field))
        if shown is not None:
            errors.setdefault(shown, []).append(problem_text(problem, beside=True))
    return errors


def blank(profile: str) -> dict[str, Any]:
    """An empty meeting of ``profile`` (the page adds an empty agenda item to start from)."""
    return {"profile": profile}


_GUIDE = re.compile(r"[a-z0-9-]+\.md")


def docs_folder() -> Path:
    """The guides beside the package: a checkout's or an unpacked source archive's ``docs/``
    (an installed wheel has none, and the page then names the guide without a link)."""
    return Path(__file__).resolve().parents[2] / DOCS.strip("/")


def docs_href(docs: str | None) -> str | None:
    """The address in this app of the guide ``docs`` names (``docs/install-windows.md#pdf``),
    or ``None`` when the guides are not at hand."""
    if not docs or not docs.startswith(DOCS):
        return None
    page, _hash, section = docs[len(DOCS) :].partition("#")
    if not _GUIDE.fullmatch(page) or not (docs_folder() / page).is_file():
        return None
    return f"/docs/{page}" + (f"#{section}" if section else "")


def guide_html(text: str) -> str:
    """A guide in Markdown as HTML, its headings with the anchors the messages link to (``#pdf``
    for ``## PDF``, as the repository's web pages make them)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            title = tokens[index + 1].content.lower()
            slug = re.sub(r"[^\w\- ]", "", title).strip().replace(" ", "-")
            token.attrSet("id", slug)
    return str(parser.renderer.render(tokens, parser.options, {}))


def setup_view(setup: NotSetUp | None) -> dict[str, str | None] | None:
    """What the page says of a computer that cannot make the PDF: the reason, and the guide to
    read, with its address in this app when the guides are at hand."""
    if setup is None:
        return None
    return {"message": setup.message, "docs": setup.docs, "href": docs_href(setup.docs)}


async def close_form(request: Request) -> AsyncIterator[None]:
    """Close the form a route read, after the route: Starlette spools every file part (even the
    empty file box that the page's script sends with each check) to a temporary file, and closes
    it only when asked."""
    try:
        yield
    finally:
        await request.close()


def make_router(
    pool: WorkPool, limits: Limits, templates: Jinja2Templates, timeout: float
) -> APIRouter:
    """The page routes, sharing the app's pool of workers and templates; ``timeout``: the
    seconds one request may take in all."""
    router = APIRouter(include_in_schema=False, dependencies=[Depends(close_form)])

    def context(
        request: Request,
        data: dict[str, Any],
        general: list[str] | None,
        notice: str | None,
        fresh: bool,
        errors: dict[str, list[str]] | None,
        data_rows: list[tuple[str, str, str, str]] | None,
        setup: NotSetUp | None,
        token: str,
    ) -> dict[str, Any]:
        if not data.get("agenda") and not data.get("sessions"):  # an item to start from
            data = {**data, "agenda": [{}]}
        return {
            "request": request,
            "data": data,
            "general": general or [],
            "notice": notice,
            "fresh": fresh,
            "errors": errors or {},
            "data_rows": None if data_rows is None else [row[1:] for row in data_rows],
            "setup": setup_view(setup),
            "csrf_field": CSRF_FIELD,
            "csrf": token,
        }

    async def page(
        request: Request,
        data: dict[str, Any],
        general: list[str] | None = None,
        notice: str | None = None,
        status: int = 200,
        fresh: bool = False,
        errors: dict[str, list[str]] | None = None,
        data_rows: list[tuple[str, str, str, str]] | None = None,
        setup: NotSetUp | None = None,
    ) -> HTMLResponse:
        token, new = csrf_token(dict(request.cookies))
        values = context(request, data, general, notice, fresh, errors, data_rows, setup, token)
        response: HTMLResponse = await run_in_threadpool(  # a page of a thousand rows: ~0.2 s
            templates.TemplateResponse, request, "web/page.html.j2", values, status_code=status
        )
        if new:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    def boxes_of_page(request: Request, form: FormData) -> FormData:
        """The boxes of the page drawn from ``form``'s data, read back as a browser sends them."""
        values = context(request, form.data, None, None, False, None, form.data_rows, None, "")
        html = templates.get_template("web/page.html.j2").render(values)
        return from_form(form_fields(html))

    async def submitted(request: Request) -> tuple[FormData, Any, bool]:
        """The form's data, the raw form, and whether its token is the session's."""
        form = await request.form(max_files=1, max_fields=MAX_FIELDS)
        pairs = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
        trusted = csrf_ok(dict(request.cookies), form.get(CSRF_FIELD))
        return await run_in_threadpool(from_form, pairs), form, trusted

    def stale_page_message() -> str:
        return _(
            "This page was not opened from this app, or is out of date: nothing was done. "
            "Check the boxes, then press the button again."
        )

    @router.get("/", response_class=HTMLResponse)
    async def home(
        request: Request,
        start: Annotated[Literal["blank", "starter"], Query()] = "blank",
        profile: Annotated[str, Query(max_length=64)] = "state",
    ) -> HTMLResponse:
        if looks_like_file(profile) or profile not in profile_names():
            raise HTTPException(422, _("Unknown profile `{name}`.").format(name=profile))
        if start == "starter":
            data = parse(starter(profile)).data
            return await page(request, data, notice=_("Started from the sample meeting."))
        return await page(request, blank(profile), fresh=True)

    @router.get("/docs/{page}", response_class=HTMLResponse)
    async def guide(request: Request, page: str) -> HTMLResponse:
        """A guide the messages point to (how to install Pango …), readable in the browser."""
        path = docs_folder() / page
        if not _GUIDE.fullmatch(page) or not path.is_file():
            raise StarletteHTTPException(404)
        body = await run_in_threadpool(guide_html, path.read_text(encoding="utf-8"))
        return templates.TemplateResponse(
            request, "web/guide.html.j2", {"body": Markup(body), "page": page}
        )

    @router.post("/form/check")
    async def live_check(request: Request) -> JSONResponse:
        deadline = Deadline(timeout)
        form, _raw, trusted = await submitted(request)
        if not trusted:
            return JSONResponse({"detail": stale_page_message()}, status_code=403)
        try:
            checked = await pool.run(deadline, jobs.check_form, form, limits, True, request=request)
        except TooSlow:
            return JSONResponse({"errors": [], "general": [_("The preview took too long.")]})
        except WorkerDied:
            return JSONResponse({"errors": [], "general": [worker_died_message()]})
        setup = setup_view(checked.setup)
        return JSONResponse(
            {
                "errors": [{"name": name, "message": message} for name, message in checked.errors],
                "general": checked.general,
                "pages": checked.pages,
                "setup": None if setup is None else {**setup, "text": checked.general[-1]},
            }
        )

    @router.post("/form/open", response_class=HTMLResponse)
    async def open_file(request: Request) -> HTMLResponse:
        deadline = Deadline(timeout)
        form, raw, trusted = await submitted(request)
        if not trusted:
            return await page(request, form.data, [stale_page_message()], status=403)
        upload = raw.get("upload")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return await page(request, form.data, [_("Choose a YAML file first.")], status=422)
        name = upload.filename
        content = await upload.read(limits.max_bytes + 1)
        try:
            opened = await pool.run(
                deadline, jobs.open_file, content, name, limits, request=request
            )
        except TooSlow:
            return await page(request, form.data, [_("The document took too long.")], status=503)
        except WorkerDied:
            return await page(request, form.data, [worker_died_message()], status=500)
        if opened.data is None:
            notice = _("{file} was not opened.").format(file=name)
            return await page(request, form.data, opened.general, notice, 422)
        notice = _("Opened {file}.").format(file=name)
        return await page(request, opened.data, opened.general, notice)

    @router.post("/form/save")
    async def save(request: Request) -> Response:
        form, _raw, trusted = await submitted(request)
        if not trusted:
            return await page(request, form.data, [stale_page_message()], status=403)
        title = form.data.get("title") or "bien-ban"
        name = safe_output_name(f"{form.data.get('date', '')} {title}".strip()) + ".yaml"
        text = await run_in_threadpool(dumps, tidy(form.data), header=HEADER)
        return Response(
            text,
            media_type="application/yaml; charset=utf-8",
            headers={"Content-Disposition": content_disposition(name)},
        )

    @router.post("/form/download")
    async def download(
        request: Request, format: Annotated[Literal["pdf", "docx"], Query()] = "pdf"
    ) -> Response:
        deadline = Deadline(timeout)
        form, _raw, trusted = await submitted(request)
        if not trusted:
            return await page(request, form.data, [stale_page_message()], status=403)
        try:
            result = await pool.run(deadline, jobs.download, form, format, limits, request=request)
        except TooSlow:
            return await page(request, form.data, [_("The document took too long.")], status=503)
        except WorkerDied:
            return await page(request, form.data, [worker_died_message()], status=500)
        if isinstance(result, Checked):
            count = len(result.errors) + len(result.general)
            general = [
                _("Fix the {count} problems marked below first.").format(count=count),
                *result.general,
            ]
            names = await run_in_threadpool(boxes_of_page, request, form)
            return await page(
                request,
                form.data,
                general,
                status=422,
                errors=placed(result, form, names),
                data_rows=form.data_rows,
            )
        if isinstance(result, jobs.Refused):
            general = [problem_text(p) for p in result.problems]
            return await page(request, form.data, general, status=422)
        if isinstance(result, jobs.NotSetUp):  # a PDF on a computer without Pango
            return await page(
                request,
                form.data,
                notice=result.page,
                status=503,
                data_rows=form.data_rows,
                setup=result,
            )
        return Response(
            result.document,
            media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": content_disposition(result.name)},
        )

    return router
