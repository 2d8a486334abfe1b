"""``minutes schema``: the JSON Schema editors use, generated from the model, committed in docs/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import (  # noqa: F401  (an autouse fixture)
    EXAMPLES,
    MINIMAL_PARTY,
    MINIMAL_STATE,
    ROOT,
    broken_copy,
    default_language,
    run_main,
)

import minutes
from minutes.load import parse
from minutes.schema import FIELDS, MODELS, json_schema, schema_text
from minutes.starter import starter, starters

jsonschema = pytest.importorskip("jsonschema")

COMMITTED = ROOT / "docs" / "minutes.schema.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def data_of(text: str, name: str) -> Any:
    """The file as an editor sees it: plain YAML data, dates and times as text."""
    return parse(text, name).data


def test_the_committed_schema_is_the_generated_one(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "schema")
    assert run.code == 0
    assert run.out == schema_text()
    assert COMMITTED.read_text(encoding="utf-8") == run.out, (
        "docs/minutes.schema.json is stale: run `minutes schema -o docs/minutes.schema.json`"
    )


def test_writes_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "minutes.schema.json"
    assert run_main(capsys, "schema", "-o", target).code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()


@pytest.mark.parametrize(
    "path", [*EXAMPLES, MINIMAL_STATE, MINIMAL_PARTY], ids=lambda p: Path(p).stem
)
def test_the_examples_satisfy_the_schema(validator: Any, path: Path) -> None:
    data = data_of(path.read_text(encoding="utf-8"), path.name)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors


@pytest.mark.parametrize("kind", ["state", "party", *sorted(starters())])
def test_the_starters_satisfy_the_schema(validator: Any, kind: str) -> None:
    data = data_of(starter(kind), f"{kind}.yaml")
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors


def test_the_schema_catches_what_the_loader_catches(validator: Any, tmp_path: Path) -> None:
    bad = broken_copy(MINIMAL_STATE, tmp_path / "bad.yaml")
    messages = [e.message for e in validator.iter_errors(data_of(bad.read_text(), "bad.yaml"))]
    assert any("'secetary' was unexpected" in m for m in messages), messages
    assert any("'secretary' is a required property" in m for m in messages), messages


@pytest.mark.parametrize("place", [None, "", "absent"])
def test_a_party_document_needs_its_place_in_the_schema_too(validator: Any, place: Any) -> None:
    party = data_of(MINIMAL_PARTY.read_text(encoding="utf-8"), "p.yaml")
    if place == "absent":
        del party["place"]
    else:
        party["place"] = place
    messages = [e.message for e in validator.iter_errors(party)]
    assert messages and all("place" in m or repr(place) in m for m in messages), messages
    with pytest.raises(minutes.InputError, match="place"):
        minutes.loads(json.dumps(party))
    party["profile"] = "state"  # a state document may leave its place out
    if place == "absent" or place is None:
        assert list(validator.iter_errors(party)) == []


def test_people_may_be_lines_and_votes_may_be_one(validator: Any) -> None:
    data = data_of(MINIMAL_PARTY.read_text(encoding="utf-8"), "p.yaml")
    data["chair"] = {"position": "Bí thư"}  # neither a name nor a line
    data["agenda"][0]["votes"] = {"question": "thông qua", "for": 5}
    errors = list(validator.iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["chair"]]


def test_every_field_has_a_vietnamese_title_and_description() -> None:
    schema = json_schema()
    models = {"Minutes": schema, **schema["$defs"]}
    assert set(models) == set(MODELS)
    for name, model in models.items():
        assert (model["title"], model["description"]) == MODELS[name]
        assert set(model["properties"]) == set(FIELDS[name]), name
        for field, node in model["properties"].items():
            assert (node["title"], node["description"]) == FIELDS[name][field]


def test_dates_are_patterns_an_editor_can_check(validator: Any) -> None:
    data = data_of(MINIMAL_STATE.read_text(encoding="utf-8"), "s.yaml")
    for value in ("07/03/2018", "ngày 7"):
        data["date"] = value
        assert list(validator.iter_errors(data)), value
    data["date"], data["start"], data["end"] = "2018-03-07", "2018-03-07 08:00", "11:30"
    assert not list(validator.iter_errors(data))
