"""The text of a DOCX paragraph as Word shows it: its runs, in their looks, as words, spaces,
tabs and line breaks; a page-number field as a field; deleted text, hidden text and the
instructions of fields left out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from minutes.check.docx_styles import ParaLook, RunLook, Styles, q

FIELD_TEXT = "#"
"""What a page-number field shows while it is not laid out on a page."""


@dataclass
class Token:
    """A word (``text``), a space, a tab or a line break, with its look."""

    kind: str
    text: str = ""
    look: RunLook | None = None
    field: str | None = None


def paragraph_tokens(element: Any, look: ParaLook, styles: Styles) -> list[Token]:
    """The words, spaces, tabs and line breaks of a paragraph, its list label first."""
    tokens: list[Token] = []
    style = styles.paragraph_style(element)
    if look.label:
        mark = look.mark or styles.look(None, style)
        tokens.append(Token("word", look.label, mark))
        tokens.append(Token("tab", look=mark))
    fields = _Fields()
    for run in _runs(element):
        run_look = styles.look(run.find(q("w:rPr")), style)
        if not run_look.hidden:
            _run_tokens(run, run_look, tokens, fields)
    for simple in element.iter(q("w:fldSimple")):
        if "PAGE" in simple.get(q("w:instr"), "").split():
            tokens.append(Token("word", FIELD_TEXT, styles.look(None, style), "PAGE"))
    return tokens


def _runs(paragraph: Any) -> list[Any]:
    """The runs of a paragraph that show (not deleted text, not text boxes' own paragraphs)."""
    found = []
    hidden = (q("w:del"), q("w:txbxContent"), q("w:fldSimple"))
    for run in paragraph.iter(q("w:r")):
        ancestor = run.getparent()
        while ancestor is not None and ancestor is not paragraph and ancestor.tag not in hidden:
            ancestor = ancestor.getparent()
        if ancestor is paragraph:
            found.append(run)
    return found


@dataclass
class _Fields:
    """Where a paragraph is in a field (``w:fldChar`` begin, instruction, separate, end), which
    may spread over several runs or sit in one."""

    name: str | None = None
    in_result: bool = False
    shown: bool = False

    def char(self, kind: str | None, look: RunLook, tokens: list[Token]) -> None:
        if kind == "begin":
            self.name, self.in_result, self.shown = "", False, False
        elif kind == "separate":
            self.in_result = True
            self._show(look, tokens)
        elif kind == "end":
            self._show(look, tokens)
            self.name, self.in_result = None, False

    def instruction(self, text: str) -> None:
        if self.name is not None and "PAGE" in text.split():
            self.name = "PAGE"

    def _show(self, look: RunLook, tokens: list[Token]) -> None:
        if self.name == "PAGE" and not self.shown:
            tokens.append(Token("word", FIELD_TEXT, look, "PAGE"))
            self.shown = True

    @property
    def hides(self) -> bool:
        """Whether the text now read is a page field's cached result (shown as the field)."""
        return self.name == "PAGE" and self.in_result


def _run_tokens(run: Any, look: RunLook, tokens: list[Token], fields: _Fields) -> None:
    for node in run:
        if node.tag == q("w:fldChar"):
            fields.char(node.get(q("w:fldCharType")), look, tokens)
        elif node.tag == q("w:instrText"):
            fields.instruction(node.text or "")
        elif fields.hides or (fields.name is not None and not fields.in_result):
            continue
        elif node.tag == q("w:t"):
            _text_tokens(node.text or "", look, tokens)
        elif node.tag == q("w:tab"):
            tokens.append(Token("tab", look=look))
        elif node.tag in (q("w:br"), q("w:cr")) and node.get(q("w:type")) != "page":
            tokens.append(Token("break", look=look))


def _text_tokens(text: str, look: RunLook, tokens: list[Token]) -> None:
    for index, part in enumerate(text.split(" ")):
        if index:
            tokens.append(Token("space", look=look))
        if not part:
            continue
        if tokens and tokens[-1].kind == "word" and tokens[-1].field is None:
            previous = tokens[-1]  # a word that runs on from the run before, in its look
            tokens[-1] = Token("word", previous.text + part, previous.look)
        else:
            tokens.append(Token("word", part, look))
