"""The quick import of WeasyPrint (minutes/writers/weasyprint_import.py): taken when it can be,
the same declarations and libraries as the ordinary one, and the ordinary one whenever anything
is unexpected. That the pages stay the same is held by the picture and golden tests, which run
on the quick import (the tests' cache folder is on)."""

from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import _cffi_backend
import cffi
import pytest

from minutes.writers import weasyprint_import
from minutes.writers.weasyprint_import import _FoundLibraries

ROOT = Path(__file__).resolve().parent.parent

REPORT = """\
import sys
from minutes.writers.pdf import require_weasyprint
require_weasyprint()
import weasyprint.text.ffi as ffi
print(type(ffi.ffi).__name__, type(sys.modules["fontTools.subset"]).__name__,
      ffi.harfbuzz_subset is not None)
"""

INSTANCER = """\
import sys
from minutes.writers.pdf import require_weasyprint
require_weasyprint()
import weasyprint.pdf.fonts as fonts
print("fontTools.varLib.instancer" in sys.modules, "fontTools.varLib" in sys.modules)
try:
    fonts.instantiateVariableFont(None, {})
except Exception as error:
    print(type(error).__name__)
print(sys.modules["fontTools.varLib.instancer"].__file__.endswith("__init__.py"))
"""


def _fresh_process(code: str, cache: str) -> list[str]:
    env = {**os.environ, "MINUTES_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def _declarations() -> str:
    return weasyprint_import._declarations(weasyprint_import._weasyprint_file("text", "ffi.py"))


def test_a_fresh_process_takes_the_quick_way_and_keeps_what_it_found(tmp_path: Path) -> None:
    first = _fresh_process(REPORT, str(tmp_path))
    second = _fresh_process(REPORT, str(tmp_path))
    assert first == second == ["CompiledFFI", "_LazyModule", "True"]
    (entry,) = (tmp_path / "weasyprint-import").glob("libraries-*.json")
    kept = json.loads(entry.read_text())
    assert kept["answers"]["pango-1.0"] == "libpango-1.0.so.0"
    assert kept["answers"]["libpango-1.0-0"] is None  # a name that is no library, asked once
    assert len(list((tmp_path / "weasyprint-import").iterdir())) == 2  # + the tables


def test_the_instancer_is_imported_when_weasyprint_first_needs_it(tmp_path: Path) -> None:
    """Not for our fonts (none is variable), but the first call gets fontTools' own function."""
    _fresh_process(REPORT, str(tmp_path))  # fills the cache
    assert _fresh_process(INSTANCER, str(tmp_path)) == ["False", "False", "TypeError", "True"]


def test_without_a_cache_the_import_is_the_ordinary_one() -> None:
    assert _fresh_process(REPORT, "off") == ["FFI", "module", "True"]


def test_anything_unexpected_gives_the_ordinary_import(tmp_path: Path) -> None:
    code = (
        "from minutes.writers import weasyprint_import\n"
        "def other(path): raise weasyprint_import._Unexpected('another WeasyPrint')\n"
        "weasyprint_import._declarations = other\n" + REPORT
    )
    assert _fresh_process(code, str(tmp_path)) == ["FFI", "module", "True"]


def test_the_compiled_tables_declare_what_cffi_parses() -> None:
    declarations = _declarations()
    parsed = cffi.FFI()
    parsed.cdef(declarations)
    compiled = weasyprint_import._compiled_ffi(declarations, _FoundLibraries())
    typedefs, structs, unions = parsed.list_types()
    assert compiled.list_types() == (typedefs, structs, unions)
    assert len(typedefs) > 50 and structs
    for name in structs:
        assert _size(compiled, f"struct {name}") == _size(parsed, f"struct {name}"), name
    for name in typedefs:
        assert compiled.sizeof(f"{name} *") == parsed.sizeof(f"{name} *"), name


def _size(ffi: Any, ctype: str) -> int | None:
    """The size of ``ctype``, ``None`` for an opaque one (declared, never defined)."""
    try:
        return int(ffi.sizeof(ctype))
    except (
        ValueError,
        _cffi_backend.FFI.error,
    ):  # cffi.api: ValueError
        return None


def test_other_declarations_are_refused_by_the_compiled_ffi() -> None:
    declarations = _declarations()
    compiled = weasyprint_import._compiled_ffi(declarations, _FoundLibraries())
    compiled.cdef(declarations)  # the same: accepted, nothing to do
    with pytest.raises(weasyprint_import._Unexpected):
        compiled.cdef(declarations + "int one_more (void);")


class _Linker:
    """A stand-in for ``find_library`` and the loader, counting what is asked."""

    def __init__(self, libraries: dict[str, str]) -> None:
        self.libraries = libraries
        self.asked: list[str] = []
        self.loadable = set(libraries.values())

    def find_library(self, name: str) -> str | None:
        self.asked.append(name)
        return self.libraries.get(name)

    def open(self, name: str, flags: int) -> Any:
        if name not in self.loadable:
            raise OSError(f"cannot load library '{name}'")
        return ("library", name)


@pytest.fixture
def linker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> _Linker:
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(weasyprint_import, "_linker_state", lambda: "state-1")
    fake = _Linker({"pango-1.0": "libpango-1.0.so.0"})
    monkeypatch.setattr(ctypes.util, "find_library", fake.find_library)
    return fake


def test_answers_are_kept_for_the_next_process(linker: _Linker) -> None:
    found = _FoundLibraries()
    assert found.load(linker.open, "pango-1.0", 2) == ("library", "libpango-1.0.so.0")
    with pytest.raises(OSError, match="did not manage to locate a library called 'pango-9'"):
        found.load(linker.open, "pango-9", 2)
    found.keep()
    assert linker.asked == ["pango-1.0", "pango-9"]
    again = _FoundLibraries()
    assert again.load(linker.open, "pango-1.0", 2) == ("library", "libpango-1.0.so.0")
    with pytest.raises(OSError):
        again.load(linker.open, "pango-9", 2)
    assert linker.asked == ["pango-1.0", "pango-9"]  # nothing asked again


def test_a_name_with_a_dot_is_tried_as_it_is_first(linker: _Linker) -> None:
    linker.loadable.add("libpango-1.0.so.0")
    assert _FoundLibraries().load(linker.open, "libpango-1.0.so.0", 2) == (
        "library",
        "libpango-1.0.so.0",
    )
    assert linker.asked == []
    with pytest.raises(OSError, match=r"cannot load library 'lib-x\.so'.*Additionally"):
        _FoundLibraries().load(linker.open, "lib-x.so", 2)


def test_a_kept_answer_that_no_longer_loads_is_asked_again(linker: _Linker) -> None:
    found = _FoundLibraries()
    found.load(linker.open, "pango-1.0", 2)
    found.keep()
    linker.libraries["pango-1.0"] = "libpango-1.0.so.1"  # the library was replaced
    linker.loadable = {"libpango-1.0.so.1"}
    assert _FoundLibraries().load(linker.open, "pango-1.0", 2) == (
        "library",
        "libpango-1.0.so.1",
    )
    assert linker.asked == ["pango-1.0", "pango-1.0"]


def test_a_changed_linker_reads_none_of_the_kept_answers(
    linker: _Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = _FoundLibraries()
    found.load(linker.open, "pango-1.0", 2)
    found.keep()
    monkeypatch.setattr(weasyprint_import, "_linker_state", lambda: "state-2")  # a new install
    _FoundLibraries().load(linker.open, "pango-1.0", 2)
    assert linker.asked == ["pango-1.0", "pango-1.0"]


def test_the_linker_state_follows_the_library_path(monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux") or not Path("/etc/ld.so.cache").exists():
        pytest.skip("the dynamic linker's cache is Linux's")
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/a")
    first = weasyprint_import._linker_state()
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/b")
    assert first is not None and weasyprint_import._linker_state() not in (None, first)


def test_two_states_of_the_linker_keep_their_own_answers(
    linker: _Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server started with its own LD_LIBRARY_PATH and the clerk's shell do not replace each
    other's answers."""
    for state in ("state-1", "state-2"):
        monkeypatch.setattr(weasyprint_import, "_linker_state", lambda state=state: state)
        found = _FoundLibraries()
        found.load(linker.open, "pango-1.0", 2)
        found.keep()
    monkeypatch.setattr(weasyprint_import, "_linker_state", lambda: "state-1")
    _FoundLibraries().load(linker.open, "pango-1.0", 2)
    assert linker.asked == ["pango-1.0", "pango-1.0"]  # once per state, not again


USER_AGENT = """\
import io, sys
from pypdf import PdfReader
import minutes
from minutes.writers.pdf import require_weasyprint
require_weasyprint()
import weasyprint.html as html
renderer = minutes.Renderer()
meeting = minutes.load(sys.argv[1])
pages = PdfReader(io.BytesIO(renderer.render(meeting, "pdf"))).pages
print(type(html.UA_STYLESHEET).__name__, "_later" in vars(html.UA_STYLESHEET), len(pages) > 1)
print(repr(pages[1].extract_text().split()[-1]))
from weasyprint import HTML
page = ("<style>@page { @top-center { content: counter(page, upper-roman) } }</style>"
        "<ol><li>a</li></ol><p style='break-before: page'>b</p>")
plain = PdfReader(io.BytesIO(HTML(string=page).write_pdf())).pages
print("_later" in vars(html.UA_STYLESHEET), len(html.UA_COUNTER_STYLE))
print(repr(" ".join(p.extract_text() for p in plain).split()))
"""


@pytest.mark.parametrize("cache", ["quick", "off"])
def test_the_user_agent_sheets_are_parsed_only_when_used(tmp_path: Path, cache: str) -> None:
    """A biên bản is drawn with the writer's own lean sheet, so the quick import leaves
    WeasyPrint's HTML5 sheets unparsed; plain WeasyPrint in the same process still gets them and
    their 49 counter styles (list numbers, roman page numbers) as the ordinary import gives."""
    flagship = str(ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml")
    folder = str(tmp_path) if cache == "quick" else "off"
    code = USER_AGENT.replace("sys.argv[1]", repr(flagship))
    lines = _fresh_process(code, folder)
    kind = "CSSParsedWhenUsed" if cache == "quick" else "CSS"
    assert lines[:3] == [kind, str(cache == "quick"), "True"]
    assert lines[3] == "'2'"  # the page number of page 2, the writer's own decimal counter
    assert lines[4:6] == ["False", "49"]
    assert " ".join(lines[6:]) == "['a1.', 'I', 'b', 'II']"  # upper-roman: not decimal's 1, 2
