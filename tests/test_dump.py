"""Meeting data back to YAML (:mod:`minutes.dump`): what the web form saves must read back as the
same meeting, and read like a file a person wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import minutes
from minutes.dump import HEADER, dumps
from minutes.load import parse


def round_trip(data: dict[str, Any]) -> Any:
    return parse(dumps(data)).data


def test_every_example_reads_back_as_the_same_meeting(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    written = dumps(parse(text, str(example)).data, header=HEADER)
    assert minutes.loads(written, "saved").model_dump() == minutes.loads(text).model_dump()


def test_fields_keep_their_order(example: Path) -> None:
    data = parse(example.read_text(encoding="utf-8")).data
    written = dumps(data)
    top_level = [line.split(":")[0] for line in written.splitlines() if line[:1].isalpha()]
    assert top_level == list(data)


def test_multi_line_text_is_a_literal_block() -> None:
    text = "Đoạn thứ nhất.\nĐoạn thứ hai có **chữ đậm**.\n- ý một\n- ý hai"
    lines = dumps({"closing": text}).splitlines()
    assert lines[0] in ("closing: |", "closing: |-")  # with or without its final line end
    assert lines[1:] == [
        "  Đoạn thứ nhất.",
        "  Đoạn thứ hai có **chữ đậm**.",
        "  - ý một",
        "  - ý hai",
    ]
    assert round_trip({"closing": text})["closing"].rstrip("\n") == text


def test_multi_line_text_in_a_list_is_a_literal_block() -> None:
    written = dumps({"agenda": [{"title": "Một", "content": "Dòng 1\nDòng 2\n"}]})
    assert "content: |" in written
    assert "Dòng 1\\n" not in written
    assert round_trip({"agenda": [{"content": "Dòng 1\nDòng 2\n"}]}) == {
        "agenda": [{"content": "Dòng 1\nDòng 2\n"}]
    }


@pytest.mark.parametrize("text", ["dòng 1\ndòng 2", "dòng 1\ndòng 2\n\n"])
def test_multi_line_text_keeps_its_final_line_ends(text: str) -> None:
    meeting = {"data": {"ghi_chu": text}}
    assert round_trip(meeting) == meeting


def test_a_time_is_quoted_for_every_yaml_reader() -> None:
    written = dumps({"end": "11:30", "start": "2018-03-07 08:00"})
    assert 'end: "11:30"' in written.splitlines()
    assert round_trip({"end": "11:30"}) == {"end": "11:30"}
    # a YAML 1.1 reader (PyYAML, older tools) takes a bare 11:30 as the number 690
    old_reader = YAML(typ="safe", pure=True)
    old_reader.version = (1, 1)
    assert old_reader.load("end: 11:30")["end"] == 690  # what the quotes are for
    assert old_reader.load(written)["end"] == "11:30"


def test_vietnamese_letters_are_written_as_letters() -> None:
    data = {"title": "Hội nghị Ban Thường vụ Tỉnh ủy", "location": "Trụ sở Đảng ủy"}
    written = dumps(data)
    assert "Hội nghị Ban Thường vụ Tỉnh ủy" in written
    assert "Trụ sở Đảng ủy" in written
    assert "\\u" not in written and "\\x" not in written
    assert round_trip(data) == data


def test_the_header_comes_first() -> None:
    written = dumps({"profile": "state", "title": "Họp"}, header=HEADER)
    lines = written.splitlines()
    assert lines[0] == HEADER.rstrip("\n")
    assert lines[0].startswith("# ")
    assert lines[1:] == ["profile: state", "title: Họp"]
    assert parse(written).data == {"profile": "state", "title": "Họp"}


def test_no_header_unless_given() -> None:
    assert dumps({"profile": "party"}) == "profile: party\n"


@pytest.mark.parametrize(
    "text",
    [
        "dòng có dấu cách cuối  \ndòng sau",
        "  thụt lề đầu\ndòng sau",
        "cột 1\tcột 2  \n",
        "a\x0bb\nc",  # Word's line break, shielded by the loader
    ],
)
def test_text_a_literal_block_cannot_hold_stays_exact(text: str) -> None:
    assert round_trip({"data": {"x": text}}) == {"data": {"x": text}}


@pytest.mark.parametrize(
    "value",
    ["100", "true", "yes", "null", "2018-03-07", "1e3", "- dấu gạch", "a: b", "#1", "", "'", '"'],
)
def test_text_that_looks_like_something_else_stays_text(value: str) -> None:
    assert round_trip({"data": {"x": value}}) == {"data": {"x": value}}


def test_numbers_and_yes_no_keep_their_type() -> None:
    data = {"data": {"a": 12000, "b": 317.35, "c": True, "d": None, "e": [1, "2"], "f": {"g": 1}}}
    assert round_trip(data) == data
