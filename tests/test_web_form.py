"""The web form's fields to meeting data (:mod:`minutes.web.form`): nesting, row order, empty rows,
people, numbers, named values, and the field name of every data path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes.i18n import language
from minutes.web.form import (
    FormData,
    from_form,
    named_values,
    person_kind,
    person_text,
    rows,
    scalar_from_text,
    scalar_text,
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The form's own messages in English (their source text), whatever the machine's language."""
    with language("en"):
        yield


def person(row: str, kind: str = "person", **boxes: str) -> list[tuple[str, str]]:
    """The boxes of one person row (``chair``, ``attendees._1``), as the page sends them."""
    pairs = [(f"{row}.kind", kind)]
    pairs += [(f"{row}.{key}", boxes.get(key, "")) for key in ("name", "position")]
    if "reason" in boxes:
        pairs.append((f"{row}.reason", boxes["reason"]))
    return pairs


def data_of(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return from_form(pairs).data


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
    data = data_of([*person("chair", name="Nguyễn Văn An", position="Chủ tịch UBND xã")])
    assert data["chair"] == {"name": "Nguyễn Văn An", "position": "Chủ tịch UBND xã"}


def test_a_line_row_is_plain_text() -> None:
    data = data_of(
        [*person("attendees._1", kind="line", name="Các đồng chí Ủy viên Ban Thường vụ")]
    )
    assert data["attendees"] == ["Các đồng chí Ủy viên Ban Thường vụ"]


def test_a_line_row_with_a_reason_for_absence_keeps_both() -> None:
    form = from_form(
        [*person("absent._1", kind="line", name="Hai đồng chí Ủy viên", reason="đi công tác")]
    )
    assert form.data["absent"] == [{"line": "Hai đồng chí Ủy viên", "reason": "đi công tác"}]
    assert form.name_of(("absent", 0, "line")) == "absent._1.name"  # a line shows in the name box
    assert form.name_of(("absent", 0, "reason")) == "absent._1.reason"


def test_a_line_row_ignores_the_position_box() -> None:
    data = data_of([*person("invited._1", kind="line", name="Đại diện MTTQ", position="bỏ qua")])
    assert data["invited"] == ["Đại diện MTTQ"]


def test_an_absent_person_keeps_the_reason() -> None:
    data = data_of(
        [*person("absent._1", name="Phạm Văn Dũng", position="Phó Chủ tịch", reason="ốm")]
    )
    assert data["absent"] == [{"name": "Phạm Văn Dũng", "position": "Phó Chủ tịch", "reason": "ốm"}]


@pytest.mark.parametrize(
    ("value", "kind", "name", "position", "reason"),
    [
        ("Các đồng chí Ủy viên", "line", "Các đồng chí Ủy viên", "", ""),
        ({"line": "Hai đồng chí", "reason": "ốm"}, "line", "Hai đồng chí", "", "ốm"),
        ({"name": "Trần Thị Bình", "position": "Thư ký"}, "person", "Trần Thị Bình", "Thư ký", ""),
        ({"name": "Phạm Dũng", "reason": "đi học"}, "person", "Phạm Dũng", "", "đi học"),
    ],
)
def test_a_person_from_a_file_fills_the_boxes_it_came_from(
    value: Any, kind: str, name: str, position: str, reason: str
) -> None:
    assert person_kind(value) == kind
    assert [person_text(value, key) for key in ("name", "position", "reason")] == [
        name,
        position,
        reason,
    ]
    # and the boxes give the same person back
    boxes = {"name": name, "position": position, "reason": reason}
    data = data_of(person("absent._1", kind=kind, **boxes))
    assert data["absent"] == [value]


# -- numbers and values ----------------------------------------------------------------------------


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
        ]
    )
    assert data["number"] == 15
    assert data["members_present"] == "abc"  # the validator says what is wrong, at this box
    assert data["members_total"] == "1.5"
    assert data["agenda"][0]["votes"] == [
        {"question": "Thông qua", "for": 12, "against": 0, "abstain": "một"}
    ]


def test_a_number_in_a_text_field_stays_text() -> None:
    assert data_of([("symbol", "100"), ("title", "2018")]) == {"symbol": "100", "title": "2018"}


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12000", 12000),
        ("-3", -3),
        ("317.35", 317.35),
        ("1e3", 1000.0),
        ('"12000"', "12000"),
        ("'12000'", "12000"),
        ("true", True),
        ("false", False),
        ("null", None),
        ("{a: 1}", {"a": 1}),
        ("khoảng 12 nghìn", "khoảng 12 nghìn"),
        ('"Hà Nội" và Huế', '"Hà Nội" và Huế'),  # a leading quote alone: text as typed
        ("'Hà Nội' và Huế", "'Hà Nội' và Huế"),
        ('"a"b"', '"a"b"'),  # quotes at both ends but not one quoted text
        ("[1, 2", "[1, 2"),  # not a list after all
        ("12.000", 12.0),  # as YAML reads it: the dot is the decimal point
    ],
)
def test_a_typed_value_reads_as_yaml_reads_a_scalar(typed: str, value: Any) -> None:
    read = scalar_from_text(typed)
    assert read == value
    assert type(read) is type(value)


def test_a_typed_list_is_a_list() -> None:
    assert scalar_from_text("[1, 2]") == [1, 2]


def test_an_expression_typed_as_a_figure_value_stays_text() -> None:
    data = data_of(
        [
            ("agenda._1.title", "Số liệu"),
            ("agenda._1.figures._1.label", "Doanh thu"),
            ("agenda._1.figures._1.value", "{{ data.doanh_thu | money('tỷ đồng') }}"),
        ]
    )
    assert data["agenda"][0]["figures"][0]["value"] == "{{ data.doanh_thu | money('tỷ đồng') }}"


def test_figure_values_read_as_scalars() -> None:
    pairs = [("agenda._1.title", "Số liệu")]
    for index, typed in enumerate(["12000", "317.35", '"12000"', "khoảng 12 nghìn"], 1):
        pairs += [
            (f"agenda._1.figures._{index}.label", f"Chỉ tiêu {index}"),
            (f"agenda._1.figures._{index}.value", typed),
        ]
    figures = data_of(pairs)["agenda"][0]["figures"]
    assert [figure["value"] for figure in figures] == [12000, 317.35, "12000", "khoảng 12 nghìn"]


def test_named_values_read_as_scalars_with_their_names() -> None:
    form = from_form(
        [
            ("data._1.key", "doanh_thu"),
            ("data._1.value", "12000"),
            ("data._n4.key", "ty_le"),
            ("data._n4.value", "72.5"),
            ("data._3.key", "ma_so"),
            ("data._3.value", '"0012"'),
            ("data._4.key", "ghi_chu"),
            ("data._4.value", "chưa có số liệu"),
            ("data._5.key", ""),
            ("data._5.value", ""),  # an empty row: no problem
            ("data._6.key", "trong"),
            ("data._6.value", ""),
        ]
    )
    assert form.data["data"] == {
        "doanh_thu": 12000,
        "ty_le": 72.5,
        "ma_so": "0012",
        "ghi_chu": "chưa có số liệu",
        "trong": "",
    }
    assert list(form.data["data"]) == ["doanh_thu", "ty_le", "ma_so", "ghi_chu", "trong"]
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


def test_named_values_show_as_rows_of_name_and_text() -> None:
    shown = named_values({"doanh_thu": 12000, "ma_so": "0012", "ty_le": 72.5, "co": True})
    assert shown == [("doanh_thu", "12000"), ("ma_so", '"0012"'), ("ty_le", "72.5"), ("co", "true")]
    assert named_values(None) == []
    pairs = [
        (f"data._{index}.{part}", text)
        for index, row in enumerate(shown, 1)
        for part, text in zip(("key", "value"), row, strict=True)
    ]
    assert data_of(pairs)["data"] == {
        "doanh_thu": 12000,
        "ma_so": "0012",
        "ty_le": 72.5,
        "co": True,
    }


def test_rows_of_a_list_field() -> None:
    assert rows([1, 2]) == [1, 2]
    assert rows({"question": "q", "for": 3}) == [{"question": "q", "for": 3}]  # one vote alone
    assert rows(None) == []
    assert rows("text") == []


# -- the field of a data path ----------------------------------------------------------------------


def test_name_of_finds_the_nearest_field() -> None:
    form = from_form(
        [
            ("title", "Họp"),
            *person("chair", name="A"),
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
    assert form.name_of(("chair", "name")) == "chair.name"
    assert form.name_of(("chair", "line")) == "chair.name"
    assert form.name_of(("agenda", 1, "figures", 0, "value")) == "agenda._2.figures._1.value"
    # a box sent empty is still the field of its path (a missing value is shown there)
    assert form.name_of(("agenda", 1, "figures", 0, "unit")) == "agenda._2.figures._1.unit"
    # no box of its own: the enclosing row, list or person shows it
    assert form.name_of(("agenda", 1, "figures", 0, "note")) == "agenda._2.figures._1"
    assert form.name_of(("agenda", 1, "votes")) == "agenda._2"
    assert form.name_of(("agenda", 1, "figures", 0, "value", "deeper")) == (
        "agenda._2.figures._1.value"
    )
    assert form.name_of(("chair", "reason")) == "chair"
    assert form.name_of(("data", "x", "y")) == "data._1.value"
    assert form.name_of(("data", "other")) == "data"
    # nothing on the page for it: the meeting as a whole
    assert form.name_of(("organization",)) is None
    assert form.name_of(("organization", "name")) is None
    assert form.name_of(("agenda", 5, "title")) == "agenda"  # the list itself
    assert form.name_of(None) is None


# -- a value written back into its box -------------------------------------------------------------

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
    data = data_of([("data._1.key", "x"), ("data._1.value", scalar_text(value))])
    assert data["data"]["x"] == value


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
    assert data_of([("data._1.key", "x"), ("data._1.value", text)])["data"]["x"] == value


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
