"""Speed of minutes beside the alternatives, measured in one run on one machine.

Run from the repository root (needs LibreOffice, and fonts-liberation2 for the naive baseline's
system font):

    .venv/bin/python benchmarks/compare.py            # prints the table, writes docs/performance.md
    .venv/bin/python benchmarks/compare.py --quick    # fewer repetitions and documents

What is compared (medians after a warm-up):

1. our PDF, in-process with a warm ``Renderer``, per document, for 1-, 3- and 10-page minutes;
2. our DOCX, the same;
3. the naive WeasyPrint baseline: ``HTML(string=…).write_pdf()`` per document with default options
   and the system's font (what a developer writes on day one), on the same HTML and CSS;
4. LibreOffice headless converting the same DOCX files to PDF in one batch, per document;
5. ``minutes batch`` end to end (PDF + DOCX) on 200 documents with 1 and 2 workers, against
   LibreOffice converting the same 200 DOCX files (PDF only) in one batch;
6. cold start: ``minutes render`` of the flagship example (both formats) as a fresh process.

The documents are made from the flagship example by repeating its agenda until the PDF has the
wanted number of pages; pages per document are recorded so per-page figures are honest.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

import minutes
from minutes.compose import compose
from minutes.resources import fonts_dir
from minutes.writers.css import embedded_family, stylesheet

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MINUTES = [sys.executable, "-m", "minutes"]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    return yaml


def with_repeats(source: Path, repeats: int) -> str:
    """The YAML of ``source`` with its agenda repeated ``repeats`` times."""
    yaml = _yaml()
    data = yaml.load(source.read_text(encoding="utf-8"))
    data["agenda"] = [copy.deepcopy(item) for _ in range(repeats) for item in data["agenda"]]
    from io import StringIO

    out = StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def pages_of(pdf: bytes) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def one_page_meeting() -> minutes.Minutes:
    """The flagship with its first agenda item only, without its long texts: one page."""
    yaml = _yaml()
    data = yaml.load(FLAGSHIP.read_text(encoding="utf-8"))
    first = data["agenda"][0]
    data["agenda"] = [{"title": first["title"], "content": first["content"].split("\n")[0]}]
    data["documents"] = []
    from io import StringIO

    out = StringIO()
    yaml.dump(data, out)
    return minutes.loads(out.getvalue())


def document_of_pages(renderer: minutes.Renderer, pages: int) -> tuple[minutes.Minutes, int]:
    """A meeting built from the flagship whose PDF has about ``pages`` pages."""
    if pages == 1:
        meeting = one_page_meeting()
        return meeting, pages_of(renderer.render_pdf(meeting))
    repeats = 1
    while True:
        meeting = minutes.loads(with_repeats(FLAGSHIP, repeats))
        count = pages_of(renderer.render_pdf(meeting))
        if count >= pages or repeats > 50:
            return meeting, count
        repeats += max(1, int(repeats * (pages - count) / max(count, 1)))


def median_seconds(action: Callable[[], Any], repeats: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def naive_html(document: Any) -> str:
    """Our HTML with our CSS inlined, but naming the system's font instead of embedding ours."""
    css = stylesheet(document.profile, fonts_dir())
    css = "\n".join(line for line in css.splitlines() if not line.startswith("@font-face"))
    css = css.replace(f"'{embedded_family(fonts_dir())}'", "'Liberation Serif'")
    return document.xhtml.replace("</head>", f"<style>{css}</style></head>", 1)


def soffice_batch(docx_files: list[Path], out_dir: Path) -> float:
    """Seconds LibreOffice takes to convert ``docx_files`` to PDF in one call."""
    profile = out_dir / "lo-profile"
    start = time.perf_counter()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=3600,
    )
    return time.perf_counter() - start


def soffice_warm(scratch: Path) -> None:
    """Start LibreOffice once so its first-run profile set-up is not counted."""
    warm = scratch / "warm"
    warm.mkdir(exist_ok=True)
    doc = warm / "w.docx"
    doc.write_bytes(minutes.render_docx(minutes.load(FLAGSHIP)))
    soffice_batch([doc], scratch)


def batch_run(inputs: Path, out: Path, workers: int) -> tuple[float, float]:
    """``minutes batch`` in a fresh process: (seconds, peak RSS of any process in MB)."""
    code = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        f"r = subprocess.run({MINUTES!r} + ['batch', {str(inputs)!r}, '-o', {str(out)!r},"
        f" '-j', '{workers}', '--force'], capture_output=True);"
        "d = time.perf_counter() - t;"
        "print(d, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    seconds, rss_kb, status = result.stdout.split()
    if status != "0":
        raise RuntimeError(f"minutes batch failed with exit code {status}")
    return float(seconds), int(rss_kb) / 1024


def cold_start(scratch: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(
            [*MINUTES, "render", str(FLAGSHIP), "-o", str(scratch / "cold")],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import weasyprint

    lo = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.platform()}, "
        f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, {lo}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and documents")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/performance.md")
    args = parser.parse_args()
    repeats = 5 if args.quick else 15
    batch_size = 40 if args.quick else 200
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is needed for the comparison", file=sys.stderr)
        return 2
    import weasyprint

    renderer = minutes.Renderer()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        soffice_warm(scratch)
        for target in (1, 3, 10):
            meeting, pages = document_of_pages(renderer, target)
            document = compose(meeting)
            pdf = median_seconds(lambda m=meeting: renderer.render_pdf(m), repeats)
            docx = median_seconds(lambda m=meeting: renderer.render_docx(m), repeats)
            html = naive_html(document)
            naive = median_seconds(lambda h=html: weasyprint.HTML(string=h).write_pdf(), repeats)
            copies = 10 if not args.quick else 4
            folder = scratch / f"lo-{target}"
            folder.mkdir()
            data = renderer.render_docx(meeting)
            files = []
            for index in range(copies):
                path = folder / f"d{index}.docx"
                path.write_bytes(data)
                files.append(path)
            libreoffice = soffice_batch(files, folder / "pdf") / copies
            rows.append(
                {
                    "target": target,
                    "pages": pages,
                    "pdf": pdf,
                    "docx": docx,
                    "naive": naive,
                    "libreoffice": libreoffice,
                }
            )
            print(
                f"{pages:>2} pages: pdf {pdf * 1000:.0f} ms, docx {docx * 1000:.0f} ms, "
                f"naive {naive * 1000:.0f} ms, LibreOffice {libreoffice * 1000:.0f} ms",
                flush=True,
            )

        inputs = scratch / "batch-in"
        inputs.mkdir()
        sources = [(example, repeats_) for example in EXAMPLES for repeats_ in (1, 2, 3)]
        for index in range(batch_size):
            example, repeats_ = sources[index % len(sources)]
            (inputs / f"m{index:04d}.yaml").write_text(
                with_repeats(example, repeats_), encoding="utf-8"
            )
        batch = {}
        for workers in (1, 2):
            seconds, rss = batch_run(inputs, scratch / f"batch-out-{workers}", workers)
            batch[workers] = (seconds, rss)
            print(
                f"batch of {batch_size}, {workers} worker(s): {batch_size / seconds:.1f} docs/s, "
                f"peak {rss:.0f} MB",
                flush=True,
            )
        docx_files = sorted((scratch / "batch-out-2").glob("*.docx"))
        lo_seconds = soffice_batch(docx_files, scratch / "batch-lo")
        print(
            f"LibreOffice on the same {len(docx_files)} DOCX: "
            f"{len(docx_files) / lo_seconds:.1f} docs/s",
            flush=True,
        )
        cold = cold_start(scratch, 3 if args.quick else 5)
        print(f"cold minutes render (both formats): {cold:.2f} s", flush=True)

    table = report(rows, batch, batch_size, lo_seconds, len(docx_files), cold, machine())
    print(table)
    if not args.no_write:
        write_section(table)
    return 0


def report(
    rows: list[dict[str, Any]],
    batch: dict[int, tuple[float, float]],
    batch_size: int,
    lo_seconds: float,
    lo_count: int,
    cold: float,
    where: str,
) -> str:
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    lines = [
        f"Measured {dt.date.today().isoformat()} on {where}.",
        "",
        "| document | our PDF (warm) | our DOCX (warm) | naive WeasyPrint | LibreOffice DOCX→PDF "
        "| PDF vs naive | DOCX / our PDF |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['pages']} page(s) | {ms(row['pdf'])} ({ms(row['pdf'] / row['pages'])}/page) "
            f"| {ms(row['docx'])} | {ms(row['naive'])} | {ms(row['libreoffice'])} "
            f"| {row['naive'] / row['pdf']:.2f}× faster | 1/{row['pdf'] / row['docx']:.1f} |"
        )
    lo_rate = lo_count / lo_seconds
    lines += [
        "",
        f"| batch of {batch_size} (PDF + DOCX) | documents/s | peak memory (largest process) "
        "| vs LibreOffice (PDF only) |",
        "|---|---|---|---|",
    ]
    for workers, (seconds, rss) in batch.items():
        rate = batch_size / seconds
        lines.append(
            f"| `minutes batch -j {workers}` | {rate:.1f} | {rss:.0f} MB | {rate / lo_rate:.2f}× |"
        )
    lines += [
        f"| LibreOffice `--convert-to pdf`, {lo_count} DOCX in one call | {lo_rate:.1f} | | 1× |",
        "",
        f"Cold start, `minutes render` of the flagship to PDF and DOCX in a fresh process: "
        f"**{cold:.2f} s** (median).",
    ]
    return "\n".join(lines)


BEGIN = "<!-- compare.py: begin -->"
END = "<!-- compare.py: end -->"


def write_section(table: str) -> None:
    """Replace the generated part of docs/performance.md, keeping the prose around it."""
    path = ROOT / "docs" / "performance.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    block = f"{BEGIN}\n{table}\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## Side by side\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
