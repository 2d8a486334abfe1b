"""Where the templates, profiles and fonts are, in a source checkout and in an installed wheel.

The design keeps ``templates/`` and ``fonts/`` at the top of the repository, where people look for
them. The wheel maps them to the packages ``minutes.templates`` and ``minutes.fonts`` (see
``pyproject.toml``), so a plain ``pip install .`` carries them; from a source checkout, where those
packages are not importable, the top-level folders are used directly.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent

DOCS = "docs/"
"""Where the guides are: the ``docs/`` folder of minutes, in its repository and in its source
archive (``MANIFEST.in``). Messages name pages under it through :func:`docs_link`; the day the
guides have a web address, this is the one line to change."""


@cache
def _folder(package: str, fallback: str) -> Path:
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            path = Path(location)
            if path.is_dir():
                return path
    return _REPO_ROOT / fallback


def templates_dir() -> Path:
    """The folder of the Jinja2 templates (and ``profiles/`` inside it)."""
    return _folder("minutes.templates", "templates")


def profiles_dir() -> Path:
    """The folder of the format profiles (``state.yaml``, ``party.yaml``)."""
    return templates_dir() / "profiles"


FONTS_ENVIRONMENT = "MINUTES_FONTS"
"""The variable naming a folder of the clerk's own font files (a licensed Times New Roman) to
embed in the PDF instead of the Liberation Serif of minutes."""


def fonts_dir() -> Path:
    """The folder of the font files embedded in every PDF: ``fonts/`` of minutes, or the folder
    ``MINUTES_FONTS`` names (read at each call: a server started with it keeps it)."""
    own = os.environ.get(FONTS_ENVIRONMENT, "").strip()
    return Path(own).expanduser() if own else _folder("minutes.fonts", "fonts")


def docs_link(page: str, section: str | None = None) -> str:
    """Where a message sends the reader: ``docs/install-windows.md#pdf``."""
    return f"{DOCS}{page}" + (f"#{section}" if section else "")
