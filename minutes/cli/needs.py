"""What this computer may lack for a command: Pango for the PDF, the ``web`` extra for the form.

Each is looked for before any work starts, and said as a set-up problem (exit code 4) with the
command that installs it, typed for the very Python that runs minutes.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Sequence

from minutes.cli.say import setup_steps, shown
from minutes.errors import SetupError
from minutes.i18n import _
from minutes.resources import docs_link

WEB_PACKAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fastapi", ("fastapi",)),
    ("uvicorn", ("uvicorn",)),
    ("python-multipart", ("python_multipart", "multipart")),
    ("pypdfium2", ("pypdfium2",)),
)
"""The packages of the ``web`` extra (``pyproject.toml``; a test keeps the two lists equal), each
with the modules it may be imported as."""


def pip_install(requirement: str) -> str:
    """The command that installs ``requirement`` into the Python that runs minutes, as pip's own
    advice is given: ``python -m pip`` when that name on PATH is this very Python, its full path
    when it is not (a virtual environment that is not activated), so the packages land where
    minutes looks for them. The requirement is in double quotes for the same reason as
    :func:`~minutes.cli.say.shown`: ``'minutes[web]'`` in single quotes fails in the Windows
    command prompt."""
    executable = sys.executable
    name = os.path.basename(executable)
    found = shutil.which(name)
    if found and os.path.normcase(os.path.abspath(found)) == os.path.normcase(executable):
        python = name[:-4] if name.lower().endswith(".exe") else name
    else:
        python = shown(executable)
    return f'{python} -m pip install "{requirement}"'


def require_pdf(formats: Sequence[str], docx_command: str) -> None:
    """Before any work: when a PDF is asked for and this computer cannot make one, stop with the
    set-up message, and say how to get the DOCX, which needs no Pango (``docx_command``)."""
    if "pdf" not in formats:
        return
    from minutes.api import check_pdf

    try:
        check_pdf()
    except SetupError as error:
        docx = _("The DOCX needs no Pango: {command}").format(command=docx_command)
        raise SetupError(error.message, (docx, *error.steps), error.docs) from None


def require_web_extra() -> None:
    """Stop with a set-up message naming the install command when the ``web`` extra is missing.
    Every package is looked for before anything is imported, so one message names them all
    (python-multipart would otherwise be missed until the first form is sent)."""
    missing = [
        package
        for package, modules in WEB_PACKAGES
        if all(importlib.util.find_spec(module) is None for module in modules)
    ]
    if missing:
        raise SetupError(
            _(
                "The web form needs the packages of minutes' web extra, and these are not "
                "installed: {missing}."
            ).format(missing=", ".join(missing)),
            (_("Install them with:"), "  " + pip_install("minutes[web]")),
            docs_link("web.md"),
        )


def warn_without_pdf() -> None:
    """At the start of ``serve`` on a computer without Pango: the form still works (its checks
    and the DOCX downloads), so it is served, with a word on what is missing and how to add it."""
    from minutes.api import check_pdf

    try:
        check_pdf()
    except SetupError as error:
        sys.stderr.write(_("Warning: {message}").format(message=error.message) + "\n")
        sys.stderr.write(
            _(
                "The form, its checks and the DOCX downloads work; the preview and the PDF "
                "need Pango."
            )
            + "\n"
        )
        setup_steps(error)
