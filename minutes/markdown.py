"""Light Markdown in text fields → paragraphs of the document tree.

Clerks write **bold**, *italic*, ``- `` bullet lines and ``1.`` numbered lines. markdown-it-py
parses them (with raw HTML off, so ``<b>`` in the data stays text); this module only maps its
tokens to the tree's roles. Lists become paragraphs that keep their visible marker (``- ``,
``1. ``), as the official format writes them, so both writers show the same characters and the DOCX
needs no numbering definitions. Each line of a paragraph becomes its own paragraph: minutes are
typed one paragraph per line, and a line break inside a justified paragraph would look broken.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The parser, imported on first use: markdown-it's 60 modules cost 30–40 ms to import, which
    ``import minutes`` and the PDF child of ``minutes render`` (:mod:`minutes.cli.pdf_child`),
    which get a composed tree, need not pay."""
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "list", "newline"])


_INLINE_TAGS = {
    "strong_open": "<strong>",
    "strong_close": "</strong>",
    "em_open": "<em>",
    "em_close": "</em>",
}


def _inline(children: Sequence[Token]) -> list[str]:
    """Inline tokens → one XHTML fragment per line (a soft or hard break starts a new line)."""
    lines: list[str] = [""]
    open_tags: list[str] = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines[-1] += "".join(_closing(tag) for tag in reversed(open_tags))
            lines.append("".join(open_tags))
        elif child.type in _INLINE_TAGS:
            tag = _INLINE_TAGS[child.type]
            if child.type.endswith("_open"):
                open_tags.append(tag)
            elif open_tags:
                open_tags.pop()
            lines[-1] += tag
        else:
            lines[-1] += str(escape(child.content))
    return [line for line in lines if _has_text(line)]


def _closing(tag: str) -> str:
    return tag.replace("<", "</", 1)


def _has_text(fragment: str) -> bool:
    for tag in _INLINE_TAGS.values():
        fragment = fragment.replace(tag, "")
    return bool(fragment.strip())


def to_paragraphs(text: str, role: str = "body", list_role: str = "list-item") -> Markup:
    """Markdown ``text`` → ``<p class="role">`` paragraphs (lists keep ``- `` / ``1. ``)."""
    parts: list[str] = []
    markers: list[list[int | None]] = []  # per open list: [next number] or [None] for bullets
    delimiters: list[str] = []  # per open numbered list: "." or ")"
    tokens = _parser().parse(text)
    for token in tokens:
        if token.type == "bullet_list_open":
            markers.append([None])
        elif token.type == "ordered_list_open":
            start = token.attrs.get("start", 1)
            markers.append([int(start) if isinstance(start, (int, str)) else 1])
            delimiters.append(token.markup or ".")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            markers.pop()
            if token.type == "ordered_list_close":
                delimiters.pop()
        elif token.type == "inline":
            lines = _inline(token.children or [])
            if not lines:
                continue
            if markers and token.level >= 2:
                current = markers[-1]
                if current[0] is None:
                    marker = "- "
                else:
                    marker = f"{current[0]}{delimiters[-1]} "  # "1." or "1)" as typed
                    current[0] += 1
                first, *rest = lines
                parts.append(f'<p class="{list_role}">{escape(marker)}{first}</p>')
                parts.extend(f'<p class="{list_role}">{line}</p>' for line in rest)
            else:
                parts.extend(f'<p class="{role}">{line}</p>' for line in lines)
    return Markup("\n".join(parts))


def to_inline(text: str) -> Markup:
    """Markdown ``text`` as inline XHTML (for a line that is already inside a paragraph)."""
    tokens = _parser().parseInline(text)
    lines: list[str] = []
    for token in tokens:
        lines.extend(_inline(token.children or []))
    return Markup(" ".join(lines))
