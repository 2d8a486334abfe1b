"""Build hook: compile the message catalogs into the wheel.

Everything about the project is in ``pyproject.toml``; this file only adds one step to
``build_py``. The ``.mo`` files are build products (git-ignored), so a wheel must make them: after
the usual copy, every ``minutes/locale/<lang>/LC_MESSAGES/*.po`` of the source tree is compiled
with Babel (``read_po`` and ``write_mo``, what ``pybabel compile`` runs) into the same place in
the build folder. A source checkout does not need this step: ``minutes.i18n`` compiles the
``.po`` in memory when no ``.mo`` exists.

The placeholder checks ``pybabel compile`` adds are left to ``tests/test_cli_messages.py``,
which checks both kinds of placeholder: Babel's %-format check takes the ``% o`` of
``"{percent}% of the text"`` for a placeholder and would fail the build for nothing.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path("minutes") / "locale"


class BuildPyWithCatalogs(build_py):
    """``build_py``, then each catalog compiled with Babel into ``build_lib``."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            target = Path(self.build_lib) / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as stream:
                catalog = read_po(stream, locale=po.parent.parent.name)
            with target.open("wb") as stream:
                write_mo(stream, catalog, use_fuzzy=False)
            self.announce(f"compiled {po} to {target}", level=2)


setup(cmdclass={"build_py": BuildPyWithCatalogs})
