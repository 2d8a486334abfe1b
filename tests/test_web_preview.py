"""The preview's pictures of the pages (minutes/web/preview.py): every page, at its size, the
same pixels as the whole PDF's; a page laid out as before not drawn again, and a page drawn the
same as before not encoded again."""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

import minutes
from minutes.starter import starter, starters
from minutes.web import preview
from minutes.web.preview import PREVIEW_SCALE, PageImage, page_images, preview_pages

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
MEETINGS = [
    *sorted((ROOT / "examples").glob("*.yaml")),
    *sorted(ROOT.glob("examples/corpus/*.yaml")),
]


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    preview._kept.clear()
    yield
    preview._kept.clear()


@pytest.fixture(scope="module")
def flagship() -> minutes.Minutes:
    return minutes.load(FLAGSHIP)


def _picture(src: str) -> Image.Image:
    prefix = "data:image/png;base64,"
    assert src.startswith(prefix)
    return Image.open(io.BytesIO(base64.b64decode(src[len(prefix) :])))


def test_every_page_is_a_grey_png_of_the_page_size(flagship: minutes.Minutes) -> None:
    pages = page_images(minutes.render_pdf(flagship))
    assert len(pages) == 3
    for page in pages:
        image = _picture(page.src)
        assert image.mode == "L" and image.size == (page.width, page.height)
        # A4 at 1.25 pixels a point, a part of a pixel drawn whole (PDFium rounds up)
        assert page.width == math.ceil(210 / 25.4 * 72 * PREVIEW_SCALE) == 745
        assert page.height == math.ceil(297 / 25.4 * 72 * PREVIEW_SCALE) == 1053


def test_a_page_drawn_the_same_again_is_not_encoded_again(
    flagship: minutes.Minutes, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = page_images(minutes.render_pdf(flagship))
    changed = flagship.model_copy(update={"location": flagship.location + " (phòng họp số 2)"})
    encoded: list[tuple[int, int]] = []
    real_save = Image.Image.save

    def counting_save(image: Image.Image, *args: object, **kwargs: object) -> None:
        encoded.append(image.size)
        real_save(image, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image.Image, "save", counting_save)
    after = page_images(minutes.render_pdf(changed))
    assert len(encoded) == 1  # page 1, where the place is: pages 2 and 3 are kept
    assert after[0].src != before[0].src
    assert after[1:] == before[1:]
    assert page_images(minutes.render_pdf(changed)) == after  # all three kept now
    assert len(encoded) == 1


def test_only_the_last_pictures_are_kept(flagship: minutes.Minutes) -> None:
    pdf = minutes.render_pdf(flagship)
    for step in range(preview.KEPT_PICTURES // 3 + 2):
        page_images(pdf, scale=1 + step / 20)
    assert len(preview._kept) == preview.KEPT_PICTURES


@pytest.fixture(scope="module")
def renderer() -> minutes.Renderer:
    return minutes.Renderer()


def _whole(renderer: minutes.Renderer, meeting: minutes.Minutes) -> list[PageImage]:
    """The pictures of the whole PDF, drawn with nothing kept."""
    preview._kept.clear()
    pictures = page_images(renderer.render_pdf(meeting))
    preview._kept.clear()
    return pictures


def _meetings() -> list[minutes.Minutes]:
    meetings = [minutes.load(path) for path in MEETINGS]
    return meetings + [minutes.loads(starter(name), name) for name in starters()]


def test_the_preview_is_the_whole_pdf_pixel_for_pixel(renderer: minutes.Renderer) -> None:
    """Every example, corpus file and starter: each page drawn alone (the preview's PDF holds
    only the pages to draw) comes out as it does in the whole document; PNG encoding is the
    same for the same pixels, so equal pictures are equal pixels."""
    for meeting in _meetings():
        expected = _whole(renderer, meeting)
        assert preview_pages(renderer, renderer.compose(meeting)) == expected, meeting.source


def _counting_drawn(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of pages of each PDF the preview has PDFium draw."""
    counts: list[int] = []
    real = preview._drawn

    def drawn(pdf: bytes, scale: float) -> list[PageImage]:
        pictures = real(pdf, scale)
        counts.append(len(pictures))
        return pictures

    monkeypatch.setattr(preview, "_drawn", drawn)
    return counts


def test_only_the_pages_a_change_touched_are_drawn(
    renderer: minutes.Renderer, flagship: minutes.Minutes, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = _counting_drawn(monkeypatch)
    first = preview_pages(renderer, renderer.compose(flagship))
    changed = flagship.model_copy(update={"location": flagship.location + " (phòng họp số 2)"})
    after = preview_pages(renderer, renderer.compose(changed))
    again = preview_pages(renderer, renderer.compose(changed))
    assert counts == [3, 1]  # all three; then page 1, where the place is; then none
    assert after[0] != first[0] and after[1:] == first[1:]
    assert again == after
    assert after == _whole(renderer, changed)


def test_a_change_that_moves_lines_onto_the_next_pages_draws_them_again(
    renderer: minutes.Renderer, flagship: minutes.Minutes, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = _counting_drawn(monkeypatch)
    preview_pages(renderer, renderer.compose(flagship))
    longer = flagship.model_copy(update={"location": flagship.location + ", hội trường lớn" * 12})
    pictures = preview_pages(renderer, renderer.compose(longer))
    assert counts[1] >= 2  # page 1 and what its longer place pushed on
    assert pictures == _whole(renderer, longer)


def test_a_page_without_a_digest_is_drawn_every_time(
    renderer: minutes.Renderer, flagship: minutes.Minutes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes.writers import pdf

    counts = _counting_drawn(monkeypatch)
    monkeypatch.setattr(pdf, "page_digest", lambda page, salt: None)
    document = renderer.compose(flagship)
    first = preview_pages(renderer, document)
    assert preview_pages(renderer, document) == first
    assert counts == [3, 3]


def test_pages_alike_in_one_document_each_get_their_own_picture(
    flagship: minutes.Minutes,
) -> None:
    """Two pages of one document with the same digest are both in the PDF to draw (neither was
    kept when asked): each gets its own page of that PDF, and the page after them its own, not
    its neighbour's. (The stand-in's three pages differ, to show which picture went where.)"""
    from minutes.writers.pdf import PdfPages

    pdf = minutes.render_pdf(flagship)
    expected = page_images(pdf)
    preview._kept.clear()

    class Alike:
        def render_pdf_pages(self, document: object, drawn: object) -> PdfPages:
            return PdfPages([b"a" * 20, b"a" * 20, b"b" * 20], pdf)

    pictures = preview_pages(Alike(), None)  # type: ignore[arg-type]
    assert pictures == expected
