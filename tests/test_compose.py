"""Compose: meeting + profile → the document tree (roles and text only)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FLAGSHIP, MINIMAL_STATE, read_yaml, tree_paragraphs
from hypothesis import given, settings
from hypothesis import strategies as st

import minutes
from minutes import InternalError, TemplateDataError
from minutes.compose import compose
from minutes.profiles import ROLES, load_profile
from minutes.tree import GROUPS, Metadata, parse_tree, text_of

_STATE = read_yaml(MINIMAL_STATE)

pytestmark = pytest.mark.usefixtures("english")


def compose_data(data: dict[str, Any], source: str = "x.json") -> minutes.Minutes:
    return minutes.loads(json.dumps(data, ensure_ascii=False, indent=1), source)


def roles_in(document) -> set[str]:
    return {role for role, _text, _element in tree_paragraphs(document)}


def texts(document, role: str | None = None) -> list[str]:
    return [" ".join(t.split()) for r, t, _e in tree_paragraphs(document) if role in (None, r)]


def all_text(document) -> str:
    return "\n".join(texts(document))


# -- structure ----------------------------------------------------------------------------------


def test_every_paragraph_has_a_known_role(source: Path, outputs) -> None:
    document = outputs.document(source)
    for element in document.body.iter():
        for name in element.get("class", "").split():
            assert name in ROLES or name in GROUPS
        if element.tag == "p":
            assert element.get("class") in ROLES


def test_tree_roles_per_profile(outputs, source: Path) -> None:
    document = outputs.document(source)
    found = roles_in(document)
    common = {
        "org",
        "number",
        "national-title",
        "doc-kind",
        "trich-yeu",
        "body",
        "signer-title",
        "signer-name",
    }
    assert common <= found
    assert "page-number" not in found  # the page number lives in the page, not the text
    m = outputs.minutes(source)
    if m.recipients or document.profile.wording.recipients_always:
        assert {"recipients-heading", "recipients-item"} <= found
    else:  # no "Nơi nhận:" without a recipient where the profile allows it
        assert not found & {"recipients-heading", "recipients-item"}
    # the model's instructions ("(Chữ ký)" …) are not printed unless the file asks for a note
    assert ("signer-note" in found) == any(s.note for s in m.signatures)
    if document.profile.id == "state":
        assert "motto" in found
        assert not found & {"org-mark", "title-mark", "place-date"}
    else:
        assert {"org-mark", "title-mark", "place-date"} <= found
        assert "motto" not in found


def test_header_and_signature_groups(outputs, source: Path) -> None:
    body = outputs.document(source).body
    header = body.find(".//table[@class='header']")
    assert header is not None
    left = {p.get("class") for p in header.iterfind(".//td[@class='header-left']/p")}
    right = {p.get("class") for p in header.iterfind(".//td[@class='header-right']/p")}
    assert {"org", "number"} <= left
    assert "national-title" in right
    signatures = body.find(".//table[@class='signatures']")
    assert signatures is not None
    names = [text_of(p) for p in signatures.iterfind(".//p[@class='signer-name']")]
    m = outputs.minutes(source)
    assert names == [m.secretary[0].name, m.chairs[0].name]


def test_document_order(outputs, source: Path) -> None:
    order = [r for r, _t, _e in tree_paragraphs(outputs.document(source))]
    assert order.index("org") < order.index("doc-kind") < order.index("trich-yeu")
    assert order.index("trich-yeu") < order.index("body")
    last_body = len(order) - 1 - order[::-1].index("body")
    assert last_body < order.index("signer-title")
    if "recipients-heading" in order:
        assert order.index("signer-title") < order.index("recipients-heading")


def test_metadata(outputs, source: Path) -> None:
    document = outputs.document(source)
    m = outputs.minutes(source)
    assert document.metadata.author == " ".join(m.organization.name.split())
    assert " ".join(m.title.split()) in document.metadata.title
    assert "\n" not in document.metadata.title
    assert document.metadata.language == "vi"


# -- the flagship's text ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def flagship_text(outputs) -> str:
    return all_text(outputs.document(FLAGSHIP))


@pytest.mark.parametrize(
    "expected",
    [
        "Số 100-BB/TU",
        "Thái Bình, ngày 07 tháng 3 năm 2018",
        "12.181 tỷ đồng",
        "317,35 tỷ đồng",
        "59,7%",
        "7.295",
        "3,7 triệu đồng",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "có mặt 15/17 đồng chí",
        "ngày 17/7/2015",
        "bắt đầu vào hồi 8 giờ 00 phút, ngày 07 tháng 3 năm 2018",
        "kết thúc vào hồi 11 giờ 30 phút cùng ngày",
    ],
)
def test_flagship_text(flagship_text: str, expected: str) -> None:
    assert expected in flagship_text


def test_flagship_roles_hold_the_right_text(outputs) -> None:
    document = outputs.document(FLAGSHIP)
    assert texts(document, "number") == ["Số 100-BB/TU"]
    assert texts(document, "place-date") == ["Thái Bình, ngày 07 tháng 3 năm 2018"]
    assert texts(document, "org") == ["Tỉnh ủy Thái Bình"]  # upper case is the writers' job
    assert texts(document, "org-mark") == ["*"]
    assert texts(document, "doc-kind") == ["BIÊN BẢN"]
    assert texts(document, "trich-yeu") == ["Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100"]
    assert texts(document, "signer-title") == ["NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"]
    assert texts(document, "recipients-heading") == ["Nơi nhận:"]
    assert texts(document, "recipients-item")[-1].startswith("- Lưu")


def test_minimal_state_text(outputs) -> None:
    document = outputs.document(MINIMAL_STATE)
    assert texts(document, "number") == ["Số: 05/BB-UBND"]
    assert texts(document, "motto") == ["Độc lập - Tự do - Hạnh phúc"]
    assert texts(document, "parent-org") == ["Ủy ban nhân dân thành phố Hà Nội"]
    assert texts(document, "heading-1") == ["I. Kết quả thu ngân sách tháng 7"]
    text = all_text(document)
    assert "Thời gian bắt đầu: 8 giờ 00 phút, ngày 12 tháng 8 năm 2025." in text
    assert "2.450 triệu đồng" in text
    assert texts(document, "recipients-item")[-1] == "- Lưu: VT, Hồ sơ."


def test_number_left_blank_in_the_tree(meeting) -> None:
    data = meeting("state")
    del data["number"]
    document = compose(compose_data(data))
    (number,) = texts(document, "number")
    assert number.startswith("Số:") and number.endswith("/BB-UBND")
    assert not any(ch.isdigit() for ch in number)


# -- {{ … }} inside the data ----------------------------------------------------------------------


def with_content(meeting, content: str, **data: Any) -> dict[str, Any]:
    d = meeting("state")
    d["data"].update(data)
    d["agenda"][0]["content"] = content
    return d


def body_text(document) -> str:
    return all_text(document)


def test_money_filter_in_data(meeting) -> None:
    d = with_content(meeting, "Doanh thu {{ data.x | money('tỷ đồng') }}.", x=12181000000000)
    assert "Doanh thu 12.181 tỷ đồng." in body_text(compose(compose_data(d)))


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("{{ data.x | number }}", "7.295"),
        ("{{ data.y | percent }}", "59,7%"),
        ("{{ data.d | date }}", "ngày 07 tháng 3 năm 2018"),
        ("{{ data.m | money('triệu đồng') }}", "3,7 triệu đồng"),
        ("{{ data.m | money('triệu đồng') }}/người/tháng", "3,7 triệu đồng/người/tháng"),
        ("{{ title }}", "Cuộc họp giao ban công tác tháng 8 năm 2025"),
    ],
)
def test_formatting_filters_in_data(meeting, expression: str, expected: str) -> None:
    d = with_content(meeting, f"A {expression} B", x=7295, y=59.7, d="2018-03-07", m=3700000)
    assert f"A {expected} B" in body_text(compose(compose_data(d)))


def _problem_of(meeting, content: str) -> Any:
    d = with_content(meeting, content, x=1)
    text = json.dumps(d, ensure_ascii=False, indent=1)
    m = minutes.loads(text, "x.json")
    with pytest.raises(TemplateDataError) as caught:
        compose(m)
    (problem,) = caught.value.problems
    return problem, text


@pytest.mark.parametrize(
    "content",
    [
        "{{ ''.__class__ }}",
        "{{ data.x.__class__.__mro__ }}",
        "{{ data['__class__'] }}",
        "{% include 'bien-ban.xhtml.j2' %}",
        "{% import 'bien-ban.xhtml.j2' as t %}",
        "{% for i in data %}{{ i }}{% endfor %}",
        "{% set y = 1 %}",
        "{{ data.x() }}",
        "{{ data.items() }}",
        "{{ data.x | attr('real') }}",
        "{{ data.x | nope }}",
        "{{ nothing }}",
        "{{ data.nothing }}",
        "{{ range(10) }}",
        "{{ data.x ** 2 }}",
        "{{ data.x",
    ],
)
def test_unsafe_or_unknown_expressions_are_refused(meeting, content: str) -> None:
    problem, text = _problem_of(meeting, f"Số liệu: {content}.")
    assert problem.field == "agenda[1].content"
    assert problem.file == "x.json"
    assert problem.line is not None
    assert problem.line == next(
        n for n, line in enumerate(text.splitlines(), 1) if '"content"' in line
    )


def test_jinja_globals_are_unknown_names(meeting) -> None:
    """Only ``data`` and the meeting's fields are names; Jinja's own globals (which print as
    ``<function generate_lorem_ipsum at 0x…>``) must be unknown names too."""
    printed = []
    for name in ("lipsum", "cycler", "joiner", "namespace", "dict", "range", "self"):
        d = with_content(meeting, f"Số liệu: {{{{ {name} }}}}.")
        try:
            document = compose(compose_data(d))
        except TemplateDataError as error:
            assert error.problems[0].field == "agenda[1].content"
        else:
            printed.extend(t for t in texts(document) if t.startswith("Số liệu"))
    assert not printed, printed


def test_text_repetition_is_refused(meeting) -> None:
    """``{{ 'ab' * 1000000 }}`` would let a few bytes of data become megabytes (or, with a
    bigger number, exhaust the memory of a host rendering for others)."""
    d = with_content(meeting, "Số liệu: {{ 'ab' * 1000000 }}.")
    with pytest.raises(TemplateDataError):
        compose(compose_data(d))


def test_unknown_filter_names_the_filter(meeting) -> None:
    problem, _text = _problem_of(meeting, "{{ data.x | nope }}")
    assert "nope" in problem.message


def test_markup_in_data_stays_text(meeting) -> None:
    d = meeting("state")
    d["organization"]["name"] = "Công ty <b>A</b> & B"
    d["title"] = "Họp về ]]> và <script>alert(1)</script>"
    d["agenda"][0]["content"] = "Nội dung <i>nghiêng</i> & ]]> <!-- x --> &amp;"
    d["recipients"] = ["Phòng <Kế hoạch> & Đầu tư"]
    document = compose(compose_data(d))
    assert texts(document, "org") == ["Công ty <b>A</b> & B"]
    assert texts(document, "trich-yeu") == ["Họp về ]]> và <script>alert(1)</script>"]
    assert "Nội dung <i>nghiêng</i> & ]]> <!-- x --> &amp;" in body_text(document)
    assert "- Phòng <Kế hoạch> & Đầu tư;" in texts(document, "recipients-item")
    assert document.body.find(".//b") is None and document.body.find(".//script") is None
    assert document.metadata.author == "Công ty <b>A</b> & B"


def test_markup_in_data_stays_text_in_both_outputs(meeting, tmp_path: Path) -> None:
    d = meeting("state")
    d["agenda"][0]["content"] = "Ký hiệu <b>đậm</b> & ]]> giữ nguyên."
    m = compose_data(d)
    pdf = tmp_path / "a.pdf"
    minutes.write(m, pdf)
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        text = " ".join(page.extract_text() for page in opened.pages)
    assert "Ký hiệu <b>đậm</b> & ]]> giữ nguyên." in " ".join(text.split())
    import io

    import docx

    document = docx.Document(io.BytesIO(minutes.render_docx(m)))
    assert any(p.text == "Ký hiệu <b>đậm</b> & ]]> giữ nguyên." for p in document.paragraphs)


_PLAIN_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=40
).filter(lambda t: t.strip() and not any(m in t for m in ("{{", "{%", "{#")))


@settings(max_examples=60, deadline=None)
@given(name=_PLAIN_TEXT, title=_PLAIN_TEXT)
def test_any_text_comes_out_as_the_same_text(name: str, title: str) -> None:
    """Whatever a clerk types in a text field is shown as typed (after the usual clean-up),
    never read as markup and never an error."""
    data = copy.deepcopy(_STATE)
    data["organization"]["name"] = name
    data["title"] = title
    try:
        m = compose_data(data)
    except minutes.InputError:
        return  # e.g. only spaces once cleaned: refused, with a message
    document = compose(m)
    assert texts(document, "org") == [" ".join(m.organization.name.split())]
    assert texts(document, "trich-yeu") == [" ".join(m.title.split())]


def test_markdown_in_content_becomes_roles(meeting) -> None:
    d = meeting("state")
    d["agenda"][0]["content"] = "Mở đầu **đậm**:\n- một;\n- hai.\n1. thứ nhất\n2. thứ hai"
    document = compose(compose_data(d))
    items = texts(document, "list-item")
    assert "- một;" in items and "- hai." in items
    assert "1. thứ nhất" in items and "2. thứ hai" in items
    strong = [text_of(e) for e in document.body.iter("strong")]
    assert "đậm" in strong


# -- the tree's vocabulary is closed ---------------------------------------------------------------

_META = Metadata(title="t", author="a", subject="s", keywords="k")


def test_parse_tree_accepts_known_roles() -> None:
    xhtml = '<html><body><p class="body">x</p><p class="org-mark">*</p></body></html>'
    document = parse_tree(xhtml, load_profile("party"), _META)
    assert [text_of(p) for p in document.body] == ["x", "*"]


@pytest.mark.parametrize(
    "xhtml",
    [
        '<html><body><p class="no-such-role">x</p></body></html>',
        '<html><body><p class="body heading-9">x</p></body></html>',
        "<html><body><p>x</p></body></html>",
        '<html><body><span class="body">x</span></body></html>',
        '<html><body><img src="x.png"/></body></html>',
        '<html><body><p class="body">x</body></html>',
    ],
)
def test_parse_tree_refuses_unknown_roles_and_tags(xhtml: str) -> None:
    with pytest.raises(InternalError):
        parse_tree(xhtml, load_profile("state"), _META)


def test_compose_in_another_profile(outputs) -> None:
    """The same meeting can be drawn in the other family's format (the tree follows the profile)."""
    m = outputs.minutes(FLAGSHIP)
    document = compose(m, load_profile("state"))
    assert "motto" in roles_in(document)
    assert "org-mark" not in roles_in(document)
