"""The digest of a laid-out page (minutes/writers/page_digest.py): the same for a page laid out
the same, another for a page that draws otherwise, and none for what it cannot stand for; and
the stylesheet it relies on selecting by tag and class only."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import tinycss2

import minutes
from minutes.profiles.registry import builtin_profiles
from minutes.resources import fonts_dir
from minutes.writers import page_digest as digest_module
from minutes.writers.css import stylesheet
from minutes.writers.page_digest import page_digest

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
SALT = b"state/1"


@pytest.fixture(scope="module")
def renderer() -> minutes.Renderer:
    return minutes.Renderer()


@pytest.fixture(scope="module")
def flagship() -> minutes.Minutes:
    return minutes.load(FLAGSHIP)


def laid_out(renderer: minutes.Renderer, meeting: minutes.Minutes) -> Any:
    writer = renderer._pdf_writer()
    return writer._laid_out(renderer.compose(meeting))


def digests(renderer: minutes.Renderer, meeting: minutes.Minutes) -> list[bytes | None]:
    return [page_digest(page, SALT) for page in laid_out(renderer, meeting).pages]


def test_a_page_laid_out_again_has_the_same_digest(
    renderer: minutes.Renderer, flagship: minutes.Minutes
) -> None:
    first = digests(renderer, flagship)
    assert len(first) == 3 and all(first)
    assert len(set(first)) == 3
    assert digests(renderer, flagship) == first


def test_a_word_changed_on_page_one_changes_page_one_only(
    renderer: minutes.Renderer, flagship: minutes.Minutes
) -> None:
    changed = flagship.model_copy(update={"location": flagship.location + " (phòng 2)"})
    before, after = digests(renderer, flagship), digests(renderer, changed)
    assert after[0] != before[0]
    assert after[1:] == before[1:]


def test_another_stylesheet_gives_another_digest(
    renderer: minutes.Renderer, flagship: minutes.Minutes
) -> None:
    page = laid_out(renderer, flagship).pages[1]
    assert page_digest(page, b"party/1") != page_digest(page, SALT)


def test_a_page_with_a_value_that_cannot_be_pickled_has_no_digest(
    renderer: minutes.Renderer, flagship: minutes.Minutes
) -> None:
    page = laid_out(renderer, flagship).pages[0]
    box = next(iter(page._page_box.descendants()))
    box.drawn_by = lambda: None  # what a newer WeasyPrint might hang on a box
    assert page_digest(page, SALT) is None


def test_a_background_with_a_picture_has_no_digest(
    renderer: minutes.Renderer, flagship: minutes.Minutes
) -> None:
    page = laid_out(renderer, flagship).pages[0]
    background = page._page_box.background
    layer = background.layers[0]._replace(image=object())
    page._page_box.background = background._replace(layers=[layer])
    assert page_digest(page, SALT) is None


def test_what_the_digest_leaves_out_is_a_box_attribute_of_this_weasyprint(
    renderer: minutes.Renderer, flagship: minutes.Minutes
) -> None:
    """A name in NOT_DRAWN that no box has any more would leave its replacement in the digest
    unnoticed (or a rename unaccounted for): every one is still set on some box."""
    names: set[str] = set()
    for page in laid_out(renderer, flagship).pages:
        for box in page._page_box.descendants():
            names.update(vars(box))
            for group in getattr(box, "column_groups", ()):
                names.update(vars(group))
                for column in group.children:
                    names.update(vars(column))
    assert names >= digest_module.NOT_DRAWN


SIBLING_OR_STRUCTURAL = re.compile(r"[+~]|(?<!:):(?!:)")
"""A sibling combinator, or a pseudo-class (``:first-child``…); ``::after`` is fine."""


@pytest.mark.parametrize("profile", builtin_profiles(), ids=lambda profile: profile.id)
def test_the_stylesheet_selects_elements_by_tag_and_class_only(profile: Any) -> None:
    """What the digest relies on (see the module's docstring): with selectors of tags, classes
    and ancestors only, a box's style follows from elements that are all on its page."""
    rules = tinycss2.parse_stylesheet(
        stylesheet(profile, fonts_dir().resolve()), skip_comments=True, skip_whitespace=True
    )
    selectors = [
        tinycss2.serialize(rule.prelude).strip() for rule in rules if rule.type == "qualified-rule"
    ]
    assert "p" in selectors and ".signer-name" in selectors  # the rules were read
    for selector in selectors:
        for one in selector.split(","):
            assert not SIBLING_OR_STRUCTURAL.search(one), one
