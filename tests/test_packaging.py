"""The set-up is quiet and the wheel is whole: ``pip install .`` (and so ``./dev demo``) prints no
packaging warning, and the wheel carries everything minutes reads at run time.

setuptools treats every folder inside a package as a package and warns, at length, about one that
holds data but is absent from ``packages`` ("Package 'minutes.locale.vi.LC_MESSAGES' is absent
from the `packages` configuration … would be ignored"). The fix is to list those folders
(``pyproject.toml``); the first test keeps the list complete as folders are added, the second
builds the wheel from a copy of the sources and reads what pip printed and what the wheel holds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAPPED = {"minutes": "minutes", "minutes.templates": "templates", "minutes.fonts": "fonts"}
"""Each top package of the wheel and its folder (``[tool.setuptools.package-dir]``)."""
WARNINGS = ("Warning", "absent from the `packages`", "would be ignored", "!!")


def data_folders() -> set[str]:
    """The dotted name of every folder the wheel is built from that holds a file."""
    found = set()
    for package, folder in MAPPED.items():
        base = ROOT / folder
        for path in base.rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".mo"):
                continue
            parts = path.parent.relative_to(base).parts
            found.add(".".join([package, *parts]))
    return found


def test_every_folder_of_the_wheel_is_a_listed_package() -> None:
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    packages = set(config["setuptools"]["packages"])
    assert config["setuptools"]["package-dir"] == MAPPED
    missing = data_folders() - packages
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert "minutes.locale.vi.LC_MESSAGES" in packages  # the check sees data-only folders


SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "babel.cfg")


@pytest.mark.slow
def test_the_wheel_builds_without_a_warning_and_carries_everything(tmp_path: Path) -> None:
    source = tmp_path / "minutes-src"
    source.mkdir()
    for name in SOURCES:
        shutil.copy2(ROOT / name, source / name)
    for folder in MAPPED.values():
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path / "dist"), "."],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=source,
    )
    output = built.stdout + built.stderr
    assert built.returncode == 0, output
    # this workplace's pip configuration warns about its own package index folders; not ours
    ours = [line for line in output.splitlines() if "Location 'file:" not in line]
    noisy = [line for line in ours if any(word in line for word in WARNINGS)]
    assert not noisy, "\n".join(noisy)

    [wheel] = (tmp_path / "dist").glob("minutes-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "minutes/py.typed",
        "minutes/locale/vi/LC_MESSAGES/minutes.mo",
        "minutes/templates/bien-ban.xhtml.j2",
        "minutes/templates/profiles/state.yaml",
        "minutes/templates/profiles/party.yaml",
        "minutes/templates/web/page.html.j2",
        "minutes/templates/web/static/app.js",
        "minutes/templates/web/static/app.css",
        "minutes/fonts/LiberationSerif-Regular.ttf",
        "minutes/fonts/LICENSE-OFL.txt",
        "minutes/web/app.py",
    ):
        assert expected in names, expected
    assert not [name for name in names if name.endswith(".po")]  # compiled, not shipped
