"""The validator as a library (:mod:`minutes.validate`, :mod:`minutes.standins`): what it hands
back besides the problems, and the values it stands in with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes.api import Renderer
from minutes.load import Limits, loads
from minutes.model import Minutes
from minutes.profiles import profile_names
from minutes.standins import stand_ins
from minutes.tree import text_of
from minutes.validate import check_text, validate_text

DATA = Path(__file__).parent / "data"
STATE = (DATA / "minimal-state.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("profile", profile_names())
def test_the_stand_ins_are_a_valid_meeting_under_every_profile(profile: str) -> None:
    text = json.dumps({**stand_ins(), "profile": profile}, ensure_ascii=False)
    assert validate_text(text) == []
    meeting = Minutes.model_validate(stand_ins())
    assert meeting.agenda and meeting.agenda[0].votes  # where mistakes are usually made


def test_the_stand_ins_are_a_copy_each_time() -> None:
    first = stand_ins()
    first["chair"]["name"] = "đã sửa"
    assert stand_ins()["chair"]["name"] == "Nguyễn Văn An"


def test_a_broken_field_does_not_hide_a_bad_expression_whatever_the_starters_say() -> None:
    text = STATE.replace("secretary:", "secetary:", 1).replace("thu_ngan_sach |", "khong_co |")
    fields = [problem.field for problem in validate_text(text)]
    assert fields == ["secretary", "secetary", "agenda[1].content"]


def test_a_valid_text_comes_back_with_its_meeting_and_its_tree() -> None:
    checked = check_text(STATE, "giao-ban.yaml")
    assert checked.problems == []
    assert checked.meeting == loads(STATE, "giao-ban.yaml")
    assert checked.document is not None
    assert "2.450 triệu đồng" in text_of(checked.document.body)


def test_the_tree_it_hands_back_renders_as_the_meeting_would() -> None:
    checked = check_text(STATE)
    assert checked.meeting is not None and checked.document is not None
    renderer = Renderer()
    from_check = renderer.render_document(checked.document, "docx")
    from_meeting = renderer.render_docx(checked.meeting)
    assert _paragraphs(from_check) == _paragraphs(from_meeting)
    assert "Cuộc họp giao ban công tác tháng 8 năm 2025" in _paragraphs(from_check)


def _paragraphs(docx_bytes: bytes) -> list[str]:
    import io

    import docx

    return [paragraph.text for paragraph in docx.Document(io.BytesIO(docx_bytes)).paragraphs]


def test_an_invalid_text_comes_back_without_a_meeting() -> None:
    checked = check_text(STATE.replace("{{ data.thu_ngan_sach", "{{ data.khong_co"))
    assert [problem.field for problem in checked.problems] == ["agenda[1].content"]
    assert checked.meeting is None and checked.document is None


def test_the_limits_bound_what_is_read() -> None:
    checked = check_text(STATE, limits=Limits(max_bytes=100))
    assert checked.meeting is None
    assert [problem.message[:11] for problem in checked.problems] == ["Tệp quá lớn"]
