"""Take the picture of the web app in docs/web.md (``docs/images/web-app.png``), and with
``--states DIR`` one picture of each state of the page, to look at after a change to the form.

The real app (served as the browser tests serve it, see ``tests/web_support.py``) in Debian's
Chromium at a laptop's 1366 × 768. The picture of the docs: a real meeting of the corpus opened
through the page's own file box, scrolled to the parts of an agenda item, its pages in the
preview. The states: the blank form, and each of its sections; a corpus file opened; an error
shown beside its box; a computer without Pango; a long meeting scrolled to its parts, tables and
elections; the sample and the flagship opened; rows added with the buttons (people of both
kinds, a part of every kind, a table's columns and rows, a session, a signer, an appendix); a
date and a time typed, and the calendar open. The states are taken in a Vietnamese browser
(07/03/2018, 14:00, the calendar's words), which on Debian needs the chromium-l10n package. Run::

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

from web_support import (  # noqa: E402
    VIEWPORT,
    chromium,
    no_pango_sitecustomize,
    running_server,
)

CORPUS = ROOT / "examples" / "corpus"
PICTURED = CORPUS / "hoi-nghi-btv-dang-uy-xa-nhu-thanh-thang-8-2025.yaml"
LONG = CORPUS / "dai-hoi-dang-bo-thpt-chuyen-nguyen-tat-thanh-2025.yaml"
PICTURE = ROOT / "docs" / "images" / "web-app.png"
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
SECTIONS = (
    "document",
    "meeting",
    "people",
    "attendance",
    "documents",
    "data",
    "body",
    "after",
    "end",
)
WAIT_MS = 30_000
NO_PANGO = no_pango_sitecustomize()


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

    context = browser.new_context(viewport=VIEWPORT, base_url=origin, locale="vi-VN")
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

    page.goto("/?start=starter&profile=state")
    expect(page.locator("#status")).to_contain_text("Biên bản có", timeout=WAIT_MS)
    page.screenshot(path=str(folder / "6-sample.png"))
    opened(page, FLAGSHIP)
    page.screenshot(path=str(folder / "7-flagship.png"))
    scrolled_to(page, '.list[data-list="agenda._1.parts"]')
    page.screenshot(path=str(folder / "7-flagship-parts.png"))
    added_rows(page, folder)
    date_picker(page, folder)
    context.close()


def added_rows(page: Any, folder: Path) -> None:
    """A blank form with rows added by its buttons: people of both kinds, a part of every kind,
    a table with a column and rows, a session, a signer; one picture of each section."""
    from playwright.sync_api import expect

    page.goto("/?start=blank&profile=state")
    expect(page.locator("#status")).to_contain_text("lỗi")
    for section in SECTIONS:
        scrolled_to(page, f"#s-{section}")
        page.screenshot(path=str(folder / f"1-blank-{section}.png"))
    attendees = page.locator('.list[data-list="attendees"]')
    for _ in range(2):
        attendees.locator(":scope > button.add").click()
    attendees.locator('select[name$=".kind"]').last.select_option("line")
    page.keyboard.press("Tab")
    page.keyboard.type("Các đồng chí Ủy viên Ban Thường vụ")
    page.locator('.list[data-list="absent"] > button.add').click()
    scrolled_to(page, '.list[data-list="attendees"]')
    page.screenshot(path=str(folder / "8-added-people.png"))
    parts = page.locator('.list[data-list="agenda._1.parts"]')
    for kind in ("table", "discussion", "vote", "ballot", "election", "conclusion"):
        parts.locator("select[data-part-kind]").select_option(kind)
        parts.locator(".add-part button.add").click()
    table = parts.locator(".list.columns").first
    for title in ("Nội dung", "Số tiền"):
        table.locator(":scope > button.add").click()
        page.keyboard.type(title)
    rows = parts.locator(".list.table-rows").first
    for _ in range(2):
        rows.locator(":scope > button.add").click()
    for index, name in enumerate(("table", "vote", "ballot", "election", "conclusion")):
        scrolled_to(page, f'.list[data-list="agenda._1.parts"] .part[data-part="{name}"]')
        page.screenshot(path=str(folder / f"9-added-part-{index + 2}-{name}.png"))
    page.locator('.list[data-list="sessions"] > button.add').click()
    scrolled_to(page, '.list[data-list="sessions"]')
    page.screenshot(path=str(folder / "9-added-session.png"))
    page.locator('.list[data-list="signatures"] > button.add').click()
    page.locator('.list[data-list="appendices"] > button.add').click()
    scrolled_to(page, '.list[data-list="signatures"]')
    page.screenshot(path=str(folder / "9-added-signer.png"))


def date_picker(page: Any, folder: Path) -> None:
    """The browser's own calendar of the meeting's start, opened from the keyboard."""
    page.goto("/?start=blank&profile=state")
    start = page.locator('[id="f-start"]')
    scrolled_to(page, "#s-meeting")
    start.click()
    page.keyboard.type("07032018")  # day, month, year: the order of a Vietnamese browser
    page.locator('[id="f-start.time"]').focus()  # Tab stops at the calendar's button first
    page.keyboard.type("0800")
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    page.screenshot(path=str(folder / "10-date-typed.png"))
    start.click()
    start.evaluate("box => box.showPicker()")  # the calendar (a pop-up of the browser's own)
    page.wait_for_timeout(500)
    page.screenshot(path=str(folder / "10-date-picker.png"))
    page.keyboard.press("Escape")


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
                context = browser.new_context(viewport=VIEWPORT, base_url=origin, locale="vi-VN")
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
    with running_server() as origin, chromium("vi") as browser:
        context = browser.new_context(viewport=VIEWPORT, base_url=origin, locale="vi-VN")
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        opened(page, PICTURED)
        scrolled_to(page, '.list[data-list="agenda._1.parts"]')
        page.screenshot(path=str(PICTURE))
        context.close()
        print(f"wrote {PICTURE.relative_to(ROOT)}")
    if arguments.states:  # as a Vietnamese clerk's browser shows them: 07/03/2018, 14:00
        arguments.states.mkdir(parents=True, exist_ok=True)
        with running_server() as origin, chromium("vi") as browser:
            states(browser, origin, arguments.states)
            no_pango(browser, arguments.states)
        print(f"wrote the states in {arguments.states}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
