"""The corpus of broken and hostile inputs (``tests/bad_inputs/``): for every file, either a
correct document or a clear error that names the file, the line and (where there is one) the
field; within 2 seconds and bounded memory; never a traceback; never an output file for an input
that failed.

Each file in ``bad_inputs/`` has its expectation in :data:`CASES` (a file without one fails the
suite). A few inputs are too big to keep in the repository (a 5 MB paragraph, 10,000 attendees);
:data:`GENERATED` makes them at test time.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hostile import BAD_INPUTS, docx_paragraphs, docx_text, pdf_text, poppler_text, squash
from timing import allowed

import minutes
from minutes.errors import InputError, TemplateDataError
from minutes.files import TEMPORARY_SUFFIX

TIME_LIMIT_S = 2.0
MEMORY_LIMIT_BYTES = 64 * 1024 * 1024
"""How much reading any input may raise the peak memory of the process, bombs included."""


@dataclass(frozen=True)
class Bad:
    """The input must be refused with a :class:`~minutes.InputError` (of class ``kind``) that has a
    problem at the first line containing ``at`` (or at ``line``; with neither, at some line), for
    ``field`` (exact, or a prefix when it ends with ``*``), whose message contains ``says``."""

    says: str
    at: str | None = None
    line: int | None = None
    field: str | None = None
    hint: str | None = None
    kind: type[InputError] = InputError


@dataclass(frozen=True)
class Good:
    """The input must render, and each text of ``shows`` must be in both the DOCX and the PDF
    (whitespace aside); no character of ``hides`` may be in either. ``poppler``: read the PDF with
    pdftotext, because it draws a glyph no embedded font has (see :func:`hostile.poppler_text`)."""

    shows: tuple[str, ...]
    hides: str = ""
    paragraphs: tuple[str, ...] = ()  # exact DOCX paragraphs
    poppler: bool = False


Expect = Bad | Good

_CONTENT = "agenda[1].content"
_TAG = "is not allowed"
_ALIAS = "aliases (`*name`) expanded"

CASES: dict[str, Expect] = {
    # YAML syntax
    "syntax-tab-indentation.yaml": Bad("YAML syntax error", at="\tname:", hint="tabs"),
    "syntax-wrong-indentation.yaml": Bad("YAML syntax error", at="   position:"),
    "syntax-missing-colon.yaml": Bad("could not find expected ':'", at="location Phòng"),
    "syntax-unclosed-quote.yaml": Bad("while scanning a quoted scalar", at='end: "10:30'),
    "syntax-unclosed-bracket.yaml": Bad("YAML syntax error", at="secretary:"),
    "syntax-colon-in-value.yaml": Bad("mapping values are not allowed", at="title: Cuộc họp:"),
    "syntax-duplicate-key.yaml": Bad("written twice", at="symbol: BB-VP", field="symbol"),
    "syntax-undefined-alias.yaml": Bad("undefined alias", at="*thu_ky"),
    "syntax-two-documents.yaml": Bad("another document", at="---"),
    "syntax-yaml-version.yaml": Bad("incompatible YAML document", at="%YAML 2.0"),
    "syntax-key-a-list-in-a-list.yaml": Bad(
        "A field name must be a word, not a list", at="[[ngan_sach]]:", field="data"
    ),
    "syntax-comment-ruamel-cannot-place.yaml": Bad(
        "A comment here cannot be read in its place", at="# the room booked", hint="own"
    ),
    # not a meeting at all
    "empty.yaml": Bad("The file is empty", line=1),
    "only-comments.yaml": Bad("The file is empty", line=1),
    "top-level-list.yaml": Bad("not a list", line=1),
    "top-level-text.yaml": Bad("not a single value", line=1),
    # wrong types
    "type-title-is-a-list.yaml": Bad("Expected text", at="title:", field="title"),
    "type-number-is-text.yaml": Bad("Expected a whole number", at="number:", field="number"),
    "type-number-is-a-fraction.yaml": Bad("not a fraction", at="number:", field="number"),
    "type-vote-is-text.yaml": Bad(
        "Expected a whole number", at="for: ba", field="agenda[1].votes.for"
    ),
    "type-vote-is-true.yaml": Bad(
        "Expected a whole number", at="for: true", field="agenda[1].votes.for"
    ),
    "type-agenda-is-a-mapping.yaml": Bad("Expected a list", at="agenda:", field="agenda"),
    "type-chair-is-a-number.yaml": Bad("Expected a group of fields", at="chair:", field="chair"),
    "type-members-present-is-yes.yaml": Bad(
        "Expected a whole number", at="members_present:", field="members_present"
    ),
    # missing and unknown fields
    "missing-required-fields.yaml": Bad("required but missing", line=1, field="date"),
    "missing-agenda-items.yaml": Bad("at least 1 item", at="agenda:", field="agenda"),
    "missing-person-name.yaml": Bad("needs a `name`", at="secretary:", field="secretary"),
    "unknown-field-typo.yaml": Bad(
        "Unknown field `secetary`", at="secetary:", field="secetary", hint="`secretary`"
    ),
    "unknown-field-nested.yaml": Bad(
        "Unknown field `postion`", at="postion:", field="attendees[2].postion", hint="`position`"
    ),
    "empty-title.yaml": Bad("must not be empty", at="title:", field="title"),
    # impossible values
    "date-february-30.yaml": Bad("not a valid date", at="date: 2018-02-30", field="date"),
    "date-month-13.yaml": Bad("not a valid date and time", at="start:", field="start"),
    "end-before-start.yaml": Bad("ends before it starts", at="end:", field="end"),
    "end-time-before-start.yaml": Bad("ends before it starts", at="end:", field="end"),
    "negative-members-present.yaml": Bad(
        "at least 0", at="members_present:", field="members_present"
    ),
    "negative-vote.yaml": Bad("at least 0", at="against: -1", field="agenda[1].votes.against"),
    "votes-exceed-present.yaml": Bad(
        "3 + 2 = 5, but the base is 3", at="votes:", field="agenda[1].votes"
    ),
    "attendance-exceeds-total.yaml": Bad(
        "more than the total of 2", at="members_total:", field="members_total"
    ),
    "number-zero.yaml": Bad("at least 1", at="number: 0", field="number"),
    "unknown-profile.yaml": Bad(
        "Unknown profile `dang`", at="profile:", field="profile", hint="party-2026"
    ),
    "party-without-place.yaml": Bad("needs `place`", line=1, field="place"),
    "symbol-with-spaces.yaml": Bad("must not contain spaces", at="symbol:", field="symbol"),
    "huge-integer.yaml": Bad(
        "too many digits", at="thu_ngan_sach: 999", field="data.thu_ngan_sach"
    ),
    "figure-infinite.yaml": Bad(
        "cannot be written", at="value: .inf", field="agenda[1].figures[1].value"
    ),
    # hostile structure
    "alias-bomb.yaml": Bad(_ALIAS, field="data.a*"),
    "alias-bomb-duplicate-key.yaml": Bad("written twice", line=11, field="k"),
    "alias-merge-bomb.yaml": Bad(_ALIAS, field="data.m*"),
    "deep-nesting-lists.yaml": Bad("nested more than 32 levels", at="deep:", field="data.deep*"),
    "deep-nesting-mappings.yaml": Bad("nested more than 32 levels", at="deep:", field="data.deep*"),
    "recursive-alias.yaml": Bad("inside the value it stands for", at="again:", field="data.loop"),
    # refused tags
    "tag-python-object.yaml": Bad(_TAG, at="!!python/object", field="symbol"),
    "tag-python-name.yaml": Bad(_TAG, at="!!python/name", field="data.thu_ngan_sach"),
    "tag-python-in-key.yaml": Bad(_TAG, at="!!python/object", field="data"),
    "tag-custom.yaml": Bad("`!secret`", at="!secret", field="location"),
    "tag-binary.yaml": Bad("`!!binary`", at=": !!binary", field="data.thu_ngan_sach"),
    "tag-set.yaml": Bad("`!!set`", at=": !!set", field="data.thu_ngan_sach"),
    # not text, or not UTF-8
    "binary-random-bytes.yaml": Bad("not a text file", line=1),
    "binary-png-renamed.yaml": Bad("PNG picture", line=3),
    "binary-docx-renamed.yaml": Bad("Word (.docx)", line=1),
    "binary-nul-in-text.yaml": Bad("binary data", at="v\x00\x00t"),
    "legacy-tcvn3.yaml": Bad("looks like TCVN3", line=4, hint="source TCVN3"),
    "legacy-vni.yaml": Bad("looks like VNI", line=4, hint="source VNI"),
    "legacy-windows-1258.yaml": Bad("looks like Windows-1258", line=4, hint="Windows-1258"),
    # Jinja in the data
    **{
        name: Bad(says, at="content:", field=_CONTENT, kind=TemplateDataError)
        for name, says in {
            "jinja-class.yaml": "Only {{ … }} expressions",
            "jinja-data-class.yaml": "not allowed",
            "jinja-include.yaml": "Only {{ … }} expressions",
            "jinja-import.yaml": "Only {{ … }} expressions",
            "jinja-statement.yaml": "Only {{ … }} expressions",
            "jinja-call.yaml": "Only {{ … }} expressions",
            "jinja-method-value.yaml": "not allowed",
            "jinja-globals.yaml": "Unknown name in expression: lipsum",
            "jinja-self.yaml": "Unknown name in expression: self",
            "jinja-string-repeat.yaml": "not allowed",
            "jinja-percent-format.yaml": "not allowed",
            "jinja-huge-product.yaml": "too large",
            "jinja-deep-nesting.yaml": "nested too deeply",
            "jinja-long-filter-chain.yaml": "nested too deeply",
            "jinja-unknown-filter.yaml": "Unknown filter `attr`",
            "jinja-unclosed.yaml": "Invalid expression",
            "jinja-unknown-name.yaml": "Unknown name in expression",
        }.items()
    },
    "jinja-tuple-bomb.yaml": Bad(
        "produce more than 1000000 characters",
        at="closing:",
        field="closing",
        kind=TemplateDataError,
    ),
    # valid but odd: must come out right
    "ok-markup-characters.yaml": Good(
        shows=(
            "Địa điểm: Phòng <b>họp</b> & hội trường ]]> 'A' <!-- x --> &amp;.",
            'vượt <script>alert(1)</script> & <img src="http://127.0.0.1:9/x.png"> ]]> '
            "<![CDATA[x]]> &lt;",
            "- Phòng <Kế hoạch> & Đầu tư;",
        )
    ),
    "ok-emoji.yaml": Good(
        shows=("vượt kế hoạch 😀 ✓ ½ € №.", "Phạm Văn Nam 👍"),
        poppler=True,
    ),
    "ok-decomposed-unicode.yaml": Good(
        shows=("Địa điểm: Phòng họp tầng 2, trụ sở Ủy ban nhân dân phường.",),
        hides="\u0300\u0302\u0309\u031b\u0323",
    ),
    "ok-word-control-characters.yaml": Good(
        shows=("vượt kế hoạch.", "Dòng thứ hai sau ngắt dòng."),
        hides="\x0b\x0c",
        paragraphs=("Dòng thứ hai sau ngắt dòng.",),
    ),
    "ok-zero-width-characters.yaml": Good(
        shows=("Địa điểm: Phòng họp tầng 2", "vượt kế hoạch."),
        hides="\u200b\u200c\u200d\u2060\ufeff\u00ad",
    ),
    "ok-unicode-spaces-and-separators.yaml": Good(
        shows=("vượt kế hoạch rõ", "ràng."),
        hides="\u00a0\u2009\u3000\u2028",
        paragraphs=("ràng.",),
    ),
    "ok-windows-line-ends-and-bom.yaml": Good(
        shows=("vượt kế hoạch.", "Phòng họp tầng 2"), hides="\r\ufeff"
    ),
    "ok-utf16-with-bom.yaml": Good(shows=("vượt kế hoạch.", "Phòng họp tầng 2"), hides="\ufeff"),
    "ok-aliases-used-sparingly.yaml": Good(
        shows=("- Lê Thị Hoa, Chủ tịch Ủy ban nhân dân phường;",)
    ),
    "ok-json-escapes.json": Good(
        shows=('Cuộc họp giao ban "tháng 8"', "Phòng họp tầng 2 😀", "Nội dung có ký tự NUL."),
        hides="\x00\x0b\ud83d\ude00\ufffd",
        poppler=True,
    ),
}


# -- inputs made at test time ---------------------------------------------------------------------


def _base() -> str:
    """A valid meeting, as the corpus files are written (``negative-vote.yaml`` minus its fault)."""
    text = (BAD_INPUTS / "negative-vote.yaml").read_text(encoding="utf-8")
    return text.split("\n", 1)[1].replace("      against: -1\n", "")


def _big_paragraph() -> str:
    sentence = "Thu ngân sách đạt kết quả tốt, vượt kế hoạch đề ra. "
    count = 5 * 1024 * 1024 // len(sentence.encode("utf-8")) + 1
    return _base().replace("vượt kế hoạch.", (sentence * count).strip())


def _attendees(count: int) -> str:
    people = "".join(
        f"  - name: Nguyễn Văn Người Thứ {i}\n    position: Chuyên viên\n" for i in range(count)
    )
    return _base().replace("attendees:\n", "attendees:\n" + people, 1)


def _alias_text_bomb() -> str:
    documents = "  - &dai " + "Tài liệu dài " * 7000 + "\n" + "  - *dai\n" * 200
    return _base().replace("recipients:\n", "documents:\n" + documents + "recipients:\n")


def _many_values() -> str:
    lists = "".join(f"  l{i}: [" + ", ".join(["1"] * 500) + "]\n" for i in range(60))
    return _base().replace("data:\n", "data:\n" + lists)


def _wide_mapping() -> str:
    return _base().replace("data:\n", "data:\n" + "".join(f"  k{i}: {i}\n" for i in range(5000)))


GENERATED: dict[str, tuple[Callable[[], str], Expect]] = {
    "generated-paragraph-5mb.yaml": (
        _big_paragraph,
        Bad("too large (more than 1 MB)", at="vượt kế hoạch đề ra"),
    ),
    "generated-attendees-10000.yaml": (
        lambda: _attendees(10_000),
        Bad("more than 1000 items", at="Người Thứ 1000\n", field="attendees"),
    ),
    "generated-text-150000-characters.yaml": (
        lambda: _base().replace("vượt kế hoạch.", "x" * 150_000),
        Bad("too long (150075 characters", at="content:", field=_CONTENT),
    ),
    "generated-alias-text-bomb.yaml": (
        _alias_text_bomb,
        Bad(_ALIAS, field="documents*"),
    ),
    "generated-many-values.yaml": (
        _many_values,
        Bad("more than 10000 values", at="l19:", field="data.l19"),
    ),
    "generated-wide-mapping.yaml": (
        _wide_mapping,
        Bad("more than 1000 fields", at="k1000:", field="data"),
    ),
}


@dataclass(frozen=True)
class Case:
    path: Path
    expect: Expect

    @property
    def name(self) -> str:
        return self.path.name


@pytest.fixture(scope="session")
def generated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated-inputs")
    for name, (make, _expect) in GENERATED.items():
        (folder / name).write_text(make(), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus(generated_dir: Path) -> list[Case]:
    cases = [Case(BAD_INPUTS / name, expect) for name, expect in sorted(CASES.items())]
    cases += [Case(generated_dir / name, expect) for name, (_, expect) in GENERATED.items()]
    return cases


pytestmark = pytest.mark.usefixtures("english")  # messages in English (conftest.py)


@pytest.fixture(scope="module")
def renderer() -> minutes.Renderer:
    """A warm renderer (fonts and stylesheets loaded): the time limit is for the input's work."""
    renderer = minutes.Renderer()
    warm = minutes.loads(_base())
    renderer.render_pdf(warm)
    renderer.render_docx(warm)
    return renderer


# -- the corpus itself ----------------------------------------------------------------------------


def test_every_corpus_file_has_an_expectation() -> None:
    files = {path.name for path in BAD_INPUTS.iterdir() if path.is_file()}
    assert files == set(CASES), {
        "files without an expectation": sorted(files - set(CASES)),
        "expectations without a file": sorted(set(CASES) - files),
    }
    assert len(files) + len(GENERATED) >= 50


def test_the_corpus_covers_what_the_issue_lists() -> None:
    """Each kind of bad input the issue names has at least one file (by its name)."""
    kinds = (
        "syntax-tab",
        "syntax-wrong-indentation",
        "type-",
        "missing-required",
        "unknown-field",
        "date-february-30",
        "end-before-start",
        "negative-",
        "votes-exceed-present",
        "empty.yaml",
        "alias-bomb",
        "deep-nesting",
        "tag-python-object",
        "binary-",
        "legacy-tcvn3",
        "legacy-vni",
        "legacy-windows-1258",
        "ok-decomposed-unicode",
        "ok-word-control-characters",
        "ok-zero-width-characters",
        "ok-emoji",
        "ok-markup-characters",
        "jinja-class",
        "jinja-include",
    )
    names = [*CASES, *GENERATED]
    missing = [kind for kind in kinds if not any(name.startswith(kind) for name in names)]
    assert not missing
    assert any(name.startswith("generated-paragraph-5mb") for name in names)
    assert any(name.startswith("generated-attendees-10000") for name in names)


def _expected_line(path: Path, expect: Bad) -> int | None:
    if expect.line is not None:
        return expect.line
    if expect.at is None:
        return None
    raw = path.read_bytes()
    text = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else None
    if text is None:
        text = raw.decode("utf-8", "replace")
    for number, line in enumerate(text.split("\n"), start=1):
        whole_end = expect.at.endswith("\n")  # "…\n": the line must end with it
        if (whole_end and line.endswith(expect.at[:-1])) or (not whole_end and expect.at in line):
            return number
    raise AssertionError(f"{expect.at!r} is not in {path.name}")


def _field_matches(expected: str | None, actual: str | None) -> bool:
    if expected is None:
        return True
    if expected.endswith("*"):
        return actual is not None and actual.startswith(expected[:-1])
    return actual == expected


def _load_and_render(path: Path, renderer: minutes.Renderer) -> tuple[bytes, bytes]:
    meeting = minutes.loads(path.read_bytes(), str(path))
    return renderer.render_pdf(meeting), renderer.render_docx(meeting)


def test_each_input_gives_a_document_or_a_clear_error(
    corpus: list[Case], renderer: minutes.Renderer
) -> None:
    """Every input, in process: the outcome its expectation names, within the time limit."""
    failures: list[str] = []
    for case in corpus:
        failures += _check(case, renderer)
    assert not failures, "\n".join(failures)


def _check(case: Case, renderer: minutes.Renderer) -> list[str]:
    path, expect = case.path, case.expect
    started = time.perf_counter()
    try:
        pdf, docx = _load_and_render(path, renderer)
    except InputError as error:
        elapsed = time.perf_counter() - started
        if isinstance(expect, Good):
            return [f"{case.name}: refused ({error}), but it is valid"]
        problems = [_describe(p) for p in error.problems]
        if elapsed > allowed(TIME_LIMIT_S):
            return [f"{case.name}: refused after {elapsed:.2f} s (limit {allowed(TIME_LIMIT_S)} s)"]
        if not isinstance(error, expect.kind):
            return [f"{case.name}: {type(error).__name__}, expected {expect.kind.__name__}"]
        line = _expected_line(path, expect)
        for problem in error.problems:
            if (
                problem.file == str(path)
                and problem.line is not None
                and (line is None or problem.line == line)
                and _field_matches(expect.field, problem.field)
                and expect.says in problem.message
                and (expect.hint is None or expect.hint in (problem.hint or ""))
            ):
                return []
        return [f"{case.name}: no problem matches {expect} (line {line}) in {problems}"]
    elapsed = time.perf_counter() - started
    if isinstance(expect, Bad):
        return [f"{case.name}: rendered, but it should fail with {expect.says!r}"]
    if elapsed > allowed(TIME_LIMIT_S):
        return [f"{case.name}: rendered in {elapsed:.2f} s (limit {allowed(TIME_LIMIT_S)} s)"]
    return _check_text(case.name, expect, pdf, docx)


def _describe(problem: minutes.Problem) -> str:
    return f"{problem.file}:{problem.line}:{problem.field}: {problem.message} ({problem.hint})"


def _check_text(name: str, expect: Good, pdf: bytes, docx: bytes) -> list[str]:
    failures = []
    docx_all = docx_text(docx)
    pdf_all = poppler_text(pdf) if expect.poppler else pdf_text(pdf)
    outputs = {"DOCX": docx_all}
    if pdf_all is not None:
        outputs["PDF"] = unicodedata.normalize("NFC", pdf_all)
    for kind, text in outputs.items():
        for shown in expect.shows:
            wanted = squash(shown.replace("\u200d", ""))
            if wanted not in squash(text.replace("\u200d", "")):
                failures.append(f"{name}: {kind} does not show {shown!r}")
        for char in expect.hides:
            if char in text:
                failures.append(f"{name}: {kind} has U+{ord(char):04X}")
    paragraphs = docx_paragraphs(docx)
    for paragraph in expect.paragraphs:
        if paragraph not in paragraphs:
            failures.append(f"{name}: no DOCX paragraph is exactly {paragraph!r}")
    return failures


_MEMORY_PROBE = """
import resource, sys
import minutes

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
for warm in sys.argv[1:3]:  # load two files once, so imports and first-use caches are in
    try:
        minutes.loads(open(warm, "rb").read(), warm)
    except minutes.InputError:
        pass
before = peak()
for name in sys.argv[1:]:
    try:
        minutes.loads(open(name, "rb").read(), name)
    except minutes.InputError:
        pass
print(before, peak())
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kB on Linux only")
def test_reading_any_input_takes_bounded_memory(corpus: list[Case]) -> None:
    """Bombs included, reading the inputs one after another never raises the process's peak
    memory by more than a few tens of megabytes (measured in a fresh process, as the kernel sees
    it: ru_maxrss)."""
    paths = [str(case.path) for case in corpus if case.name != "empty.yaml"]
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    before, after = (int(word) for word in result.stdout.split())
    assert after - before < MEMORY_LIMIT_BYTES, f"peak grew by {(after - before) >> 20} MB"


def test_a_file_on_disk_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    """``load`` reads at most the size limit (+1 byte) of a file: a huge file or a device such as
    /dev/zero is refused without being read whole."""
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(3 * 1024 * 1024 * 1024)  # 3 GB, sparse
    started = time.perf_counter()
    with pytest.raises(InputError, match="too large"):
        minutes.load(huge)
    assert time.perf_counter() - started < allowed(TIME_LIMIT_S)
    if Path("/dev/zero").exists():
        with pytest.raises(InputError):
            minutes.load("/dev/zero")


# -- the command line ------------------------------------------------------------------------------


def test_the_command_line_never_shows_a_traceback(corpus: list[Case], tmp_path: Path) -> None:
    """``minutes render`` on every input at once (it goes on after a bad file): each bad file is
    named on stderr with a line number, and has no output; each good one has both outputs."""
    out = tmp_path / "out"
    env = {**os.environ, "MINUTES_LANG": "en", "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("MINUTES_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "minutes", "render", *(str(c.path) for c in corpus), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "Internal error" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1, (result.returncode, result.stderr[-3000:])
    lines = result.stderr.splitlines()
    failures = []
    for case in corpus:
        mine = [line for line in lines if line.startswith(f"{case.path}:")]
        outputs = [out / f"{case.path.stem}.pdf", out / f"{case.path.stem}.docx"]
        if isinstance(case.expect, Bad):
            if not any(re.match(rf"{re.escape(str(case.path))}:\d+[:\s]", line) for line in mine):
                failures.append(f"{case.name}: no 'file:line:' on stderr ({mine[:2]})")
            failures += [f"{case.name}: wrote {p.name}" for p in outputs if p.exists()]
        else:
            if mine:
                failures.append(f"{case.name}: reported {mine[:2]}")
            failures += [f"{case.name}: did not write {p.name}" for p in outputs if not p.exists()]
    strays = [p.name for p in out.iterdir() if p.name.endswith(TEMPORARY_SUFFIX)]
    assert not strays
    assert not failures, "\n".join(failures)
    *reported, footer = lines  # every error ends with where to read more
    assert footer == "More: minutes render --help, and the guide docs/cli.md"
    unexplained = [x for x in reported if not any(x.startswith(f"{c.path}:") for c in corpus)]
    assert not unexplained, unexplained[:5]


@pytest.mark.parametrize(
    ("name", "code"), [("ok-json-escapes.json", 0), ("legacy-tcvn3.yaml", 1), ("empty.yaml", 1)]
)
def test_the_exit_code_of_one_file(name: str, code: int, tmp_path: Path) -> None:
    env = {**os.environ, "MINUTES_LANG": "en"}
    result = subprocess.run(
        [sys.executable, "-m", "minutes", "render", str(BAD_INPUTS / name), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert bool(list(tmp_path.iterdir())) == (code == 0)


# -- limits ---------------------------------------------------------------------------------------


def test_limits_are_configurable() -> None:
    text = _attendees(1500)
    with pytest.raises(InputError, match="more than 1000 items"):
        minutes.loads(text)
    roomy = minutes.loads(text, limits=_limits(max_items=2000, max_nodes=20_000))
    assert len(roomy.attendees) == 1503
    with pytest.raises(InputError, match="more than 20 items"):
        minutes.loads(_attendees(30), limits=_limits(max_items=20))
    with pytest.raises(InputError, match="more than 3 fields"):
        minutes.loads(_base(), limits=_limits(max_items=3))
    with pytest.raises(InputError, match="more than 30 values"):
        minutes.loads(_base(), limits=_limits(max_nodes=30))
    with pytest.raises(InputError, match="too large"):
        minutes.loads(_base(), limits=_limits(max_bytes=500))
    with pytest.raises(InputError, match="nested more than 2 levels"):
        minutes.loads(_base(), limits=_limits(max_depth=2))
    with pytest.raises(InputError, match="too long"):
        minutes.loads(_base(), limits=_limits(max_text=20))


def _limits(**changes: int) -> Any:
    from minutes.load import Limits

    return Limits(**changes)


def test_a_thousand_attendees_are_within_the_limits() -> None:
    """The limits leave room for the largest real meeting (a congress of a few hundred)."""
    meeting = minutes.loads(_attendees(997))
    assert len(meeting.attendees) == 1000


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "10"])
def test_limits_must_be_positive_whole_numbers(bad: Any) -> None:
    with pytest.raises(ValueError):
        _limits(max_items=bad)


def test_bytes_and_text_inputs_share_the_limits() -> None:
    text = _big_paragraph()
    for given in (text, text.encode("utf-8")):
        with pytest.raises(InputError, match="too large"):
            minutes.loads(given)
