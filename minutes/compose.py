"""Meeting data + profile → document tree, through the one Jinja2 template.

The environment is built once (:class:`Composer`) and reused: templates are parsed once, and the
composer holds no per-document state, so one instance serves many threads. The template runs with
``StrictUndefined`` (a missing field is an error, not an empty line) and autoescape on (data is
text, never markup). The ``{{ … }}`` a clerk writes inside the text are data, evaluated first,
in a sandbox of their own (:mod:`minutes.expressions`); the template then prints the meeting's
view (:mod:`minutes.view`).
"""

from __future__ import annotations

import functools

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.exceptions import TemplateError
from markupsafe import Markup, escape

from minutes import cache, formatting
from minutes.errors import InputError, MinutesError, Problem
from minutes.expressions import Expander
from minutes.markdown import to_inline, to_paragraphs
from minutes.model import Minutes
from minutes.profiles import Profile
from minutes.resources import templates_dir
from minutes.tree import Document, Metadata, parse_tree
from minutes.view import build as build_view

TEMPLATE = "bien-ban.xhtml.j2"


def _capitalize_first(text: object) -> str:
    """Upper-case the first letter only ("đồng chí A" → "Đồng chí A"); Jinja's ``capitalize``
    would also lower-case the rest, and names must keep their capitals."""
    value = text if isinstance(text, str) else str(text)  # Markup stays Markup
    return value[:1].upper() + value[1:]


def _one_line(text: object) -> str:
    """Text with its line breaks turned into spaces (for titles and file metadata)."""
    return " ".join(str(text).split())


MAX_PROPERTY_CHARS = 255
"""The longest value of a document property (title, author …): Word's core properties take no
more (python-docx refuses a longer one), and the PDF's are kept the same."""


def _property(text: str) -> str:
    """``text`` cut to :data:`MAX_PROPERTY_CHARS`, at a space where one is near, with ``…``."""
    if len(text) <= MAX_PROPERTY_CHARS:
        return text
    cut = text[: MAX_PROPERTY_CHARS - 1]
    space = cut.rfind(" ")
    if space > MAX_PROPERTY_CHARS // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _lines(text: object) -> Markup:
    """Text whose line breaks the writer must keep (a long body name set on two lines)."""
    return Markup("<br/>").join(escape(line) for line in str(text).split("\n"))


class Composer:
    """Turns :class:`Minutes` into a :class:`Document`. Build once, use from any thread."""

    def __init__(self) -> None:
        compiled = cache.folder_of("jinja")  # the template compiled once, not in every process
        self._env = Environment(
            loader=FileSystemLoader(str(templates_dir())),
            bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._env.filters.update(formatting.FILTERS)
        self._env.filters["md"] = to_paragraphs
        self._env.filters["inline"] = to_inline
        self._env.filters["capitalize_first"] = _capitalize_first
        self._env.filters["lines"] = _lines
        self._env.filters["one_line"] = _one_line
        self._template = self._env.get_template(TEMPLATE)
        self._expander = Expander()

    def compose(self, minutes: Minutes, profile: Profile | None = None) -> Document:
        """The document tree of ``minutes``, in its own profile unless another is given."""
        profile = profile or minutes.format_profile
        context = build_view(minutes, self._expander.expand(minutes), profile)
        try:
            xhtml = self._template.render(context)
        except InputError as exc:  # a value the template cannot write: name at least the file
            if all(problem.file for problem in exc.problems):
                raise
            problems = [
                Problem(p.message, p.file or minutes.source, p.line, p.column, p.field, p.hint)
                for p in exc.problems
            ]
            raise type(exc)(problems) from None
        except MinutesError:
            raise
        except TemplateError as exc:  # a bug in our template, not in the user's data
            from minutes.errors import InternalError

            raise InternalError(f"template {TEMPLATE}: {exc}") from exc
        title = _one_line(minutes.title)
        metadata = Metadata(
            title=_property(f"{profile.wording.doc_kind.capitalize()} {title}"),
            author=_property(_one_line(minutes.organization.name)),
            subject=_property(title),
            keywords=_property(profile.format_number(minutes.number, minutes.symbol)),
        )
        return parse_tree(xhtml, profile, metadata)


@functools.cache
def default_composer() -> Composer:
    """One shared composer per process (the template is parsed once)."""
    return Composer()


def compose(minutes: Minutes, profile: Profile | None = None) -> Document:
    """The document tree of ``minutes`` (see :class:`Composer`)."""
    return default_composer().compose(minutes, profile)
