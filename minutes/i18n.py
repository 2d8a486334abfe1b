"""The language of user-facing messages: Vietnamese by default, English on request.

Messages are written in English in the code (``_("…")``) and translated through a gettext catalog
(``minutes/locale/vi/LC_MESSAGES/minutes.po``), built with Babel's own tools (see
``docs/translating.md``). The language is chosen, in order, by :func:`set_language`, the
``MINUTES_LANG`` variable, or an English ``LANGUAGE`` / ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``;
anything else means Vietnamese, the language of the users. A server answering each request in
the language it asks for uses :func:`language`, which holds for the current thread or task only
(a context variable) and comes before all of these.

A wheel carries the compiled ``.mo`` (the build hook in ``setup.py`` compiles it). A source
checkout or an editable install has only the ``.po`` (``.mo`` files are not committed), so when
no up-to-date ``.mo`` is found the ``.po`` is compiled with Babel: messages are Vietnamese without
a build step, and a translator sees an edit at the next run. What it compiles to is kept in the
cache (:mod:`minutes.cache`) under a digest of the ``.po``'s bytes, so a process reads it back
instead of compiling it again (Babel's ``read_po`` of 900 messages was about 40 ms of every
command, ``minutes --help`` included).
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import io
import os
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

LANGUAGES = ("vi", "en")
DOMAIN = "minutes"
LOCALE_DIR = Path(__file__).parent / "locale"

_chosen: str | None = None
_in_context: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "minutes_language", default=None
)
_cache: dict[str, gettext.NullTranslations] = {}
_cache_lock = threading.Lock()


def set_language(lang: str | None) -> None:
    """Choose ``"vi"`` or ``"en"`` for all messages; ``None`` goes back to the default."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _chosen = lang


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Messages in ``lang`` inside the ``with`` block, for this thread or task only (``None``:
    the process's language). A web request in English must not turn the next one English."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    token = _in_context.set(lang)
    try:
        yield
    finally:
        _in_context.reset(token)


def current_language() -> str:
    """The language messages are written in now."""
    in_context = _in_context.get()
    if in_context is not None:
        return in_context
    if _chosen is not None:
        return _chosen
    explicit = os.environ.get("MINUTES_LANG", "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").strip().lower()
        if value and value not in ("c", "posix", "c.utf-8", "c.utf8"):
            return "en" if value.startswith("en") else "vi"
    return "vi"


def decimal_text(value: float, places: int = 2) -> str:
    """A short number for a message: at most ``places`` decimals, none when they are zeros, with
    the decimal comma in Vietnamese (``1,25``) and the point in English (``1.25``)."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".") if places else f"{value:.0f}"
    return text.replace(".", ",") if current_language() == "vi" else text


def catalog_paths(lang: str) -> tuple[Path, Path]:
    """The ``.po`` source and the compiled ``.mo`` of ``lang``'s catalog."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def compile_po(po_path: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file, with Babel (fuzzy entries are left out, as
    ``pybabel compile`` does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as stream:
        catalog = read_po(stream)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


CATALOG_FORMAT = "1"
"""Part of a kept catalog's name: a change in how it is compiled (another Babel option) changes
it, so no process reads a catalog compiled the old way."""


def compiled_catalog(po_path: Path) -> gettext.GNUTranslations:
    """The translations of ``po_path``, read from the cache when this very ``.po`` was compiled
    before (see the module's docstring), else compiled and kept. A kept entry that cannot be
    read as a catalog is compiled again: a broken cache must not turn the messages English."""
    from minutes import cache  # here: minutes.cache needs minutes.files, which needs this module

    name = cache.digest(po_path.read_bytes(), CATALOG_FORMAT) + ".mo"
    kept = cache.read("catalog", name)
    if kept is not None:
        with contextlib.suppress(OSError, ValueError, IndexError, struct.error):
            return gettext.GNUTranslations(io.BytesIO(kept))
    compiled = compile_po(po_path)
    translations = gettext.GNUTranslations(io.BytesIO(compiled))
    cache.write("catalog", name, compiled)
    return translations


def _load(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()  # the source strings are English
    po_path, mo_path = catalog_paths(lang)
    try:
        if mo_path.is_file() and (
            not po_path.is_file() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
        ):
            with mo_path.open("rb") as stream:
                return gettext.GNUTranslations(stream)
        if po_path.is_file():
            return compiled_catalog(po_path)
    except (OSError, ValueError):  # an unreadable catalog must not stop the tool: English
        pass
    return gettext.NullTranslations()


def translations(lang: str | None = None) -> gettext.NullTranslations:
    """The catalog of ``lang`` (default: the current language), loaded once per process."""
    lang = lang or current_language()
    with _cache_lock:
        if lang not in _cache:
            _cache[lang] = _load(lang)
        return _cache[lang]


def _(message: str) -> str:
    """Translate ``message`` (English source text) into the current language."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware :func:`_` (Vietnamese has one form; English has two)."""
    return translations().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now: for strings kept in tables
    and translated later, when the language is known (``_(table[key])``)."""
    return message
