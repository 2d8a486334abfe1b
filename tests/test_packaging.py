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
import sysconfig
import zipfile
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Built:
    wheel: Path
    output: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The wheel, built by pip from a copy of the sources (as ``pip install .`` builds it)."""
    tmp_path = tmp_path_factory.mktemp("wheel")
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
    [wheel] = (tmp_path / "dist").glob("minutes-*.whl")
    return Built(wheel, output)


@pytest.mark.slow
def test_the_wheel_builds_without_a_warning_and_carries_everything(built: Built) -> None:
    output = built.output
    # this workplace's pip configuration warns about its own package index folders; not ours
    ours = [line for line in output.splitlines() if "Location 'file:" not in line]
    noisy = [line for line in ours if any(word in line for word in WARNINGS)]
    assert not noisy, "\n".join(noisy)

    names = set(zipfile.ZipFile(built.wheel).namelist())
    for expected in (
        "minutes/py.typed",
        "minutes/locale/vi/LC_MESSAGES/minutes.mo",
        "minutes/templates/bien-ban.xhtml.j2",
        "minutes/templates/profiles/state.yaml",
        "minutes/templates/profiles/party-2018.yaml",
        "minutes/templates/profiles/party-2026.yaml",
        "minutes/templates/web/page.html.j2",
        "minutes/templates/web/static/app.js",
        "minutes/templates/web/static/app.css",
        "minutes/fonts/LiberationSerif-Regular.ttf",
        "minutes/fonts/LICENSE-OFL.txt",
        "minutes/web/app.py",
    ):
        assert expected in names, expected
    assert not [name for name in names if name.endswith(".po")]  # compiled, not shipped


@pytest.mark.slow
def test_the_installed_wheel_renders_the_flagship_on_its_own(built: Built, tmp_path: Path) -> None:
    """The wheel in a fresh virtual environment, run from a folder with no sources in it: its
    templates, profiles, fonts and compiled catalog are all it has. The dependencies come from
    this environment (a ``.pth`` file), so the test needs no network; minutes itself must be the
    wheel's copy, which the check of ``minutes.__file__`` makes sure of."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--target",  # not --python: pip would see this environment's minutes there too
            site,
            str(built.wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "office"
    work.mkdir()
    shutil.copy2(ROOT / "examples" / FLAGSHIP, work / FLAGSHIP)
    environment = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(python), *args],
            capture_output=True,
            text=True,
            cwd=work,
            env=environment,
            timeout=300,
        )

    where = run("-c", "import minutes; print(minutes.__file__)")
    assert where.stdout.startswith(site), where.stdout + where.stderr
    rendered = run("-m", "minutes", "render", FLAGSHIP, "-o", "ra")
    assert rendered.returncode == 0, rendered.stderr
    assert "Đã ghi" in rendered.stdout  # the compiled catalog speaks Vietnamese

    import docx
    import pdfplumber

    stem = FLAGSHIP.removesuffix(".yaml")
    with pdfplumber.open(work / "ra" / f"{stem}.pdf") as pdf:
        first = pdf.pages[0]
        assert "BIÊN BẢN" in (first.extract_text() or "")
        faces = {char["fontname"].split("+")[-1] for char in first.chars}
        assert faces and all(face.startswith("Liberation-Serif-v2.1.5") for face in faces), faces
    paragraphs = [p.text for p in docx.Document(str(work / "ra" / f"{stem}.docx")).paragraphs]
    assert any("BIÊN BẢN" in text for text in paragraphs)
    refused = run("-m", "minutes", "validate", "khong-co.yaml")
    assert refused.returncode == 1 and "Không tìm thấy" in refused.stdout + refused.stderr


FLAGSHIP = "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
