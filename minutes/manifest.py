"""What a batch wrote before, so that the next run redoes only what changed.

An office re-runs ``minutes batch`` over the same folder every week; re-rendering hundreds of
unchanged minutes would waste minutes of their time. The output folder keeps a small manifest,
``.minutes-manifest.json``, recording for each output file the input it came from, the SHA-256 of
that input, and a *fingerprint* of everything else that shapes the file: the template, the
profiles (their id, version and every byte), the fonts, the version of ``minutes`` *and a digest
of its own code* (a development build or a copy of a newer checkout keeps the version number
while the code that lays out the document changes), the versions of the libraries that lay out
the pages, the format and the PDF variant. An output is up to date when it exists and all of
these match; file dates alone are not trusted (a copy or a ``git checkout`` changes them without
changing a word, and a restored old file can be newer than its output).

The batch saves the manifest as work completes (atomically, at most every
:data:`SAVE_EVERY_S` seconds, and at the end), so a batch that is killed keeps the record of what
it finished. Names are written with JSON escapes where they are not plain text, so any file name
the system allows can be recorded and read back.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from minutes.files import write_atomic
from minutes.profiles import office_dirs
from minutes.resources import fonts_dir, profiles_dir, templates_dir
from minutes.vocabulary import font_files

MANIFEST_NAME = ".minutes-manifest.json"
MANIFEST_VERSION = 2
"""2: the fingerprint covers the code of ``minutes`` and names the profiles' versions."""
SAVE_EVERY_S = 2.0
"""How often a running batch saves its manifest: a killed batch loses at most this much work."""
_LAYOUT_LIBRARIES = ("weasyprint", "python-docx", "babel", "jinja2", "markdown-it-py")


def digest(data: bytes) -> str:
    """The SHA-256 of ``data``, as hex."""
    return hashlib.sha256(data).hexdigest()


_PROFILE_LINE = re.compile(
    r"""^(?:profile|extends):[ \t]*['"]?([^'"#\n]+?)['"]?[ \t]*(?:#.*)?$""", re.M
)
"""A meeting's ``profile:`` line, or a profile's ``extends:`` line."""


def input_digest(source: Path, text: str) -> str:
    """The SHA-256 of a meeting's text and of the profile files it names beside it (a profile
    file, and the files it extends, are part of the input: editing one redoes its meetings)."""
    from minutes.profiles import looks_like_file

    hasher = hashlib.sha256(text.encode("utf-8"))
    seen: set[Path] = set()
    folder, body = source.parent, text
    while len(seen) < 8:
        match = _PROFILE_LINE.search(body)
        if match is None or not looks_like_file(match.group(1)):
            break
        path = (folder / match.group(1)).resolve()
        if path in seen or not path.is_file():
            break
        seen.add(path)
        data = path.read_bytes()
        hasher.update(b"\0" + data)
        folder, body = path.parent, data.decode("utf-8", "replace")
    return hasher.hexdigest()


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _code_digest(package: Path) -> str:
    """A digest of the Python code of ``minutes`` that shapes a document (everything but the
    web app and the format checker, which only read documents)."""
    hasher = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] in ("web", "check"):
            continue
        hasher.update(f"{relative.as_posix()}\n".encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def _profile_versions() -> str:
    """``party hd36-…, state nd30-2020``: each profile's id and the version it declares (its
    bytes are hashed as well, below; the versions say in the manifest what was used)."""
    from minutes.profiles import all_profiles

    return ", ".join(f"{profile.id} {profile.version}" for profile in all_profiles())


@cache
def _base_fingerprint() -> str:
    from minutes import __version__

    hasher = hashlib.sha256()
    hasher.update(f"minutes {__version__}\n".encode())
    hasher.update(f"code {_code_digest(Path(__file__).resolve().parent)}\n".encode())
    hasher.update(f"profiles {_profile_versions()}\n".encode())
    for library in _LAYOUT_LIBRARIES:
        hasher.update(f"{library} {_library_version(library)}\n".encode())
    for folder, pattern in (
        (templates_dir(), "*.j2"),
        (templates_dir(), "*.css"),
        (profiles_dir(), "*.yaml"),
        *((folder, "*.yaml") for folder in office_dirs()),
    ):
        for path in sorted(folder.glob(pattern)):
            hasher.update(f"{path.name}\n".encode())
            hasher.update(path.read_bytes())
    fonts = fonts_dir()  # the four files embedded, not a whole folder such as C:\\Windows\\Fonts
    for name in sorted(font_files(fonts).values()):
        hasher.update(f"{name}\n".encode())
        hasher.update((fonts / name).read_bytes())
    return hasher.hexdigest()


def fingerprint(fmt: str, variant: str | None = None) -> str:
    """Everything but the input that decides the bytes of a ``fmt`` output (read once per
    process: the template and profiles do not change while a batch runs)."""
    extra = f"{fmt} {variant or ''}" if fmt == "pdf" else fmt
    return digest(f"{_base_fingerprint()} {extra}".encode())


@dataclass(frozen=True)
class Entry:
    """How one output file was made."""

    source: str  # the input's absolute path
    sha256: str  # of the input's text
    fingerprint: str


class Manifest:
    """The manifest of one output folder. Not thread-safe: the batch's main loop owns it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST_NAME
        self._entries: dict[str, Entry] = self._read()
        self._changed = False

    def _read(self) -> dict[str, Entry]:
        """The recorded entries; a missing or damaged manifest means "nothing is known", which
        only costs a re-render, never a wrong skip."""
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
            if raw.get("version") != MANIFEST_VERSION:
                return {}
            return {name: Entry(**value) for name, value in raw["outputs"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    def is_current(self, output: Path, source: Path, sha256: str, print_: str) -> bool:
        """Whether ``output`` exists and was made from this very input with this fingerprint."""
        entry = self._entries.get(output.name)
        return (
            entry is not None
            and entry == Entry(str(source.resolve()), sha256, print_)
            and output.is_file()
        )

    def record(self, output: Path, source: Path, sha256: str, print_: str) -> None:
        """Remember that ``output`` was just written from ``source``."""
        self._entries[output.name] = Entry(str(source.resolve()), sha256, print_)
        self._changed = True

    def source_of(self, output: Path) -> str | None:
        """The input ``output`` was last made from, if known."""
        entry = self._entries.get(output.name)
        return entry.source if entry else None

    @property
    def unsaved(self) -> bool:
        """Whether something was recorded since the last save."""
        return self._changed

    def save(self) -> None:
        """Write the manifest (atomically) if anything was recorded. Raises :class:`OSError`
        when it cannot be written (a full disk, a read-only folder); what was recorded is kept,
        for the next try."""
        if not self._changed:
            return
        from minutes import __version__

        payload = {
            "version": MANIFEST_VERSION,
            "tool": f"minutes {__version__}",
            "profiles": _profile_versions(),
            "outputs": {name: asdict(entry) for name, entry in sorted(self._entries.items())},
        }
        # ensure_ascii: a name whose bytes are not UTF-8 (kept by Python as lone surrogates)
        # is written as \udcxx escapes, which read back as the same name
        text = json.dumps(payload, ensure_ascii=True, indent=1) + "\n"
        write_atomic(self.path, text.encode("ascii"))
        self._changed = False
