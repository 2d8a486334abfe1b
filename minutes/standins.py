"""Valid values that stand in for a file's broken fields while ``minutes validate`` checks the
``{{ … }}`` expressions of a file that also has field problems (see :mod:`minutes.validate`).

They are data of their own, not the starter files: a starter is prose for a clerk to edit, and
what ``validate`` reports must not change when a comment or an example of a starter does. They
cover every field a meeting must have and the usual places a mistake is made (the people, the
counts, an agenda item with its votes); a field they do not have is removed from the copy instead.
A test validates them under every profile, so they stay valid as the model and profiles grow.
"""

from __future__ import annotations

import copy
from typing import Any

_PERSON = {"name": "Nguyễn Văn An", "position": "Chủ tịch"}
_SECRETARY = {"name": "Trần Thị Bình", "position": "Thư ký"}

_COMMON: dict[str, Any] = {
    "profile": "state",
    "organization": {"name": "Ủy ban nhân dân"},
    "symbol": "BB",
    "number": 1,
    "place": "Hà Nội",
    "date": "2025-01-02",
    "title": "Cuộc họp",
    "kind": "cuộc họp",
    "start": "2025-01-02 08:00",
    "end": "10:00",
    "location": "Phòng họp",
    "chair": _PERSON,
    "secretary": _SECRETARY,
    "members_present": 2,
    "members_total": 2,
    "attendees": [_PERSON, _SECRETARY],
    "absent": [],
    "invited": [],
    "documents": [],
    "data": {},
    "agenda": [
        {
            "title": "Nội dung",
            "presenter": _PERSON,
            "content": "Nội dung.",
            "discussion": "Ý kiến.",
            "conclusion": "Kết luận.",
            "votes": {"question": "thông qua", "for": 2, "against": 0, "abstain": 0},
        }
    ],
    "closing": "Biên bản đã được đọc lại.",
    "recipients": ["Lưu"],
}


def stand_ins() -> dict[str, Any]:
    """A valid meeting, as plain data the caller may change. It satisfies every layout (it has a
    place, for those that print one); its ``profile`` is given only where the file's own is
    broken."""
    return copy.deepcopy(_COMMON)
