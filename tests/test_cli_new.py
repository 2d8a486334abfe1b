"""``minutes new``: a starter file, explained in Vietnamese, that renders as it is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import default_language, run_main  # noqa: F401  (an autouse fixture)
from pydantic import BaseModel

from minutes.api import Renderer
from minutes.load import loads
from minutes.model import Minutes
from minutes.starter import starter

KEY = re.compile(r"^\s*(?:- )?([A-Za-z_]+):")


@pytest.mark.parametrize("profile", ["state", "party"])
def test_the_starter_renders_cleanly(capsys: pytest.CaptureFixture[str], profile: str) -> None:
    run = run_main(capsys, "new", "--profile", profile)
    assert run.code == 0 and run.err == ""
    meeting = loads(run.out, f"starter-{profile}.yaml")
    assert meeting.profile == profile
    renderer = Renderer()
    assert renderer.render_pdf(meeting).startswith(b"%PDF-")
    assert renderer.render_docx(meeting).startswith(b"PK")


def test_the_starter_names_its_schema_first() -> None:
    first = starter("state").splitlines()[0]
    assert first == "# yaml-language-server: $schema=minutes.schema.json"
    assert starter("party", schema="../docs/minutes.schema.json").startswith(
        "# yaml-language-server: $schema=../docs/minutes.schema.json\n"
    )


def _field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, field in model.model_fields.items():
        names.add(field.alias or name)
    return names


def _all_fields() -> set[str]:
    from minutes.model import AbsentPerson, AgendaItem, Figure, Organization, Person, Vote

    models: list[type[BaseModel]] = [
        Minutes,
        Organization,
        Person,
        AbsentPerson,
        Figure,
        Vote,
        AgendaItem,
    ]
    return set().union(*(_field_names(m) for m in models)) - {"line"}  # `line`: a plain string


@pytest.mark.parametrize("profile", ["state", "party"])
def test_every_field_is_shown_and_explained(profile: str) -> None:
    """Each field of the format appears, and where it first appears a Vietnamese comment says
    what it is (``line`` is written as a plain string, never by its name; ``members_label`` is
    a heading of the Party format only)."""
    text = starter(profile)
    first_comment: dict[str, str] = {}
    for line in text.splitlines():
        match = KEY.match(line)
        if match and match.group(1) not in first_comment:
            first_comment[match.group(1)] = line.partition(" #")[2].strip()
    expected = _all_fields() - ({"members_label"} if profile == "state" else set())
    missing = expected - set(first_comment)
    assert not missing, missing
    silent = [name for name in expected if not first_comment[name]]
    assert not silent, silent
    assert "không bắt buộc" in text  # optional fields say so


def test_writes_a_file_and_refuses_to_overwrite_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "bien-ban.yaml"
    run = run_main(capsys, "new", "--profile", "party", target)
    assert run.code == 0
    assert f"Đã ghi {target}" in run.out
    assert "minutes render" in run.out
    written = target.read_text(encoding="utf-8")
    assert "profile: party" in written and "minutes validate bien-ban.yaml" in written

    target.write_text("của tôi", encoding="utf-8")
    run = run_main(capsys, "new", target)
    assert run.code == 1
    assert "Tệp đã tồn tại" in run.err and "--force" in run.err
    assert target.read_text(encoding="utf-8") == "của tôi"

    run = run_main(capsys, "new", "--force", target)
    assert run.code == 0
    assert "profile: state" in target.read_text(encoding="utf-8")
