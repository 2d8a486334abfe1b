"""The checker's shape, as issue 15 asks it: one measuring core that imports no writer, modules
under 400 lines, no function above cyclomatic complexity 15 (as radon counts it), tolerances
named with their units."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from radon.complexity import cc_visit

CHECK = Path(__file__).resolve().parent.parent / "minutes" / "check"
MODULES = sorted(CHECK.glob("*.py"))
MAX_LINES = 400
MAX_COMPLEXITY = 15


def test_the_package_is_found() -> None:
    assert len(MODULES) >= 10


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_modules_are_short(module: Path) -> None:
    assert len(module.read_text(encoding="utf-8").splitlines()) < MAX_LINES


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_no_function_is_too_complex(module: Path) -> None:
    blocks = cc_visit(module.read_text(encoding="utf-8"))
    functions = [b for b in blocks if not hasattr(b, "methods")]  # classes are their methods
    methods = [m for b in blocks if hasattr(b, "methods") for m in b.methods]
    complex_ = [f"{b.name}: {b.complexity}" for b in [*functions, *methods]]
    assert all(int(c.rsplit(": ", 1)[1]) <= MAX_COMPLEXITY for c in complex_), complex_


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_the_checker_imports_no_writer(module: Path) -> None:
    """The vocabulary both need lives below both (:mod:`minutes.vocabulary`)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [name for name in imported if name.startswith("minutes.writers")]


def test_the_judge_knows_nothing_of_the_format() -> None:
    """Only the readers (and the choice of reader) name PDF or DOCX files."""
    readers = {"pdf.py", "docx.py", "docx_styles.py", "docx_lines.py", "docx_runs.py"}
    readers |= {"docx_tables.py", "docx_draw.py", "__init__.py", "rules.py"}
    for module in MODULES:
        if module.name in readers:
            continue
        code = "\n".join(
            line
            for line in module.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
        code = re.sub(r'"""[\s\S]*?"""', "", code)  # documentation may say what a PDF shows
        assert not re.search(r"""["'](pdf|docx)["']""", code), module.name


def test_tolerances_carry_their_unit() -> None:
    tree = ast.parse((CHECK / "tolerances.py").read_text(encoding="utf-8"))
    names = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    assert names
    unitless = {"RULE_LENGTH", "JUSTIFIED_SHARE"}  # shares of a length, said in their docstrings
    for name in names:
        assert name in unitless or re.search(r"_(MM|PT|EM)$", name) or name == "MM_PER_PT", name
