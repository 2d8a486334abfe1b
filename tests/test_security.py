"""The boundaries of what ``minutes`` trusts (see ``docs/security.md``): the data is never code,
never markup, never a URL that is fetched, never a path outside the output folder.

* YAML is read without constructing objects;
* ``{{ … }}`` in the data runs in a narrowed sandbox;
* the PDF renderer fetches nothing but the font and template files (a local HTTP server records
  whether it was contacted);
* file names made from data stay in their folder.
"""

from __future__ import annotations

import http.server
import io
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile import docx_text, pdf_text, squash
from hypothesis import given, settings
from hypothesis import strategies as st

import minutes
from minutes.compose import Composer
from minutes.errors import TemplateDataError
from minutes.files import MAX_NAME_BYTES, safe_output_name, safe_output_path
from minutes.i18n import set_language
from minutes.resources import fonts_dir, templates_dir
from minutes.writers.pdf import PdfWriter, allowed_roots, is_allowed_url

TESTS_DATA = Path(__file__).resolve().parent / "data"
BASE_FIELDS = {
    "profile": "state",
    "organization": {"name": "Ủy ban nhân dân phường Hoàn Kiếm"},
    "number": 5,
    "symbol": "BB-UBND",
    "date": "2025-08-12",
    "title": "Cuộc họp giao ban",
    "start": "2025-08-12 08:00",
    "location": "Phòng họp tầng 2",
    "chair": {"name": "Lê Thị Hoa"},
    "secretary": {"name": "Phạm Văn Nam"},
    "data": {"x": 7295, "s": "chữ"},
    "agenda": [{"title": "Báo cáo", "content": "Nội dung."}],
}


pytestmark = pytest.mark.usefixtures("english")  # messages in English (conftest.py)


def meeting(**changes: Any) -> minutes.Minutes:
    import json

    fields = {**BASE_FIELDS, **changes}
    return minutes.loads(json.dumps(fields, ensure_ascii=False), "hostile.json")


def with_content(content: str, **data: Any) -> minutes.Minutes:
    return meeting(
        data={**BASE_FIELDS["data"], **data}, agenda=[{"title": "Báo cáo", "content": content}]
    )


# -- a server that tells whether anyone called -----------------------------------------------------


class Recorder:
    """An HTTP server on 127.0.0.1 that answers 404 and remembers every request."""

    def __init__(self) -> None:
        requests: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.requests = requests
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.timeout = 1
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(scope="module")
def running_server() -> Iterator[Recorder]:
    recorder = Recorder()
    yield recorder
    recorder.close()


@pytest.fixture
def server(running_server: Recorder) -> Recorder:
    """The module's server, with no request recorded yet."""
    running_server.requests.clear()
    return running_server


@pytest.fixture(scope="module")
def writer() -> PdfWriter:
    return PdfWriter()


def _hostile_html(url: str) -> str:
    return f"""<html><head>
<link rel="stylesheet" href="{url}/linked.css"/>
<style>
@import url("{url}/imported.css");
@font-face {{ font-family: X; src: url("{url}/font.ttf"); }}
body {{ background: url("{url}/background.png"); font-family: X; }}
p {{ list-style-image: url("{url}/bullet.png"); }}
</style></head><body>
<p>Trang <img src="{url}/image.png"/> <img src="file:///etc/passwd"/>
<img src="../../../../../etc/hostname"/> <object data="{url}/object.svg"></object>
<embed src="{url}/embed.svg"/> <iframe src="{url}/frame.html"></iframe>
<svg xmlns="http://www.w3.org/2000/svg"><image href="{url}/svg-image.png"/></svg></p>
</body></html>"""


def test_the_server_does_record_a_fetch(server: Recorder) -> None:
    """The control: WeasyPrint's own fetcher does contact the server, so the tests below, where
    nothing is recorded, show that our fetcher refused, not that the server was deaf."""
    from weasyprint import HTML

    HTML(string=_hostile_html(server.url)).write_pdf()
    assert any(path.endswith("image.png") for path in server.requests)


def test_the_pdf_fetcher_contacts_no_server(server: Recorder, writer: PdfWriter) -> None:
    """HTML and CSS full of URLs, rendered with our writer's fetcher: nothing is fetched."""
    from weasyprint import CSS, HTML

    css = CSS(
        string=f'@import url("{server.url}/x.css"); '
        f'body {{ background: url("{server.url}/b.png") }}',
        url_fetcher=writer.url_fetcher,
    )
    pdf = HTML(
        string=_hostile_html(server.url),
        base_url=fonts_dir().as_uri() + "/",
        url_fetcher=writer.url_fetcher,
    ).write_pdf(stylesheets=[css])
    assert pdf and pdf.startswith(b"%PDF")
    assert server.requests == []


_FIELDS_FOR_URLS = ("title", "location", "content", "recipient", "name", "data")


def test_urls_in_the_data_are_text_and_are_not_fetched(server: Recorder) -> None:
    """Every kind of URL a hostile host could put in the data ends up as text in both files, and
    neither the renderer nor the DOCX writer contacts anything."""
    url = server.url
    attack = (
        f'<img src="{url}/img.png"> <link rel=stylesheet href="{url}/l.css"> '
        f"<style>@import url({url}/s.css)</style> url({url}/u.png) "
        f'<a href="{url}/a">a</a> ![x]({url}/md.png) [y]({url}/md)'
    )
    m = meeting(
        title=f"Họp {attack}",
        location=attack,
        # in the header, as words of a cell's width (a longer word is refused: test_load.py)
        organization={"name": f"Ủy ban {url.split('://')[1]} <img src=x>"},
        chair={"name": "Lê Thị Hoa", "position": attack},
        secretary={"name": "Phạm Văn Nam"},
        recipients=[attack],
        data={"u": attack},
        agenda=[{"title": "Báo cáo", "content": f"{attack}\n\n{{{{ data.u }}}}"}],
    )
    renderer = minutes.Renderer()
    tree = renderer.compose(m)
    for tag in ("img", "link", "style", "a", "object", "svg"):
        assert tree.root.find(f".//{tag}") is None
    pdf = renderer.render_pdf(m)
    docx = renderer.render_docx(m)
    assert server.requests == []
    assert squash(f'<img src="{url}/img.png">') in squash(pdf_text(pdf))
    assert squash(attack) in squash(docx_text(docx))
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        for name in archive.namelist():
            if name.endswith(".rels"):
                assert b'TargetMode="External"' not in archive.read(name), name


# -- the fetcher, on its own -----------------------------------------------------------------------


def _font_url() -> str:
    return (fonts_dir().resolve() / "LiberationSerif-Regular.ttf").as_uri()


def test_the_fetcher_reads_the_font_and_template_folders(writer: PdfWriter) -> None:
    response = writer.url_fetcher.fetch(_font_url())
    try:
        assert response.read(4) in (b"\x00\x01\x00\x00", b"true", b"OTTO")
    finally:
        response.close()
    template = next(templates_dir().resolve().glob("*.j2"))
    assert is_allowed_url(template.as_uri(), allowed_roots())


@pytest.mark.parametrize(
    "make_url",
    [
        lambda server: "file:///etc/passwd",
        lambda server: "file://localhost/etc/passwd",
        lambda server: "FILE:///etc/passwd",
        lambda server: fonts_dir().resolve().as_uri() + "/../../../../etc/passwd",
        lambda server: fonts_dir().resolve().as_uri() + "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        lambda server: fonts_dir().resolve().as_uri() + "/%252e%252e/%252e%252e/etc/passwd",
        lambda server: fonts_dir().resolve().as_uri() + "/..%2f..%2f..%2fetc%2fpasswd",
        lambda server: fonts_dir().resolve().as_uri() + "/LiberationSerif-Regular.ttf%00.png",
        lambda server: "file://remote.example" + str(fonts_dir().resolve()) + "/x.ttf",
        lambda server: "file:relative/fonts/x.ttf",
        lambda server: "file:" + str(fonts_dir().resolve()) + "/../../../etc/passwd",
        lambda server: server.url + "/font.ttf",
        lambda server: server.url.replace("http:", "https:") + "/font.ttf",
        lambda server: server.url.replace("http://", "ftp://") + "/font.ttf",
        lambda server: "data:text/css,body{}",
        lambda server: "//127.0.0.1/x",
        lambda server: "/etc/passwd",
        lambda server: "jar:file:///etc/passwd!/",
    ],
    ids=lambda make: "",
)
def test_the_fetcher_refuses_everything_else(
    make_url: Callable[[Recorder], str], server: Recorder, writer: PdfWriter
) -> None:
    url = make_url(server)
    assert not is_allowed_url(url, allowed_roots())
    with pytest.raises(ValueError, match=r"refused|disallowed|absolute"):
        writer.url_fetcher.fetch(url)
    assert server.requests == []


def test_a_symbolic_link_out_of_the_fonts_folder_is_refused(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for font in fonts_dir().glob("*.ttf"):
        (fonts / font.name).write_bytes(font.read_bytes())
    secret = tmp_path / "secret.txt"
    secret.write_text("không được đọc", encoding="utf-8")
    (fonts / "link.ttf").symlink_to(secret)
    writer = PdfWriter(fonts=fonts)
    assert not is_allowed_url((fonts / "link.ttf").as_uri(), (fonts.resolve(),))
    with pytest.raises(ValueError):
        writer.url_fetcher.fetch((fonts / "link.ttf").as_uri())
    assert is_allowed_url((fonts / "LiberationSerif-Regular.ttf").as_uri(), (fonts.resolve(),))


# -- YAML: data, never objects ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/apply:subprocess.check_call [['touch', '{marker}']]",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/object:pathlib.Path {{}}",
        "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
        "!ruby/object:Gem::Installer {{}}",
    ],
)
def test_yaml_tags_never_construct_objects(tagged: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"profile: state\nsymbol: {tagged.format(marker=marker)}\n"
    with pytest.raises(minutes.InputError) as caught:
        minutes.loads(text, "tagged.yaml")
    assert not marker.exists()
    (problem,) = [p for p in caught.value.problems if "tag" in p.message]
    assert (problem.line, problem.field) == (2, "symbol")


# -- the sandbox, hard -----------------------------------------------------------------------------

COMPOSER = Composer()
"""One composer for all (it is thread- and reuse-safe; the template is parsed once)."""

ATTACKS = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ data.__class__ }}",
    "{{ data['__class__'] }}",
    "{{ data.x.__class__.__mro__ }}",
    "{{ data.x.real.__class__ }}",
    "{{ (1).__class__ }}",
    "{{ ''['__class__'] }}",
    "{{ organization.__init__ }}",
    "{{ organization.__class__.__base__ }}",
    "{{ data.__dict__ }}",
    "{{ data.x.__add__ }}",
    "{{ data.items }}",
    "{{ data.keys }}",
    "{{ data.get }}",
    "{{ data.update }}",
    "{{ data.s.format }}",
    "{{ data.s.upper }}",
    "{{ ''.join }}",
    "{{ data.items() }}",
    "{{ data.s.format(data) }}",
    "{{ '{0.__class__}'.format(data) }}",
    "{{ range }}",
    "{{ range(10) }}",
    "{{ lipsum }}",
    "{{ lipsum() }}",
    "{{ cycler }}",
    "{{ joiner }}",
    "{{ namespace }}",
    "{{ dict }}",
    "{{ self }}",
    "{{ self._TemplateReference__context }}",
    "{{ config }}",
    "{{ request }}",
    "{{ loop }}",
    "{{ caller }}",
    "{{ varargs }}",
    "{{ kwargs }}",
    "{{ m }}",
    "{{ w }}",
    "{{ facts }}",
    "{{ 'x' * 1000000000 }}",
    "{{ data.s * 1000000000 }}",
    "{{ 1000000000 * data.s }}",
    "{{ [1] * 1000000000 }}",
    "{{ '%s' % data }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ data.s % 1 }}",
    "{{ data | attr('__class__') }}",
    "{{ data | map('upper') | list }}",
    "{{ data | tojson }}",
    "{{ data.x | format('%s') }}",
    "{{ data.s | center(1000000000) }}",
    "{{ data.s | indent(1000000000) }}",
    "{{ data.s | replace('c', 'cccccccccc') }}",
    "{{ data.x ** 1000000 }}",
    "{{ data.x if data.x else 0 }}",
    "{{ [data.x] }}",
    "{{ {'a': 1} }}",
    "{{ data.x == 1 }}",
    "{{ not data.x }}",
    "{{ data.x ~ data.s }}",
    "{{ " + " * ".join(["99999999999999999999"] * 8) + " }}",
    "{% include 'bien-ban.xhtml.j2' %}",
    "{% extends 'bien-ban.xhtml.j2' %}",
    "{% import 'bien-ban.xhtml.j2' as t %}",
    "{% from 'bien-ban.xhtml.j2' import person %}",
    "{% set x = 1 %}",
    "{% macro m() %}{% endmacro %}",
    "{% for x in data %}{{ x }}{% endfor %}",
    "{% if data.x %}x{% endif %}",
    "{% filter upper %}x{% endfilter %}",
    "{% with a = 1 %}{{ a }}{% endwith %}",
    "{% call range(1) %}{% endcall %}",
    "{% autoescape false %}x{% endautoescape %}",
    "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "{{ data.x" + " | abs" * 3000 + " }}",
    "{{ data.x " + "+ 1 " * 3000 + "}}",
    "{{ 9" + "9" * 5000 + " }}",
    "{{ data.x",
    "{{ }}",
    "{% %}",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_sandbox_refuses(attack: str) -> None:
    """Each attack is refused with a :class:`TemplateDataError` at its field: never a value of
    Python's internals, never a traceback, never a long wait."""
    m = with_content(f"Số liệu: {attack}.")
    with pytest.raises(TemplateDataError) as caught:
        COMPOSER.compose(m)
    (problem,) = caught.value.problems
    assert problem.field == "agenda[1].content"
    assert problem.file == "hostile.json" and problem.line is not None


def test_expression_results_are_neither_evaluated_again_nor_markup() -> None:
    m = meeting(
        location="Kết quả: {{ data.trap }} và {{ data.tag }}",
        data={
            "trap": "{{ ''.__class__ }} {% include 'bien-ban.xhtml.j2' %}",
            "tag": "<b>đậm</b> & <img src='x'>",
        },
    )
    renderer = minutes.Renderer()
    tree = renderer.compose(m)
    assert tree.root.find(".//b") is None and tree.root.find(".//img") is None
    shown = (
        "Kết quả: {{ ''.__class__ }} {% include 'bien-ban.xhtml.j2' %} "
        "và <b>đậm</b> & <img src='x'>."
    )
    assert shown in docx_text(renderer.render_docx(m))
    assert squash(shown) in squash(pdf_text(renderer.render_pdf(m)))


def test_expression_results_are_cleaned_like_text() -> None:
    """Strings in ``data`` are not cleaned when read (they are data), so what an expression prints
    is: control characters, lone surrogates and zero-width spaces would break the XML or hide."""
    m = with_content("A{{ data.dirty }}B", dirty="x\x00y\x0cz\u200bw\ud800v")
    tree = COMPOSER.compose(m)
    assert "Axyzw\ufffdvB" in tree.xhtml


def test_expressions_cannot_multiply_text() -> None:
    """One document's expressions together produce at most a million characters."""
    m = with_content(" ".join(["{{ data.big }}"] * 12), big="x" * 90_000)
    with pytest.raises(TemplateDataError, match="more than 1000000 characters"):
        COMPOSER.compose(m)


def test_legitimate_arithmetic_still_works() -> None:
    m = with_content(
        "{{ data.x * 2 }} {{ data.x % 7 }} {{ (data.x * 1000) | money('triệu đồng') }} "
        "{{ data.x * 1.5 }} {{ -data.x }} {{ data.x | abs }}"
    )
    text = COMPOSER.compose(m).xhtml
    assert "14590 1 7,295 triệu đồng 10942.5 -7295 7295" in text


# -- every limit before the work it bounds (issue #19) ---------------------------------------------


def peak_of(work: Callable[[], Any]) -> int:
    """The peak of Python's allocations while ``work`` runs, in bytes."""
    import tracemalloc

    tracemalloc.start()
    try:
        work()
    except minutes.MinutesError:
        pass
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


def _aliases(levels: int = 8, width: int = 9) -> tuple[str, str]:
    lines = ['  b0: &b0 ["xxxxxxxxxxxxxxxxxxxxxxxxxxxx", "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"]']
    for level in range(1, levels):
        lines.append(f"  b{level}: &b{level} [" + ", ".join([f"*b{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n", f"b{levels - 1}"


def test_a_key_written_twice_costs_nothing_however_large_its_value() -> None:
    """ruamel's own message holds both values as text: 9^7 aliases of 56 characters, 2.5 GB.
    Refused here with a line that names the key, at a few megabytes."""
    anchors, last = _aliases()
    text = f"data:\n{anchors}k: *{last}\nk: *{last}\n"
    assert peak_of(lambda: minutes.loads(text, "bomb.yaml")) < 16 * 1024 * 1024
    with pytest.raises(minutes.InputError) as caught:
        minutes.loads(text, "bomb.yaml")
    (problem,) = caught.value.problems
    assert problem.message == "The field `k` is written twice."
    assert problem.line == text.count("\n") and problem.field == "k"
    assert problem.hint == f"keep one of the two; the first is on line {problem.line - 1}"


_T = "data.t"
SHAPES = {
    "tuple": f"({', '.join([_T] * 2000)})",
    "tuple-in-a-filter": f"({', '.join([_T] * 2000)}) | upper",
    "tuple-in-money": f"({', '.join([_T] * 2000)}) | money",
    "nested-tuples": "(" * 15 + f"{_T}, {_T}" + f"), {_T}" * 15,
    "plus": " + ".join([_T] * 30),
    "slices": f"{_T}[::1] + {_T}[::-1] + {_T}",
    "the-whole-data": "data",
}


@pytest.mark.parametrize("shape", list(SHAPES.values()), ids=list(SHAPES))
def test_expression_results_of_any_shape_are_counted_before_they_become_text(
    shape: str,
) -> None:
    """``data.t`` is 100 texts of 9,000 characters (within the loader's limits); each shape
    would be megabytes to gigabytes of text."""
    m = with_content(f"{{{{ {shape} }}}} {{{{ {shape} }}}}", t=[["x" * 9000] * 10] * 10)
    assert peak_of(lambda: COMPOSER.compose(m)) < 48 * 1024 * 1024
    with pytest.raises(TemplateDataError) as caught:
        COMPOSER.compose(m)
    assert "more than 1000000 characters" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("profile: state\n" + "b" * 100_000 + ": 1\n", "an unknown field"),
        ("profile: state\ntitle: *" + "c" * 100_000 + "\n", "an undefined alias"),
        ("profile: state\n" + "x: [" + "k" * 100_000 + "\n", "a syntax error"),
    ],
    ids=["field", "alias", "syntax"],
)
def test_messages_quote_the_users_data_in_short(text: str, where: str) -> None:
    from minutes.validate import validate_text

    problems = validate_text(text, "long.yaml")
    assert problems, where
    for problem in problems:
        assert len(str(problem)) < 1000, f"{where}: {len(str(problem))} characters"


def test_names_in_expressions_are_quoted_in_short() -> None:
    for content in ("{{ data." + "a" * 90_000 + " }}", "{{ data.x | " + "z" * 90_000 + " }}"):
        with pytest.raises(TemplateDataError) as caught:
            COMPOSER.compose(with_content(content))
        assert len(str(caught.value.problems[0])) < 1000


@pytest.mark.parametrize(
    ("expression", "said"),
    [
        ("data.x | share(0)", "the whole is 0"),
        ("data.x // 0", "division by zero"),
        ("data.x % 0", "division by zero"),
        ("data.x / 0", "division by zero"),
        ("data.x * 1.0e308 * 10", None),  # inf: a formatting filter refuses it, not arithmetic
        ("data.x | share('chữ')", "is not a number"),
    ],
)
def test_arithmetic_that_fails_is_said_in_words(expression: str, said: str | None) -> None:
    try:
        COMPOSER.compose(with_content(f"{{{{ ({expression}) | number }}}}"))
    except TemplateDataError as error:
        message = error.problems[0].message
    else:
        message = ""
    for python in ("decimal.", "<class", "DivisionByZero", "ZeroDivisionError"):
        assert python not in message
    if said is not None:
        assert said in message


def test_share_of_zero_in_vietnamese() -> None:
    set_language("vi")
    with pytest.raises(TemplateDataError) as caught:
        COMPOSER.compose(with_content("{{ data.x | share(0) }}"))
    assert "không tính được tỷ lệ trên 0 (tổng số bằng 0)" in caught.value.problems[0].message


def test_utf32_with_a_bom_is_read() -> None:
    text = (TESTS_DATA / "minimal-state.yaml").read_text(encoding="utf-8")
    for encoding in ("utf-32", "utf-32-le", "utf-32-be"):
        raw = text.encode(encoding)
        if not raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
            raw = ("\ufeff" + text).encode(encoding)
        assert (
            minutes.loads(raw, "utf32.yaml").title == "Cuộc họp giao ban công tác tháng 8 năm 2025"
        )


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes")
def test_a_pipe_is_refused_not_waited_for(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "bien-ban.yaml"
    os.mkfifo(pipe)
    outcome: list[Any] = []

    def read() -> None:
        try:
            minutes.load(pipe)
        except minutes.InputError as error:
            outcome.append(error.problems[0].message)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "the reader waits for a writer"
    assert outcome == ["This is not an ordinary file (a pipe, a socket or a device)."]


# -- file names from data --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/x", "etc-x"),
        ("/etc/passwd", "etc-passwd"),
        ("C:\\Windows\\System32\\x", "C-Windows-System32-x"),
        ("a\x00b", "ab"),
        ("..", "bien-ban"),
        (".", "bien-ban"),
        ("", "bien-ban"),
        ("   ", "bien-ban"),
        (".bashrc", "bashrc"),
        ("-rf", "rf"),
        ("CON", "_CON"),
        ("con", "_con"),
        ("nul.txt", "_nul.txt"),
        ("COM1", "_COM1"),
        ("LPT9.pdf", "_LPT9.pdf"),
        ("CONSOLE", "CONSOLE"),
        ("bien-ban\u202egpj.exe", "bien-bangpj.exe"),
        ("Biên bản họp: 07/3/2018", "Biên bản họp- 07-3-2018"),
        ("Bie\u0302n ba\u0309n", "Biên bản"),
        ('a<b>c:d"e|f?g*h', "a-b-c-d-e-f-g-h"),
        ("dòng 1\ndòng 2\tx", "dòng 1 dòng 2 x"),
    ],
)
def test_safe_output_name(text: str, expected: str) -> None:
    assert safe_output_name(text) == expected


def test_safe_output_name_cuts_long_names_on_a_letter() -> None:
    name = safe_output_name("Nghị quyết " * 100)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.startswith("Nghị quyết Nghị quyết")
    assert not name.endswith(" ")
    assert safe_output_name("ệ" * 500) == "ệ" * (MAX_NAME_BYTES // len("ệ".encode()))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_name_stays_in_its_folder(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.getbasetemp() / "names"
    folder.mkdir(exist_ok=True)
    name = safe_output_name(text)
    assert name and name not in (".", "..")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    path = safe_output_path(folder, text, ".pdf")
    assert path.parent == folder
    path.write_bytes(b"%PDF")  # the name is one the file system takes
    assert path.resolve().parent == folder.resolve()
    path.unlink()


def test_safe_output_path_refuses_a_bad_suffix(tmp_path: Path) -> None:
    for suffix in ("/../x", "pdf", ".p/df", "." + "x" * 20, ""):
        with pytest.raises(ValueError):
            safe_output_path(tmp_path, "a", suffix)
