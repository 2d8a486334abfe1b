"""The JSON Schema of the meeting file, in Vietnamese, for editors that check YAML as it is typed.

VS Code with Red Hat's YAML extension reads a JSON Schema named in the file's first line
(``# yaml-language-server: $schema=…``) and then completes field names, shows each field's
description on hover, and underlines a typo or a missing field before the clerk ever runs the
tool. The schema is generated from the model (:meth:`Minutes.model_json_schema`), so it cannot
drift from what the loader accepts, and then adjusted where pydantic cannot see the model's
"before" validators or where editors differ from pydantic:

* titles and descriptions come from :data:`FIELDS` and :data:`MODELS`, in Vietnamese, because the
  clerks read them (the model's own docstrings are for programmers);
* a person may be written as a plain line of text (a group: "Lãnh đạo các sở, ban, ngành");
* ``votes`` may be one vote or a list of them;
* dates and times are plain YAML text checked by a pattern: JSON Schema's ``date-time`` format
  wants ``2018-03-07T08:00:00``, which nobody writes in a meeting file;
* a ``$ref`` never has siblings (they are ignored by draft-07 tools such as the YAML extension):
  it is wrapped in ``allOf`` where a title is added.

``docs/minutes.schema.json`` is this schema, committed; a test keeps it equal to the output of
``minutes schema``.
"""

from __future__ import annotations

import json
from typing import Any

from minutes.model import Minutes

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILE_NAME = "minutes.schema.json"

MODELS: dict[str, tuple[str, str]] = {
    "Minutes": (
        "Biên bản",
        "Dữ liệu của một cuộc họp, hội nghị và biên bản của nó. Mỗi trường một dòng "
        "`tên: giá trị`; dòng bắt đầu bằng `#` là ghi chú.",
    ),
    "Organization": ("Cơ quan ban hành", "Cơ quan, tổ chức ghi biên bản và cơ quan cấp trên."),
    "Person": (
        "Người",
        "Một người, ghi `name` (họ và tên) và `position` (chức vụ); hoặc một dòng chữ chỉ một "
        "nhóm người, ví dụ `Lãnh đạo các sở, ban, ngành liên quan`.",
    ),
    "AbsentPerson": (
        "Người vắng mặt",
        "Một thành viên vắng mặt: họ và tên, chức vụ và lý do vắng mặt (nếu có).",
    ),
    "Figure": ("Chỉ tiêu", "Một dòng của bảng số liệu: tên chỉ tiêu, số liệu, đơn vị tính."),
    "Vote": (
        "Biểu quyết",
        "Kết quả biểu quyết một vấn đề: số tán thành, không tán thành, không biểu quyết.",
    ),
    "AgendaItem": (
        "Vấn đề",
        "Một vấn đề trong nội dung cuộc họp, theo thứ tự diễn biến.",
    ),
}
"""Vietnamese title and description of each model (by its class name)."""

_TEXT = " Viết được **chữ đậm**, *chữ nghiêng*, dòng bắt đầu bằng `- ` là một ý."
_EXPR = " Số liệu viết `{{ data.ten | bộ lọc }}`, ví dụ `{{ data.doanh_thu | money('tỷ đồng') }}`."

FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "Minutes": {
        "profile": (
            "Thể thức",
            "`state`: văn bản hành chính nhà nước (Nghị định 30/2020/NĐ-CP, Mẫu 1.9); "
            "`party`: văn bản của Đảng (Hướng dẫn 36-HD/VPTW).",
        ),
        "organization": (
            "Cơ quan ban hành",
            "Cơ quan, tổ chức ghi biên bản (`name`) và cơ quan "
            "chủ quản hoặc cấp ủy cấp trên (`parent`).",
        ),
        "number": (
            "Số biên bản",
            "Số thứ tự của biên bản, ví dụ `5`. Bỏ trống để văn thư điền tay.",
        ),
        "symbol": (
            "Ký hiệu",
            "Ký hiệu biên bản, không có dấu cách: `BB-UBND` (Nhà nước), `BB/TU` (Đảng).",
        ),
        "place": (
            "Địa danh",
            "Nơi ban hành, in trước ngày tháng, ví dụ `Thái Bình`. Bắt buộc với thể thức Đảng.",
        ),
        "date": ("Ngày ghi biên bản", "Dạng NĂM-THÁNG-NGÀY, ví dụ `2018-03-07`."),
        "title": (
            "Trích yếu",
            "Tên cuộc họp, hội nghị, ví dụ `Hội nghị Ban Thường vụ lần thứ 100`.",
        ),
        "kind": (
            "Loại cuộc họp",
            "Cách gọi trong biên bản: `cuộc họp`, `hội nghị`, `phiên họp`… Mặc định: `cuộc họp` "
            "(Nhà nước), `hội nghị` (Đảng).",
        ),
        "start": (
            "Thời gian bắt đầu",
            "Dạng NĂM-THÁNG-NGÀY GIỜ:PHÚT, ví dụ `2018-03-07 08:00`.",
        ),
        "end": (
            "Thời gian kết thúc",
            'Giờ kết thúc cùng ngày, trong ngoặc kép, ví dụ `"11:30"`; hoặc ngày giờ đầy đủ '
            "`2018-03-07 11:30`.",
        ),
        "location": ("Địa điểm", "Nơi họp, ví dụ `Trụ sở Tỉnh ủy Thái Bình`."),
        "chair": ("Chủ trì (chủ tọa)", "Người chủ trì: `name` (họ và tên), `position` (chức vụ)."),
        "secretary": (
            "Thư ký (người ghi biên bản)",
            "Người ghi biên bản: `name` (họ và tên), `position` (chức vụ).",
        ),
        "members_label": (
            "Tên gọi thành viên",
            "Dùng trong thể thức Đảng, ví dụ `Ủy viên Ban Thường vụ Tỉnh ủy`. "
            "Mặc định: `Thành viên`.",
        ),
        "attendees": (
            "Thành phần có mặt",
            "Danh sách người có mặt, mỗi người một dòng bắt đầu bằng `- `.",
        ),
        "absent": ("Vắng mặt", "Danh sách thành viên vắng mặt, có thể ghi lý do (`reason`)."),
        "members_present": (
            "Số thành viên có mặt",
            "Ghi khi danh sách có mặt không kể tên từng người. Mặc định: đếm theo danh sách.",
        ),
        "members_total": (
            "Tổng số thành viên",
            "Số thành viên được triệu tập, để ghi `có mặt 15/17`. Mặc định: có mặt + vắng mặt.",
        ),
        "invited": ("Khách mời", "Đại biểu mời dự, mỗi người hoặc mỗi nhóm một dòng."),
        "documents": ("Tài liệu", "Tài liệu sử dụng tại cuộc họp, mỗi tài liệu một dòng."),
        "agenda": (
            "Nội dung",
            "Các vấn đề theo diễn biến cuộc họp; mỗi vấn đề bắt đầu bằng `- title:`.",
        ),
        "closing": (
            "Phần kết",
            "Đoạn văn trước dòng kết thúc, ví dụ việc đọc lại biên bản." + _TEXT,
        ),
        "recipients": (
            "Nơi nhận",
            "Mỗi nơi nhận một dòng. Dòng lưu (`Lưu: VT, Hồ sơ.`) được thêm tự động.",
        ),
        "data": (
            "Số liệu",
            "Số liệu đặt tên, dùng lại trong nội dung: `{{ data.ten }}`. Số viết liền, không "
            "dấu phân cách, ví dụ `doanh_thu: 12181000000000`.",
        ),
    },
    "Organization": {
        "name": (
            "Tên cơ quan",
            "Tên cơ quan, tổ chức ghi biên bản. Viết `\\n` trong ngoặc kép để xuống dòng.",
        ),
        "parent": ("Cơ quan cấp trên", "Cơ quan chủ quản hoặc cấp ủy cấp trên (nếu có)."),
    },
    "Person": {
        "name": ("Họ và tên", "Họ và tên, ví dụ `Nguyễn Văn An`."),
        "position": ("Chức vụ", "Chức vụ, ví dụ `Chủ tịch Ủy ban nhân dân xã`."),
        "line": (
            "Dòng chữ",
            "Một dòng chữ thay cho họ tên, chỉ một nhóm người. Thường viết thẳng `- Lãnh đạo …`.",
        ),
    },
    "AbsentPerson": {
        "name": ("Họ và tên", "Họ và tên người vắng mặt."),
        "position": ("Chức vụ", "Chức vụ người vắng mặt."),
        "line": ("Dòng chữ", "Một dòng chữ chỉ một nhóm người vắng mặt."),
        "reason": ("Lý do vắng mặt", "Ví dụ `đi công tác`, `có lý do`."),
    },
    "Figure": {
        "label": ("Chỉ tiêu", "Tên chỉ tiêu, ví dụ `Doanh thu năm 2017`."),
        "value": ("Số liệu", "Số (dùng dấu chấm cho phần thập phân, ví dụ `317.35`) hoặc chữ."),
        "unit": ("Đơn vị tính", 'Ví dụ `tỷ đồng`, `ha`, `người`, `"%"`.'),
    },
    "Vote": {
        "question": ("Nội dung biểu quyết", "Ví dụ `thông qua kế hoạch`."),
        "for": ("Tán thành", "Số người tán thành."),
        "against": ("Không tán thành", "Số người không tán thành. Mặc định: 0."),
        "abstain": ("Không biểu quyết", "Số người không biểu quyết. Mặc định: 0."),
    },
    "AgendaItem": {
        "title": ("Tên vấn đề", "Tên vấn đề được trình bày, thảo luận."),
        "presenter": (
            "Người trình bày",
            "Người hoặc cơ quan trình bày: `name` và `position`, hoặc một dòng chữ.",
        ),
        "content": ("Nội dung trình bày", "Nội dung chính của vấn đề." + _TEXT + _EXPR),
        "figures": ("Bảng số liệu", "Các dòng của bảng số liệu: `label`, `value`, `unit`."),
        "figures_caption": ("Dòng dẫn bảng số liệu", "Dòng chữ in ngay trước bảng số liệu."),
        "discussion": ("Ý kiến thảo luận", "Ý kiến của các đại biểu." + _TEXT + _EXPR),
        "conclusion": ("Kết luận", "Kết luận của người chủ trì." + _TEXT + _EXPR),
        "votes": (
            "Biểu quyết",
            "Một biểu quyết (`question`, `for`, `against`, `abstain`) hoặc danh sách biểu quyết.",
        ),
    },
}
"""Vietnamese title and description of every field, by model class name and YAML name."""

_DATE = r"^\d{4}-\d{1,2}-\d{1,2}$"
_TIME = r"^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$"
_DATETIME = (
    r"^\d{4}-\d{1,2}-\d{1,2}([Tt ]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?)?$"
)
_FORMATS = {
    "date": {"type": "string", "pattern": _DATE, "examples": ["2025-10-31"]},
    "date-time": {"type": "string", "pattern": _DATETIME, "examples": ["2025-10-31 08:00"]},
    "time": {"type": "string", "pattern": _TIME, "examples": ["11:30"]},
}
_PEOPLE = ("Person", "AbsentPerson")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the meeting file, with Vietnamese titles and descriptions."""
    raw = Minutes.model_json_schema(by_alias=True)
    definitions: dict[str, Any] = raw.pop("$defs", {})
    definitions["Minutes"] = raw
    for name, model in definitions.items():
        _describe_model(name, model)
    root = definitions.pop("Minutes")
    schema: dict[str, Any] = {"$schema": SCHEMA_DIALECT}
    schema.update(root)
    schema["$defs"] = dict(sorted(definitions.items()))
    schema["allOf"] = [_PARTY_NEEDS_PLACE]
    rewritten: dict[str, Any] = _rewrite(schema)
    return rewritten


_PARTY_NEEDS_PLACE = {
    "if": {"properties": {"profile": {"const": "party"}}, "required": ["profile"]},
    "then": {"required": ["place"], "properties": {"place": {"type": "string", "minLength": 1}}},
}
"""The model's own check that a Party document names its place (HD 36-HD/VPTW), as a schema rule,
so editors and API clients see it too. The other checks across fields (end after start, counts
within the total) have no schema form; the validator reports them."""


def schema_text() -> str:
    """:func:`json_schema` as the text written to ``docs/minutes.schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _describe_model(name: str, model: dict[str, Any]) -> None:
    if name not in MODELS or name not in FIELDS:
        raise KeyError(f"no Vietnamese title for the model {name}: add it to minutes/schema.py")
    title, description = MODELS[name]
    rest = {k: v for k, v in model.items() if k not in ("title", "description")}
    model.clear()
    model.update({"title": title, "description": description, **rest})
    properties: dict[str, Any] = model.get("properties", {})
    known = FIELDS[name]
    missing = sorted(set(properties) - set(known))
    if missing:
        raise KeyError(f"no Vietnamese title for {name}.{missing}: add it to minutes/schema.py")
    for field, node in properties.items():
        node.pop("title", None)
        if "$ref" in node:
            node["allOf"] = [{"$ref": node.pop("$ref")}]
        field_title, field_description = known[field]
        properties[field] = {"title": field_title, "description": field_description, **node}
    if name in _PEOPLE:  # the model's own check: a person needs a name, or is a line of text
        model["anyOf"] = [{"required": ["name"]}, {"required": ["line"]}]
    if name == "AgendaItem":
        votes = properties["votes"]
        item = votes.pop("items")
        del votes["type"]
        votes["anyOf"] = [{"type": "array", "items": item}, item]


def _rewrite(node: Any) -> Any:
    """Dates and times as patterns; people also as plain lines of text."""
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    if not isinstance(node, dict):
        return node
    fmt = node.get("format")
    if fmt in _FORMATS and node.get("type") == "string":
        rest = {k: v for k, v in node.items() if k not in ("format", "type")}
        return {**rest, **_FORMATS[fmt]}
    reference = node.get("$ref", "")
    if len(node) == 1 and reference.rsplit("/", 1)[-1] in _PEOPLE:
        return {"anyOf": [{"type": "string", "minLength": 1}, {"$ref": reference}]}
    return {key: _rewrite(value) for key, value in node.items()}
