"""The pages for staff: the form, its live check and preview, opening and saving YAML, downloads.

Every action is a plain form submission (open, save, download), so it works with the keyboard and
even without the script; the script (``static/app.js``) adds the live part: it posts the form to
``/form/check`` a moment after each change and shows the errors beside their fields and the
pages of the PDF. The form's data goes through exactly what a YAML file goes through:
:func:`minutes.dump.dumps` writes it as YAML, :func:`minutes.validate.validate_text` checks it,
:func:`minutes.loads` and the shared renderer make the files.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import UploadFile

from minutes.api import Renderer, safe_output_name
from minutes.dump import HEADER, dumps
from minutes.errors import InputError, Problem, SetupError
from minutes.i18n import _
from minutes.load import Limits, decode, loads, parse
from minutes.starter import starter
from minutes.validate import Path_, field_tuple, validate_text
from minutes.web.api import MEDIA_TYPES, content_disposition, download_name
from minutes.web.form import FormData, from_form
from minutes.web.preview import page_images
from minutes.web.work import TooSlow, WorkPool

FORM_SOURCE = "biểu mẫu"
"""The name problems of the form's data are reported under."""

MAX_FIELDS = 50_000
"""Fields one form may send: a thousand attendees (the loader's limit) at four boxes each, and
more, fit; the body limit bounds the bytes."""


@dataclass
class Checked:
    """The outcome of checking the form: problems by field, problems of the whole, pages."""

    errors: list[tuple[str, str]]
    general: list[str]
    text: str
    pages: list[dict[str, Any]] | None = None
    problems: list[Problem] = field(default_factory=list)
    """The validator's problems, for placing them on a page drawn afresh from the data."""


_YAML_HINT = re.compile(r"`[\w.]+: …`")
"""Hints that say what to write in the file (``add `title: …` here``): no help in a form."""


def problem_text(problem: Problem) -> str:
    """A problem's message and its hint, for a reader looking at the field."""
    if problem.hint and not _YAML_HINT.search(problem.hint):
        return f"{problem.message} ({problem.hint})"
    return problem.message


def rendered_name(path: Path_ | None, data_keys: list[str]) -> str | None:
    """The form field the page template gives the data at ``path`` (rows numbered ``_1``, ``_2``
    …, a group line in the ``name`` box, the named value ``data_keys[i]`` in row ``_{i+1}``)."""
    if not path:
        return None
    if path[0] == "data" and len(path) > 1:
        key = path[1]
        return f"data._{data_keys.index(key) + 1}.value" if key in data_keys else "data"
    parts = [f"_{part + 1}" if isinstance(part, int) else part for part in path]
    return ".".join("name" if part == "line" else part for part in parts)


def check_form(form: FormData, renderer: Renderer, limits: Limits, preview: bool) -> Checked:
    """Validate the form's data as YAML and, if it is valid and ``preview`` is asked for, draw
    its pages. Runs in the pool (it holds a core for the render)."""
    text = dumps(form.data)
    checked = Checked([*form.problems], [], text)
    checked.problems = validate_text(text, FORM_SOURCE)
    for problem in checked.problems:
        name = form.name_of(field_tuple(problem.field))
        if name is None:
            label = f"{problem.field}: " if problem.field else ""
            checked.general.append(label + problem_text(problem))
        else:
            checked.errors.append((name, problem_text(problem)))
    if preview and not checked.errors and not checked.general:
        try:
            pdf = renderer.render_pdf(loads(text, FORM_SOURCE, limits))
        except SetupError as error:  # no Pango here: the checks stand, the preview cannot be
            checked.general.append(setup_text(error))
            return checked
        checked.pages = [vars(image) for image in page_images(pdf)]
    return checked


def setup_text(error: SetupError) -> str:
    """A set-up problem in one paragraph for the page: what is missing, that the DOCX still
    works, and where the instructions are."""
    parts = [error.message, _("The DOCX can still be downloaded.")]
    if error.docs:
        parts.append(_("More: {docs}").format(docs=error.docs))
    return " ".join(parts)


def placed(checked: Checked, form: FormData) -> dict[str, list[str]]:
    """The problems of ``checked`` by the field they show beside on the page drawn again from
    ``form`` (the page a failed download gives back, which must show them without the script)."""
    keys = [key for _row, key, _text in form.data_rows]
    rows = {row: index for index, (row, _key, _text) in enumerate(form.data_rows)}
    errors: dict[str, list[str]] = {}
    for name, message in form.problems:  # a named-value row: ``data._n9.key``
        row, _dot, box = name.rpartition(".")
        if row in rows:
            errors.setdefault(f"data._{rows[row] + 1}.{box}", []).append(message)
    for problem in checked.problems:
        shown = rendered_name(field_tuple(problem.field), keys)
        if shown is not None:
            errors.setdefault(shown, []).append(problem_text(problem))
    return errors


def blank(profile: str) -> dict[str, Any]:
    """An empty meeting of ``profile``: one empty agenda item to start from."""
    return {"profile": profile, "agenda": [{}]}


async def close_form(request: Request) -> AsyncIterator[None]:
    """Close the form a route read, after the route: Starlette spools every file part (even the
    empty file box that the page's script sends with each check) to a temporary file, and closes
    it only when asked."""
    try:
        yield
    finally:
        await request.close()


def make_router(
    renderer: Renderer, pool: WorkPool, limits: Limits, templates: Jinja2Templates
) -> APIRouter:
    """The page routes, sharing the app's renderer, pool and templates."""
    router = APIRouter(include_in_schema=False, dependencies=[Depends(close_form)])

    def page(
        request: Request,
        data: dict[str, Any],
        general: list[str] | None = None,
        notice: str | None = None,
        status: int = 200,
        fresh: bool = False,
        errors: dict[str, list[str]] | None = None,
        data_rows: list[tuple[str, str, str]] | None = None,
    ) -> HTMLResponse:
        if not data.get("agenda"):  # an agenda item to start from, as on an empty page
            data = {**data, "agenda": [{}]}
        context = {
            "data": data,
            "general": general or [],
            "notice": notice,
            "fresh": fresh,
            "errors": errors or {},
            "data_rows": None if data_rows is None else [(k, v) for _row, k, v in data_rows],
        }
        return templates.TemplateResponse(request, "web/page.html.j2", context, status_code=status)

    async def submitted(request: Request) -> tuple[FormData, Any]:
        form = await request.form(max_files=1, max_fields=MAX_FIELDS)
        pairs = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
        return from_form(pairs), form

    def check(form: FormData, preview: bool) -> Checked:
        return check_form(form, renderer, limits, preview)

    @router.get("/", response_class=HTMLResponse)
    async def home(
        request: Request,
        start: Annotated[Literal["blank", "starter"], Query()] = "blank",
        profile: Annotated[Literal["state", "party"], Query()] = "state",
    ) -> HTMLResponse:
        if start == "starter":
            data = parse(starter(profile)).data
            return page(request, data, notice=_("Started from the sample meeting."))
        return page(request, blank(profile), fresh=True)

    @router.post("/form/check")
    async def live_check(request: Request) -> JSONResponse:
        form, _raw = await submitted(request)
        try:
            checked = await pool.run(check, form, True)
        except TooSlow:
            return JSONResponse({"errors": [], "general": [_("The preview took too long.")]})
        return JSONResponse(
            {
                "errors": [{"name": name, "message": message} for name, message in checked.errors],
                "general": checked.general,
                "pages": checked.pages,
            }
        )

    @router.post("/form/open", response_class=HTMLResponse)
    async def open_file(request: Request) -> HTMLResponse:
        form, raw = await submitted(request)
        upload = raw.get("upload")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return page(request, form.data, [_("Choose a YAML file first.")], status=422)
        name = upload.filename
        content = await upload.read(limits.max_bytes + 1)
        try:
            text = decode(content, name, limits)
            parsed = parse(text, name, limits)
        except InputError as error:
            general = [f"{p.location()}: {problem_text(p)}" for p in error.problems]
            return page(
                request, form.data, general, _("{file} was not opened.").format(file=name), 422
            )
        if not isinstance(parsed.data, dict):
            message = _("The file must be a mapping of fields.")
            return page(request, form.data, [f"{name}: {message}"], status=422)
        problems = await pool.run(validate_text, text, name)
        general = [
            f"{p.location()}: " + (f"{p.field}: " if p.field else "") + problem_text(p)
            for p in problems
        ]
        return page(request, parsed.data, general, _("Opened {file}.").format(file=name))

    @router.post("/form/save")
    async def save(request: Request) -> Response:
        form, _raw = await submitted(request)
        title = form.data.get("title") or "bien-ban"
        name = safe_output_name(f"{form.data.get('date', '')} {title}".strip()) + ".yaml"
        return Response(
            dumps(form.data, header=HEADER),
            media_type="application/yaml; charset=utf-8",
            headers={"Content-Disposition": content_disposition(name)},
        )

    @router.post("/form/download")
    async def download(
        request: Request, format: Annotated[Literal["pdf", "docx"], Query()] = "pdf"
    ) -> Response:
        form, _raw = await submitted(request)
        try:
            checked = await pool.run(check, form, False)
            if checked.errors or checked.general:
                count = len(checked.errors) + len(checked.general)
                general = [
                    _("Fix the {count} problems marked below first.").format(count=count),
                    *checked.general,
                ]
                errors = placed(checked, form)
                return page(
                    request,
                    form.data,
                    general,
                    status=422,
                    errors=errors,
                    data_rows=form.data_rows,
                )
            meeting = loads(checked.text, FORM_SOURCE, limits)
            document = await pool.run(renderer.render, meeting, format)
        except TooSlow:
            return page(request, form.data, [_("The document took too long.")], status=503)
        except InputError as error:
            return page(request, form.data, [problem_text(p) for p in error.problems], status=422)
        except SetupError as error:  # a PDF on a computer without Pango
            return page(request, form.data, [setup_text(error)], status=503)
        return Response(
            document,
            media_type=MEDIA_TYPES[format],
            headers={
                "Content-Disposition": content_disposition(download_name(meeting, f".{format}"))
            },
        )

    return router
