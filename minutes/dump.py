"""Meeting data back to YAML text: the inverse of :func:`minutes.load.parse`.

The web form saves what the clerk typed as a YAML file that ``minutes render`` and any editor take
as it is, so the text should read like one a person wrote: fields in the order of the format,
block style, Vietnamese letters as letters, and a paragraph of several lines as a literal block
(``|``) rather than one long quoted line full of ``\\n``. ruamel.yaml writes it (the same library
reads it); this module only chooses those styles.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from minutes.load import float_text

_SEXAGESIMAL = re.compile(r"[-+]?\d+(:[0-5]?\d)+(\.\d*)?")
"""``11:30``: text in YAML 1.2 (which ``minutes`` reads), but a number (690) to a YAML 1.1
reader such as PyYAML; quoted, it is the same text to both."""

HEADER = "# Dữ liệu biên bản (định dạng minutes, bản 1): `minutes render` in ra DOCX và PDF.\n"
"""The first line of a file saved from the web form."""


def dumps(data: dict[str, Any], header: str | None = None) -> str:
    """``data`` (plain dicts, lists, text and numbers) as a YAML document, ``header`` first."""
    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096  # long Vietnamese paragraphs stay on one line instead of being folded
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(float, _float)
    stream = io.StringIO()
    yaml.dump(_styled(data), stream)
    return (header or "") + stream.getvalue()


def _float(representer: Any, value: float) -> Any:
    """A number reads back as itself (see :func:`minutes.load.float_text`)."""
    return representer.represent_scalar("tag:yaml.org,2002:float", float_text(value))


def _styled(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _styled(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_styled(item) for item in value]
    if isinstance(value, str) and "\n" in value.strip("\n") and _literal_safe(value):
        return LiteralScalarString(value)  # ruamel writes |- or |+ for the final line ends
    if isinstance(value, str) and _SEXAGESIMAL.fullmatch(value):
        return DoubleQuotedScalarString(value)
    return value


def _literal_safe(text: str) -> bool:
    """A literal block keeps text as it is, except trailing spaces on lines and tabs or control
    characters, which YAML would need escapes for: such text stays a quoted scalar."""
    return not any(
        line != line.rstrip(" \t") or any(ord(ch) < 32 and ch != "\t" for ch in line)
        for line in text.split("\n")
    ) and not text.startswith((" ", "\t"))
