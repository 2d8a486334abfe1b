"""The HTTP API for other systems: render, validate, and the JSON Schema of the format.

A thin layer over the library (:func:`minutes.loads`, :class:`minutes.Renderer`,
:func:`minutes.validate.validate_text`): a body is read like a file (YAML or JSON, UTF-8, or
UTF-16 or UTF-32 with a BOM, within :class:`minutes.Limits`), so a meeting gives the same
document and the same messages here as at the command line. Every error is JSON: ``{"detail": …,
"errors": […]}``, each problem with its field path, message, and line and column in the body.
Decoding, reading, checking and rendering run in the worker processes of
:mod:`minutes.web.work`, within one time limit per request.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from minutes.errors import InputError, Problem
from minutes.i18n import _, decimal_text
from minutes.load import Limits, decode
from minutes.paths import field_tuple
from minutes.web import jobs
from minutes.web.work import Deadline, TooSlow, WorkPool

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
BODY_TYPES = (
    "application/json",
    "application/yaml",
    "application/x-yaml",
    "text/yaml",
    "text/x-yaml",
    "text/plain",
)
"""Content types a meeting may come in (JSON is YAML, so both go through the same reader)."""

SOURCE = "<request>"

_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The meeting, as in a `.yaml` or `.json` file (see `GET /api/schema`).",
        "content": {
            "application/json": {"schema": {"$ref": "/api/schema"}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}


class ApiError(Exception):
    """An answer other than 200, with its problems."""

    def __init__(self, status: int, detail: str, problems: list[Problem] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.problems = problems or []

    def response(self) -> JSONResponse:
        return error_response(self.status, self.detail, self.problems)


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem for a client: its field as text and as a path (0-based list indices)."""
    entry: dict[str, Any] = problem.as_dict()
    entry.pop("file", None)  # always the request
    path = field_tuple(problem.field)
    if path is not None:
        entry["path"] = list(path)
    return entry


def error_response(status: int, detail: str, problems: list[Problem] | None = None) -> JSONResponse:
    """The JSON body every error has."""
    body: dict[str, Any] = {"detail": detail}
    if problems:
        body["errors"] = [problem_json(p) for p in problems]
    return JSONResponse(body, status_code=status)


download_name = jobs.download_name


def content_disposition(name: str) -> str:
    """``attachment`` with the name in UTF-8 (RFC 6266) and a plain-letters fallback."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if ch.isascii() and ch not in '"\\' and ch.isprintable())
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


def too_slow(timeout: float) -> ApiError:
    return ApiError(
        503,
        _("The document took longer than {seconds} seconds.").format(seconds=decimal_text(timeout)),
    )


async def read_meeting_body(request: Request) -> bytes:
    """The body, refused when its type is not YAML or JSON (415)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media and media not in BODY_TYPES:
        raise ApiError(
            415,
            _("Send the meeting as JSON or YAML (Content-Type: {types}).").format(
                types=", ".join(BODY_TYPES[:2])
            ),
        )
    return await request.body()


def decode_body(raw: bytes, limits: Limits) -> str | list[Problem]:
    """The body as text, or why it cannot be read (runs in a worker: a 1 MB body of a legacy
    encoding takes a moment to recognise)."""
    try:
        return decode(raw, SOURCE, limits)
    except InputError as error:
        return list(error.problems)


def render_body(raw: bytes, fmt: str, variant: str | None, limits: Limits) -> Any:
    """The job of ``POST /api/render``: decode, read, render (one trip to a worker)."""
    text = decode_body(raw, limits)
    if isinstance(text, list):
        return text
    return jobs.render_text(text, SOURCE, fmt, variant, limits)


def validate_body(raw: bytes, limits: Limits) -> list[Problem]:
    """The job of ``POST /api/validate``: every problem, those of a body that cannot be read
    at all included."""
    text = decode_body(raw, limits)
    return text if isinstance(text, list) else jobs.validate(text, SOURCE, limits)


def make_router(pool: WorkPool, limits: Limits, timeout: float) -> APIRouter:
    """The ``/api`` routes, sharing the app's pool of workers; ``timeout``: the seconds one
    request may take in all."""
    router = APIRouter(prefix="/api", tags=["API"])

    @router.post(
        "/render",
        summary="Render a meeting to PDF or DOCX",
        description=(
            "The body is the meeting (JSON or YAML). The answer is the file, named after the "
            "date and title of the meeting. Invalid data gives 422 with every problem at once."
        ),
        openapi_extra=_BODY_DOC,
        response_class=Response,
        responses={
            200: {
                "description": "The file.",
                "content": {media: {} for media in MEDIA_TYPES.values()},
            },
            413: {"description": "The body is larger than the limit."},
            415: {"description": "The body is not JSON or YAML."},
            422: {"description": "The meeting has problems (`errors`)."},
            503: {"description": "The document took longer than the time limit."},
        },
    )
    async def render(
        request: Request,
        format: Annotated[Literal["pdf", "docx"], Query(description="Output format.")] = "pdf",
        variant: Annotated[
            Literal["pdf/a-2b", "pdf/a-3b", "pdf/ua-1"] | None,
            Query(description="An archival PDF variant (PDF only)."),
        ] = None,
    ) -> Response:
        deadline = Deadline(timeout)
        try:
            raw = await read_meeting_body(request)
            try:
                result = await pool.run(
                    deadline, render_body, raw, format, variant, limits, request=request
                )
            except TooSlow:
                raise too_slow(timeout) from None
            if isinstance(result, list):
                raise ApiError(422, _("The body cannot be read."), result)
            if isinstance(result, jobs.Refused):
                raise ApiError(422, _("The meeting has problems."), result.problems)
            if isinstance(result, jobs.NotSetUp):  # a PDF asked of a computer without Pango
                raise ApiError(503, result.detail)
        except ApiError as error:
            return error.response()
        return Response(
            result.document,
            media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": content_disposition(result.name)},
        )

    @router.post(
        "/validate",
        summary="Check a meeting without rendering it",
        description=(
            "Every problem at once, each with its field path, message, and line and column in "
            "the body. `valid` is true when the meeting will render."
        ),
        openapi_extra=_BODY_DOC,
        responses={
            200: {"description": "`valid`, and the `errors` found (none when valid)."},
            413: {"description": "The body is larger than the limit."},
            415: {"description": "The body is not JSON or YAML."},
        },
    )
    async def validate(request: Request) -> JSONResponse:
        deadline = Deadline(timeout)
        try:
            raw = await read_meeting_body(request)
        except ApiError as error:
            return error.response()
        try:
            result = await pool.run(deadline, validate_body, raw, limits, request=request)
        except TooSlow:
            return error_response(503, _("Checking took too long."))
        return JSONResponse({"valid": not result, "errors": [problem_json(p) for p in result]})

    @router.get(
        "/schema",
        summary="The JSON Schema of the meeting format",
        description="The same schema as `minutes schema`, with Vietnamese titles.",
        response_class=JSONResponse,
        responses={
            200: {
                "description": "The JSON Schema (draft-07).",
                "content": {"application/schema+json": {}},
            }
        },
    )
    async def schema() -> JSONResponse:
        from minutes.schema import json_schema

        return JSONResponse(json_schema(), media_type="application/schema+json")

    return router
