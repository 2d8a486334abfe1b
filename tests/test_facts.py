"""Every number the minutes derive, as a reader sees it in the text, and the checks that keep a
wrong count out of a signed document (``minutes.facts``).

Each test writes a meeting the way a clerk would (plain data, as YAML gives it), composes it,
and reads the paragraphs of the document tree: what the PDF and the DOCX print.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import tree_paragraphs

import minutes
from minutes.compose import compose
from minutes.errors import InputError
from minutes.tree import text_of

pytestmark = pytest.mark.usefixtures("english")

BASE: dict[str, Any] = {
    "profile": "party",
    "organization": {"name": "Chi bộ Trường THCS Tân Lập", "parent": "Đảng bộ xã Tân Lập"},
    "place": "Tân Lập",
    "date": "2025-11-20",
    "title": "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2025",
    "start": "2025-11-20 14:00",
    "end": "16:30",
    "location": "Phòng họp nhà trường",
    "chair": {"name": "Nguyễn Văn An", "position": "Bí thư Chi bộ"},
    "secretary": {"name": "Trần Thị Bình", "position": "Chi ủy viên"},
    "agenda": [{"title": "Nghị quyết tháng 11"}],
}


def meeting(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def load(data: dict[str, Any]) -> minutes.Minutes:
    return minutes.loads(_yaml(data), "hop.yaml")


def text(data: dict[str, Any]) -> str:
    """The text of the composed document, one paragraph per line."""
    return "\n".join(t for _role, t, _e in tree_paragraphs(compose(load(data))))


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(InputError) as caught:
        load(data)
    return [f"{p.field}: {p.message} ({p.hint})" for p in caught.value.problems]


def _yaml(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False)


def vote(**counts: Any) -> dict[str, Any]:
    return {"question": "thông qua nghị quyết", **counts}


def with_vote(data: dict[str, Any], **counts: Any) -> dict[str, Any]:
    data["agenda"][0]["parts"] = [{"vote": vote(**counts)}]
    return data


# -- who was there ---------------------------------------------------------------------------------


def test_a_chi_bo_counted_by_category() -> None:
    data = meeting(
        members={
            "label": "Đảng viên",
            "total": 27,
            "categories": [
                {"label": "chính thức", "total": 25, "present": 19},
                {"label": "dự bị", "total": 2, "present": 2},
            ],
            "exempt": 3,
            "present": 21,
            "absent": 3,
            "excused": 2,
            "unexcused": 1,
        },
        absent=[
            {"name": "Lê Văn Cường", "reason": "ốm"},
            {"name": "Hoàng Văn Em", "excused": False},
        ],
    )
    shown = text(data)
    assert (
        "1.1. Đảng viên:\nTổng số 27 đồng chí (chính thức 25, dự bị 2); miễn sinh hoạt 3 đồng chí; "
        "có mặt 21 đồng chí (chính thức 19, dự bị 2)." in shown
    )
    assert "Vắng mặt: 3 đồng chí (có lý do: 2, không có lý do: 1):" in shown
    assert "- Đồng chí Lê Văn Cường (ốm);" in shown
    assert "- Đồng chí Hoàng Văn Em (không có lý do)." in shown


def test_a_group_line_without_a_count_prints_no_count() -> None:
    data = meeting(
        profile="state",
        attendees=["Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã"],
        absent=[{"line": "Có phép", "count": 3}],
    )
    shown = text(data)
    assert "Thành phần tham dự:\n- Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã." in shown
    assert "0/0" not in shown and "::" not in shown
    assert "Vắng mặt: 3 người:" in shown  # the group's count is the number absent
    assert "- Có phép: 3 người." in shown


def test_a_group_line_with_its_count_is_counted_with_the_chair() -> None:
    data = meeting(
        members={"total": 15},
        attendees=[{"line": "Các đồng chí Ủy viên Ban Chấp hành", "count": 11}],
    )
    assert "có mặt 12/15 đồng chí" in text(data)  # the chair was not listed: 11 + 1


def test_the_chair_is_not_counted_when_the_file_says_so() -> None:
    data = meeting(
        members={"total": 15, "include_chair": False},
        attendees=[{"line": "Các đồng chí Ủy viên Ban Chấp hành", "count": 11}],
    )
    assert "có mặt 11/15 đồng chí" in text(data)


def test_named_attendees_count_the_chair_once() -> None:
    data = meeting(
        profile="state",
        members_total=5,
        attendees=[
            {"name": "Nguyễn Văn An", "position": "Chủ tịch"},
            {"name": "Lê Văn Bảy"},
            {"name": "Đỗ Thị Chín"},
        ],
    )
    assert "Thành phần tham dự: có mặt 3/5 người:" in text(data)


def test_large_counts_are_grouped_the_vietnamese_way() -> None:
    data = meeting(members={"present": 12418730, "total": 15000000, "unit": "cổ phần"})
    assert "có mặt 12.418.730/15.000.000 cổ phần" in text(data)


def test_shares_represented_by_those_present() -> None:
    data = meeting(
        members={
            "label": "Cổ đông",
            "unit": "cổ đông",
            "present": 15,
            "represented": {
                "present": 1615500,
                "total": 2021900,
                "unit": "cổ phần",
                "label": "có quyền biểu quyết",
            },
        }
    )
    assert (
        "có mặt 15 cổ đông, đại diện cho 1.615.500/2.021.900 cổ phần có quyền biểu quyết (79,9%)"
        in text(data)
    )


@pytest.mark.parametrize(
    ("members", "says"),
    [
        ({"present": 18, "total": 17}, "18 present is more than the total of 17"),
        (
            {"total": 27, "present": 21, "absent": 4, "exempt": 3},
            "21 present + 4 absent + 3 exempt = 28, but the total is 27",
        ),
        (
            {
                "total": 20,
                "categories": [
                    {"label": "chính thức", "total": 18},
                    {"label": "dự bị", "total": 1},
                ],
            },
            "The categories add up to 19, but `members.total` is 20",
        ),
        ({"absent": 3, "excused": 2, "unexcused": 2}, "2 with a reason + 2 without = 4, not 3"),
        ({"present": 10, "voters": 12}, "12 may vote, but only 10 are present"),
    ],
)
def test_counts_that_do_not_add_up_are_refused_with_the_fix(
    members: dict[str, Any], says: str
) -> None:
    found = problems(meeting(members=members))
    assert any(says in problem for problem in found), found


def test_counts_not_given_are_not_checked() -> None:
    # 21 present and 3 absent of 27 is possible: who is exempt is not said
    load(meeting(members={"total": 27, "present": 21, "absent": 3}))


def test_a_count_given_twice_is_refused() -> None:
    found = problems(meeting(members_present=5, members={"present": 5}))
    assert any("same count, given twice" in problem for problem in found), found


# -- votes -----------------------------------------------------------------------------------------


def test_only_full_members_vote_on_their_own_base() -> None:
    data = meeting(
        members={
            "present": 21,
            "voters": 19,
            "voters_label": "đảng viên chính thức có mặt",
        }
    )
    shown = text(with_vote(data, **{"for": 19, "against": 0, "abstain": 0}))
    assert (
        "Biểu quyết thông qua nghị quyết: 19/19 đồng chí đảng viên chính thức có mặt tán thành "
        "(100%); 0 không tán thành; 0 không biểu quyết." in shown
    )


def test_votes_on_those_present_must_add_up_or_say_who_votes() -> None:
    data = with_vote(meeting(members={"present": 21}), **{"for": 19, "against": 0, "abstain": 0})
    found = problems(data)
    assert any("19 + 0 + 0 = 19, but the base is 21" in p and "members.voters" in p for p in found)


def test_answers_not_given_are_not_printed() -> None:
    shown = text(with_vote(meeting(members={"present": 5}), **{"for": 4}))
    assert "Biểu quyết thông qua nghị quyết: 4/5 đồng chí tán thành (80%)." in shown
    assert "không tán thành" not in shown and "không biểu quyết" not in shown


def test_a_share_short_of_the_whole_is_never_100_percent() -> None:
    data = meeting(members={"present": 57465, "unit": "cổ phần"})
    shown = text(with_vote(data, **{"for": 57460, "against": 5, "abstain": 0}))
    assert "57.460/57.465 cổ phần tán thành (99,99%)" in shown
    assert "5 không tán thành (0,01%)" in shown


def test_a_company_vote_in_shares_with_its_wording() -> None:
    data = with_vote(
        meeting(profile="state"),
        **{
            "for": 12418730,
            "against": 0,
            "abstain": 27200,
            "base": 12445930,
            "unit": "cổ phần",
            "decimals": 2,
            "labels": {"abstain": "không có ý kiến"},
        },
    )
    shown = text(data)
    assert "12.418.730/12.445.930 cổ phần tán thành (99,78%)" in shown
    assert "27.200 không có ý kiến (0,22%)" in shown


def test_a_council_vote_with_its_share_of_all_delegates() -> None:
    data = with_vote(
        meeting(profile="state", members={"present": 28, "total": 30, "unit": "đại biểu"}),
        **{
            "for": 28,
            "against": 0,
            "abstain": 0,
            "share_of": 30,
            "share_label": "tổng số đại biểu Hội đồng nhân dân phường",
            "decimals": 2,
        },
    )
    shown = text(data)
    assert (
        "28/28 đại biểu tán thành (93,33% so với tổng số đại biểu Hội đồng nhân dân phường)"
        in shown
    )


# -- secret ballots and elections ------------------------------------------------------------------


def with_part(data: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    data["agenda"][0]["parts"] = [part]
    return data


def test_a_secret_ballot() -> None:
    ballot = {
        "question": "đề nghị kết nạp quần chúng Nguyễn Văn Hòa vào Đảng",
        "issued": 19,
        "returned": 19,
        "valid": 19,
        "invalid": 0,
        "options": [{"label": "Đồng ý", "votes": 18}, {"label": "Không đồng ý", "votes": 1}],
        "decimals": 2,
    }
    shown = text(with_part(meeting(), {"ballot": ballot}))
    assert (
        "Kết quả bỏ phiếu kín đề nghị kết nạp quần chúng Nguyễn Văn Hòa vào Đảng: số phiếu phát "
        "ra 19, số phiếu thu về 19, số phiếu hợp lệ 19, số phiếu không hợp lệ 0; Đồng ý: 18 phiếu "
        "(94,74%); Không đồng ý: 1 phiếu (5,26%)." in shown
    )


@pytest.mark.parametrize(
    ("ballots", "says"),
    [
        ({"issued": 19, "returned": 20}, "20 ballots returned, but only 19 issued"),
        ({"returned": 19, "valid": 18, "invalid": 2}, "18 valid + 2 invalid = 20, but 19 were"),
    ],
)
def test_ballots_that_do_not_add_up(ballots: dict[str, Any], says: str) -> None:
    ballot = {"question": "x", **ballots, "options": []}
    found = problems(with_part(meeting(), {"ballot": ballot}))
    assert any(says in problem for problem in found), found


def test_an_election_in_the_order_of_the_result() -> None:
    election = {
        "title": "Bầu Ban Chấp hành Đảng bộ",
        "seats": 2,
        "issued": 21,
        "returned": 21,
        "valid": 20,
        "invalid": 1,
        "decimals": 2,
        "candidates": [
            {"name": "Lê Văn A", "votes": 2, "elected": False},
            {"name": "Trần Thị B", "votes": 20, "elected": True},
            {"name": "Đỗ Văn C", "votes": 18, "elected": True, "position": "Hiệu phó"},
        ],
    }
    rows = table_rows(with_part(meeting(), {"election": election}))
    assert rows[0] == ["TT", "Họ và tên", "Chức vụ, đơn vị", "Số phiếu", "Tỷ lệ", "Kết quả"]
    assert rows[1:] == [
        ["1", "Trần Thị B", "", "20", "100%", "Trúng cử"],
        ["2", "Đỗ Văn C", "Hiệu phó", "18", "90%", "Trúng cử"],
        ["3", "Lê Văn A", "", "2", "10%", "Không trúng cử"],
    ]


def table_rows(data: dict[str, Any]) -> list[list[str]]:
    """The cells of every row of the data tables, as printed."""
    document = compose(load(data))
    return [
        [text_of(cell) for cell in row]
        for table in document.body.iter("table")
        if table.get("class") == "data-table"
        for row in table.iter("tr")
    ]


def test_more_votes_than_ballots_times_seats_is_refused() -> None:
    election = {
        "title": "Bầu",
        "seats": 2,
        "valid": 20,
        "candidates": [
            {"name": "A", "votes": 20},
            {"name": "B", "votes": 19},
            {"name": "C", "votes": 2},
        ],
    }
    found = problems(with_part(meeting(), {"election": election}))
    assert any("41 votes, more than 20 ballots × 2 seats = 40" in p for p in found), found


def test_more_elected_than_seats_is_refused() -> None:
    election = {
        "title": "Bầu",
        "seats": 1,
        "candidates": [
            {"name": "A", "votes": 3, "elected": True},
            {"name": "B", "votes": 2, "elected": True},
        ],
    }
    found = problems(with_part(meeting(), {"election": election}))
    assert any("2 are marked elected, but there are 1 seats" in p for p in found), found


def test_cumulative_voting_may_give_a_candidate_more_than_the_ballots() -> None:
    election = {
        "title": "Bầu thành viên Hội đồng quản trị",
        "seats": 3,
        "valid": 1000,
        "cumulative": True,
        "unit": "cổ phần",
        "candidates": [{"name": "A", "votes": 2500}],
    }
    load(with_part(meeting(profile="state"), {"election": election}))
    election["cumulative"] = False
    assert any(
        "2500 votes, more than the 1000" in p
        for p in problems(with_part(meeting(), {"election": election}))
    )


# -- tables ----------------------------------------------------------------------------------------


def test_a_table_with_any_columns_and_a_total() -> None:
    table = {
        "caption": "Mức thu năm học 2025 - 2026:",
        "numbered": True,
        "columns": [
            "Khoản thu",
            {"title": "Mức thu (đồng)", "format": "number", "sum": True},
            "Ghi chú",
        ],
        "rows": [
            ["Bảo hiểm y tế", 884520, "Theo quy định"],
            ["Nước uống", 90000, ""],
            ["Quỹ lớp", "02", "-"],
        ],
        "total": "Tổng cộng",
    }
    cells = table_rows(with_part(meeting(), {"table": table}))
    assert ["TT", "Khoản thu", "Mức thu (đồng)", "Ghi chú"] in cells
    assert ["1", "Bảo hiểm y tế", "884.520", "Theo quy định"] in cells
    assert ["3", "Quỹ lớp", "02", "-"] in cells  # typed text stays as typed
    assert ["Tổng cộng", "974.522", ""] in cells  # the label spans TT and Khoản thu


def test_a_text_cell_in_a_summed_column_is_refused() -> None:
    table = {"columns": [{"title": "Số", "sum": True}], "rows": [["mười"]], "total": "Cộng"}
    found = problems(with_part(meeting(), {"table": table}))
    assert any("holds text: mười" in p for p in found), found


def test_a_row_of_the_wrong_length_is_refused() -> None:
    table = {"columns": ["A", "B"], "rows": [["x"]]}
    found = problems(with_part(meeting(), {"table": table}))
    assert any("Row 1 has 1 cells, but the table has 2 columns" in p for p in found), found


# -- numbers as typed --------------------------------------------------------------------------


def test_a_quoted_figure_is_printed_as_typed() -> None:
    data = meeting()
    data["agenda"][0]["figures"] = [
        {"label": "Số chi bộ", "value": "02", "unit": "chi bộ"},
        {"label": "Đảng viên", "value": 1234, "unit": "đồng chí"},
    ]
    assert table_rows(data)[1:] == [
        ["1", "Số chi bộ", "02", "chi bộ"],
        ["2", "Đảng viên", "1.234", "đồng chí"],
    ]


def test_a_number_with_dot_thousands_is_refused_not_misread() -> None:
    with pytest.raises(InputError) as caught:
        minutes.loads(_yaml_text_with("      - [Nước uống, 12.000]"), "hop.yaml")
    problem = caught.value.problems[0]
    assert "`12.000` is ambiguous: YAML reads it as 12, not 12000" in problem.message
    assert problem.line == 17


def _yaml_text_with(row: str) -> str:
    return (
        "profile: state\norganization: {name: UBND xã Tân Lập}\ndate: 2025-11-20\n"
        "title: Họp\nstart: 2025-11-20 08:00\nlocation: Trụ sở\nchair: {name: A}\n"
        "secretary: {name: B}\nagenda:\n  - title: Thu\n    parts:\n      - table:\n"
        "          columns:\n            - Khoản\n            - {title: Tiền, format: number}\n"
        "          rows:\n" + row.replace("      - ", "            - ") + "\n"
    )


# -- time ----------------------------------------------------------------------------------


def test_a_date_without_a_time_leaves_the_time_blank() -> None:
    shown = text(meeting(start="2016-10-19", end=None, date="2016-10-19"))
    assert "- Thời gian: bắt đầu vào hồi …… giờ …… phút, ngày 19 tháng 10 năm 2016." in shown
    assert "0 giờ 00 phút" not in shown


def test_an_unknown_end_prints_no_closing_time() -> None:
    data = meeting()
    del data["end"]
    assert "kết thúc" not in text(data)
