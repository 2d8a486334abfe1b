"""Take the picture of the web app in docs/web.md (``docs/images/web-app.png``), and with
``--states DIR`` one picture of each state of the page, to look at after a change to the form.

The real app (served as the browser tests serve it, see ``tests/web_support.py``) in Debian's
Chromium at a laptop's 1366 × 768. The picture of the docs: a real meeting of the corpus opened
through the page's own file box, scrolled to the parts of an agenda item, its pages in the
preview. The states: the blank form; a corpus file opened; an error shown beside its box; a
computer without Pango; a long meeting scrolled to its parts, tables and elections. Run::

    .venv/bin/python docs/images/web_screenshot.py                 # docs/images/web-app.png
    .venv/bin/python docs/images/web_screenshot.py --states /tmp/s  # and every state, in /tmp/s

It writes those files and nothing else.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout's app, whatever .venv installed
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

from web_support import VIEWPORT, chromium, running_server  # noqa: E402

CORPUS = ROOT / "examples" / "corpus"
PICTURED = CORPUS / "hoi-nghi-btv-dang-uy-xa-nhu-thanh-thang-8-2025.yaml"
LONG = CORPUS / "dai-hoi-dang-bo-thpt-chuyen-nguyen-tat-thanh-2025.yaml"
PICTURE = ROOT / "docs" / "images" / "web-app.png"
WAIT_MS = 30_000
NO_PANGO = """\
import importlib.abc, sys

class _NoPango(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0': no such file")
        return None

sys.meta_path.insert(0, _NoPango())
"""


def opened(page: Any, path: Path) -> None:
    """Open ``path`` through the page's file box and wait for its pages."""
    from playwright.sync_api import expect

    page.goto("/")
    page.set_input_files("#upload", path)
    with page.expect_navigation():
        page.click("#open")
    expect(page.locator("#status")).to_contain_text("Biên bản có", timeout=WAIT_MS)
    page.evaluate("Promise.all([...document.images].map((image) => image.decode()))")


def scrolled_to(page: Any, selector: str) -> None:
    """The editor column scrolled so that ``selector`` is near its top."""
    page.locator(selector).first.evaluate(
        "element => { const editor = document.querySelector('.editor');"
        " editor.scrollTop += element.getBoundingClientRect().top - 110; }"
    )


def states(browser: Any, origin: str, folder: Path) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport=VIEWPORT, base_url=origin)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto("/?start=blank&profile=party")
    expect(page.locator("#status")).to_contain_text("lỗi")
    page.screenshot(path=str(folder / "1-blank.png"))

    opened(page, CORPUS / "hop-hoi-dong-nang-luong-xa-hoa-phu-2025.yaml")
    page.screenshot(path=str(folder / "2-opened.png"))
    scrolled_to(page, '.list[data-list="agenda._1.parts"]')
    page.screenshot(path=str(folder / "2-opened-table.png"))

    page.locator('[id="f-title"]').fill("")
    page.locator('[id="f-members.total"]').fill("nhiều")
    expect(page.locator('[data-error-for="title"]')).not_to_be_empty()
    page.locator(".editor").evaluate("editor => { editor.scrollTop = 0; }")
    scrolled_to(page, '[id="f-title"]')
    page.screenshot(path=str(folder / "3-errors.png"))

    opened(page, LONG)
    scrolled_to(page, '.list[data-list="sessions._2.agenda._3.parts"]')
    page.screenshot(path=str(folder / "5-long-parts.png"))
    context.close()


def no_pango(browser: Any, folder: Path) -> None:
    """The page on a computer without Pango: its workers cannot load WeasyPrint."""
    from playwright.sync_api import expect

    from minutes.web.app import Settings, create_app
    from minutes.web.work import WorkPool

    with tempfile.TemporaryDirectory() as hook:
        (Path(hook) / "sitecustomize.py").write_text(NO_PANGO, encoding="utf-8")
        before = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [hook, before]))
        pool = WorkPool(workers=1)
        pool.start()
        deadline = time.monotonic() + 60
        while not pool.pids() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.environ.pop("PYTHONPATH") if before is None else os.environ.update(PYTHONPATH=before)
        try:
            with running_server(create_app(Settings(), pool=pool)) as origin:
                context = browser.new_context(viewport=VIEWPORT, base_url=origin)
                page = context.new_page()
                page.goto("/?start=starter&profile=party")
                expect(page.locator("#status")).to_contain_text("Pango", timeout=WAIT_MS)
                page.screenshot(path=str(folder / "4-no-pango.png"))
                context.close()
        finally:
            pool.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--states", type=Path, help="also a picture of each state, in this folder")
    arguments = parser.parse_args()
    with running_server() as origin, chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT, base_url=origin)
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        opened(page, PICTURED)
        scrolled_to(page, '.list[data-list="agenda._1.parts"]')
        page.screenshot(path=str(PICTURE))
        context.close()
        print(f"wrote {PICTURE.relative_to(ROOT)}")
        if arguments.states:
            arguments.states.mkdir(parents=True, exist_ok=True)
            states(browser, origin, arguments.states)
            no_pango(browser, arguments.states)
            print(f"wrote the states in {arguments.states}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
