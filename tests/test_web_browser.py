"""The staff page in a real browser: Debian's Chromium, headless, driven by Playwright.

The app runs for real (uvicorn, in a thread, on a free port of 127.0.0.1) and every test reads
what a clerk sees: the texts of the page, the errors beside the fields, the number of pages in the
preview, and the files the buttons download (read back with pdfplumber and python-docx, and the
saved YAML loaded with :func:`minutes.loads`). The tests share one browser and one server; each
has its own browser context (cookies, downloads), at the size of a laptop screen.

Chromium missing is a failure, not a skip: CI installs it, and so does ``./dev test``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import EXAMPLES, FLAGSHIP, ROOT, RenderedDocx, with_impossible_date
from playwright.sync_api import Browser, Download, Locator, Page, expect
from web_support import (
    MISSING_CHROMIUM,
    VIEWPORT,
    chromium,
    chromium_path,
    no_pango_sitecustomize,
    running_server,
)

import minutes

WAIT_MS = 10_000
"""How long a test waits for what it expects to see (the flagship renders in about a second)."""

expect.set_options(timeout=WAIT_MS)

CORPUS = ROOT / "examples" / "corpus"
PARTY_BLANK = "/?start=blank&profile=party"
PARTY_STARTER = "/?start=starter&profile=party"
VALID = "Không có lỗi"


# -- the server, the browser, a page ---------------------------------------------------------------


@pytest.fixture(scope="module")
def origin() -> Iterator[str]:
    """The running app's origin, ``http://127.0.0.1:PORT``."""
    with running_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if chromium_path() is None:
        pytest.fail(MISSING_CHROMIUM, pytrace=False)
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser, origin: str) -> Iterator[Page]:
    """A fresh page in its own context, 1366 × 768, with the app as its base address."""
    context = browser.new_context(viewport=VIEWPORT, base_url=origin, accept_downloads=True)
    context.set_default_timeout(WAIT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


# -- what the page holds ---------------------------------------------------------------------------


def field(page: Page, name: str) -> Locator:
    """The input, text area or select of the form field ``name`` (its id is ``f-<name>``)."""
    return page.locator(f'[id="f-{name}"]')


def error_of(page: Page, name: str) -> Locator:
    return page.locator(f'[data-error-for="{name}"]')


def a_list(page: Page, name: str) -> Locator:
    return page.locator(f'.list[data-list="{name}"]')


def row_names(page: Page, list_name: str) -> list[str]:
    """The keys of a list's rows (``attendees._1``, ``attendees._n2`` …), in page order."""
    rows = a_list(page, list_name).locator(":scope > .rows > .row, :scope > .grid > .rows > .row")
    return [rows.nth(i).get_attribute("data-name") or "" for i in range(rows.count())]


def add_row(page: Page, list_name: str) -> str:
    """Press the list's add button; the new row's key."""
    a_list(page, list_name).locator(":scope > button[data-action=add]").click()
    return row_names(page, list_name)[-1]


def row_button(page: Page, row: str, action: str) -> Locator:
    return page.locator(f'.row[data-name="{row}"] > .row-tools > button[data-action="{action}"]')


def wait_for_preview(page: Page, pages: int) -> None:
    """Wait until the preview shows ``pages`` pages of a valid meeting."""
    expect(page.locator("#status")).to_have_text(f"{VALID}. Biên bản có {pages} trang.")
    expect(page.locator("#pages img")).to_have_count(pages)


def download(page: Page, button: str) -> Download:
    """Press a toolbar button and take the file it downloads."""
    with page.expect_download() as info:
        page.click(button)
    return info.value


def downloaded_bytes(item: Download) -> bytes:
    return Path(item.path()).read_bytes()


def downloaded_text(item: Download) -> str:
    return downloaded_bytes(item).decode("utf-8")


def pdf_facts(data: bytes) -> tuple[int, str]:
    """The number of pages of a PDF, and its text with every run of whitespace one space."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
        return len(pdf.pages), " ".join(text.split())


def docx_text(data: bytes) -> str:
    return " ".join(" ".join(RenderedDocx(data).paragraph_texts()).split())


def open_file(page: Page, path: Path) -> None:
    """Choose ``path`` in the file box and press "Mở tệp"; wait for the page that answers."""
    page.set_input_files("#upload", path)
    with page.expect_navigation():
        page.click("#open")
    expect(page.locator(".notice")).to_have_text(f"Đã mở {path.name}.")


# -- typing a meeting into the form ----------------------------------------------------------------


def typed(value: Any) -> str:
    """What a clerk types in a box for ``value`` of a YAML file (as :func:`parse` reads it:
    dates and times are text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    assert isinstance(value, (int, float, str)), f"no way to type {value!r} in one box"
    return str(value)


def rows_for(page: Page, list_name: str, items: list[Any]) -> Iterator[tuple[str, Any]]:
    """``(row key, item)`` for each item: the list's rows already on the page, then new ones."""
    names = row_names(page, list_name)[: len(items)]
    while len(names) < len(items):
        names.append(add_row(page, list_name))
    return zip(names, items, strict=True)


def fill_person(page: Page, name: str, value: Any) -> None:
    if isinstance(value, str) or "line" in value:
        field(page, f"{name}.kind").select_option("line")
        expect(field(page, f"{name}.position")).to_be_hidden()
        line = value if isinstance(value, str) else value["line"]
        field(page, f"{name}.line").fill(line)
        if not isinstance(value, str) and value.get("reason"):
            field(page, f"{name}.reason").fill(value["reason"])
        return
    for key in ("name", "position", "reason"):
        if value.get(key):
            field(page, f"{name}.{key}").fill(typed(value[key]))


def add_part(page: Page, list_name: str, kind: str) -> str:
    """Choose the kind of part beside the list's add button, press it; the new part's key."""
    parts = a_list(page, list_name)
    parts.locator(":scope > .add-part > select").select_option(kind)
    parts.locator(":scope > .add-part > button[data-action=add]").click()
    return row_names(page, list_name)[-1]


def fill_date(page: Page, name: str, day: str) -> None:
    """Type a date in a browser date box with the keys a clerk presses (2025-07-10 is typed
    as the browser shows it: month, day and year in the order of its locale)."""
    box = field(page, name)
    box.focus()  # the cursor in its first part, as Tab puts it
    year, month, date = day.split("-")
    order = page.evaluate(
        "new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2025, 6, 10))"
        ".map((part) => part.type).filter((type) => type !== 'literal')"
    )
    for part in order:
        page.keyboard.type({"year": year, "month": month, "day": date}[part])
    expect(box).to_have_value(day)


def fill_time(page: Page, name: str, clock: str) -> None:
    """Type a time in a browser time box (hours, minutes, and AM/PM where the locale has it)."""
    box = field(page, name)
    box.focus()
    hour, minute = (int(part) for part in clock.split(":"))
    twelve = page.evaluate(
        "new Intl.DateTimeFormat(navigator.language, {hour: 'numeric'}).resolvedOptions().hour12"
    )
    if twelve:
        page.keyboard.type(f"{(hour % 12) or 12:02d}{minute:02d}")
        page.keyboard.type("P" if hour >= 12 else "A")
    else:
        page.keyboard.type(f"{hour:02d}{minute:02d}")
    expect(box).to_have_value(clock)


def test_typing_a_meeting_with_sessions_a_table_and_an_election(page: Page) -> None:
    """From a blank form, by the boxes and buttons alone: two sessions, a table whose column of
    numbers sums, an election; the PDF has the facts, the saved file the same meeting."""
    page.goto(PARTY_BLANK)
    field(page, "organization.name").fill("Đảng bộ Trường THPT Chuyên Nguyễn Tất Thành")
    field(page, "organization.parent").fill("Đảng bộ Khối các cơ quan tỉnh")
    field(page, "place").fill("Kon Tum")
    fill_date(page, "date", "2025-07-11")
    field(page, "title").fill("Đại hội Đảng bộ nhiệm kỳ 2025 - 2030")
    field(page, "kind").fill("đại hội")
    fill_person(page, "chair._1", {"name": "Nguyễn Văn Hùng", "position": "Bí thư Đảng ủy"})
    fill_person(page, "secretary._1", {"name": "Lê Thị Hoa", "position": "Đảng ủy viên"})
    fill_person(page, "attendees._1", "Các đồng chí đảng viên chính thức của Đảng bộ")
    field(page, "attendees._1.count").fill("40")
    field(page, "members.total").fill("42")
    field(page, "members.present").fill("40")
    row_button(page, "agenda._1", "remove").click()  # the sessions hold the items

    first = add_row(page, "sessions")
    field(page, f"{first}.title").fill("Phiên trù bị")
    fill_date(page, f"{first}.start", "2025-07-10")
    fill_time(page, f"{first}.start.time", "14:00")
    fill_time(page, f"{first}.end", "16:30")
    item = add_row(page, f"{first}.agenda")
    field(page, f"{item}.title").fill("Báo cáo kết quả học tập")
    table = add_part(page, f"{item}.parts", "table") + ".table"
    field(page, f"{table}.caption").fill("Kết quả học tập năm học 2024 - 2025:")
    field(page, f"{table}.columns._1.title").fill("Khối lớp")
    field(page, f"{table}.columns._2.title").fill("Số học sinh")
    field(page, f"{table}.columns._2.format").select_option("number")
    field(page, f"{table}.columns._2.sum").check()
    field(page, f"{table}.rows._1.c._1").fill("Khối 10")
    field(page, f"{table}.rows._1.c._2").fill("1.250")
    second_row = add_row(page, f"{table}.rows")
    field(page, f"{second_row}.c._1").fill("Khối 11")
    field(page, f"{second_row}.c._2").fill("1180")
    field(page, f"{table}.total").fill("Tổng cộng")

    second = add_row(page, "sessions")
    field(page, f"{second}.title").fill("Phiên chính thức")
    fill_date(page, f"{second}.start", "2025-07-11")
    fill_time(page, f"{second}.start.time", "07:30")
    item = add_row(page, f"{second}.agenda")
    field(page, f"{item}.title").fill("Bầu Ban Chấp hành Đảng bộ khóa II")
    election = add_part(page, f"{item}.parts", "election") + ".election"
    field(page, f"{election}.title").fill("Bầu Ban Chấp hành Đảng bộ khóa II, nhiệm kỳ 2025 - 2030")
    for key, count in (("seats", "1"), ("issued", "40"), ("returned", "40"), ("valid", "39")):
        field(page, f"{election}.{key}").fill(count)
    field(page, f"{election}.invalid").fill("1")
    field(page, f"{election}.candidates._1.name").fill("Phạm Minh Tuấn")
    field(page, f"{election}.candidates._1.votes").fill("37")
    field(page, f"{election}.candidates._1.elected").select_option("true")
    runner = add_row(page, f"{election}.candidates")
    field(page, f"{runner}.name").fill("Võ Thị Lan")
    field(page, f"{runner}.votes").fill("2")
    field(page, f"{runner}.elected").select_option("false")

    expect(page.locator("#status")).to_contain_text(VALID)
    expect(page.locator("[data-error-for]:not(:empty)")).to_have_count(0)
    _pages, text = pdf_facts(downloaded_bytes(download(page, "#pdf")))
    for words in (
        "Phiên trù bị",
        "Phiên chính thức",
        "Kết quả học tập năm học 2024 - 2025:",
        "Khối 11",
        "1.250",
        "2.430",  # the sum of the column of numbers
        "Phạm Minh Tuấn",
        "Trúng cử",
        "Không trúng cử",
        "Các đồng chí đảng viên chính thức của Đảng bộ",
    ):
        assert words in text, f"{words!r} is not in the downloaded PDF"
    saved = minutes.loads(downloaded_text(download(page, "#save")))
    assert [session.title for session in saved.sessions] == ["Phiên trù bị", "Phiên chính thức"]
    assert str(saved.sessions[0].start) == "2025-07-10 14:00:00"


BROWSER_FILES = [
    *EXAMPLES,
    CORPUS / "dai-hoi-dang-bo-thpt-chuyen-nguyen-tat-thanh-2025.yaml",  # sessions
    CORPUS / "hop-hoi-dong-nang-luong-xa-hoa-phu-2025.yaml",  # tables with years and decimals
    CORPUS / "ky-hop-thu-tu-hdnd-phuong-nguyet-vien-2026.yaml",  # ballots and elections
    CORPUS / "ban-giao-tai-san-quan-tay-ho-phuong-phu-thuong-2025.yaml",  # an appendix
]
"""Files the web app renders as they are (it reads no profile file a meeting names)."""


@pytest.mark.parametrize("path", BROWSER_FILES, ids=[path.stem for path in BROWSER_FILES])
def test_open_and_save_gives_the_same_meeting(page: Page, path: Path, outputs: Any) -> None:
    page.goto("/")
    open_file(page, path)
    expect(page.locator("#general li")).to_have_count(0)
    wait_for_preview(page, len(outputs.pdf(path).pages))
    saved = download(page, "#save")
    assert minutes.loads(downloaded_text(saved)).model_dump() == (
        outputs.minutes(path).model_dump()
    )


def test_errors_appear_and_go_while_typing(page: Page) -> None:
    page.goto(PARTY_STARTER)
    status = page.locator("#status")
    wait_for_preview(page, 2)
    title = field(page, "title")
    expect(title).not_to_have_value("")

    title.fill("")
    expect(error_of(page, "title")).to_have_text(re.compile(r"^Thiếu trường bắt buộc\."))
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(status).to_contain_text("Còn 1 lỗi")
    expect(page.locator("#pages")).to_have_class(re.compile(r"\bstale\b"))

    title.fill("Hội nghị Ban Thường vụ Đảng ủy xã tháng 12 năm 2025")
    expect(error_of(page, "title")).to_be_empty()
    expect(title).not_to_have_attribute("aria-invalid", "true")
    wait_for_preview(page, 2)

    field(page, "members_total").fill("abc")
    expect(error_of(page, "members_total")).to_have_text(re.compile(r"^Cần ghi số nguyên\."))
    expect(status).to_contain_text("Còn 1 lỗi")
    expect(page.locator("[data-error-for]:not(:empty)")).to_have_count(1)
    field(page, "members_total").fill("5")
    expect(error_of(page, "members_total")).to_be_empty()
    wait_for_preview(page, 2)


def test_an_error_in_a_folded_box_opens_its_fold(page: Page) -> None:
    page.goto("/")
    open_file(page, CORPUS / "ky-hop-thu-tu-hdnd-phuong-nguyet-vien-2026.yaml")
    live_check_answered(page)
    decimals = page.locator('input[id$=".election.decimals"]').first
    fold = decimals.locator("xpath=ancestor::details[1]")
    fold.evaluate("details => { details.open = true; }")
    with page.expect_response("**/form/check"):
        decimals.fill("9")  # at most 6
        fold.evaluate("details => { details.open = false; }")
    name = (decimals.get_attribute("id") or "")[2:]
    expect(error_of(page, name)).not_to_be_empty()
    expect(fold).to_have_attribute("open", "")


def saved_meeting(page: Page) -> Any:
    return minutes.loads(downloaded_text(download(page, "#save")))


def test_rows_are_added_moved_and_removed_in_page_order(page: Page) -> None:
    page.goto(PARTY_STARTER)
    wait_for_preview(page, 2)
    first, group = row_names(page, "attendees")
    assert field(page, f"{first}.name").input_value() == "Nguyễn Văn An"
    assert (
        field(page, f"{group}.line").input_value()
        == "Các đồng chí Ủy viên Ban Thường vụ Đảng ủy xã"
    )

    third = add_row(page, "attendees")
    expect(field(page, f"{third}.kind")).to_be_focused()  # the cursor is in the new row
    field(page, f"{third}.name").fill("Phạm Văn Dũng")
    field(page, f"{third}.position").fill("Ủy viên Ban Thường vụ Đảng ủy xã")
    fourth = add_row(page, "attendees")
    field(page, f"{fourth}.name").fill("Hoàng Thị Em")
    field(page, f"{fourth}.position").fill("Ủy viên Ban Thường vụ Đảng ủy xã")
    assert row_names(page, "attendees") == [first, group, third, fourth]

    row_button(page, fourth, "up").click()
    expect(row_button(page, fourth, "up")).to_be_focused()
    row_button(page, first, "down").click()
    assert row_names(page, "attendees") == [group, first, fourth, third]
    row_button(page, first, "up").click()  # back, and then down twice
    row_button(page, first, "down").click()
    row_button(page, first, "down").click()
    assert row_names(page, "attendees") == [group, fourth, first, third]
    row_button(page, group, "up").click()  # the first row cannot go higher
    assert row_names(page, "attendees") == [group, fourth, first, third]
    row_button(page, group, "remove").click()
    expect(field(page, f"{fourth}.kind")).to_be_focused()  # the cursor goes to the next row
    assert row_names(page, "attendees") == [fourth, first, third]
    wait_for_preview(page, 2)

    saved = saved_meeting(page)
    assert [person.name for person in saved.attendees] == [
        "Hoàng Thị Em",
        "Nguyễn Văn An",
        "Phạm Văn Dũng",
    ]
    _, text = pdf_facts(downloaded_bytes(download(page, "#pdf")))
    places = [text.find(name) for name in ("Hoàng Thị Em", "Phạm Văn Dũng")]
    assert -1 not in places and places == sorted(places), text


def test_parts_and_signers_are_added_moved_and_removed(page: Page) -> None:
    page.goto(PARTY_STARTER)
    wait_for_preview(page, 2)
    item = row_names(page, "agenda")[0]
    parts = f"{item}.parts"
    before = len(row_names(page, parts))
    vote = add_part(page, parts, "vote")
    expect(field(page, f"{vote}.vote.question")).to_be_focused()
    field(page, f"{vote}.vote.question").fill("thông qua kế hoạch tháng 12")
    field(page, f"{vote}.vote.for").fill("4")
    conclusion = add_part(page, parts, "conclusion")
    field(page, f"{conclusion}.conclusion").fill("Ban Thường vụ thống nhất thông qua.")
    row_button(page, conclusion, "up").click()  # the conclusion before the vote
    assert row_names(page, parts)[-2:] == [conclusion, vote]
    text = add_part(page, parts, "text")
    field(page, f"{text}.text").fill("Đoạn văn thừa.")
    row_button(page, text, "remove").click()
    assert row_names(page, parts)[before:] == [conclusion, vote]

    secretary = add_row(page, "signatures")
    field(page, f"{secretary}.title").fill("NGƯỜI GHI BIÊN BẢN")
    field(page, f"{secretary}.name").fill("Trần Thị Bình")
    chair = add_row(page, "signatures")
    field(page, f"{chair}.authority").fill("T/M BAN THƯỜNG VỤ")
    field(page, f"{chair}.title").fill("BÍ THƯ")
    field(page, f"{chair}.name").fill("Nguyễn Văn An")
    spare = add_row(page, "signatures")
    field(page, f"{spare}.name").fill("Người thừa")
    row_button(page, chair, "up").click()
    row_button(page, spare, "remove").click()
    assert row_names(page, "signatures") == [chair, secretary]
    wait_for_preview(page, 2)

    saved = saved_meeting(page)
    kinds = [next(iter(part.model_dump(exclude_none=True))) for part in saved.agenda[0].parts]
    assert kinds[-2:] == ["conclusion", "vote"]
    assert [signer.name for signer in saved.signatures] == ["Nguyễn Văn An", "Trần Thị Bình"]
    _, pdf = pdf_facts(downloaded_bytes(download(page, "#pdf")))
    assert "T/M BAN THƯỜNG VỤ" in pdf and "Ban Thường vụ thống nhất thông qua." in pdf


def test_a_date_and_a_start_without_its_time_round_trip(page: Page) -> None:
    page.goto(PARTY_STARTER)
    wait_for_preview(page, 2)
    fill_date(page, "date", "2025-12-05")
    fill_date(page, "start", "2025-12-05")
    field(page, "start.time").fill("")  # the time not known: left blank in the minutes
    field(page, "end").fill("")
    wait_for_preview(page, 2)
    saved = saved_meeting(page)
    assert saved.date == dt.date(2025, 12, 5)
    assert saved.start == dt.date(2025, 12, 5) and not isinstance(saved.start, dt.datetime)
    _, text = pdf_facts(downloaded_bytes(download(page, "#pdf")))
    assert "ngày 05 tháng 12 năm 2025" in text
    assert "08 giờ" not in text

    fill_time(page, "start.time", "08:30")
    wait_for_preview(page, 2)
    assert saved_meeting(page).start == dt.datetime(2025, 12, 5, 8, 30)


def test_keyboard_only(page: Page) -> None:
    page.goto(PARTY_BLANK)
    url = page.url
    navigations: list[str] = []
    page.on("request", lambda r: navigations.append(r.url) if r.is_navigation_request() else None)
    add = a_list(page, "attendees").locator(":scope > button[data-action=add]")
    (blank,) = row_names(page, "attendees")

    field(page, f"{blank}.position").focus()
    for _ in range(5):  # past the empty row's buttons to the list's own
        page.keyboard.press("Tab")
        if add.evaluate("button => button === document.activeElement"):
            break
    expect(add).to_be_focused()
    page.keyboard.press("Enter")
    row = row_names(page, "attendees")[-1]
    expect(field(page, f"{row}.kind")).to_be_focused()
    page.keyboard.press("Tab")
    expect(field(page, f"{row}.honorific")).to_be_focused()
    page.keyboard.press("Tab")
    expect(field(page, f"{row}.name")).to_be_focused()
    page.keyboard.type("Nguyễn Đình Khang")
    page.keyboard.press("Tab")
    expect(field(page, f"{row}.position")).to_be_focused()
    page.keyboard.type("Bí thư Tỉnh ủy")
    expect(field(page, f"{row}.name")).to_have_value("Nguyễn Đình Khang")
    expect(field(page, f"{row}.position")).to_have_value("Bí thư Tỉnh ủy")

    page.keyboard.press("Enter")  # in a one-line box: must not submit the form
    with page.expect_response("**/form/check"):  # one more change, and its check answered
        page.keyboard.type(",")
    assert page.url == url
    assert navigations == [], f"Enter in a text box submitted the form: {navigations}"
    expect(field(page, f"{row}.position")).to_have_value("Bí thư Tỉnh ủy,")

    # The row's buttons follow its boxes: up, down, remove; removing the empty row above by
    # keyboard moves the cursor to the next row.
    page.keyboard.press("Tab")
    expect(row_button(page, row, "up")).to_be_focused()
    page.keyboard.press("Enter")
    assert row_names(page, "attendees") == [row, blank]
    row_button(page, blank, "remove").focus()
    page.keyboard.press("Space")
    assert row_names(page, "attendees") == [row]

    # A group line by keyboard: the kind box takes arrow keys; the position box goes away, the
    # text typed as a name is the line.
    field(page, f"{row}.kind").focus()
    page.keyboard.press("ArrowDown")
    expect(field(page, f"{row}.kind")).to_have_value("line")
    expect(field(page, f"{row}.line")).to_have_value("Nguyễn Đình Khang")
    expect(field(page, f"{row}.position")).to_be_visible()  # it holds something: kept

    # A part, by keyboard: the kind box beside the add button, then the button.
    parts = a_list(page, "agenda._1.parts")
    parts.locator(":scope > .add-part > select").focus()
    page.keyboard.press("End")  # the last kind: a conclusion
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    part = row_names(page, "agenda._1.parts")[-1]
    expect(field(page, f"{part}.conclusion")).to_be_focused()
    page.keyboard.press("Enter")  # a new line in a text of paragraphs is Enter
    page.keyboard.type("Dòng hai")
    expect(field(page, f"{part}.conclusion")).to_have_value("\nDòng hai")


def test_page_loads_nothing_from_outside(page: Page, origin: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(PARTY_STARTER)
    wait_for_preview(page, 2)
    add_row(page, "documents")
    page.keyboard.type("Báo cáo thêm")
    wait_for_preview(page, 2)
    open_file(page, FLAGSHIP)
    wait_for_preview(page, 3)
    download(page, "#save")

    assert any(url.endswith("/static/app.js") for url in requested)
    assert any(url.endswith("/form/check") for url in requested)
    outside = [url for url in requested if not url.startswith((origin + "/", "data:"))]
    assert outside == [], f"the page asked for addresses outside the app: {outside}"


def test_page_fits_a_laptop_screen(page: Page) -> None:
    page.goto("/")
    open_file(page, FLAGSHIP)
    wait_for_preview(page, 3)
    assert page.viewport_size == VIEWPORT
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"the page scrolls sideways: {width} px wide in {inner} px"
    for button in ("#open", "#save", "#docx", "#pdf"):
        expect(page.locator(button)).to_be_in_viewport(ratio=1)
    # the preview's pages fit their column too
    box = page.locator("#pages img").first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= VIEWPORT["width"]


def live_check_answered(page: Page) -> None:
    """Wait until the page's own check has answered (its status names the problems left)."""
    expect(page.locator("#status")).to_contain_text(re.compile(r"^(Còn \d+ lỗi|Không có lỗi)"))


def test_download_with_problems_gives_the_page_back(page: Page) -> None:
    downloads: list[Download] = []
    page.on("download", lambda item: downloads.append(item))
    page.goto(PARTY_BLANK)
    field(page, "title").fill("Hội nghị chưa đủ thông tin")
    field(page, "place").fill("Thái Bình")
    with page.expect_navigation() as navigation:
        page.click("#pdf")
    answer = navigation.value
    assert answer is not None and answer.url.endswith("/form/download?format=pdf")
    assert answer.status == 422
    assert "text/html" in answer.headers["content-type"]
    live_check_answered(page)
    # why nothing was downloaded stays on the page, above the problems marked beside the fields
    expect(page.locator("#general li").first).to_have_text(
        re.compile(r"^Hãy sửa \d+ lỗi được đánh dấu bên dưới trước\.$")
    )
    expect(error_of(page, "date")).to_have_text(re.compile(r"^Thiếu trường bắt buộc\."))
    expect(field(page, "title")).to_have_value("Hội nghị chưa đủ thông tin")
    expect(field(page, "place")).to_have_value("Thái Bình")
    expect(field(page, "profile")).to_have_value("party")
    assert downloads == []


def test_problems_of_an_opened_file_stay_listed(page: Page, tmp_path: Path) -> None:
    broken = tmp_path / "bien-ban-loi.yaml"
    text = with_impossible_date(FLAGSHIP.read_text(encoding="utf-8"))
    broken.write_text(text + "ghi_chu: một trường không có trong thể thức\n", encoding="utf-8")
    page.goto("/")
    open_file(page, broken)
    live_check_answered(page)
    problems = page.locator("#general li")
    # the field the form cannot show, with its line, so the clerk knows it will not be kept
    expect(problems.filter(has_text="ghi_chu")).to_have_count(1)
    expect(problems.filter(has_text="ghi_chu").first).to_contain_text("bien-ban-loi.yaml:")
    expect(error_of(page, "date")).to_have_text(re.compile(r"^Ngày tháng không hợp lệ\."))
    expect(page.locator("#status")).to_contain_text("Còn 1 lỗi")


# -- accessibility ---------------------------------------------------------------------------------


def axe_violations(page: Page) -> list[str]:
    """What axe-core (the accessibility rules most audits use; its script comes with the Python
    package, nothing is fetched) finds wrong on the page as it is now: rule, impact, where."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} at {[n['target'] for n in rule['nodes']]}"
        for rule in found
    ]


def test_pages_pass_the_accessibility_rules(page: Page) -> None:
    page.goto(PARTY_BLANK)
    expect(page.locator("#status")).to_contain_text("lỗi")
    assert axe_violations(page) == []

    page.goto(PARTY_STARTER)  # with its pages shown, then with an error beside a field
    wait_for_preview(page, 2)
    assert axe_violations(page) == []
    field(page, "title").fill("")
    expect(error_of(page, "title")).not_to_be_empty()
    assert axe_violations(page) == []

    # a real meeting with every kind of box: sessions, tables, elections, folds opened, and rows
    # added from the templates
    page.goto("/")
    open_file(page, CORPUS / "dai-hoi-dang-bo-thpt-chuyen-nguyen-tat-thanh-2025.yaml")
    live_check_answered(page)
    for fold in page.locator("details").all()[:20]:
        fold.evaluate("details => { details.open = true; }")
    item = row_names(page, "sessions._1.agenda")[0]
    for kind in ("table", "election", "ballot", "discussion"):
        add_part(page, f"{item}.parts", kind)
    add_row(page, "signatures")
    add_row(page, "appendices")
    add_row(page, "data")
    assert axe_violations(page) == []

    page.goto("/api")
    assert axe_violations(page) == []


# -- a computer without Pango: the DOCX works, the preview and the PDF cannot be made ------------

NO_PANGO = no_pango_sitecustomize()
"""A ``sitecustomize`` that makes ``import weasyprint`` fail as it does without Pango, in the
worker processes that it reaches through ``PYTHONPATH`` (as ``tests/test_setup.py`` does)."""


@pytest.fixture(scope="module")
def no_pango_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An app whose worker processes cannot load Pango."""
    import os
    import time

    from minutes.web.app import Settings, create_app
    from minutes.web.work import WorkPool

    folder = tmp_path_factory.mktemp("no-pango")
    (folder / "sitecustomize.py").write_text(NO_PANGO, encoding="utf-8")
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), before]))
    pool = WorkPool(workers=1)
    try:
        pool.start()  # the worker starts with the hook, in the background: wait for it
        deadline = time.monotonic() + 60
        while not pool.pids() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before
    try:
        with running_server(create_app(Settings(), pool=pool)) as url:
            yield url
    finally:
        pool.close()


def test_without_pango_the_form_says_so_and_offers_the_docx(
    browser: Browser, no_pango_origin: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT, base_url=no_pango_origin)
    context.set_default_timeout(WAIT_MS)
    try:
        page = context.new_page()
        page.goto(PARTY_STARTER)
        status = page.locator("#status")
        expect(status).to_contain_text("Pango")
        expect(status).to_contain_text("Vẫn tải được tệp DOCX.")
        expect(status).not_to_contain_text("lỗi")  # nothing is wrong with what the clerk typed
        expect(page.locator("#general li")).to_have_count(0)
        guide = status.locator("a")
        expect(guide).to_have_text("docs/install-windows.md#pdf")
        expect(page.locator("#docx")).to_have_class(re.compile(r"\bprimary\b"))
        expect(page.locator("#pdf")).not_to_have_class(re.compile(r"\bprimary\b"))
        assert axe_violations(page) == []

        word = download(page, "#docx")
        assert "Nguyễn Văn An" in docx_text(downloaded_bytes(word))
        with page.expect_navigation():  # the PDF: the page again, with the same words
            page.click("#pdf")
        expect(page.locator(".notice")).to_contain_text("Pango")
        expect(page.locator("#docx")).to_have_class(re.compile(r"\bprimary\b"))
        page.goto(guide.get_attribute("href") or "")
        expect(page.locator("h2#pdf")).to_have_count(1)  # the guide, at its section on the PDF
    finally:
        context.close()
