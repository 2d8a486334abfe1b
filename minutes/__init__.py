"""minutes: official Vietnamese minutes (biên bản) as DOCX and PDF, from YAML.

>>> import minutes
>>> m = minutes.load("examples/hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml")  # doctest: +SKIP
>>> minutes.write(m, "bien-ban.pdf")  # doctest: +SKIP

The names in :data:`__all__` are the library's public face, each described in ``docs/api.md``;
everything else may change between versions. Each is imported when first asked for (see
:data:`_WHERE`), so ``import minutes`` is quick and a host pays only for what it uses.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutes import formatting
    from minutes.api import Renderer, check_pdf, render_docx, render_pdf, write
    from minutes.batch import Batch, Outcome
    from minutes.batch import Options as BatchOptions
    from minutes.batch.report import write_report
    from minutes.check import Report, check_bytes, check_file
    from minutes.errors import (
        FormattingError,
        InputError,
        InternalError,
        MinutesError,
        Problem,
        SetupError,
        TemplateDataError,
    )
    from minutes.load import Limits, load, loads
    from minutes.model import Minutes
    from minutes.validate import Validation, check_text, validate_file, validate_text

__version__ = "0.1.0"

_WHERE = {
    "Batch": ("minutes.batch", "Batch"),
    "BatchOptions": ("minutes.batch", "Options"),
    "FormattingError": ("minutes.errors", "FormattingError"),
    "InputError": ("minutes.errors", "InputError"),
    "InternalError": ("minutes.errors", "InternalError"),
    "Limits": ("minutes.load", "Limits"),
    "Minutes": ("minutes.model", "Minutes"),
    "MinutesError": ("minutes.errors", "MinutesError"),
    "Outcome": ("minutes.batch", "Outcome"),
    "Problem": ("minutes.errors", "Problem"),
    "Renderer": ("minutes.api", "Renderer"),
    "Report": ("minutes.check", "Report"),
    "SetupError": ("minutes.errors", "SetupError"),
    "TemplateDataError": ("minutes.errors", "TemplateDataError"),
    "Validation": ("minutes.validate", "Validation"),
    "check_bytes": ("minutes.check", "check_bytes"),
    "check_file": ("minutes.check", "check_file"),
    "check_pdf": ("minutes.api", "check_pdf"),
    "check_text": ("minutes.validate", "check_text"),
    "load": ("minutes.load", "load"),
    "loads": ("minutes.load", "loads"),
    "render_docx": ("minutes.api", "render_docx"),
    "render_pdf": ("minutes.api", "render_pdf"),
    "validate_file": ("minutes.validate", "validate_file"),
    "validate_text": ("minutes.validate", "validate_text"),
    "write": ("minutes.api", "write"),
    "write_report": ("minutes.batch.report", "write_report"),
}
"""Where each public name lives: it is imported on first use, so that ``import minutes`` (and
the ``minutes`` command before it knows what it will do) costs nothing. A command imports what
it needs inside its own error handling, so a Ctrl-C while the validators are built is a clean
stop, and ``minutes --version`` does not build them at all."""


def __getattr__(name: str) -> Any:
    """The names of :data:`_WHERE` (and the ``formatting`` package), imported on first use."""
    if name == "formatting":
        return importlib.import_module("minutes.formatting")
    if name not in _WHERE:
        raise AttributeError(f"module 'minutes' has no attribute {name!r}")
    module, attribute = _WHERE[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """The package's module, which keeps ``minutes.load`` the function.

    Importing a submodule makes it an attribute of its package: the first import of the
    subpackage ``minutes.load`` (by the command, the web app …) would otherwise hide the
    function of the same name, which the first version imported eagerly over it."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "load" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "Batch",
    "BatchOptions",
    "FormattingError",
    "InputError",
    "InternalError",
    "Limits",
    "Minutes",
    "MinutesError",
    "Outcome",
    "Problem",
    "Renderer",
    "Report",
    "SetupError",
    "TemplateDataError",
    "Validation",
    "__version__",
    "check_bytes",
    "check_file",
    "check_pdf",
    "check_text",
    "formatting",
    "load",
    "loads",
    "render_docx",
    "render_pdf",
    "validate_file",
    "validate_text",
    "write",
    "write_report",
]
