"""The real web app in a real browser: shared by the browser tests (``test_web_browser.py``) and the
script that takes the documentation's picture of the page (``docs/images/web_screenshot.py``).
:func:`form_fields` reads the fields a page would submit, for the tests and the benchmark that
talk to the app without a browser.

:func:`running_server` serves :func:`minutes.web.app.create_app` with uvicorn in a background
thread (its own asyncio loop there, none in the caller's thread, where Playwright's sync API runs)
on a free port of 127.0.0.1; :func:`chromium` starts Debian's Chromium through Playwright.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1366, "height": 768}
"""A laptop's screen."""

MISSING_CHROMIUM = (
    "Chromium is not installed: the browser tests drive Debian's Chromium through Playwright. "
    "Install it with `sudo apt-get install chromium` (`./dev test` does it)."
)


TWO_PAGES = (
    Path(__file__).resolve().parent.parent / "examples" / "hop-ubnd-phuong-thang-10-2025.yaml"
)
"""The example whose PDF has two pages."""


def heavy_meeting(attendees: int = 1000, closing_paragraphs: int = 0) -> bytes:
    """The 2-page example with ``attendees`` named attendees (about 30 pages for 1,000) and
    ``closing_paragraphs`` more paragraphs of closing text (about 1 page for 6)."""
    text = TWO_PAGES.read_text(encoding="utf-8")
    paragraph = "Hội nghị thống nhất giao các phòng chuyên môn triển khai thực hiện. " * 12
    more = "".join(f"  {paragraph}\n\n" for _ in range(closing_paragraphs))
    text = text.replace("closing: |\n", "closing: |\n" + more)
    rows = "".join(
        f"  - {{name: Nguyễn Văn Thành {n}, position: Chuyên viên phòng Tổng hợp số {n}}}\n"
        for n in range(attendees)
    )
    text = text.replace("members_total: 5\n", "")
    # the example's vote is of its 5 members: with 1,000 more present it must say its base, or
    # the document is refused as soon as it is checked (which a slower renderer hid behind a limit)
    text = text.replace("      for: 4\n", "      base: 4\n      for: 4\n")
    head, _sep, tail = text.partition("attendees:")
    rest = tail.split("\n", 1)[1]
    while rest.startswith("  "):  # drop the example's own attendees
        rest = rest.split("\n", 1)[1]
    return (head + "attendees:\n" + rows + rest).encode("utf-8")


def chromium_path() -> str | None:
    """The Chromium to drive: the one on PATH, else Debian's; ``None`` if there is none."""
    found = shutil.which("chromium")
    if found:
        return found
    debian = Path("/usr/bin/chromium")
    return str(debian) if debian.is_file() else None


@contextlib.contextmanager
def running_server(app: Any = None, timeout: float = 20) -> Iterator[str]:
    """The app (default: ``create_app()``) served on 127.0.0.1 until the block ends; yields its
    origin, ``http://127.0.0.1:PORT``."""
    import uvicorn

    from minutes.web.app import create_app
    from minutes.web.serve import listen

    sock = listen("127.0.0.1", 0)  # port 0: a free one, bound now, so no other process takes it
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app if app is not None else create_app(),
        log_level="warning",
        server_header=False,
        ws="none",  # no websockets library and its deprecation warnings: the app has no sockets
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="minutes-web", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the web app stopped while starting (see the log above)")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the web app did not start within {timeout} s")
            time.sleep(0.02)
        origin = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{origin}/static/icon.svg", timeout=timeout) as answer:
            if answer.status != 200:
                raise RuntimeError(f"the web app answers {answer.status} to a static file")
        yield origin
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()


@contextlib.contextmanager
def chromium(language: str | None = None) -> Iterator[Any]:
    """A headless Chromium (a Playwright ``Browser``), its own words (the date boxes' day, month
    and year) in ``language`` if given; :class:`RuntimeError` if there is none."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError(MISSING_CHROMIUM)
    with sync_playwright() as playwright:
        args = [*CHROMIUM_ARGS, *([f"--lang={language}"] if language else [])]
        # --lang is read on Windows; on Linux the words come from LANGUAGE (and need the
        # browser's translations: Debian's chromium-l10n)
        env = {**os.environ, "LANGUAGE": language} if language else None
        browser = playwright.chromium.launch(executable_path=executable, args=args, env=env)
        try:
            yield browser
        finally:
            browser.close()


def form_fields(page: str) -> list[tuple[str, str]]:
    """What the form of the HTML ``page`` submits, as a browser would."""
    from minutes.web.html_fields import form_fields as fields

    return fields(page)


# -- jobs for the worker pool's tests (module-level: a worker process imports them by name) ------


def pid_job() -> int:
    """The worker's process id."""
    import os

    return os.getpid()


def sleep_job(seconds: float, marker: str | None = None) -> int:
    """Write ``marker`` (a path) when started, then sleep; the worker's process id."""
    import os
    import time

    if marker:
        with open(marker, "w", encoding="utf-8") as stream:
            stream.write(str(os.getpid()))
    time.sleep(seconds)
    return os.getpid()


def busy_job(seconds: float) -> int:
    """Hold a core for ``seconds`` (pure Python: the GIL held throughout)."""
    import os
    import time

    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return os.getpid()


def crash_job() -> None:
    """End the worker as a crash in a C library would."""
    import os

    os._exit(70)


def failing_job() -> None:
    raise RuntimeError("secret detail of the server 42")


def no_pango_sitecustomize(
    message: str = "cannot load library 'libpango-1.0-0': no such file",
) -> str:
    """A ``sitecustomize`` that makes ``import weasyprint`` fail with ``message`` as it does on a
    computer without Pango. Put on ``PYTHONPATH``, it reaches the web app's worker processes,
    which start as fresh interpreters."""
    return f"""\
import importlib.abc, sys

class _NoPango(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError({message!r})
        return None

sys.meta_path.insert(0, _NoPango())
"""
