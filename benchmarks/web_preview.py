"""How fast the web form's live preview follows a change, and what each step costs.

Run from the repository root (needs the ``web`` extra, and poppler's pdftoppm for the
comparison):

    .venv/bin/python benchmarks/web_preview.py            # 9 repetitions
    .venv/bin/python benchmarks/web_preview.py --quick    # 3

For each example, medians after a warm-up:

1. the whole check the page asks for after a change (``/form/check``; each one with a letter more
   in the place of the meeting, as after a keystroke): the form's data written as YAML, validated
   by the validator of ``minutes validate``, laid out, the pages the change touched drawn to PNG;
   and the same when every page moves (the place of the meeting a line longer each time);
2. its steps: validation, the PDF, the pictures of the pages with PDFium (``pypdfium2``, what the
   app uses), and the same pictures with poppler's ``pdftoppm`` (the alternative: a separate
   program, started for each preview);
3. the same check over HTTP, to a real uvicorn server on 127.0.0.1 (the form's fields taken from
   the page the app serves for the opened file), one request at a time and four at once.

4. **keystroke → pages shown, in a browser**: headless Chromium on the page the app serves for
   the opened file; one letter added to the place of the meeting (printed on page 1), and the
   time from that ``input`` event until the new pictures of every page are in the page and
   decoded (``performance.now()`` in the page), each change alone (the answer to the one before
   is shown first). What the clerk sees, the page's own pause before it asks included.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import httpx2 as httpx  # noqa: E402
from web_support import chromium, chromium_path, form_fields, running_server  # noqa: E402

import minutes  # noqa: E402
from minutes.api import Renderer  # noqa: E402
from minutes.dump import dumps  # noqa: E402
from minutes.load import DEFAULT_LIMITS, parse  # noqa: E402
from minutes.validate import validate_text  # noqa: E402
from minutes.web.form import FormData  # noqa: E402
from minutes.web.jobs import check_form  # noqa: E402
from minutes.web.preview import PREVIEW_SCALE, page_images  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)

ONE_CHANGE = """
async () => {
  const box = document.querySelector('#meeting [name="place"]');
  const pages = document.getElementById("pages");
  const shown = new Promise((resolve) => {
    new MutationObserver((changes, observer) => { observer.disconnect(); resolve(); })
      .observe(pages, { childList: true });
  });
  const start = performance.now();
  box.value += "a";
  box.dispatchEvent(new Event("input", { bubbles: true }));
  await shown;
  await Promise.all([...pages.querySelectorAll("img")].map((image) => image.decode()));
  return performance.now() - start;
}
"""


def median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def pdftoppm(pdf: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.pdf")
        source.write_bytes(pdf)
        dpi = str(round(72 * PREVIEW_SCALE))
        subprocess.run(
            ["pdftoppm", "-r", dpi, "-gray", "-png", str(source), str(Path(folder, "p"))],
            check=True,
        )


def changing_check(
    data: dict[str, object], field: str, more: Callable[[int], str]
) -> Callable[[], None]:
    """The form's check, ``field`` longer by ``more(n)`` at the n-th call: the preview keeps the
    pictures of pages laid out as before, so a check of the same form twice would draw nothing."""
    calls = itertools.count(1)

    def check() -> None:
        changed = {**data, field: f"{data.get(field, '')}{more(next(calls))}"}
        assert check_form(FormData(changed), DEFAULT_LIMITS, True).pages

    return check


def in_process(repeat: int) -> list[dict[str, object]]:
    renderer = Renderer()
    rows: list[dict[str, object]] = []
    for path in EXAMPLES:
        data = parse(path.read_text(encoding="utf-8")).data
        text = dumps(data)
        meeting = minutes.loads(text)
        pdf = renderer.render_pdf(meeting)
        pages = len(page_images(pdf))
        row: dict[str, object] = {"example": path.stem, "pages": pages}
        # a letter more in the place each time, as a keystroke; and the place of the meeting
        # longer by some words each time: page 1 grows a line and every page after it moves,
        # so every page is drawn again (the worst keystroke)
        row["check"] = median_ms(changing_check(data, "place", lambda n: "a" * n), repeat)
        moved = changing_check(data, "location", lambda n: " hội trường lớn" * (6 * n))
        row["moved"] = median_ms(moved, repeat)
        row["validate"] = median_ms(lambda text=text: validate_text(text), repeat)
        row["pdf"] = median_ms(lambda meeting=meeting: renderer.render_pdf(meeting), repeat)
        row["pdfium"] = median_ms(lambda pdf=pdf: page_images(pdf), repeat)
        if shutil.which("pdftoppm"):
            row["pdftoppm"] = median_ms(lambda pdf=pdf: pdftoppm(pdf), repeat)
        rows.append(row)
    return rows


def over_http(repeat: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    headers = {"content-type": "application/x-www-form-urlencoded"}
    with running_server() as base, httpx.Client(base_url=base, timeout=60) as client:
        token = dict(form_fields(client.get("/").text))["_csrf"]  # and the session's cookie
        for path in EXAMPLES:
            page = client.post(
                "/form/open",
                data={"_csrf": token},
                files={"upload": (path.name, path.read_bytes(), "application/yaml")},
            )
            fields = form_fields(page.text)
            typed = itertools.count(1)

            def ask(fields: list[tuple[str, str]] = fields, typed: Iterator[int] = typed) -> None:
                letters = "a" * next(typed)  # a keystroke each time (see in_process)
                changed = [(k, v + letters if k == "place" else v) for k, v in fields]
                body = urlencode(changed).encode("utf-8")
                reply = client.post("/form/check", content=body, headers=headers)
                assert reply.json()["pages"], reply.text[:300]

            one = median_ms(ask, repeat)
            with cf.ThreadPoolExecutor(4) as pool:

                def four() -> None:
                    list(pool.map(lambda _: ask(), range(4)))

                four_at_once = median_ms(four, max(3, repeat // 3))
            rows.append({"example": path.stem, "one": one, "four": four_at_once})
    return rows


def in_browser(repeat: int) -> list[dict[str, object]]:
    """Keystroke → every page's new picture shown, in headless Chromium (median, ms)."""
    rows: list[dict[str, object]] = []
    with running_server() as base, chromium() as browser:
        page = browser.new_page()
        for path in EXAMPLES:
            page.goto(base + "/")
            page.set_input_files("#upload", str(path))
            page.click("#open")
            page.wait_for_selector("#pages img")
            page.wait_for_timeout(1000)  # the first check of the opened file is answered
            times = []
            for _ in range(repeat + 1):
                times.append(float(page.evaluate(ONE_CHANGE)))
                page.wait_for_timeout(300)
            pages = page.locator("#pages img").count()
            rows.append(
                {
                    "example": path.stem,
                    "pages": pages,
                    "shown": statistics.median(times[1:]),
                    "low": min(times[1:]),
                    "high": max(times[1:]),
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    repeat = 3 if parser.parse_args().quick else 9
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}; medians in ms"
    )
    print(
        "\n| example | pages | check | check, every page moved | validate | PDF "
        "| PDFium pictures | pdftoppm pictures |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in in_process(repeat):
        print(
            f"| {row['example']} | {row['pages']} | {row['check']:.0f} | {row['moved']:.0f} "
            f"| {row['validate']:.0f} "
            f"| {row['pdf']:.0f} | {row['pdfium']:.0f} | {row.get('pdftoppm', float('nan')):.0f} |"
        )
    print("\n| example | over HTTP, one | four at once (all four back) |")
    print("|---|---:|---:|")
    for row in over_http(repeat):
        print(f"| {row['example']} | {row['one']:.0f} | {row['four']:.0f} |")
    if chromium_path() is None:
        print("\n(no Chromium: keystroke → pages not measured)")
        return
    print("\n| example | pages | keystroke → pages shown, in Chromium (lowest–highest) |")
    print("|---|---:|---:|")
    for row in in_browser(repeat):
        print(
            f"| {row['example']} | {row['pages']} | {row['shown']:.0f} "
            f"({row['low']:.0f}–{row['high']:.0f}) |"
        )


if __name__ == "__main__":
    main()
