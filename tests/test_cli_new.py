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
from minutes.starter import starter, starters

KEY = re.compile(r"^\s*(?:# )?(?:- )?([A-Za-z_]+):")
"""A field of a starter, or one written as a comment for the clerk to take (``# confidential:``)."""


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


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model reachable from ``root`` through its fields."""
    found: list[type[BaseModel]] = []
    todo = [root]
    while todo:
        model = todo.pop()
        if model in found:
            continue
        found.append(model)
        for field in model.model_fields.values():
            todo.extend(
                t
                for t in _types(field.annotation)
                if isinstance(t, type) and issubclass(t, BaseModel)
            )
    return found


def _types(annotation: object) -> list[object]:
    import typing

    args = typing.get_args(annotation)
    return [annotation, *(t for arg in args for t in _types(arg))]


def _all_fields() -> set[str]:
    """Every field name of the format (``line`` is written as a plain string)."""
    names = {
        field.alias or name
        for model in _models(Minutes)
        for name, field in model.model_fields.items()
    }
    return names - {"line"}


def _first_comments(text: str) -> dict[str, str]:
    first_comment: dict[str, str] = {}
    for line in text.splitlines():
        match = KEY.match(line)
        if match and match.group(1) not in first_comment:
            first_comment[match.group(1)] = line.partition(" #")[2].strip()
    return first_comment


@pytest.mark.parametrize("kind", sorted(starters()))
def test_each_starter_renders_as_it_is(kind: str) -> None:
    meeting = loads(starter(kind), f"{kind}.yaml")
    assert meeting.profile == starters()[kind].profile
    renderer = Renderer()
    assert renderer.render_pdf(meeting).startswith(b"%PDF-")
    assert renderer.render_docx(meeting).startswith(b"PK")


def test_every_field_is_shown_and_explained_by_some_starter() -> None:
    """Each field of the format appears in a starter, and where it first appears in that
    starter a Vietnamese comment says what it is."""
    explained: set[str] = set()
    for kind in starters():
        explained |= {name for name, comment in _first_comments(starter(kind)).items() if comment}
    missing = _all_fields() - explained
    assert not missing, sorted(missing)


@pytest.mark.parametrize("profile", ["state", "party"])
def test_the_general_starters_say_what_is_optional(profile: str) -> None:
    assert "không bắt buộc" in starter(profile)


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


def test_the_help_lists_every_profile_and_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """The choices are read when the help is printed (``ChoicesReadWhenAsked``), not when the
    parser is built."""
    from minutes.profiles import profile_names

    run = run_main(capsys, "new", "--help")
    assert run.code == 0
    shown = " ".join(run.out.split())  # the help's lines joined again
    assert f"thể thức: {', '.join(profile_names())} (mặc định: state;" in shown
    assert f"loại cuộc họp: {', '.join(starters())}" in shown


def test_an_unknown_kind_is_refused_with_the_kinds_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = run_main(capsys, "new", "--kind", "hop-lop")
    assert run.code == 2
    assert "lựa chọn không hợp lệ: 'hop-lop' (chọn một trong: 'chi-bo', 'cuoc-hop'," in run.err
    assert run_main(capsys, "new", "--kind", "chi-bo").code == 0
