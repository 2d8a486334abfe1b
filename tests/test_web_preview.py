"""The preview's pictures of the pages (minutes/web/preview.py): every page, at its size, and a
page drawn the same as before not encoded again."""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

import minutes
from minutes.web import preview
from minutes.web.preview import PREVIEW_SCALE, page_images

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"


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
    for scale in (1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1):
        page_images(pdf, scale=scale)
    assert len(preview._kept) == preview.KEPT_PICTURES
