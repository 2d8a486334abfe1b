"""The language of user-facing messages: Vietnamese by default, English on request.

Messages are written in English in the code (``_("…")``) and translated through a gettext catalog
(``minutes/locale/vi/LC_MESSAGES/minutes.po``), built with Babel's own tools. The language is
chosen, in order, by :func:`set_language`, the ``MINUTES_LANG`` variable, or an English ``LANG`` /
``LC_ALL`` / ``LANGUAGE``; anything else means Vietnamese, the language of the users.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

LANGUAGES = ("vi", "en")
LOCALE_DIR = Path(__file__).parent / "locale"

_chosen: str | None = None


def set_language(lang: str | None) -> None:
    """Choose ``"vi"`` or ``"en"`` for all messages; ``None`` goes back to the default."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _chosen = lang


def current_language() -> str:
    """The language messages are written in now."""
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


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("minutes", LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    """Translate ``message`` (English source text) into the current language."""
    return _translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware :func:`_` (Vietnamese has one form; English has two)."""
    return _translations(current_language()).ngettext(singular, plural, n)
