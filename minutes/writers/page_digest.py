"""A digest of what one laid-out page of WeasyPrint draws, so that a preview draws only the pages
a change touched.

Why: the live preview lays the whole meeting out for every keystroke, and then drew every page
into a PDF and every page of that PDF into a picture. A keystroke usually changes one page of
several; drawing and writing the PDF is a third of the work and drawing the pictures another
tenth. Two pages with the same digest draw the same pixels, so the preview keeps a picture by
its page's digest and hands WeasyPrint only the other pages to draw. WeasyPrint has no notion of
a page staying the same between two documents, so this is written here.

What the digest covers, for every box of the page in tree order: its kind, every plain value
WeasyPrint set on it while laying it out (position, size, margins, borders, paddings, the text of a
line, the spacing a justified line got, a table's collapsed borders), the tag and attributes of its
element, and its children (and a table's column boxes); and the page's size and type (first page,
named appendix page). The box's style is not read: a computed style follows from the stylesheet
(the caller's ``salt``) and from the tags and attributes of the element and its ancestors, all of
them on the same page, *because the writer's stylesheet selects by tag and class only* (no sibling
combinators, no structural pseudo-classes: ``tests/test_page_digest.py`` holds every profile's
stylesheet to that). A value that cannot be pickled gives no digest: that page is drawn every time,
as before.
"""

from __future__ import annotations

import hashlib
import pickle
from typing import Any

NOT_DRAWN = frozenset(
    {
        "children",  # walked, in order
        "element",  # its tag and attributes are taken
        "style",  # follows from the elements and the stylesheet (above)
        "first_letter_style",
        "first_line_style",
        "pango_layout",  # laid out from the text, the style and the width, all taken
        "resume_at",  # where the next page goes on: that page's own digest says it
        "cached_counter_values",
        "fixed_boxes",
        "remove_decoration_sides",
        "background",  # taken without its style (see _background)
        "column_groups",  # a table's column boxes, walked as its children are
        "get_cells",  # a column's cells, walked in their rows
    }
)
"""Attributes of a box that are not plain values, or that the rest of the digest accounts for."""


def page_digest(page: Any, salt: bytes) -> bytes | None:
    """The digest of WeasyPrint's laid-out ``page`` drawn with the stylesheet ``salt`` names, or
    ``None`` when a value of one of its boxes cannot be pickled."""
    facts: list[Any] = [salt, page.width, page.height]
    try:
        _add_box(page._page_box, facts)
        data = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
    except (_NoDigest, pickle.PicklingError, TypeError, AttributeError, ValueError):
        return None
    return hashlib.blake2b(data, digest_size=20).digest()


class _NoDigest(Exception):
    """A box holds something the digest cannot stand for (a picture)."""


def _add_box(box: Any, facts: list[Any]) -> None:
    """Append what ``box`` and its descendants draw to ``facts``."""
    values = vars(box)
    facts.append(type(box).__name__)
    facts.extend(item for item in values.items() if item[0] not in NOT_DRAWN)
    background = values.get("background")
    if background is not None:
        facts.append(_background(background))
    element = values.get("element")
    if element is not None:
        facts.append(element.attrib)
    for boxes in (values.get("children") or (), values.get("column_groups") or ()):
        facts.append(len(boxes))
        for child in boxes:
            _add_box(child, facts)


def _background(background: Any) -> tuple[Any, ...]:
    """What a box's laid-out background draws: its colour and the areas of its layers. Its style
    (the box's own, already accounted for) holds the font configuration, which cannot be
    pickled; a layer with a picture has no digest."""
    if any(layer.image is not None for layer in background.layers):
        raise _NoDigest
    return (background.color, background.layers)
