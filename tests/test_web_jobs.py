"""The web app's jobs (minutes/web/jobs.py): what an upload gives the form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutes import validate
from minutes.load import DEFAULT_LIMITS, reader
from minutes.web import jobs

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources the YAML reader is asked to read, wherever it is called from."""
    asked: list[str] = []
    real = reader.parse

    def counted(text: str, source: str = "<input>", limits: Any = None) -> Any:
        asked.append(source)
        return real(text, source, limits)

    monkeypatch.setattr(jobs, "parse", counted)
    monkeypatch.setattr(validate, "parse", counted)
    return asked


def test_an_upload_is_read_once_for_its_boxes_and_its_problems(reads: list[str]) -> None:
    opened = jobs.open_file(FLAGSHIP.read_bytes(), FLAGSHIP.name, DEFAULT_LIMITS)
    assert opened.opened and opened.general == []
    assert opened.data is not None and opened.data["profile"] == "party"
    assert reads == [FLAGSHIP.name]


def test_the_problems_of_an_upload_name_their_lines(reads: list[str]) -> None:
    text = FLAGSHIP.read_text(encoding="utf-8").replace("profile: party", "profile: khong-co", 1)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("profile:"))
    opened = jobs.open_file(text.encode("utf-8"), "x.yaml", DEFAULT_LIMITS)
    assert opened.opened
    assert [entry.split(":")[:2] for entry in opened.general][:1] == [["x.yaml", str(line)]]
    assert "khong-co" in opened.general[0]
    assert reads == ["x.yaml"]
