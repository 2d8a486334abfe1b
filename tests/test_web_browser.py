"""The staff page in a real browser: Debian's Chromium, headless, driven by Playwright.

The app runs for real (uvicorn, in a thread, on a free port of 127.0.0.1) and every test reads
what a clerk sees: the texts of the page, the errors beside the fields, the number of pages in the
preview, and the files the buttons download (read back with pdfplumber and python-docx, and the
saved YAML loaded with :func:`minutes.loads`). The tests share one browser and one server; each
has its own browser context (cookies, downloads), at the size of a laptop screen.

Chromium missing is a failure, not a skip: CI installs it, and so does ``./dev test``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import FLAGSHIP, RenderedDocx, with_impossible_date
from playwright.sync_api import Browser, Download, Locator, Page, expect
from web_support import MISSING_CHROMIUM, VIEWPORT, chromium, chromium_path, running_server

import minutes
from minutes.load import parse

WAIT_MS = 10_000
"""How long a test waits for what it expects to see (the flagship renders in about a second)."""

expect.set_options(timeout=WAIT_MS)

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
    rows = a_list(page, list_name).locator(":scope > .rows > .row")
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

TEXTS = (
    "number",
    "symbol",
    "place",
    "date",
    "title",
    "kind",
    "start",
    "end",
    "location",
    "members_label",
    "members_present",
    "members_total",
)
PEOPLE_LISTS = ("attendees", "absent", "invited")
TEXT_LISTS = ("documents", "recipients")


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
        field(page, f"{name}.name").fill(line)
        if not isinstance(value, str) and value.get("reason"):
            field(page, f"{name}.reason").fill(value["reason"])
        return
    for key in ("name", "position", "reason"):
        if value.get(key):
            field(page, f"{name}.{key}").fill(typed(value[key]))


def fill_agenda_item(page: Page, name: str, item: dict[str, Any]) -> None:
    field(page, f"{name}.title").fill(item["title"])
    if "presenter" in item:
        fill_person(page, f"{name}.presenter", item["presenter"])
    for key in ("content", "figures_caption", "discussion", "conclusion"):
        if key in item:
            field(page, f"{name}.{key}").fill(item[key])
    figures = item.get("figures", [])
    for row, figure in rows_for(page, f"{name}.figures", figures):
        for key in ("label", "value", "unit"):
            if key in figure:
                field(page, f"{row}.{key}").fill(typed(figure[key]))
    votes = item.get("votes", [])
    votes = [votes] if isinstance(votes, dict) else votes
    for row, vote in rows_for(page, f"{name}.votes", votes):
        for key in ("question", "for", "against", "abstain"):
            if key in vote:
                field(page, f"{row}.{key}").fill(typed(vote[key]))


def fill_meeting(page: Page, data: dict[str, Any]) -> None:
    """Type every field of ``data`` (a meeting as :func:`parse` reads it) into the form, adding
    the rows of its lists with their add buttons."""
    field(page, "profile").select_option(data["profile"])
    for key in ("parent", "name"):
        if key in data["organization"]:
            field(page, f"organization.{key}").fill(data["organization"][key])
    for key in TEXTS:
        if key in data:
            field(page, key).fill(typed(data[key]))
    for key in ("chair", "secretary"):
        fill_person(page, key, data[key])
    for key in PEOPLE_LISTS:
        people = data.get(key, [])
        for row, person in rows_for(page, key, people):
            fill_person(page, row, person)
    for key in TEXT_LISTS:
        texts = data.get(key, [])
        for row, text in rows_for(page, key, texts):
            field(page, row).fill(text)
    values = list(data.get("data", {}).items())
    for row, (key, value) in rows_for(page, "data", values):
        field(page, f"{row}.key").fill(key)
        field(page, f"{row}.value").fill(typed(value))
    items = data["agenda"]
    for row, item in rows_for(page, "agenda", items):
        fill_agenda_item(page, row, item)
    if "closing" in data:
        field(page, "closing").fill(data["closing"])


# -- the tests -------------------------------------------------------------------------------------


def test_typing_the_flagship_gives_its_documents(page: Page) -> None:
    data = parse(FLAGSHIP.read_text(encoding="utf-8")).data
    page.goto(PARTY_BLANK)
    fill_meeting(page, data)
    assert len(row_names(page, "attendees")) == len(data["attendees"])
    assert len(row_names(page, "agenda")) == len(data["agenda"])
    assert len(row_names(page, "agenda._1.figures")) == len(data["agenda"][0]["figures"]) == 6
    wait_for_preview(page, 3)
    expect(page.locator("[data-error-for]:not(:empty)")).to_have_count(0)

    pdf = download(page, "#pdf")
    assert pdf.suggested_filename.endswith(".pdf")
    assert "2018-03-07" in pdf.suggested_filename
    pages, text = pdf_facts(downloaded_bytes(pdf))
    assert pages == 3
    expected = [
        "BIÊN BẢN",
        "Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100",
        "Nguyễn Đình Khang",
        "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy",  # the group line among the attendees
        "Lãnh đạo các sở, ban, ngành liên quan",
        "12.181 tỷ đồng",
        "Một số chỉ tiêu chủ yếu của các cụm công nghiệp năm 2017:",
        "Ban Cán sự Đảng UBND tỉnh",
    ]
    for words in expected:
        assert words in text, f"{words!r} is not in the downloaded PDF"

    word = download(page, "#docx")
    assert word.suggested_filename.endswith(".docx")
    assert "2018-03-07" in word.suggested_filename
    text = docx_text(downloaded_bytes(word))
    for words in expected:
        assert words in text, f"{words!r} is not in the downloaded DOCX"

    saved = download(page, "#save")
    assert saved.suggested_filename.endswith(".yaml")
    typed_meeting = minutes.loads(downloaded_text(saved))
    assert typed_meeting.model_dump() == minutes.load(FLAGSHIP).model_dump()


def test_open_and_save_gives_the_same_meeting(page: Page, example: Path, outputs) -> None:
    page.goto("/")
    open_file(page, example)
    expect(page.locator("#general li")).to_have_count(0)
    wait_for_preview(page, len(outputs.pdf(example).pages))
    saved = download(page, "#save")
    assert minutes.loads(downloaded_text(saved)).model_dump() == (
        outputs.minutes(example).model_dump()
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


def test_rows_are_added_moved_and_removed_in_page_order(page: Page) -> None:
    page.goto(PARTY_STARTER)
    wait_for_preview(page, 2)
    first, group = row_names(page, "attendees")
    assert field(page, f"{first}.name").input_value() == "Nguyễn Văn An"
    assert (
        field(page, f"{group}.name").input_value()
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

    saved = minutes.loads(downloaded_text(download(page, "#save")))
    assert [person.name for person in saved.attendees] == [
        "Hoàng Thị Em",
        "Nguyễn Văn An",
        "Phạm Văn Dũng",
    ]
    _, text = pdf_facts(downloaded_bytes(download(page, "#pdf")))
    places = [text.find(name) for name in ("Hoàng Thị Em", "Phạm Văn Dũng")]
    assert -1 not in places and places == sorted(places), text


def test_keyboard_only(page: Page) -> None:
    page.goto(PARTY_BLANK)
    url = page.url
    navigations: list[str] = []
    page.on("request", lambda r: navigations.append(r.url) if r.is_navigation_request() else None)
    add = a_list(page, "attendees").locator(":scope > button[data-action=add]")

    field(page, "members_label").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if add.evaluate("button => button === document.activeElement"):
            break
    expect(add).to_be_focused()
    page.keyboard.press("Enter")
    (row,) = row_names(page, "attendees")
    expect(field(page, f"{row}.kind")).to_be_focused()
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

    # A group line by keyboard: the kind box takes arrow keys; the position box goes away.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(field(page, f"{row}.kind")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(field(page, f"{row}.kind")).to_have_value("line")
    expect(field(page, f"{row}.position")).to_be_hidden()


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

    page.goto("/api")
    assert axe_violations(page) == []
