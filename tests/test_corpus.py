"""The corpus of real meetings (``examples/corpus/``): minutes written from public reports by
people who read only the user documentation, each with the facts a reader must find in it,
computed by hand (``examples/corpus/expected/<name>.txt``).

Every meeting loads (nothing legitimate is refused), renders in both formats, passes ``minutes
check`` in both, prints every expected fact, and prints nothing the data does not say.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, Outputs

from minutes.check import check_bytes
from minutes.profiles import looks_like_file
from minutes.tree import text_of

CORPUS = sorted((ROOT / "examples" / "corpus").glob("*.yaml"))
EXPECTED = ROOT / "examples" / "corpus" / "expected"


def test_the_corpus_is_large_and_sourced() -> None:
    assert len(CORPUS) >= 15
    for path in CORPUS:
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert "http" in head or "Source" in head or "source" in head, path.name  # says its source
        assert (EXPECTED / f"{path.stem}.txt").is_file(), path.name


def printed(outputs: Outputs, path: Path) -> str:
    """The text of the document as printed: each paragraph and each table cell, one per line,
    with spaces as a reader sees them (line breaks inside a paragraph are spaces)."""
    document = outputs.document(path)
    pieces = []
    for element in document.body.iter():
        if element.tag in ("p", "td", "th"):
            pieces.append(_spaced(text_of(element)))
    return "\n".join(pieces)


def _spaced(text: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces kept (a blank to fill in)."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


def expected_facts(path: Path) -> list[str]:
    lines = (EXPECTED / f"{path.stem}.txt").read_text(encoding="utf-8").splitlines()
    return [_spaced(line) for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_every_expected_fact_is_printed(outputs: Outputs, path: Path) -> None:
    flat = _spaced(printed(outputs, path)).casefold()
    missing = [fact for fact in expected_facts(path) if fact.casefold() not in flat]
    assert not missing, missing


NEVER = [
    (re.compile(r"\b0/0\b"), "a count nobody gave"),
    (re.compile(r"::"), "a doubled colon"),
    (re.compile(r"Số:? ?[-/]"), "a number line with nothing for the number"),
    (re.compile(r"\bNone\b|\{\{|\}\}"), "code instead of text"),
    (re.compile(r"\b0 giờ 00 phút\b"), "midnight for a time nobody gave"),
    (re.compile(r"\b\d{5,}\b"), "a long number without its thousands dots"),
    (re.compile(r"\.;"), "a full stop before a semicolon"),
]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_nothing_the_data_does_not_say(outputs: Outputs, path: Path) -> None:
    text = printed(outputs, path)
    data = path.read_text(encoding="utf-8")
    found = []
    for pattern, what in NEVER:
        for match in pattern.finditer(text):
            if match.group() in data:  # typed so by the clerk (a phone number, a code)
                continue
            found.append(f"{what}: {text[max(0, match.start() - 30) : match.end() + 30]!r}")
    assert not found, found


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_every_meeting_passes_minutes_check(outputs: Outputs, path: Path, fmt: str) -> None:
    data = outputs.pdf(path).data if fmt == "pdf" else outputs.docx(path).data
    meeting = outputs.minutes(path)
    # a profile file of the office's own is named to the checker, as a clerk would (--profile)
    named = meeting.format_profile if looks_like_file(meeting.profile) else None
    report = check_bytes(data, name=f"{path.stem}.{fmt}", profile=named)
    assert report.profile.id == meeting.format_profile.id
    failures = [
        f"{r.rule.id}: {r.rule.expect.show(r.measured)} ({r.where})" for r in report.failures
    ]
    assert not failures, failures
