"""Take the picture of the web app in docs/web.md: ``docs/images/web-app.png``.

The real app (served as the browser tests serve it, see ``tests/web_support.py``) in Debian's
Chromium at a laptop's 1366 × 768, with the flagship example opened through the page's own file
box and its pages in the preview. Run it after a change to the page::

    .venv/bin/python docs/images/web_screenshot.py

It writes that one file and nothing else.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from web_support import VIEWPORT, chromium, running_server  # noqa: E402

FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
PICTURE = ROOT / "docs" / "images" / "web-app.png"
WAIT_MS = 20_000


def main() -> int:
    from playwright.sync_api import expect

    with running_server() as origin, chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT, base_url=origin)
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        page.goto("/")
        page.set_input_files("#upload", FLAGSHIP)
        with page.expect_navigation():
            page.click("#open")
        expect(page.locator("#status")).to_have_text(
            "Không có lỗi. Biên bản có 3 trang.", timeout=WAIT_MS
        )
        expect(page.locator("#pages img")).to_have_count(3, timeout=WAIT_MS)
        page.evaluate("Promise.all([...document.images].map((image) => image.decode()))")
        page.screenshot(path=str(PICTURE))
        context.close()
    print(f"wrote {PICTURE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
