"""The map of ``docs/architecture.md``, enforced: every module has its layer, nothing imports from
a layer above its own, the writers stay apart, and only the command line talks to the terminal.
Read with ``ast``, so a lazy import inside a function counts as much as one at the top."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
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
    assert "minutes.errors" in internal("minutes.load.reader")
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


LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "ground",
        frozenset(
            {
                "atomic",
                "cache",
                "errors",
                "i18n",
                "paths",
                "resources",
                "markdown",
                "vocabulary",
                "schema_fields",
                "signals",
                "standins",
                "validation_words",
                "yaml_events",
            }
        ),
    ),
    ("values", frozenset({"formatting", "profiles", "files", "inputs"})),
    ("model", frozenset({"model", "tree"})),
    ("facts", frozenset({"facts"})),
    ("reading", frozenset({"load", "view"})),
    ("making", frozenset({"compose", "expressions", "dump", "schema"})),
    ("writing", frozenset({"writers", "starter", "manifest"})),
    ("checking", frozenset({"check", "validate"})),
    ("facade", frozenset({"api"})),
    ("services", frozenset({"batch"})),
    ("front ends", frozenset({"cli", "web", "__main__"})),
)
"""The layers of ``docs/architecture.md``, lowest first. A unit (a top-level module or package
of ``minutes``) may import units of its own layer or below, never above; inside a unit, anything
goes."""

RANK = {unit: rank for rank, (_layer, units) in enumerate(LAYERS) for unit in units}


def unit_of(name: str) -> str:
    """``minutes.check.locate`` → ``check``; the package itself is ``minutes``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "minutes"


UNITS = sorted({unit_of(name) for name in MODULES} - {"minutes"})


def test_every_unit_has_its_place_on_the_map() -> None:
    assert set(UNITS) == set(RANK), (set(UNITS) - set(RANK), set(RANK) - set(UNITS))


def imports_from_above(name: str, deps: set[str]) -> list[str]:
    """Those of ``deps`` (modules ``name`` imports) in a layer above ``name``'s."""
    here = RANK[unit_of(name)]
    return sorted(
        dep for dep in deps if unit_of(dep) != unit_of(name) and RANK[unit_of(dep)] > here
    )


@pytest.mark.parametrize("name", sorted(m for m in MODULES if m != "minutes"))
def test_nothing_imports_a_layer_above_its_own(name: str) -> None:
    above = imports_from_above(name, internal(name))
    assert not above, f"{name} ({LAYERS[RANK[unit_of(name)]][0]}) imports {above} from above"


def _unit_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {unit: set() for unit in UNITS}
    for name in MODULES:
        if name == "minutes":
            continue
        for dep in internal(name):
            if unit_of(dep) not in (unit_of(name), "minutes"):
                graph[unit_of(name)].add(unit_of(dep))
    return graph


def test_units_of_one_layer_import_each_other_one_way() -> None:
    """No cycle between units: in a layer too, one unit is below the other."""
    graph = _unit_graph()
    done: set[str] = set()

    def visit(unit: str, path: tuple[str, ...]) -> None:
        assert unit not in path, " → ".join((*path, unit))
        if unit in done:
            return
        for dep in sorted(graph[unit]):
            visit(dep, (*path, unit))
        done.add(unit)

    for unit in UNITS:
        visit(unit, ())


def test_the_map_catches_an_import_from_above() -> None:
    """The rule can fail: the model importing the loader, or the loader the command, is caught."""
    assert imports_from_above("minutes.model.meeting", {"minutes.load.reader"}) == [
        "minutes.load.reader"
    ]
    assert imports_from_above("minutes.load", {"minutes.cli.say", "minutes.errors"}) == [
        "minutes.cli.say"
    ]
    assert imports_from_above("minutes.load.reader", {"minutes.load.limits"}) == []


def test_the_package_face_is_what_the_docs_call_public() -> None:
    """docs/api.md gives each public name a heading; nothing more, nothing less is public."""
    import minutes

    guide = (PACKAGE.parent / "docs" / "api.md").read_text(encoding="utf-8")
    documented = re.findall(r"^### `(\w+)`$", guide, flags=re.MULTILINE)
    assert sorted(documented) == sorted(minutes.__all__)
    for name in minutes.__all__:
        assert getattr(minutes, name) is not None


ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_the_architecture_names_every_module(name: str) -> None:
    path = MODULES[name].relative_to(PACKAGE.parent).as_posix()
    shown = path.removesuffix("/__init__.py") + ("/" if path.endswith("__init__.py") else "")
    assert shown in ARCHITECTURE.read_text(encoding="utf-8"), f"docs/architecture.md: {shown}"


_CITED = re.compile(r"(?<![\w/.-])((?:docs/)?[\w-]+\.md)\b")


def _cited_documents() -> list[tuple[str, str]]:
    found = []
    roots = [PACKAGE, PACKAGE.parent / "tests", PACKAGE.parent / "templates"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".py", ".j2", ".yaml", ".js", ".css", ".html"):
                continue
            for cited in _CITED.findall(path.read_text(encoding="utf-8", errors="replace")):
                found.append((path.relative_to(PACKAGE.parent).as_posix(), cited))
    return found


def test_every_document_the_code_cites_is_in_the_repository() -> None:
    root = PACKAGE.parent
    cited = _cited_documents()
    assert ("minutes/cli/say.py", "cli.md") in cited  # the walk finds citations at all
    missing = [
        (where, name)
        for where, name in cited
        if not (root / name).is_file() and not (root / "docs" / name).is_file()
    ]
    assert not missing, missing


@pytest.mark.parametrize("name", sorted(MODULES))
def test_nothing_imports_the_cli(name: str) -> None:
    if unit_of(name) in ("cli", "__main__"):
        return
    assert not any(unit_of(dep) == "cli" for dep in internal(name))


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
    if unit_of(name) == "cli":
        return
    assert _terminal_uses("minutes.cli.say"), "the check finds nothing even in the CLI"
    uses = _terminal_uses(name)
    assert not uses, f"{name}: {uses}"


def test_public_api_is_declared() -> None:
    import minutes

    for name in ("load", "loads", "render_pdf", "render_docx", "write", "Renderer"):
        assert name in minutes.__all__
        assert callable(getattr(minutes, name))
    assert (PACKAGE / "py.typed").is_file()


def _in_a_fresh_process(program: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
        timeout=60,
    )
    return done.stdout.strip()


def test_import_minutes_imports_none_of_the_libraries() -> None:
    """Each public name is imported on first use: ``import minutes``, and the command line up to
    its parser built, build no validator, so Ctrl-C is heard from the start (see
    ``minutes/cli/__init__.py``) and ``minutes --version`` is quick."""
    heavy = ("pydantic", "jinja2", "yaml", "ruamel", "babel", "weasyprint", "docx", "fontTools")
    program = (
        "import sys, minutes, minutes.cli\n"
        "from minutes.cli.parser import build_parser\n"
        "build_parser()\n"
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    _in_a_fresh_process(program)  # a source checkout's first run compiles the catalog with Babel
    assert _in_a_fresh_process(program) == "[]"


def test_every_public_name_is_there_on_first_use() -> None:
    import minutes

    for name in minutes.__all__:
        assert getattr(minutes, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = minutes.nothing  # type: ignore[attr-defined]


def test_minutes_load_stays_the_function_whatever_was_imported_first() -> None:
    """The subpackage ``minutes.load`` is imported by the command and the web app before a host
    may look at ``minutes.load``; the name is still the function's."""
    found = _in_a_fresh_process(
        "import minutes.load.reader, minutes\n"
        "from minutes import load\n"
        "print(minutes.load.__module__, load is minutes.load, callable(minutes.load))"
    )
    assert found == "minutes.load True True"
