"""The staff pages through the ASGI test client: the form, its live check and preview, opening and
saving YAML, and the downloads. The form is filled as a browser would fill it: from the fields the
page itself holds (names and values parsed out of its HTML), posted back as the page posts them."""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

import pdfplumber
import pytest
from conftest import FLAGSHIP, RenderedDocx
from fastapi.testclient import TestClient

import minutes
from minutes.i18n import _, language
from minutes.load import parse
from minutes.web.app import Settings, create_app
from minutes.web.guard import CSRF_COOKIE, CSRF_FIELD
from minutes.web.html_fields import form_fields
from minutes.web.work import WorkPool

Pairs = list[tuple[str, str]]


def vi(message: str) -> str:
    """``message`` as the page shows it: in Vietnamese (the catalog must have it)."""
    with language("vi"):
        text = _(message)
    assert text != message, f"no Vietnamese for {message!r}"
    return text


def fields(page: str) -> Pairs:
    return form_fields(page)


def general_messages(page: str) -> list[str]:
    """The messages of the page's general list (``#general``), as a reader sees them."""
    block = re.search(r'<div id="general"[^>]*>(.*?)</div>', page, re.S)
    assert block, "no general list on the page"
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", block.group(1), re.S)]


def notice(page: str) -> str | None:
    found = re.search(r'<p class="notice"[^>]*>(.*?)</p>', page, re.S)
    return html.unescape(found.group(1)) if found else None


def replaced(pairs: Pairs, **values: str) -> Pairs:
    """``pairs`` with the boxes named by ``values`` (dots as ``__``) holding other text."""
    wanted = {key.replace("__", "."): value for key, value in values.items()}
    assert set(wanted) <= {name for name, _value in pairs}, "no such field on the page"
    return [(name, wanted.get(name, value)) for name, value in pairs]


@pytest.fixture(scope="module")
def client(web_pool: WorkPool) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(allowed_hosts=None), pool=web_pool)) as test_client:
        assert test_client.get("/").status_code == 200  # the session's cookie, as a browser
        yield test_client


def token(client: TestClient) -> str:
    """The session's form token (the page's hidden field holds the same)."""
    value = client.cookies.get(CSRF_COOKIE)
    assert value, "no session cookie: open the page first"
    return value


def post_form(client: TestClient, url: str, pairs: Pairs) -> Any:
    return client.post(
        url,
        content=urlencode(pairs).encode("ascii"),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )


def open_file(client: TestClient, path: Path) -> Any:
    return client.post(
        "/form/open",
        data={CSRF_FIELD: token(client)},
        files={"upload": (path.name, path.read_bytes(), "application/yaml")},
    )


@pytest.fixture(scope="module")
def flagship_fields(client: TestClient) -> Pairs:
    response = open_file(client, FLAGSHIP)
    assert response.status_code == 200
    return fields(response.text)


@pytest.fixture(scope="module")
def blank_fields(client: TestClient) -> Pairs:
    return fields(client.get("/").text)


# -- the page --------------------------------------------------------------------------------------


def test_the_page_is_vietnamese(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<html lang="vi">' in page
    for label in ("Trích yếu", "Biên bản cuộc họp", "Lưu YAML", "Tải PDF", "Tải DOCX", "Mở tệp"):
        assert label in page, label


def test_every_asset_comes_from_the_app(client: TestClient) -> None:
    page = client.get("/").text
    assets = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page)
    assets += re.findall(r"<link[^>]*\bhref=\"([^\"]+)\"", page)
    assert len(assets) >= 3  # the style, the icon, the script
    for address in assets:
        parts = urlsplit(address)
        assert parts.netloc in ("", "testserver"), f"{address} is not served by the app"
        response = client.get(address)
        assert response.status_code == 200, address
        assert response.content
        if address.endswith(".css"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", response.text)
            assert "@import" not in response.text
    # and nothing anywhere on the page is fetched from elsewhere
    assert not re.search(r"\b(src|href|action)=\"(https?:)?//(?!testserver/)", page)


def test_a_blank_page_has_one_empty_agenda_item(blank_fields: Pairs) -> None:
    names = dict(blank_fields)
    assert names["profile"] == "state"
    assert names["title"] == ""
    assert "agenda._1.title" in names
    assert not any(name.startswith("agenda._2") for name in names)


def test_the_sample_meeting_fills_the_form(client: TestClient) -> None:
    response = client.get("/?start=starter&profile=party")
    assert response.status_code == 200
    values = dict(fields(response.text))
    assert values["profile"] == "party"
    assert values["title"]
    assert values["organization.name"]
    assert values["agenda._1.title"]
    assert notice(response.text) == vi("Started from the sample meeting.")
    # and it is a meeting that validates and renders as it is
    checked = post_form(client, "/form/check", fields(response.text)).json()
    assert checked["errors"] == [] and checked["general"] == []
    assert checked["pages"]


def test_an_unknown_start_is_refused(client: TestClient) -> None:
    assert client.get("/?start=nothing").status_code == 422
    assert client.get("/?profile=army").status_code == 422


# -- the live check --------------------------------------------------------------------------------


def test_check_the_flagship_draws_its_pages(client: TestClient, flagship_fields: Pairs) -> None:
    response = post_form(client, "/form/check", flagship_fields)
    assert response.status_code == 200
    checked = response.json()
    assert checked["errors"] == []
    assert checked["general"] == []
    pages = checked["pages"]
    assert len(pages) == 3
    for page in pages:
        assert page["src"].startswith("data:image/png;base64,")
        png = base64.b64decode(page["src"].split(",", 1)[1])
        assert png.startswith(b"\x89PNG")
        assert 700 < page["width"] < 800  # an A4 page at 1.25 pixel per point
        assert abs(page["height"] / page["width"] - 297 / 210) < 0.01


def test_check_without_a_title(client: TestClient, flagship_fields: Pairs) -> None:
    checked = post_form(client, "/form/check", replaced(flagship_fields, title="")).json()
    assert [error["name"] for error in checked["errors"]] == ["title"]
    assert checked["errors"][0]["message"].startswith(vi("This field is required but missing."))
    assert checked["general"] == []
    assert checked["pages"] is None


def test_an_error_in_a_row_goes_to_the_rows_field(
    client: TestClient, flagship_fields: Pairs
) -> None:
    vote = [
        ("agenda._1.votes._1.question", "Thông qua chủ trương"),
        ("agenda._1.votes._1.for", "abc"),
    ]
    checked = post_form(client, "/form/check", flagship_fields + vote).json()
    assert [error["name"] for error in checked["errors"]] == ["agenda._1.votes._1.for"]
    assert checked["errors"][0]["message"].startswith("Cần ghi số nguyên.")
    assert checked["pages"] is None


def test_an_error_in_a_moved_row_goes_to_that_row(
    client: TestClient, flagship_fields: Pairs
) -> None:
    # the second attendee's row, moved up by the script, still has its own key
    attendees = sorted(
        {name.split(".")[1] for name, _v in flagship_fields if name.startswith("attendees.")}
    )
    assert len(attendees) >= 2
    moved = [pair for pair in flagship_fields if pair[0].startswith(f"attendees.{attendees[1]}.")]
    rest = [pair for pair in flagship_fields if pair not in moved]
    at = next(i for i, (name, _v) in enumerate(rest) if name.startswith("attendees."))
    pairs = rest[:at] + moved + rest[at:]
    pairs = replaced(pairs, **{f"attendees__{attendees[1]}__kind": "person"})
    pairs = [(n, "" if n == f"attendees.{attendees[1]}.name" else v) for n, v in pairs]
    pairs = [(n, "Chức vụ" if n == f"attendees.{attendees[1]}.position" else v) for n, v in pairs]
    checked = post_form(client, "/form/check", pairs).json()
    names = {error["name"] for error in checked["errors"]}
    assert names and all(name.startswith(f"attendees.{attendees[1]}") for name in names), checked


def test_a_named_value_without_a_name(client: TestClient, flagship_fields: Pairs) -> None:
    extra = [("data._n9.key", ""), ("data._n9.value", "5")]
    checked = post_form(client, "/form/check", flagship_fields + extra).json()
    assert checked["errors"] == [
        {"name": "data._n9.key", "message": vi("Give this value a name, to use it in the text.")}
    ]


# -- open and save ---------------------------------------------------------------------------------


def test_open_then_save_gives_the_same_meeting(client: TestClient, example: Path) -> None:
    opened = open_file(client, example)
    assert opened.status_code == 200
    assert notice(opened.text) == vi("Opened {file}.").format(file=example.name)
    assert general_messages(opened.text) == []
    saved = post_form(client, "/form/save", fields(opened.text))
    assert saved.status_code == 200
    assert saved.headers["content-type"].startswith("application/yaml")
    assert "attachment" in saved.headers["content-disposition"]
    original = minutes.loads(example.read_text(encoding="utf-8"), str(example))
    again = minutes.loads(saved.text, "saved.yaml")
    assert again.model_dump() == original.model_dump()
    name = unquote(saved.headers["content-disposition"].split("filename*=UTF-8''")[1])
    assert name.startswith(f"{original.date.isoformat()} ")
    assert name.endswith(".yaml")
    if example == FLAGSHIP:
        assert name == "2018-03-07 Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100.yaml"


def test_a_file_with_a_syntax_error_is_not_opened(client: TestClient) -> None:
    broken = "profile: state\ntitle: [Họp giao ban\nsymbol: BB-UBND\n"
    kept = [("profile", "party"), ("title", "Tiêu đề đang gõ dở")]
    response = client.post(
        "/form/open",
        data={**dict(kept), CSRF_FIELD: token(client)},
        files={"upload": ("hong.yaml", broken.encode("utf-8"), "application/yaml")},
    )
    assert response.status_code == 422
    assert notice(response.text) == vi("{file} was not opened.").format(file="hong.yaml")
    (message,) = general_messages(response.text)
    assert re.match(r"hong\.yaml:[23]:\d+: Lỗi cú pháp YAML", message), message
    values = dict(fields(response.text))
    assert values["title"] == "Tiêu đề đang gõ dở"  # what was on the form is still there
    assert values["profile"] == "party"


def test_a_file_with_field_problems_opens_with_its_problems(
    client: TestClient, tmp_path: Path
) -> None:
    text = FLAGSHIP.read_text(encoding="utf-8").replace("title: Hội nghị", "titel: Hội nghị", 1)
    text = text.replace("members_total:", "members_total: nhiều #", 1)
    path = tmp_path / "co-loi.yaml"
    path.write_text(text, encoding="utf-8")
    response = open_file(client, path)
    assert response.status_code == 200
    assert notice(response.text) == vi("Opened {file}.").format(file="co-loi.yaml")
    messages = general_messages(response.text)
    titel = text.splitlines().index(next(line for line in text.splitlines() if "titel:" in line))
    assert any(m.startswith(f"co-loi.yaml:{titel + 1}:1: titel: ") for m in messages), messages
    assert any("title: Thiếu trường bắt buộc" in m for m in messages), messages
    assert any(": members_total: " in m for m in messages), messages
    values = dict(fields(response.text))
    assert values["organization.name"] == "Tỉnh ủy Thái Bình"  # the rest is on the form


def test_open_without_a_file(client: TestClient) -> None:
    response = client.post(
        "/form/open",
        data={"title": "Giữ lại", CSRF_FIELD: token(client)},
        files={"upload": ("", b"", "application/octet-stream")},
    )
    assert response.status_code == 422
    assert general_messages(response.text) == [vi("Choose a YAML file first.")]
    assert dict(fields(response.text))["title"] == "Giữ lại"


def test_a_blank_form_can_be_saved_as_a_draft(client: TestClient, blank_fields: Pairs) -> None:
    response = post_form(client, "/form/save", blank_fields)
    assert response.status_code == 200
    assert response.text.startswith("# ")
    assert parse(response.text).data == {"profile": "state"}
    assert 'filename="bien-ban.yaml"' in response.headers["content-disposition"]


# -- downloads -------------------------------------------------------------------------------------


def test_download_the_flagship_as_pdf(client: TestClient, flagship_fields: Pairs) -> None:
    response = post_form(client, "/form/download?format=pdf", flagship_fields)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''2018-03-07%20H%E1%BB%99i" in response.headers["content-disposition"]
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        assert len(pdf.pages) == 3
        assert "BIÊN BẢN" in (pdf.pages[0].extract_text() or "")


def test_download_the_flagship_as_docx(client: TestClient, flagship_fields: Pairs) -> None:
    response = post_form(client, "/form/download?format=docx", flagship_fields)
    assert response.status_code == 200
    assert "Nguyễn Đình Khang" in " ".join(RenderedDocx(response.content).paragraph_texts())


def test_download_of_a_blank_form_lists_the_problems(
    client: TestClient, blank_fields: Pairs
) -> None:
    response = post_form(client, "/form/download?format=pdf", blank_fields)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    messages = general_messages(response.text)
    count = re.search(r"\d+", messages[0])
    assert count and int(count.group()) >= 5, messages  # profile is set; the rest is required
    assert messages[0] == vi("Fix the {count} problems marked below first.").format(
        count=count.group()
    )
    assert dict(fields(response.text))["profile"] == "state"  # the form is still there


def error_slots(page: str) -> list[tuple[str, str]]:
    """``(field name, text)`` of every error box on the page that shows a message."""
    found = re.findall(r'<p class="error[^"]*"[^>]*data-error-for="([^"]+)">(.*?)</p>', page, re.S)
    return [(name, html.unescape(text).strip()) for name, text in found if text.strip()]


def test_download_marks_the_problems_without_the_script(
    client: TestClient, flagship_fields: Pairs
) -> None:
    response = post_form(
        client, "/form/download?format=pdf", replaced(flagship_fields, title="", date="")
    )
    assert response.status_code == 422
    assert general_messages(response.text) == [
        vi("Fix the {count} problems marked below first.").format(count=2)
    ]
    marked = dict(error_slots(response.text))
    assert set(marked) == {"title", "date"}
    assert marked["title"].startswith(vi("This field is required but missing."))


def test_download_marks_a_problem_in_a_row_once(client: TestClient, flagship_fields: Pairs) -> None:
    # the first attendee's row emptied (dropped), the second without a name: on the page drawn
    # again from the data, the second row is the first
    first = [name for name, _v in flagship_fields if name.startswith("attendees._1.")]
    pairs = [(n, v if n not in first or n.endswith(".kind") else "") for n, v in flagship_fields]
    pairs = replaced(pairs, attendees___2__name="", attendees___2__position="Chức vụ")
    checked = post_form(client, "/form/check", pairs).json()
    assert [error["name"] for error in checked["errors"]] == ["attendees._2"]
    response = post_form(client, "/form/download?format=pdf", pairs)
    assert response.status_code == 422
    slots = error_slots(response.text)
    assert [name for name, _text in slots][:1] == ["attendees._1"]
    assert dict(fields(response.text))["attendees._1.position"] == "Chức vụ"


def test_download_shows_a_problem_of_a_person_row_once(
    client: TestClient, flagship_fields: Pairs
) -> None:
    pairs = replaced(flagship_fields, attendees___2__name="", attendees___2__position="Chức vụ")
    response = post_form(client, "/form/download?format=pdf", pairs)
    assert response.status_code == 422
    assert len(error_slots(response.text)) == 1, error_slots(response.text)


def test_download_keeps_and_marks_a_named_value_without_a_name(
    client: TestClient, flagship_fields: Pairs
) -> None:
    extra = [("data._n9.key", ""), ("data._n9.value", "giá trị đang gõ")]
    response = post_form(client, "/form/download?format=pdf", flagship_fields + extra)
    assert response.status_code == 422
    message = vi("Give this value a name, to use it in the text.")
    shown = [text for _name, text in error_slots(response.text)]
    shown += general_messages(response.text)
    assert any(message in text for text in shown), shown
    assert "giá trị đang gõ" in [value for _name, value in fields(response.text)]


# -- every file the project has, opened and saved --------------------------------------------------

CORPUS = sorted((Path(__file__).resolve().parent.parent / "examples" / "corpus").glob("*.yaml"))


def starter_file(kind: str, tmp_path: Path) -> Path:
    """The file ``minutes new --kind KIND`` writes."""
    from minutes.starter import starter

    path = tmp_path / f"{kind}.yaml"
    path.write_text(starter(kind), encoding="utf-8")
    return path


def starter_kinds() -> list[str]:
    from minutes.starter import starters

    return list(starters())


def opened_and_saved(client: TestClient, path: Path) -> tuple[Any, str]:
    """``path`` opened in the form and saved again. A file that names a profile file of its
    own opens with that one problem: the web app reads no profile file (the name is kept)."""
    from minutes.profiles import looks_like_file

    opened = open_file(client, path)
    assert opened.status_code == 200
    messages = general_messages(opened.text)
    profile = parse(path.read_text(encoding="utf-8")).data.get("profile", "")
    if looks_like_file(profile):
        refused = vi("This service does not read profile files: `{name}`.").format(name=profile)
        assert len(messages) == 1 and refused in messages[0], messages
        assert dict(fields(opened.text))["profile"] == profile
    else:
        assert messages == [], messages
    saved = post_form(client, "/form/save", fields(opened.text))
    assert saved.status_code == 200
    return opened, saved.text


@pytest.mark.parametrize("path", CORPUS, ids=[path.stem for path in CORPUS])
def test_every_real_meeting_opens_and_saves_as_the_same_meeting(
    client: TestClient, path: Path
) -> None:
    _opened, saved = opened_and_saved(client, path)
    original = minutes.loads(path.read_text(encoding="utf-8"), str(path))
    # saved beside the original: a profile file it names is found from there
    assert minutes.loads(saved, str(path)).model_dump() == original.model_dump()


@pytest.mark.parametrize("kind", starter_kinds())
def test_every_starter_opens_and_saves_as_the_same_meeting(
    client: TestClient, kind: str, tmp_path: Path
) -> None:
    path = starter_file(kind, tmp_path)
    _opened, saved = opened_and_saved(client, path)
    original = minutes.loads(path.read_text(encoding="utf-8"), str(path))
    assert minutes.loads(saved, "saved.yaml").model_dump() == original.model_dump()


def leaves(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every value in ``value`` that is not a mapping or a list."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path


@pytest.mark.parametrize("path", CORPUS, ids=[path.stem for path in CORPUS])
def test_every_value_of_a_file_has_a_box_with_its_error_line(
    client: TestClient, path: Path
) -> None:
    """What the validator says of any value lands beside the box that shows it: the box of
    every value of the file is known, and it has its line for errors on the page."""
    from minutes.web.form import from_form

    page = open_file(client, path).text
    form = from_form(fields(page))
    slots = set(re.findall(r'data-error-for="([^"]+)"', page))
    for leaf in leaves(form.data):
        name = form.names.get(leaf) or form.names.get(leaf[:-1])  # a group line: its row
        assert name is not None, f"{path.name}: no box for {leaf}"
        assert name in slots, f"{path.name}: {leaf} is in {name}, which has no error line"


def check(client: TestClient, pairs: Pairs) -> dict[str, list[str]]:
    reply = post_form(client, "/form/check", pairs).json()
    assert reply["general"] == [], reply["general"]
    placed: dict[str, list[str]] = {}
    for error in reply["errors"]:
        placed.setdefault(error["name"], []).append(error["message"])
    return placed


def starter_fields(client: TestClient, kind: str, tmp_path: Path) -> Pairs:
    return fields(open_file(client, starter_file(kind, tmp_path)).text)


def test_errors_of_the_new_fields_go_beside_their_boxes(client: TestClient, tmp_path: Path) -> None:
    pairs = starter_fields(client, "dai-hoi", tmp_path)
    votes = next(n for n, _v in pairs if ".election.candidates._1.votes" in n)
    placed = check(client, replaced(pairs, **{votes.replace(".", "__"): "100000"}))
    assert votes in placed  # more votes than valid ballots (and, said of them all, than seats)
    assert all(name.startswith(votes.split("._1.votes")[0]) for name in placed), placed
    title = next(n for n, _v in pairs if n.startswith("sessions._2.title"))
    end = "sessions._1.end"
    placed = check(
        client, replaced(pairs, **{title.replace(".", "__"): "", f"{end}__time": "06:00"})
    )
    assert set(placed) == {title, end}  # a session's title; its end before its start
    assert "`" not in " ".join(placed[end])  # beside the box, no field names of the file
    issued = next(n for n, _v in pairs if n.endswith(".election.issued"))
    placed = check(client, replaced(pairs, **{issued.replace(".", "__"): "-1"}))
    assert list(placed) == [issued]


def test_errors_in_a_table_go_beside_its_cells(client: TestClient, tmp_path: Path) -> None:
    pairs = starter_fields(client, "hop-phu-huynh", tmp_path)
    names = [n for n, _v in pairs]
    summed = next(n for n, v in pairs if n.endswith(".sum") and v == "true")
    column = summed.rsplit(".", 1)[0].rsplit(".", 1)[1]  # the key of a column that sums
    table = summed.split(".columns.")[0]
    cells = [n for n in names if n.startswith(f"{table}.rows.") and n.endswith(f".c.{column}")]
    kinds = dict(pairs)
    cell = next(n for n in cells if kinds[n.split(".c.")[0] + ".kind"] == "cells")
    placed = check(client, [(n, "nhiều" if n == cell else v) for n, v in pairs])
    assert table in placed, placed  # a text in a column that sums: said of the table
    assert "nhiều" in " ".join(placed[table])


def test_a_refused_download_marks_a_new_fields_problem_without_the_script(
    client: TestClient, tmp_path: Path
) -> None:
    """The page drawn again from the data numbers its rows afresh (``_1``, ``_2`` …): a problem
    in a row the script added (``_n7``) is marked at that row's new name."""
    pairs = starter_fields(client, "dai-hoi", tmp_path)
    votes = next(n for n, _v in pairs if ".election.candidates._1.votes" in n)
    item = votes.split(".parts.")[0]  # sessions._2.agenda._3
    added = item.rsplit("._", 1)[0] + "._n7"
    moved = [
        (n.replace(item + ".", added + ".", 1), "100000" if n == votes else v) for n, v in pairs
    ]
    response = post_form(client, "/form/download?format=pdf", moved)
    assert response.status_code == 422
    marked = dict(error_slots(response.text))
    assert votes in marked, marked  # at the row's place on the page drawn again
    assert dict(fields(response.text))[votes] == "100.000"  # and what was typed is still there


# -- every field of the format has a box (walked from the JSON Schema) ----------------------------

ROW = re.compile(r"\._(?:n?\d+)(?=\.|$)")
"""A row's index in a box's name (``._2``, or ``._n7`` for a row the script added)."""
OLD_FIELDS = """\
profile: state
organization: {name: UBND phường Tân Hưng}
date: 2025-08-04
title: Họp giao ban
start: 2025-08-04 08:00
chair: {name: Nguyễn Văn A, position: Chủ tịch}
secretary: {name: Trần Thị B, position: Văn phòng}
members_label: Thành viên
members_total: 9
members_present: 8
agenda:
  - title: Vấn đề một
    content: Nội dung.
    figures_caption: Số liệu
    figures: [{label: Thu, value: 5}]
    discussion: Ý kiến.
    conclusion: Kết luận.
    votes: [{question: Tán thành, for: 8}]
    parts:
      - table: {columns: [Tên, Số], rows: [[a, 1], Nhóm]}
sessions:
  - title: Phiên một
    agenda:
      - title: Vấn đề của phiên
        content: Nội dung.
        figures_caption: Số liệu
        figures: [{label: Thu, value: 5}]
        discussion: Ý kiến.
        conclusion: Kết luận.
        votes: [{question: Tán thành, for: 8}]
discussion: Ý kiến chung.
conclusion: Kết luận chung.
"""
"""A meeting with the fields of the format's first version, shown only where a file has them,
and a table with its cells (which the script adds under each column)."""


def page_boxes(page: str) -> tuple[set[str], dict[str, set[str]]]:
    """The names of every box the clerk can reach on ``page`` (its rows added with the buttons,
    as deep as they go), row indexes as ``[]``, and the options of each choice box."""
    templates = dict(re.findall(r'<template id="t-([^"]+)">(.*?)</template>', page, re.S))
    outside = re.sub(r"<template .*?</template>", "", page, flags=re.S)
    parts = [key for key in templates if key.startswith("part-")]

    def found(
        text: str, prefix: str
    ) -> tuple[set[str], list[tuple[str, list[str]]], dict[str, set[str]]]:
        def at(name: str) -> str:
            return ROW.sub("[]", name.replace("__P__", prefix))

        names = {at(n) for n in re.findall(r'\bname="([^"]+)"', text) if n != CSRF_FIELD}
        lists = [
            (at(name), [template] if template else parts)
            for name, template in re.findall(
                r'data-list="([^"]+)"(?: data-template="t-([^"]+)")?', text
            )
        ]
        options = {
            at(name): set(re.findall(r'<option value="([^"]*)"', body))
            for name, body in re.findall(
                r'<select[^>]* name="([^"]+)"[^>]*>(.*?)</select>', text, re.S
            )
        }
        return names, lists, options

    names, lists, options = found(outside, "")
    seen: set[tuple[str, str]] = set()
    while lists:
        where, kinds = lists.pop()
        for kind in kinds:
            if (where, kind) in seen:
                continue
            seen.add((where, kind))
            more, inner, choices = found(templates[kind], f"{where}[]")
            names |= more
            lists += inner
            for name, values in choices.items():
                options.setdefault(name, set()).update(values)
    return names, options


def schema_fields(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every value a meeting file can hold, by its path (``agenda[].parts[].vote.for``), with
    the schema that says what it may be."""
    definitions = schema["$defs"]

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[1]]
        return node

    def walk(node: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any]]]:
        node = resolve(node)
        choices = [resolve(c) for key in ("allOf", "anyOf", "oneOf") for c in node.get(key, [])]
        choices = [c for c in choices if "if" not in c and c.keys() != {"required"}]  # checks
        many = [c for c in choices if c.get("type") == "array"]
        if many and len(choices) == 2:  # one item or a list of them: the form has the list
            choices = many
        for choice in choices:  # each alternative, with the field's default
            yield from walk({"default": node.get("default"), **choice}, path)
        for key, value in node.get("properties", {}).items():
            yield from walk(value, f"{path}.{key}" if path else key)
        if "items" in node:
            yield from walk(node["items"], f"{path}[]")
        if not node.get("properties") and not choices and "items" not in node:
            yield path, node

    yield from walk(schema, "")


def test_every_field_of_the_schema_has_a_box(client: TestClient, tmp_path: Path) -> None:
    """Walk the JSON Schema (as ``minutes schema`` and ``/api/schema`` give it) down to each
    value a file can hold, and find the box that holds it on the blank page, on a page opened
    from a file with the first version's fields, or in a row the clerk adds; every choice of a
    field is among its box's options."""
    old = tmp_path / "cu.yaml"
    old.write_text(OLD_FIELDS, encoding="utf-8")
    opened = open_file(client, old)
    assert opened.status_code == 200
    assert general_messages(opened.text) == [], general_messages(opened.text)
    names, options = page_boxes(client.get("/").text)
    more, more_options = page_boxes(opened.text)
    names |= more
    for name, values in more_options.items():
        options.setdefault(name, set()).update(values)
    schema = client.get("/api/schema").json()
    paths = list(schema_fields(schema))
    assert len({path for path, _node in paths}) > 150, len(paths)
    missing: list[str] = []
    for path, node in paths:
        # a cell of a table's row is a box under its column, named "c"
        path = re.sub(r"\.rows\[\]\[\]$", ".rows[].c[]", path)
        if not (path in names or any(n.startswith((f"{path}.", f"{path}[")) for n in names)):
            missing += [path] if path not in missing else []
            continue
        enum = node.get("enum", [])
        offered = options.get(path) or options.get(f"{path}.kind", set())  # or its kind
        for value in enum:
            if value == node.get("default"):
                assert value in offered or "" in offered, (path, value, offered)
            else:
                assert value in offered, f"{path}: no choice {value!r} among {offered}"
    assert not missing, f"no box for {missing}"


def test_the_profiles_offered_are_the_registrys(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """*Thể thức* offers what a meeting may name (``minutes.profiles.profile_names()``), the
    built-in ones in the clerk's words and first, an office's own (``MINUTES_PROFILES``) under
    the name its file gives, found without restarting the app."""
    import shutil

    from minutes.profiles import ENVIRONMENT, profile_names

    def offered() -> dict[str, str]:
        select = re.search(r'<select id="f-profile".*?</select>', client.get("/").text, re.S)
        assert select
        return {
            value: html.unescape(text)
            for value, text in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)<', select[0])
        }

    assert list(offered()) == ["state", "party", "party-2018", "party-2026"]
    assert set(offered()) == set(profile_names())
    shutil.copy(CORPUS[0].parent.parent / "profiles" / "cong-ty-co-phan.yaml", tmp_path)
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path))
    choices = offered()
    assert set(choices) == set(profile_names()) and "cong-ty-co-phan" in choices
    assert choices["cong-ty-co-phan"] != "cong-ty-co-phan"  # its file's own name
    assert list(choices)[:4] == ["state", "party", "party-2018", "party-2026"]
