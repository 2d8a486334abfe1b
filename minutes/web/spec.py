"""Which box shows each field of the format: the one description that both the page template
(drawing boxes from data) and :mod:`minutes.web.form` (reading data from boxes) follow.

Every model of the file has its fields listed here, in the order of the format, each with the kind
of box that suits it (a line, paragraphs, a count, a date, a choice …). Written out by hand, not
derived from the pydantic models: a line of text and paragraphs are the same type to pydantic, and
the layout (what is folded under "Thêm chi tiết", what is shown only when a file has it) is the
form's own choice. ``tests/test_web_form.py`` checks that the lists cover every field of every
model, so a field added to the format cannot be forgotten by the form.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """One field of a model, as the form shows it."""

    key: str
    """The field's name in the file."""
    kind: str
    """The kind of box (see :data:`KINDS`)."""
    of: str = ""
    """The model of a nested mapping or of a list's rows; the choices of a choice box."""
    more: bool = False
    """Folded under "Thêm chi tiết" (opened when it holds something)."""
    wide: bool = False
    """Takes the whole width of its row."""
    old: bool = False
    """A field of the format's first version, shown only where the data has it: the form writes
    its newer equivalent (``parts``, ``members``), but a file that has the old one keeps it."""
    rows: int = 0
    """Empty rows shown when a new mapping's list has none (a blank form's chair)."""
    unless: tuple[str, ...] = ()
    """Not shown when the data has one of these fields and not this one: the members' counts
    are not offered beside the older fields that say the same (the format takes one or the
    other)."""


KINDS = frozenset(
    {
        "text",  # one line
        "lines",  # a line that may break where the clerk presses Enter (a header's name)
        "long",  # paragraphs
        "count",  # a whole number
        "number",  # a number (a column's relative width)
        "date",  # a date
        "moment",  # a date and, optionally, a time
        "end",  # a time and, optionally, another date
        "choice",  # one of CHOICES[of]; "" for the format's default
        "flag",  # yes (ticked) or no, no by default
        "flag_on",  # yes or no, yes by default
        "yes_no",  # yes, no, or not said (CHOICES[of] names the three)
        "share",  # the valid/returned/issued ballots, or a number
        "value",  # a number or a text (a figure)
        "model",  # a nested mapping of the model `of`, in a box of its own
        "group",  # a nested mapping shown among its parent's boxes
        "people",  # a list of persons (or one person)
        "absent",  # a list of absent persons
        "list",  # a list of rows of the model `of`
        "texts",  # a list of lines
        "parts",  # a list of parts, each of its own kind
        "table",  # a table: columns, rows of cells
        "data",  # named values
    }
)

SPEC: dict[str, tuple[Box, ...]] = {
    "Organization": (Box("name", "lines", wide=True), Box("parent", "lines", wide=True)),
    "Members": (
        Box("label", "text"),
        Box("unit", "text"),
        Box("total", "count"),
        Box("present", "count"),
        Box("absent", "count"),
        Box("excused", "count"),
        Box("unexcused", "count"),
        Box("categories", "list", "MemberCategory", more=True),
        Box("exempt", "count", more=True),
        Box("exempt_label", "text", more=True),
        Box("voters", "count", more=True),
        Box("voters_label", "text", more=True),
        Box("represented", "model", "Represented", more=True),
        Box("include_chair", "flag_on", more=True),
        Box("include_secretary", "flag", more=True),
    ),
    "MemberCategory": (Box("label", "text"), Box("total", "count"), Box("present", "count")),
    "Represented": (
        Box("present", "count"),
        Box("total", "count"),
        Box("unit", "text"),
        Box("label", "text"),
    ),
    "Board": (Box("label", "text", wide=True), Box("members", "people", "Person", rows=1)),
    "AgendaItem": (
        Box("title", "lines", wide=True),
        Box("presenter", "people", "Person", rows=1),
        Box("content", "long", old=True),
        Box("figures_caption", "text", wide=True, old=True),
        Box("figures", "list", "Figure", old=True),
        Box("discussion", "long", old=True),
        Box("conclusion", "long", old=True),
        Box("votes", "list", "Vote", old=True),
        Box("parts", "parts", rows=1),
    ),
    "Figure": (Box("label", "text"), Box("value", "value"), Box("unit", "text")),
    "Vote": (
        Box("question", "text", wide=True),
        Box("for", "count"),
        Box("against", "count"),
        Box("abstain", "count"),
        Box("invalid", "count", more=True),
        Box("base", "count", more=True),
        Box("base_label", "text", more=True),
        Box("unit", "text", more=True),
        Box("share_of", "count", more=True),
        Box("share_label", "text", more=True),
        Box("decimals", "count", more=True),
        Box("labels", "model", "VoteLabels", more=True),
    ),
    "VoteLabels": (
        Box("for", "text"),
        Box("against", "text"),
        Box("abstain", "text"),
        Box("invalid", "text"),
    ),
    "Ballot": (
        Box("question", "text", wide=True),
        Box("issued", "count"),
        Box("returned", "count"),
        Box("valid", "count"),
        Box("invalid", "count"),
        Box("options", "list", "BallotOption", rows=2),
        Box("share_of", "share", "share_of", more=True),
        Box("share_label", "text", more=True),
        Box("decimals", "count", more=True),
        Box("unit", "text", more=True),
    ),
    "BallotOption": (Box("label", "text"), Box("votes", "count")),
    "Election": (
        Box("title", "text", wide=True),
        Box("seats", "count"),
        Box("issued", "count"),
        Box("returned", "count"),
        Box("valid", "count"),
        Box("invalid", "count"),
        Box("candidates", "list", "Candidate", rows=1),
        Box("share_of", "share", "share_of", more=True),
        Box("share_label", "text", more=True),
        Box("decimals", "count", more=True),
        Box("order", "choice", "order", more=True),
        Box("cumulative", "flag", more=True),
        Box("unit", "text", more=True),
        Box("labels", "model", "ElectionLabels", more=True),
    ),
    "ElectionLabels": (Box("elected", "text"), Box("not_elected", "text")),
    "Candidate": (
        Box("name", "text"),
        Box("position", "text"),
        Box("votes", "count"),
        Box("elected", "yes_no", "elected"),
        Box("outcome", "text", more=True),
    ),
    "Table": (
        Box("caption", "text", wide=True),
        Box("numbered", "flag"),
        Box("columns", "list", "Column"),
        Box("rows", "list", "Row"),
        Box("total", "text"),
        Box("note", "lines", wide=True),
    ),
    "Column": (
        Box("title", "text"),
        Box("format", "choice", "format"),
        Box("sum", "flag"),
        Box("decimals", "count", more=True),
        Box("align", "choice", "align", more=True),
        Box("width", "number", more=True),
    ),
    "TextPart": (Box("text", "long", wide=True),),
    "TablePart": (Box("table", "table"),),
    "DiscussionPart": (Box("discussion", "long", wide=True), Box("label", "text", more=True)),
    "ConclusionPart": (Box("conclusion", "long", wide=True), Box("label", "text", more=True)),
    "VotePart": (Box("vote", "group", "Vote"),),
    "BallotPart": (Box("ballot", "group", "Ballot"),),
    "ElectionPart": (Box("election", "group", "Election"),),
    "Session": (
        Box("title", "text", wide=True),
        Box("start", "moment"),
        Box("end", "end"),
        Box("location", "text", wide=True),
        Box("chair", "people", "Person"),
        Box("agenda", "list", "AgendaItem"),
        Box("parts", "parts"),
    ),
    "Signer": (
        Box("authority", "lines"),
        Box("title", "lines"),
        Box("name", "text"),
        Box("note", "text"),
    ),
    "Appendix": (
        Box("title", "text", wide=True),
        Box("content", "long"),
        Box("table", "table"),
        Box("parts", "parts"),
    ),
}
"""The boxes of every model but the meeting itself (see :data:`SECTIONS`) and the person rows,
which have a layout of their own (:data:`PERSON`)."""

PERSON = ("honorific", "name", "position", "line", "count")
"""The boxes of a person row (``kind`` says which show: a person's or a group line's)."""
ABSENT = (*PERSON, "reason", "excused")

SECTIONS: tuple[tuple[str, tuple[Box, ...]], ...] = (
    (
        "document",
        (
            Box("profile", "choice", "profile", wide=True),
            Box("organization", "group", "Organization"),
            Box("number", "count"),
            Box("symbol", "text"),
            Box("place", "text"),
            Box("date", "date"),
            Box("confidential", "text", more=True),
            Box("place_date", "yes_no", "place_date", more=True),
        ),
    ),
    (
        "meeting",
        (
            Box("title", "lines", wide=True),
            Box("kind", "text"),
            Box("start", "moment"),
            Box("end", "end"),
            Box("location", "text", wide=True),
        ),
    ),
    (
        "people",
        (
            Box("chair", "people", "Person", rows=1),
            Box("secretary", "people", "Person", rows=1),
            Box("presidium", "people", "Person"),
            Box("counting_board", "people", "Person"),
            Box("boards", "list", "Board"),
        ),
    ),
    (
        "attendance",
        (
            Box(
                "members",
                "model",
                "Members",
                unless=("members_label", "members_present", "members_total"),
            ),
            Box("members_label", "text", old=True),
            Box("members_present", "count", old=True),
            Box("members_total", "count", old=True),
            Box("attendees", "people", "Person", rows=1),
            Box("absent", "absent", "AbsentPerson"),
            Box("invited", "people", "Person"),
        ),
    ),
    ("documents", (Box("documents", "texts"), Box("other_info", "long", more=True))),
    ("data", (Box("data", "data"),)),
    ("body", (Box("agenda", "list", "AgendaItem"), Box("sessions", "list", "Session"))),
    (
        "after",
        (
            Box("parts", "parts"),
            Box("discussion", "long", old=True),
            Box("conclusion", "long", old=True),
        ),
    ),
    (
        "end",
        (
            Box("closing", "long", wide=True),
            Box("closing_line", "text", wide=True),
            Box("signatures", "list", "Signer"),
            Box("recipients", "texts"),
            Box("attachments", "texts"),
            Box("appendices", "list", "Appendix"),
        ),
    ),
)
"""The meeting's own fields, in the form's parts (their headings: ``labels.SECTIONS``)."""

PART_MODELS: dict[str, str] = {
    "text": "TextPart",
    "table": "TablePart",
    "discussion": "DiscussionPart",
    "vote": "VotePart",
    "ballot": "BallotPart",
    "election": "ElectionPart",
    "conclusion": "ConclusionPart",
}
"""The model of each kind of part, by the key that names it."""


def meeting_boxes() -> tuple[Box, ...]:
    """The meeting's boxes, in page order."""
    return tuple(box for _name, boxes in SECTIONS for box in boxes)


def boxes(model: str) -> tuple[Box, ...]:
    """The boxes of ``model`` (``Minutes`` for the meeting's own)."""
    return meeting_boxes() if model == "Minutes" else SPEC[model]


TEMPLATES: tuple[str, ...] = (
    "Person",
    "AbsentPerson",
    "Line",
    "Board",
    "AgendaItem",
    "Figure",
    "Vote",
    "MemberCategory",
    "BallotOption",
    "Candidate",
    "Column",
    "Row",
    "Session",
    "Signer",
    "Appendix",
    "Data",
    *(f"part-{kind}" for kind in PART_MODELS),
)
"""The row templates the page carries, one per kind of row: the script copies one when a row is
added (see ``static/app.js``)."""

COMPACT = frozenset(
    {
        "Person",
        "AbsentPerson",
        "Line",
        "Data",
        "Figure",
        "MemberCategory",
        "BallotOption",
        "Candidate",
    }
)
"""Lists whose rows hold a few boxes on one line: their labels show on the first row only, as
the head of a table (the others keep them for screen readers)."""
