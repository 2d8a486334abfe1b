"""minutes: official Vietnamese minutes (biên bản) as DOCX and PDF, from YAML.

>>> import minutes
>>> m = minutes.load("examples/hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml")  # doctest: +SKIP
>>> minutes.write(m, "bien-ban.pdf")  # doctest: +SKIP

The names in :data:`__all__` are the library's public face, each described in ``docs/api.md``;
everything else may change between versions. The checker and the batch engine are imported when
first asked for (``minutes.check_file``, ``minutes.Batch``), so ``import minutes`` stays quick
for a host that only renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minutes import formatting
from minutes.api import Renderer, check_pdf, render_docx, render_pdf, write
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

if TYPE_CHECKING:
    from minutes.batch import Batch, Outcome
    from minutes.batch import Options as BatchOptions
    from minutes.batch.report import write_report
    from minutes.check import Report, check_bytes, check_file

__version__ = "0.1.0"

_LAZY = {
    "Batch": ("minutes.batch", "Batch"),
    "BatchOptions": ("minutes.batch", "Options"),
    "Outcome": ("minutes.batch", "Outcome"),
    "write_report": ("minutes.batch.report", "write_report"),
    "Report": ("minutes.check", "Report"),
    "check_bytes": ("minutes.check", "check_bytes"),
    "check_file": ("minutes.check", "check_file"),
}


def __getattr__(name: str) -> Any:
    """The names of :data:`_LAZY`, imported on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module 'minutes' has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


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
