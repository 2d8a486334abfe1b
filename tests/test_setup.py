"""Set-up problems are set-up messages: a computer without Pango, or without the ``web`` extra,
gets what to install and exit code 4, never "internal error, please report it"; and the DOCX,
which needs no Pango, works on such a computer from the command line, the library and the web app.

"No Pango" is made three ways: in this process, an import hook makes ``import weasyprint`` raise
the :class:`OSError` cffi raises (the modules already imported are taken out of ``sys.modules``
for the test); in a subprocess, a stand-in ``weasyprint`` package on ``PYTHONPATH`` does the same
(and first prints to standard output, as the real one does), which the batch's worker processes
see too; and, where the tests run as root, the real ``libpango`` is hidden in a private mount
namespace (``unshare -m``), so the real WeasyPrint fails to load it.
"""

from __future__ import annotations

import importlib.abc
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from cli_support import (  # noqa: F401  (an autouse fixture)
    EXAMPLES,
    MINIMAL_STATE,
    ROOT,
    Run,
    default_language,
    process_env,
    run_main,
)
from web_support import no_pango_sitecustomize

import minutes
from minutes.cli import EXIT_SETUP
from minutes.cli.needs import WEB_PACKAGES

FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
CFFI_MESSAGE = (
    "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No "
    "such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate "
    "a library called 'libpango-1.0-0'"
)
WEASYPRINT_OWN_ADVICE = "WeasyPrint could not import some external libraries"
PANGO_VI = "Máy này chưa tạo được PDF"
PANGO_EN = "The PDF cannot be made on this computer"
INSTALL_LINES = (
    "sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0",
    "brew install pango",
    "pacman -S mingw-w64-ucrt-x86_64-pango",
    "docs/install-windows.md#pdf",
)
NOT_A_BUG = ("báo lỗi", "Lỗi nội bộ", "report it", "Internal error", "Traceback")


def assert_setup_message(text: str, first: str = PANGO_VI) -> None:
    """``text`` is the set-up message: what is missing and what to install on each system, with
    the guide's section, and nothing that calls it a bug."""
    assert first in text, text
    assert "libpango-1.0-0" in text
    for line in INSTALL_LINES:
        assert line in text, f"{line!r} not in {text}"
    for words in NOT_A_BUG:
        assert words not in text, f"{words!r} in {text}"


# -- no Pango, in this process ---------------------------------------------------------------------


class _NoPango(importlib.abc.MetaPathFinder):
    """``import weasyprint`` fails as it does where cffi cannot load Pango."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError(CFFI_MESSAGE)
        return None


@pytest.fixture
def no_pango(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    minutes.api.default_renderer.cache_clear()  # a renderer with no PDF writer yet
    yield
    minutes.api.default_renderer.cache_clear()


def test_the_hook_really_stops_weasyprint(no_pango: None) -> None:
    with pytest.raises(OSError, match="libpango"):
        import weasyprint  # noqa: F401


def test_render_without_pango_says_what_to_install(
    no_pango: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run = run_main(capsys, "render", MINIMAL_STATE, "-o", tmp_path)
    assert run.code == EXIT_SETUP == 4
    assert_setup_message(run.err)
    assert run.err.startswith("lỗi: Máy này chưa tạo được PDF: WeasyPrint")
    assert f"Tệp DOCX không cần Pango: minutes render {MINIMAL_STATE} -f docx" in run.err
    assert run.err.rstrip().splitlines()[-1] == "Xem thêm: docs/install-windows.md#pdf"
    assert list(tmp_path.iterdir()) == []  # nothing half done: not even the DOCX of "both"


def test_render_without_pango_in_english(
    no_pango: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run = run_main(capsys, "render", MINIMAL_STATE, "-o", tmp_path, "-f", "pdf", "--lang", "en")
    assert run.code == 4
    assert_setup_message(run.err, PANGO_EN)
    assert "The DOCX needs no Pango:" in run.err
    assert "More: docs/install-windows.md#pdf" in run.err


def test_render_docx_needs_no_pango(
    no_pango: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run = run_main(capsys, "render", FLAGSHIP, "-o", tmp_path, "-f", "docx")
    assert run.code == 0, run.err
    written = tmp_path / f"{FLAGSHIP.stem}.docx"
    assert written.read_bytes().startswith(b"PK")
    assert "weasyprint" not in sys.modules


def test_the_library_makes_a_docx_and_names_the_missing_pango(
    no_pango: None, tmp_path: Path
) -> None:
    meeting = minutes.load(FLAGSHIP)
    assert minutes.render_docx(meeting).startswith(b"PK")
    assert minutes.write(meeting, tmp_path / "bien-ban.docx").is_file()
    with pytest.raises(minutes.SetupError) as caught:
        minutes.render_pdf(meeting)
    assert not isinstance(caught.value, OSError | minutes.InputError | minutes.InternalError)
    assert_setup_message(str(caught.value))
    assert caught.value.docs == "docs/install-windows.md#pdf"
    with pytest.raises(minutes.SetupError):
        minutes.write(meeting, tmp_path / "bien-ban.pdf")
    assert not (tmp_path / "bien-ban.pdf").exists()


def test_the_message_names_the_library_that_failed(no_pango: None) -> None:
    from minutes.writers.pdf import pango_missing

    windows = OSError("cannot load library 'libgobject-2.0-0': error 0x7e")
    assert "libgobject-2.0-0" in pango_missing(windows).message
    odd = OSError("something else entirely")
    assert "something else entirely" in pango_missing(odd).message


# -- no Pango, in the web app ----------------------------------------------------------------------


SITECUSTOMIZE = no_pango_sitecustomize(CFFI_MESSAGE)
"""Put before every other module of a Python process (``sitecustomize``): the web app's worker
processes start as fresh interpreters, so the hook of :func:`no_pango` must reach them this way."""


@pytest.fixture
def web_without_pango(
    no_pango: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from minutes.web.app import Settings, create_app
    from minutes.web.work import WorkPool

    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    paths = [str(tmp_path), *filter(None, [os.environ.get("PYTHONPATH")])]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))
    pool = WorkPool(workers=1)
    try:
        with TestClient(create_app(Settings(allowed_hosts=None), pool=pool)) as client:
            assert client.get("/").status_code == 200  # the session's cookie, as a browser
            yield client
    finally:
        pool.close()


def _flagship_form(client: Any) -> list[tuple[str, str]]:
    from web_support import form_fields

    from minutes.web.guard import CSRF_COOKIE, CSRF_FIELD

    opened = client.post(
        "/form/open",
        data={CSRF_FIELD: client.cookies.get(CSRF_COOKIE)},
        files={"upload": (FLAGSHIP.name, FLAGSHIP.read_bytes(), "application/yaml")},
    )
    assert opened.status_code == 200
    return form_fields(opened.text)


def _post(client: Any, url: str, pairs: list[tuple[str, str]]) -> Any:
    return client.post(
        url,
        content=urlencode(pairs).encode("ascii"),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )


def test_the_form_is_checked_without_pango(web_without_pango: Any) -> None:
    client = web_without_pango
    pairs = _flagship_form(client)
    checked = _post(client, "/form/check", pairs)
    assert checked.status_code == 200
    reply = checked.json()
    assert reply["errors"] == [] and reply["pages"] is None
    [message] = reply["general"]
    assert message.startswith(PANGO_VI) and "Vẫn tải được tệp DOCX." in message
    assert "docs/install-windows.md#pdf" in message
    assert not any(words in message for words in NOT_A_BUG)

    untitled = [(name, "" if name == "title" else value) for name, value in pairs]
    reply = _post(client, "/form/check", untitled).json()
    assert [error["name"] for error in reply["errors"]] == ["title"]  # the checks still work


def test_the_form_downloads_a_docx_and_explains_the_pdf(web_without_pango: Any) -> None:
    client = web_without_pango
    pairs = _flagship_form(client)
    docx = _post(client, "/form/download?format=docx", pairs)
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    pdf = _post(client, "/form/download?format=pdf", pairs)
    assert pdf.status_code == 503
    assert "text/html" in pdf.headers["content-type"]
    assert PANGO_VI in pdf.text and "Vẫn tải được tệp DOCX." in pdf.text


def test_the_api_renders_a_docx_and_answers_503_for_a_pdf(web_without_pango: Any) -> None:
    client = web_without_pango
    body = {"content": FLAGSHIP.read_bytes(), "headers": {"content-type": "application/yaml"}}
    docx = client.post("/api/render?format=docx", **body)
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    pdf = client.post("/api/render?format=pdf", **body)
    assert pdf.status_code == 503
    assert_setup_message(pdf.json()["detail"])
    english = client.post("/api/render?format=pdf&lang=en", **body)
    assert english.json()["detail"].startswith(PANGO_EN)
    assert client.post("/api/validate", **body).json() == {"valid": True, "errors": []}


def test_serve_without_pango_serves_and_says_what_is_missing(
    no_pango: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    served: list[Any] = []

    class Server:
        def __init__(self, config: Any) -> None:
            served.append(config)

        def run(self, sockets: list[Any] | None = None) -> None:
            for sock in sockets or []:
                sock.close()

    monkeypatch.setattr(uvicorn, "Server", Server)
    run = run_main(capsys, "serve", "--port", str(_free_port()))
    assert run.code == 0 and len(served) == 1
    assert run.err.startswith("Cảnh báo: Máy này chưa tạo được PDF")
    assert "Biểu mẫu, việc kiểm tra và tải DOCX vẫn dùng được" in run.err
    assert_setup_message(run.err)
    assert "minutes đang chạy tại http://127.0.0.1:" in run.err


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- no Pango, in a subprocess (and the batch's workers) -------------------------------------------


@pytest.fixture(scope="module")
def fake_weasyprint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for ``PYTHONPATH`` whose ``weasyprint`` fails on import as the real one does
    without Pango: it prints its advice to standard output, then cffi's error is raised."""
    folder = tmp_path_factory.mktemp("no-pango")
    package = folder / "weasyprint"
    package.mkdir()
    (package / "__init__.py").write_text(
        f"print({WEASYPRINT_OWN_ADVICE!r} + ', please carefully follow the installation steps')\n"
        f"raise OSError({CFFI_MESSAGE!r})\n",
        encoding="utf-8",
    )
    return folder


def run_without_pango(fake: Path, *args: str | Path, cwd: Path) -> Run:
    env = process_env()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(fake)])
    done = subprocess.run(
        [sys.executable, "-m", "minutes", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=cwd,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def test_weasyprints_own_advice_stays_out_of_the_output(
    fake_weasyprint: Path, tmp_path: Path
) -> None:
    run = run_without_pango(fake_weasyprint, "render", MINIMAL_STATE, "-o", tmp_path, cwd=ROOT)
    assert run.code == 4
    assert run.out == ""  # WeasyPrint printed its advice to stdout; it was kept out
    assert WEASYPRINT_OWN_ADVICE not in run.err
    assert_setup_message(run.err)


def test_batch_docx_without_pango_in_the_workers_too(fake_weasyprint: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for example in EXAMPLES[:2]:
        shutil.copyfile(example, inputs / example.name)
    out = tmp_path / "out"
    run = run_without_pango(fake_weasyprint, "batch", inputs, "-o", out, "-f", "docx", cwd=ROOT)
    assert run.code == 0, run.err + run.out
    assert sorted(p.name for p in out.glob("*.docx")) == sorted(
        f"{e.stem}.docx" for e in EXAMPLES[:2]
    )
    both = run_without_pango(fake_weasyprint, "batch", inputs, "-o", tmp_path / "both", cwd=ROOT)
    assert both.code == 4
    assert_setup_message(both.err)
    assert f"minutes batch {inputs} -o {tmp_path / 'both'} -f docx" in both.err
    assert not (tmp_path / "both").exists()  # stopped before any work


# -- no Pango for real: the library hidden in a private mount namespace ---------------------------


PANGO_FILES = sorted(Path("/usr/lib").glob("*/libpango-1.0.so.0*")) + sorted(
    Path("/usr/lib").glob("libpango-1.0.so.0*")
)


def _can_hide_pango() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0 and bool(PANGO_FILES)


@pytest.mark.skipif(not _can_hide_pango(), reason="needs root, unshare and an installed libpango")
def test_a_real_weasyprint_without_its_pango(tmp_path: Path) -> None:
    """The real WeasyPrint, with the real ``libpango`` made unloadable (an empty file mounted
    over it, in a mount namespace of this command alone)."""
    real = [p.resolve() for p in PANGO_FILES if p.is_file()]
    hide = " && ".join(f"mount --bind /dev/null {p}" for p in sorted(set(real)))
    env = process_env()
    env["PYTHONPATH"] = str(ROOT)

    def run(*args: str | Path) -> Run:
        command = " ".join([sys.executable, "-m", "minutes", *map(str, args)])
        done = subprocess.run(
            ["unshare", "-m", "--propagation", "private", "sh", "-c", f"{hide} && {command}"],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
            cwd=ROOT,
        )
        return Run(done.returncode, done.stdout, done.stderr)

    pdf = run("render", MINIMAL_STATE, "-o", tmp_path)
    assert pdf.code == 4, pdf.err
    assert pdf.out == ""
    assert_setup_message(pdf.err)
    assert list(tmp_path.iterdir()) == []
    docx = run("render", MINIMAL_STATE, "-o", tmp_path, "-f", "docx")
    assert docx.code == 0, docx.err
    assert [p.name for p in tmp_path.iterdir()] == [f"{MINIMAL_STATE.stem}.docx"]


# -- the web extra ---------------------------------------------------------------------------------


def test_the_web_packages_are_the_web_extra() -> None:
    requirements = importlib.metadata.requires("minutes") or []
    extra = {
        re.split(r"[<>=!~ ;\[]", line, maxsplit=1)[0].lower()
        for line in requirements
        if re.search(r"""extra\s*==\s*["']web["']""", line)
    }
    assert extra == {package for package, _modules in WEB_PACKAGES}


def test_serve_without_the_web_extra_names_the_install_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # `import uvicorn` fails: not installed
    run = run_main(capsys, "serve")
    assert run.code == 4
    assert run.err.startswith("lỗi: Trang web của minutes cần các gói của phần bổ sung web")
    assert "chưa cài: uvicorn." in run.err
    assert '-m pip install "minutes[web]"' in run.err
    assert run.err.rstrip().endswith("Xem thêm: docs/web.md")
    for words in NOT_A_BUG:
        assert words not in run.err


def test_serve_with_no_web_package_at_all_in_a_fresh_process() -> None:
    """Nothing of the web app is imported before the check: with every web package blocked the
    command still gets to say which ones are missing, all at once, in English too."""
    blocked = [module for _package, modules in WEB_PACKAGES for module in modules]
    code = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        "from minutes.cli import main\n"
        "sys.exit(main(['serve', '--lang', 'en']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=process_env(),
        cwd=ROOT,
    )
    assert done.returncode == 4, done.stderr
    assert "these are not installed: fastapi, uvicorn, python-multipart, pypdfium2." in done.stderr
    assert f'{Path(sys.executable).name} -m pip install "minutes[web]"' in done.stderr
    assert "Traceback" not in done.stderr


def test_the_pip_command_is_for_the_python_that_runs_minutes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from minutes.cli.needs import pip_install

    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "bin" / "python3"))
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/python3")
    assert pip_install("minutes[web]") == f'{sys.executable} -m pip install "minutes[web]"'
    monkeypatch.setattr(shutil, "which", lambda name: sys.executable)
    assert pip_install("minutes[web]") == 'python3 -m pip install "minutes[web]"'
    spaced = r"C:\Users\Nguyễn Văn An\AppData\Local\Programs\Python\Python312\python.exe"
    monkeypatch.setattr(sys, "executable", spaced)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert pip_install("minutes[web]") == f'"{spaced}" -m pip install "minutes[web]"'
