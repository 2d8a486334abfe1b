"""The HTTP API for other systems: render, validate, and the JSON Schema of the format.

A thin layer over the library (:func:`minutes.loads`, :class:`minutes.Renderer`,
:func:`minutes.validate.validate_text`): a body is read like a file (YAML or JSON, UTF-8 or
UTF-16 with a BOM, within :class:`minutes.Limits`), so a meeting gives the same document and the
same messages here as at the command line. Every error is JSON: ``{"detail": …, "errors": […]}``,
each problem with its field path, message, and line and column in the body.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from minutes.api import Renderer, safe_output_name
from minutes.errors import InputError, Problem
from minutes.i18n import _, decimal_text
from minutes.load import Limits, decode, loads
from minutes.model import Minutes
from minutes.validate import field_tuple, validate_text
from minutes.web.work import TooSlow, WorkPool

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


def download_name(meeting: Minutes, suffix: str) -> str:
    """``2018-03-07 Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100.pdf``: sorts by date in a
    folder and says what the meeting was."""
    return safe_output_name(f"{meeting.date.isoformat()} {meeting.title}") + suffix


def content_disposition(name: str) -> str:
    """``attachment`` with the name in UTF-8 (RFC 6266) and a plain-letters fallback."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if ch.isascii() and ch not in '"\\' and ch.isprintable())
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


async def read_meeting_text(request: Request, limits: Limits) -> str:
    """The body as text, refused when its type is not YAML or JSON (415)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media and media not in BODY_TYPES:
        raise ApiError(
            415,
            _("Send the meeting as JSON or YAML (Content-Type: {types}).").format(
                types=", ".join(BODY_TYPES[:2])
            ),
        )
    raw = await request.body()
    try:
        return decode(raw, SOURCE, limits)
    except InputError as error:
        raise ApiError(422, _("The body cannot be read."), error.problems) from None


def make_router(renderer: Renderer, pool: WorkPool, limits: Limits) -> APIRouter:
    """The ``/api`` routes, sharing the app's renderer and pool."""
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
        try:
            text = await read_meeting_text(request, limits)
            try:
                meeting = await pool.run(loads, text, SOURCE, limits)
                document = await pool.run(renderer.render, meeting, format, variant)
            except InputError as error:  # the data, or a {{ … }} expression it cannot satisfy
                raise ApiError(422, _("The meeting has problems."), error.problems) from None
            except TooSlow:
                raise ApiError(
                    503,
                    _("The document took longer than {seconds} seconds.").format(
                        seconds=decimal_text(pool.timeout)
                    ),
                ) from None
        except ApiError as error:
            return error.response()
        name = download_name(meeting, f".{format}")
        return Response(
            document,
            media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": content_disposition(name)},
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
        try:
            text = await read_meeting_text(request, limits)
        except ApiError as error:
            if error.status != 422:
                return error.response()
            problems = error.problems
        else:
            try:
                problems = await pool.run(validate_text, text, SOURCE)
            except TooSlow:
                return error_response(503, _("Checking took too long."))
        return JSONResponse({"valid": not problems, "errors": [problem_json(p) for p in problems]})

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
