"""Messages: Vietnamese by default, English on request, argparse's own words included; and the
catalog translates every message the code can show."""

from __future__ import annotations

import argparse
import gettext
import io
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from cli_support import (  # noqa: F401  (an autouse fixture)
    MINIMAL_STATE,
    ROOT,
    broken_copy,
    default_language,
    run_main,
    run_process,
)

from minutes import __version__, i18n
from minutes.cli.argparse_i18n import ARGPARSE_MESSAGES, plural_messages

CATALOG = ROOT / "minutes" / "locale" / "vi" / "LC_MESSAGES" / "minutes.po"
COMMANDS = ("render", "batch", "validate", "new", "schema", "check")


def extracted() -> dict[str, Any]:
    """msgid → message, for every message marked in the source (as ``pybabel extract`` would
    find them with ``babel.cfg``)."""
    found: dict[str, Any] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "minutes"), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
    ):
        found[message[0] if isinstance(message, tuple) else message] = message
    return found


def catalog() -> Any:
    with CATALOG.open("rb") as stream:
        return read_po(stream)


def test_every_message_has_a_vietnamese_translation() -> None:
    source = extracted()
    po = catalog()
    assert len(source) > 100  # the extraction really found the messages
    entries = {
        message.id if isinstance(message.id, str) else message.id[0]: message
        for message in po
        if message.id
    }
    missing = sorted(set(source) - set(entries))
    assert not missing, f"not in the catalog (run pybabel update): {missing}"
    for msgid, message in entries.items():
        assert not message.fuzzy, f"fuzzy: {msgid!r}"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"untranslated: {msgid!r}"
        if isinstance(source.get(msgid), tuple):
            assert isinstance(message.id, tuple), f"should be a plural entry: {msgid!r}"


def test_the_catalog_has_nothing_the_code_no_longer_says() -> None:
    po = catalog()
    assert not po.obsolete, f"obsolete entries (#~): {list(po.obsolete)}"
    source = extracted()
    ids = sorted((m.id if isinstance(m.id, str) else m.id[0]) for m in po if m.id)
    stale = [msgid for msgid in ids if msgid not in source]
    assert not stale, f"in the catalog but not in the code: {stale}"


BRACES = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sdr]")


def placeholders(text: str) -> list[str]:
    return sorted(BRACES.findall(text) + PERCENT.findall(text) + re.findall(r"\{\{|\}\}", text))


def test_translations_keep_their_placeholders() -> None:
    po = catalog()
    # Babel's own checks, except its %-format check on str.format() messages: "{percent}% of"
    # looks to it like the %-placeholder "% o" (the brace check below covers those messages)
    failed = [
        (message.id, errors)
        for message, errors in po.check()
        if "python-brace-format" not in message.flags
    ]
    assert not failed, failed
    for message in po:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert placeholders(string) == placeholders(msgid), msgid
        if msgid.endswith("\n"):
            assert all(s.endswith("\n") for s in strings)


def test_the_catalog_compiles_in_memory() -> None:
    translations = gettext.GNUTranslations(io.BytesIO(i18n.compile_po(CATALOG)))
    assert translations.gettext("This field is required but missing.") == "Thiếu trường bắt buộc."
    assert translations.gettext("did you mean `{name}`?") == "có phải ý bạn là `{name}`?"


def test_the_compiled_catalog_is_kept_for_the_next_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled once per version of the .po, then read back; a broken entry is compiled again
    (the messages never turn English because of the cache)."""
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(tmp_path))
    po = tmp_path / "minutes.po"
    po.write_bytes(CATALOG.read_bytes())
    compiled: list[Path] = []
    real_compile = i18n.compile_po

    def counted(path: Path) -> bytes:
        compiled.append(path)
        return real_compile(path)

    monkeypatch.setattr(i18n, "compile_po", counted)
    required = "This field is required but missing."
    assert i18n.compiled_catalog(po).gettext(required) == "Thiếu trường bắt buộc."
    (entry,) = (tmp_path / "catalog").iterdir()
    assert i18n.compiled_catalog(po).gettext(required) == "Thiếu trường bắt buộc."
    assert len(compiled) == 1
    entry.write_bytes(entry.read_bytes()[:40])  # cut short
    assert i18n.compiled_catalog(po).gettext(required) == "Thiếu trường bắt buộc."
    assert len(compiled) == 2
    po.write_bytes(CATALOG.read_bytes().replace("Thiếu trường bắt buộc.".encode(), b"Thieu."))
    assert i18n.compiled_catalog(po).gettext(required) == "Thieu."  # an edit is seen at once
    assert len(compiled) == 3 and len(list((tmp_path / "catalog").iterdir())) == 2


def test_argparse_messages_are_in_the_catalog() -> None:
    source = extracted()
    for message in ARGPARSE_MESSAGES:
        assert message in source
    assert plural_messages(2) == ["cần %s tham số"]  # argparse fills in the number


# -- what the user sees ----------------------------------------------------------------------------


def test_vietnamese_by_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = broken_copy(MINIMAL_STATE, tmp_path / "bad.yaml")
    run = run_main(capsys, "validate", bad)
    assert "Thiếu trường bắt buộc." in run.out
    assert "Trường không hợp lệ: `secetary`. (có phải ý bạn là `secretary`?)" in run.out


def test_english_with_lang_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = broken_copy(MINIMAL_STATE, tmp_path / "bad.yaml")
    run = run_main(capsys, "--lang", "en", "validate", bad)
    assert "This field is required but missing." in run.out
    assert "(did you mean `secretary`?)" in run.out
    # the option also works after the command, and the choice does not outlive the call
    assert "did you mean" in run_main(capsys, "validate", "--lang=en", bad).out
    assert "có phải ý bạn là" in run_main(capsys, "validate", bad).out


def test_english_with_an_english_lang(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = broken_copy(MINIMAL_STATE, tmp_path / "bad.yaml")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "did you mean `secretary`?" in run_main(capsys, "validate", bad).out
    assert "có phải ý bạn là" in run_main(capsys, "--lang", "vi", "validate", bad).out
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert "có phải ý bạn là" in run_main(capsys, "validate", bad).out


def test_argparse_speaks_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "batch")
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("cách dùng: minutes batch")
    assert "lỗi: thiếu tham số bắt buộc: ĐƯỜNG_DẪN, -o/--output" in run.err
    run = run_main(capsys, "khong-co-lenh")
    assert run.code == 2
    assert "lỗi: tham số LỆNH: lựa chọn không hợp lệ: 'khong-co-lenh'" in run.err
    run = run_main(capsys, "validate", "a.yaml", "--thua")
    assert "tham số không hợp lệ: --thua" in run.err
    # argparse is left as it was found
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]


def test_argparse_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "--lang", "en", "batch")
    assert run.err.startswith("usage: minutes batch")
    assert "error: the following arguments are required: PATH, -o/--output" in run.err


def test_argparse_in_english_through_the_real_entry_point() -> None:
    run = run_process("batch", lang="en_US.UTF-8")
    assert run.code == 2
    assert "usage: minutes batch" in run.err and "the following arguments are required" in run.err
    run = run_process("batch")
    assert "cách dùng: minutes batch" in run.err and "thiếu tham số bắt buộc" in run.err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    run = run_main(capsys, command, "--help")
    assert run.code == 0
    assert run.out.startswith(f"cách dùng: minutes {command}")
    assert "tùy chọn:" in run.out and "hiện hướng dẫn này rồi thoát" in run.out
    assert "Ví dụ:" in run.out and f"\n  minutes {command} " in run.out
    english = run_main(capsys, "--lang", "en", command, "--help")
    assert english.out.startswith(f"usage: minutes {command}") and "Examples:" in english.out


def test_version_and_bare_command(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "--version")
    assert run.code == 0 and run.out.strip() == f"minutes {__version__}"
    run = run_main(capsys)
    assert run.code == 2 and "cách dùng: minutes" in run.out and "các lệnh:" in run.out


def test_a_bug_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("minutes.schema.schema_text", explode)
    run = run_main(capsys, "schema")
    assert run.code == 3
    assert run.err.startswith("Lỗi nội bộ (RuntimeError): boom.")
    assert "Traceback" not in run.err
