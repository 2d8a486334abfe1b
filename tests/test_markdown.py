"""Light Markdown in text fields → role paragraphs of the document tree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from minutes.markdown import to_inline, to_paragraphs
from minutes.tree import text_of


def paragraphs(text: str, **kwargs: str) -> list[tuple[str, str]]:
    """``(role, text)`` of each paragraph ``to_paragraphs`` makes of ``text``."""
    root = ET.fromstring(f"<div>{to_paragraphs(text, **kwargs)}</div>")
    assert all(p.tag == "p" for p in root)
    return [(p.get("class") or "", text_of(p)) for p in root]


def inline_tags(text: str) -> list[tuple[str, str]]:
    root = ET.fromstring(f"<div>{to_paragraphs(text)}</div>")
    return [(e.tag, text_of(e)) for e in root.iter() if e.tag in ("strong", "em")]


def test_plain_text_is_one_body_paragraph() -> None:
    assert paragraphs("Hội nghị thống nhất.") == [("body", "Hội nghị thống nhất.")]


def test_bold_and_italic() -> None:
    assert inline_tags("Đồng chí **Nguyễn Đình Khang** kết luận *nhất trí*.") == [
        ("strong", "Nguyễn Đình Khang"),
        ("em", "nhất trí"),
    ]
    assert paragraphs("Đồng chí **Nguyễn Đình Khang** kết luận.") == [
        ("body", "Đồng chí Nguyễn Đình Khang kết luận.")
    ]


def test_underscore_emphasis_and_nesting() -> None:
    assert inline_tags("__đậm__ và _nghiêng_") == [("strong", "đậm"), ("em", "nghiêng")]
    root = ET.fromstring(f"<div>{to_paragraphs('***cả hai***')}</div>")
    (p,) = root
    assert text_of(p) == "cả hai"
    assert {e.tag for e in p.iter()} >= {"strong", "em"}


def test_bullet_list_keeps_its_dash() -> None:
    text = "Các ý kiến:\n- vấn đề môi trường;\n- vấn đề vốn."
    assert paragraphs(text) == [
        ("body", "Các ý kiến:"),
        ("list-item", "- vấn đề môi trường;"),
        ("list-item", "- vấn đề vốn."),
    ]


@pytest.mark.parametrize("bullet", ["*", "+"])
def test_other_bullets_are_written_as_a_dash(bullet: str) -> None:
    assert paragraphs(f"{bullet} một\n{bullet} hai") == [
        ("list-item", "- một"),
        ("list-item", "- hai"),
    ]


def test_numbered_list_keeps_its_numbers() -> None:
    assert paragraphs("1. thứ nhất;\n2. thứ hai.") == [
        ("list-item", "1. thứ nhất;"),
        ("list-item", "2. thứ hai."),
    ]


def test_numbered_list_starts_where_the_clerk_started() -> None:
    assert paragraphs("3. ba;\n4. bốn.") == [("list-item", "3. ba;"), ("list-item", "4. bốn.")]


def test_numbered_list_with_a_parenthesis_keeps_it() -> None:
    """A clerk who types ``1)`` sees ``1)``, not ``1.``: lists keep their visible marker."""
    assert paragraphs("1) thứ nhất;\n2) thứ hai.") == [
        ("list-item", "1) thứ nhất;"),
        ("list-item", "2) thứ hai."),
    ]


def test_bold_inside_a_list_item() -> None:
    root = ET.fromstring(f"<div>{to_paragraphs('- giao **Sở Công Thương** chủ trì;')}</div>")
    (item,) = root
    assert item.get("class") == "list-item"
    assert text_of(item) == "- giao Sở Công Thương chủ trì;"
    assert [text_of(s) for s in item.iter("strong")] == ["Sở Công Thương"]


def test_each_line_is_a_paragraph() -> None:
    assert paragraphs("Dòng một.\nDòng hai.\n\nĐoạn mới.") == [
        ("body", "Dòng một."),
        ("body", "Dòng hai."),
        ("body", "Đoạn mới."),
    ]


def test_emphasis_over_a_line_break_is_closed_and_reopened() -> None:
    fragment = to_paragraphs("*nghiêng một\nnghiêng hai*")
    root = ET.fromstring(f"<div>{fragment}</div>")
    assert [(p.get("class"), [text_of(e) for e in p.iter("em")]) for p in root] == [
        ("body", ["nghiêng một"]),
        ("body", ["nghiêng hai"]),
    ]


def test_blank_text_makes_no_paragraph() -> None:
    assert paragraphs("") == []
    assert paragraphs("  \n\n ") == []


@pytest.mark.parametrize(
    "text",
    [
        "<b>không đậm</b> & <i>không nghiêng</i>",
        "<script>alert(1)</script>",
        "<!-- ghi chú --> ]]> &amp; &lt;",
        '<p class="org">giả mạo</p>',
    ],
)
def test_raw_html_stays_text(text: str) -> None:
    assert paragraphs(text) == [("body", text)]
    root = ET.fromstring(f"<div>{to_paragraphs(text)}</div>")
    assert [e.tag for e in root.iter()] == ["div", "p"]


@pytest.mark.parametrize(
    "text",
    ["# Không phải tiêu đề", "> không phải trích dẫn", "`không phải mã`", "[liên kết](http://x)"],
)
def test_other_markdown_stays_as_typed(text: str) -> None:
    assert paragraphs(text) == [("body", text)]


def test_roles_can_be_chosen() -> None:
    assert paragraphs("a\n- b", role="heading-3", list_role="body") == [
        ("heading-3", "a"),
        ("body", "- b"),
    ]


def test_inline_has_no_paragraphs() -> None:
    fragment = str(to_inline("**Nộp ngân sách** <năm> 2017"))
    root = ET.fromstring(f"<p>{fragment}</p>")
    assert text_of(root) == "Nộp ngân sách <năm> 2017"
    assert [e.tag for e in root.iter()] == ["p", "strong"]
