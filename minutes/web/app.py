"""The web app: pages for staff and an HTTP API for other systems, over the public library.

:func:`create_app` builds a FastAPI app from :class:`Settings`; ``minutes serve`` runs it with
uvicorn (:mod:`minutes.web.serve`), and tests drive it through the ASGI test client. FastAPI's own
documentation pages load their scripts from a CDN, which an office without internet cannot reach,
so they are off: the OpenAPI description is at ``/api/openapi.json`` and a page the app renders
itself, from that description, is at ``/api``.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from minutes import __version__
from minutes.errors import Problem, SetupError
from minutes.i18n import _
from minutes.load import DEFAULT_LIMITS, Limits
from minutes.resources import templates_dir
from minutes.web import form_values, form_view
from minutes.web.api import error_response
from minutes.web.api import make_router as api_router
from minutes.web.guard import (
    BODY_IDLE_S,
    BODY_TOTAL_S,
    LOOPBACK_HOSTS,
    BodyLimit,
    BodyTimeout,
    CrossSite,
    HostCheck,
    Language,
    TokenCheck,
)
from minutes.web.pages import MAX_FIELDS
from minutes.web.pages import make_router as page_router
from minutes.web.work import (
    DEFAULT_TIMEOUT,
    Abandoned,
    WorkerDied,
    WorkPool,
    worker_died_message,
)

log = logging.getLogger("minutes.web")

ENVELOPE_BYTES = 256 * 1024
"""Room above the meeting's own size for what wraps it: a form's field names, an upload's parts."""

WEB_LIMITS = replace(DEFAULT_LIMITS, profile_files=False)
"""The limits of a file, for strangers: a meeting names a profile, never a file on the server."""


@dataclass(frozen=True)
class Settings:
    """How one app behaves; the defaults suit a clerk's own machine."""

    token: str | None = None
    """An access token every request must carry; ``None``: none needed."""
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS
    """Host names the app answers to; ``None``: any (when it serves a network)."""
    limits: Limits = field(default_factory=lambda: WEB_LIMITS)
    """How much meeting data one request may carry (the same limits as files); a meeting names
    a profile, never a profile file on the server's disk."""
    render_timeout: float = DEFAULT_TIMEOUT
    """Seconds a request may take in all (waiting for a worker, reading, checking, rendering)
    before it is answered 503; the work is then stopped."""
    workers: int | None = None
    """Worker processes, documents rendered at once (default: the cores, at most 8)."""
    body_idle: float = BODY_IDLE_S
    """Seconds a request body may go without a byte before it is answered 408."""
    body_total: float = BODY_TOTAL_S
    """Seconds a whole request body may take."""


def create_app(settings: Settings | None = None, pool: WorkPool | None = None) -> FastAPI:
    """The app, with its own pool of worker processes (started with the app's lifespan, or at
    the first request), or with ``pool`` shared with other apps (whoever made it closes it)."""
    settings = settings or Settings()
    owned = pool is None
    workers = pool if pool is not None else WorkPool(settings.workers)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        workers.start()  # warm before the first request
        yield
        if owned:
            workers.close()

    app = FastAPI(
        title="minutes",
        version=__version__,
        summary="Official Vietnamese minutes (biên bản) as DOCX and PDF.",
        description=(
            "Send a meeting as JSON or YAML (the format of `minutes`' YAML files, described by "
            "`GET /api/schema`); get the biên bản as PDF or DOCX in the state (NĐ 30/2020) or "
            "Party (HD 36-HD/VPTW) format. Messages are Vietnamese; `?lang=en` or an English "
            "`Accept-Language` gives English."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = workers
    templates = _templates()
    timeout = settings.render_timeout
    app.include_router(api_router(workers, settings.limits, timeout))
    app.include_router(page_router(workers, settings.limits, templates, timeout))
    app.mount("/static", StaticFiles(directory=templates_dir() / "web" / "static"), "static")

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    async def api_documentation(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request,
            "web/api.html.j2",
            {
                "spec": app.openapi(),
                "spec_url": app.openapi_url,
                "base": str(request.base_url),
                "token": settings.token,
            },
        )

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = [
            Problem(
                _("Not an accepted value."),
                field=".".join(str(part) for part in entry.get("loc", ())[1:]) or None,
                hint=_("see /api for the accepted values"),
            )
            for entry in error.errors()
        ]
        return error_response(422, _("The request has problems."), problems)

    @app.exception_handler(SetupError)
    async def not_set_up(request: Request, error: SetupError) -> JSONResponse:
        # a PDF asked of a computer without Pango: what is missing, not an internal error
        return error_response(503, str(error))

    @app.exception_handler(StarletteHTTPException)
    async def framework(request: Request, error: StarletteHTTPException) -> Response:
        return error_response(
            error.status_code, framework_message(error.status_code, str(error.detail), request)
        )

    @app.exception_handler(Abandoned)
    async def abandoned(request: Request, error: Abandoned) -> Response:
        return Response(status_code=499)  # nobody is listening; the work was stopped

    @app.exception_handler(WorkerDied)
    async def worker_died(request: Request, error: WorkerDied) -> JSONResponse:
        return error_response(500, worker_died_message())

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, _("Internal error. Please report it with the input."))

    _guard(app, settings)
    return app


def framework_message(status: int, detail: str, request: Request) -> str:
    """What Starlette and FastAPI say (``Not Found``, ``Method Not Allowed``, ``Too many fields.
    Maximum number of fields is 50000.``), in the user's language."""
    if status == 404:
        return _("There is nothing at this address.")
    if status == 405:
        return _("This address does not take {method} requests.").format(method=request.method)
    if detail.startswith("Too many fields"):
        return _("The form has more than {limit} fields.").format(limit=MAX_FIELDS)
    if detail.startswith("Too many files"):
        return _("Send one file at a time.")
    if status == 400:
        return _("The request cannot be read (is it a form, JSON or YAML?).")
    return _("The request cannot be answered (HTTP {status}).").format(status=status)


def _guard(app: FastAPI, settings: Settings) -> None:
    """The middleware, outermost first: host, cross-site, token, body size, body time,
    language."""
    app.add_middleware(Language)
    app.add_middleware(BodyTimeout, idle=settings.body_idle, total=settings.body_total)
    app.add_middleware(BodyLimit, max_bytes=settings.limits.max_bytes + ENVELOPE_BYTES)
    if settings.token:
        app.add_middleware(TokenCheck, token=settings.token)
    app.add_middleware(CrossSite)
    if settings.allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=settings.allowed_hosts)


def _templates() -> Jinja2Templates:
    from minutes.web import labels, spec

    templates = Jinja2Templates(directory=templates_dir())
    # The pages are HTML, named *.html.j2: Starlette's default escapes only *.html, so without
    # this a quote or a < typed in a box would end the attribute or start a tag on the page.
    templates.env.autoescape = True
    templates.env.globals.update(
        label_of=lambda model, key: labels.FIELDS[model][key][0],
        hint_of=lambda model, key: labels.FIELDS[model][key][1],
        row_word=lambda key: labels.ROWS.get(key, "dòng"),
        boxes_of=spec.boxes,
        sections=spec.SECTIONS,
        section_labels=labels.SECTIONS,
        part_kinds=labels.PART_KINDS,
        part_models=spec.PART_MODELS,
        choices=labels.CHOICES,
        honorifics=labels.HONORIFICS,
        no_honorific=labels.NO_HONORIFIC,
        person_kinds=labels.PERSON_KIND,
        row_kinds=labels.ROW_KIND,
        data_labels=labels.DATA_ROW,
        more_label=labels.MORE,
        row_templates=spec.TEMPLATES,
        compact=spec.COMPACT,
        person_keys=lambda absent: spec.ABSENT if absent else spec.PERSON,
        fits=form_view.fits,
        person_kind=form_view.person_kind,
        person_box=form_view.person_box,
        box_text=form_values.box_text,
        count_text=form_values.count_text,
        value_box=form_values.value_box,
        date_box=form_values.date_box,
        moment_boxes=form_values.moment_boxes,
        end_boxes=form_values.end_boxes,
        rows=form_view.rows,
        part_kind=form_view.part_kind,
        named_values=form_view.named_values,
        table_view=form_view.table_view,
        open_more=form_view.open_more,
        version=__version__,
    )
    templates.env.filters["help"] = help_html
    return templates


_CODE = re.compile(r"`([^`]+)`|(\{\{.*?\}\})")


def help_html(text: str) -> Markup:
    """A hint or a description, its `code` spans and its ``{{ … }}`` examples as ``<code>``."""
    return Markup(
        _CODE.sub(lambda m: f"<code>{m.group(1) or m.group(2)}</code>", str(escape(text)))
    )
