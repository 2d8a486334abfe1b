"""The ``(name, value)`` pairs a browser submits for the form of an HTML page, read without one.

The page a failed download gives back must mark each problem beside its box, without the script.
Which box shows which field is known once, by the page template; rather than a second description
of it in Python, the page drawn from the data is read back here as a browser would send it, and
:func:`minutes.web.form.from_form` says which box each field landed in. The tests and the
benchmarks use it to fill the form as a browser does, too.
"""

from __future__ import annotations

import html.parser
from typing import Any


class _FormFields(html.parser.HTMLParser):
    """What a browser submits: inputs (not file boxes, not disabled ones, a checkbox only when
    ticked), the selected option of each select (the first when none is), text areas; row
    templates (``<template>``) are not part of the form."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []
        self._in_template = 0
        self._select: list[Any] | None = None
        self._option: dict[str, str | None] = {}
        self._option_text = ""
        self._textarea: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "template":
            self._in_template += 1
        if self._in_template or "disabled" in attributes:
            return
        name = attributes.get("name")
        kind = attributes.get("type")
        if tag == "input" and name and kind != "file":
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.pairs.append((name, attributes.get("value") or default))
        elif tag == "select" and name:
            self._select = [name, None, None]
        elif tag == "option" and self._select is not None:
            self._option = attributes
            self._option_text = ""
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self._in_template -= 1
        elif tag == "option" and self._select is not None and not self._in_template:
            attributes = self._option
            value = attributes.get("value")
            value = self._option_text.strip() if value is None else value
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in attributes:
                self._select[1] = value
        elif tag == "select" and self._select is not None and not self._in_template:
            name, chosen, first = self._select
            self.pairs.append((name, chosen if chosen is not None else first or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None and not self._in_template:
            name, text = self._textarea
            self.pairs.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._in_template:
            return
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._select is not None:
            self._option_text += data


def form_fields(page: str) -> list[tuple[str, str]]:
    """What the form of the HTML ``page`` submits, as a browser would."""
    reader = _FormFields()
    reader.feed(page)
    reader.close()
    return reader.pairs
