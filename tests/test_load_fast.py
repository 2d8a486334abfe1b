"""The fast path of the reader (:mod:`minutes.load.fast`, libyaml's events) against ruamel.yaml's:
the same data (the same types: ruamel's ``ScalarInt``, ``ScalarFloat``) and the same positions
for every YAML file of the project and for generated documents, or a fallback to ruamel, whose
messages the user then gets. And the fast path is really taken for the files of the project."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import minutes
from minutes import InputError, yaml_events
from minutes.load import Limits, fast, reader
from minutes.load.reader import Parsed, parse, parse_fast
from minutes.profiles import registry

ROOT = Path(__file__).resolve().parent.parent
PROJECT_YAML = sorted(
    [*ROOT.joinpath("examples").rglob("*.yaml"), *ROOT.joinpath("templates").rglob("*.yaml")]
)

pytestmark = pytest.mark.skipif(not fast.AVAILABLE, reason="PyYAML without libyaml")


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (ruamel's ``ScalarInt`` of ``010`` is not
    the ``int`` 10), with the same ruamel attributes (width, precision …)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if getattr(a, "__dict__", None) != getattr(b, "__dict__", None):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def assert_same(quick: Parsed, slow: Parsed) -> None:
    assert same(quick.data, slow.data), (quick.data, slow.data)
    assert list(quick.positions.items()) == list(slow.positions.items())


def outcome(text: str, *, quick: bool, limits: Limits | None = None) -> Any:
    """What :func:`parse` gives: the data and positions, or the problems of its error."""
    try:
        parsed = parse(text, "f.yaml", limits, quick=quick)
    except InputError as exc:
        return [str(problem) for problem in exc.problems]
    return repr(parsed.data), list(parsed.positions.items())


# -- the files of the project ----------------------------------------------------------------------


@pytest.mark.parametrize("path", PROJECT_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_project_reads_the_same_by_the_fast_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    quick = parse_fast(text)
    assert quick is not None, f"{path.name} fell back to ruamel"
    assert_same(quick, parse(text, quick=False))


def test_the_project_has_its_yaml_files() -> None:
    names = {p.relative_to(ROOT).parts[0:2] for p in PROJECT_YAML}
    assert {("examples", "corpus"), ("examples", "profiles"), ("templates", "profiles")} <= names
    assert ("templates", "starters") in names
    assert len(PROJECT_YAML) >= 30


def test_loading_a_meeting_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """:func:`minutes.load` (the meeting and its profile) never reaches ruamel for the flagship."""

    def no_ruamel(limits: Limits) -> Any:
        raise AssertionError("the ruamel path was taken")

    monkeypatch.setattr(reader, "make_yaml", no_ruamel)
    meeting = minutes.load(ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml")
    assert meeting.title


PROFILES = sorted(
    [
        *ROOT.joinpath("templates", "profiles").glob("*.yaml"),
        *ROOT.joinpath("examples").rglob("profiles/*.yaml"),
    ]
)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_profile_reads_the_same_by_the_fast_path(path: Path) -> None:
    """The profiles' reader (ruamel's round trip, dates as ``TimeStamp``) and its fast path."""
    text = path.read_text(encoding="utf-8")
    positions: dict[Any, tuple[int, int]] = {}
    quick = yaml_events.read(
        text, registry._BOUNDS, registry._construct, positions, registry._as_is
    )
    assert quick is not None, f"{path.name} fell back to ruamel"
    lines: dict[Any, int] = {}
    slow = registry._plain(YAML(typ="rt").load(text), (), lines)
    assert same(quick, slow)
    assert {where: line for where, (line, _column) in positions.items()} == lines


def test_reading_the_built_in_profiles_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_ruamel(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the ruamel path was taken")

    monkeypatch.setattr(registry, "YAML", no_ruamel)
    registry._raw.cache_clear()
    registry._read_chain.cache_clear()
    try:
        assert len(registry.builtin_profiles()) == 3
    finally:
        registry._raw.cache_clear()
        registry._read_chain.cache_clear()


def test_a_profile_the_fast_path_is_not_sure_of_goes_to_ruamel(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "name: p\nnote: |\n  a block # kept by ruamel with its comment\n", encoding="utf-8"
    )
    assert (
        yaml_events.read(
            path.read_text(), registry._BOUNDS, registry._construct, {}, registry._as_is
        )
        is None
    )
    raw = registry._raw(path, path.stat().st_mtime_ns)
    assert raw.data == {"name": "p", "note": "a block # kept by ruamel with its comment\n"}


# -- what falls back ------------------------------------------------------------------------------

FALLBACKS = {
    "tag": "a: !!str 1\n",
    "local tag": "a: !foo x\n",
    "tag on a mapping": "a: !!map {b: 1}\n",
    "set": "a: !!set {b, c}\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate key, aliased value": "x: &v [1, 2]\nx: *v\n",
    "syntax error": "a: [1, 2\nb: 3\n",
    "unclosed quote": 'a: "text\n',
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "billion laughs": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)
    ),
    "alias inside itself": "a: &x [1, *x]\n",
    "anchor": "a: &x 1\n",
    "merge": "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
    "merge without alias": "c:\n  <<: {x: 1}\n",
    "value key": "a: =\n",
    "directive": "%YAML 1.1\n---\na: yes\n",
    "tag directive": "%TAG !e! tag:example.com,2000:\n---\na: 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "tab": "a:\tb\n",
    "tab in a plain text": "a: {b: c\td}\n",
    "byte order mark": "\ufeffa: 1\n",
    "a list": "- a\n- b\n",
    "a single value": "text\n",
    "empty": "",
    "only a comment": "# nothing\n",
    "int key": "1: a\n",
    "bool key": "true: a\nb: 1\n",
    "null key": ": a\n",
    "complex key": "? [a, b]\n: c\n",
    "thousands with dots": "a: 12.000\n",
    "giant number": "a: " + "9" * 150 + "\n",
}


@pytest.mark.parametrize("text", FALLBACKS.values(), ids=FALLBACKS.keys())
def test_what_the_fast_path_is_not_sure_of_goes_to_ruamel(text: str) -> None:
    assert parse_fast(text) is None
    assert outcome(text, quick=True) == outcome(text, quick=False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !foo 1\n", "The YAML tag `!foo` is not allowed."),
        ("a: 1\nb: 2\na: 3\n", "The field `a` is written twice."),
        ("a: [1, 2\nb: 3\n", "YAML syntax error"),
        ("a: &a [x, x]\nb: [*a, *a]\n", None),
    ],
)
def test_a_fallback_gives_ruamels_message(english: None, text: str, message: str | None) -> None:
    assert parse_fast(text) is None
    if message is None:  # an alias that stays within the limits: ruamel reads it
        assert parse(text).data == {"a": ["x", "x"], "b": [["x", "x"], ["x", "x"]]}
        return
    with pytest.raises(InputError) as caught:
        parse(text, "f.yaml")
    assert message in caught.value.problems[0].message
    assert outcome(text, quick=True) == outcome(text, quick=False)


LIMITED = [
    ("a: [1, 2, 3]\n", "max_items", 3),
    ("a: 1\nb: 2\nc: 3\n", "max_items", 3),
    ("a: {b: {c: {d: 1}}}\n", "max_depth", 5),
    ("a:\n  - b:\n    - [1]\n", "max_depth", 6),
    ("a: [1, 2, 3, 4]\n", "max_nodes", 7),
    ("a: {b: 1, c: [2]}\n", "max_nodes", 8),
    ("a: abcdef\n", "max_text", 6),
    ("abcdef: 1\n", "max_text", 6),
]
"""A file, a limit, and the least value of it that ruamel's path reads the file under."""


@pytest.mark.parametrize(("text", "name", "least"), LIMITED)
def test_the_fast_path_stops_where_ruamel_does(text: str, name: str, least: int) -> None:
    within = Limits(**{name: least})  # type: ignore[arg-type]
    quick = parse_fast(text, limits=within)
    assert quick is not None
    assert_same(quick, parse(text, limits=within, quick=False))
    beyond = Limits(**{name: least - 1})  # type: ignore[arg-type]
    assert parse_fast(text, limits=beyond) is None
    refused = outcome(text, quick=False, limits=beyond)
    assert isinstance(refused, list)
    assert outcome(text, quick=True, limits=beyond) == refused


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 400_000 + "]" * 400_000 + "\n",
        "a:\n" + "".join(f"{' ' * i}- \n" for i in range(1, 2000)),
        "a: [" + "x, " * 300_000 + "]\n",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
            for i in range(20)
        ),
    ],
    ids=["deep flow", "deep block", "many items", "billion laughs"],
)
def test_a_hostile_file_costs_the_fast_path_little(text: str) -> None:
    started = time.process_time()
    assert parse_fast(text) is None
    assert time.process_time() - started < 0.5


# -- generated documents --------------------------------------------------------------------------

TRICKY = [
    *"yes no on off y n Y N Yes NO On OFF true True TRUE false False FALSE".split(),
    *"null Null NULL ~ 010 0o10 0o8 0x1F 0xff 0b101 1_000 1__0 _1 1_ 1:30 1:30:00".split(),
    *"190:20:30 -1:30 0 -0 +0 +7 007 1.5 1.50 -1.5 +1.5 .5 5. 1e3 1E3 1.5e-3 1.0e+3".split(),
    *"1e 12.000 1.234.567 12,5 .inf -.inf +.inf".split(),
    *".Inf .INF .nan .NaN .NAN inf nan 1.2.3 0.1_0".split(),
    *"2024-05-01 2024-5-1 2024-05-01T10:00:00 2001-12-14t21:59:43.10-05:00 10:00 20:30".split(),
    "2024-05-01 10:00:00",
    "2001-12-14 21:59:43.10 -5",
    *"<< = ! & * | > % @ ` - ? : -- -1- ?a :a a: a:b a#b #a a,b [a] {a} 'a' \"a\"".split(),
    "http://example.com/a?b=c#d",
    "Hội nghị Ban Thường vụ",
    "Nguyễn Văn A",
    "Đ/c Trần Thị B: Bí thư",
    "it's",
    'say "hi"',
    "😀 emoji",
    "trailing space ",
    " leading space",
    "two  spaces",
    "line\nbreak",
    "blank\n\nline",
    "back\\slash",
    "",
]
WORD = st.text(alphabet="aăâbcdđeêhiklmnoôơpqrstuưvxyÀẢÃ019-_.:#,'\"[]{}?|>!&*%@` ~+=", max_size=10)
"""Any text, often not a plain scalar at all (a syntax error, which falls back)."""
TEXT = st.text(alphabet="aăâbcdđeêhiklmnoôơpqrstuưvxyÀẢÃĐ019-_.,'/() ", min_size=1, max_size=16)
"""Text a clerk writes."""
SCALAR = st.one_of(st.sampled_from(TRICKY), TEXT, TEXT, WORD)
ESCAPES = ["\\t", "\\n", "\\\\", '\\"', "\\x41", "\\u00e9", "\\U0001F600", "\\/", "\\N", "\\_"]
ESCAPES += ["\\L", "\\P", "\\0", "\\a", "\\e", "\\ ", "\\\n", "\\b", "\\v", "\\f", "\\r", "\\q"]


@st.composite
def scalar(draw: st.DrawFn, indent: int) -> str:
    """One scalar, written plain, quoted, or as a block (which starts on its own line)."""
    value = draw(SCALAR)
    style = draw(st.sampled_from(["plain", "plain", "single", "double", "literal", "folded"]))
    pad = " " * (indent + 2)
    if style == "plain":
        if draw(st.booleans()) and " " in value.strip():  # a plain text over two lines
            head, _, tail = value.strip().partition(" ")
            return f"{head}\n{pad}{tail}"
        return value.replace("\n", f"\n{pad}")
    if style == "single":
        return "'" + value.replace("'", "''").replace("\n", f"\n{pad}") + "'"
    if style == "double":
        body = value.replace("\\", "\\\\").replace('"', '\\"')
        if draw(st.booleans()):
            body += draw(st.sampled_from(ESCAPES))
        return '"' + body.replace("\n", f"\n{pad}") + '"'
    chomp = draw(st.sampled_from(["", "-", "+", "2", "-1", "+2"]))
    lines = value.split("\n") + draw(
        st.lists(SCALAR.map(lambda v: v.replace("\n", " ")), max_size=2)
    )
    if draw(st.booleans()):
        lines.append("")
    block = "".join(f"\n{pad}{line}" if line else "\n" for line in lines)
    return ("|" if style == "literal" else ">") + chomp + block


@st.composite
def flow(draw: st.DrawFn, depth: int) -> str:
    """A flow value: a scalar (plain or quoted), a list or a mapping in brackets."""
    kind = draw(st.sampled_from(["scalar", "scalar", "list", "map"] if depth < 3 else ["scalar"]))
    if kind == "scalar":
        value = draw(SCALAR).replace("\n", " ")
        quote = draw(st.sampled_from(["", "", "'", '"']))
        if quote == "'":
            return "'" + value.replace("'", "''") + "'"
        if quote == '"':
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return value
    items = draw(st.lists(flow(depth + 1), max_size=4))
    sep = draw(st.sampled_from([", ", ",", " , ", ",\n  "]))
    if kind == "list":
        return "[" + sep.join(items) + draw(st.sampled_from(["", ","])) + "]"
    keys = draw(
        st.lists(st.sampled_from(["a", "b", "c", '"d"', "'e'", "f g", "1", "Tên"]), max_size=4)
    )
    colon = draw(st.sampled_from([": ", ":", " : "]))
    return "{" + sep.join(f"{k}{colon}{v}" for k, v in zip(keys, items, strict=False)) + "}"


KEYS = st.lists(
    st.one_of(
        st.sampled_from(["title", "name", "a", "b", "người_dự", "Tên", "x y", "a.b", "2024"]),
        st.sampled_from(["'quoted'", '"double"', '"a: b"', "-a", "a-", "a b:c", "'#'"]),
        st.sampled_from(["yes", "null", "1", "~", "<<", "true", "1.5", "2024-05-01"]),
        *[TEXT.map(str.strip).filter(bool)] * 6,
    ),
    min_size=1,
    max_size=4,
    unique=True,
)
COMMENT = st.sampled_from(["", "", "", " # note", "  #: x", " #"])


@st.composite
def block(draw: st.DrawFn, indent: int, depth: int, kind: str) -> str:
    """A block mapping or list at ``indent``, one entry a line, nested by indentation."""
    pad = " " * indent
    lines = []
    keys = draw(KEYS)
    for key in keys if kind == "map" else keys[: draw(st.integers(1, 4))]:
        head = f"{key}:" if kind == "map" else "-"
        choice = draw(st.sampled_from(["scalar", "scalar", "flow", "empty", "map", "list"]))
        if depth >= 3 and choice in ("map", "list"):
            choice = "scalar"
        if choice == "scalar":
            lines.append(f"{pad}{head} {draw(scalar(indent))}{draw(COMMENT)}")
        elif choice == "flow":
            lines.append(f"{pad}{head} {draw(flow(0))}{draw(COMMENT)}")
        elif choice == "empty":
            lines.append(f"{pad}{head}{draw(COMMENT)}")
        else:
            step = draw(st.integers(1, 4))
            nested = draw(block(indent + step, depth + 1, choice))
            if kind == "list" and step > 1 and draw(st.booleans()):  # - a: 1 on the dash's line
                lines.append(f"{pad}-{' ' * (step - 1)}{nested.lstrip(' ')}")
            else:
                lines.append(f"{pad}{head}{draw(COMMENT)}\n{nested}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", f"{pad}# a comment", "#", "   "])))
    return "\n".join(lines)


@st.composite
def document(draw: st.DrawFn) -> str:
    body = draw(block(0, 0, "map")) if draw(st.integers(0, 4)) else "{" + draw(flow(0))[1:-1] + "}"
    start = draw(st.sampled_from(["", "", "---\n", "# head\n", "\n"]))
    end = draw(st.sampled_from(["\n", "\n", "", "\n...\n", "\n\n# tail\n", "\r\n"]))
    text = start + body + end
    if draw(st.integers(0, 6)) == 0:
        text = text.replace("\n", "\r\n")
    return text


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document())
def test_a_generated_document_reads_the_same_or_falls_back(text: str) -> None:
    quick = parse_fast(text)
    if quick is None:
        event("fell back")
        return
    event("fast")
    assert_same(quick, parse(text, quick=False))


def test_the_generated_documents_mostly_take_the_fast_path() -> None:
    """Not a generator of syntax errors only: most of its documents are read by the fast path."""
    taken = []

    @settings(max_examples=100, deadline=None, derandomize=True, database=None)
    @given(document())
    def count(text: str) -> None:
        taken.append(parse_fast(text) is not None)

    count()
    assert sum(taken) >= len(taken) // 4, f"{sum(taken)} of {len(taken)}"
