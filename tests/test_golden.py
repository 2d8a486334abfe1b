"""Golden document trees: every example and every corpus meeting, composed, written as an outline
a reviewer can read (``tests/golden/<name>.txt``), and compared with the outline in the
repository. A change to what the minutes say, or to how they are grouped, shows in review as a
diff of these files; after a reviewed change, ``pytest tests/test_golden.py --update-golden``
writes them again.

The outline is the tree both writers draw: one line per block, indented by its nesting, the
paragraphs with their role and their text (``**bold**``, ``*italic*``, ``_underlined_``, ``⏎``
for a line break kept), the cells of tables one per line. What it looks like (sizes, margins) is
the profiles' and is tested elsewhere.
"""

from __future__ import annotations

import difflib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, Outputs

from minutes.tree import Document

GOLDEN = Path(__file__).parent / "golden"
MEETINGS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "examples" / "corpus").glob("*.yaml")
)
MARKS = {"strong": "**", "em": "*", "u": "_"}


def inline(element: ET.Element) -> str:
    """The text of a paragraph or a cell, its bold, italic and underlined parts marked."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append("⏎")
        else:
            mark = MARKS.get(child.tag, "")
            parts.append(f"{mark}{inline(child)}{mark}")
        parts.append(child.tail or "")
    return "".join(parts).replace("\n", " ")


def outline(document: Document) -> str:
    """The tree as text: the metadata, then every block of the body."""
    meta = document.metadata
    lines = [
        f"profile: {document.profile.id}",
        f"title: {meta.title}",
        f"author: {meta.author}",
        f"keywords: {meta.keywords}",
        "",
    ]
    _blocks(document.body, 0, lines)
    return "\n".join(lines) + "\n"


def _blocks(element: ET.Element, depth: int, lines: list[str]) -> None:
    for child in element:
        indent = "  " * depth
        names = child.get("class", "")
        if child.tag == "p" or (child.tag in ("td", "th") and not len(child.findall("p"))):
            attributes = "".join(
                f" {key}={child.get(key)}" for key in ("colspan", "rowspan") if child.get(key)
            )
            label = names or child.tag
            lines.append(f"{indent}{label}{attributes}: {inline(child).strip()}")
            continue
        if child.tag in ("tbody", "thead"):
            _blocks(child, depth, lines)
            continue
        lines.append(f"{indent}{child.tag}" + (f".{names.replace(' ', '.')}" if names else ""))
        _blocks(child, depth + 1, lines)


def test_the_outline_shows_roles_marks_and_nesting() -> None:
    root = ET.fromstring(
        '<body><div class="keep-together"><p class="body">Có <strong>15</strong>/17<br/>'
        'đồng chí <em>dự</em></p></div><table class="data-table"><tbody><tr><td colspan="2">'
        "Tổng</td></tr></tbody></table></body>"
    )
    lines: list[str] = []
    _blocks(root, 0, lines)
    assert lines == [
        "div.keep-together",
        "  body: Có **15**/17⏎đồng chí *dự*",
        "table.data-table",
        "  tr",
        "    td colspan=2: Tổng",
    ]


@pytest.mark.parametrize("path", MEETINGS, ids=[p.stem for p in MEETINGS])
def test_the_tree_is_the_reviewed_one(
    outputs: Outputs, path: Path, request: pytest.FixtureRequest
) -> None:
    golden = GOLDEN / f"{path.stem}.txt"
    made = outline(outputs.document(path))
    if request.config.getoption("--update-golden"):
        golden.write_text(made, encoding="utf-8")
        return
    assert golden.is_file(), f"no {golden.name}: run pytest {__file__} --update-golden, review it"
    reviewed = golden.read_text(encoding="utf-8")
    if made != reviewed:
        diff = difflib.unified_diff(
            reviewed.splitlines(), made.splitlines(), "reviewed", "now", lineterm="", n=1
        )
        pytest.fail("the document tree changed:\n" + "\n".join(diff))


def test_every_golden_file_has_its_meeting() -> None:
    stems = {path.stem for path in MEETINGS}
    assert {path.stem for path in GOLDEN.glob("*.txt")} <= stems
