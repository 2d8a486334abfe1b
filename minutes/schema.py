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
* ``votes``, ``chair``, ``secretary``, ``presenter`` may be one item or a list of them;
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
from minutes.profiles import families, profile_names, resolve
from minutes.schema_fields import FIELDS, MODELS

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILE_NAME = "minutes.schema.json"

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
_AS_TEXT = (*_PEOPLE, "Column")
"""Models a file may write as one line of text (a group line; a column's title)."""
ONE_OR_MANY = {
    "Minutes": ("chair", "secretary"),
    "AgendaItem": ("presenter", "votes"),
    "Session": ("chair",),
}
"""Fields that take one item or a list of them (:func:`minutes.model.text.one_or_many`)."""


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
    _name_the_profiles(schema)
    rewritten: dict[str, Any] = _rewrite(schema)
    return rewritten


def _name_the_profiles(schema: dict[str, Any]) -> None:
    """``profile``: the names there are (read from the profile files, so an office's own are
    offered on its computers), or a profile file; and the check that a layout printing the place
    and date has ``place``, as a schema rule, so editors and API clients see it too. The other
    checks across fields (end after start, counts within the total) have no schema form; the
    validator reports them."""
    names = profile_names()
    node = schema["properties"]["profile"]
    for key in ("type", "minLength", "maxLength", "pattern"):
        node.pop(key, None)
    node["anyOf"] = [
        {"enum": names},
        {"type": "string", "pattern": r"\.[Yy][Aa]?[Mm][Ll]$"},
    ]
    printing_place = [name for name in names if _prints_place(name)]
    schema["allOf"] = [
        {
            "if": {
                "properties": {"profile": {"enum": printing_place}},
                "required": ["profile"],
                "not": {"properties": {"place_date": {"const": False}}, "required": ["place_date"]},
            },
            "then": {
                "required": ["place"],
                "properties": {"place": {"type": "string", "minLength": 1}},
            },
        }
    ]


def _prints_place(name: str) -> bool:
    """Whether every profile ``name`` may stand for prints the place and date line."""
    members = families().get(name) or [resolve(name)]
    return all(member.wording.show_place_date for member in members)


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
    for field in ONE_OR_MANY.get(name, ()):
        node = properties[field]
        item = node.pop("items")
        del node["type"]
        node["anyOf"] = [{"type": "array", "items": item}, item]


def _rewrite(node: Any) -> Any:
    """Dates and times as patterns; people also as plain lines of text."""
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    if not isinstance(node, dict):
        return node
    fmt = node.get("format")
    if isinstance(fmt, str) and fmt in _FORMATS and node.get("type") == "string":
        rest = {k: v for k, v in node.items() if k not in ("format", "type")}
        return {**rest, **_FORMATS[fmt]}
    reference = node.get("$ref", "")
    if len(node) == 1 and reference.rsplit("/", 1)[-1] in _AS_TEXT:
        return {"anyOf": [{"type": "string", "minLength": 1}, {"$ref": reference}]}
    return {key: _rewrite(value) for key, value in node.items()}
