"""The document tree: what both writers read.

The tree is restricted, role-tagged XHTML produced by the one Jinja2 template. It says *what* each
piece of text is (its role: ``org``, ``trich-yeu``, ``signer-name`` …) and how pieces are grouped
(header cells, tables, signature columns), never how it looks: sizes, fonts and millimetres come
from the profile. :func:`parse_tree` checks the vocabulary, so an element or role a writer does not
know is an error here rather than a silent fallback in one writer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from minutes.errors import InternalError
from minutes.profiles import ROLES, Profile

BLOCK_TAGS = frozenset(
    {
        "html",
        "head",
        "title",
        "meta",
        "body",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "p",
        "div",
    }
)
INLINE_TAGS = frozenset({"strong", "em", "u", "br"})

GROUPS: tuple[str, ...] = (
    "header",  # table: the two header cells
    "header-left",  # td: parent body, issuing body, number
    "header-right",  # td: national title, motto, place and date
    "data-table",  # table: a table of the body or an appendix (figures, results, any columns)
    "signatures",  # table: the two signature columns
    "signer",  # td: one signer (title, note, name)
    "recipients",  # div: Nơi nhận and its lines
    "keep-together",  # div: content that must stay on one page with what follows
    "appendix",  # div: an appendix, on pages of its own after the signatures
)
"""Grouping classes: structure only, no text style of their own."""


@dataclass(frozen=True)
class Metadata:
    """What the file says about itself (PDF info / DOCX core properties)."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str = "vi"


@dataclass(frozen=True)
class Document:
    """A composed biên bản: its tree, the profile to draw it with, and its metadata."""

    xhtml: str
    root: ET.Element
    profile: Profile
    metadata: Metadata

    @property
    def body(self) -> ET.Element:
        body = self.root.find("body")
        if body is None:
            raise InternalError("document tree has no <body>")
        return body


def parse_tree(xhtml: str, profile: Profile, metadata: Metadata) -> Document:
    """Parse and check the template's output; unknown tags or roles raise :class:`InternalError`."""
    try:
        root = ET.fromstring(xhtml)
    except ET.ParseError as exc:
        raise InternalError(f"the template produced invalid XHTML: {exc}") from exc
    known = set(ROLES) | set(GROUPS)
    for element in root.iter():
        if element.tag not in BLOCK_TAGS and element.tag not in INLINE_TAGS:
            raise InternalError(f"the document tree has an unknown element <{element.tag}>")
        for role in element.get("class", "").split():
            if role not in known:
                raise InternalError(f"the document tree has an unknown role {role!r}")
        if element.tag == "p" and not element.get("class"):
            raise InternalError("every paragraph of the document tree needs a role")
    return Document(xhtml=xhtml, root=root, profile=profile, metadata=metadata)


def role_of(element: ET.Element) -> str | None:
    """The paragraph role of ``element`` (its first class that is a role), if any."""
    for name in element.get("class", "").split():
        if name in ROLES:
            return name
    return None


def text_of(element: ET.Element) -> str:
    """All the text inside ``element``, with ``<br/>`` as a line break."""
    parts: list[str] = []
    _collect(element, parts)
    return "".join(parts)


def _collect(element: ET.Element, parts: list[str]) -> None:
    if element.tag == "br":
        parts.append("\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
