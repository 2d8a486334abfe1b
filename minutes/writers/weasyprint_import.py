"""``import weasyprint`` in a fresh process, at a third of its cost: what it does the same way
every time is done once and kept in the cache (:mod:`minutes.cache`).

Importing WeasyPrint 70 costs about 0.6 s of a cold ``minutes render`` (1.9 s on the 2-core
machine of docs/performance.md), and most of it is not WeasyPrint's own work:

* **Finding the libraries: ≈ 0.25 s.** ``weasyprint.text.ffi`` tries several names for each of
  its seven libraries (``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0``, …), and for each
  name that is not a file cffi asks :func:`ctypes.util.find_library`, which on Linux starts
  ``ldconfig -p``, then ``gcc`` and ``ld``: about twenty processes. What it answers is kept here
  (a name → the library it found, or none), keyed by the state of the dynamic linker's cache
  (``/etc/ld.so.cache``, changed by every install of a library) and ``LD_LIBRARY_PATH``: with
  the same key the same answers come back; an answer that no longer loads is asked again.
* **Parsing the C declarations: ≈ 0.1 s.** cffi parses WeasyPrint's 450 lines of declarations
  of Pango, HarfBuzz and Fontconfig with pycparser at every import. cffi itself can compile them
  once into "out-of-line" data (``set_source(name, None)``: type tables, the same ones a
  compiled module holds); that data is kept, and WeasyPrint's ``cffi.FFI()`` gets an FFI built
  from it, whose ``cdef`` only checks that the declarations are the ones it was built from.
* **The HTML user-agent stylesheets: ≈ 0.1 s.** ``weasyprint.html`` parses its three (the HTML5
  defaults, the forms and the presentational hints) when it is imported. Our writer uses none of
  them (:data:`minutes.writers.pdf.LEAN_UA_STYLESHEET` stands in), so each is parsed when it is
  first used, if ever: :class:`weasyprint.CSS` objects all the same, whose attributes appear at
  the first look. The counter styles the HTML5 sheet defines (``UA_COUNTER_STYLE``) are filled
  by that parse, so taking a copy of them, the one use WeasyPrint makes of them, parses it first.
* **fontTools' subsetter and instancer: ≈ 0.15 s.** ``weasyprint.pdf.fonts`` imports
  ``fontTools.subset`` though with HarfBuzz's subsetter installed (``libharfbuzz-subset0``) it
  is never used, and ``instantiateVariableFont`` from ``fontTools.varLib.instancer`` (with all
  of ``fontTools.varLib``) for variable fonts, which ours are not. The subsetter is imported
  lazily (:class:`importlib.util.LazyLoader`), on its first use if any; WeasyPrint gets an
  ``instantiateVariableFont`` that imports the real one when it is first called.

Nothing of WeasyPrint is changed: it runs its own code, with the same libraries and declarations,
and the pages are the same (the picture and golden tests hold it). The quick way is taken only
while nothing unexpected happens: any error on the way (another WeasyPrint whose declarations
differ, a missing library, a cache that cannot be read) undoes it and imports WeasyPrint the
ordinary way, whose errors are the real ones. Written by hand because neither library offers it:
cffi's ABI mode always re-parses, and ``ctypes.util.find_library`` keeps no answers.
"""

from __future__ import annotations

import ast
import contextlib
import ctypes.util
import importlib.abc
import importlib.machinery
import importlib.util
import io
import json
import os
import sys
import tempfile
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from minutes import cache

_KIND = "weasyprint-import"
_MODULE = "_minutes_weasyprint_ffi"
_LINKER_CACHE = Path("/etc/ld.so.cache")


class _Unexpected(Exception):
    """Something the quick import did not foresee: import the ordinary way instead."""


def import_weasyprint() -> None:
    """Import WeasyPrint, the quick way if it can (see the module's docstring). Errors of the
    ordinary import (no Pango: :class:`OSError`) are raised as they are."""
    if "weasyprint" in sys.modules:
        return
    if cache.cache_dir() is None:  # nothing kept: the quick way would cost more than it saves
        import weasyprint

        return
    try:
        with _quickly():
            import weasyprint
        return
    except Exception:  # anything at all: the ordinary import decides
        _forget_weasyprint()
    import weasyprint  # noqa: F401


@contextlib.contextmanager
def _quickly() -> Iterator[None]:
    ffi_file = _weasyprint_file("text", "ffi.py")
    declarations = _declarations(ffi_file)
    libraries = _FoundLibraries()
    compiled = _compiled_ffi(declarations, libraries)
    import cffi  # type: ignore[import-untyped]

    real_ffi = cffi.FFI
    cffi.FFI = lambda *args, **kwargs: compiled
    try:
        with (
            _lazy_module("fontTools.subset"),
            _called_later("fontTools.varLib.instancer", "instantiateVariableFont"),
            _user_agent_sheets_parsed_when_used(),
        ):
            yield
    finally:
        cffi.FFI = real_ffi
    libraries.keep()


def _weasyprint_file(*parts: str) -> Path:
    """A file of the installed WeasyPrint, found without importing it."""
    spec = importlib.util.find_spec("weasyprint")
    if spec is None or spec.origin is None:
        raise _Unexpected("no WeasyPrint")
    return Path(spec.origin).parent.joinpath(*parts)


def _declarations(ffi_file: Path) -> str:
    """The one string ``weasyprint/text/ffi.py`` hands to ``ffi.cdef``."""
    tree = ast.parse(ffi_file.read_text(encoding="utf-8"))
    found = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "cdef"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]
    if len(found) != 1:
        raise _Unexpected("WeasyPrint declares its libraries in another way")
    return found[0]


def _compiled_ffi(declarations: str, libraries: _FoundLibraries) -> Any:
    """An FFI built from the out-of-line data of ``declarations`` (made and kept if missing)."""
    import _cffi_backend  # type: ignore[import-untyped]
    import cffi

    name = cache.digest(declarations, cffi.__version__, sys.version) + ".py-literal"
    kept = cache.read(_KIND, name)
    if kept is None:
        arguments = _out_of_line(declarations)
        cache.write(_KIND, name, repr(arguments).encode("ascii"))
    else:
        arguments = ast.literal_eval(kept.decode("ascii"))  # literals only: nothing is run
    positional, keywords = arguments

    class CompiledFFI(_cffi_backend.FFI):  # type: ignore[misc]
        """cffi's own FFI type, made from compiled tables: ``cdef`` checks, ``dlopen`` finds
        libraries as cffi does, with :class:`_FoundLibraries`' answers."""

        def cdef(self, source: str, *args: Any, **kwargs: Any) -> None:
            if source != declarations or args or kwargs:
                raise _Unexpected("other declarations")

        def dlopen(self, name: str, flags: int = 0) -> Any:
            return libraries.load(super().dlopen, name, flags)

    return CompiledFFI(*positional, **keywords)


def _out_of_line(declarations: str) -> tuple[list[Any], dict[str, Any]]:
    """The arguments cffi's out-of-line ABI mode passes to ``_cffi_backend.FFI`` for
    ``declarations``: cffi writes them as a small Python module, whose one call is read back
    here as literals (nothing of it is run)."""
    import cffi

    builder = cffi.FFI()
    builder.cdef(declarations)
    builder.set_source(_MODULE, None)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{_MODULE}.py"
        with contextlib.redirect_stdout(io.StringIO()):  # cffi says "generating …"
            builder.emit_python_code(str(target))
        module = ast.parse(target.read_text(encoding="ascii"))
    calls = [
        node
        for node in ast.walk(module)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "FFI"
    ]
    if len(calls) != 1:
        raise _Unexpected("cffi wrote another kind of module")
    call = calls[0]
    positional = [ast.literal_eval(argument) for argument in call.args]
    keywords = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords if kw.arg}
    return positional, keywords


class _FoundLibraries:
    """What :func:`ctypes.util.find_library` answered for each name, kept between processes
    while the dynamic linker's libraries stay the same (on Linux, where asking costs processes;
    elsewhere it is asked every time, as cffi does)."""

    def __init__(self) -> None:
        self.key = _linker_state()
        self.answers: dict[str, str | None] = {}
        self.changed = False
        kept = cache.read(_KIND, self._entry()) if self.key else None
        if kept is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                stored = json.loads(kept)
                if stored.get("key") == self.key:
                    self.answers = {
                        str(name): answer if isinstance(answer, str) else None
                        for name, answer in stored["answers"].items()
                    }

    def load(self, open_library: Callable[[str, int], Any], name: str, flags: int) -> Any:
        """What cffi's ``dlopen`` does (``cffi.api._load_backend_lib``): a name with a dot or a
        slash is tried as it is, then what ``find_library`` says of it."""
        first_error: OSError | None = None
        if "." in name or "/" in name or os.sep in name:
            try:
                return open_library(name, flags)
            except OSError as error:
                first_error = error
        path = self.find(name)
        if path is not None:
            try:
                return open_library(path, flags)
            except OSError:
                path = self.find(name, again=True)
                if path is not None:
                    return open_library(path, flags)
        message = f"ctypes.util.find_library() did not manage to locate a library called {name!r}"
        if first_error is not None:
            message = f"{first_error}.  Additionally, {message}"
        raise OSError(message)

    def find(self, name: str, again: bool = False) -> str | None:
        if self.key and not again and name in self.answers:
            return self.answers[name]
        answer = ctypes.util.find_library(name)
        if self.key and self.answers.get(name, "") != answer:
            self.answers[name] = answer
            self.changed = True
        return answer

    def keep(self) -> None:
        if self.key and self.changed:
            data = {"key": self.key, "answers": self.answers}
            cache.write(_KIND, self._entry(), json.dumps(data, sort_keys=True).encode())

    def _entry(self) -> str:
        """One entry per state of the linker: processes started with another library path (a
        server's, a shell's) keep their own answers instead of replacing each other's."""
        return f"libraries-{(self.key or '')[:16]}.json"


def _linker_state() -> str | None:
    """What ``find_library``'s answers on Linux depend on, or ``None`` elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        state = _LINKER_CACHE.stat()
    except OSError:
        return None
    return cache.digest(
        str(state.st_mtime_ns),
        str(state.st_size),
        str(state.st_ino),
        os.environ.get("LD_LIBRARY_PATH", ""),
        os.environ.get("LIBRARY_PATH", ""),
        os.environ.get("PATH", ""),
    )


@contextlib.contextmanager
def _lazy_module(name: str) -> Iterator[None]:
    """While the block runs, ``import name`` gives a module that is loaded on first use."""
    if name in sys.modules:
        yield
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        yield
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    yield


@contextlib.contextmanager
def _called_later(name: str, *functions: str) -> Iterator[None]:
    """While the block runs, ``from name import function`` gives a function that imports
    ``name`` when it is first called (the module itself is not imported before then)."""
    if name in sys.modules:
        yield
        return
    stand_in = types.ModuleType(name, f"Stands in for {name} until one of its functions is used.")
    for function in functions:
        setattr(stand_in, function, _imported_when_called(name, function))
    sys.modules[name] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]


def _imported_when_called(name: str, function: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(name), function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = function
    return call


_UA_MODULE = "weasyprint.html"
_parse_lock = threading.Lock()


@contextlib.contextmanager
def _user_agent_sheets_parsed_when_used() -> Iterator[None]:
    """While the block runs, importing ``weasyprint.html`` makes its stylesheets parsed when
    used (see the module's docstring): during that module's own run only, ``weasyprint.CSS``
    and ``CounterStyle`` are the subclasses of :func:`_parsed_when_used`."""
    if _UA_MODULE in sys.modules:
        yield
        return
    finder = _UserAgentFinder()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(finder)


class _UserAgentFinder(importlib.abc.MetaPathFinder):
    """Finds ``weasyprint.html`` as the other finders do; :class:`_UserAgentLoader` runs it."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != _UA_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None:
            raise _Unexpected("no weasyprint.html")
        spec.loader = _UserAgentLoader(spec.loader)
        return spec


class _UserAgentLoader(importlib.abc.Loader):
    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        package: Any = sys.modules["weasyprint"]
        counters: Any = importlib.import_module("weasyprint.css.counters")
        real_css, real_counters = package.CSS, counters.CounterStyle
        lazy_css, lazy_counters = _parsed_when_used(real_css, real_counters)
        package.CSS, counters.CounterStyle = lazy_css, lazy_counters
        try:
            self._loader.exec_module(module)
        finally:
            package.CSS, counters.CounterStyle = real_css, real_counters
        module.CSS, module.CounterStyle = real_css, real_counters
        sheet: Any = getattr(module, "UA_STYLESHEET", None)
        styles: Any = getattr(module, "UA_COUNTER_STYLE", None)
        if not isinstance(sheet, lazy_css) or not isinstance(styles, lazy_counters):
            raise _Unexpected("weasyprint.html makes its stylesheets in another way")
        styles.sheet = sheet


def _parsed_when_used(real_css: Any, real_counters: Any) -> tuple[Any, Any]:
    """``weasyprint.CSS`` whose parse waits until an attribute is first read, and
    ``CounterStyle`` whose copy first parses the stylesheet that fills it."""

    class CSSParsedWhenUsed(real_css):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.__dict__["_later"] = (args, kwargs)

        def __getattr__(self, name: str) -> Any:  # only for what is not there yet
            with _parse_lock:
                later = self.__dict__.pop("_later", None)
                if later is not None:
                    real_css.__init__(self, *later[0], **later[1])
            if name in self.__dict__:
                return self.__dict__[name]
            raise AttributeError(name)

    class CountersFilledWhenUsed(real_counters):  # type: ignore[misc]
        sheet: Any = None

        def copy(self) -> Any:
            if self.sheet is not None:
                self.sheet.matcher  # noqa: B018 (parses it, which fills self)
            return super().copy()

    return CSSParsedWhenUsed, CountersFilledWhenUsed


def _forget_weasyprint() -> None:
    """Drop what a quick import that failed half-way left in ``sys.modules``."""
    for name in list(sys.modules):
        if name == "weasyprint" or name.startswith("weasyprint."):
            del sys.modules[name]
