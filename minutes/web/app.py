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
from dataclasses import dataclass, field

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from minutes import __version__
from minutes.api import Renderer
from minutes.errors import Problem, SetupError
from minutes.i18n import _
from minutes.load import DEFAULT_LIMITS, Limits
from minutes.resources import templates_dir
from minutes.web import form as form_helpers
from minutes.web.api import error_response
from minutes.web.api import make_router as api_router
from minutes.web.guard import LOOPBACK_HOSTS, BodyLimit, HostCheck, Language, TokenCheck
from minutes.web.pages import make_router as page_router
from minutes.web.work import DEFAULT_TIMEOUT, WorkPool

log = logging.getLogger("minutes.web")

ENVELOPE_BYTES = 256 * 1024
"""Room above the meeting's own size for what wraps it: a form's field names, an upload's parts."""


@dataclass(frozen=True)
class Settings:
    """How one app behaves; the defaults suit a clerk's own machine."""

    token: str | None = None
    """An access token every request must carry; ``None``: none needed."""
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS
    """Host names the app answers to; ``None``: any (when it serves a network)."""
    limits: Limits = field(default_factory=lambda: DEFAULT_LIMITS)
    """How much meeting data one request may carry (the same limits as files)."""
    render_timeout: float = DEFAULT_TIMEOUT
    """Seconds a request waits for its document before it is answered 503."""
    workers: int | None = None
    """Documents rendered at once (default: the cores, at most 4)."""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app, with its own renderer and pool of render threads."""
    settings = settings or Settings()
    pool = WorkPool(settings.render_timeout, settings.workers)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

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
    renderer = Renderer()
    app.state.pool = pool
    templates = _templates()
    app.include_router(api_router(renderer, pool, settings.limits))
    app.include_router(page_router(renderer, pool, settings.limits, templates))
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

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, _("Internal error. Please report it with the input."))

    _guard(app, settings)
    return app


def _guard(app: FastAPI, settings: Settings) -> None:
    """The middleware, outermost first: host, token, size, language."""
    app.add_middleware(Language)
    app.add_middleware(BodyLimit, max_bytes=settings.limits.max_bytes + ENVELOPE_BYTES)
    if settings.token:
        app.add_middleware(TokenCheck, token=settings.token)
    if settings.allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=settings.allowed_hosts)


def _templates() -> Jinja2Templates:
    from minutes.schema_fields import FIELDS

    templates = Jinja2Templates(directory=templates_dir())
    templates.env.globals.update(
        labels=FIELDS,
        person_kind=form_helpers.person_kind,
        person_text=form_helpers.person_text,
        box_text=form_helpers.box_text,
        rows=form_helpers.rows,
        named_values=form_helpers.named_values,
        scalar_text=form_helpers.scalar_text,
        version=__version__,
    )
    templates.env.filters["help"] = help_html
    return templates


_CODE = re.compile(r"`([^`]+)`")


def help_html(text: str) -> Markup:
    """A field's description from the schema, its `code` spans as ``<code>``."""
    return Markup(_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", str(escape(text))))
