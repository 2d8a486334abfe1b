"""minutes: official Vietnamese minutes (biên bản) as DOCX and PDF, from YAML.

>>> import minutes
>>> m = minutes.load("examples/hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml")  # doctest: +SKIP
>>> minutes.write(m, "bien-ban.pdf")  # doctest: +SKIP
"""

from __future__ import annotations

from minutes.api import Renderer, render_docx, render_pdf, write
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

__version__ = "0.1.0"

__all__ = [
    "FormattingError",
    "InputError",
    "InternalError",
    "Limits",
    "Minutes",
    "MinutesError",
    "Problem",
    "Renderer",
    "SetupError",
    "TemplateDataError",
    "__version__",
    "load",
    "loads",
    "render_docx",
    "render_pdf",
    "write",
]
