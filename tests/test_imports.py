"""Import direction (ARCHITECTURE.md, "Modules"): data flows one way, and only the CLI talks to the
terminal. Read with ``ast``, so a lazy import inside a function counts as much as one at the top."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "minutes"
MODULE_FILES = sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in MODULE_FILES}


@cache
def tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))


@cache
def imports(name: str) -> frozenset[str]:
    """Every module ``name`` imports (absolute names; ``from minutes import x`` gives both
    ``minutes`` and ``minutes.x`` when ``minutes.x`` is a module)."""
    found: set[str] = set()
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:
                    found.add(f"{target}.{alias.name}")
    return frozenset(found)


def internal(name: str) -> set[str]:
    """The ``minutes`` modules that ``name`` imports directly (the package itself excluded)."""
    return {m for m in imports(name) if m in MODULES and m != "minutes"}


def reachable(name: str) -> set[str]:
    """Every ``minutes`` module that importing ``name`` may import, transitively."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        for dep in internal(todo.pop()):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def third_party(name: str) -> set[str]:
    return {m.split(".")[0] for m in imports(name) if not m.startswith("minutes")}


def test_the_walk_finds_the_modules() -> None:
    for expected in ("minutes.model", "minutes.load", "minutes.writers.pdf", "minutes.cli"):
        assert expected in MODULES
    assert "minutes.errors" in internal("minutes.load")
    assert "minutes.writers.pdf" in internal("minutes.api")  # a lazy import inside a method


WRITERS = ("minutes.writers.pdf", "minutes.writers.docx")


@pytest.mark.parametrize("writer", WRITERS)
def test_writers_never_import_each_other(writer: str) -> None:
    other = next(w for w in WRITERS if w != writer)
    assert other not in reachable(writer)


@pytest.mark.parametrize(
    "name", sorted(m for m in MODULES if m.startswith("minutes.writers.") or m == "minutes.writers")
)
def test_writers_stay_downstream(name: str) -> None:
    assert not third_party(name) & {"jinja2", "ruamel", "yaml"}, third_party(name)
    upstream = {"minutes.cli", "minutes.compose", "minutes.load", "minutes.api"}
    assert not reachable(name) & upstream, reachable(name) & upstream


MODEL = {m for m in MODULES if m == "minutes.model" or m.startswith("minutes.model.")}
ALLOWED = {
    "minutes.errors": set(),
    "minutes.i18n": set(),
    "minutes.resources": set(),
    "minutes.formatting": {"minutes.errors", "minutes.i18n"},
    **{name: {"minutes.errors", "minutes.formatting"} | MODEL for name in MODEL},
    "minutes.profiles": {"minutes.errors", "minutes.resources"},
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_lower_modules_import_nothing_above_them(name: str) -> None:
    assert internal(name) <= ALLOWED[name], internal(name) - ALLOWED[name]


def test_lower_modules_read_no_files_through_yaml_or_templates() -> None:
    for name in (*sorted(MODEL), "minutes.formatting", "minutes.errors"):
        assert not third_party(name) & {"jinja2", "ruamel", "yaml", "weasyprint", "docx"}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_nothing_imports_the_cli(name: str) -> None:
    if name in ("minutes.cli", "minutes.__main__"):
        return
    assert "minutes.cli" not in imports(name)


def _terminal_uses(name: str) -> list[str]:
    uses = []
    for node in ast.walk(tree(name)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("print", "exit", "quit", "input")
        ):
            uses.append(f"{node.func.id}() at line {node.lineno}")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "sys" and node.attr in ("exit", "argv", "stdout", "stderr"):
                uses.append(f"sys.{node.attr} at line {node.lineno}")
            if node.value.id == "os" and node.attr == "_exit":
                uses.append(f"os._exit at line {node.lineno}")
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name) and exc.id == "SystemExit":
                uses.append(f"raise SystemExit at line {node.lineno}")
    return uses


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_the_cli_prints_exits_or_reads_argv(name: str) -> None:
    if name == "minutes.cli":
        assert _terminal_uses(name), "the check finds nothing even in the CLI"
        return
    uses = _terminal_uses(name)
    if name == "minutes.__main__":  # `raise SystemExit(main())` is what it is for
        uses = [u for u in uses if not u.startswith("raise SystemExit")]
    assert not uses, f"{name}: {uses}"


def test_public_api_is_declared() -> None:
    import minutes

    for name in ("load", "loads", "render_pdf", "render_docx", "write", "Renderer"):
        assert name in minutes.__all__
        assert callable(getattr(minutes, name))
    assert (PACKAGE / "py.typed").is_file()
