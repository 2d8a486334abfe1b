"""The web form's boxes to meeting data (:mod:`minutes.web.form`): nesting, row order, empty rows,
people, counts, numbers and texts as a clerk types them, dates and times, parts, tables, named
values, the box of every data path; and the form's own words (:mod:`minutes.web.labels`) for
every field of the format (:mod:`minutes.web.spec`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes.i18n import language
from minutes.web.form import FormData, from_form
from minutes.web.form_values import (
    count_from_text,
    data_box,
    end_boxes,
    moment_boxes,
    number_from_text,
    number_text,
    scalar_from_text,
    scalar_text,
    value_box,
    value_from_text,
)
from minutes.web.form_view import named_values, person_box, person_kind, rows


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The form's own messages in English (their source text), whatever the machine's language."""
    with language("en"):
        yield


def person(row: str, kind: str = "person", **boxes: str) -> list[tuple[str, str]]:
    """The boxes of one person row (``chair._1``, ``attendees._1``), as the page sends them: a
    person's boxes, or a group line's (the others are not sent, unless ``boxes`` fills them)."""
    pairs = [(f"{row}.kind", kind)]
    own = ("honorific", "name", "position") if kind == "person" else ("line", "count")
    pairs += [(f"{row}.{key}", boxes.get(key, "")) for key in own]
    pairs += [(f"{row}.{key}", text) for key, text in boxes.items() if key not in own]
    return pairs


def data_of(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return from_form(pairs).data


ROUND_TRIP_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
VALUES = (
    st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    | st.sampled_from(["2018", "02", "12.181", "317,35", " lề ", "a\nb", "-0", "0012"])
    | st.booleans()
)
"""What a figure, a cell or a named value may hold in a file (the model takes no infinite or NaN
number), with the texts that look like numbers."""


# -- nesting and rows ------------------------------------------------------------------------------


def test_dotted_names_build_nested_data() -> None:
    form = from_form(
        [
            ("profile", "state"),
            ("organization.parent", "UBND tỉnh Phú Thọ"),
            ("organization.name", "UBND xã Tân Lập"),
            ("title", "  Họp giao ban  "),
            ("closing", "Dòng một\r\nDòng hai\rDòng ba"),
            ("agenda._1.title", "Vấn đề một"),
            ("agenda._1.figures._1.label", "Thu ngân sách"),
            ("agenda._1.figures._1.value", "2450"),
            ("agenda._1.figures._1.unit", "triệu đồng"),
        ]
    )
    assert form.data == {
        "profile": "state",
        "organization": {"parent": "UBND tỉnh Phú Thọ", "name": "UBND xã Tân Lập"},
        "title": "Họp giao ban",  # trimmed, as a clerk expects of a box
        "closing": "Dòng một\nDòng hai\nDòng ba",  # the browser's CR LF are plain line ends
        "agenda": [
            {
                "title": "Vấn đề một",
                "figures": [{"label": "Thu ngân sách", "value": 2450, "unit": "triệu đồng"}],
            }
        ],
    }
    assert form.problems == []


def test_empty_boxes_are_left_out() -> None:
    data = data_of(
        [("title", "Họp"), ("kind", ""), ("organization.parent", " "), ("organization.name", "")]
    )
    assert data == {"title": "Họp"}


def test_rows_come_in_page_order_whatever_their_keys() -> None:
    # the script adds rows with fresh keys (_n7) and moves them: the page order is the list order
    form = from_form(
        [
            ("documents._n7", "Báo cáo C"),
            ("documents._2", "Báo cáo A"),
            ("documents._10", "Báo cáo B"),
        ]
    )
    assert form.data["documents"] == ["Báo cáo C", "Báo cáo A", "Báo cáo B"]
    assert form.name_of(("documents", 0)) == "documents._n7"
    assert form.name_of(("documents", 1)) == "documents._2"
    assert form.name_of(("documents", 2)) == "documents._10"


def test_an_empty_row_is_dropped_and_the_next_row_takes_its_index() -> None:
    form = from_form(
        [
            *person("attendees._1", name="", position=""),
            *person("attendees._2", name="Nguyễn Văn An", position="Chủ tịch"),
            ("agenda._1.title", ""),
            ("agenda._1.content", ""),
            ("agenda._2.title", "Vấn đề thật"),
            ("agenda._2.votes._1.question", ""),
            ("agenda._2.votes._1.for", ""),
            ("agenda._2.votes._2.question", "Thông qua"),
            ("agenda._2.votes._2.for", "abc"),
        ]
    )
    assert form.data["attendees"] == [{"name": "Nguyễn Văn An", "position": "Chủ tịch"}]
    assert form.data["agenda"] == [
        {"title": "Vấn đề thật", "votes": [{"question": "Thông qua", "for": "abc"}]}
    ]
    # what the validator reports at attendees[1] / agenda[1].votes[1] is in the second rows
    assert form.name_of(("attendees", 0)) == "attendees._2"
    assert form.name_of(("attendees", 0, "name")) == "attendees._2.name"
    assert form.name_of(("agenda", 0, "title")) == "agenda._2.title"
    assert form.name_of(("agenda", 0, "votes", 0, "for")) == "agenda._2.votes._2.for"
    assert form.name_of(("agenda", 0, "votes", 0)) == "agenda._2.votes._2"
    # no path is left pointing at a dropped row
    assert not any(
        ".votes._1" in name or name.startswith("agenda._1") for name in form.names.values()
    )
    assert not any(name.startswith("attendees._1") for name in form.names.values())


def test_a_list_with_only_empty_rows_is_left_out() -> None:
    data = data_of([("title", "Họp"), ("recipients._1", ""), *person("invited._1")])
    assert data == {"title": "Họp"}


def test_names_that_are_not_the_formats_are_ignored() -> None:
    data = data_of(
        [
            ("upload", "bien-ban.yaml"),
            ("open", ""),
            ("csrf", "x"),
            ("title.", "dangling dot"),
            (".title", "leading dot"),
            ("title", "Họp"),
        ]
    )
    assert data == {"title": "Họp"}


# -- people ----------------------------------------------------------------------------------------


def test_a_person_row_is_a_name_and_a_position() -> None:
    form = from_form([*person("chair._1", name="Nguyễn Văn An", position="Chủ tịch UBND xã")])
    assert form.data["chair"] == [{"name": "Nguyễn Văn An", "position": "Chủ tịch UBND xã"}]
    assert form.name_of(("chair", 0, "name")) == "chair._1.name"


def test_several_chairs_and_secretaries() -> None:
    data = data_of(
        [
            *person("chair._1", name="Nguyễn Văn An", position="Chủ tịch"),
            *person("chair._n2", name="Lê Thị Bình", position="Phó Chủ tịch"),
            *person("secretary._1", name="Trần Văn Cường"),
        ]
    )
    assert [chair["name"] for chair in data["chair"]] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert data["secretary"] == [{"name": "Trần Văn Cường"}]


def test_a_line_row_is_plain_text() -> None:
    data = data_of(
        [*person("attendees._1", kind="line", line="Các đồng chí Ủy viên Ban Thường vụ")]
    )
    assert data["attendees"] == ["Các đồng chí Ủy viên Ban Thường vụ"]


def test_a_line_row_with_a_count_and_a_reason_keeps_them() -> None:
    form = from_form(
        [*person("absent._1", kind="line", line="Hai đồng chí Ủy viên", count="2", reason="đi học")]
    )
    assert form.data["absent"] == [{"line": "Hai đồng chí Ủy viên", "count": 2, "reason": "đi học"}]
    assert form.name_of(("absent", 0, "line")) == "absent._1.line"
    assert form.name_of(("absent", 0, "count")) == "absent._1.count"
    assert form.name_of(("absent", 0, "reason")) == "absent._1.reason"


def test_a_box_of_the_other_kind_that_holds_something_is_kept() -> None:
    # the page hides (and does not send) an empty box that does not fit the row's kind; one
    # that holds something stays on the page, and in the data, for the validator to judge
    data = data_of([*person("invited._1", kind="line", line="Đại diện MTTQ", position="Chủ tịch")])
    assert data["invited"] == [{"position": "Chủ tịch", "line": "Đại diện MTTQ"}]


def test_an_absent_person_keeps_the_reason_and_whether_it_excuses() -> None:
    data = data_of(
        [
            *person("absent._1", name="Phạm Văn Dũng", reason="ốm", excused=""),
            *person("absent._2", name="Lê Văn Em", excused="false"),
        ]
    )
    assert data["absent"] == [
        {"name": "Phạm Văn Dũng", "reason": "ốm"},
        {"name": "Lê Văn Em", "excused": False},
    ]


def test_the_honorific_none_is_an_empty_honorific() -> None:
    data = data_of(
        [
            *person("attendees._1", honorific="Bà", name="Lê Thị Mai"),
            *person("attendees._2", honorific="~", name="Trần Văn Tú"),
            *person("attendees._3", honorific="", name="Phạm Văn Dũng"),
        ]
    )
    assert data["attendees"] == [
        {"honorific": "Bà", "name": "Lê Thị Mai"},
        {"honorific": "", "name": "Trần Văn Tú"},  # no honorific at all: the file's ""
        {"name": "Phạm Văn Dũng"},  # the profile's own
    ]


@pytest.mark.parametrize(
    "value",
    [
        "Các đồng chí Ủy viên",
        {"line": "Hai đồng chí", "reason": "ốm"},
        {"line": "Các đồng chí Ủy viên Ban Chấp hành", "count": 12},
        {"name": "Trần Thị Bình", "position": "Thư ký"},
        {"name": "Phạm Dũng", "reason": "đi học", "excused": False},
        {"honorific": "", "name": "Lê Mai"},
        {"honorific": "Ông", "name": "Lê Văn Thịnh", "position": "Bí thư Đảng ủy, Chủ tịch HĐND"},
    ],
)
def test_a_person_from_a_file_fills_the_boxes_it_came_from(value: Any) -> None:
    kind = person_kind(value)
    keys = ("honorific", "name", "position", "line", "count", "reason", "excused")
    boxes = {key: person_box(value, key) for key in keys}
    assert kind == ("line" if isinstance(value, str) or "line" in value else "person")
    data = data_of(person("absent._1", kind=kind, **boxes))
    assert data["absent"] == [value]


# -- counts, numbers and texts --------------------------------------------------------------------


def test_counts_are_whole_numbers_and_other_text_is_left_for_the_validator() -> None:
    data = data_of(
        [
            ("number", "15"),
            ("members_present", "abc"),
            ("members_total", "1.5"),
            ("agenda._1.title", "Biểu quyết"),
            ("agenda._1.votes._1.question", "Thông qua"),
            ("agenda._1.votes._1.for", " 12 "),
            ("agenda._1.votes._1.against", "0"),
            ("agenda._1.votes._1.abstain", "một"),
            ("agenda._1.parts._1.vote.question", "Thông qua điều lệ"),
            ("agenda._1.parts._1.vote.for", "15.000.000"),  # shares, with the dots
            ("agenda._1.parts._1.vote.base", "15000000"),
        ]
    )
    assert data["number"] == 15
    assert data["members_present"] == "abc"  # the validator says what is wrong, at this box
    assert data["members_total"] == "1.5"
    assert data["agenda"][0]["votes"] == [
        {"question": "Thông qua", "for": 12, "against": 0, "abstain": "một"}
    ]
    vote = data["agenda"][0]["parts"][0]["vote"]
    assert vote == {"question": "Thông qua điều lệ", "for": 15_000_000, "base": 15_000_000}


@pytest.mark.parametrize(
    ("typed", "value"),
    [("0", 0), ("17", 17), ("1.500", 1500), ("15.000.000", 15_000_000), ("-2", -2), ("1.5", "1.5")],
)
def test_a_count_is_digits_with_or_without_the_dots(typed: str, value: Any) -> None:
    assert count_from_text(typed) == value


def test_a_number_in_a_text_field_stays_text() -> None:
    assert data_of([("symbol", "100"), ("title", "2018")]) == {"symbol": "100", "title": "2018"}


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12181", 12181),
        ("12.181", 12181),  # as the document writes it
        ("12.181.000.000.000", 12_181_000_000_000),
        ("317,35", 317.35),
        ("317.35", 317.35),  # a dot before fewer than three digits: a decimal point
        ("1.820,0", 1820.0),
        ("3,0", 3.0),
        ("-5", -5),
        ("0", 0),
        ("0,5", 0.5),
        ("02", None),  # a code, written with its zero
        ("1979 - 1980", None),
        ("12.18", 12.18),
        ("1,2,3", None),
        ("khoảng 12 nghìn", None),
        ("1e3", None),
    ],
)
def test_a_number_is_read_as_the_document_writes_it(typed: str, value: Any) -> None:
    read = number_from_text(typed)
    assert read == value
    assert type(read) is type(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12181, "12.181"),
        (317.35, "317,35"),
        (3.0, "3,0"),
        (-1500, "-1.500"),
        (0, "0"),
        (1e16, "10.000.000.000.000.000,0"),
    ],
)
def test_a_number_is_shown_as_the_document_writes_it(value: Any, text: str) -> None:
    assert number_text(value) == text


@ROUND_TRIP_SETTINGS
@given(st.integers() | st.floats(allow_nan=False, allow_infinity=False))
def test_a_number_shown_reads_back_as_itself(value: Any) -> None:
    back = number_from_text(number_text(value))
    assert back == value and type(back) is type(value)


@ROUND_TRIP_SETTINGS
@given(VALUES, st.booleans())
def test_a_value_from_a_file_reads_back_through_its_box(value: Any, numbers: bool) -> None:
    """A figure, a cell or a named value: the text and the mark its box shows give it back,
    in a column of numbers or of text alike (the box is trimmed, as the form trims it)."""
    text, mark = value_box(value, numbers)
    back = value_from_text(text.strip(), mark, numbers) if text.strip() else ""
    expected = "" if value is None else value
    assert back == expected and type(back) is type(expected), (value, text, mark)


def test_plain_values_need_no_mark() -> None:
    assert value_box(12181, True) == ("12.181", None)
    assert value_box("Theo quy định", True) == ("Theo quy định", None)
    assert value_box("1979", False) == ("1979", None)  # text in a column of text
    assert value_box("1979", True) == ("1979", "text")  # text that a column of numbers reads
    assert value_box(884520, False) == ("884.520", "number")
    assert value_box(True, True) == ("true", "yaml")


def test_an_expression_typed_as_a_figure_value_stays_text() -> None:
    data = data_of(
        [
            ("agenda._1.title", "Số liệu"),
            ("agenda._1.figures._1.label", "Doanh thu"),
            ("agenda._1.figures._1.value", "{{ data.doanh_thu | money('tỷ đồng') }}"),
        ]
    )
    assert data["agenda"][0]["figures"][0]["value"] == "{{ data.doanh_thu | money('tỷ đồng') }}"


def test_figure_values_are_numbers_written_either_way_or_text() -> None:
    pairs = [("agenda._1.title", "Số liệu")]
    for index, typed in enumerate(["12000", "317,35", "12.181", "khoảng 12 nghìn", "2018"], 1):
        pairs += [
            (f"agenda._1.figures._{index}.label", f"Chỉ tiêu {index}"),
            (f"agenda._1.figures._{index}.value", typed),
        ]
    pairs.append(("agenda._1.figures._5.value~", "text"))  # a year, marked as text by the file
    figures = data_of(pairs)["agenda"][0]["figures"]
    assert [figure["value"] for figure in figures] == [
        12000,
        317.35,
        12181,
        "khoảng 12 nghìn",
        "2018",
    ]


def test_named_values_read_by_their_kind() -> None:
    form = from_form(
        [
            ("data._1.key", "doanh_thu"),
            ("data._1.value", "12.181.000.000.000"),
            ("data._1.kind", "number"),
            ("data._n4.key", "ty_le"),
            ("data._n4.value", "72,5"),
            ("data._n4.kind", "number"),
            ("data._3.key", "ma_so"),
            ("data._3.value", "0012"),
            ("data._3.kind", "text"),
            ("data._4.key", "nam"),
            ("data._4.value", "2025"),
            ("data._4.kind", "text"),  # a year: text, printed 2025, not 2.025
            ("data._5.key", ""),
            ("data._5.value", ""),  # an empty row: no problem
            ("data._6.key", "trong"),
            ("data._6.value", ""),
            ("data._7.key", "danh_sach"),
            ("data._7.value", "[1, 2]"),
            ("data._7.kind", "yaml"),  # a value no box shows plainly, kept as the file had it
        ]
    )
    assert form.data["data"] == {
        "doanh_thu": 12_181_000_000_000,
        "ty_le": 72.5,
        "ma_so": "0012",
        "nam": "2025",
        "trong": "",
        "danh_sach": [1, 2],
    }
    assert list(form.data["data"]) == ["doanh_thu", "ty_le", "ma_so", "nam", "trong", "danh_sach"]
    assert form.problems == []
    assert form.name_of(("data", "ty_le")) == "data._n4.value"
    assert form.name_of(("data", "ma_so")) == "data._3.value"


def test_named_value_problems_are_the_forms_own() -> None:
    form = from_form(
        [
            ("data._1.key", "doanh_thu"),
            ("data._1.value", "1"),
            ("data._2.key", ""),
            ("data._2.value", "5"),
            ("data._3.key", "doanh thu 2017"),
            ("data._3.value", "6"),
            ("data._4.key", "doanh_thu"),
            ("data._4.value", "7"),
        ]
    )
    assert form.problems == [
        ("data._2.key", "Give this value a name, to use it in the text."),
        ("data._3.key", "A name is letters without marks, digits and _, e.g. doanh_thu_2017."),
        ("data._4.key", "This name is already used above."),
    ]
    assert form.data["data"] == {"doanh_thu": 1}  # the first one stands; the others wait


def test_named_value_problems_are_vietnamese_on_the_page() -> None:
    with language("vi"):
        form = from_form([("data._1.key", ""), ("data._1.value", "5")])
    assert form.problems == [("data._1.key", "Hãy đặt tên cho số liệu này để dùng trong nội dung.")]


def test_named_values_show_as_rows_of_name_text_and_kind() -> None:
    value = {"doanh_thu": 12000, "ma_so": "0012", "ty_le": 72.5, "co": True, "nam": "2025"}
    shown = named_values(value)
    assert shown == [
        ("doanh_thu", "12.000", "number"),
        ("ma_so", "0012", "text"),
        ("ty_le", "72,5", "number"),
        ("co", "true", "yaml"),
        ("nam", "2025", "text"),
    ]
    assert named_values(None) == []
    pairs = [
        (f"data._{index}.{part}", text)
        for index, row in enumerate(shown, 1)
        for part, text in zip(("key", "value", "kind"), row, strict=True)
    ]
    assert data_of(pairs)["data"] == value


@ROUND_TRIP_SETTINGS
@given(VALUES | st.lists(st.integers(), max_size=3) | st.none())
def test_a_named_value_reads_back_through_its_row(value: Any) -> None:
    text, kind = data_box(value)
    data = data_of([("data._1.key", "x"), ("data._1.value", text), ("data._1.kind", kind)])
    expected = "" if text.strip() == "" and value is not None else value
    assert data["data"]["x"] == expected, (value, text, kind)


def test_rows_of_a_list_field() -> None:
    assert rows([1, 2]) == [1, 2]
    assert rows({"question": "q", "for": 3}) == [{"question": "q", "for": 3}]  # one vote alone
    assert rows(None) == []
    assert rows("Ban Cán sự Đảng") == ["Ban Cán sự Đảng"]  # a presenter written as a line
    assert rows(5) == []


# -- dates and times -------------------------------------------------------------------------------


def test_a_start_is_a_date_box_and_a_time_box() -> None:
    data = data_of(
        [
            ("date", "2025-11-20"),
            ("start.date", "2025-11-20"),
            ("start.time", "08:00"),
            ("end.time", "11:30"),
            ("end.date", ""),
        ]
    )
    assert data == {"date": "2025-11-20", "start": "2025-11-20 08:00", "end": "11:30"}


def test_a_date_alone_stays_a_date_alone() -> None:
    # the time box left empty: no time, which the minutes leave blank for the clerk
    data = data_of([("start.date", "2025-11-20"), ("start.time", ""), ("end.time", "")])
    assert data == {"start": "2025-11-20"}


def test_an_end_on_another_day_has_its_date() -> None:
    data = data_of([("end.time", "09:00"), ("end.date", "2025-11-21")])
    assert data == {"end": "2025-11-21 09:00"}


@pytest.mark.parametrize(
    ("value", "boxes"),
    [
        ("2025-11-20 08:00", ("2025-11-20", "08:00")),
        ("2025-11-20T08:00:30", ("2025-11-20", "08:00:30")),
        ("2025-11-20", ("2025-11-20", "")),
        (None, ("", "")),
        ("2018-02-30 08:00", None),  # no date box holds an impossible date: a line shows it
        ("2025-11-20 08:00+07:00", None),
        ("20/11/2025", None),
    ],
)
def test_a_start_from_a_file_in_its_boxes(value: Any, boxes: Any) -> None:
    assert moment_boxes(value) == boxes


@pytest.mark.parametrize(
    ("value", "boxes"),
    [
        ("11:30", ("", "11:30")),
        ("2025-11-21 09:00", ("2025-11-21", "09:00")),
        ("25:00", None),
        ("7:30", None),
    ],
)
def test_an_end_from_a_file_in_its_boxes(value: Any, boxes: Any) -> None:
    assert end_boxes(value) == boxes


def test_a_value_no_date_box_can_hold_comes_back_from_its_line() -> None:
    assert data_of([("start", "2018-02-30 08:00")]) == {"start": "2018-02-30 08:00"}


# -- choices, yes and no ---------------------------------------------------------------------------


def test_ticked_boxes_and_choices() -> None:
    data = data_of(
        [
            ("place_date", "true"),
            ("members.include_chair~", "flag"),  # yes by default: unticked, it sends nothing
            ("members.include_secretary", "true"),
            ("agenda._1.title", "Bầu cử"),
            ("agenda._1.parts._1.election.title", "Bầu Ban Chấp hành"),
            ("agenda._1.parts._1.election.order", ""),
            ("agenda._1.parts._1.election.share_of.kind", "returned"),
            ("agenda._1.parts._1.election.share_of.count", ""),
            ("agenda._1.parts._1.election.candidates._1.name", "Nguyễn Văn An"),
            ("agenda._1.parts._1.election.candidates._1.votes", "110"),
            ("agenda._1.parts._1.election.candidates._1.elected", "true"),
            ("agenda._1.parts._1.election.candidates._2.name", "Lê Văn Cường"),
            ("agenda._1.parts._1.election.candidates._2.votes", "54"),
            ("agenda._1.parts._1.election.candidates._2.elected", ""),
            ("agenda._1.parts._2.ballot.question", "Kết nạp"),
            ("agenda._1.parts._2.ballot.share_of.kind", ""),
            ("agenda._1.parts._2.ballot.share_of.count", "72"),
        ]
    )
    assert data["place_date"] is True
    assert data["members"] == {"include_chair": False, "include_secretary": True}
    election = data["agenda"][0]["parts"][0]["election"]
    assert election == {
        "title": "Bầu Ban Chấp hành",
        "candidates": [
            {"name": "Nguyễn Văn An", "votes": 110, "elected": True},
            {"name": "Lê Văn Cường", "votes": 54},  # not said
        ],
        "share_of": "returned",
    }
    assert data["agenda"][0]["parts"][1]["ballot"] == {"question": "Kết nạp", "share_of": 72}


def test_a_box_ticked_by_default_writes_nothing() -> None:
    data = data_of([("members.include_chair~", "flag"), ("members.include_chair", "true")])
    assert data == {}


# -- parts and tables ------------------------------------------------------------------------------


def test_parts_keep_their_kind_and_the_clerks_order() -> None:
    form = from_form(
        [
            ("agenda._1.title", "Kết nạp đảng viên"),
            ("agenda._1.parts._n3.text", "Đồng chí Lê Thị Mai đọc lý lịch."),
            ("agenda._1.parts._1.vote.question", "đề nghị kết nạp"),
            ("agenda._1.parts._1.vote.for", "19"),
            ("agenda._1.parts._2.text", ""),  # a part left empty
            ("agenda._1.parts._4.discussion", "- Đồng chí Tú: nhất trí."),
            ("agenda._1.parts._4.label", "Ý kiến tham gia"),
            ("agenda._1.parts._5.conclusion", "Chi bộ đề nghị kết nạp."),
        ]
    )
    assert form.data["agenda"][0]["parts"] == [
        {"text": "Đồng chí Lê Thị Mai đọc lý lịch."},
        {"vote": {"question": "đề nghị kết nạp", "for": 19}},
        {"discussion": "- Đồng chí Tú: nhất trí.", "label": "Ý kiến tham gia"},
        {"conclusion": "Chi bộ đề nghị kết nạp."},
    ]
    assert form.name_of(("agenda", 0, "parts", 1, "vote", "for")) == "agenda._1.parts._1.vote.for"
    assert form.name_of(("agenda", 0, "parts", 2)) == "agenda._1.parts._4"


def table_pairs(prefix: str = "agenda._1.parts._1.table") -> list[tuple[str, str]]:
    """A table whose second column was moved before the first, as the script leaves it: the
    columns in page order, each row's cells named after their column."""
    return [
        ("agenda._1.title", "Mức thu"),
        (f"{prefix}.caption", "Mức thu các khoản:"),
        (f"{prefix}.numbered", "true"),
        (f"{prefix}.columns._2.title", "Khoản thu"),
        (f"{prefix}.columns._2.format", ""),
        (f"{prefix}.columns._1.title", "Mức thu (đồng)"),
        (f"{prefix}.columns._1.format", "number"),
        (f"{prefix}.columns._1.sum", "true"),
        (f"{prefix}.columns._n9.title", ""),  # an empty column, no cell typed: dropped
        (f"{prefix}.columns._n9.format", ""),
        (f"{prefix}.rows._1.kind", "cells"),
        (f"{prefix}.rows._1.c._1", "884.520"),
        (f"{prefix}.rows._1.c._2", "Bảo hiểm y tế"),
        (f"{prefix}.rows._1.c._n9", ""),
        (f"{prefix}.rows._2.kind", "line"),
        (f"{prefix}.rows._2.line", "II. Khoản thu thỏa thuận"),
        (f"{prefix}.rows._2.c._1", ""),
        (f"{prefix}.rows._3.kind", "cells"),
        (f"{prefix}.rows._3.c._2", "Nước uống"),
        (f"{prefix}.rows._3.c._1", "90000"),
        (f"{prefix}.rows._4.kind", "cells"),  # a blank row, kept: a row to fill by hand
        (f"{prefix}.total", "Tổng cộng"),
    ]


def test_a_tables_cells_follow_its_columns() -> None:
    form = from_form(table_pairs())
    table = form.data["agenda"][0]["parts"][0]["table"]
    assert table == {
        "caption": "Mức thu các khoản:",
        "numbered": True,
        "columns": [
            {"title": "Khoản thu"},
            {"title": "Mức thu (đồng)", "format": "number", "sum": True},
        ],
        "rows": [
            ["Bảo hiểm y tế", 884520],
            "II. Khoản thu thỏa thuận",
            ["Nước uống", 90000],
            ["", ""],
        ],
        "total": "Tổng cộng",
    }
    cell = ("agenda", 0, "parts", 0, "table", "rows", 0, 1)
    assert form.name_of(cell) == "agenda._1.parts._1.table.rows._1.c._1"
    assert form.name_of(cell[:-1]) == "agenda._1.parts._1.table.rows._1"
    column = ("agenda", 0, "parts", 0, "table", "columns", 1, "sum")
    assert form.name_of(column) == "agenda._1.parts._1.table.columns._1.sum"


def test_a_column_without_a_title_is_kept_when_its_cells_hold_something() -> None:
    prefix = "appendices._1.table"
    table = data_of(
        [
            ("appendices._1.title", "Danh sách"),
            (f"{prefix}.columns._1.title", "Họ và tên"),
            (f"{prefix}.columns._2.title", ""),
            (f"{prefix}.rows._1.c._1", "Nguyễn Văn An"),
            (f"{prefix}.rows._1.c._2", "Ủy viên"),
        ]
    )["appendices"][0]["table"]
    assert table["columns"] == [{"title": "Họ và tên"}, {}]  # the validator asks for its title
    assert table["rows"] == [["Nguyễn Văn An", "Ủy viên"]]


def test_a_table_with_nothing_typed_is_left_out() -> None:
    prefix = "appendices._1.table"
    data = data_of(
        [
            ("appendices._1.title", "Danh sách"),
            ("appendices._1.content", "Nội dung."),
            (f"{prefix}.columns._1.title", ""),
            (f"{prefix}.columns._1.format", ""),
            (f"{prefix}.columns._2.title", ""),
            (f"{prefix}.rows._1.kind", "cells"),
            (f"{prefix}.rows._1.c._1", ""),
            (f"{prefix}.rows._1.c._2", ""),
        ]
    )
    assert data["appendices"] == [{"title": "Danh sách", "content": "Nội dung."}]


def test_cells_are_numbers_in_a_column_of_numbers_and_text_in_one_of_text() -> None:
    prefix = "agenda._1.parts._1.table"
    pairs = [
        ("agenda._1.title", "Danh sách"),
        (f"{prefix}.columns._1.title", "Năm sinh"),
        (f"{prefix}.columns._2.title", "Hệ số"),
        (f"{prefix}.columns._2.format", "number"),
        (f"{prefix}.rows._1.c._1", "1979"),
        (f"{prefix}.rows._1.c._2", "3,33"),
        (f"{prefix}.rows._2.c._1", "1.820"),
        (f"{prefix}.rows._2.c._1~", "number"),  # a number from the file, in a column of text
        (f"{prefix}.rows._2.c._2", "-"),
    ]
    rows_ = data_of(pairs)["agenda"][0]["parts"][0]["table"]["rows"]
    assert rows_ == [["1979", 3.33], [1820, "-"]]


# -- the box of a data path ------------------------------------------------------------------------


def test_name_of_finds_the_nearest_box() -> None:
    form = from_form(
        [
            ("title", "Họp"),
            *person("chair._1", name="A"),
            ("start.date", "2025-11-20"),
            ("start.time", ""),
            ("agenda._1.title", "Một"),
            ("agenda._2.title", "Hai"),
            ("agenda._2.figures._1.label", "Thu"),
            ("agenda._2.figures._1.value", "5"),
            ("agenda._2.figures._1.unit", ""),
            ("data._1.key", "x"),
            ("data._1.value", "1"),
        ]
    )
    assert isinstance(form, FormData)
    assert form.name_of(("title",)) == "title"
    assert form.name_of(("start",)) == "start"  # the date box's id is f-start
    assert form.name_of(("chair", 0, "name")) == "chair._1.name"
    assert form.name_of(("chair", 0, "line")) == "chair._1.line"
    assert form.name_of(("agenda", 1, "figures", 0, "value")) == "agenda._2.figures._1.value"
    # a box sent empty is still the box of its path (a missing value is shown there)
    assert form.name_of(("agenda", 1, "figures", 0, "unit")) == "agenda._2.figures._1.unit"
    # no box of its own: the enclosing row, list or person shows it
    assert form.name_of(("agenda", 1, "figures", 0, "note")) == "agenda._2.figures._1"
    assert form.name_of(("agenda", 1, "votes")) == "agenda._2"
    assert form.name_of(("agenda", 1, "figures", 0, "value", "deeper")) == (
        "agenda._2.figures._1.value"
    )
    assert form.name_of(("chair", 0, "reason")) == "chair._1"  # a chair has no reason box
    assert form.name_of(("data", "x", "y")) == "data._1.value"
    assert form.name_of(("data", "other")) == "data"
    # nothing on the page for it: the meeting as a whole
    assert form.name_of(("organization",)) is None
    assert form.name_of(("organization", "name")) is None
    assert form.name_of(("agenda", 5, "title")) == "agenda"  # the list itself
    assert form.name_of(None) is None


# -- every field of the format has a box, a label and a hint in the form's words ---------------


def model_fields() -> dict[str, set[str]]:
    """Every model of the file by class name, with the names its fields have in the file."""
    from pydantic import BaseModel

    import minutes.model as model

    found: dict[str, set[str]] = {}
    for name in model.__all__:
        value = getattr(model, name)
        if isinstance(value, type) and issubclass(value, BaseModel):
            found[name] = {field.alias or key for key, field in value.model_fields.items()}
    return found


def test_every_field_of_every_model_has_a_box() -> None:
    from minutes.web.spec import ABSENT, PERSON, SPEC, meeting_boxes

    fields = model_fields()
    covered = {model: {box.key for box in boxes} for model, boxes in SPEC.items()}
    covered["Minutes"] = {box.key for box in meeting_boxes()}
    covered["Person"] = set(PERSON)
    covered["AbsentPerson"] = set(ABSENT)
    for model, keys in fields.items():
        assert covered.get(model) == keys, (
            f"{model}: the form lacks {keys - covered.get(model, set())}"
        )


def test_every_box_has_a_label() -> None:
    from minutes.web.labels import FIELDS

    for model, keys in model_fields().items():
        for key in keys:
            label, _hint = FIELDS[model][key]
            assert label, f"{model}.{key} has no label"


FILE_WORDS = re.compile(r"`|\"|\\n|NĂM-THÁNG|YYYY|HH:MM|ngoặc kép|true|false")


def test_hints_speak_of_boxes_not_of_the_file() -> None:
    """Issue #17: no quoting, no escapes, no date patterns, no field names of the file (an
    expression over the named values, {{ data.ten }}, is what the clerk types, and stays)."""
    from minutes.web.labels import CHOICES, DATA_ROW, FIELDS

    names = set().union(*model_fields().values())
    texts = [text for fields in FIELDS.values() for pair in fields.values() for text in pair]
    texts += [text for pair in DATA_ROW.values() for text in pair]
    texts += [text for options in CHOICES.values() for text in options.values()]
    for text in texts:
        plain = re.sub(r"\{\{.*?\}\}", "", text)
        assert not FILE_WORDS.search(plain), text
        words = set(re.findall(r"[A-Za-z_]+", plain))
        assert not words & names - {"data"}, (text, words & names)


# -- a value kept as the file wrote it (a list, a yes/no, a line break) ---------------------------

TEXT = st.text()
"""Any text: a named value may be any text (the form trims a box, so such text is quoted)."""
PLAIN = st.characters(exclude_categories=["Cs"])
"""Text inside a mapping is read by the file loader (lone surrogates are no text there)."""
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)
"""What a figure or a named value holds: the model takes no infinite or NaN number."""
MAPPINGS = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(PLAIN),
    lambda children: st.dictionaries(st.text(PLAIN), children, max_size=3),
    max_leaves=8,
)
ROUND_TRIP = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reads_back(value: Any) -> None:
    text = scalar_text(value)
    back = scalar_from_text(text)
    assert back == value, (value, text, back)
    assert type(back) is type(value)


@ROUND_TRIP
@given(SCALARS)
def test_a_scalar_reads_back_as_itself(value: Any) -> None:
    reads_back(value)


@ROUND_TRIP
@given(SCALARS)
def test_a_scalar_reads_back_through_the_form(value: Any) -> None:
    # the box is trimmed and its line ends made plain before it is read; text with a line break
    # is written quoted, on one line
    pairs = [("data._1.key", "x"), ("data._1.value", scalar_text(value)), ("data._1.kind", "yaml")]
    assert data_of(pairs)["data"]["x"] == value


@ROUND_TRIP
@given(st.dictionaries(st.text(PLAIN), MAPPINGS, max_size=4))
def test_a_mapping_reads_back_as_itself(value: dict[str, Any]) -> None:
    reads_back(value)


@pytest.mark.parametrize(
    "value", ["12000", "true", "null", " lề ", "", "'a'", "[1, 2]", "{a: 1}", "{{ x }}", "  "]
)
def test_text_that_would_read_as_something_else_is_quoted(value: str) -> None:
    reads_back(value)


def test_plain_text_is_written_as_typed() -> None:
    assert scalar_text("Hội nghị lần thứ 100") == "Hội nghị lần thứ 100"
    assert scalar_text("12000") == '"12000"'
    assert scalar_text(12000) == "12000"
    assert scalar_text(317.35) == "317.35"


def test_a_list_reads_back_as_itself() -> None:
    reads_back([1, 2])


@pytest.mark.parametrize("value", ["dòng 1\ndòng 2", "0\r0"])
def test_text_with_a_line_break_is_written_on_one_line(value: str) -> None:
    text = scalar_text(value)
    assert "\n" not in text
    assert "\r" not in text
    pairs = [("data._1.key", "x"), ("data._1.value", text), ("data._1.kind", "yaml")]
    assert data_of(pairs)["data"]["x"] == value


def test_private_use_characters_survive_the_loader() -> None:
    reads_back({"\x7f": None, "\U00100000": None})


def _rows(count: int) -> list[tuple[str, str]]:
    """``count`` attendee rows, every other one left empty (spare rows a clerk did not fill)."""
    pairs = [("profile", "state")]
    for n in range(count):
        filled = n % 2 == 0
        pairs.append((f"attendees._{n}.name", f"Người {n}" if filled else ""))
        pairs.append((f"attendees._{n}.position", "Chuyên viên" if filled else ""))
    return pairs


def test_reading_a_form_takes_time_in_proportion_to_its_rows() -> None:
    """Issue #19: empty rows made reading quadratic (8,000 rows: 3.7 s of CPU, the server
    frozen). Four times the rows must take about four times the CPU, not sixteen."""
    import time

    def cpu(count: int) -> float:
        pairs = _rows(count)
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            form = from_form(pairs)
            best = min(best, time.process_time() - started)
        assert len(form.data["attendees"]) == count // 2
        return best

    small, large = cpu(2000), cpu(8000)
    assert large < 0.5, f"{large:.2f} s of CPU for 8,000 rows"
    assert large < 8 * max(small, 0.002), f"{small:.3f} s for 2,000 rows, {large:.3f} s for 8,000"


def test_no_hint_of_the_files_spelling_beside_a_box() -> None:
    """Issue #17: beside a box, a hint of the validator that speaks of the file (quotes, ``\\n``,
    date patterns, fields by name, numbers without the dot) is left out, in either language;
    every message of the catalog that says so is one such hint. The problem itself stays, and
    in the list at the top (no box to stand beside) the hint is kept."""
    from babel.messages.pofile import read_po

    from minutes.errors import Problem
    from minutes.i18n import LOCALE_DIR
    from minutes.web.jobs import problem_text

    with open(LOCALE_DIR / "vi" / "LC_MESSAGES" / "minutes.po", encoding="utf-8") as po:
        catalog = read_po(po)
    spelled = [
        text
        for message in catalog
        if message.id and isinstance(message.id, str)
        for text in (message.id, message.string)
        if FILE_WORDS.search(text) or "YYYY" in text or "HH:MM" in text
    ]
    assert len(spelled) > 20, spelled
    for hint in spelled:
        problem = Problem("Cần ghi số nguyên.", field="number", hint=hint)
        assert problem_text(problem, beside=True) == "Cần ghi số nguyên.", hint
    plain = Problem("Thiếu.", field="title", hint="ghi tên cuộc họp")
    assert problem_text(plain, beside=True) == "Thiếu. (ghi tên cuộc họp)"
    quoted = Problem("Sai.", field="end", hint="ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-03-07")
    assert problem_text(quoted) == f"Sai. ({quoted.hint})"
