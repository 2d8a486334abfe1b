"""Property-based fuzzing of the whole path: random valid meetings render, and both files read
back (python-docx, pypdf) with every text of the meeting in them; random invalid meetings are
refused with a :class:`~minutes.MinutesError` that names the file and the line; random damage to
a valid file never produces anything else than a document or a ``MinutesError``.

Two profiles, chosen with ``MINUTES_FUZZ``:

* ``ci`` (the default): a few dozen examples of each, derandomised (the same examples every run),
  every valid one rendered to both PDF and DOCX; well under a minute.
* ``long``: 10,000 examples of each, random. Load, compose and DOCX for every example; the PDF
  (0.1-0.2 s each) for one valid example in :data:`PDF_EVERY` and one damaged example in
  ``PDF_EVERY`` that still loads. ``MINUTES_FUZZ_REPORT=path.json`` writes what was covered.

    MINUTES_FUZZ=long MINUTES_FUZZ_REPORT=fuzz.json .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from hostile import docx_text, pdf_body_text, squash
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import minutes
from minutes.formatting import normalize_text
from minutes.tree import text_of

PROFILE = os.environ.get("MINUTES_FUZZ", "ci")
if PROFILE not in ("ci", "long"):
    raise ValueError(f"MINUTES_FUZZ must be 'ci' or 'long', not {PROFILE!r}")
LONG = PROFILE == "long"
EXAMPLES = (
    {"valid": 10_000, "invalid": 10_000, "damaged": 10_000}
    if LONG
    else {
        "valid": 10,
        "invalid": 40,
        "damaged": 40,
    }
)
PDF_EVERY = 20 if LONG else 1
"""Render the PDF of one example in this many (every one in CI)."""


def fuzz_settings(kind: str) -> Any:
    return settings(
        max_examples=EXAMPLES[kind],
        deadline=None,
        derandomize=not LONG,
        database=None if not LONG else settings.default.database,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


STATS: Counter[str] = Counter()
TIMES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    started = time.perf_counter()
    yield
    path = os.environ.get("MINUTES_FUZZ_REPORT")
    if path:
        summary = {
            "profile": PROFILE,
            "seconds": round(time.perf_counter() - started, 1),
            "counts": dict(STATS),
            "seconds_by_step": {k: round(v, 1) for k, v in TIMES.items()},
        }
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(summary, stream, ensure_ascii=False, indent=2)


pytestmark = pytest.mark.usefixtures("english")  # messages in English (conftest.py)


RENDERER = minutes.Renderer()


def timed(step: str, function: Any, *args: Any) -> Any:
    started = time.perf_counter()
    try:
        return function(*args)
    finally:
        TIMES[step] += time.perf_counter() - started


# -- strategies: text ------------------------------------------------------------------------------

_TONES = "\u0301\u0300\u0309\u0303\u0323"
VIETNAMESE = sorted(
    {
        unicodedata.normalize("NFC", base + tone)
        for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
        for tone in ("", *_TONES)
    }
    | set("đĐ")
)
LETTERS = "".join(VIETNAMESE) + "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX"
PUNCTUATION = ",.;:()/%&<>\"'?!–…“”"
DIGITS = "0123456789"


@st.composite
def words(draw: Any, max_size: int = 12) -> str:
    """One word: Vietnamese letters, sometimes digits, sometimes a punctuation mark after."""
    word = draw(st.text(alphabet=LETTERS + DIGITS, min_size=1, max_size=max_size))
    if draw(st.integers(0, 5)) == 0:
        word += draw(st.sampled_from(PUNCTUATION))
    return word


@st.composite
def line_of_text(draw: Any, min_words: int = 1, max_words: int = 12) -> str:
    """A line that starts with a letter (so Markdown takes it as a plain paragraph)."""
    first = draw(st.text(alphabet=LETTERS, min_size=1, max_size=8))
    rest = draw(st.lists(words(), min_size=min_words - 1, max_size=max_words - 1))
    spaces = draw(st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\t"]))
    return spaces.join([first, *rest])


@st.composite
def paragraphs(draw: Any, max_paragraphs: int = 4) -> str:
    if LONG and draw(st.integers(0, 50)) == 0:  # now and then one long paragraph
        return draw(line_of_text(min_words=200, max_words=600))
    count = draw(st.integers(1, max_paragraphs))
    return "\n\n".join(draw(line_of_text(max_words=40)) for _ in range(count))


def person() -> Any:
    return st.fixed_dictionaries(
        {"name": line_of_text(max_words=5)},
        optional={"position": line_of_text(max_words=10)},
    )


# -- strategies: meetings --------------------------------------------------------------------------


def present_of(meeting: dict[str, Any]) -> int | None:
    """Those present as the documentation defines them: ``members_present``; or the attendees,
    when every one is a named person, with the chair when not listed; else unknown."""
    if "members_present" in meeting:
        return int(meeting["members_present"])
    attendees = meeting["attendees"]
    if not attendees or any(isinstance(p, str) or "line" in p for p in attendees):
        return None
    chair = meeting["chair"]
    if isinstance(chair, str) or "line" in chair:
        return None
    names = {p["name"].casefold() for p in attendees}
    return len(attendees) + (chair["name"].casefold() not in names)


@st.composite
def valid_meetings(draw: Any) -> dict[str, Any]:
    """A random meeting that must render: every constraint of the model respected."""
    profile = draw(st.sampled_from(["state", "party"]))
    start = draw(
        st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2199, 12, 31))
    ).replace(second=0, microsecond=0)
    attendees = draw(st.lists(person(), max_size=30 if LONG else 12))
    absent = draw(st.lists(person(), max_size=3))
    present = draw(st.one_of(st.none(), st.integers(1, 10**6)))
    chair = draw(person())
    meeting: dict[str, Any] = {
        "profile": profile,
        "organization": {"name": draw(line_of_text(max_words=12))},
        "symbol": draw(st.sampled_from(["BB-UBND", "BB/TU", "BB", "BB-HĐND", "BB/ĐU"])),
        "date": start.date().isoformat(),
        "title": draw(line_of_text(max_words=60 if LONG else 25)),
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "location": draw(line_of_text(max_words=15)),
        "chair": chair,
        "secretary": draw(person()),
        "attendees": attendees,
        "agenda": [],
    }
    if draw(st.booleans()):
        meeting["organization"]["parent"] = draw(line_of_text(max_words=10))
    if draw(st.booleans()):
        meeting["number"] = draw(st.integers(1, 10**12))
    if profile == "party" or draw(st.booleans()):
        meeting["place"] = draw(line_of_text(max_words=4))
    end = draw(st.sampled_from(["none", "time", "datetime"]))
    if end == "time" and start.hour < 23:
        meeting["end"] = f"{draw(st.integers(start.hour + 1, 23)):02d}:{start.minute:02d}"
    elif end == "datetime":
        later = start + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 3)))
        if later.year < 10_000:
            meeting["end"] = later.strftime("%Y-%m-%d %H:%M")
    if absent:
        meeting["absent"] = absent
    if present is not None:
        meeting["members_present"] = present
        if draw(st.booleans()):
            meeting["members_total"] = present + len(absent) + draw(st.integers(0, 10**6))
    for key in ("documents", "recipients"):
        if draw(st.booleans()):
            meeting[key] = draw(st.lists(line_of_text(max_words=15), max_size=5))
    if draw(st.booleans()):
        meeting["closing"] = draw(paragraphs(max_paragraphs=2))
    if draw(st.booleans()):
        meeting["invited"] = draw(st.lists(person(), max_size=4))
    meeting["data"] = {"n": draw(st.integers(0, 10**15)), "d": start.date().isoformat()}
    for _ in range(draw(st.integers(1, 8 if LONG else 4))):
        item: dict[str, Any] = {"title": draw(line_of_text(max_words=20))}
        for key in ("content", "discussion", "conclusion"):
            if draw(st.booleans()):
                item[key] = draw(paragraphs())
        if draw(st.booleans()):
            item["presenter"] = draw(person())
        if draw(st.integers(0, 3)) == 0:
            item["content"] = (
                item.get("content", "Số liệu") + " {{ data.n | number }}; {{ data.d | date }}"
            )
        figures = draw(st.lists(figure(), max_size=5))
        if figures:
            item["figures"] = figures
        voters = present_of(meeting)
        if voters:
            votes = []
            for _ in range(draw(st.integers(0, 3))):
                # every answer given adds up to those present; with one left out, less
                against = draw(st.integers(0, voters))
                abstain = draw(st.integers(0, voters - against))
                vote = {
                    "question": draw(line_of_text(max_words=10)),
                    "for": voters - against - abstain,
                    "against": against,
                    "abstain": abstain,
                }
                if draw(st.booleans()):
                    del vote[draw(st.sampled_from(["against", "abstain"]))]
                votes.append(vote)
            if votes:
                item["votes"] = votes if len(votes) > 1 or draw(st.booleans()) else votes[0]
        meeting["agenda"].append(item)
    return meeting


@st.composite
def figure(draw: Any) -> dict[str, Any]:
    value = draw(
        st.one_of(
            st.integers(-(10**39) + 1, 10**39 - 1),
            st.integers(-1000, 1000),
            st.floats(-1e15, 1e15, allow_nan=False).map(lambda x: round(x, 4)),
            line_of_text(max_words=3),
        )
    )
    row: dict[str, Any] = {"label": draw(line_of_text(max_words=8)), "value": value}
    if draw(st.booleans()):
        row["unit"] = draw(line_of_text(max_words=2))
    return row


def as_text(meeting: dict[str, Any], form: str) -> str:
    if form == "json":
        return json.dumps(meeting, ensure_ascii=False, indent=1)
    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.dump(meeting, stream)
    return stream.getvalue()


def texts_of(meeting: dict[str, Any]) -> list[str]:
    """Every text a reader must find in the document, cleaned as the model cleans it."""
    found: list[str] = []

    def person_texts(p: dict[str, Any]) -> None:
        found.extend(str(v) for k, v in p.items() if k in ("name", "position"))

    found += [meeting["title"], meeting["location"], meeting["organization"]["name"]]
    for key in ("chair", "secretary"):
        person_texts(meeting[key])
    for key in ("attendees", "absent", "invited"):
        for p in meeting.get(key, []):
            person_texts(p)
    found += meeting.get("documents", [])
    # a recipient line gets the list's punctuation (";" then "." at the end) in place of its own
    found += [line.rstrip(" ;.,") for line in meeting.get("recipients", [])]
    for item in meeting["agenda"]:
        found.append(item["title"])
        for key in ("content", "discussion", "conclusion"):
            if key in item:
                found += [p for p in item[key].split("\n\n") if "{{" not in p]
        for row in item.get("figures", []):
            found.append(row["label"])
    return [normalize_text(text) for text in found]


def fold(text: str) -> str:
    """How text compares: no whitespace, case folded (titles are set in capitals)."""
    return squash(text).casefold()


# -- valid meetings --------------------------------------------------------------------------------


@fuzz_settings("valid")
@given(meeting=valid_meetings(), form=st.sampled_from(["json", "yaml"]), pick=st.integers(0, 999))
def test_valid_meetings_render_and_read_back(meeting: dict[str, Any], form: str, pick: int) -> None:
    text = as_text(meeting, form)
    note(text[:3000])
    STATS["valid"] += 1
    m = timed("load", minutes.loads, text, f"fuzz.{form}")
    tree = timed("compose", RENDERER.compose, m)
    wanted = texts_of(meeting)
    tree_all = fold(text_of(tree.body))
    assert [text_ for text_ in wanted if fold(text_) not in tree_all] == []
    docx = timed("docx", RENDERER.render_docx, m)
    docx_all = fold(timed("read docx", docx_text, docx))
    for text_ in wanted:
        assert fold(text_) in docx_all, f"DOCX lacks {text_!r}"
    STATS["valid docx checked"] += 1
    if pick % PDF_EVERY == 0:
        pdf = timed("pdf", RENDERER.render_pdf, m)
        pdf_all = fold(unicodedata.normalize("NFC", timed("read pdf", pdf_body_text, pdf)))
        for text_ in wanted:
            assert fold(text_) in pdf_all, f"PDF lacks {text_!r}"
        STATS["valid pdf checked"] += 1


# -- invalid meetings ------------------------------------------------------------------------------

REQUIRED = ("profile", "organization", "date", "title", "start", "chair", "secretary",
            "agenda")  # fmt: skip
WRONG_VALUES: dict[str, list[Any]] = {
    "title": [["a", "b"], {"x": 1}, None, ""],
    "number": ["năm", 0, -3, 2.5, [1], True],
    "date": ["2018-02-30", "2018-13-01", "hôm nay", 20180307.5, None, [2018]],
    "start": ["2018-02-30 08:00", "25:99", "sáng", None],
    "profile": ["dang", "", None, 1],
    "symbol": ["BB UBND", "", None, ["BB"]],
    "agenda": [[], {}, "họp", None, [None], [{"content": "không có tiêu đề"}]],
    "attendees": ["ai đó", 5, {"name": "x"}, [{"position": "không tên"}], [[]]],
    "members_present": [-1, "năm", 1.5],
    "chair": [5, [], {"position": "không tên"}, None],
    "organization": ["", [], {"parent": "x"}],
}
BAD_EXPRESSIONS = [
    "{{ khong_co }}",
    "{{ data.khong_co }}",
    "{{ data.n | khong_co }}",
    "{% include 'bien-ban.xhtml.j2' %}",
    "{{ ''.__class__ }}",
    "{{ data.n",
    "{{ 'x' * 100 }}",
    "{{ data.n / 0 }}",
    "{{ data.d | money('đô la') }}",
]


@st.composite
def invalid_meetings(draw: Any) -> tuple[dict[str, Any], str]:
    meeting = copy.deepcopy(draw(valid_meetings()))
    kind = draw(
        st.sampled_from(
            ["missing", "wrong", "unknown", "votes", "end", "expression", "total", "deep"]
        )
    )
    if kind == "missing":
        del meeting[draw(st.sampled_from(REQUIRED))]
    elif kind == "wrong":
        key = draw(st.sampled_from(sorted(WRONG_VALUES)))
        meeting[key] = draw(st.sampled_from(WRONG_VALUES[key]))
    elif kind == "unknown":
        where = draw(st.sampled_from(["top", "chair", "agenda", "organization"]))
        typo = draw(st.sampled_from(["secetary", "postion", "contnet", "titel", "x"]))
        target = {
            "top": meeting,
            "chair": meeting["chair"],
            "agenda": meeting["agenda"][0],
            "organization": meeting["organization"],
        }[where]
        target[typo] = "giá trị"
    elif kind == "votes":
        present = draw(st.integers(1, 1000))
        meeting["members_present"] = present
        meeting.pop("members_total", None)
        meeting["agenda"][0]["votes"] = {"question": "x", "for": present + 1}
    elif kind == "end":
        start = dt.datetime.strptime(meeting["start"], "%Y-%m-%d %H:%M")
        assume(start > dt.datetime(1900, 1, 2))
        meeting["end"] = (start - dt.timedelta(minutes=draw(st.integers(1, 10**5)))).strftime(
            "%Y-%m-%d %H:%M"
        )
    elif kind == "expression":
        meeting["agenda"][-1]["content"] = "Số liệu " + draw(st.sampled_from(BAD_EXPRESSIONS))
    elif kind == "total":
        meeting["members_present"] = draw(st.integers(2, 10**6))
        meeting["members_total"] = meeting["members_present"] - 1
        meeting.pop("absent", None)
    else:
        nested: Any = 1
        for _ in range(40):
            nested = [nested]
        meeting["data"]["deep"] = nested
    return meeting, kind


@fuzz_settings("invalid")
@given(case=invalid_meetings(), form=st.sampled_from(["json", "yaml"]))
def test_invalid_meetings_are_refused_with_a_place(
    case: tuple[dict[str, Any], str], form: str
) -> None:
    meeting, kind = case
    text = as_text(meeting, form)
    note(f"{kind}\n{text[:3000]}")
    STATS["invalid"] += 1
    STATS[f"invalid: {kind}"] += 1
    with pytest.raises(minutes.MinutesError) as caught:
        m = timed("load", minutes.loads, text, f"fuzz.{form}")
        timed("compose", RENDERER.compose, m)
    assert isinstance(caught.value, minutes.InputError)
    for problem in caught.value.problems:
        assert problem.file == f"fuzz.{form}"
        assert problem.line is not None and problem.line >= 1
        assert problem.message


# -- damaged files ---------------------------------------------------------------------------------

NASTY = [
    "\t", ":", ": ", "-", "- ", "'", '"', "[", "]", "{", "}", "&a", "*a", "!", "!!python/object ",
    "%", "@", "`", "|", ">", "#", "\n", "\r", "\x0b", "\x0c", "\x00", "\u2028", "\ufeff", "\ud800",
    "{{", "}}", "{%", "\u0301", "😀", "<b>", "]]>", "&amp;", "?", ",", "---", "...", "~", "0x",
    "9" * 50,
]  # fmt: skip


def _inject(value: Any, draw: Any) -> Any:
    """``value`` with nasty strings put into some of its texts (the structure stays valid)."""
    if isinstance(value, dict):
        return {k: (v if k == "profile" else _inject(v, draw)) for k, v in value.items()}
    if isinstance(value, list):
        return [_inject(v, draw) for v in value]
    if isinstance(value, str) and draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(value)))
        return value[:at] + draw(st.sampled_from(NASTY)) + value[at:]
    return value


@st.composite
def damaged_files(draw: Any) -> bytes:
    meeting = draw(valid_meetings())
    form = draw(st.sampled_from(["json", "yaml"]))
    if draw(st.booleans()):  # odd characters inside the values: mostly still a valid meeting
        text = as_text(_inject(meeting, draw), form)
        return text.encode("utf-8", "surrogatepass")
    text = as_text(meeting, form)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "duplicate", "truncate", "swap"]))
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(NASTY)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif edit == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 200))] * 2 + text[at:]
        elif edit == "truncate":
            text = text[:at]
        else:
            other = draw(st.integers(0, len(text)))
            a, b = sorted((at, other))
            text = text[:a] + text[b:] + text[a:b]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # now and then a byte that is not UTF-8
        at = draw(st.integers(0, len(data)))
        data = data[:at] + bytes([draw(st.integers(0x80, 0xFF))]) + data[at:]
    return data


@fuzz_settings("damaged")
@given(data=damaged_files(), pick=st.integers(0, 999))
def test_damaged_files_give_a_document_or_a_minutes_error(data: bytes, pick: int) -> None:
    note(repr(data[:3000]))
    STATS["damaged"] += 1
    try:
        m = timed("load", minutes.loads, data, "damaged.yaml")
        timed("compose", RENDERER.compose, m)
        timed("docx", RENDERER.render_docx, m)
        if pick % PDF_EVERY == 0:
            timed("pdf", RENDERER.render_pdf, m)
            STATS["damaged pdf rendered"] += 1
    except minutes.InputError as error:
        STATS["damaged refused"] += 1
        for problem in error.problems:
            assert problem.file == "damaged.yaml"
            assert problem.line is not None and problem.line >= 1
    else:
        STATS["damaged still valid"] += 1
