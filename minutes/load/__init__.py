"""YAML or JSON text → :class:`~minutes.model.Minutes`, with errors that point at file:line:column.

ruamel.yaml's round-trip loader gives the meaning (YAML 1.2) and the line and column of every
key and list item, so a pydantic error on ``agenda[2].votes.for`` can say *where* in the file it is.
Plain files are read the same, twenty times faster, from libyaml's events (PyYAML's C parser,
:mod:`minutes.load.fast`); anything else falls back to ruamel (:mod:`minutes.load.reader`).
It constructs only plain data (no Python objects). Timestamps are kept as text and parsed by
pydantic, so an impossible date such as ``2018-02-30`` is reported at its line, as a field error,
instead of escaping as a bare ``ValueError`` from the YAML parser.

Input is not trusted (the library also runs inside web services), so reading it is bounded by
:class:`Limits`: the size of the file, the number of values (counted again after YAML aliases are
expanded, which stops "billion laughs"), the nesting depth, the items of one list and the length
of one text. Each is checked while the file is read, so a hostile file is refused in a fraction of
a second with a message that names its line, never a ``RecursionError`` or a full memory. Tags
(``!!python/object``, ``!!binary``, ``!foo``) are refused, not constructed. Control characters
pasted from Word (``\x0b``, ``\x0c``), which YAML itself forbids, are let through to the text
fields, where :func:`~minutes.formatting.normalize_text` cleans them.
"""

from __future__ import annotations

from pathlib import Path

from minutes.load.constructors import float_text
from minutes.load.encodings import decode, guess_legacy_encoding, read_source
from minutes.load.limits import DEFAULT_LIMITS, MAX_INPUT_BYTES, MAX_INT_DIGITS, Limits
from minutes.load.messages import validate_data
from minutes.load.reader import Parsed, parse
from minutes.model import Minutes
from minutes.paths import field_path
from minutes.validation_words import field_names

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_INPUT_BYTES",
    "MAX_INT_DIGITS",
    "Limits",
    "Parsed",
    "decode",
    "field_names",
    "field_path",
    "float_text",
    "guess_legacy_encoding",
    "load",
    "loads",
    "parse",
    "read_source",
    "validate_data",
]


def loads(text: str | bytes, source: str = "<input>", limits: Limits | None = None) -> Minutes:
    """Read meeting data from YAML or JSON text (``bytes`` must be UTF-8, or UTF-16 with a BOM).
    ``limits`` bounds what is accepted (see :class:`Limits`)."""
    if isinstance(text, bytes):
        text = decode(text, source, limits)
    return validate_data(parse(text, source, limits))


def load(path: str | Path, limits: Limits | None = None) -> Minutes:
    """Read meeting data from a ``.yaml``, ``.yml`` or ``.json`` file."""
    return validate_data(parse(read_source(path, limits), str(path), limits))
